// The engine's construction (from receivers and shapes, or from a site) and its fix, which runs
// the steps the other files hold: levels, floor, position, track, room and accuracy.
#include "positioning/engine.h"
#include "positioning/internal.h"
#include "domain/devicedirectory.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ww::pos {

Engine::Engine(std::vector<Receiver> receivers, EngineConfig config, std::vector<RoomShape> rooms,
               std::vector<WallShape> walls)
    : m_receivers(std::move(receivers)), m_config(config), m_rooms(std::move(rooms)), m_walls(std::move(walls))
{
    m_bounds[0] = m_bounds[1] = std::numeric_limits<double>::infinity();
    m_bounds[2] = m_bounds[3] = -std::numeric_limits<double>::infinity();
    for (const auto& g : m_receivers) {
        m_bounds[0] = std::min(m_bounds[0], g.x);
        m_bounds[1] = std::min(m_bounds[1], g.y);
        m_bounds[2] = std::max(m_bounds[2], g.x);
        m_bounds[3] = std::max(m_bounds[3], g.y);
    }
    // Where a tag can be: inside the walls and rooms of the site when it has any (a fix outside
    // the building is impossible), else the receivers' box plus 1 m: receivers hang on the walls
    // and ceilings of the space they cover, and a posterior mean is pulled by every empty metre
    // the area adds (3 m moved UJI's median from 1.79 to 1.91 m).
    std::copy(m_bounds, m_bounds + 4, m_area);
    m_area[0] -= 1;
    m_area[1] -= 1;
    m_area[2] += 1;
    m_area[3] += 1;
    if (!m_walls.empty() || !m_rooms.empty()) {
        double a[4] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
        auto grow = [&](QPointF p) {
            a[0] = std::min(a[0], p.x());
            a[1] = std::min(a[1], p.y());
            a[2] = std::max(a[2], p.x());
            a[3] = std::max(a[3], p.y());
        };
        for (const auto& w : m_walls) {
            grow(w.line.p1());
            grow(w.line.p2());
        }
        for (const auto& r : m_rooms)
            for (const QPointF& p : r.polygon)
                grow(p);
        if (a[2] - a[0] > 1 && a[3] - a[1] > 1) {
            m_area[0] = a[0] - 0.2;
            m_area[1] = a[1] - 0.2;
            m_area[2] = a[2] + 0.2;
            m_area[3] = a[3] + 0.2;
        }
    }
    for (const auto& g : m_receivers) {
        int room = -1;
        for (int i = 0; i < int(m_rooms.size()); ++i)
            if (m_rooms[size_t(i)].floor == g.floor && m_rooms[size_t(i)].polygon.contains(QPointF(g.x, g.y)))
                room = i;
        m_receiverRoom.push_back(room);
    }
    m_roomHasReceiver.assign(m_rooms.size(), 0);
    m_roomReceivers.resize(m_rooms.size());
    for (int g = 0; g < int(m_receiverRoom.size()); ++g)
        if (const int r = m_receiverRoom[size_t(g)]; r >= 0) {
            m_roomHasReceiver[size_t(r)] = 1;
            m_roomReceivers[size_t(r)].push_back(g);
        }
    m_receiverSeen.resize(m_receivers.size());
    buildRoomGraph();
    if (!m_walls.empty() && !m_receivers.empty() && m_config.wallLossDb > 0)
        buildWallGrid();
    buildLattice();
    if (m_config.roomHmm && m_config.roomModelWeight > 0)
        buildRoomModel();
}

void Engine::setRadioMap(RadioMap map)
{
    m_map = std::move(map);
    buildLatticeCorrections();
    if (m_config.roomHmm && m_config.roomModelWeight > 0)
        buildRoomModel();
}

std::optional<Fix> Engine::fix(TagState& s, double tS)
{
    takePending(s);
    std::vector<Level> lv = levels(s, tS);
    if (lv.empty())
        return std::nullopt;
    if (s.known)
        return referenceFix(s, lv, tS);
    // Floor from all the evidence (power summed per floor: one strong packet through the slab must
    // not decide), with hysteresis once the tag has a floor.
    updateMotion(s, tS, lv);
    const bool moving = s.motionDb >= s.moveDb;
    bool atRest = false;
    if (auto rest = restLevels(s, lv, tS); !rest.empty()) {
        lv = std::move(rest);
        atRest = true;
    }
    std::map<int, double> floorPower;
    for (const auto& l : lv)
        floorPower[m_receivers[size_t(l.receiver)].floor] += powerOfDb(l.rssi);
    int bestFloor = std::max_element(floorPower.begin(), floorPower.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    const double floorDwell = m_config.floorDwellS * intervalScale(s);
    if (s.floorProvisional && tS - s.floorSince >= floorDwell)
        s.floorProvisional = false;
    if (s.tracking && bestFloor != s.floor && s.floorProvisional) {
        s.pendingFloor = std::numeric_limits<int>::min(); // not yet confirmed: the evidence decides
    } else if (s.tracking && bestFloor != s.floor) {
        const auto own = floorPower.find(s.floor);
        const double ownDb = own == floorPower.end() ? -200 : 10 * std::log10(own->second);
        if (10 * std::log10(floorPower[bestFloor]) < ownDb + m_config.floorMarginDb) {
            bestFloor = s.floor;
            s.pendingFloor = std::numeric_limits<int>::min();
        } else if (s.pendingFloor != bestFloor) { // the other floor must lead for floorDwellS
            s.pendingFloor = bestFloor;
            s.pendingFloorSince = tS;
            bestFloor = s.floor;
        } else if (tS - s.pendingFloorSince < floorDwell) {
            bestFloor = s.floor;
        }
    } else {
        s.pendingFloor = std::numeric_limits<int>::min();
    }
    // A body-worn tag at rest: its levels are positioned with the holder's body shadow fitted, from
    // every receiver of the floor (the strongest alone lie on the unshadowed side).
    bool shadow = atRest && m_config.bodyShadowSdDb > 0 && (m_config.worn || s.worn);
    std::vector<Level> used;
    for (const auto& l : lv)
        if (m_receivers[size_t(l.receiver)].floor == bestFloor && (shadow || int(used.size()) < m_config.maxGateways))
            used.push_back(l);
    shadow = shadow && used.size() >= 4;

    std::optional<Prior> prior;
    if (s.tracking && bestFloor == s.floor) {
        Kinematics ahead = s;
        predict(ahead, tS);
        prior = Prior{ahead.x, ahead.y, {{ahead.P[0][0], ahead.P[0][1]}, {ahead.P[1][0], ahead.P[1][1]}}};
    }
    // The lattice seeds itself (down its own costs from the weighted centroid) when its tables
    // exist; otherwise least squares from the centroid seeds it (the lattice covers the
    // prediction's surroundings as well). Fewer than three receivers, or no lattice: least
    // squares alone, started from the prediction and the centroid.
    double x = std::numeric_limits<double>::quiet_NaN(), y = x, cov[2][2], spread[2][2] = {};
    bool lattice = m_config.gridPosterior && gridPosterior(used, x, y, cov, prior ? &*prior : nullptr, spread, shadow);
    if (!lattice) {
        x = prior && !m_config.gridPosterior ? prior->x : std::numeric_limits<double>::quiet_NaN();
        y = prior && !m_config.gridPosterior ? prior->y : std::numeric_limits<double>::quiet_NaN();
        if (!solve(used, x, y, cov))
            return std::nullopt;
        lattice = m_config.gridPosterior && gridPosterior(used, x, y, cov, prior ? &*prior : nullptr, spread, shadow);
    }
    lattice = lattice && prior;
    // Covariance of the snapshot: inflated by the model's own mismatch, never tighter than 0.5 m.
    for (auto& row : cov)
        for (double& v : row)
            v = std::isfinite(v) ? v : 100.0;
    cov[0][0] = std::clamp(cov[0][0], 0.25, 400.0);
    cov[1][1] = std::clamp(cov[1][1], 0.25, 400.0);

    if (!s.tracking || bestFloor != s.floor) {
        // A track's first floor is provisional; correcting it keeps the first one's clock.
        const bool provisional = !s.tracking || s.floorProvisional;
        const double floorSince = s.tracking ? s.floorSince : tS;
        TagState fresh;
        fresh.heard = std::move(s.heard);
        fresh.lastAdvertT = s.lastAdvertT;
        fresh.advertInterval = s.advertInterval;
        fresh.motionDb = s.motionDb;
        fresh.motionT = s.motionT;
        fresh.stillSince = s.stillSince;
        fresh.aboveSince = s.aboveSince;
        fresh.worn = s.worn;
        fresh.motionTruth = s.motionTruth;
        fresh.explained = std::move(s.explained);
        fresh.explaining = s.explaining;
        fresh.certainty = std::move(s.certainty);
        s = std::move(fresh);
        s.tracking = true;
        s.t = tS;
        s.x = x;
        s.y = y;
        // A tag recalled from before a restart (Engine::recall) starts where it was: its first
        // windows hold few adverts. A first fix far from there (it may have moved meanwhile)
        // widens the start by that distance.
        if (auto* r = s.certainty.recalled.get(); r && std::isfinite(r->tag.x) && r->tag.floor == bestFloor) {
            const double d = std::hypot(x - r->tag.x, y - r->tag.y);
            s.x = r->tag.x;
            s.y = r->tag.y;
            r->tag.x = r->tag.y = std::numeric_limits<double>::quiet_NaN();
            if (d > m_config.unsettleDistanceM) {
                cov[0][0] += d * d;
                cov[1][1] += d * d;
            }
        }
        s.floor = bestFloor;
        s.floorProvisional = provisional;
        s.floorSince = floorSince;
        s.P[0][0] = cov[0][0];
        s.P[1][1] = cov[1][1];
        s.P[0][1] = s.P[1][0] = cov[0][1];
        s.P[2][2] = s.P[3][3] = 1.0;
    } else {
        const Kinematics before = s;
        predict(s, tS);
        correct(s, x, y, cov);
        // Through a wall in one step is impossible: trust that measurement far less.
        if (!m_walls.empty() && crossesWall(s.floor, before.x, before.y, s.x, s.y)) {
            const double wide[2][2] = {{cov[0][0] * 9, cov[0][1] * 9}, {cov[1][0] * 9, cov[1][1] * 9}};
            static_cast<Kinematics&>(s) = before;
            predict(s, tS);
            correct(s, x, y, wide);
            std::copy(&wide[0][0], &wide[0][0] + 4, &cov[0][0]); // the measurement's covariance, below
        }
        if (lattice)
            addLatticeSpread(s, cov, spread);
    }

    Fix f;
    f.t = tS;
    // The filter's prediction may carry the track out of the building: stop it at the edge.
    if (s.x < m_area[0] || s.x > m_area[2]) {
        s.x = std::clamp(s.x, m_area[0], m_area[2]);
        s.vx = 0;
    }
    if (s.y < m_area[1] || s.y > m_area[3]) {
        s.y = std::clamp(s.y, m_area[1], m_area[3]);
        s.vy = 0;
    }
    f.x = s.x;
    f.y = s.y;
    if (m_config.centroidBlend > 0)
        if (const auto c = centroidOf(s, tS, 4); c && c->floor == s.floor) {
            f.x += m_config.centroidBlend * (c->x - f.x);
            f.y += m_config.centroidBlend * (c->y - f.y);
        }
    f.floor = s.floor;
    f.gatewaysUsed = int(used.size());
    f.moving = moving;
    f.motionDb = s.motionDb;
    trackRest(s, tS);
    checkRecalled(s, tS);
    f.settled = tS - s.stillSince >= m_config.settleAfterS;
    // 68 % circle of a 2-D Gaussian: 1.515 sigma (sigma^2 the mean of the two variances).
    f.accuracyM = 1.515 * std::sqrt(std::max(0.0, (s.P[0][0] + s.P[1][1]) / 2));
    std::vector<Level> floorLevels;
    for (const auto& l : lv)
        if (m_receivers[size_t(l.receiver)].floor == s.floor && int(floorLevels.size()) < m_config.roomModelGateways)
            floorLevels.push_back(l);
    if (m_config.selfCalibrate && f.settled && used.size() >= 4)
        selfCalibrationSample(s, used, tS, m_config.selfCalibrationNearest, 1.0);
    assignRoom(s, f, used, floorLevels);
    const QString assigned = f.room;
    if (lv[0].rssi < m_config.weakDbm) {
        f.room.clear();
        f.unknownReason = QStringLiteral("weak: strongest receiver %1 dBm").arg(lv[0].rssi, 0, 'f', 0);
    } else if (used.size() < 2 && f.accuracyM > 4 &&
               (lv[0].rssi < m_config.nearDbm || m_receiverRoom[size_t(used[0].receiver)] < 0)) {
        f.room.clear();
        f.unknownReason = QStringLiteral("only one receiver hears the tag");
    }
    assignRoomState(s, f, tS, assigned, lv[0].receiver);
    // A moving tag's fix trails it (the levels are the window's, and the filter smooths them): the
    // circle reported includes lagWindows windows' (at most lagMaxS) travel at the filter's speed,
    // and what the calibration's self-check found (accuracyScale). After the room: the room's
    // evidence uses the filter's own spread.
    const double lag = !f.moving ? 0.0 : std::hypot(s.vx, s.vy) * std::min(m_config.lagWindows * windowFor(s), m_config.lagMaxS);
    f.accuracyM = std::hypot(f.accuracyM, lag) * m_config.accuracyScale;
    f.confidence = std::clamp(std::exp(-f.accuracyM / 4.0) * std::min(1.0, used.size() / 3.0), 0.0, 1.0);
    if (m_config.keepExplanations) {
        auto& e = explained(s);
        e.fix = f;
        e.atRest = atRest;
        e.levels.clear();
        e.samples.clear();
        for (const auto& l : used) {
            e.levels.emplace_back(l.receiver, l.rssi);
            e.samples.push_back(l.samples);
        }
    }
    return f;
}

Engine engineForSite(const Site& site, EngineConfig config, const DeviceDirectory* directory)
{
    std::vector<Receiver> receivers;
    for (const auto& g : site.gateways)
        receivers.push_back({g.id, g.x, g.y, g.z, g.floor, g.rssiAt1m, g.exponent});
    std::vector<RoomShape> rooms;
    for (const auto& r : site.rooms)
        rooms.push_back({r.id, r.floor, r.polygon, r.kind == RoomKind::Corridor ? config.corridorVoteWeight : 1.0,
                         r.door.isNull() ? std::nullopt : std::optional<QPointF>(r.door)});
    std::vector<WallShape> walls;
    for (const auto& w : site.walls)
        walls.push_back({w.floor, QLineF(w.a, w.b)});
    if (site.centroidBlend > 0)
        config.centroidBlend = site.centroidBlend;
    config.reorderWindowS = site.reorderWindowS;
    Engine engine(std::move(receivers), config, std::move(rooms), std::move(walls));
    if (directory)
        for (const auto& b : site.referenceBeacons)
            if (const int tag = directory->tag(b.id.toStdString()); tag >= 0)
                engine.setKnownPosition(tag, b.x, b.y, b.floor, b.z, site.gatewayIndex(b.gateway));
    if (directory && site.bodyShadow) {
        auto worn = [&](const QString& id) {
            if (const int tag = directory->tag(id.toStdString()); tag >= 0)
                engine.setWorn(tag, true);
        };
        for (const auto& p : site.patients)
            worn(p.wristband);
        for (const auto& w : site.spareWristbands)
            worn(w);
        for (const auto& m : site.staff)
            worn(m.badge);
    }
    return engine;
}

} // namespace ww::pos
