#pragma once
// The core: lives on its own thread, owns the ward's live state, applies decoded messages,
// deduplicates events, locates tags, decides "no signal", and sends changed rows to the item
// models in coalesced batches (<= 25 Hz). Device events go straight through, never coalesced.
#include "domain/clock.h"
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "models/rows.h"
#include "positioning/engine.h"
#include "transport/topics.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <deque>
#include <functional>
#include <span>
#include <mutex>
#include <unordered_map>
#include <unordered_set>


namespace ww {

class IngestStats;

class WardCore : public QObject
{
    Q_OBJECT
public:
    // directory: the same one the ingest stage resolves adverts with.
    WardCore(const Site& site, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats,
             QObject* parent = nullptr);

    // Raw frames from the network thread: copied into a buffer and decoded on the core thread by the
    // frame handler (the ingest stage), so the network thread only reads the socket. Urgent frames
    // (events, statuses) wake the core at once; live readings wait for the next drain tick.
    using FrameHandler = std::function<void(const char* topic, std::span<const std::byte> payload, qint64 rxMs)>;
    void setFrameHandler(FrameHandler handler); // before start()
    void postFrame(const char* topic, std::span<const std::byte> payload, qint64 rxMs, bool urgent); // thread-safe

    // Decoded messages (tests, the self-test, replay). Thread-safe, same urgency rules.
    void post(QVector<Decoded>&& messages);
    // Applies decoded messages now; core thread only (the ingest stage's sink).
    void apply(QVector<Decoded>&& messages);

    // Starts the flush (40 ms) and signal-check (1 s) timers; call on the core's thread.
    void start();
    // Processes what is queued and sends pending changes now (tests and the self-test).
    void flushNow();
    // Re-evaluates "no signal" for every device at the clock's current time.
    void checkSignals();

    [[nodiscard]] quint64 messagesApplied() const { return m_applied.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 reportsApplied() const { return m_reports.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 duplicatesDropped() const { return m_duplicates.load(std::memory_order_relaxed); }

    static constexpr int FlushIntervalMs = 40;
    static constexpr int DrainIntervalMs = 5;
    static constexpr int WakeBacklog = 1024; // messages waiting before live readings wake the core too

Q_SIGNALS:
    void updatesReady(ww::WardUpdatePtr update);
    void deviceEvent(const ww::DeviceEventMsg& event);

private:
    struct DeviceRef
    {
        int device = -1;  // row in the device table
        int patient = -1; // patient whose wristband or monitor this is
        int staff = -1;
        int asset = -1;
        int env = -1;
        int tag = -1;     // index in the locator, for wristbands, badges and asset tags
    };
    struct DedupWindow
    {
        std::unordered_set<quint64> seen;
        std::deque<quint64> order;
    };

    void drain();
    void flush();
    void apply(const BeaconBatch& m);
    void apply(const VitalsUpdate& m);
    void apply(const DeviceEventMsg& m);
    void apply(const EnvUpdate& m);
    void apply(const DeviceStatusMsg& m);
    void apply(const PositionMsg& m);
    void apply(const StationPresenceMsg&) {}
    const DeviceRef* ref(const QString& deviceId, TopicKind topic);
    void seen(int deviceRow, qint64 receiveTimeMs);
    void setLocation(int tag, const Location& loc);
    [[nodiscard]] SignalState signalOf(int deviceRow, qint64 nowMs) const;
    void evaluateTargets(EnvRow& row) const;

    const Site& m_site;
    const Clock& m_clock;
    IngestStats& m_stats;
    WardRows m_rows;
    pos::Engine m_engine;
    std::vector<qint64> m_lastReportMs, m_lastFixMs; // per tag
    QHash<QString, DeviceRef> m_refs;
    std::vector<int> m_tagDevice;     // directory tag index -> device row
    std::vector<int> m_gatewayDevice; // directory gateway index -> device row
    std::unordered_map<QString, DedupWindow> m_dedup;

    // Dirty rows per table, sent at the next flush.
    template <typename Row> struct Dirty
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
    Dirty<PatientRow> m_dirtyPatients;
    Dirty<StaffRow> m_dirtyStaff;
    Dirty<AssetRow> m_dirtyAssets;
    Dirty<EnvRow> m_dirtyEnv;
    Dirty<DeviceRow> m_dirtyDevices;
    std::vector<char> m_tagMoved;
    std::vector<int> m_movedTags;

    struct FrameBuffer
    {
        struct Frame
        {
            size_t topic, payload, payloadSize;
            qint64 rxMs;
        };
        std::vector<char> bytes;
        std::vector<Frame> frames;
    };
    void wake();

    std::mutex m_inboxMutex;
    QVector<Decoded> m_inbox;
    FrameBuffer m_frames, m_framesDraining; // swapped on each drain: capacities are reused
    bool m_drainQueued = false;
    FrameHandler m_frameHandler;
    QTimer m_flushTimer, m_signalTimer, m_drainTimer;
    std::atomic<quint64> m_applied{0}, m_reports{0}, m_duplicates{0};
};

} // namespace ww
