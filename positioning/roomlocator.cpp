#include "positioning/roomlocator.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ww {

RoomLocator::RoomLocator(const Site& site, int tagCount) : m_site(site), m_tags(size_t(tagCount))
{
}

void RoomLocator::add(int tagIndex, int gateway, int rssi, qint64 timeMs)
{
    Tag& tag = m_tags[size_t(tagIndex)];
    auto stale = [timeMs](const Heard& h) { return h.gateway < 0 || timeMs - h.lastMs > WindowMs; };
    Heard* target = nullptr;
    for (auto& h : tag.heard)
        if (h.gateway == gateway)
            target = &h;
    if (!target) {
        // Replace a stale entry, else the weakest, and only by a stronger report: the gateways that
        // hear a tag well are never pushed out by the many that hear it faintly.
        Heard* victim = nullptr;
        for (auto& h : tag.heard) {
            if (stale(h)) {
                victim = &h;
                break;
            }
            if (!victim || h.rssi < victim->rssi)
                victim = &h;
        }
        if (!stale(*victim) && float(rssi) <= victim->rssi)
            return;
        target = victim;
        target->gateway = -1;
    }
    if (stale(*target) || target->gateway != gateway) {
        *target = Heard{gateway, float(rssi), timeMs};
    } else {
        // Smoothing that follows walking pace but damps single-packet fades.
        target->rssi = 0.7f * target->rssi + 0.3f * float(rssi);
        target->lastMs = std::max(target->lastMs, timeMs);
    }
}

std::optional<TagFix> RoomLocator::fix(int tagIndex, qint64 nowMs)
{
    Tag& tag = m_tags[size_t(tagIndex)];
    std::array<const Heard*, MaxGatewaysPerTag> fresh{};
    int n = 0;
    qint64 newest = 0;
    for (const auto& h : tag.heard) {
        if (h.gateway >= 0 && nowMs - h.lastMs <= WindowMs)
            fresh[size_t(n++)] = &h;
        newest = std::max(newest, h.lastMs);
    }
    if (n == 0)
        return std::nullopt;
    // Insertion sort, strongest first: n <= 8.
    for (int i = 1; i < n; ++i)
        for (int j = i; j > 0 && fresh[size_t(j)]->rssi > fresh[size_t(j - 1)]->rssi; --j)
            std::swap(fresh[size_t(j)], fresh[size_t(j - 1)]);

    // Floor first, from all fresh evidence (a single strong reading through the slab must not put a
    // patient upstairs), then the strongest gateway of that floor.
    std::map<int, double> floorPower;
    for (int i = 0; i < n; ++i)
        floorPower[m_site.gateways[size_t(fresh[size_t(i)]->gateway)].floor] += std::pow(10.0, fresh[size_t(i)]->rssi / 10.0);
    const int floor = std::max_element(floorPower.begin(), floorPower.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    int kept = 0;
    for (int i = 0; i < n; ++i)
        if (m_site.gateways[size_t(fresh[size_t(i)]->gateway)].floor == floor)
            fresh[size_t(kept++)] = fresh[size_t(i)];
    n = kept;
    const Heard* best = fresh[0];
    float current = -200;
    for (int i = 0; i < n; ++i)
        if (fresh[size_t(i)]->gateway == tag.roomGateway)
            current = fresh[size_t(i)]->rssi;
    if (tag.roomGateway < 0 || best->rssi > current + SwitchMarginDb)
        tag.roomGateway = best->gateway;

    TagFix f;
    f.timeMs = newest;
    double wsum = 0;
    for (int i = 0; i < std::min(n, 3); ++i) {
        const auto& gw = m_site.gateways[size_t(fresh[size_t(i)]->gateway)];
        const double w = std::pow(10.0, fresh[size_t(i)]->rssi / 20.0);
        f.x += w * gw.x;
        f.y += w * gw.y;
        wsum += w;
    }
    f.x /= wsum;
    f.y /= wsum;
    const auto& roomGw = m_site.gateways[size_t(tag.roomGateway)];
    f.floor = roomGw.floor;
    f.room = roomGw.room;
    // Weak evidence gives no room rather than a confident wrong one.
    const double margin = n > 1 ? fresh[0]->rssi - fresh[1]->rssi : 10.0;
    f.confidence = std::clamp((best->rssi + 100.0) / 40.0, 0.0, 1.0) * std::clamp(0.5 + margin / 10.0, 0.0, 1.0);
    if (best->rssi < -95)
        f.room.clear();
    f.accuracyM = std::clamp(3.0 - 2.0 * f.confidence, 1.0, 3.0);
    return f;
}

} // namespace ww
