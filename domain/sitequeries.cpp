// The site's vocabulary (room and device kinds), its look-ups and what it asks of the positioning
// engine; the loader is in site.cpp.
#include "domain/site.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <cmath>

namespace ww {

QTimeZone Site::zone() const
{
    return timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(timeZone.toUtf8());
}


namespace {

// The first element of `list` whose `key` equals `wanted`, or null.
template <typename T, typename Key>
const T* findBy(const std::vector<T>& list, Key T::*key, const Key& wanted)
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const T& e) { return e.*key == wanted; });
    return it == list.end() ? nullptr : &*it;
}

struct KindName
{
    RoomKind kind;
    const char* name;
};
constexpr KindName RoomKindNames[] = {
    {RoomKind::PatientRoom, "patient"},      {RoomKind::Icu, "icu"},
    {RoomKind::OperatingRoom, "or"},         {RoomKind::Isolation, "isolation"},
    {RoomKind::Pharmacy, "pharmacy"},        {RoomKind::UtilityClean, "utility-clean"},
    {RoomKind::UtilityDirty, "utility-dirty"}, {RoomKind::Corridor, "corridor"},
    {RoomKind::Exit, "exit"},                {RoomKind::StaffArea, "staff"},
    {RoomKind::Toilet, "toilet"},            {RoomKind::Office, "office"},
    {RoomKind::Stairs, "stairs"},
};

constexpr const char* DeviceKindKeys[DeviceKindCount] = {"gateway", "wristband", "badge", "assetTag",
                                                          "vitalsMonitor", "climate", "fridge", "door", "referenceBeacon",
                                                          "bed"};

} // namespace

// The most wall tests a site may ask of the positioning engine's wall grid: seconds of every start.
constexpr double MaxWallTests = 2e9;

QString wallGridProblem(const Site& site)
{
    // The positioning engine's wall grid (positioning/pathloss.cpp): for every gateway, the walls on
    // its floor that the way to every 0.5 m cell of the plan crosses.
    if (site.gateways.empty() || site.walls.empty())
        return {};
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    QHash<int, double> gatewaysOn, wallsOn;
    for (const Gateway& g : site.gateways) {
        x0 = std::min(x0, g.x), y0 = std::min(y0, g.y), x1 = std::max(x1, g.x), y1 = std::max(y1, g.y);
        gatewaysOn[g.floor] += 1;
    }
    for (const WallSegment& w : site.walls)
        wallsOn[w.floor] += 1;
    const double cells = (std::ceil((x1 - x0 + 6) / 0.5) + 1) * (std::ceil((y1 - y0 + 6) / 0.5) + 1);
    double tests = 0;
    for (auto it = wallsOn.cbegin(); it != wallsOn.cend(); ++it)
        tests += it.value() * gatewaysOn.value(it.key()) * cells;
    if (tests <= MaxWallTests)
        return {};
    return QStringLiteral("%1 wall segments and %2 gateways over %3 x %4 m make %5 million wall tests for the positioning "
                          "engine, more than its %6 million (each start would take seconds more, up to minutes): draw "
                          "each wall as one segment, or split the site")
        .arg(site.walls.size())
        .arg(site.gateways.size())
        .arg(qRound(x1 - x0))
        .arg(qRound(y1 - y0))
        .arg(qRound64(tests / 1e6))
        .arg(qRound64(MaxWallTests / 1e6));
}

QString toString(RoomKind kind)
{
    for (const auto& k : RoomKindNames)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return {};
}

std::optional<RoomKind> roomKindFromString(const QString& text)
{
    for (const auto& k : RoomKindNames)
        if (text == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QString toString(DeviceKind kind)
{
    return QLatin1String(DeviceKindKeys[int(kind)]);
}

std::vector<Device> Site::devices() const
{
    std::vector<Device> out;
    for (const auto& g : gateways) {
        const Room* r = room(g.room);
        out.push_back({g.id, DeviceKind::Gateway, r ? r->name : g.room});
    }
    for (const auto& p : patients) {
        out.push_back({p.wristband, DeviceKind::Wristband, p.name});
        if (!p.monitor.isEmpty())
            out.push_back({p.monitor, DeviceKind::VitalsMonitor, p.name});
    }
    for (const auto& s : staff)
        out.push_back({s.badge, DeviceKind::Badge, s.name});
    for (const auto& a : assets)
        out.push_back({a.tag, DeviceKind::AssetTag, a.name});
    for (const auto& b : referenceBeacons)
        out.push_back({b.id, DeviceKind::ReferenceBeacon,
                       b.gateway.isEmpty() ? QStringLiteral("reference (%1, %2) floor %3").arg(b.x).arg(b.y).arg(b.floor)
                                           : QStringLiteral("gateway %1 advertising").arg(b.gateway)});
    for (const auto& spare : spareWristbands) // the stock: no subject until the station pairs them
        out.push_back({spare, DeviceKind::Wristband, {}});
    for (const auto& spare : spareMonitors)
        out.push_back({spare, DeviceKind::VitalsMonitor, {}});
    for (const auto& s : sensors) {
        const DeviceKind k = s.kind == SensorKind::Climate  ? DeviceKind::ClimateSensor
                             : s.kind == SensorKind::Fridge ? DeviceKind::FridgeSensor
                                                            : DeviceKind::DoorSensor;
        QString subject = s.room;
        if (const Fridge* f = fridge(s.fridge))
            subject = f->name;
        else if (const Room* r = room(s.room))
            subject = r->name;
        out.push_back({s.id, k, subject});
    }
    for (const auto& b : beds)
        if (!b.device.isEmpty())
            out.push_back({b.device, DeviceKind::Bed, QStringLiteral("bed %1").arg(b.id)});
    return out;
}

const Room* Site::room(const QString& wanted) const
{
    return findBy(rooms, &Room::id, wanted);
}

int Site::gatewayIndex(const QString& wanted) const
{
    for (size_t i = 0; i < gateways.size(); ++i)
        if (!wanted.isEmpty() && gateways[i].id == wanted)
            return int(i);
    return -1;
}

const Room* Site::roomAt(int floorLevel, QPointF p) const
{
    // Rooms before corridors: a point on a shared edge belongs to the room, not the corridor.
    const Room* corridor = nullptr;
    for (const auto& r : rooms) {
        if (r.floor != floorLevel || !r.polygon.contains(p))
            continue;
        if (r.kind != RoomKind::Corridor)
            return &r;
        corridor = &r;
    }
    return corridor;
}

const Bed* Site::bed(const QString& wanted) const
{
    return findBy(beds, &Bed::id, wanted);
}

const Fridge* Site::fridge(const QString& wanted) const
{
    return findBy(fridges, &Fridge::id, wanted);
}

const StaffMember* Site::staffMember(const QString& staffId) const
{
    return findBy(staff, &StaffMember::id, staffId);
}

const Patient* Site::patient(const QString& patientId) const
{
    return findBy(patients, &Patient::id, patientId);
}

const Floor* Site::floor(int level) const
{
    return findBy(floors, &Floor::level, level);
}

} // namespace ww
