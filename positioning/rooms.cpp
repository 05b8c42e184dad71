// Room assignment of the engine: the room graph, the room model (how well a room explains the
// levels), the hidden Markov model over rooms, and the older faded-votes method.
#include "domain/geometry.h"
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ww::pos {

namespace {

// Distance from a point to a room's bounding box (0 inside it).
double distanceToBox(const QRectF& b, double x, double y)
{
    const double dx = std::max({b.left() - x, 0.0, x - b.right()});
    const double dy = std::max({b.top() - y, 0.0, y - b.bottom()});
    return std::hypot(dx, dy);
}

} // namespace

void Engine::buildRoomGraph()
{
    m_roomBox.clear();
    m_roomLogWeight.clear();
    for (const auto& r : m_rooms) {
        m_roomBox.push_back(r.polygon.boundingRect());
        m_roomLogWeight.push_back(std::log(r.voteWeight));
    }
    // Two rooms of a floor are neighbours when one's door lies at the other's edge.
    m_roomNeighbours.assign(m_rooms.size(), {});
    for (size_t i = 0; i < m_rooms.size(); ++i)
        for (size_t j = 0; j < m_rooms.size(); ++j) {
            if (i == j || m_rooms[i].floor != m_rooms[j].floor)
                continue;
            const bool viaI = m_rooms[i].door && distanceTo(m_rooms[j].polygon, *m_rooms[i].door) < 0.75;
            const bool viaJ = m_rooms[j].door && distanceTo(m_rooms[i].polygon, *m_rooms[j].door) < 0.75;
            // Without doors in the site, rooms that touch are taken as connected.
            const bool touch = !m_rooms[i].door && !m_rooms[j].door &&
                               m_rooms[i].polygon.boundingRect().adjusted(-0.3, -0.3, 0.3, 0.3).intersects(m_rooms[j].polygon.boundingRect());
            if ((viaI || viaJ || touch) && std::find(m_roomNeighbours[i].begin(), m_roomNeighbours[i].end(), int(j)) == m_roomNeighbours[i].end()) {
                m_roomNeighbours[i].push_back(int(j));
                m_roomNeighbours[j].push_back(int(i));
            }
        }
}

double Engine::nearness(const Level& l) const
{
    return l.rssi - m_receivers[size_t(l.receiver)].rssiAt1m;
}

int Engine::proximityRoom(const std::vector<Level>& used) const
{
    // A receiver inside a room that hears the tag clearly better than every other receiver says
    // the tag is in that room (walls make this so). Levels are compared less each receiver's
    // level at 1 m (configured and learnt): a receiver that hears everything 5 dB louder is not
    // nearer.
    if (used.empty())
        return -1;
    size_t first = 0;
    for (size_t i = 1; i < used.size(); ++i)
        if (nearness(used[i]) > nearness(used[first]))
            first = i;
    double second = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < used.size(); ++i)
        if (i != first)
            second = std::max(second, nearness(used[i]));
    const int room = m_receiverRoom[size_t(used[first].receiver)];
    const double margin = used.size() > 1 ? nearness(used[first]) - second : 99;
    return margin >= m_config.proximityMarginDb ? room : -1;
}

void Engine::keepInside(Fix& f, int room) const
{
    const QRectF box = m_rooms[size_t(room)].polygon.boundingRect().adjusted(0.3, 0.3, -0.3, -0.3);
    f.x = std::clamp(f.x, box.left(), box.right());
    f.y = std::clamp(f.y, box.top(), box.bottom());
}

void Engine::buildRoomModel()
{
    // Points about 2 m apart inside every room, and each receiver's modelled level there (the same
    // wall-aware model as the position fit), computed once: scoring a room is then table look-ups.
    const size_t nr = m_receivers.size();
    m_roomPoints.assign(m_rooms.size(), {});
    for (size_t k = 0; k < m_rooms.size(); ++k) {
        const QRectF b = m_rooms[k].polygon.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5);
        // At most 64 points a side: a hall of 200 m gets them 3 m apart, not a table of 100 000.
        const int nx = std::clamp(int(std::ceil(b.width() / 2.0)) + 1, 2, 64);
        const int ny = std::clamp(int(std::ceil(b.height() / 2.0)) + 1, 2, 64);
        RoomPoints& rp = m_roomPoints[k];
        for (int i = 0; i < nx; ++i)
            for (int j = 0; j < ny; ++j) {
                const double qx = b.left() + b.width() * i / (nx - 1), qy = b.top() + b.height() * j / (ny - 1);
                rp.xy.emplace_back(qx, qy);
                for (size_t r = 0; r < nr; ++r)
                    rp.level.push_back(float(modelled(int(r), qx, qy)));
            }
        rp.large = nx > 4 || ny > 4;
    }
}

double Engine::roomModelCost(const std::vector<Level>& used, size_t room, double fx, double fy) const
{
    // How well the best point of the room explains the levels, in chi-square units with the fit's
    // Huber loss; in long rooms such as corridors only the points near the fix count.
    const RoomPoints& rp = m_roomPoints[room];
    const size_t nr = m_receivers.size();
    const double sigma2 = m_config.sigmaDb * m_config.sigmaDb, k = HuberK * m_config.sigmaDb;
    const double radius2 = m_config.roomModelRadiusM * m_config.roomModelRadiusM;
    double best = std::numeric_limits<double>::infinity();
    for (size_t p = 0; p < rp.xy.size(); ++p) {
        const double dx = rp.xy[p].x() - fx, dy = rp.xy[p].y() - fy;
        if (rp.large && dx * dx + dy * dy > radius2)
            continue;
        const float* level = rp.level.data() + p * nr;
        double c = 0;
        for (const auto& l : used) {
            const double r = l.rssi - double(level[l.receiver]);
            const double a = std::abs(r);
            c += a <= k ? r * r : 2 * k * a - k * k;
        }
        best = std::min(best, c / sigma2);
    }
    return best;
}

void Engine::shareRestEvidence(TagState& s, const Fix& f, std::vector<double>& emission) const
{
    // restLevels starts, holds and takes back the evidence with the sums at rest; here it starts
    // on the tag's floor.
    auto& ev = s.restEvidence;
    if (ev.floor != f.floor || ev.sum.size() != emission.size()) {
        ev = {};
        ev.sum.assign(emission.size(), 0.0);
        ev.floor = f.floor;
        ev.t = f.t;
    }
    // Only fixes whose window agrees with the levels at rest add to it (a fade that has not yet
    // started the sums again does not).
    if (s.restStart > f.t || s.stillSince > f.t || s.disagreeSince <= f.t)
        return;
    const double keep = std::exp(-std::max(0.0, f.t - ev.t) / m_config.roomEvidenceRestS);
    ev.t = f.t;
    for (size_t j = 0; j < emission.size(); ++j)
        ev.sum[j] = keep * ev.sum[j] + emission[j];
    ev.weight = keep * ev.weight + 1;
    if (!f.settled)
        return;
    const double share = m_config.roomEvidenceRestShare;
    for (size_t j = 0; j < emission.size(); ++j)
        emission[j] = share * ev.sum[j] / ev.weight + (1 - share) * emission[j];
}

void Engine::assignRoomHmm(TagState& s, Fix& f, const std::vector<Level>& used, const std::vector<Level>& floorLevels,
                           int proximity) const
{
    const size_t n = m_rooms.size();
    const double dt = std::max(0.05, f.t - s.votesT);
    s.votesT = f.t;
    // Emission per room: its best receiver against the strongest, and the fix's distance to it.
    // Levels less each receiver's level at 1 m (see proximityRoom).
    double strongest = -std::numeric_limits<double>::infinity(), weakest = std::numeric_limits<double>::infinity();
    for (const auto& l : used) {
        strongest = std::max(strongest, nearness(l));
        weakest = std::min(weakest, nearness(l));
    }
    if (used.empty())
        strongest = weakest = 0; // no receiver: the emission compares nothing
    const double unheard = std::min(weakest, strongest - 12) - 3;
    std::vector<double> best(n, -std::numeric_limits<double>::infinity());
    for (const auto& l : used)
        if (const int r = m_receiverRoom[size_t(l.receiver)]; r >= 0)
            best[size_t(r)] = std::max(best[size_t(r)], nearness(l));
    const double sigma = std::max(1.0, f.accuracyM);
    // Which rooms the fix lies in (the box first: a polygon test per room and fix is costly).
    std::vector<char> inside(n, 0);
    for (size_t j = 0; j < n; ++j)
        inside[j] = m_rooms[j].floor == f.floor && m_roomBox[j].contains(f.x, f.y) &&
                    m_rooms[j].polygon.contains(QPointF(f.x, f.y));
    // The votes method's observation: the room the fix lies in, unless one receiver inside a room
    // names it clearly (proximity margin).
    int here = proximity;
    for (size_t j = 0; j < n && here < 0; ++j)
        if (inside[j])
            here = int(j);
    std::vector<double> emission(n, -1e9);
    for (size_t j = 0; j < n; ++j) {
        if (m_rooms[j].floor != f.floor)
            continue;
        // A room's receiver that does not hear the tag among the strongest is evidence against the
        // room; a room without a receiver has no such evidence (as if its receiver were 6 dB down).
        const double rx = std::isfinite(best[j]) ? best[j] : m_roomHasReceiver[j] ? unheard : strongest - 6;
        const double d = inside[j] ? 0.0 : distanceToBox(m_roomBox[j], f.x, f.y);
        // Corridors carry a prior against them (voteWeight < 1): people pass through, rarely stay,
        // and their many receivers would otherwise claim every tag near a door.
        emission[j] = (rx - strongest) / m_config.roomRxScaleDb - m_config.roomGeoWeight * 0.5 * (d / sigma) * (d / sigma) +
                      m_config.roomCorridorPrior * m_roomLogWeight[j] - (int(j) == here ? 0.0 : m_config.roomHereNats);
    }
    if (m_config.roomModelWeight > 0 && !used.empty()) {
        // Rooms near the fix: how well each explains the levels, relative to the best of them.
        std::vector<double> cost(n, std::numeric_limits<double>::infinity());
        double minCost = std::numeric_limits<double>::infinity();
        for (size_t j = 0; j < n; ++j) {
            if (m_rooms[j].floor != f.floor)
                continue;
            if (distanceToBox(m_roomBox[j], f.x, f.y) > m_config.roomModelRadiusM)
                continue;
            cost[j] = roomModelCost(floorLevels, j, f.x, f.y);
            minCost = std::min(minCost, cost[j]);
        }
        for (size_t j = 0; j < n; ++j)
            if (m_rooms[j].floor == f.floor)
                emission[j] -= m_config.roomModelWeight * 0.5 * std::min(std::isfinite(cost[j]) ? cost[j] - minCost : 40.0, 40.0);
    }
    if (m_config.roomEvidenceRestShare > 0)
        shareRestEvidence(s, f, emission);
    // Forward step, max-product (the most likely path), kept relative to its best room.
    if (s.roomFloor != f.floor || s.roomLogP.size() != n) {
        s.roomLogP.assign(n, -1e9);
        s.roomJumpT.assign(n, -1e18);
        for (size_t j = 0; j < n; ++j)
            if (m_rooms[j].floor == f.floor)
                s.roomLogP[j] = 0;
        s.roomFloor = f.floor;
        s.roomIndex = -1;
        // A room recalled from before a restart (Engine::recall) is held as if it had been decided:
        // another room must lead it by the evidence a change needs, for the dwell.
        if (auto* r = s.certainty.recalled.get(); r && r->room >= 0 && size_t(r->room) < n && m_rooms[size_t(r->room)].floor == f.floor) {
            const int held = std::exchange(r->room, -1);
            for (size_t j = 0; j < n; ++j)
                if (m_rooms[j].floor == f.floor && int(j) != held)
                    s.roomLogP[j] = -m_config.roomSwitchNats;
            s.roomIndex = held;
            noteDecision(s, f.t, -1, held, QStringLiteral("recalled from before the restart"));
        }
    }
    const double move = std::log(std::min(0.5, m_config.roomMoveRatePerS * dt));
    const double jump = std::log(std::min(0.1, m_config.roomJumpPerS * dt));
    double top = -1e18;
    for (double v : s.roomLogP)
        top = std::max(top, v);
    std::vector<double> next(n, -1e9), jumpT(n, -1e18);
    // A tag that moves, or has not settled since it moved, has stale evidence for the room it left.
    const bool fresh = f.moving || !f.settled;
    const double evidenceWeight = fresh ? m_config.roomEvidenceWeightMoving : m_config.roomEvidenceWeight;
    double nextTop = -1e18;
    for (size_t j = 0; j < n; ++j) {
        if (m_rooms[j].floor != f.floor)
            continue;
        // The likeliest way in: staying, a jump from the likeliest room, or through a door; the
        // time of the path's last jump goes with it.
        double v = s.roomLogP[j], via = s.roomJumpT[j];
        if (top + jump > v) {
            v = top + jump;
            via = f.t;
        }
        for (int i : m_roomNeighbours[j])
            if (s.roomLogP[size_t(i)] + move > v) {
                v = s.roomLogP[size_t(i)] + move;
                via = s.roomJumpT[size_t(i)];
            }
        next[j] = v + evidenceWeight * emission[j];
        jumpT[j] = via;
        nextTop = std::max(nextTop, next[j]);
    }
    size_t arg = 0;
    for (size_t j = 0; j < n; ++j) {
        next[j] = std::max(next[j] - nextTop, -60.0); // a room never becomes impossible
        if (next[j] == 0)
            arg = j;
    }
    s.roomLogP = std::move(next);
    s.roomJumpT = std::move(jumpT);
    if (m_config.keepExplanations)
        explained(s).emission = emission;
    const double switchNats = fresh ? m_config.roomSwitchNatsMoving : m_config.roomSwitchNats;
    if (s.roomIndex < 0 || m_rooms[size_t(s.roomIndex)].floor != f.floor) {
        noteDecision(s, f.t, s.roomIndex, int(arg),
                     s.roomIndex < 0 ? QStringLiteral("the track's first room: the likeliest of floor %1").arg(f.floor)
                                     : QStringLiteral("the tag changed floor to %1: the likeliest room there").arg(f.floor));
        s.roomIndex = int(arg);
        s.pendingRoom = -1;
    } else if (s.roomLogP[size_t(s.roomIndex)] < -switchNats) {
        // A change must hold for a while: long for a tag standing still (its evidence only
        // fluctuates), short for one walking.
        if (s.pendingRoom != int(arg)) {
            s.pendingRoom = int(arg);
            s.pendingSince = f.t;
        }
        // A tag that is not moving now but has not settled yet (a passer-by's shadow unsettled
        // it) still waits roomDwellPausedS.
        const double stateDwell = !f.settled ? (f.moving ? m_config.roomDwellMovingS : m_config.roomDwellPausedS)
                                  : f.t - s.stillSince >= m_config.restedLongS ? m_config.roomDwellRestedS
                                                                               : m_config.roomDwellStillS;
        const bool throughWall = f.t - s.roomJumpT[arg] <= m_config.roomJumpRecentS;
        const double dwell = throughWall ? std::max(stateDwell, m_config.roomJumpDwellS) : stateDwell;
        if (f.t - s.pendingSince >= dwell * intervalScale(s)) {
            if (m_config.keepExplanations) {
                QString state = f.moving ? QStringLiteral("its levels say it moves")
                                : !f.settled ? QStringLiteral("not settled since it last moved")
                                : f.t - s.stillSince >= m_config.restedLongS ? QStringLiteral("at rest for long")
                                                                              : QStringLiteral("standing still");
                if (throughWall)
                    state += QStringLiteral(", reached through a wall rather than a door");
                noteDecision(s, f.t, s.roomIndex, int(arg),
                             QStringLiteral("led by %1 nats (a change needs %2) for %3 s (needed %4 s): %5")
                                 .arg(-s.roomLogP[size_t(s.roomIndex)], 0, 'f', 1)
                                 .arg(switchNats, 0, 'f', 1)
                                 .arg(f.t - s.pendingSince, 0, 'f', 1)
                                 .arg(dwell * intervalScale(s), 0, 'f', 1)
                                 .arg(state));
            }
            s.roomIndex = int(arg);
            s.pendingRoom = -1;
        }
    } else {
        s.pendingRoom = -1;
    }
    s.room = m_rooms[size_t(s.roomIndex)].id;
    f.room = s.room;
}

void Engine::assignRoom(TagState& s, Fix& f, const std::vector<Level>& used, const std::vector<Level>& floorLevels) const
{
    if (m_rooms.empty())
        return;
    if (m_config.roomHmm) {
        // The HMM decides the room; the fix is then kept inside a room whose receiver clearly
        // names it, when that is the room decided (a receiver of the room across the corridor,
        // loud for a moment, must not carry the dot there).
        const int room = proximityRoom(used);
        assignRoomHmm(s, f, used, floorLevels, room);
        if (room >= 0 && room == s.roomIndex)
            keepInside(f, room);
        return;
    }
    QString here;
    double weight = 1.0;
    for (const auto& r : m_rooms)
        if (r.floor == s.floor && r.polygon.contains(QPointF(s.x, s.y))) {
            here = r.id;
            weight = r.voteWeight;
            break;
        }
    // Room-level evidence beats geometry; the position is then kept inside that room.
    if (const int room = proximityRoom(used); room >= 0 && m_rooms[size_t(room)].id != here) {
        here = m_rooms[size_t(room)].id;
        weight = m_rooms[size_t(room)].voteWeight;
        keepInside(f, room);
    }
    // Hysteresis by evidence: every fix votes for the room it sees; votes fade with a time constant
    // of roomMemoryS; the tag moves only when another room's votes beat its room's by a clear
    // ratio. Alternating noise never adds up to a move; a real move does within seconds.
    const double fade = std::exp(-std::max(0.0, f.t - s.votesT) / m_config.roomMemoryS);
    s.votesT = f.t;
    bool found = false;
    for (auto& [room, votes] : s.votes) {
        votes *= fade;
        if (room == here) {
            votes += weight;
            found = true;
        }
    }
    if (!found)
        s.votes.emplace_back(here, weight);
    std::erase_if(s.votes, [&](const auto& v) { return v.second < 0.05 && v.first != s.room; });
    double own = 0;
    const std::pair<QString, double>* best = nullptr;
    for (const auto& v : s.votes) {
        if (v.first == s.room)
            own = v.second;
        if (!best || v.second > best->second)
            best = &v;
    }
    if (s.room.isEmpty() || (best && best->first != s.room && best->second > m_config.roomSwitchRatio * own))
        s.room = best ? best->first : here;
    f.room = s.room;
    if (f.room.isEmpty())
        f.unknownReason = QStringLiteral("outside every room");
}

} // namespace ww::pos
