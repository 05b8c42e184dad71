#pragma once
// The core: lives on its own thread, owns the ward's live state, applies decoded messages,
// deduplicates events, locates tags, decides "no signal", and sends changed rows to the item
// models in coalesced batches (<= 25 Hz). Device events go straight through, never coalesced.
#include "alarms/alarmengine.h"
#include "alarms/conditiontracker.h"
#include "alarms/censusrecord.h"
#include "alarms/envrecord.h"
#include "alarms/news2.h"
#include "domain/clock.h"
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "models/responders.h"
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

// What a nurse enters at the station for NEWS2 (no device measures it); each has a maximum age.
struct News2StationInputs
{
    news2::Consciousness consciousness = news2::Consciousness::Alert;
    bool onOxygen = false;
    bool scale2 = false;
    qint64 enteredMs = 0; // 0: never entered
    QString enteredBy;
};

// Who computes a station's positions (docs/operations.md, "Positioning engines"): the station
// itself from the raw adverts, or the site's positioning engines (their pos/ messages).
enum class PositionSource { Own, Engines };

// Where the alarm engine's shared output goes (StationCore: encoded and published on MQTT).
struct AlarmOutput
{
    std::function<void(const AlarmState&)> publish;
    std::function<void(const QString& id)> clearRetained;
    std::function<void(const AlarmState&, const EscalationStep&)> escalate;
    std::function<void(const CensusEntryMsg&)> census; // a bed's new entry (retained)
};

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

    // Turns the alarm engine on: log at logPath (SQLite), shared states through output. Before start().
    void enableAlarms(const QString& stationId, const QString& logPath, AlarmOutput output);

    // Before start(). Engines: no fix is computed here; the engines' positions locate every tag, and
    // tech.engine is raised while no engine is online.
    void setPositionSource(PositionSource source) { m_positionSource = source; }
    // Makes this core a positioning engine (wardwatch --engine): of the live engines (their presence,
    // and this one), each tag is owned by the one whose id scores highest with the tag's id
    // (rendezvous hashing: every engine agrees without talking, and an engine that leaves or joins
    // moves only its own share). It keeps every tag's windows, so a tag taken over is located at its
    // next fix, and computes and hands publish the fixes of the tags it owns. Before start().
    void enableEngine(const QString& engineId, std::function<void(const PositionMsg&)> publish);
    [[nodiscard]] bool ownsTag(int tag) const { return tag >= 0 && size_t(tag) < m_owned.size() && m_owned[size_t(tag)]; }
    [[nodiscard]] QStringList engines() const { return m_engines; } // live engines, sorted (this one too)
    // The owner of a tag among engines (empty: none): the same answer in every process.
    [[nodiscard]] static QString ownerOf(const QString& tagId, const QStringList& engines);

    // Starts the flush (40 ms) and signal-check (1 s) timers; call on the core's thread.
    void start();
    // Processes what is queued and sends pending changes now (tests and the self-test).
    void flushNow();
    // Re-evaluates "no signal" for every device at the clock's current time.
    void checkSignals();
    // Adds the time since the last call to each asset's use over the last 24 h (1 s tick; tests).
    void accountAssetUse();

    // Operator actions, on the core thread (invoke queued from the GUI). Results come back as signals.
    Q_INVOKABLE void acknowledge(const QString& alarmId, const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2,
                                    const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above,
                                     const QString& operatorId, const QString& operatorName); // NaN: no limit
    // The census (models/census.cpp): admissions, transfers, discharges and device pairing. Refused,
    // with the reason in censusResult, unless the operator is signed in, the change is possible and
    // the station's record took it; then shown, audited and published to every station.
    Q_INVOKABLE void admitPatient(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
                                  const QString& monitor, const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void transferPatient(const QString& patientId, const QString& bed, const QString& operatorId,
                                     const QString& operatorName);
    Q_INVOKABLE void dischargePatient(const QString& patientId, const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void pairDevices(const QString& patientId, const QString& wristband, const QString& monitor,
                                 const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void auditSignIn(const QString& operatorId, const QString& operatorName, bool ok, const QString& detail);
    // The station's own technical conditions (broker lost, audio, no other station, GUI hung).
    Q_INVOKABLE void setLocalCondition(const QString& rule, const QString& key, bool holds, const QString& condition);
    // The GUI thread's heartbeat (steady-clock ms); the core raises tech.gui-hung when it stops for 5 s.
    void setGuiHeartbeat(const std::atomic<qint64>* beat) { m_guiBeat = beat; }
    // Alarm rules over the current state and the engine's timers (escalation, closing); 1 s tick.
    void evaluateAlarms();
    [[nodiscard]] AlarmEngine* alarmEngine() { return m_alarms.get(); }
    // The core's own rows (core thread only: tests and the self-test).
    [[nodiscard]] const WardRows& rows() const { return m_rows; }

    [[nodiscard]] quint64 messagesApplied() const { return m_applied.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 reportsApplied() const { return m_reports.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 duplicatesDropped() const { return m_duplicates.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 fixesComputed() const { return m_fixes.load(std::memory_order_relaxed); }

    static constexpr int FlushIntervalMs = 40;
    static constexpr int DrainIntervalMs = 5;
    static constexpr int WakeBacklog = 1024; // messages waiting before live readings wake the core too
    static constexpr int ResponderCount = 3;  // staff named per alarm, nearest first

Q_SIGNALS:
    void updatesReady(ww::WardUpdatePtr update);
    void deviceEvent(const ww::DeviceEventMsg& event);
    void alarmChanged(const ww::AlarmState& alarm);
    void acknowledgeResult(const QString& alarmId, bool ok, const QString& message);
    void stationsChanged(const QStringList& onlineStations, const QStringList& hashMismatch);
    void enginesChanged(const QStringList& engines, int ownedTags); // engine mode: membership and this one's share
    void enginesOnline(const QStringList& engines);                 // any mode: the other engines online, sorted
    void censusResult(bool ok, const QString& message);
    // Who is nearest to each open alarm with a room (models/responders.h), whenever that changes:
    // at most once per flush, after staff moved or alarms changed.
    void respondersChanged(const ww::ResponderMap& responders);

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
    void apply(const StationPresenceMsg& m);
    void apply(const AlarmStateMsg& m);
    void apply(const CensusEntryMsg& m);
    // Census helpers (models/census.cpp).
    void restoreCensus();
    void commitCensus(std::vector<CensusEntryMsg> entries, const QString& what, const QString& operatorId,
                      const QString& operatorName);
    void placeEntry(const CensusEntryMsg& e);
    void vacate(int row);
    void setDevices(int row, const QString& wristband, const QString& monitor);
    void pairDevice(int row, QString& slot, const QString& deviceId);
    bool refused(const QString& why);
    [[nodiscard]] QString censusRefusal(const QString& operatorId, const QString& signIn) const;
    [[nodiscard]] QString patientRefusal(int row, const QString& patientId) const;
    [[nodiscard]] SignalState deviceSignal(const QString& deviceId) const;
    [[nodiscard]] QString deviceProblem(const QString& deviceId, DeviceKind kind, int row) const;
    [[nodiscard]] int rowOfBed(const QString& bed) const;
    [[nodiscard]] int rowOfPatient(const QString& patientId) const;
    void evaluatePatient(int row, qint64 now);
    void evaluateEnv(int row, qint64 now);
    void evaluateLocation(int tag, qint64 now);
    void evaluateDevice(int row, qint64 now);
    void evaluateParLevels(qint64 now);
    void eventAlarm(const DeviceEventMsg& ev, int deviceRow);
    // An alarm's place (text) and room id: where the tag is located, else (patients) the bed's room.
    static void placeAt(AlarmRaise& a, const Location& loc);
    void placeAt(AlarmRaise& a, const PatientRow& p) const;
    [[nodiscard]] const VitalLimit* limitFor(int patient, const VitalLimit& rule) const;
    const DeviceRef* ref(const QString& deviceId, TopicKind topic);
    void seen(int deviceRow, qint64 receiveTimeMs);
    void setLocation(int tag, const Location& loc);
    [[nodiscard]] SignalState signalOf(int deviceRow, qint64 steadyNowMs) const;
    void evaluateTargets(EnvRow& row) const;

    const Site& m_site;
    const Clock& m_clock;
    IngestStats& m_stats;
    WardRows m_rows;
    pos::Engine m_engine;
    std::vector<qint64> m_lastReportMs, m_lastFixMs; // per tag
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
    std::vector<AssetUse> m_assetUse;
    QHash<QString, DeviceRef> m_refs;
    std::vector<int> m_tagDevice;     // directory tag index -> device row
    std::vector<QString> m_tagIds;    // directory tag index -> id
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
    QTimer m_flushTimer, m_signalTimer, m_drainTimer, m_alarmTimer;

    // Alarms (null until enableAlarms).
    QString m_stationId;
    std::unique_ptr<AlarmLog> m_alarmLog;
    std::unique_ptr<EnvRecord> m_envRecord; // fridges' readings, in the alarm log's file
    bool m_envRecordFailing = false;
    std::unique_ptr<CensusRecord> m_censusRecord;
    std::function<void(const CensusEntryMsg&)> m_censusPublish;
    QHash<QString, std::pair<qint64, QString>> m_censusRev; // bed -> (time, station) of the entry in force
    std::unique_ptr<AlarmEngine> m_alarms;
    std::unique_ptr<ConditionTracker> m_conditions;
    std::vector<News2StationInputs> m_news2Inputs;              // per patient
    std::vector<QHash<QString, VitalLimit>> m_patientLimits;    // per patient: rule id -> override
    QHash<QString, QString> m_openEventAlarms;                  // "sos|device" -> alarm id
    QHash<QString, StationPresenceMsg> m_stations;              // other stations' presence
    QHash<QString, StationPresenceMsg> m_enginePeers;           // positioning engines' presence (not this one)
    PositionSource m_positionSource = PositionSource::Own;
    QString m_engineId;                                         // engine mode: this engine's id
    std::function<void(const PositionMsg&)> m_publishPosition;  // engine mode
    QStringList m_engines;                                      // engine mode: live engines, sorted
    std::vector<char> m_owned;                                  // engine mode: per tag, this engine owns it
    void updateOwnership();
    void setEngineCondition(); // tech.engine: a station fed by engines, with none online
    [[nodiscard]] bool computesFix(int tag) const;
    const std::atomic<qint64>* m_guiBeat = nullptr;
    struct LocalCondition
    {
        QString rule, key, condition;
        bool holds = false;
    };
    QHash<QString, LocalCondition> m_local; // re-evaluated every second, so onset delays elapse
    // Who is nearest (models/responders.cpp): routes built on first use, the distances to each
    // alarm room kept (a room's are computed once), the nearest per room for the staff's places
    // now (dropped when staff move), the alarms changed since the last flush, the last map sent.
    void updateResponders(bool staffMoved);
    [[nodiscard]] Responders respondersFor(const AlarmState& a);
    // An escalation step's target: nearest-staff becomes the nearest responder's badge (nobody
    // located: all-stations); the second is what the log says about it.
    [[nodiscard]] std::pair<QString, QString> escalationTarget(const AlarmState& a, const QString& target);
    std::unique_ptr<WalkingRoutes> m_routes;
    QHash<QString, std::vector<double>> m_routesTo;
    QHash<QString, Responders> m_roomResponders;
    QSet<QString> m_busyRooms; // room ids where an open patient or event alarm is
    QSet<QString> m_touchedAlarms;
    ResponderMap m_responders;
    std::atomic<quint64> m_applied{0}, m_reports{0}, m_duplicates{0}, m_fixes{0};
};

} // namespace ww
