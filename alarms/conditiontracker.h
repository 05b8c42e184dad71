#pragma once
// Turns a condition sampled over time into alarm occurrences: the condition must hold for the
// rule's onset delay before the alarm is raised, with the onset (and so the alarm id) at the first
// sample that broke the limit, the same at every station that saw the same samples. When the
// condition clears, the alarm's cause has ended; when it returns, that is a new occurrence.
#include "alarms/alarmengine.h"

#include <QHash>

namespace ww {

class ConditionTracker
{
public:
    explicit ConditionTracker(AlarmEngine& engine) : m_engine(engine) {}

    // key: rule and subject. makeRaise() is called only when an alarm is raised or refreshed.
    template <typename F>
    void observe(const QString& key, bool holds, qint64 sampleMs, qint64 nowMs, int delayS, F&& makeRaise)
    {
        if (!holds) {
            const auto it = m_conditions.find(key);
            if (it == m_conditions.end())
                return;
            if (!it->alarmId.isEmpty())
                m_engine.end(it->alarmId);
            m_conditions.erase(it);
            return;
        }
        Condition& c = m_conditions[key];
        const qint64 steadyNow = m_engine.clock().steadyMs();
        if (c.sinceMs == 0) {
            c.sinceMs = sampleMs;
            c.firstSeenSteadyMs = steadyNow;
        }
        if (c.alarmId.isEmpty()) {
            // Held for the delay by the wall clock, or for as long as this station has watched it
            // by its steady clock: a wall clock stepped back never holds an alarm back longer.
            const qint64 delayMs = qint64(delayS) * 1000;
            const bool heldByWall = nowMs - c.sinceMs >= delayMs && sampleMs >= c.sinceMs;
            if (!heldByWall && steadyNow - c.firstSeenSteadyMs < delayMs)
                return;
            AlarmRaise r = makeRaise();
            r.onsetMs = c.sinceMs;
            c.alarmId = m_engine.raise(r);
        } else {
            m_engine.update(c.alarmId, makeRaise());
        }
    }
    // Ends every condition of a subject (keys "rule|subject" and "rule|subject|part"): the patient
    // left the census, so their vitals, NEWS2 and geofence alarms have lost their cause.
    void endSubject(const QString& subject)
    {
        for (auto it = m_conditions.begin(); it != m_conditions.end();) {
            const qsizetype bar = it.key().indexOf(QChar(u'|'));
            const QStringView rest = QStringView(it.key()).mid(bar + 1);
            if (bar >= 0 && (rest == subject || rest.startsWith(subject + QChar(u'|')))) {
                if (!it->alarmId.isEmpty())
                    m_engine.end(it->alarmId);
                it = m_conditions.erase(it);
            } else {
                ++it;
            }
        }
    }
    [[nodiscard]] bool active(const QString& key) const
    {
        const auto it = m_conditions.constFind(key);
        return it != m_conditions.constEnd() && !it->alarmId.isEmpty();
    }
    [[nodiscard]] qsizetype size() const { return m_conditions.size(); }

private:
    struct Condition
    {
        qint64 sinceMs = 0;           // the first sample that broke the limit (the alarm's onset)
        qint64 firstSeenSteadyMs = 0; // when this station first saw it hold (steady clock)
        QString alarmId;
    };
    AlarmEngine& m_engine;
    QHash<QString, Condition> m_conditions;
};

} // namespace ww
