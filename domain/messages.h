#pragma once
// Internal message types: what the decoders produce from any wire format (protobuf, MOKO JSON)
// and what the core consumes. Plain values, cheap to move across threads.
#include "domain/vitals.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <variant>

namespace ww {

// One advert heard by one gateway. Tags and gateways are indices of the site's DeviceDirectory,
// resolved by the decoder: adverts of tags that are not the site's never get this far.
struct BeaconReport
{
    int tag = -1;
    qint64 timeMs = 0; // gateway time of reception
    qint16 rssi = 0;   // dBm
    qint8 txPower = 0; // dBm at 1 m, 0 = unknown
};

struct BeaconBatch
{
    int gateway = -1;
    qint64 deviceTimeMs = 0;
    qint64 receiveTimeMs = 0;
    QVector<BeaconReport> reports;
    int foreignAdverts = 0; // heard but not ours (phones, other wards' tags): counted, dropped
};


struct VitalSample
{
    VitalKind kind;
    double value = 0;
    qint64 timeMs = 0;
};

struct VitalsUpdate
{
    QString deviceId;
    qint64 deviceTimeMs = 0;
    qint64 receiveTimeMs = 0;
    QVector<VitalSample> samples;
};

enum class DeviceEventKind {
    ButtonSingle, ButtonDouble, ButtonLong, Fall, SosStart, SosEnd, RemovedFromBody, LowBattery, ManDown, Panic,
    AbnormalInactivity
};

struct DeviceEventMsg
{
    QString deviceId;
    qint64 deviceTimeMs = 0;
    qint64 receiveTimeMs = 0;
    quint32 boot = 0;
    quint32 seq = 0;
    DeviceEventKind kind = DeviceEventKind::ButtonSingle;
    bool late = false; // set by the ingest stage when it arrived long after its device time
};

enum class DoorState { Unknown, Closed, Open };

struct EnvUpdate
{
    QString deviceId;
    qint64 deviceTimeMs = 0;
    qint64 receiveTimeMs = 0;
    std::optional<double> temperatureC, humidityPct, co2Ppm, pm25, tvoc, diffPressurePa;
    DoorState door = DoorState::Unknown;
};

// dev/{bed}/bed: what a smart bed reports (each field only when the bed sends it).
struct BedUpdate
{
    QString deviceId;
    qint64 deviceTimeMs = 0;
    qint64 receiveTimeMs = 0;
    std::optional<bool> occupied;   // someone lies on it (load cells)
    std::optional<bool> brakeSet;
    std::optional<int> railsUp;     // side rails raised, 0..4
    std::optional<double> headAngleDeg; // head-of-bed angle
    bool exitAlert = false;         // the bed's own exit sensor tripped (its zone setting)
};

struct DeviceStatusMsg
{
    QString deviceId;
    qint64 deviceTimeMs = 0;
    qint64 receiveTimeMs = 0;
    bool online = true;
    std::optional<int> batteryPct;
    quint32 boot = 0;
    QString firmware;
    int reportIntervalS = 0;
};

// How sure a position is of its room (wire Position.room_state; docs/positioning.md, "Room
// states"). Known with an empty room is "unknown" as older engines sent it.
enum class RoomState { Known = 0, UnknownNear = 1, Stale = 2, Locating = 3 };
inline constexpr int RoomStateCount = 4;

struct PositionMsg
{
    QString tagId;
    qint64 timeMs = 0;
    double x = 0, y = 0;
    int floor = 0;
    QString room;
    double accuracyM = 0;
    double confidence = 0;
    QString engineId; // the engine that computed it; empty from older publishers
    RoomState roomState = RoomState::Known;
    QString nearRoom;      // UnknownNear, Locating: the last or likeliest room (a site room or empty)
    QString unknownReason; // English, for logs
};

struct StationPresenceMsg
{
    QString stationId;
    qint64 deviceTimeMs = 0;
    bool online = false;
    QString siteHash;
    QString operatorId;
    bool engine = false; // a positioning engine's presence, not a station's
    qint64 audioPausedUntilMs = 0; // AUDIO PAUSED at this station until then (0: not paused)
    QString audioPausedBy;         // who pressed it
};

// ww/v1/{site}/census/{bed}: who lies in a bed (patientId empty: vacant), merged by (timeMs, stationId).
struct CensusEntryMsg
{
    QString bed, patientId, patientName, wristband, monitor;
    qint64 timeMs = 0; // the change's time at stationId: its revision
    QString stationId, operatorId, action;
    [[nodiscard]] bool newerThan(qint64 otherMs, const QString& otherStation) const
    {
        return timeMs != otherMs ? timeMs > otherMs : stationId > otherStation;
    }
};

// The version of one part of a shared entry: when and where it was last changed. Versions compare
// like the census's entries: the later time wins, the greater station id on a tie.
struct PartVersion
{
    qint64 timeMs = 0;
    QString stationId;
    [[nodiscard]] bool newerThan(const PartVersion& o) const
    {
        return timeMs != o.timeMs ? timeMs > o.timeMs : stationId > o.stationId;
    }
    [[nodiscard]] bool operator==(const PartVersion&) const = default;
};

// ww/v1/{site}/care/{patient}: a patient's care plan (assigned nurse, risk flags, bed-exit arming,
// reminder schedules). Its three parts (assignment; flags and arming; schedules) each carry their
// own version and merge part by part, so a flag set at one station survives an assignment made at
// another at the same moment; the entry's own (timeMs, stationId) is its newest part's.
struct CareEntryMsg
{
    QString patientId, nurseId; // nurseId empty: unassigned
    bool fallRisk = false, elopementRisk = false, bedExitArmed = false;
    int repositionEveryMin = 0;  // 0: none
    QStringList medicationTimes; // "HH:MM", the ward's local time
    qint64 planSinceMs = 0;      // when the patient came under the plan (its first entry): reminders count from it
    qint64 timeMs = 0;
    QString stationId, operatorId, action;
    // Time 0: the part was never set (older than any change to it).
    PartVersion assignmentVersion, flagsVersion, scheduleVersion;
    [[nodiscard]] bool newerThan(qint64 otherMs, const QString& otherStation) const
    {
        return timeMs != otherMs ? timeMs > otherMs : stationId > otherStation;
    }
    // An entry with no part versions at all (made before parts had them): every part is the entry's.
    void fillVersions()
    {
        if (assignmentVersion.timeMs == 0 && flagsVersion.timeMs == 0 && scheduleVersion.timeMs == 0)
            assignmentVersion = flagsVersion = scheduleVersion = PartVersion{timeMs, stationId};
    }
    [[nodiscard]] bool sameAssignment(const CareEntryMsg& o) const { return nurseId == o.nurseId; }
    [[nodiscard]] bool sameFlags(const CareEntryMsg& o) const
    {
        return fallRisk == o.fallRisk && elopementRisk == o.elopementRisk && bedExitArmed == o.bedExitArmed;
    }
    [[nodiscard]] bool sameSchedule(const CareEntryMsg& o) const
    {
        return repositionEveryMin == o.repositionEveryMin && medicationTimes == o.medicationTimes;
    }
    [[nodiscard]] bool samePlan(const CareEntryMsg& o) const
    {
        return nurseId == o.nurseId && fallRisk == o.fallRisk && elopementRisk == o.elopementRisk &&
               bedExitArmed == o.bedExitArmed && repositionEveryMin == o.repositionEveryMin &&
               medicationTimes == o.medicationTimes;
    }
};

// ww/v1/{site}/role/{role}: who holds a shift role ("charge"), merged by (timeMs, stationId).
struct ShiftRoleMsg
{
    QString role, staffId; // staffId empty: nobody
    qint64 timeMs = 0;
    QString stationId, operatorId;
    [[nodiscard]] bool newerThan(qint64 otherMs, const QString& otherStation) const
    {
        return timeMs != otherMs ? timeMs > otherMs : stationId > otherStation;
    }
};

// A room's climate setpoint change for the building-management system (cmd/{bms device}).
// Each quantity may stay as it is (nullopt, Unchanged).
enum class VentilationMode { Unchanged = 0, Normal = 1, Boost = 2, Setback = 3 };
[[nodiscard]] QString toString(VentilationMode m);
// What a station sends at most (the plant's own limits may be narrower: it declines then).
struct SetpointLimits
{
    static constexpr double MinTemperatureC = 16, MaxTemperatureC = 28, MinHumidityPct = 20, MaxHumidityPct = 70;
};
struct ClimateSetpointRequest
{
    QString roomId;
    std::optional<double> temperatureC, humidityPct;
    VentilationMode ventilation = VentilationMode::Unchanged;
    QString reason; // why, logged with the operator
};
struct ClimateSetpointMsg : ClimateSetpointRequest
{
    QString commandId, stationId, operatorId;
    qint64 timeMs = 0;
};

// ww/v1/{site}/cmdack/{device}: a device's answer to a command (a badge's to a call).
enum class CommandAckStatus { Received = 1, Accepted = 2, Declined = 3, Failed = 4 };
struct CommandAckMsg
{
    QString commandId, deviceId;
    CommandAckStatus status = CommandAckStatus::Received;
    QString detail;
    qint64 deviceTimeMs = 0, receiveTimeMs = 0;
};
[[nodiscard]] QString toString(CommandAckStatus s);
// "HH:MM", 00:00 to 23:59: a time of day in schedules (care plans, the site's reminders).
[[nodiscard]] bool isTimeOfDay(const QString& text);

// State refused at the door: unsigned, signed by a key the site does not list, a signature that
// does not verify, or a signer acting as someone else. The core counts it and raises it.
struct RefusedMsg
{
    QString topic, signer, why;
};

// One decoded message of any kind (AlarmStateMsg: alarm/{id}, see domain/alarmtypes.h).
struct AlarmStateMsg;
using Decoded = std::variant<BeaconBatch, VitalsUpdate, DeviceEventMsg, EnvUpdate, DeviceStatusMsg, PositionMsg,
                             StationPresenceMsg, AlarmStateMsg, CensusEntryMsg, RefusedMsg, CareEntryMsg, ShiftRoleMsg,
                             CommandAckMsg, BedUpdate>;

[[nodiscard]] QString toString(DeviceEventKind kind);

// IEEE 11073-10101 codes (REFERENCE.md).
namespace mdc {
inline constexpr quint32 EcgHeartRate = 147842;
inline constexpr quint32 PulsOximPulsRate = 149530;
inline constexpr quint32 PulsOximSatO2 = 150456;
inline constexpr quint32 RespRate = 151562;
inline constexpr quint32 NibpSys = 150021;
inline constexpr quint32 NibpDia = 150022;
inline constexpr quint32 NibpMean = 150023;
inline constexpr quint32 TempBody = 150364;
inline constexpr quint32 DimBeatPerMin = 2720;
inline constexpr quint32 DimPercent = 544;
inline constexpr quint32 DimMmHg = 3872;
inline constexpr quint32 DimDegC = 6048;
inline constexpr quint32 DimRespPerMin = 2784; // MDC_DIM_RESP_PER_MIN
} // namespace mdc

[[nodiscard]] std::optional<VitalKind> vitalKindFromMdc(quint32 code);
[[nodiscard]] quint32 mdcFromVitalKind(VitalKind kind);
[[nodiscard]] quint32 mdcUnitFor(VitalKind kind);
// Physiologically possible range; values outside are rejected as out-of-range input.
[[nodiscard]] bool vitalInRange(VitalKind kind, double value);

} // namespace ww

#include "domain/alarmtypes.h" // completes AlarmStateMsg for Decoded
