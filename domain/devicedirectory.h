#pragma once
// The site's gateway and tag ids, numbered once. Immutable after construction, so the network
// thread can resolve ids in a decoded advert without allocating or locking: the beacon path carries
// small integers from the decoder to the positioning engine.
#include "domain/site.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ww {

class DeviceDirectory
{
public:
    DeviceDirectory() = default;
    explicit DeviceDirectory(const Site& site);
    DeviceDirectory(const QStringList& gateways, const QStringList& tags);

    // -1 when the id is not one of the site's.
    [[nodiscard]] int gateway(std::string_view id) const { return find(m_gateways, id); }
    [[nodiscard]] int tag(std::string_view id) const { return find(m_tags, id); }
    [[nodiscard]] const QString& gatewayId(int index) const { return m_gatewayIds[size_t(index)]; }
    [[nodiscard]] const QString& tagId(int index) const { return m_tagIds[size_t(index)]; }
    [[nodiscard]] int gatewayCount() const { return int(m_gatewayIds.size()); }
    [[nodiscard]] int tagCount() const { return int(m_tagIds.size()); }

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, int, Hash, std::equal_to<>>;
    static int find(const Map& map, std::string_view id)
    {
        const auto it = map.find(id);
        return it == map.end() ? -1 : it->second;
    }
    void add(Map& map, std::vector<QString>& ids, const QString& id);

    Map m_gateways, m_tags;
    std::vector<QString> m_gatewayIds, m_tagIds;
};

} // namespace ww
