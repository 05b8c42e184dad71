// How sure a fix is of its room (docs/positioning.md, "Room states"), decided after the room is
// assigned: a tag whose room's receivers are all offline is "unknown, near" that room rather than
// placed next door; a tag heard again after a long silence keeps its room, marked stale, until its
// window fills; a tag's first fixes are "locating". Only the room and its state change here: the
// position, its accuracy and the room's evidence are the engine's as they were.
#include "positioning/engine.h"

#include <algorithm>
#include <cmath>

namespace ww::pos {

namespace {

constexpr size_t RoomHistoryLength = 8;
constexpr double RoomHistoryS = 600; // rooms assigned longer ago than this are not looked back to
// A tag in a room within this long before its receivers fell silent, and still near them, counts
// as in it: the room assigned flickers now and then (a wall's shadow), and the silence may come
// in such a moment.
constexpr double LookbackS = 30;

} // namespace

int Engine::roomIndexOf(const TagState& s, const QString& id) const
{
    if (id.isEmpty())
        return -1;
    if (s.roomIndex >= 0 && size_t(s.roomIndex) < m_rooms.size() && m_rooms[size_t(s.roomIndex)].id == id)
        return s.roomIndex;
    for (size_t j = 0; j < m_rooms.size(); ++j)
        if (m_rooms[j].id == id)
            return int(j);
    return -1;
}

void Engine::noteReceiver(int receiver, double tS)
{
    ReceiverSeen& r = m_receiverSeen[size_t(receiver)];
    if (tS <= r.lastT)
        return;
    if (r.lastT > -1e17) {
        if (receiverOffline(receiver, tS))
            r.backT = tS; // evidence returns: the tags of its room are placed again after a window
        // Its usual gap between reports (adverts heard within 0.2 s are one): a receiver that hears
        // only a slow tag counts as offline only after several of its own gaps.
        if (const double gap = tS - r.lastT; gap > 0.2)
            r.gap = r.gap > 0 ? 0.9 * r.gap + 0.1 * std::min(gap, 120.0) : std::min(gap, 120.0);
    }
    r.lastT = tS;
}

bool Engine::receiverOffline(int receiver, double tS) const
{
    if (receiver < 0 || receiver >= int(m_receiverSeen.size()))
        return false;
    const ReceiverSeen& r = m_receiverSeen[size_t(receiver)];
    // Never heard since the engine started: nothing says it is offline (nor that it works).
    return r.lastT > -1e17 &&
           tS - r.lastT >= std::max(m_config.receiverSilentS, m_config.receiverSilentGaps * r.gap);
}

void Engine::assignRoomState(TagState& s, Fix& f, double tS, const QString& assigned, int loudest) const
{
    auto& c = s.certainty;
    if (m_rooms.empty())
        return; // no rooms: nothing to be sure of
    const int assignedIndex = roomIndexOf(s, assigned);
    if (c.roomHistory.empty() || c.roomHistory.back().second != assignedIndex) {
        c.roomHistory.emplace_back(tS, assignedIndex);
        if (c.roomHistory.size() > RoomHistoryLength)
            c.roomHistory.erase(c.roomHistory.begin());
    }
    if (c.loudestHistory.empty() || c.loudestHistory.back().second != loudest) {
        c.loudestHistory.emplace_back(tS, loudest);
        if (c.loudestHistory.size() > RoomHistoryLength)
            c.loudestHistory.erase(c.loudestHistory.begin());
    }
    const double window = windowFor(s);

    // The first fixes: the windows have not filled yet, the room is a guess.
    if (tS - c.firstReportT < window || c.adverts < m_config.locatingMinAdverts) {
        f.roomState = RoomState::Locating;
        f.nearRoom = assigned;
        f.room.clear();
        f.unknownReason = QStringLiteral("locating: %1 adverts in %2 s").arg(c.adverts).arg(std::max(0.0, tS - c.firstReportT), 0, 'f', 1);
        return;
    }

    // A room whose receivers are all offline: the room the tag was in when they fell silent (its
    // own levels from next door now point next door) is answered "unknown, near" it.
    auto allOffline = [&](int room, double* lastHeard) {
        const auto& rx = m_roomReceivers[size_t(room)];
        if (rx.empty())
            return false;
        double last = -1e18;
        for (int g : rx) {
            if (!receiverOffline(g, tS))
                return false;
            last = std::max(last, m_receiverSeen[size_t(g)].lastT);
        }
        *lastHeard = last;
        return true;
    };
    auto roomAt = [&](double t) { // the room assigned at time t (the oldest known before the history)
        int room = c.roomHistory.front().second;
        for (const auto& [since, r] : c.roomHistory)
            if (since <= t)
                room = r;
        return room;
    };
    auto nearItsReceivers = [&](int room) {
        for (int g : m_roomReceivers[size_t(room)])
            if (m_receivers[size_t(g)].floor == f.floor &&
                std::hypot(f.x - m_receivers[size_t(g)].x, f.y - m_receivers[size_t(g)].y) <= m_config.roomModelRadiusM)
                return true;
        return false;
    };
    // The room assigned is such a room (the tag went in after they fell silent, and the others
    // still place it there): nothing there confirms it.
    double silentSince = 0;
    int near = assignedIndex >= 0 && allOffline(assignedIndex, &silentSince) ? assignedIndex : -1;
    for (auto it = c.roomHistory.rbegin(); it != c.roomHistory.rend() && near < 0; ++it) {
        double lastHeard = 0;
        if (it->second < 0 || tS - it->first > RoomHistoryS || !allOffline(it->second, &lastHeard))
            continue;
        const auto newer = it.base(); // the room held from it->first until newer's time (or now)
        const double until = newer == c.roomHistory.end() ? tS : newer->first;
        if (roomAt(lastHeard) == it->second || (until >= lastHeard - LookbackS && it->first <= lastHeard && nearItsReceivers(it->second)))
            near = it->second;
    }
    // A tag that the receiver of such a room heard best when it fell silent (the room assigned
    // then may have been next door already: a wall's shadow); and a tag that goes into such a
    // room: its fix lies in it, while the room assigned (from the receivers that still work) is
    // next door.
    if (near < 0)
        for (auto it = c.loudestHistory.rbegin(); it != c.loudestHistory.rend() && near < 0; ++it) {
            const int g = it->second, room = m_receiverRoom[size_t(g)];
            double lastHeard = 0;
            const Receiver& rx = m_receivers[size_t(g)];
            // Only while the tag is still about where it was: a walker it heard best on the way past has gone on.
            if (room >= 0 && rx.floor == f.floor && std::hypot(f.x - rx.x, f.y - rx.y) <= m_config.roomModelRadiusM &&
                tS - it->first <= RoomHistoryS && allOffline(room, &lastHeard) && it->first <= lastHeard) {
                // The loudest from it->first until the newer entry: still when it fell silent?
                const auto newer = it.base();
                if (newer == c.loudestHistory.end() || newer->first >= lastHeard)
                    near = room;
            }
        }
    if (near < 0)
        for (size_t room = 0; room < m_rooms.size() && near < 0; ++room) {
            double lastHeard = 0;
            if (int(room) != assignedIndex && m_rooms[room].floor == f.floor && allOffline(int(room), &lastHeard) &&
                m_rooms[room].polygon.contains(QPointF(f.x, f.y)))
                near = int(room);
        }
    // Its receivers heard again: the answer waits a window for their evidence, unless the room
    // assigned is that room already.
    if (near < 0 && c.nearHeld >= 0 && assignedIndex != c.nearHeld) {
        for (int g : m_roomReceivers[size_t(c.nearHeld)])
            if (tS - m_receiverSeen[size_t(g)].backT < window)
                near = c.nearHeld;
    }
    c.nearHeld = near;
    if (near >= 0) {
        f.roomState = RoomState::UnknownNear;
        f.nearRoom = m_rooms[size_t(near)].id;
        f.room.clear();
        f.unknownReason = QStringLiteral("the receivers of %1 are offline").arg(f.nearRoom);
        return;
    }

    // Heard again after a long silence: one packet must not move the tag; its room stays, stale,
    // until the window has filled.
    if (c.resumedT < 1e17) {
        if ((tS - c.resumedT < window || c.advertsSinceResume < m_config.staleMinAdverts) && !c.shownRoom.isEmpty()) {
            f.roomState = RoomState::Stale;
            f.room = c.shownRoom;
            f.nearRoom.clear();
            f.unknownReason = QStringLiteral("stale: heard again %1 s ago after a silence, %2 adverts since")
                                  .arg(tS - c.resumedT, 0, 'f', 1)
                                  .arg(c.advertsSinceResume);
            return;
        }
        c.resumedT = 1e18;
    }

    if (f.room.isEmpty() && !f.unknownReason.isEmpty()) {
        // Unknown for a reason of the engine's (too weak, one receiver): near the room assigned.
        f.roomState = RoomState::UnknownNear;
        f.nearRoom = assigned.isEmpty() ? c.shownRoom : assigned;
        return;
    }
    if (!f.room.isEmpty())
        c.shownRoom = f.room;
}

} // namespace ww::pos
