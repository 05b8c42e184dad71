// What a station keeps across a restart (Engine::Memory): the levels the self-calibration learnt,
// and per tag its place and room, its motion thresholds' fades, how long it had stood still and its
// levels at rest; and how a recalled tag gives them up when it shows that it moved.
#include "positioning/engine.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww::pos {

namespace {
constexpr int RecalledRestSamples = 200;
} // namespace

Engine::Memory Engine::memory() const
{
    Memory m;
    const auto& c = m_selfCal;
    if (c.base.size() == m_receivers.size()) {
        for (size_t r = 0; r < m_receivers.size(); ++r)
            if (c.count[r] > 0)
                m.levels.push_back({m_receivers[r].id, c.base[r], c.learnt[r], c.count[r]});
        m.commonShift = c.shift;
        m.exponent = c.exponent;
    }
    for (size_t tag = 0; tag < m_tags.size(); ++tag) {
        const TagState& s = m_tags[tag];
        if (s.known)
            continue;
        if (!s.tracking) {
            // Recalled and not heard since: kept as it was recalled.
            if (const auto& r = s.certainty.recalled; r && r->since > 1e17)
                m.tags.push_back(r->tag);
            continue;
        }
        Memory::Tag t;
        t.tag = int(tag);
        t.floor = s.floor;
        t.fixedT = s.motionT;
        if (s.roomIndex >= 0 && size_t(s.roomIndex) < m_rooms.size() && m_rooms[size_t(s.roomIndex)].floor == s.floor)
            t.room = m_rooms[size_t(s.roomIndex)].id;
        t.noiseDb = s.motionNoiseDb;
        t.x = std::isfinite(s.restX) ? s.restX : s.x;
        t.y = std::isfinite(s.restX) ? s.restY : s.y;
        t.stillForS = std::max(0.0, s.motionT - s.stillSince);
        // The levels at rest, while the window agrees with them (a tag leaving them keeps none).
        if (s.restStart <= s.motionT && s.restOf == s.stillSince && s.stillSince <= s.motionT && s.disagreeSince > 1e17) {
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
            if (g == m_receivers.end() || !(l.weight > 0) || !std::isfinite(l.learnt))
                continue;
            const size_t r = size_t(g - m_receivers.begin());
            if (!(std::abs(l.configured - c.base[r]) <= 0.05))
                continue; // the site's level changed: what was learnt on the old one does not apply
            // Levels pooled before the restart, as if their residuals against what they taught
            // were all zero: the next refit starts from what was learnt, with its weight.
            c.learnt[r] = std::clamp(l.learnt, -8.0, 8.0);
            c.count[r] = std::min(l.weight, 1e6);
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
        auto r = std::make_shared<TagState::Certainty::Recalled>();
        r->tag = t;
        // A tag that was not settled (walking, or just come to rest) has left its place and room
        // by now, most likely: only the fades its thresholds follow are kept.
        const bool settled = std::isfinite(t.stillForS) && t.stillForS >= m_config.settleAfterS;
        if (!settled) {
            r->tag.room.clear();
            r->tag.restLevels.clear();
            r->tag.x = std::numeric_limits<double>::quiet_NaN();
        }
        r->tag.noiseDb = std::isfinite(t.noiseDb) && t.noiseDb >= 0 ? std::min(t.noiseDb, 30.0) : -1;
        r->tag.stillForS = std::isfinite(t.stillForS) ? std::max(0.0, t.stillForS) : 0.0;
        if (!std::isfinite(r->tag.x) || !std::isfinite(r->tag.y))
            r->tag.x = r->tag.y = std::numeric_limits<double>::quiet_NaN();
        for (size_t j = 0; j < m_rooms.size(); ++j)
            if (m_rooms[j].id == r->tag.room && m_rooms[j].floor == t.floor)
                r->room = int(j);
        for (const auto& level : r->tag.restLevels) {
            const auto& [receiver, mean, count] = level;
            const QString& id = receiver; // (a structured binding: not capturable by clang 14's lambdas)
            const auto g = std::find_if(m_receivers.begin(), m_receivers.end(), [&](const Receiver& x) { return x.id == id; });
            if (g == m_receivers.end() || count <= 0 || !std::isfinite(mean))
                continue;
            r->rest.resize(m_receivers.size());
            // Weighed as a few minutes of samples at most: the receivers that hear the tag now
            // must soon count beside them (restLevels leaves out those with a tenth of the most).
            const int weight = std::min(count, RecalledRestSamples);
            r->rest[size_t(g - m_receivers.begin())] = {float(std::clamp(mean, -150.0, 30.0) * weight), qint32(weight)};
        }
        state(t.tag).certainty.recalled = std::move(r);
        ++taken;
    }
    return taken;
}

void Engine::checkRecalled(TagState& s, double tS) const
{
    auto& r = s.certainty.recalled;
    if (!r)
        return;
    if (r->since > 1e17)
        r->since = tS;
    if (s.tracking && !s.floorProvisional && s.floor != r->tag.floor) {
        // On another floor for good: its track there is new already (the floor change started
        // it), and it is at rest only from now.
        if (s.stillSince < r->since)
            s.stillSince = tS;
        s.certainty.recalled.reset();
    } else if (r->tag.stillForS > 0 && s.stillSince >= r->since) {
        forgetRecalled(s, tS, false); // recalled still, unsettled since (its statistic, or its fixes left its place)
    } else if (tS - r->since >= m_config.restLevelsAfterS * intervalScale(s)) {
        forgetRecalled(s, tS, r->restInUse); // levels at rest recalled and never checked: taken as moved
    }
}

void Engine::forgetRecalled(TagState& s, double tS, bool moved) const
{
    const auto r = std::move(s.certainty.recalled);
    if (!moved || !r)
        return;
    // It moved meanwhile: at rest only from now (or moving, as its statistic says), and its track,
    // room and levels at rest start again from its own evidence at the next fix, as for a tag
    // never seen before (the old place, room and levels would hold it back).
    if (s.stillSince < r->since)
        s.stillSince = tS;
    s.tracking = false;
}

} // namespace ww::pos
