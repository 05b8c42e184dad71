#pragma once
// The ward's live state on the core thread: the rows every view shows, which rows each device
// belongs to, what changed since the last flush (taken as one coalesced WardUpdate), "no signal"
// and each asset's use over the last 24 h.
#include "core/rows.h"
#include "domain/clock.h"
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "transport/topics.h"

#include <QHash>
#include <array>
#include <memory>
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

class WardState
{
public:
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
    int apply(const DeviceStatusMsg& m);
    void noteEvent(int deviceRow, const DeviceEventMsg& ev); // the device table's "last event"
    // Where a tag is: its wearer's or asset's row (an asset's status follows the room's kind).
    void setLocation(int tag, const Location& loc);

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
};

} // namespace ww
