// Setpoints (core/setpoints.h): checks, sends, logs and follows a room's climate setpoint.
#include "core/setpoints.h"
#include "core/alarmrules.h"

#include <algorithm>

namespace ww {

Setpoints::Setpoints(const Site& site, const Clock& clock, QObject* parent) : QObject(parent), m_site(site), m_clock(clock) {}

void Setpoints::enable(const QString& stationId, AlarmRules* rules, CarePublisher* publisher)
{
    m_stationId = stationId;
    m_rules = rules;
    m_publisher = publisher;
}

void Setpoints::send(const ClimateSetpointRequest& request, const QString& operatorId, const QString& operatorName)
{
    const Room* room = m_site.room(request.roomId);
    auto refuse = [&](const QString& why) {
        if (m_rules)
            m_rules->audit(QStringLiteral("setpoint refused: %1: %2").arg(request.roomId, why), operatorId, operatorName);
        Q_EMIT progress({}, request.roomId, false, why);
    };
    const StaffMember* who = operatorId.isEmpty() ? nullptr : m_site.staffMember(operatorId);
    if (!who)
        return refuse(tr("Sign in first: setpoints are sent and logged with the operator's name"));
    if (!std::any_of(m_site.setpointRoles.begin(), m_site.setpointRoles.end(),
                     [&](const QString& r) { return r.compare(who->role, Qt::CaseInsensitive) == 0; }))
        return refuse(tr("%1 (%2) may not change setpoints: the site allows %3")
                          .arg(who->name, who->role,
                               m_site.setpointRoles.isEmpty() ? tr("nobody") : m_site.setpointRoles.join(QStringLiteral(", "))));
    if (m_site.bms.device.isEmpty())
        return refuse(tr("This site names no building-management system (bms)"));
    const bool sensed = room && std::any_of(m_site.sensors.begin(), m_site.sensors.end(), [&](const Sensor& s) {
        return s.kind == SensorKind::Climate && s.room == room->id;
    });
    if (!sensed)
        return refuse(tr("%1 is not a room with a climate sensor").arg(request.roomId));
    if (request.temperatureC && !(*request.temperatureC >= SetpointLimits::MinTemperatureC && *request.temperatureC <= SetpointLimits::MaxTemperatureC))
        return refuse(tr("temperature: %1 °C is outside %2 to %3 °C")
                          .arg(*request.temperatureC).arg(SetpointLimits::MinTemperatureC).arg(SetpointLimits::MaxTemperatureC));
    if (request.humidityPct && !(*request.humidityPct >= SetpointLimits::MinHumidityPct && *request.humidityPct <= SetpointLimits::MaxHumidityPct))
        return refuse(tr("humidity: %1 % is outside %2 to %3 %")
                          .arg(*request.humidityPct).arg(SetpointLimits::MinHumidityPct).arg(SetpointLimits::MaxHumidityPct));
    if (!request.temperatureC && !request.humidityPct && request.ventilation == VentilationMode::Unchanged)
        return refuse(tr("Nothing to change: set a temperature, a humidity or a ventilation mode"));
    if (request.reason.trimmed().isEmpty())
        return refuse(tr("Say why: a setpoint change is logged with its reason"));
    ClimateSetpointMsg m;
    static_cast<ClimateSetpointRequest&>(m) = request;
    m.reason = request.reason.simplified().left(200);
    m.timeMs = m_clock.nowMs();
    m.stationId = m_stationId;
    m.operatorId = operatorId;
    m.commandId = QStringLiteral("sp:%1:%2-%3").arg(m_stationId).arg(m.timeMs).arg(++m_seq);
    QStringList what;
    if (m.temperatureC)
        what << QStringLiteral("temperature %1 °C").arg(*m.temperatureC, 0, 'f', 1);
    if (m.humidityPct)
        what << QStringLiteral("humidity %1 %").arg(*m.humidityPct, 0, 'f', 0);
    if (m.ventilation != VentilationMode::Unchanged)
        what << QStringLiteral("ventilation %1").arg(toString(m.ventilation));
    const QString text = QStringLiteral("setpoint %1 sent to %2: %3 %4 (%5)")
                             .arg(m.commandId, m_site.bms.device, room->id, what.join(QStringLiteral(", ")), m.reason);
    if (m_rules)
        m_rules->audit(text, operatorId, operatorName);
    m_sent.insert(m.commandId, Sent{m, operatorName, m_clock.steadyMs(), false});
    if (m_publisher)
        m_publisher->sendSetpoint(m_site.bms.device, m);
    Q_EMIT progress(m.commandId, room->id, true, tr("Sent to %1: %2; waiting for its answer").arg(m_site.bms.device, what.join(QStringLiteral(", "))));
}

void Setpoints::checkTimeouts()
{
    const qint64 limitMs = qint64(m_site.bms.ackTimeoutS) * 1000;
    for (auto it = m_sent.begin(); it != m_sent.end();) {
        if (m_clock.steadyMs() - it->sentSteadyMs < limitMs) {
            ++it;
            continue;
        }
        const QString text = QStringLiteral("setpoint %1 to %2: no answer within %3 s%4")
                                 .arg(it.key(), m_site.bms.device)
                                 .arg(m_site.bms.ackTimeoutS)
                                 .arg(it->received ? QStringLiteral(" (received, never accepted)") : QString());
        if (m_rules)
            m_rules->audit(text, it->msg.operatorId, it->operatorName);
        Q_EMIT progress(it.key(), it->msg.roomId, false,
                                it->received ? tr("%1 received it but did not accept it within %2 s: check the plant")
                                                   .arg(m_site.bms.device).arg(m_site.bms.ackTimeoutS)
                                             : tr("No answer from %1 within %2 s: the setpoint may not be applied")
                                                   .arg(m_site.bms.device).arg(m_site.bms.ackTimeoutS));
        it = m_sent.erase(it);
    }
}

bool Setpoints::answer(const CommandAckMsg& m)
{
    const auto sp = m_sent.find(m.commandId);
    if (sp == m_sent.end())
        return false;
    if (m.deviceId != m_site.bms.device)
        return true; // its id, but not from the BMS: ignored
    const QString text = QStringLiteral("setpoint %1 to %2: %3%4")
                             .arg(m.commandId, m.deviceId, toString(m.status),
                                  m.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.detail));
    if (m_rules)
        m_rules->audit(text, sp->msg.operatorId, sp->operatorName);
    const bool ok = m.status == CommandAckStatus::Received || m.status == CommandAckStatus::Accepted;
    const QString shown = m.status == CommandAckStatus::Received   ? tr("%1 received it").arg(m.deviceId)
                          : m.status == CommandAckStatus::Accepted ? tr("%1 accepted it: the room follows").arg(m.deviceId)
                          : m.status == CommandAckStatus::Declined ? tr("%1 declined it: %2").arg(m.deviceId, m.detail)
                                                                   : tr("%1 could not apply it: %2").arg(m.deviceId, m.detail);
    Q_EMIT progress(m.commandId, sp->msg.roomId, ok, shown);
    if (m.status == CommandAckStatus::Received)
        sp->received = true;
    else
        m_sent.erase(sp);
    return true;
}

} // namespace ww
