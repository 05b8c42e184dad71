#include "deviceanswers.h"

namespace ww::sim {

DeviceAnswers::DeviceAnswers(const Site& site, qint64 acceptAfterMs)
    : m_topics(site.id), m_signatures(TrustSettings{site.signingKeys, site.acceptUnsigned}), m_acceptAfterMs(acceptAfterMs),
      m_site(site), m_bms(site.bms.device)
{
    for (const StaffMember& s : site.staff)
        if (!s.badge.isEmpty())
            m_badges.insert(s.badge);
    for (const Patient& p : site.patients)
        if (!p.wristband.isEmpty())
            m_wearables.insert(p.wristband);
    for (const QString& w : site.spareWristbands)
        m_wearables.insert(w);
}

QString DeviceAnswers::lastRefusal()
{
    std::lock_guard lock(m_mutex);
    return m_lastRefusal;
}

void DeviceAnswers::onCommand(const QString& device, std::span<const std::byte> payload, qint64 nowMs)
{
    const QByteArray topic = m_topics.command(device).toUtf8();
    const SignatureCheck::Result verified = m_signatures.check(std::string_view(topic.constData(), size_t(topic.size())), payload);
    if (verified.outcome == SignatureCheck::Outcome::Refused || verified.outcome == SignatureCheck::Outcome::Replayed) {
        ++m_refused;
        std::lock_guard lock(m_mutex);
        m_lastRefusal = QStringLiteral("%1: %2").arg(device, verified.why);
        return;
    }
    const std::optional<CommandMsg> c = decodeCommand(verified.body());
    if (!c)
        return;
    if (!m_bms.isEmpty() && device == m_bms && c->kind == CommandMsg::Kind::ClimateSetpoint && c->setpoint) {
        const ClimateSetpointMsg& sp = *c->setpoint;
        std::lock_guard lock(m_mutex);
        if (m_seen.contains(c->commandId))
            return;
        m_seen.insert(c->commandId);
        m_pending.push_back({nowMs, {c->commandId, device, CommandAckStatus::Received, {}, nowMs, 0}});
        QString declined;
        if (!m_site.room(sp.roomId))
            declined = QStringLiteral("room %1 is not served by this plant").arg(sp.roomId.left(32));
        else if (sp.temperatureC && (*sp.temperatureC < PlantMinC || *sp.temperatureC > PlantMaxC))
            declined = QStringLiteral("%1 °C is outside the plant's %2-%3 °C").arg(*sp.temperatureC, 0, 'f', 1).arg(PlantMinC).arg(PlantMaxC);
        const qint64 at = nowMs + 1000;
        m_pending.push_back({at, {c->commandId, device, declined.isEmpty() ? CommandAckStatus::Accepted : CommandAckStatus::Declined,
                                  declined, 0, 0}});
        if (declined.isEmpty() && sp.temperatureC)
            m_setpoints.insert(sp.roomId, {at, *sp.temperatureC});
        return;
    }
    const bool badge = m_badges.contains(device);
    if (!(c->kind == CommandMsg::Kind::BadgeCall && badge) &&
        !(c->kind == CommandMsg::Kind::HelpComing && (badge || m_wearables.contains(device))))
        return;
    std::lock_guard lock(m_mutex);
    if (m_seen.contains(c->commandId))
        return;
    m_seen.insert(c->commandId);
    m_pending.push_back({nowMs, {c->commandId, device, CommandAckStatus::Received, {}, nowMs, 0}});
    if (c->kind == CommandMsg::Kind::BadgeCall)
        m_pending.push_back({nowMs + m_acceptAfterMs, {c->commandId, device, CommandAckStatus::Accepted, {}, 0, 0}});
}

std::optional<double> DeviceAnswers::setpointOf(const QString& roomId, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_setpoints.constFind(roomId);
    if (it == m_setpoints.constEnd() || it->first > nowMs)
        return std::nullopt;
    return it->second;
}

std::vector<Answer> DeviceAnswers::due(qint64 nowMs)
{
    std::vector<Answer> out;
    std::lock_guard lock(m_mutex);
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->atMs > nowMs) {
            ++it;
            continue;
        }
        CommandAckMsg ack = it->ack;
        ack.deviceTimeMs = nowMs;
        out.push_back({m_topics.commandAck(ack.deviceId), encode(ack)});
        it = m_pending.erase(it);
    }
    return out;
}

} // namespace ww::sim
