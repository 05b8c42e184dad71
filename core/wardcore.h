#pragma once
// The core: lives on its own thread and runs the station's data path there. It takes raw frames
// from the network thread (classified there, decoded here), applies them to the ward's state, runs
// the alarm rules, the census, positioning and who-is-nearest, and sends changed rows to the item
// models in coalesced batches (<= 25 Hz). Device events and alarm changes go straight through.
//
// Its collaborators, each with one job: Inbox (what other threads hand it), EventDedup, WardState (rows, dirty marks, "no signal"), TagFixes
// (positioning), EngineShare (an engine's share of the tags), Presence (who else is online),
// AlarmRules (conditions into alarms), Census (beds), ResponderTracker (nearest staff).
#include "core/alarmrules.h"
#include "core/careplan.h"
#include "core/census.h"
#include "core/engineshare.h"
#include "core/eventdedup.h"
#include "core/explaintext.h"
#include "core/inbox.h"
#include "core/outputs.h"
#include "core/positionhistory.h"
#include "core/presence.h"
#include "core/responders.h"
#include "core/setpoints.h"
#include "core/tagfixes.h"
#include "core/wardstate.h"
#include "records/alarmlog.h"
#include "records/carerecord.h"
#include "records/censusrecord.h"
#include "records/climaterecord.h"
#include "records/envrecord.h"
#include "transport/ingest.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>
#include <span>

namespace ww {

class SigningKey;

// Who computes a station's positions (docs/operations.md, "Positioning engines"): the station
// itself from the raw adverts, or the site's positioning engines (their pos/ messages).
enum class PositionSource { Own, Engines };

class WardCore : public QObject, private AlarmEngine::Observer
{
    Q_OBJECT
public:
    // directory: the same one the decoder resolves adverts with. The core decodes with its own Ingest.
    WardCore(const Site& site, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats,
             IngestConfig ingest = {}, QObject* parent = nullptr);
    ~WardCore() override;

    // A raw frame from the network thread (thread-safe): its topic is classified here, the frame
    // copied into a buffer and decoded on the core thread at the next drain. Urgent frames (events,
    // statuses, alarm state, presence) wake the core at once; live readings wait for the drain tick.
    void receive(const char* topic, std::span<const std::byte> payload, qint64 rxMs);
    // Decoded messages (tests, replay). Thread-safe, same urgency rules.
    void post(QVector<Decoded>&& messages);
    // Applies decoded messages now; core thread only.
    void apply(QVector<Decoded>&& messages);

    // Turns the alarm engine and the census record on: log and records at paths, shared state
    // through outputs; sealKey (the station's signing key) seals the alarm log. Before start().
    void enableAlarms(const QString& stationId, const QString& logPath, StationOutputs outputs = {},
                      std::shared_ptr<const SigningKey> sealKey = {});
    // Before start(). Engines: no fix is computed here; the engines' positions locate every tag, and
    // tech.engine is raised while no engine is online.
    void setPositionSource(PositionSource source) { m_positionSource = source; }
    // Makes this core a positioning engine (wardwatch-engine): it keeps every tag's windows, so a tag
    // taken over is located at its next fix, and computes and publishes the fixes of the tags it
    // owns (EngineShare). Before start().
    void enableEngine(const QString& engineId, PositionPublisher* publisher);
    // Keeps the positioning's memory (TagFixes::memoryJson) in the file at path: recalled at start()
    // (a station restarted within minutes shows its tags where they were, not a burst of guesses
    // while the engine learns them again), saved every minute and when the core ends. Before start().
    void enablePositioningMemory(const QString& path) { m_memoryPath = path; }
    // Saves it now (core thread); false (and a warning) when the file cannot be written.
    bool saveMemory();
    [[nodiscard]] const TagFixes::Recalled& recalledMemory() const { return m_recalled; }
    [[nodiscard]] bool savingMemory() const { return m_memoryTimer.isActive(); } // the minute's save is due (core thread)
    [[nodiscard]] bool ownsTag(int tag) const { return m_share.owns(tag); }
    [[nodiscard]] QStringList engines() const { return m_share.engines(); }
    [[nodiscard]] static QString ownerOf(const QString& tagId, const QStringList& engines)
    {
        return EngineShare::ownerOf(tagId, engines);
    }

    // Starts the flush (40 ms), drain (5 ms), signal-check and alarm (1 s) timers; on the core's thread.
    void start();
    // Processes what is queued and sends pending changes now (tests and the self-test).
    void flushNow();
    // Re-evaluates "no signal" for every device at the clock's current time.
    void checkSignals() { m_state.checkSignals(); }
    // Adds the time since the last call to each asset's use over the last 24 h (1 s tick; tests).
    void accountAssetUse() { m_state.accountAssetUse(); }

    // Operator actions, on the core thread (invoke queued from the GUI). Results come back as signals.
    Q_INVOKABLE void acknowledge(const QString& alarmId, const QString& operatorId, const QString& operatorName,
                                 const QString& comment = {});
    Q_INVOKABLE void setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2,
                                    const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above,
                                     const QString& operatorId, const QString& operatorName); // NaN: no limit
    // The census (core/census.h): refused, with the reason in censusResult, unless possible.
    Q_INVOKABLE void admitPatient(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
                                  const QString& monitor, const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void transferPatient(const QString& patientId, const QString& bed, const QString& operatorId,
                                     const QString& operatorName);
    Q_INVOKABLE void dischargePatient(const QString& patientId, const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void pairDevices(const QString& patientId, const QString& wristband, const QString& monitor,
                                 const QString& operatorId, const QString& operatorName);
    // The care plan (core/careplan.h): refused, with the reason in careResult, unless allowed.
    Q_INVOKABLE void assignPatient(const QString& patientId, const QString& nurseId, const QString& operatorId,
                                   const QString& operatorName);
    Q_INVOKABLE void setRiskFlags(const QString& patientId, bool fallRisk, bool elopementRisk, bool bedExitArmed,
                                  const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void setCareSchedule(const QString& patientId, int repositionEveryMin, const QStringList& medicationTimes,
                                     const QString& operatorId, const QString& operatorName);
    Q_INVOKABLE void takeShiftRole(const QString& role, const QString& operatorId, const QString& operatorName);
    // A room's climate setpoint to the site's BMS (core/setpoints.h); its progress comes back as
    // setpointProgress.
    Q_INVOKABLE void sendSetpoint(const ww::ClimateSetpointRequest& request, const QString& operatorId, const QString& operatorName);
    // Core thread: the plan in force (tests, the patient view's snapshot).
    [[nodiscard]] const CarePlan& carePlan() const { return m_care; }
    // The nearest usable asset of a type to a room (core/responders.h), answered by nearestAsset.
    Q_INVOKABLE void findNearestAsset(const QString& requestId, const QString& roomId, const QString& assetType);
    // Look back (core/positionhistory.h): every tag's position at a time (answered by positionsAt;
    // maxAgeMs: leave out tags not located within that long before it), one tag's track (answered by track).
    Q_INVOKABLE void queryPositionsAt(const QString& requestId, qint64 timeMs, qint64 maxAgeMs);
    Q_INVOKABLE void queryTrack(const QString& requestId, const QString& tagId, qint64 fromMs, qint64 toMs);
    // Explain a tag's position (the plan's "Explain position"): answered by tagExplained at once
    // (with the explanation if the tag is being explained already, else Waiting or why not), and
    // again after the tag's next fix. From the first question until stopExplaining, the engine
    // keeps that tag's explanation and room decisions (no other tag's); minutes: how far back the
    // positions shown go.
    Q_INVOKABLE void explainTag(const QString& requestId, const QString& tagId, int minutes);
    Q_INVOKABLE void stopExplaining(const QString& tagId);
    [[nodiscard]] int tagsExplained() const { return int(m_explained.size()); } // core thread
    // The broker has no session of this station (restarted without persistence, or expired): its
    // retained alarm states may be gone, so this station publishes its open ones again.
    Q_INVOKABLE void republishAlarms();
    Q_INVOKABLE void auditSignIn(const QString& operatorId, const QString& operatorName, bool ok, const QString& detail);
    // AUDIO PAUSED pressed at this station: logged with who and why; announced to the other stations.
    Q_INVOKABLE void auditAudioPause(const QString& operatorId, const QString& operatorName, int seconds, const QString& comment);
    // The station's own technical conditions (broker lost, audio, no other station, GUI hung).
    // code and args: domain/conditiontext.h (a code it does not know is taken as the text).
    Q_INVOKABLE void setLocalCondition(const QString& rule, const QString& key, bool holds, const QString& code,
                                       const QStringList& args = {});
    // The GUI thread's heartbeat (steady-clock ms); the core raises tech.gui-hung when it stops for 5 s.
    void setGuiHeartbeat(const std::atomic<qint64>* beat);
    // Alarm rules over the current state and the engine's timers (escalation, closing); 1 s tick.
    void evaluateAlarms();
    [[nodiscard]] AlarmEngine* alarmEngine() { return m_rules ? &m_rules->engine() : nullptr; }
    // The core's own rows (core thread only: tests and the self-test).
    [[nodiscard]] const WardRows& rows() const { return m_state.rows(); }
    [[nodiscard]] const Topics& topics() const { return m_ingest.topics(); }

    [[nodiscard]] quint64 messagesApplied() const { return m_applied.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 reportsApplied() const { return m_reports.load(std::memory_order_relaxed); }
    [[nodiscard]] quint64 duplicatesDropped() const { return m_duplicates.load(std::memory_order_relaxed); }
    // Device events whose sequence numbers never arrived (core/eventdedup.h; core thread).
    [[nodiscard]] quint64 eventsLost() const { return m_dedup.lostCount(); }
    // How long a missing sequence number may yet arrive late before it is taken as lost.
    static constexpr qint64 EventGapGraceMs = 10'000;
    static constexpr int RefusalLinesPerMinute = 5; // warning lines per refusal alarm and minute
    [[nodiscard]] quint64 fixesComputed() const { return m_fixes.load(std::memory_order_relaxed); }
    // Shared state from the wire refused (an acknowledgement or census change by nobody on the staff list).
    [[nodiscard]] quint64 refusedStates() const { return m_refused.load(std::memory_order_relaxed); }

    static constexpr int FlushIntervalMs = 40;
    static constexpr int DrainIntervalMs = 5;
    static constexpr int WakeBacklog = Inbox::WakeBacklog;
    static constexpr int ResponderCount = ResponderTracker::Count;

Q_SIGNALS:
    void updatesReady(ww::WardUpdatePtr update);
    void deviceEvent(const ww::DeviceEventMsg& event);
    void alarmChanged(const ww::AlarmState& alarm);
    void acknowledgeResult(const QString& alarmId, bool ok, const QString& message);
    void stationsChanged(const QStringList& onlineStations, const QStringList& hashMismatch);
    void enginesChanged(const QStringList& engines, int ownedTags); // engine mode: membership and this one's share
    void enginesOnline(const QStringList& engines);                 // any mode: the other engines online, sorted
    void censusResult(bool ok, const QString& message);
    void careResult(bool ok, const QString& message);
    // A setpoint's progress: refused (ok false, no command id), sent, received, accepted, declined,
    // failed, or no answer in time (ok false); text as logged.
    void setpointProgress(const QString& commandId, const QString& roomId, bool ok, const QString& text);
    // This station's audio pause (untilMs: wall clock), for its presence; other stations' pauses as heard.
    void audioPaused(qint64 untilMs, const QString& operatorName);
    void remoteAudioPause(const QString& stationId, qint64 untilMs, const QString& operatorName);
    // The charge role changed hands (staffId empty: nobody holds it).
    void shiftRoleChanged(const QString& role, const QString& staffId, const QString& staffName);
    // A person's badge answered a call (core/careplan.h): accepted, declined, received.
    void callAnswered(const QString& alarmId, const QString& staffName, ww::CommandAckStatus status);
    // Who is nearest to each open alarm with a room (core/responders.h), whenever that changes:
    // at most once per flush, after staff moved or alarms changed.
    void respondersChanged(const ww::ResponderMap& responders);
    void positionsAt(const QString& requestId, qint64 timeMs, const QVector<ww::TagPosition>& positions);
    void track(const QString& requestId, const QString& tagId, const QVector<ww::TrackPoint>& points);
    void tagExplained(const ww::TagExplanation& explanation);
    // findNearestAsset's answer (found false: none usable, or not a room of the site).
    void nearestAsset(const QString& requestId, bool found, const ww::NearbyAsset& asset);

private:
    // AlarmEngine::Observer
    void onAlarmChanged(const AlarmState& s) override;
    void onLogFailed(const QString& error) override;
    Target resolveTarget(const AlarmState& a, const QString& target) override;

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
    void apply(const RefusedMsg& m) { refuse(m.topic, m.signer, m.why); }
    void apply(const CareEntryMsg& m);
    void apply(const ShiftRoleMsg& m);
    void apply(const CommandAckMsg& m);
    void apply(const BedUpdate& m);
    // The badge text of a call for an alarm: what, who and where, short.
    [[nodiscard]] static QString callText(const AlarmState& a);
    // Help is coming, to the device that raised an event alarm, once per alarm.
    void confirmHelp(const AlarmState& a, const QString& responderName);
    // Events missing past their grace: counted and raised as tech.events-lost, one per device and gap.
    void raiseLostEvents();
    // Reminders (domain/reminders.h) of the patients under the care plan, as low alarms.
    void evaluateReminders();
    void restoreRemindersDone();
    void noteReminderDone(const AlarmState& s);
    // Refuses a message of shared state from `signer` (a station id): counted, logged and raised
    // as tech.refused naming the topic, the station and why.
    void refuse(const QString& topic, const QString& signer, const QString& why);
    void setLocation(int tag, const Location& loc);
    // A position as the rows hold it: the room's name, and no room when the state names none.
    // fromEngine: a position received from an engine is known as the engine meant it (its room
    // may be empty: unknown); the station's own fixes are known when they name a site room.
    [[nodiscard]] Location locationOf(const QString& roomId, RoomState state, const QString& nearRoomId, int floor, double x,
                                      double y, double accuracyM, qint64 timeMs, bool fromEngine) const;
    [[nodiscard]] bool computesFix(int tag) const;
    // The answer to an explainTag (explanation: the engine's, if it has one).
    [[nodiscard]] TagExplanation explanationOf(int tag, const QString& requestId, int minutes) const;
    void answerExplained(); // after a flush's fixes: the questions whose tag has been fixed since
    void setEngineCondition(); // tech.engine: a station fed by engines, with none online
    void wake();

    const Site& m_site;
    const Clock& m_clock;
    IngestStats& m_stats;
    Ingest m_ingest;
    std::string m_mokoFilter;
    WardState m_state;
    TagFixes m_fixer;
    EngineShare m_share;
    Presence m_presence;
    Census m_census;
    CarePlan m_care;
    CarePublisher* m_carePublisher = nullptr;
    // Calls to people's badges this station sent, by command id ("{alarm id}#{step}").
    struct Call
    {
        QString alarmId, staffId, badge;
        int step = 0; // the escalation step that called
    };
    QHash<QString, Call> m_calls;
    Setpoints m_setpoints{m_site, m_clock, this}; // climate setpoints to the BMS (a child: moves with us)

    QSet<QString> m_helpSent; // alarm ids whose caller was told help is coming
    QHash<QString, qint64> m_remotePauses;    // other stations' AUDIO PAUSED until (wall clock)
    QHash<QString, LastDone> m_remindersDone; // by patient: when each reminder was last done
    QHash<QString, QString> m_openReminders;  // "patient|rule" -> the reminder alarm open for it
    ResponderTracker m_responders;
    PositionHistory m_history;
    // The tags explained (by tag): the question waiting for its next fix (empty: answered) and its minutes.
    struct Explained
    {
        QString requestId;
        int minutes = 5;
        double fixT = 0; // the fix explained in the last answer (seconds)
        qint64 sinceMs = 0;
    };
    QHash<int, Explained> m_explained;
    PositionSource m_positionSource = PositionSource::Own;
    PositionPublisher* m_positionPublisher = nullptr;

    // Alarms (null until enableAlarms): the records first, so the rules never outlive them.
    std::unique_ptr<AlarmLog> m_alarmLog;
    std::unique_ptr<EnvRecord> m_envRecord;
    std::unique_ptr<ClimateRecorder> m_climateRecord; // rooms' climate, written on a thread of its own
    std::unique_ptr<CensusRecord> m_censusRecord;
    std::unique_ptr<CareRecord> m_careRecord;
    std::unique_ptr<AlarmRules> m_rules;
    bool m_envRecordFailing = false;
    const std::atomic<qint64>* m_guiBeat = nullptr;

    EventDedup m_dedup;

    Inbox m_inbox;
    QTimer m_flushTimer, m_signalTimer, m_drainTimer, m_alarmTimer, m_memoryTimer;
    QString m_memoryPath;
    bool m_started = false;
    TagFixes::Recalled m_recalled;
    void recallMemory();
    std::atomic<quint64> m_applied{0}, m_reports{0}, m_duplicates{0}, m_fixes{0}, m_refused{0};
    // Refusals this minute by alarm subject (a listed signer, or "unlisted"), for the alarm's count
    // and to keep a flood of forgeries to a few warning lines.
    qint64 m_refusedMinute = -1;
    QHash<QString, int> m_refusedThisMinute;
};

} // namespace ww
