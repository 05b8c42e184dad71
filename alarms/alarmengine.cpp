#include "alarms/alarmengine.h"

#include <QLoggingCategory>
#include <atomic>

Q_LOGGING_CATEGORY(lcAlarm, "ww.alarm")

namespace ww {

namespace {
constexpr qint64 TombstoneMs = 24 * 3600 * 1000;
}

namespace {
std::atomic<AlarmEngine::AckLoggedHook> g_ackLoggedHook{nullptr};
}

void AlarmEngine::setAckLoggedHook(AckLoggedHook hook)
{
    g_ackLoggedHook.store(hook);
}

AlarmEngine::AlarmEngine(const AlarmSettings& settings, const Clock& clock, QString stationId, AlarmLog* log,
                         AlarmPublisher* publisher, Observer* observer)
    : m_settings(settings), m_clock(clock), m_station(std::move(stationId)), m_log(log), m_publisher(publisher),
      m_observer(observer)
{
}

QString AlarmEngine::makeId(const AlarmRaise& r)
{
    // Ids are MQTT topic levels: no '/', '+', '#'.
    QString key = r.subjectKey;
    key.replace(u'/', u'_').replace(u'+', u'_').replace(u'#', u'_');
    return r.rule + QChar(u':') + key + QChar(u':') +
           (r.occurrence.isEmpty() ? QString::number(r.onsetMs) : r.occurrence);
}

bool AlarmEngine::write(const QString& kind, const AlarmState& s, const QString& op, const QString& opName,
                        const QString& station, const QString& detail)
{
    if (!m_log)
        return true;
    LogEntry e;
    e.utcMs = m_clock.nowMs();
    e.kind = kind;
    e.state = s;
    e.operatorId = op;
    e.operatorName = opName;
    e.station = station.isEmpty() ? m_station : station;
    e.detail = detail;
    if (m_log->append(e)) {
        if (!m_logHealthy) {
            m_logHealthy = true;
            qCInfo(lcAlarm) << "alarm log writable again";
        }
        return true;
    }
    qCCritical(lcAlarm) << "alarm log write failed:" << m_log->lastError();
    const bool first = m_logHealthy;
    m_logHealthy = false;
    if (first && m_observer)
        m_observer->onLogFailed(m_log->lastError());
    return false;
}

void AlarmEngine::notify(std::function<void()> f)
{
    if (m_batching)
        m_deferred.push_back(std::move(f)); // after the batch is committed to the log
    else
        f();
}

void AlarmEngine::commit(AlarmState& s, bool publish)
{
    notify([this, copy = s, publish] {
        if (publish && !copy.local && m_publisher)
            m_publisher->publishAlarm(copy);
        if (m_observer)
            m_observer->onAlarmChanged(copy);
    });
}

int AlarmEngine::republish()
{
    int n = 0;
    if (!m_publisher)
        return n;
    for (const auto& [id, s] : m_alarms)
        if (!s.local && !s.closed()) {
            m_publisher->publishAlarm(s); // the same revision: stations that kept it merge nothing
            ++n;
        }
    return n;
}

void AlarmEngine::restore()
{
    if (!m_log)
        return;
    for (AlarmState& s : m_log->openAlarms()) {
        if (s.local)
            continue; // this station's own technical conditions are evaluated afresh
        auto [it, inserted] = m_alarms.try_emplace(s.id, s);
        if (!inserted)
            mergeAlarm(it->second, s);
        m_firstSeenSteadyMs.insert(s.id, m_clock.steadyMs());
        write(QStringLiteral("restored"), it->second);
        commit(it->second, true);
    }
}

QString AlarmEngine::raise(const AlarmRaise& r)
{
    const AlarmRule& rule = m_settings.rule(r.rule);
    if (!rule.enabled)
        return {};
    const QString id = makeId(r);
    if (m_closed.contains(id))
        return id; // this occurrence was closed already (by us or another station)
    if (r.occurrence.isEmpty() && !m_alarms.count(id)) {
        if (AlarmState* sibling = openSibling(id); sibling && sibling->onsetMs <= r.onsetMs) {
            // Another station raised this condition first (it saw an earlier sample): join it.
            const QString canonical = sibling->id;
            m_redirect.insert(id, canonical);
            update(canonical, r);
            return id;
        }
    }
    if (auto it = m_alarms.find(id); it != m_alarms.end()) {
        update(id, r);
        return id;
    }
    AlarmState s;
    s.id = id;
    s.rule = r.rule;
    s.category = rule.category;
    s.priority = r.priority.value_or(rule.priority);
    s.source = r.source;
    s.subject = r.subject;
    s.place = r.place;
    s.roomId = r.roomId;
    s.patientId = r.patientId;
    s.condition = r.condition;
    s.conditionCode = r.conditionCode;
    s.conditionArgs = r.conditionArgs;
    s.value = r.value;
    s.limit = r.limit;
    s.onsetMs = r.onsetMs;
    s.late = r.late;
    s.latching = rule.latching;
    s.local = r.local;
    s.endsOnAck = r.endsOnAck;
    s.stationId = m_station;
    s.revision = 1;
    write(QStringLiteral("raised"), s); // a failed write raises tech.log; the alarm is still shown
    auto& stored = m_alarms.emplace(id, s).first->second;
    m_firstSeenSteadyMs.insert(id, m_clock.steadyMs());
    qCInfo(lcAlarm).noquote() << "raised" << id << toString(s.priority) << s.condition << s.subject;
    commit(stored, true);
    return id;
}

void AlarmEngine::update(const QString& idIn, const AlarmRaise& r)
{
    const QString& condition = r.condition;
    const double value = r.value;
    const std::optional<Priority>& priority = r.priority;
    const QString id = resolve(idIn);
    auto it = m_alarms.find(id);
    if (it == m_alarms.end() || it->second.closed())
        return;
    AlarmState& s = it->second;
    const bool rises = priority && *priority > s.priority && !s.ended() && !s.acknowledged();
    if (s.condition == condition && s.conditionArgs == r.conditionArgs && s.value == value && !rises)
        return;
    s.condition = condition;
    s.conditionCode = r.conditionCode;
    s.conditionArgs = r.conditionArgs;
    s.value = value;
    if (rises) {
        // A higher priority is a transition of its own: logged, published, and it sounds again.
        s.priority = *priority;
        ++s.revision;
        s.stationId = m_station;
        write(QStringLiteral("priority"), s);
    }
    commit(s, rises);
}

void AlarmEngine::end(const QString& idIn)
{
    const QString id = resolve(idIn);
    m_redirect.remove(idIn);
    auto it = m_alarms.find(id);
    if (it == m_alarms.end() || it->second.ended() || it->second.closed())
        return;
    AlarmState& s = it->second;
    s.endedMs = m_clock.nowMs();
    ++s.revision;
    s.stationId = m_station;
    write(QStringLiteral("ended"), s);
    commit(s, true);
}

AckResult AlarmEngine::acknowledge(const QString& id, const QString& operatorId, const QString& operatorName,
                                   const QString& comment)
{
    if (operatorId.isEmpty())
        return {false, QObject::tr("Sign in first: an acknowledgement needs a named operator.")};
    auto it = m_alarms.find(id);
    if (it == m_alarms.end() || it->second.closed())
        return {false, QObject::tr("This alarm is no longer open.")};
    AlarmState& s = it->second;
    if (s.acknowledged())
        return {true, QObject::tr("Already acknowledged by %1 at %2.").arg(s.ackedByName, s.ackedStation)};
    AlarmState next = s;
    next.ackedAtMs = m_clock.nowMs();
    next.ackedBy = operatorId;
    next.ackedByName = operatorName;
    next.ackedStation = m_station;
    next.ackComment = comment.simplified().left(MaxCommentChars);
    if (s.endsOnAck && !next.ended())
        next.endedMs = next.ackedAtMs;
    ++next.revision;
    next.stationId = m_station;
    // The acknowledgement exists only once it is in the log.
    if (!write(QStringLiteral("acknowledged"), next, operatorId, operatorName))
        return {false, QObject::tr("The alarm log cannot be written (%1); the acknowledgement was not recorded.")
                           .arg(m_log ? m_log->lastError() : QString())};
    if (const AckLoggedHook hook = g_ackLoggedHook.load())
        hook(next);
    s = next;
    qCInfo(lcAlarm).noquote() << "acknowledged" << id << "by" << operatorId << "at" << m_station;
    commit(s, true);
    return {true, {}};
}

void AlarmEngine::applyRemote(const AlarmState& remote)
{
    if (remote.id.isEmpty())
        return;
    if (m_closed.contains(remote.id))
        return;
    auto it = m_alarms.find(remote.id);
    if (it == m_alarms.end()) {
        AlarmState s = remote;
        s.local = false;
        if (!s.closed() && !s.ended()) {
            if (AlarmState* mine = openSibling(s.id)) {
                if (std::pair(mine->onsetMs, mine->id) < std::pair(s.onsetMs, s.id))
                    return; // ours is canonical: the other station retires its copy when it hears ours
                const QString retired = mine->id;
                write(QStringLiteral("raised"), s, {}, {}, remote.stationId);
                m_alarms.emplace(s.id, s);
                m_firstSeenSteadyMs.insert(s.id, m_clock.steadyMs());
                retire(retired, s.id);
                commit(m_alarms.at(s.id), false);
                return;
            }
        }
        if (s.closed()) {
            m_closed.insert(s.id, s.closedMs);
            write(QStringLiteral("closed"), s, {}, {}, remote.stationId);
            return;
        }
        write(QStringLiteral("raised"), s, {}, {}, remote.stationId);
        auto& stored = m_alarms.emplace(s.id, s).first->second;
        m_firstSeenSteadyMs.insert(s.id, m_clock.steadyMs());
        commit(stored, false);
        return;
    }
    AlarmState merged = it->second;
    const AlarmState before = merged;
    if (!mergeAlarm(merged, remote))
        return;
    QString kind = QStringLiteral("merged");
    if (merged.closed() && !before.closed())
        kind = QStringLiteral("closed");
    else if (merged.acknowledged() && (!before.acknowledged() || merged.ackedAtMs != before.ackedAtMs))
        kind = QStringLiteral("acknowledged");
    else if (merged.escalationStep > before.escalationStep)
        kind = QStringLiteral("escalated");
    else if (merged.ended() && !before.ended())
        kind = QStringLiteral("ended");
    else if (merged.priority > before.priority)
        kind = QStringLiteral("priority");
    const bool transition = kind != QStringLiteral("merged");
    if (transition)
        write(kind, merged, kind == QStringLiteral("acknowledged") ? merged.ackedBy : QString(),
              kind == QStringLiteral("acknowledged") ? merged.ackedByName : QString(), remote.stationId);
    it->second = merged;
    if (merged.closed()) {
        m_closed.insert(merged.id, merged.closedMs);
        AlarmState gone = merged;
        m_alarms.erase(it);
        m_firstSeenSteadyMs.remove(gone.id);
        m_stepDue.remove(gone.id);
        commit(gone, false);
        return;
    }
    commit(it->second, false);
}

void AlarmEngine::applyRemoteClosed(const QString& id)
{
    auto it = m_alarms.find(id);
    if (it == m_alarms.end())
        return;
    AlarmState s = it->second;
    if (!s.closed()) {
        // An empty retained message is a close by another station; it only closes what is resolved
        // here too, or an alarm still signalling would vanish on one station's word.
        if (s.phase() != Phase::Resolved)
            return;
        close(it->second);
    }
}

AlarmState* AlarmEngine::openSibling(const QString& id)
{
    // Ids are "rule:subject:onset"; siblings share "rule:subject:".
    const qsizetype cut = id.lastIndexOf(u':');
    if (cut <= 0)
        return nullptr;
    const QString prefix = id.left(cut + 1);
    for (auto it = m_alarms.lower_bound(prefix); it != m_alarms.end() && it->first.startsWith(prefix); ++it)
        if (it->first != id && !it->second.ended() && !it->second.closed() && !it->second.endsOnAck)
            return &it->second;
    return nullptr;
}

void AlarmEngine::retire(const QString& id, const QString& into)
{
    auto it = m_alarms.find(id);
    auto canon = m_alarms.find(into);
    if (it == m_alarms.end() || canon == m_alarms.end())
        return;
    // What happened to the retired copy carries over: an acknowledgement, the escalation step.
    AlarmState carry = canon->second;
    carry.ackedAtMs = it->second.ackedAtMs;
    carry.ackedBy = it->second.ackedBy;
    carry.ackedByName = it->second.ackedByName;
    carry.ackedStation = it->second.ackedStation;
    carry.escalationStep = it->second.escalationStep;
    if (mergeAlarm(canon->second, carry)) {
        ++canon->second.revision;
        canon->second.stationId = m_station;
        write(QStringLiteral("merged"), canon->second, {}, {}, {}, QStringLiteral("joined %1").arg(id));
        commit(canon->second, true);
    }
    for (auto r = m_redirect.begin(); r != m_redirect.end(); ++r)
        if (r.value() == id)
            r.value() = into;
    m_redirect.insert(id, into);
    AlarmState& s = it->second;
    if (!s.ended())
        s.endedMs = m_clock.nowMs();
    write(QStringLiteral("superseded"), s, {}, {}, {}, QStringLiteral("same condition as %1 (earlier onset)").arg(into));
    close(s);
}

void AlarmEngine::close(AlarmState& s)
{
    s.closedMs = m_clock.nowMs();
    ++s.revision;
    s.stationId = m_station;
    write(QStringLiteral("closed"), s);
    AlarmState gone = s;
    m_closed.insert(gone.id, gone.closedMs);
    m_alarms.erase(gone.id);
    m_firstSeenSteadyMs.remove(gone.id);
    m_stepDue.remove(gone.id);
    notify([this, gone] {
        if (!gone.local && m_publisher) {
            m_publisher->publishAlarm(gone);
            m_publisher->clearAlarm(gone.id);
        }
        if (m_observer)
            m_observer->onAlarmChanged(gone);
    });
}

void AlarmEngine::tick()
{
    // One transaction for the whole tick: many escalations cost one disk sync, not one each.
    if (m_log)
        m_log->beginBatch();
    m_batching = true;
    tickUnbatched();
    m_batching = false;
    if (m_log && !m_log->endBatch()) {
        qCCritical(lcAlarm) << "alarm log commit failed:" << m_log->lastError();
        if (std::exchange(m_logHealthy, false) && m_observer)
            m_observer->onLogFailed(m_log->lastError());
    }
    auto deferred = std::move(m_deferred);
    m_deferred.clear();
    for (auto& f : deferred)
        f();
}

void AlarmEngine::tickUnbatched()
{
    const qint64 now = m_clock.nowMs();
    std::vector<QString> toClose;
    for (auto& [id, s] : m_alarms) {
        if (s.phase() == Phase::Resolved) {
            if (now - std::max(s.endedMs, s.ackedAtMs) >= qint64(m_settings.closeAfterS) * 1000)
                toClose.push_back(id);
            continue;
        }
        if (s.acknowledged() || !s.signalling() || s.local)
            continue;
        const auto& chain = m_settings.rule(s.rule).escalation;
        if (chain.empty())
            continue;
        // Step 1 goes out when the alarm is raised; step k+1 when step k's time-to-live passed,
        // timed by the steady clock (a wall clock stepped back an hour must not delay it an hour).
        const qint64 steadyNow = m_clock.steadyMs();
        const qint64 since = m_firstSeenSteadyMs.value(id, steadyNow);
        int due = 1;
        qint64 t = since;
        for (size_t k = 0; k + 1 < chain.size(); ++k) {
            if (chain[k].ttlS <= 0)
                break;
            t += qint64(chain[k].ttlS) * 1000;
            if (steadyNow < t)
                break;
            due = int(k) + 2;
        }
        const auto early = m_stepDue.value(id);
        due = std::min(std::max(due, early.first), int(chain.size()));
        if (due <= s.escalationStep)
            continue;
        s.escalationStep = due;
        ++s.revision;
        s.stationId = m_station;
        EscalationStep step = chain[size_t(due - 1)];
        QString detail = QStringLiteral("step %1 to %2").arg(due).arg(step.target);
        if (early.first == due)
            detail += QStringLiteral(" at once (%1)").arg(early.second);
        if (m_observer) {
            const Observer::Target to = m_observer->resolveTarget(s, step.target);
            if (to.target != step.target || !to.why.isEmpty()) {
                detail += QStringLiteral(": ") + to.why;
                step.target = to.target;
            }
            step.callText = to.callText;
        }
        write(QStringLiteral("escalated"), s, {}, {}, {}, detail);
        notify([this, copy = s, step] {
            if (m_publisher)
                m_publisher->escalate(copy, step);
        });
        commit(s, true);
    }
    for (const auto& id : toClose)
        close(m_alarms.at(id));
    for (auto it = m_closed.begin(); it != m_closed.end();)
        it = now - it.value() > TombstoneMs ? m_closed.erase(it) : std::next(it);
}

bool AlarmEngine::advanceEscalation(const QString& id, int fromStep, const QString& why)
{
    const auto it = m_alarms.find(id);
    if (it == m_alarms.end())
        return false;
    const AlarmState& s = it->second;
    if (s.local || s.acknowledged() || !s.signalling() || s.escalationStep != fromStep ||
        size_t(fromStep) >= m_settings.rule(s.rule).escalation.size())
        return false;
    m_stepDue.insert(id, {fromStep + 1, why});
    tick();
    return true;
}

bool AlarmEngine::record(const QString& kind, const AlarmState& about, const QString& detail)
{
    return write(kind, about, {}, {}, {}, detail);
}

bool AlarmEngine::audit(const QString& what, const QString& operatorId, const QString& operatorName)
{
    return write(QStringLiteral("audit"), AlarmState{}, operatorId, operatorName, {}, what);
}

const AlarmState* AlarmEngine::find(const QString& id) const
{
    const auto it = m_alarms.find(id);
    return it == m_alarms.end() ? nullptr : &it->second;
}

std::vector<AlarmState> AlarmEngine::alarms() const
{
    std::vector<AlarmState> out;
    out.reserve(m_alarms.size());
    for (const auto& [id, s] : m_alarms)
        out.push_back(s);
    return out;
}

} // namespace ww
