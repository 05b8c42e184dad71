#pragma once
// The ward's live state on the core thread: the rows every view shows, which rows each device
// belongs to, what changed since the last flush (taken as one coalesced WardUpdate), "no signal",
// each asset's use over the last 24 h, and what the devices' messages show of their faults: a clock
// hours wrong, repeated or reordered messages, a signal that keeps dropping out.
#include "core/rows.h"
#include "domain/clock.h"
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "transport/topics.h"

#include <QHash>
#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace ww {

class IngestStats;

// The rows a device id belongs to (-1: none).
struct DeviceRef
{
    int device = -1;  // row in the device table
    int patient = -1; // patient whose wristband or monitor this is
    int staff = -1;
    int asset = -1;
    int env = -1;
    int tag = -1;     // directory tag index, for wristbands, badges, asset tags and reference beacons
};

// A device's clock against this station's, from each message's device time and arrival. A delay
// only ever makes a message look older, so the least delayed message is the best measure: a message
// stamped later than the estimate moves it at once; one stamped much earlier is either late or a
// clock set back, and moves it only when the messages after it agree for ClockConfirmMs.
class DeviceClock
{
public:
    static constexpr qint64 WrongMs = 2 * 60'000; // off by more than this (confirmed): the clock is wrong
    static constexpr qint64 RightMs = 60'000;     // back within this: right again (hysteresis)
    static constexpr qint64 ConfirmMs = 20'000;   // at least two messages this far apart must agree
    static constexpr qint64 SlackMs = 5'000;      // a time later than its arrival by more: placed at arrival
    static constexpr qint64 BucketMs = 30'000;    // the estimate is the latest offset of the last 30-60 s

    // One message: its device time and arrival (wall clock), and this station's steady time.
    // Returns true when the clock became wrong or right again.
    bool observe(qint64 deviceTimeMs, qint64 receiveTimeMs, qint64 steadyMs);
    [[nodiscard]] bool wrong() const { return m_wrong; }
    // Device time minus station time (whole seconds) while wrong; 0 otherwise.
    [[nodiscard]] qint64 correctionMs() const { return m_wrong ? m_correctionMs : 0; }
    // The latest estimate of device time minus arrival (empty: no message with an arrival time yet).
    [[nodiscard]] std::optional<qint64> offsetMs() const { return m_offsetMs; }
    // A device time on this station's clock: corrected while the clock is wrong, and never later
    // than its arrival (beyond the slack): nothing is measured after it was received.
    [[nodiscard]] qint64 stationTime(qint64 deviceTimeMs, qint64 receiveTimeMs) const;

private:
    [[nodiscard]] std::optional<qint64> windowMax() const;

    bool m_wrong = false;
    std::optional<qint64> m_offsetMs;
    qint64 m_correctionMs = 0;
    // The least delayed offset (the largest) of this and the previous bucket of steady time.
    qint64 m_bucketStartMs = 0;
    std::optional<qint64> m_bucketMax, m_previousMax;
    // The estimate beyond WrongMs, one way (sign), since (steady ms) and for how many messages.
    qint64 m_beyondSinceMs = 0;
    int m_beyondCount = 0, m_beyondSign = 0;
    // Messages stamped far earlier than the estimate: late ones, or a clock set back.
    qint64 m_lowSinceMs = 0, m_lowMinMs = 0, m_lowMaxMs = 0;
    int m_lowCount = 0;
};

// What a device's messages show beyond their content (docs/alarms.md, "Device faults").
struct DeviceFaults
{
    DeviceClock clock;
    quint64 corrected = 0; // messages whose times the station corrected (clock wrong) or placed at arrival
    quint64 duplicates =
        0; // a vitals batch or reading again, identical (counted as duplicate by the ingest counters too)
    quint64 stale = 0;              // older than what the device's row already shows: not taken as current
    quint64 drops = 0;              // times its signal was lost (live -> no signal)
    quint64 clockFaults = 0;        // times its clock was found wrong
    std::deque<qint64> recentDrops; // steady ms of the drops within FlapWindowMs
    std::optional<qint64> liveSinceSteadyMs; // live again since (steady ms)
    qint64 lastStatusMs = 0;                 // station time of the newest status taken
    qint64 offlineAtMs = 0;                  // station time of the offline status in force
};

// The ward's totals of the same (core thread).
struct DeviceFaultCounts
{
    quint64 corrected = 0, duplicates = 0, stale = 0, drops = 0, clockFaults = 0;
    int clocksWrong = 0; // devices whose clock is wrong now
};

class WardState
{
public:
    // Drops of a device's signal within this window make it "unstable".
    static constexpr qint64 FlapWindowMs = 10 * 60'000;

    // directory: the one the decoder resolves adverts with (tag and gateway indices).
    WardState(const Site& site, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats);

    [[nodiscard]] const WardRows& rows() const { return m_rows; }
    [[nodiscard]] WardRows& rows() { return m_rows; }

    // A device's rows; an unknown device is counted as rejected on `topic` and gives nullptr.
    const DeviceRef* ref(const QString& deviceId, TopicKind topic);
    [[nodiscard]] const DeviceRef* find(const QString& deviceId) const;
    [[nodiscard]] DeviceRef* find(const QString& deviceId);
    [[nodiscard]] int tagCount() const { return int(m_tagDevice.size()); }
    [[nodiscard]] const QString& tagId(int tag) const { return m_tagIds[size_t(tag)]; }
    [[nodiscard]] const std::vector<QString>& tagIds() const { return m_tagIds; }
    [[nodiscard]] int tagDevice(int tag) const { return m_tagDevice[size_t(tag)]; }
    [[nodiscard]] const DeviceRef& tagRef(int tag) const; // the tag's device must exist (tagDevice >= 0)
    [[nodiscard]] int rowOfBed(const QString& bed) const { return rowWhere(&PatientRow::bed, bed); }
    [[nodiscard]] int rowOfPatient(const QString& patientId) const { return rowWhere(&PatientRow::id, patientId); }
    // A device's signal as its own row says (waiting when it has none).
    [[nodiscard]] SignalState deviceSignal(const QString& deviceId) const;

    // A message from the device of deviceRow arrived (its receive time): live again, counted.
    void seen(int deviceRow, qint64 receiveTimeMs);
    // The adverts of a decoded batch: the gateway and each tag heard.
    void heard(const BeaconBatch& batch);
    // Each returns the row it changed (-1: none; unknown devices are counted by ref()).
    int apply(const VitalsUpdate& m);
    int apply(const EnvUpdate& m);
    // A smart bed's report: the patient row of the bed it belongs to (-1: none, stale, or unknown).
    int apply(const BedUpdate& m);
    int apply(const DeviceStatusMsg& m);
    void noteEvent(int deviceRow, const DeviceEventMsg& ev); // the device table's "last event"
    // An event's time on this station's clock and whether it is late (ev.late, unless its device's
    // clock is wrong: then from the corrected time). After noteEvent.
    struct EventTime
    {
        qint64 timeMs = 0;
        bool late = false;
    };
    [[nodiscard]] EventTime eventTime(int deviceRow, const DeviceEventMsg& ev) const;
    // The last reading apply(EnvUpdate) was given, on this station's clock, as a fridge's record
    // should keep it: taken or older than the row's (late ones are kept); empty for a repeat or a
    // device without a place.
    [[nodiscard]] std::optional<qint64> lastReadingTimeMs() const { return m_lastReadingMs; }
    [[nodiscard]] const DeviceFaults& faults(int deviceRow) const { return m_faults[size_t(deviceRow)]; }
    [[nodiscard]] DeviceFaultCounts faultCounts() const;
    // Drops of the device's signal within FlapWindowMs before the steady time.
    [[nodiscard]] int recentDrops(int deviceRow, qint64 steadyNowMs) const;
    // Where a tag is: its wearer's or asset's row (an asset's status follows the room's kind).
    void setLocation(int tag, const Location& loc);
    // A station that starts shows its tags as "locating…" (initialRows) until their first position,
    // for at most this long; then as never located.
    static constexpr qint64 LocatingGraceMs = 120'000;

    // Re-evaluates "no signal" for every device at the clock's current steady time.
    void checkSignals();
    // Adds the time since the last call to each asset's use over the last 24 h (1 s tick).
    void accountAssetUse();

    void markPatient(int row) { m_dirty[Patients].mark(row); }
    void markStaff(int row) { m_dirty[Staff].mark(row); }
    void markAsset(int row) { m_dirty[Assets].mark(row); }
    void markEnv(int row) { m_dirty[Environment].mark(row); }
    void markDevice(int row) { m_dirty[Devices].mark(row); }
    // The rows changed since the last call, in row order; the dirty marks are cleared.
    [[nodiscard]] std::shared_ptr<WardUpdate> takeUpdate();

private:
    enum Table { Patients, Staff, Assets, Environment, Devices, TableCount };
    struct Dirty
    {
        std::vector<char> flag;
        std::vector<int> rows;
        void mark(int r)
        {
            if (!flag[size_t(r)]) {
                flag[size_t(r)] = 1;
                rows.push_back(r);
            }
        }
    };
    // Per asset, per 6 minutes of the steady clock (the last 24 h): time in use and time its status
    // was known (about 2 KB an asset).
    struct AssetUse
    {
        static constexpr qint64 SliceMs = 6 * 60'000;
        static constexpr size_t Slices = 240;
        std::array<qint32, Slices> inUseMs{}, knownMs{};
        qint64 inUseTotalMs = 0, knownTotalMs = 0; // the sums of the slices, kept as they change
        qint64 slice = -1, lastSteadyMs = -1;
    };
    [[nodiscard]] SignalState signalOf(int deviceRow, qint64 steadyNowMs) const;
    void setSignal(int deviceRow, SignalState s, qint64 steadyNowMs); // counts drops, notes "live since"
    void observeClock(int deviceRow, qint64 deviceTimeMs, qint64 receiveTimeMs);
    [[nodiscard]] qint64 stationTime(int deviceRow, qint64 deviceTimeMs, qint64 receiveTimeMs) const
    {
        return m_faults[size_t(deviceRow)].clock.stationTime(deviceTimeMs, receiveTimeMs);
    }
    // A message the device sent itself, at station time t: after an offline status older than it,
    // the device's connection is back.
    void reconnected(int deviceRow, qint64 t);
    void countDuplicate(int deviceRow, TopicKind topic, const QString& deviceId, qint64 timeMs);
    [[nodiscard]] int rowWhere(QString PatientRow::*field, const QString& value) const; // -1: none (or value empty)
    static void evaluateTargets(EnvRow& row);

    const Site& m_site;
    const Clock& m_clock;
    IngestStats& m_stats;
    WardRows m_rows;
    QHash<QString, DeviceRef> m_refs;
    std::vector<int> m_tagDevice;     // directory tag index -> device row
    std::vector<QString> m_tagIds;    // directory tag index -> id
    std::vector<int> m_gatewayDevice; // directory gateway index -> device row
    std::array<Dirty, TableCount> m_dirty;
    std::vector<AssetUse> m_assetUse;
    qint64 m_locatingUntilSteadyMs = 0; // 0: the grace is over
    std::vector<DeviceFaults> m_faults; // per device row
    DeviceFaultCounts m_counts;
    std::optional<qint64> m_lastReadingMs;
};

} // namespace ww
