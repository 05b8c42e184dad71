#pragma once
// The alarm engine: one state machine per alarm occurrence (DESIGN.md), on the core thread.
// Sources call raise/update/end; operators acknowledge; other stations' states are merged
// monotonically; tick() escalates unanswered alarms and closes resolved ones. Every transition is
// appended to the log before anyone is told about it.
#include "records/alarmlog.h"
#include "domain/alarmtypes.h"
#include "domain/conditiontext.h"
#include "domain/clock.h"

#include <QHash>
#include <QSet>
#include <functional>
#include <map>

namespace ww {

struct AlarmRaise
{
    QString rule;
    QString subjectKey; // stable id of the subject (patient id, device id, room id) for the alarm id
    QString subject, place, source;
    QString condition;         // in English; set with setCondition
    QString conditionCode;     // domain/conditiontext.h
    QStringList conditionArgs;
    // The condition as a code and its arguments, and its English text.
    void setCondition(const QString& code, QStringList args)
    {
        conditionCode = code;
        conditionArgs = std::move(args);
        condition = knownCondition(conditionCode) ? renderCondition(conditionCode, conditionArgs, false)
                                                  : (QStringList{conditionCode} + conditionArgs).join(u' ');
    }
    QString roomId; // the site room the alarm is in (empty: not known)
    QString patientId; // the census patient it concerns (empty: none)
    double value = 0, limit = 0;
    qint64 onsetMs = 0;             // device time of onset: the same at every station
    QString occurrence;             // overrides the onset part of the id (device events: "boot-seq")
    std::optional<Priority> priority; // default: the rule's
    bool late = false;
    bool local = false;             // station-local technical alarm: never published
    bool endsOnAck = false;         // a press or a fall has no duration: acknowledging resolves it
};

struct AckResult
{
    bool ok = false;
    QString message;
};

// Where shared alarm state leaves the station (StationCore: encoded and published on MQTT; tests:
// a recorder). Called on the core thread, after the log has the change.
class AlarmPublisher
{
public:
    virtual ~AlarmPublisher() = default;
    virtual void publishAlarm(const AlarmState& state) = 0;                         // retained unless closed
    virtual void clearAlarm(const QString& id) = 0;                                 // after close
    virtual void escalate(const AlarmState& state, const EscalationStep& step) = 0; // command on cmd/{target}
};

class AlarmEngine
{
public:
    // What the engine asks of the core it runs in (every member has a default).
    class Observer
    {
    public:
        virtual ~Observer() = default;
        virtual void onAlarmChanged(const AlarmState&) {} // to the models, every change, unthrottled
        virtual void onLogFailed(const QString& /*error*/) {}
        // A step's target as sent: a name the site's staff can be found by (nearest-staff: the
        // nearest one's badge; assigned-nurse: the patient's nurse's badge), with what to log about
        // the choice and, for a person's badge, the text it shows; unchanged: as given.
        struct Target
        {
            QString target, why, callText;
        };
        virtual Target resolveTarget(const AlarmState&, const QString& target) { return {target, {}, {}}; }
    };
    // A test seam: called between an acknowledgement's log write and its publication (the fault
    // tests end the process there). Never set by the shipped programs.
    using AckLoggedHook = void (*)(const AlarmState&);
    static void setAckLoggedHook(AckLoggedHook hook);

    // publisher, observer: may be null (nothing published, nobody told).
    AlarmEngine(const AlarmSettings& settings, const Clock& clock, QString stationId, AlarmLog* log,
                AlarmPublisher* publisher, Observer* observer = nullptr);

    [[nodiscard]] static QString makeId(const AlarmRaise& r);

    // Loads the open alarms of the log (a restart) and publishes them again, so the log and the
    // retained state converge even if the station died between writing and publishing.
    void restore();
    // Raises (or, for an id already known, refreshes) an alarm; returns its id. Disabled rules: "".
    QString raise(const AlarmRaise& r);
    // Live description of a raised alarm (its condition, value and priority from r); a priority can
    // only rise within one occurrence.
    void update(const QString& id, const AlarmRaise& r);
    void end(const QString& id);
    // An observation for the record that is no alarm (kind "news2": a patient's score, value and
    // detail); false when the log could not be written.
    bool record(const QString& kind, const AlarmState& about, const QString& detail);
    // comment: the operator's note, kept with the acknowledgement (at most MaxCommentChars).
    AckResult acknowledge(const QString& id, const QString& operatorId, const QString& operatorName,
                          const QString& comment = {});
    static constexpr int MaxCommentChars = 200;
    void applyRemote(const AlarmState& remote);
    void applyRemoteClosed(const QString& id);
    void tick(); // escalation steps and closing; call about once a second
    // The person called at an alarm's step declined or could not be reached: the next step goes out
    // now instead of at the step's time-to-live (later steps keep their times from the raise).
    // False when the alarm is not at that step any more, is acknowledged, or has no next step.
    bool advanceEscalation(const QString& id, int fromStep, const QString& why);
    // Publishes every open shared alarm's state again, unchanged (the broker lost the retained
    // copies: a new session after a restart without persistence). Returns how many.
    int republish();
    // Writes an audited operator action (limit change, NEWS2 input, sign-in).
    bool audit(const QString& what, const QString& operatorId, const QString& operatorName);

    [[nodiscard]] const AlarmState* find(const QString& id) const;
    [[nodiscard]] std::vector<AlarmState> alarms() const;
    // Visits every alarm the engine holds, without copying them.
    template <typename F> void forEach(F&& f) const
    {
        for (const auto& entry : m_alarms)
            f(entry.second);
    }
    [[nodiscard]] const QString& stationId() const { return m_station; }
    [[nodiscard]] const Clock& clock() const { return m_clock; }
    [[nodiscard]] bool logHealthy() const { return m_logHealthy; }

private:
    bool write(const QString& kind, const AlarmState& s, const QString& op = {}, const QString& opName = {},
               const QString& station = {}, const QString& detail = {});
    void commit(AlarmState& s, bool publish);
    void close(AlarmState& s);
    void tickUnbatched();
    // Condition alarms: two stations that started at different times can see different first
    // samples, so different onsets. The open occurrence with the earliest onset is canonical;
    // a later one of the same rule and subject is retired into it.
    [[nodiscard]] AlarmState* openSibling(const QString& id);
    void retire(const QString& id, const QString& into);
    [[nodiscard]] QString resolve(const QString& id) const { return m_redirect.value(id, id); }
    void notify(std::function<void()> f);

    const AlarmSettings& m_settings;
    const Clock& m_clock;
    QString m_station;
    AlarmLog* m_log;
    AlarmPublisher* m_publisher;
    Observer* m_observer;
    std::map<QString, AlarmState> m_alarms;
    QHash<QString, qint64> m_firstSeenSteadyMs; // local: when this station first knew of the alarm (steady)
    QHash<QString, std::pair<int, QString>> m_stepDue; // local: a step due early and why (its predecessor declined)
    QHash<QString, qint64> m_closed;       // tombstones: id -> closed time (kept a day)
    QHash<QString, QString> m_redirect; // retired id -> canonical id
    bool m_logHealthy = true;
    bool m_batching = false;
    std::vector<std::function<void()>> m_deferred;
};

} // namespace ww
