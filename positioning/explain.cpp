// Explanations (Engine::explain): the switch that keeps them for one tag, update() that runs its fix
// with them kept, and the record of levels, room evidence and room decisions behind the latest fix.
#include "positioning/engine.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace ww::pos {

std::optional<Fix> Engine::update(int tag, double tS)
{
    if (tag < 0 || !std::isfinite(tS))
        return std::nullopt;
    TagState& s = state(tag);
    if (!s.explaining || m_config.keepExplanations)
        return fix(s, tS);
    // One tag explained: its fix runs as with keepExplanations (the room assignment reads the switch).
    struct Explaining
    {
        bool& on;
        explicit Explaining(bool& flag) : on(flag) { on = true; }
        ~Explaining() { on = false; }
    } explaining(m_config.keepExplanations);
    return fix(s, tS);
}

void Engine::setExplaining(int tag, bool on)
{
    if (tag < 0)
        return;
    TagState& s = state(tag);
    s.explaining = on;
    if (!on && !m_config.keepExplanations)
        s.explained.reset();
}

Engine::TagState::Explained& Engine::explained(TagState& s) const
{
    if (!s.explained)
        s.explained = std::make_shared<TagState::Explained>();
    return *s.explained;
}

void Engine::noteDecision(TagState& s, double tS, int from, int to, QString reason) const
{
    if (!m_config.keepExplanations)
        return;
    auto& d = explained(s).decisions;
    d.push_back({tS, from >= 0 ? m_rooms[size_t(from)].id : QString(), to >= 0 ? m_rooms[size_t(to)].id : QString(), std::move(reason)});
    const auto old = std::find_if(d.begin(), d.end(), [&](const Explanation::Decision& x) { return x.t >= tS - m_config.explanationHistoryS; });
    d.erase(d.begin(), old);
}

std::optional<Explanation> Engine::explain(int tag) const
{
    if (tag < 0 || tag >= int(m_tags.size()) || !m_tags[size_t(tag)].explained)
        return std::nullopt;
    const TagState& s = m_tags[size_t(tag)];
    const TagState::Explained& x = *s.explained;
    Explanation e;
    e.fix = x.fix;
    e.atRest = x.atRest;
    e.moveThresholdDb = s.moveDb;
    e.settleThresholdDb = s.settleDb;
    e.stillForS = s.stillSince <= x.fix.t ? x.fix.t - s.stillSince : 0;
    if (s.pendingRoom >= 0 && size_t(s.pendingRoom) < m_rooms.size()) {
        e.pendingRoom = m_rooms[size_t(s.pendingRoom)].id;
        e.pendingForS = x.fix.t - s.pendingSince;
    }
    for (size_t i = 0; i < x.levels.size(); ++i) {
        const auto [r, level] = x.levels[i];
        const int room = m_receiverRoom[size_t(r)];
        e.gateways.push_back({m_receivers[size_t(r)].id, level, x.samples[i], modelled(r, x.fix.x, x.fix.y),
                              room >= 0 ? m_rooms[size_t(room)].id : QString()});
    }
    if (s.roomLogP.size() == m_rooms.size() && x.emission.size() == m_rooms.size())
        for (size_t j = 0; j < m_rooms.size(); ++j)
            if (m_rooms[j].floor == x.fix.floor && s.roomLogP[j] > -59)
                e.rooms.push_back({m_rooms[j].id, x.emission[j], s.roomLogP[j]});
    std::sort(e.rooms.begin(), e.rooms.end(), [](const auto& a, const auto& b) { return a.belief > b.belief; });
    e.decisions = x.decisions;
    return e;
}

} // namespace ww::pos
