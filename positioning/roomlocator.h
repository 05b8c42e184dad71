#pragma once
// Room-level locator of the walking skeleton: per tag and gateway a smoothed RSSI, the tag placed
// in the room of its strongest gateway with hysteresis, x/y from a weighted centroid of the three
// strongest. The full engine (issue 3) replaces the estimate behind the same interface.
#include "domain/messages.h"
#include "domain/site.h"

#include <array>
#include <optional>

namespace ww {

struct TagFix
{
    qint64 timeMs = 0;
    double x = 0, y = 0;
    int floor = 0;
    QString room;      // empty = unknown
    double accuracyM = 0;
    double confidence = 0;
};

class RoomLocator
{
public:
    // Tags are numbered 0..tagCount-1 and gateways as in the site (DeviceDirectory's numbering).
    RoomLocator(const Site& site, int tagCount);

    void add(int tag, int gateway, int rssi, qint64 timeMs);
    // The current estimate for a tag at time nowMs (evidence older than the window is ignored).
    [[nodiscard]] std::optional<TagFix> fix(int tag, qint64 nowMs);

    static constexpr int MaxGatewaysPerTag = 8;
    static constexpr qint64 WindowMs = 8000;
    static constexpr double SwitchMarginDb = 4.0;

private:
    struct Heard
    {
        int gateway = -1;
        float rssi = 0; // exponentially smoothed
        qint64 lastMs = 0;
    };
    struct Tag
    {
        std::array<Heard, MaxGatewaysPerTag> heard{};
        int roomGateway = -1; // gateway whose room the tag is assigned to
    };

    const Site& m_site;
    std::vector<Tag> m_tags;
};

} // namespace ww
