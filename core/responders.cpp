#include "core/responders.h"
#include "domain/geometry.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace ww {

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double DoorReachM = 0.75; // a door this near a room's edge opens into that room

double between(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

WalkingRoutes::WalkingRoutes(const Site& site, double floorChangeM)
{
    // Nodes: every room's door, then every stairs room's centre.
    for (const Room& r : site.rooms) {
        const int n = int(m_nodes.size());
        m_nodes.push_back({r.floor, r.door});
        m_roomNodes[r.id].push_back(n);
        m_centres.insert(r.id, RoutePoint{r.floor, r.centre()});
        for (const Room& other : site.rooms)
            if (&other != &r && other.floor == r.floor && distanceTo(other.polygon, r.door) <= DoorReachM)
                m_roomNodes[other.id].push_back(n);
    }
    std::vector<std::pair<const Room*, int>> stairs;
    for (const Room& r : site.rooms)
        if (r.kind == RoomKind::Stairs) {
            stairs.emplace_back(&r, int(m_nodes.size()));
            m_nodes.push_back({r.floor, r.centre()});
            m_roomNodes[r.id].push_back(stairs.back().second);
        }
    m_edges.assign(m_nodes.size(), {});
    auto join = [this](int a, int b, double d) {
        m_edges[size_t(a)].emplace_back(b, d);
        m_edges[size_t(b)].emplace_back(a, d);
    };
    for (auto it = m_roomNodes.cbegin(); it != m_roomNodes.cend(); ++it) {
        const std::vector<int>& nodes = it.value();
        for (size_t i = 0; i < nodes.size(); ++i)
            for (size_t j = i + 1; j < nodes.size(); ++j)
                join(nodes[i], nodes[j], between(m_nodes[size_t(nodes[i])].p, m_nodes[size_t(nodes[j])].p));
    }
    // Stairs above one another (their plans overlap) are one flight per floor apart.
    for (size_t i = 0; i < stairs.size(); ++i)
        for (size_t j = i + 1; j < stairs.size(); ++j) {
            const Room& a = *stairs[i].first;
            const Room& b = *stairs[j].first;
            if (a.floor != b.floor && a.polygon.boundingRect().intersects(b.polygon.boundingRect()))
                join(stairs[i].second, stairs[j].second, floorChangeM * std::abs(a.floor - b.floor));
        }
}

RouteField WalkingRoutes::fieldTo(const QString& roomId) const
{
    const auto it = m_roomNodes.constFind(roomId);
    if (it == m_roomNodes.constEnd())
        return {};
    RouteField field;
    std::vector<double>& dist = field.dist;
    dist.assign(m_nodes.size(), Inf);
    field.next.assign(m_nodes.size(), -1);
    field.roomId = roomId;
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (int n : it.value()) {
        dist[size_t(n)] = 0;
        queue.emplace(0.0, n);
    }
    while (!queue.empty()) {
        const auto [d, n] = queue.top();
        queue.pop();
        if (d > dist[size_t(n)])
            continue;
        for (const auto& [m, w] : m_edges[size_t(n)])
            if (d + w < dist[size_t(m)]) {
                dist[size_t(m)] = d + w;
                field.next[size_t(m)] = n;
                queue.emplace(d + w, m);
            }
    }
    return field;
}

// The node of fromRoom to leave by (the shortest way on), -1: none; total: the whole distance.
int WalkingRoutes::entry(const RouteField& field, const QString& fromRoom, QPointF from, double* total) const
{
    const auto it = m_roomNodes.constFind(fromRoom);
    if (field.dist.size() != m_nodes.size() || it == m_roomNodes.constEnd())
        return -1;
    double best = Inf;
    int node = -1;
    for (int n : it.value())
        if (const double d = between(from, m_nodes[size_t(n)].p) + field.dist[size_t(n)]; d < best) {
            best = d;
            node = n;
        }
    if (total)
        *total = best;
    return best < Inf ? node : -1;
}

std::optional<double> WalkingRoutes::distance(const std::vector<double>& toRoom, const QString& fromRoom, QPointF from) const
{
    double total = Inf;
    return entry(RouteField(toRoom), fromRoom, from, &total) >= 0 ? std::optional(total) : std::nullopt;
}

Route WalkingRoutes::route(const RouteField& field, const QString& fromRoom, int floor, QPointF from) const
{
    int n = entry(field, fromRoom, from, nullptr);
    if (n < 0 || field.next.size() != m_nodes.size())
        return {};
    Route out{RoutePoint{floor, from}};
    for (size_t guard = 0; n >= 0 && guard <= m_nodes.size(); ++guard) {
        const Node& node = m_nodes[size_t(n)];
        if (out.back().floor != node.floor || between(out.back().p, node.p) > 0.01)
            out.push_back(RoutePoint{node.floor, node.p});
        n = field.next[size_t(n)];
    }
    if (const auto c = m_centres.constFind(field.roomId); c != m_centres.constEnd())
        out.push_back(*c);
    return out;
}

Responders nearestStaff(const Site& site, const WalkingRoutes& routes, const RouteField& toRoom,
                        const QString& roomId, const std::vector<StaffRow>& staff, const QString& excludeBadge, int count)
{
    const Room* target = site.room(roomId);
    if (!target || count <= 0)
        return {};
    const QStringList& roles = site.alarms.responderRoles;
    std::vector<std::pair<double, Responder>> found; // exact distance, responder
    for (const StaffRow& s : staff) {
        if (s.signal != SignalState::Live || !s.location.known || (!excludeBadge.isEmpty() && s.badge == excludeBadge) ||
            (!roles.isEmpty() && !roles.contains(s.role)))
            continue;
        const QPointF at(s.location.x, s.location.y);
        Responder r{s.id, s.name, s.role, s.location.roomName, s.location.floor, 0, s.location.floor != target->floor, false,
                    s.badge, s.location.roomId, {}};
        double d = 0;
        if (s.location.roomId == roomId) {
            d = 0;
        } else if (const auto walk = routes.distance(toRoom.dist, s.location.roomId, at)) {
            d = *walk;
            r.route = routes.route(toRoom, s.location.roomId, s.location.floor, at);
        } else if (!r.otherFloor) {
            d = distanceTo(target->polygon, at); // no doors to go by: as the crow flies, and said so
            r.straightLine = true;
        } else {
            continue;
        }
        r.distanceM = int(std::lround(d));
        found.emplace_back(d, std::move(r));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.name < b.second.name;
    });
    Responders nearest;
    for (size_t i = 0; i < found.size() && nearest.size() < count; ++i)
        nearest.push_back(found[i].second);
    return nearest;
}

std::optional<NearbyAsset> nearestAvailableAsset(const Site& site, const WalkingRoutes& routes, const RouteField& toRoom,
                                                 const QString& roomId, const std::vector<AssetRow>& assets, const QString& type)
{
    const Room* target = site.room(roomId);
    if (!target)
        return std::nullopt;
    std::optional<std::pair<double, NearbyAsset>> best;
    for (const AssetRow& a : assets) {
        if (a.type != type || a.signal != SignalState::Live || !a.location.known || a.status == AssetStatus::InUse ||
            a.status == AssetStatus::NeedsCleaning || a.status == AssetStatus::Unknown)
            continue;
        const QPointF at(a.location.x, a.location.y);
        NearbyAsset n{a.id, a.name, a.type, a.location.roomId, a.location.roomName, a.location.floor, 0, false, {}};
        double d = 0;
        if (a.location.roomId == roomId) {
            d = 0;
        } else if (const auto walk = routes.distance(toRoom.dist, a.location.roomId, at)) {
            d = *walk;
            n.route = routes.route(toRoom, a.location.roomId, a.location.floor, at);
        } else if (a.location.floor == target->floor) {
            d = distanceTo(target->polygon, at);
            n.straightLine = true;
        } else {
            continue;
        }
        n.distanceM = int(std::lround(d));
        if (!best || d < best->first || (d == best->first && n.name < best->second.name))
            best = std::pair(d, std::move(n));
    }
    return best ? std::optional(best->second) : std::nullopt;
}

QString responderText(const Responder& r, bool withRole)
{
    const QString who = r.role.isEmpty() || !withRole ? r.name : r.name + QStringLiteral(" (") + r.role + QChar(u')');
    QString text;
    if (r.distanceM == 0 && !r.otherFloor)
        text = QCoreApplication::translate("ww::Responders", "%1, in the room").arg(who);
    else if (r.otherFloor)
        text = QCoreApplication::translate("ww::Responders", "%1, floor %2, %3 m").arg(who).arg(r.floor).arg(r.distanceM);
    else if (r.straightLine)
        text = QCoreApplication::translate("ww::Responders", "%1, about %2 m").arg(who).arg(r.distanceM);
    else
        text = QCoreApplication::translate("ww::Responders", "%1, %2 m").arg(who).arg(r.distanceM);
    if (!r.busyAt.isEmpty())
        text += withRole ? QCoreApplication::translate("ww::Responders", ", at the alarm in %1").arg(r.busyAt)
                         : QCoreApplication::translate("ww::Responders", ", busy");
    return text;
}

const RouteField& ResponderTracker::fieldTo(const QString& roomId)
{
    if (!m_routes)
        m_routes = std::make_unique<WalkingRoutes>(m_site, m_site.alarms.floorChangeM);
    auto to = m_routesTo.find(roomId); // per room: computed once, the site never changes
    if (to == m_routesTo.end())
        to = m_routesTo.insert(roomId, m_routes->fieldTo(roomId));
    return to.value();
}

std::optional<NearbyAsset> ResponderTracker::nearestAsset(const QString& roomId, const QString& type,
                                                          const std::vector<AssetRow>& assets)
{
    const RouteField& to = fieldTo(roomId);
    return nearestAvailableAsset(m_site, *m_routes, to, roomId, assets, type);
}

Responders ResponderTracker::respondersFor(const AlarmState& a)
{
    auto room = m_roomResponders.find(a.roomId);
    if (room == m_roomResponders.end()) // one more than shown: a staff member's own alarm leaves them out
        room = m_roomResponders.insert(a.roomId, nearestStaff(m_site, *m_routes, fieldTo(a.roomId), a.roomId, m_staff, {}, Count + 1));
    // A staff member's own panic or fall: the others are the help.
    const QString own = a.category == AlarmCategory::Event ? a.source : QString();
    Responders out;
    for (const Responder& r : room.value())
        if (out.size() < Count && (own.isEmpty() || r.badge != own)) {
            out.push_back(r);
            // At another patient's or event's alarm: said, not reordered (who goes is the nurses' call).
            if (r.roomId != a.roomId && m_busyRooms.contains(r.roomId))
                out.back().busyAt = r.roomName;
        }
    return out;
}

std::pair<QString, QString> ResponderTracker::escalationTarget(const AlarmState& a, const QString& target)
{
    if (target != NearestStaffTarget)
        return {target, {}};
    const Responders near = a.roomId.isEmpty() ? Responders{} : respondersFor(a);
    if (near.isEmpty() || near.front().badge.isEmpty())
        return {AllStationsTarget, QStringLiteral("nobody located near it, so to all-stations")};
    // The nearest not at another alarm; when all are, the nearest.
    const auto free = std::find_if(near.begin(), near.end(), [](const Responder& x) { return x.busyAt.isEmpty(); });
    const Responder& r = free != near.end() ? *free : near.front(); // the log is in one language, whatever the screen's
    return {r.badge, QStringLiteral("%1 (%2, %3), %4 m%5%6").arg(r.name, r.staffId, r.role).arg(r.distanceM)
                         .arg(r.otherFloor ? QStringLiteral(" from floor %1").arg(r.floor) : QString(),
                              r.busyAt.isEmpty() ? QString() : QStringLiteral(", at the alarm in ") + r.busyAt)};
}

bool ResponderTracker::set(const AlarmState& a)
{
    if (a.closed() || a.local || a.roomId.isEmpty())
        return m_map.remove(a.id) > 0;
    const Responders now = respondersFor(a);
    const auto it = m_map.constFind(a.id);
    if (it != m_map.constEnd() && *it == now)
        return false;
    m_map.insert(a.id, now);
    return true;
}

} // namespace ww
