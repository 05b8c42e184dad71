// What a station keeps across a restart: the levels the self-calibration learnt, and per tag its
// motion thresholds' fades, its room and how long it had stood still (Engine::Memory).
#include "positioning/engine.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww::pos {

Engine::Memory Engine::memory() const
{
    Memory m;
    const auto& c = m_selfCal;
    if (c.base.size() == m_receivers.size()) {
        for (size_t r = 0; r < m_receivers.size(); ++r)
            if (c.count[r] > 0)
                m.levels.push_back({m_receivers[r].id, c.learnt[r], c.count[r]});
        m.commonShift = c.shift;
        m.exponent = c.exponent;
    }
    for (size_t tag = 0; tag < m_tags.size(); ++tag) {
        const TagState& s = m_tags[tag];
        if (!s.tracking || s.known)
            continue;
        Memory::Tag t;
        t.tag = int(tag);
        t.floor = s.floor;
        if (s.roomIndex >= 0 && size_t(s.roomIndex) < m_rooms.size() && m_rooms[size_t(s.roomIndex)].floor == s.floor)
            t.room = m_rooms[size_t(s.roomIndex)].id;
        t.noiseDb = s.motionNoiseDb;
        t.x = std::isfinite(s.restX) ? s.restX : s.x;
        t.y = std::isfinite(s.restX) ? s.restY : s.y;
        t.stillForS = std::max(0.0, s.motionT - s.stillSince);
        if (s.restStart <= s.motionT && s.restOf == s.stillSince && s.stillSince <= s.motionT) {
            for (size_t r = 0; r < s.heard.size(); ++r)
                if (s.heard[r].restCount > 0)
                    t.restLevels.emplace_back(m_receivers[r].id, double(s.heard[r].restSum) / s.heard[r].restCount, int(s.heard[r].restCount));
            t.restForS = s.motionT - s.restStart;
        }
        m.tags.push_back(std::move(t));
    }
    return m;
}

int Engine::recall(const Memory& memory)
{
    int taken = 0;
    if (m_config.selfCalibrate && !memory.levels.empty()) {
        startSelfCalibration();
        auto& c = m_selfCal;
        if (memory.exponent > 0) {
            c.shift = std::clamp(memory.commonShift, -15.0, 15.0);
            c.exponent = std::clamp(memory.exponent, 1.0, 4.0);
            for (auto& g : m_receivers)
                g.exponent = c.exponent;
        }
        for (const auto& l : memory.levels) {
            const auto g = std::find_if(m_receivers.begin(), m_receivers.end(), [&](const Receiver& x) { return x.id == l.receiver; });
            if (g == m_receivers.end() || !(l.weight > 0))
                continue;
            const size_t r = size_t(g - m_receivers.begin());
            // Levels pooled before the restart, as if their residuals against what they taught
            // were all zero: the next refit starts from what was learnt, with its weight.
            c.learnt[r] = std::clamp(l.learnt, -8.0, 8.0);
            c.count[r] = l.weight;
            c.residual[r] = 0;
            ++taken;
        }
        for (size_t r = 0; r < m_receivers.size(); ++r)
            m_receivers[r].rssiAt1m = c.base[r] + c.shift + c.learnt[r];
        if (m_config.roomHmm && m_config.roomModelWeight > 0)
            buildRoomModel();
    }
    for (const auto& t : memory.tags) {
        if (t.tag < 0)
            continue;
        TagState& s = state(t.tag);
        auto& c = s.certainty;
        c.recalledNoiseDb = t.noiseDb;
        c.recalledStillForS = std::isfinite(t.stillForS) ? std::max(0.0, t.stillForS) : 0.0;
        c.recalledRest.clear();
        for (const auto& [receiver, mean, count] : t.restLevels) {
            const auto g = std::find_if(m_receivers.begin(), m_receivers.end(), [&](const Receiver& x) { return x.id == receiver; });
            if (g == m_receivers.end() || count <= 0 || !std::isfinite(mean))
                continue;
            c.recalledRest.resize(m_receivers.size());
            c.recalledRest[size_t(g - m_receivers.begin())] = {float(mean * count), qint32(count)};
        }
        c.recalledRestForS = std::isfinite(t.restForS) ? std::max(0.0, t.restForS) : 0.0;
        c.recalledFloor = t.floor;
        c.recalledX = std::isfinite(t.x) && std::isfinite(t.y) ? t.x : std::numeric_limits<double>::quiet_NaN();
        c.recalledY = t.y;
        c.recalledRoom = -1;
        for (size_t j = 0; j < m_rooms.size(); ++j)
            if (m_rooms[j].id == t.room && m_rooms[j].floor == t.floor)
                c.recalledRoom = int(j);
        ++taken;
    }
    return taken;
}

} // namespace ww::pos
