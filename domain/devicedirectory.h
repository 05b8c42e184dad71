#pragma once
// The site's gateway, tag and sensor ids, numbered once. Immutable after construction, so the network
// thread can resolve ids in a decoded advert without allocating or locking: the beacon path carries
// small integers from the decoder to the positioning engine.
#include "domain/site.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ww {

class DeviceDirectory
{
public:
    DeviceDirectory() = default;
    explicit DeviceDirectory(const Site& site);
    // sensors: MACs of sensors whose MAC is also their id (tests and fuzzing).
    DeviceDirectory(const QStringList& gateways, const QStringList& tags, const QStringList& sensors = {});

    // -1 when the id is not one of the site's.
    [[nodiscard]] int gateway(std::string_view id) const { return find(m_gateways, id); }
    [[nodiscard]] int tag(std::string_view id) const { return find(m_tags, id); }
    [[nodiscard]] const QString& gatewayId(int index) const { return m_gatewayIds[size_t(index)]; }
    [[nodiscard]] const QString& tagId(int index) const { return m_tagIds[size_t(index)]; }
    [[nodiscard]] int gatewayCount() const { return int(m_gatewayIds.size()); }
    [[nodiscard]] int tagCount() const { return int(m_tagIds.size()); }
    // A sensor by the MAC it advertises from (the site's Sensor::mac), -1 when no sensor has it;
    // its site id, which readings carry.
    [[nodiscard]] int sensor(std::string_view mac) const { return find(m_sensors, mac); }
    [[nodiscard]] const QString& sensorId(int index) const { return m_sensorIds[size_t(index)]; }
    [[nodiscard]] int sensorCount() const { return int(m_sensorIds.size()); }

private:
    // Open addressing over a flat slot array (FNV-1a, linear probing): one advert's tag id is looked
    // up per report, and the node-based map's bucket and node were two cache misses each time.
    struct Map
    {
        std::vector<std::pair<std::string, int>> entries;
        std::vector<int> table; // index into entries, -1 empty; size a power of two, at most half full
    };
    static size_t hash(std::string_view s)
    {
        std::uint64_t h = 14695981039346656037ull;
        for (const char c : s)
            h = (h ^ std::uint8_t(c)) * 1099511628211ull;
        return size_t(h ^ (h >> 29));
    }
    static int find(const Map& map, std::string_view id)
    {
        if (map.table.empty())
            return -1;
        const size_t mask = map.table.size() - 1;
        for (size_t i = hash(id) & mask;; i = (i + 1) & mask) {
            const int e = map.table[i];
            if (e < 0)
                return -1;
            if (map.entries[size_t(e)].first == id)
                return map.entries[size_t(e)].second;
        }
    }
    static void insert(Map& map, std::string key, int value); // keeps the first value of a key
    void add(Map& map, std::vector<QString>& ids, const QString& id);

    Map m_gateways, m_tags, m_sensors;
    std::vector<QString> m_gatewayIds, m_tagIds, m_sensorIds;
};

} // namespace ww
