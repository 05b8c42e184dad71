#include "models/alarmcontroller.h"
#include "domain/conditiontext.h"
#include "core/wardcore.h"

#include <QPointer>
#include <cmath>
#include <QThreadPool>

namespace ww {

namespace {

// Stands in when the station has no sound device: never plays, reports unavailable.
class NoSound final : public AlarmSound
{
public:
    bool available() const override { return false; }
    void playBurst(Priority) override {}
    void stop() override {}
};
NoSound g_noSound;

} // namespace

AlarmController::AlarmController(const Site& site, const Clock& clock, WardCore* core, AlarmSound* sound, QObject* parent)
    : QObject(parent), m_site(site), m_clock(clock), m_core(core), m_sound(sound ? sound : &g_noSound),
      m_audio(std::make_unique<AlarmAudio>(*m_sound, clock, site.alarms.audioPauseS)), m_operators(site, clock),
      m_tick(this)
{
    connect(core, &WardCore::alarmChanged, this, &AlarmController::onAlarm); // queued: core thread -> here
    connect(core, &WardCore::respondersChanged, &m_model, &AlarmListModel::setResponders);
    connect(core, &WardCore::acknowledgeResult, this, [this](const QString& id, bool ok, const QString& text) {
        if (!ok)
            Q_EMIT message(text, true);
        else
            Q_EMIT message(text.isEmpty() ? tr("Acknowledged: %1").arg(m_model.find(id) ? shownCondition(*m_model.find(id)) : id)
                                          : text,
                           false);
    });
    connect(core, &WardCore::censusResult, this, [this](bool ok, const QString& text) {
        if (ok && !m_discharging.isEmpty()) // the limits this station set for a discharged patient are gone
            m_limits.removeIf([&](const auto& it) { return it.key().startsWith(m_discharging + QChar(u'|')); });
        m_discharging.clear();
        Q_EMIT message(ok ? tr("Census: %1").arg(text) : text, !ok);
        Q_EMIT censusResult(ok, text);
    });
    connect(core, &WardCore::setpointProgress, this, &AlarmController::setpointProgress);
    connect(core, &WardCore::careResult, this, [this](bool ok, const QString& text) {
        Q_EMIT message(ok ? tr("Care plan: %1").arg(text) : text, !ok);
        Q_EMIT careResult(ok, text);
    });
    connect(core, &WardCore::remoteAudioPause, this, [this](const QString& station, qint64 untilMs, const QString& by) {
        m_remotePauses.removeIf([&](const RemotePause& p) { return p.stationId == station; });
        if (untilMs > m_clock.nowMs())
            m_remotePauses.push_back({station, by, untilMs});
        Q_EMIT remotePausesChanged();
    });
    connect(core, &WardCore::shiftRoleChanged, this, [this](const QString& role, const QString& staffId, const QString& name) {
        if (role != ChargeRole)
            return;
        m_chargeNurseId = staffId;
        Q_EMIT chargeNurseChanged(staffId, name);
    });
    // The heartbeat and the operator's last action are on the steady clock: a step of the wall clock
    // neither signs the operator out nor reports the screen hung.
    m_heartbeat.store(m_clock.steadyMs());
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_heartbeat.store(m_clock.steadyMs(), std::memory_order_relaxed);
        if (!m_operatorId.isEmpty() &&
            m_clock.steadyMs() - m_lastActionMs > qint64(m_site.alarms.operators.autoSignOutS) * 1000) {
            const QString name = m_operatorName;
            signOut();
            Q_EMIT message(tr("%1 was signed out after %2 min without an action.").arg(name).arg(m_site.alarms.operators.autoSignOutS / 60),
                           false);
        }
        // Other stations' pauses leave the list when they run out (their end is also announced).
        if (m_remotePauses.removeIf([now = m_clock.nowMs()](const RemotePause& p) { return p.untilMs <= now; }) > 0)
            Q_EMIT remotePausesChanged();
        const bool wasPaused = m_audio->paused();
        m_audio->tick();
        if (wasPaused || m_audio->paused())
            Q_EMIT audioChanged();
    });
    m_tick.start();
    // A station given no sound at all (the headless station: a server has no speakers by design)
    // raises nothing; one whose sound cannot play says so.
    const bool missing = sound && !sound->available();
    QMetaObject::invokeMethod(core, [core, missing] {
        core->setLocalCondition(QStringLiteral("tech.audio"), QStringLiteral("audio"), missing, QStringLiteral("station.no-audio"));
    }, Qt::QueuedConnection);
}

AlarmController::~AlarmController()
{
    m_alive->store(false);
}

void AlarmController::onAlarm(const AlarmState& a)
{
    m_model.apply(a);
    m_audio->update(a);
    Q_EMIT audioChanged();
    Q_EMIT alarmUpdated(a);
}

void AlarmController::signIn(const QString& staffId, const QString& pin)
{
    // The PIN hash is slow on purpose: never on the GUI thread.
    QPointer<AlarmController> self(this);
    auto alive = m_alive;
    QThreadPool::globalInstance()->start([this, self, alive, staffId, pin] {
        const SignInResult r = m_operators.signIn(staffId, pin);
        if (!alive->load())
            return;
        QMetaObject::invokeMethod(self, [self, r, staffId] {
            if (!self)
                return;
            QMetaObject::invokeMethod(self->m_core, [core = self->m_core, r, staffId] {
                core->auditSignIn(r.ok ? r.operatorId : staffId, r.operatorName, r.ok, r.message);
            }, Qt::QueuedConnection);
            if (r.ok) {
                self->m_operatorId = r.operatorId;
                self->m_operatorName = r.operatorName;
                self->m_lastActionMs = self->m_clock.steadyMs();
                Q_EMIT self->operatorChanged();
            }
            Q_EMIT self->signInFinished(r.ok, r.ok ? tr("Signed in: %1").arg(r.operatorName) : r.message);
        }, Qt::QueuedConnection);
    });
}

void AlarmController::signOut()
{
    m_operatorId.clear();
    m_operatorName.clear();
    Q_EMIT operatorChanged();
}

void AlarmController::acknowledge(const QString& alarmId, const QString& comment)
{
    if (m_operatorId.isEmpty()) {
        Q_EMIT message(tr("Sign in first: an acknowledgement needs a named operator."), true);
        return;
    }
    m_lastActionMs = m_clock.steadyMs();
    QMetaObject::invokeMethod(m_core, [core = m_core, alarmId, op = m_operatorId, name = m_operatorName, comment] {
        core->acknowledge(alarmId, op, name, comment);
    }, Qt::QueuedConnection);
}

bool AlarmController::pauseNeedsComment() const
{
    // Any high-priority alarm still signalling, sounding now or already paused: a second press
    // during a pause pauses it again, so it needs the comment too.
    const AlarmState* top = m_model.topSignalling();
    return m_audio->sounding() == Priority::High || (top && top->priority == Priority::High);
}

bool AlarmController::pauseAudio(const QString& comment)
{
    const QString why = comment.simplified().left(AlarmEngine::MaxCommentChars);
    if (pauseNeedsComment() && why.isEmpty()) {
        Q_EMIT message(tr("A high-priority alarm is sounding: say why its audio may pause (a comment is required)."), true);
        return false;
    }
    m_audio->pause();
    if (!m_operatorId.isEmpty())
        m_lastActionMs = m_clock.steadyMs();
    // Logged with who paused and why; the other stations learn it from this station's presence.
    QMetaObject::invokeMethod(m_core, [core = m_core, op = m_operatorId, name = m_operatorName, why, s = m_audio->pauseS()] {
        core->auditAudioPause(op, name, s, why);
    }, Qt::QueuedConnection);
    Q_EMIT audioChanged();
    return true;
}

void AlarmController::setNews2Inputs(const QString& patientId, int consciousness, bool onOxygen, bool scale2)
{
    if (m_operatorId.isEmpty()) {
        Q_EMIT message(tr("Sign in first: NEWS2 inputs are recorded with the operator's name."), true);
        return;
    }
    m_lastActionMs = m_clock.steadyMs();
    QMetaObject::invokeMethod(m_core, [=, core = m_core, op = m_operatorId, name = m_operatorName] {
        core->setNews2Inputs(patientId, consciousness, onOxygen, scale2, op, name);
    }, Qt::QueuedConnection);
}

void AlarmController::setPatientLimit(const QString& patientId, const QString& ruleId, double below, double above)
{
    if (m_operatorId.isEmpty()) {
        Q_EMIT message(tr("Sign in first: limit changes are recorded with the operator's name."), true);
        return;
    }
    for (const VitalLimit& rule : m_site.alarms.vitalLimits) {
        if (rule.id != ruleId)
            continue;
        m_limits.insert(patientId + QChar(u'|') + ruleId, rule.withBounds(below, above));
    }
    m_lastActionMs = m_clock.steadyMs();
    QMetaObject::invokeMethod(m_core, [=, core = m_core, op = m_operatorId, name = m_operatorName] {
        core->setPatientLimit(patientId, ruleId, below, above, op, name);
    }, Qt::QueuedConnection);
    Q_EMIT message(tr("Limit %1 for %2 changed").arg(ruleId, patientId), false);
}

template <typename F>
void AlarmController::asOperator(const QString& refusal, F&& f, void (AlarmController::*result)(bool, const QString&))
{
    if (m_operatorId.isEmpty()) {
        Q_EMIT message(refusal, true);
        Q_EMIT(this->*result)(false, refusal);
        return;
    }
    m_lastActionMs = m_clock.steadyMs();
    QMetaObject::invokeMethod(m_core, [f = std::forward<F>(f), core = m_core, op = m_operatorId, name = m_operatorName] {
        f(core, op, name);
    }, Qt::QueuedConnection);
}

void AlarmController::admitPatient(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
                                   const QString& monitor)
{
    asOperator(tr("Sign in first: admissions are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) {
                   core->admitPatient(bed, patientId, name, wristband, monitor, op, opName);
               });
}

void AlarmController::transferPatient(const QString& patientId, const QString& bed)
{
    asOperator(tr("Sign in first: transfers are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) { core->transferPatient(patientId, bed, op, opName); });
}

void AlarmController::dischargePatient(const QString& patientId)
{
    m_discharging = m_operatorId.isEmpty() ? QString() : patientId;
    asOperator(tr("Sign in first: discharges are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) { core->dischargePatient(patientId, op, opName); });
}

void AlarmController::pairDevices(const QString& patientId, const QString& wristband, const QString& monitor)
{
    asOperator(tr("Sign in first: device changes are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) {
                   core->pairDevices(patientId, wristband, monitor, op, opName);
               });
}

VitalLimit AlarmController::patientLimit(const QString& patientId, const VitalLimit& rule) const
{
    return m_limits.value(patientId + QChar(u'|') + rule.id, rule);
}

void AlarmController::assignPatient(const QString& patientId, const QString& nurseId)
{
    asOperator(tr("Sign in first: assignments are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) { core->assignPatient(patientId, nurseId, op, opName); },
               &AlarmController::careResult);
}

void AlarmController::setRiskFlags(const QString& patientId, bool fallRisk, bool elopementRisk, bool bedExitArmed)
{
    asOperator(tr("Sign in first: risk flags are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) {
                   core->setRiskFlags(patientId, fallRisk, elopementRisk, bedExitArmed, op, opName);
               },
               &AlarmController::careResult);
}

void AlarmController::setCareSchedule(const QString& patientId, int repositionEveryMin, const QStringList& medicationTimes)
{
    asOperator(tr("Sign in first: schedules are recorded with the operator's name."),
               [=](WardCore* core, const QString& op, const QString& opName) {
                   core->setCareSchedule(patientId, repositionEveryMin, medicationTimes, op, opName);
               },
               &AlarmController::careResult);
}

void AlarmController::sendSetpoint(const ClimateSetpointRequest& request)
{
    // The core decides (and logs) whether this operator may: a refusal is audited there too.
    if (!m_operatorId.isEmpty())
        m_lastActionMs = m_clock.steadyMs();
    QMetaObject::invokeMethod(m_core, [request, core = m_core, op = m_operatorId, name = m_operatorName] {
        core->sendSetpoint(request, op, name);
    }, Qt::QueuedConnection);
}

void AlarmController::takeCharge()
{
    asOperator(tr("Sign in first: the charge role is recorded with the operator's name."),
               [](WardCore* core, const QString& op, const QString& opName) { core->takeShiftRole(ChargeRole, op, opName); },
               &AlarmController::careResult);
}

} // namespace ww
