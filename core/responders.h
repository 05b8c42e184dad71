#pragma once
// Who is nearest to an alarm: the staff located on the ward, ordered by how far they would walk to
// reach the alarm's room, through the rooms' doors and, between floors, the stairs. Computed on
// the core thread whenever staff move or alarms change; the station shows the result.
#include "core/rows.h"
#include "domain/alarmtypes.h"

#include <QHash>
#include <QSet>
#include <memory>
#include <QVector>
#include <optional>
#include <vector>

namespace ww {

// A point of a walking route: a door, a stairs room's centre, where someone stands.
struct RoutePoint
{
    int floor = 0;
    QPointF p;
    bool operator==(const RoutePoint&) const = default;
};
using Route = QVector<RoutePoint>; // from the walker to the room, through its doors and stairs

struct Responder
{
    QString staffId, name, role, roomName;
    int floor = 0;
    int distanceM = 0;          // walking metres to the alarm's room, rounded; 0: in it
    bool otherFloor = false;    // on another floor than the alarm (the stairs are counted)
    bool straightLine = false;  // the site gives no route through doors: the straight-line distance
    QString badge;
    QString roomId;
    QString busyAt; // the room of another open patient or event alarm they are in (empty: none)
    Route route;    // where they would walk (empty: in the room, or no route through doors)
    bool operator==(const Responder&) const = default;
};

// The nearest asset of a type that can be used now (docs/alarms.md, "Who is nearest"): heard,
// located, neither in use nor waiting to be cleaned.
struct NearbyAsset
{
    QString assetId, name, type, roomId, roomName;
    int floor = 0;
    int distanceM = 0;
    bool straightLine = false;
    Route route;
    bool operator==(const NearbyAsset&) const = default;
};

// The walking distance of every node to one room, and each node's next step towards it. Made from
// distances alone (tests), it gives distances and no routes.
struct RouteField
{
    std::vector<double> dist;
    std::vector<int> next; // -1: the node is the room's own
    QString roomId;
    RouteField() = default;
    RouteField(std::vector<double> d) : dist(std::move(d)) {}
    [[nodiscard]] bool empty() const { return dist.empty(); }
};
using Responders = QVector<Responder>;      // nearest first

// Escalation targets the station resolves itself (docs/alarms.md): the nearest responder's badge,
// and every station (the fallback when nobody is located).
inline const QString NearestStaffTarget = QStringLiteral("nearest-staff");
inline const QString AllStationsTarget = QStringLiteral("all-stations");
// The care plan's people (core/careplan.h): the patient's assigned nurse, the charge nurse.
inline const QString AssignedNurseTarget = QStringLiteral("assigned-nurse");
inline const QString ChargeNurseTarget = QStringLiteral("charge-nurse");
using ResponderMap = QHash<QString, Responders>; // by alarm id

// Walking routes over the site's rooms. A node is a room's door (where it meets the corridor);
// a door belongs to its room and to every room whose edge it lies on (within 0.75 m, as the
// positioning engine's room graph), and each stairs room has a node at its centre, joined to the
// stairs above and below by floorChangeM. Within a room one walks straight between its nodes.
class WalkingRoutes
{
public:
    WalkingRoutes(const Site& site, double floorChangeM);

    // Walking distance of every node from a room (its own nodes at 0); empty: not a room of the site.
    [[nodiscard]] std::vector<double> toRoom(const QString& roomId) const { return fieldTo(roomId).dist; }
    // The same with each node's next step towards the room.
    [[nodiscard]] RouteField fieldTo(const QString& roomId) const;
    // The route from a point in a room to the field's room: the point, the doors and stairs on the
    // way, the room's centre. Empty: no route (or a field made from distances alone).
    [[nodiscard]] Route route(const RouteField& field, const QString& fromRoom, int floor, QPointF from) const;
    // From a point in a room to the room that `toRoom` was computed for; nullopt: no route.
    [[nodiscard]] std::optional<double> distance(const std::vector<double>& toRoom, const QString& fromRoom,
                                                 QPointF from) const;
    [[nodiscard]] int nodeCount() const { return int(m_nodes.size()); }

private:
    struct Node
    {
        int floor = 0;
        QPointF p;
    };
    [[nodiscard]] int entry(const RouteField& field, const QString& fromRoom, QPointF from, double* total) const;
    std::vector<Node> m_nodes;
    QHash<QString, std::vector<int>> m_roomNodes; // room id -> its nodes
    QHash<QString, RoutePoint> m_centres;         // room id -> its centre
    std::vector<std::vector<std::pair<int, double>>> m_edges;
};

// The `count` nearest of the staff heard now (live signal, located), of `roles` (empty: all),
// except the wearer of `excludeBadge` (a staff member's own panic), to the room `roomId`;
// `toRoom` is routes.toRoom(roomId). Ties: by name.
[[nodiscard]] Responders nearestStaff(const Site& site, const WalkingRoutes& routes, const RouteField& toRoom,
                                      const QString& roomId, const std::vector<StaffRow>& staff,
                                      const QString& excludeBadge, int count);
// The nearest usable asset of a type (NearbyAsset) to the room roomId, with its route; nullopt: none.
[[nodiscard]] std::optional<NearbyAsset> nearestAvailableAsset(const Site& site, const WalkingRoutes& routes,
                                                               const RouteField& toRoom, const QString& roomId,
                                                               const std::vector<AssetRow>& assets, const QString& type);

// "Martha Silva (nurse), 6 m", "…, in the room", "…, floor 2, 31 m", "…, about 9 m" (straight line),
// then ", at the alarm in Room 104" when busyAt is set; for a narrow column without the role and
// with just ", busy".
[[nodiscard]] QString responderText(const Responder& r, bool withRole = true);

// Who is nearest to each open alarm with a room, kept up to date on the core thread: routes built on
// first use, each alarm room's distances kept (computed once: the site never changes), the nearest
// per room for the staff's places now (dropped when staff move), the alarms changed since the last
// update. Staff in a room with an open patient or event alarm are said to be busy there.
class ResponderTracker
{
public:
    static constexpr int Count = 3; // staff named per alarm, nearest first

    // staff: the core's staff rows (read at each update).
    ResponderTracker(const Site& site, const std::vector<StaffRow>& staff) : m_site(site), m_staff(staff) {}

    void touch(const QString& alarmId) { m_touched.insert(alarmId); }
    [[nodiscard]] bool touched() const { return !m_touched.isEmpty(); }
    // Revisits the touched alarms (every alarm when staff moved or the busy rooms changed); returns
    // whether the map changed.
    template <typename Alarms> bool update(const Alarms& alarms, bool staffMoved);
    [[nodiscard]] const ResponderMap& map() const { return m_map; }
    [[nodiscard]] Responders respondersFor(const AlarmState& a);
    // The nearest usable asset of a type to a room, with its route (nearestAvailableAsset).
    [[nodiscard]] std::optional<NearbyAsset> nearestAsset(const QString& roomId, const QString& type,
                                                          const std::vector<AssetRow>& assets);
    // An escalation step's target: nearest-staff becomes the nearest free responder's badge (nobody
    // located: all-stations); the second is what the log says about it.
    [[nodiscard]] std::pair<QString, QString> escalationTarget(const AlarmState& a, const QString& target);

private:
    bool set(const AlarmState& a);
    const RouteField& fieldTo(const QString& roomId);
    const Site& m_site;
    const std::vector<StaffRow>& m_staff;
    std::unique_ptr<WalkingRoutes> m_routes;
    QHash<QString, RouteField> m_routesTo;
    QHash<QString, Responders> m_roomResponders;
    QSet<QString> m_busyRooms; // room ids where an open patient or event alarm is
    QSet<QString> m_touched;
    ResponderMap m_map;
};

// Alarms: anything with forEach(f(const AlarmState&)) and find(id) (the alarm engine).
template <typename Alarms> bool ResponderTracker::update(const Alarms& alarms, bool staffMoved)
{
    // Rooms with an open patient or event alarm whose cause is present: staff there are busy. It
    // changes only with the alarms.
    bool busyChanged = false;
    if (!m_touched.isEmpty()) {
        QSet<QString> busy;
        alarms.forEach([&](const AlarmState& a) {
            if (!a.roomId.isEmpty() && !a.closed() && !a.ended() && !a.local &&
                (a.category == AlarmCategory::Patient || a.category == AlarmCategory::Event))
                busy.insert(a.roomId);
        });
        busyChanged = busy != m_busyRooms;
        m_busyRooms = std::move(busy);
    }
    const bool everyAlarm = staffMoved || busyChanged;
    bool changed = false;
    if (everyAlarm) {
        // Everyone may be nearer, further or busier now: every open alarm, each room's answer
        // found once (kept while nobody moved).
        if (staffMoved)
            m_roomResponders.clear();
        alarms.forEach([&](const AlarmState& a) { changed = set(a) || changed; });
    }
    for (const QString& id : std::as_const(m_touched)) {
        if (const AlarmState* a = alarms.find(id)) {
            if (!everyAlarm)
                changed = set(*a) || changed;
        } else {
            changed = m_map.remove(id) > 0 || changed; // gone from the engine
        }
    }
    m_touched.clear();
    return changed;
}

} // namespace ww

Q_DECLARE_METATYPE(ww::ResponderMap)
Q_DECLARE_METATYPE(ww::NearbyAsset)
