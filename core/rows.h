#pragma once
// Row values of the live models. The core thread owns the truth and sends changed rows; the item
// models on the GUI thread hold copies. Rows are built from the site in the same order on both sides.
#include "domain/alarmtypes.h"
#include "domain/messages.h"
#include "domain/site.h"

#include <QMetaType>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace ww {

// Waiting: never heard since start. NoSignal: silent longer than the device's limit; its last
// value is kept for the tooltip but never shown as if live.
enum class SignalState { Waiting, Live, NoSignal };

struct Reading
{
    double value = 0;
    qint64 timeMs = 0;
    bool valid = false;
};

// Where a tag is. known: roomId names its room (state Known, or Stale: the room it had when last
// heard properly, since roomHeardMs). UnknownNear and Locating name no room; nearRoomId is the last
// or likeliest (docs/positioning.md, "Room states").
struct Location
{
    QString roomId, roomName;
    int floor = 0;
    double x = 0, y = 0, accuracyM = 0;
    qint64 timeMs = 0;
    bool known = false;
    RoomState roomState = RoomState::Known;
    QString nearRoomId, nearRoomName;
    qint64 roomHeardMs = 0; // Stale: when its room was last known for sure
};

// One row per patient in the census, and one per bed nobody lies in (id empty: vacant). A row
// keeps its patient's vitals, trends, limits and NEWS2 inputs; a transfer moves the bed, not the row.
struct PatientRow
{
    QString id, name, bed, wristband, monitor;
    [[nodiscard]] bool vacant() const { return id.isEmpty(); }
    std::array<Reading, VitalKindCount> vitals{};
    SignalState vitalsSignal = SignalState::Waiting;
    SignalState tagSignal = SignalState::Waiting;
    Location location;
    int news2 = -1;            // -1: no vitals yet
    bool news2Partial = false; // built on missing or stale inputs: shown as partial, never complete
    QString news2Detail;       // per-parameter scores and what is missing
    // The clinical response band's alarm priority (site: alarms.news2), empty below the bands: the
    // census colours the score as the alarm list does.
    std::optional<Priority> news2Priority;
    bool news2Single3 = false; // the score's band is "a 3 in one parameter" (hourly observations)
    // The care plan (core/careplan.h): the assigned nurse (empty: unassigned) and the risk flags.
    QString nurseId, nurseName;
    bool fallRisk = false, elopementRisk = false, bedExitArmed = false;
    int repositionEveryMin = 0;  // the care plan's schedules (0: no repositioning)
    QStringList medicationTimes; // "HH:MM" in the ward's zone; empty: the ward's rounds
    // The smart bed's last report (site beds[].device), for the bed this row's patient lies in.
    struct BedState
    {
        std::optional<bool> occupied, brakeSet;
        std::optional<int> railsUp;
        std::optional<double> headAngleDeg;
        bool exitAlert = false;
        qint64 timeMs = 0;
        [[nodiscard]] bool left() const { return exitAlert || occupied == false; }
    } bedState;
};

struct StaffRow
{
    QString id, name, role, badge;
    SignalState signal = SignalState::Waiting;
    Location location;
};

enum class AssetStatus { Unknown, Available, InUse, NeedsCleaning, InTransit };
[[nodiscard]] QString toString(AssetStatus status);

struct AssetRow
{
    QString id, name, type, tag, homeRoom;
    SignalState signal = SignalState::Waiting;
    Location location;
    AssetStatus status = AssetStatus::Unknown;
    // Share of the last 24 h it was in use, of the time its status was known (empty: not known yet).
    std::optional<double> utilisationPct;
    double observedH = 0; // the known time that share is of, hours
};

enum class EnvKind { Room, Fridge, Door };

struct EnvRow
{
    QString id, name, sensorId;
    EnvKind kind = EnvKind::Room;
    ClimateTargets targets;          // fridges: temperatureC = [minC, maxC]
    std::optional<double> temperatureC, humidityPct, co2Ppm, pm25, tvoc, diffPressurePa;
    DoorState door = DoorState::Unknown;
    qint64 doorSinceMs = 0;
    qint64 timeMs = 0;
    SignalState signal = SignalState::Waiting;
    QStringList outOfTarget;         // e.g. "T 25.1 > 24"
};

struct DeviceRow
{
    QString id, subject;
    DeviceKind kind = DeviceKind::Gateway;
    qint64 lastSeenMs = 0;                    // wall clock, shown
    std::optional<qint64> lastSeenSteadyMs;   // this station's steady clock: what "no signal" is timed by
    std::optional<int> batteryPct;
    std::optional<bool> statusOnline; // the retained status / will, when the device publishes one
    quint64 messages = 0;
    QString lastEvent;                // e.g. "fall 12:03:04 (late)"
    SignalState signal = SignalState::Waiting;
    // A wristband or monitor in the ward's stock, on no patient: its silence is no alarm.
    bool inService = true;
};

template <typename Row> using RowChanges = std::vector<std::pair<int, Row>>;

// One coalesced batch of changes, sent from the core thread to the GUI at <= 25 Hz.
struct WardUpdate
{
    RowChanges<PatientRow> patients;
    RowChanges<StaffRow> staff;
    RowChanges<AssetRow> assets;
    RowChanges<EnvRow> environment;
    RowChanges<DeviceRow> devices;
    [[nodiscard]] bool empty() const
    {
        return patients.empty() && staff.empty() && assets.empty() && environment.empty() && devices.empty();
    }
};
using WardUpdatePtr = std::shared_ptr<const WardUpdate>;

struct WardRows
{
    std::vector<PatientRow> patients;
    std::vector<StaffRow> staff;
    std::vector<AssetRow> assets;
    std::vector<EnvRow> environment;
    std::vector<DeviceRow> devices;
};

[[nodiscard]] WardRows initialRows(const Site& site);

// Assets of a PAR level's type standing available in its zone now: located in one of its rooms (or,
// without rooms, in a clean utility room) and not silent. The core raises asset.par-low from it and
// the assets tab shows it.
struct ParCount
{
    const ParLevel* level = nullptr;
    int available = 0;
    [[nodiscard]] bool critical() const { return available < level->critical; }
};
[[nodiscard]] std::vector<ParCount> parCounts(const Site& site, const std::vector<AssetRow>& assets);

} // namespace ww

Q_DECLARE_METATYPE(ww::WardUpdatePtr)
