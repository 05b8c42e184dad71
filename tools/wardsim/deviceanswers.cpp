#include "deviceanswers.h"

namespace ww::sim {

DeviceAnswers::DeviceAnswers(const Site& site, qint64 acceptAfterMs) : m_topics(site.id), m_acceptAfterMs(acceptAfterMs)
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

void DeviceAnswers::onCommand(const QString& device, std::span<const std::byte> payload, qint64 nowMs)
{
    const std::optional<CommandMsg> c = decodeCommand(payload);
    if (!c)
        return;
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
