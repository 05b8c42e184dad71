#include "domain/devicedirectory.h"

namespace ww {

DeviceDirectory::DeviceDirectory(const Site& site)
{
    for (const auto& g : site.gateways) {
        if (!g.mac.isEmpty())
            m_gateways.emplace(g.mac.toStdString(), int(m_gatewayIds.size())); // MOKO gateways name themselves by MAC
        add(m_gateways, m_gatewayIds, g.id);
    }
    // Tag order: wristbands, badges, asset tags, reference beacons, spare wristbands, as in the site file.
    for (const auto& p : site.patients)
        add(m_tags, m_tagIds, p.wristband);
    for (const auto& s : site.staff)
        add(m_tags, m_tagIds, s.badge);
    for (const auto& a : site.assets)
        add(m_tags, m_tagIds, a.tag);
    for (const auto& b : site.referenceBeacons)
        add(m_tags, m_tagIds, b.id);
    for (const auto& w : site.spareWristbands)
        add(m_tags, m_tagIds, w);
}

DeviceDirectory::DeviceDirectory(const QStringList& gateways, const QStringList& tags)
{
    for (const auto& g : gateways)
        add(m_gateways, m_gatewayIds, g);
    for (const auto& t : tags)
        add(m_tags, m_tagIds, t);
}

void DeviceDirectory::add(Map& map, std::vector<QString>& ids, const QString& id)
{
    map.emplace(id.toStdString(), int(ids.size()));
    ids.push_back(id);
}

} // namespace ww
