#include "domain/devicedirectory.h"

#include <bit>

namespace ww {

DeviceDirectory::DeviceDirectory(const Site& site)
{
    for (const auto& g : site.gateways) {
        if (!g.mac.isEmpty())
            insert(m_gateways, g.mac.toStdString(), int(m_gatewayIds.size())); // MOKO gateways name themselves by MAC
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
    // Sensors that a MOKO gateway reports by MAC; the reading carries the sensor's site id.
    for (const auto& s : site.sensors)
        if (!s.mac.isEmpty()) {
            insert(m_sensors, s.mac.toStdString(), int(m_sensorIds.size()));
            m_sensorIds.push_back(s.id);
        }
}

DeviceDirectory::DeviceDirectory(const QStringList& gateways, const QStringList& tags, const QStringList& sensors)
{
    for (const auto& g : gateways)
        add(m_gateways, m_gatewayIds, g);
    for (const auto& t : tags)
        add(m_tags, m_tagIds, t);
    for (const auto& s : sensors)
        add(m_sensors, m_sensorIds, s);
}

void DeviceDirectory::insert(Map& map, std::string key, int value)
{
    if (find(map, key) >= 0)
        return;
    map.entries.emplace_back(std::move(key), value);
    if (map.table.size() < 2 * map.entries.size()) { // rebuild at twice the size: at most half full
        map.table.assign(std::bit_ceil(std::max<size_t>(16, 4 * map.entries.size())), -1); // a power of two
        for (size_t e = 0; e < map.entries.size(); ++e) {
            const size_t mask = map.table.size() - 1;
            size_t i = hash(map.entries[e].first) & mask;
            while (map.table[i] >= 0)
                i = (i + 1) & mask;
            map.table[i] = int(e);
        }
        return;
    }
    const size_t mask = map.table.size() - 1;
    size_t i = hash(map.entries.back().first) & mask;
    while (map.table[i] >= 0)
        i = (i + 1) & mask;
    map.table[i] = int(map.entries.size() - 1);
}

void DeviceDirectory::add(Map& map, std::vector<QString>& ids, const QString& id)
{
    insert(map, id.toStdString(), int(ids.size()));
    ids.push_back(id);
}

} // namespace ww
