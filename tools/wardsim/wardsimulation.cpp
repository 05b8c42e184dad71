#include "wardsimulation.h"
#include "transport/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLineF>
#include <cmath>

namespace ww::sim {

namespace {


QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QPointF jitter(Rng& rng, QPointF p, double r)
{
    return p + QPointF(rng.uniform(-r, r), rng.uniform(-r, r));
}

} // namespace

WardSimulation::WardSimulation(const Site& site, SimOptions options, qint64 startMs, Publish publish)
    : m_site(site), m_opt(std::move(options)), m_startMs(startMs), m_publish(std::move(publish)), m_topics(site.id),
      m_rng(m_opt.seed), m_refRng(m_opt.seed ^ 0x5eedbeac0ull), m_hardRng(m_opt.seed ^ 0x4a4dd4ad10ull)
{
    for (const auto& d : site.devices()) {
        if (d.kind == DeviceKind::ReferenceBeacon)
            continue; // heard by its adverts only: no status, battery or events
        if (site.spareWristbands.contains(d.id) || site.spareMonitors.contains(d.id))
            continue; // in the ward's drawer, switched off
        m_deviceIndex.insert(d.id, int(m_devices.size()));
        Device dev{d.id, d.kind};
        dev.boot = 1 + quint32(m_rng.index(5));
        dev.battery = 60 + m_rng.index(41);
        dev.next = m_rng.uniform(0, site.timingFor(d.kind).intervalS);
        m_devices.push_back(dev);
    }
    auto addTag = [&](const QString& id, Role role, DeviceKind kind, int floor, QPointF home, const QString& homeRoom) {
        // Patients start in bed and stay there a while; staff and equipment start moving soon.
        const double firstMove = role == Role::Patient ? m_rng.exponential(1500) : m_rng.uniform(0, 20);
        Tag t{id, role, floor, home, home, homeRoom, {}, role == Role::Staff ? 1.3 : 0.9, firstMove, 0,
              site.timingFor(kind).intervalS, 0, kind};
        t.nextAdv = m_rng.uniform(0, t.intervalS);
        m_tags.push_back(t);
    };
    for (const auto& p : site.patients) {
        const Bed* bed = site.bed(p.bed);
        const Room* room = site.room(bed->room);
        addTag(p.wristband, Role::Patient, DeviceKind::Wristband, room->floor, bed->pos, room->id);
    }
    for (const auto& s : site.staff) {
        const Room* station = nullptr;
        for (const auto& r : site.rooms)
            if (r.kind == RoomKind::StaffArea && (!station || m_rng.chance(0.5)))
                station = &r;
        if (!station && !site.rooms.empty())
            station = &site.rooms.front(); // a site without a staff area: staff start in its first room
        if (!station)
            continue;
        addTag(s.badge, Role::Staff, DeviceKind::Badge, station->floor, jitter(m_rng, station->centre(), 1.5), station->id);
    }
    for (const auto& a : site.assets) {
        const Room* home = site.room(a.homeRoom); // "home" is optional: then the first room
        if (!home && !site.rooms.empty())
            home = &site.rooms.front();
        if (!home)
            continue;
        addTag(a.tag, Role::Asset, DeviceKind::AssetTag, home->floor, jitter(m_rng, home->centre(), 1.5), home->id);
        // Parked at home for a while first, each for its own time (up to two hours), so the clean
        // utility does not empty at once. From the id, not the random stream.
        m_tags.back().dwellUntil = double(qHash(a.id) % 7200);
    }
    for (int i = 0; i < m_opt.extraTags; ++i) {
        const Room& r = site.rooms[size_t(m_rng.index(int(site.rooms.size())))];
        addTag(QStringLiteral("xt-%1").arg(i + 1, 4, 10, QChar(u'0')), Role::Asset, DeviceKind::AssetTag, r.floor,
               jitter(m_rng, r.centre(), 1.5), r.id);
    }
    for (const auto& b : site.referenceBeacons) {
        const QPointF at(b.x, b.y);
        Tag t{b.id, Role::Reference, b.floor, at, at, roomAt(b.floor, at), {}, 0, 1e18, 0,
              site.timingFor(DeviceKind::ReferenceBeacon).intervalS, 0, DeviceKind::ReferenceBeacon};
        t.nextAdv = m_refRng.uniform(0, t.intervalS);
        t.z = b.z;
        t.gateway = site.gatewayIndex(b.gateway);
        m_tags.push_back(t);
    }
    QStringList gatewayIds, tagIds;
    for (const auto& g : site.gateways)
        gatewayIds << g.id;
    for (const auto& t : m_tags)
        tagIds << t.id;
    m_directory = DeviceDirectory(gatewayIds, tagIds);
    for (size_t g = 0; g < site.gateways.size(); ++g)
        m_gatewayBias.push_back(m_opt.radio.gatewayBiasSdDb * m_rng.normal());
    m_pending.resize(site.gateways.size());

    QStringList errors;
    if (!m_opt.vitalsDir.isEmpty())
        m_records = loadPhysioNetRecords(m_opt.vitalsDir, errors);
    m_replaying = !m_records.empty();
    for (size_t i = 0; i < site.patients.size(); ++i) {
        const VitalsRecord* rec = m_replaying ? &m_records[i % m_records.size()] : nullptr;
        m_vitals.emplace_back(rec, rec ? m_rng.uniform(0, rec->lengthMin) : 0, Rng(m_opt.seed * 7919 + i));
    }
    for (const auto& s : site.sensors)
        if (s.kind == SensorKind::Fridge)
            m_fridges.push_back(Fridge{s.id, 4.5 + m_rng.uniform(0, 1.0)});
}

WardSimulation::Device& WardSimulation::device(const QString& id)
{
    return m_devices[size_t(m_deviceIndex.value(id))];
}

bool WardSimulation::silent(const QString& id)
{
    const auto it = m_deviceIndex.constFind(id);
    return it != m_deviceIndex.constEnd() && m_devices[size_t(*it)].silentUntil > m_t;
}

QString WardSimulation::roomAt(int floor, QPointF p) const
{
    const Room* r = m_site.roomAt(floor, p);
    return r ? r->id : QString();
}

int WardSimulation::wallsBetween(int floor, QPointF a, QPointF b) const
{
    const QLineF ray(a, b);
    int n = 0;
    for (const auto& w : m_site.walls)
        if (w.floor == floor && ray.intersects(QLineF(w.a, w.b), nullptr) == QLineF::BoundedIntersection)
            ++n;
    return n;
}

void WardSimulation::planTrip(Tag& t)
{
    // Pick where to go next; walk: out of the room through its door, along the corridor, in.
    const Room* from = m_site.room(roomAt(t.floor, t.pos));
    const Room* to = nullptr;
    QPointF dest;
    if (t.role == Role::Patient) {
        // Mostly in bed; now and then to the toilet and back (the trip back is planned on arrival).
        const bool inBed = QLineF(t.pos, t.home).length() < 0.8;
        if (inBed) {
            for (const auto& r : m_site.rooms)
                if (r.floor == t.floor && r.kind == RoomKind::Toilet)
                    to = &r;
            dest = to ? jitter(m_rng, to->centre(), 0.8) : t.home;
        } else {
            to = m_site.room(t.homeRoom);
            dest = t.home;
        }
    } else {
        std::vector<const Room*> choices;
        for (const auto& r : m_site.rooms) {
            if (r.floor != t.floor || r.kind == RoomKind::Corridor || r.kind == RoomKind::Stairs || r.kind == RoomKind::Exit)
                continue;
            // Equipment goes round: from the clean utility to a patient, from the patient to the
            // dirty utility, and once cleaned back to the clean utility.
            if (t.role == Role::Asset) {
                const bool atPatient = from && (from->kind == RoomKind::PatientRoom || from->kind == RoomKind::Icu);
                const bool wanted = atPatient ? r.kind == RoomKind::UtilityDirty
                                    : from && from->kind == RoomKind::UtilityDirty
                                        ? r.kind == RoomKind::UtilityClean
                                        : r.kind == RoomKind::PatientRoom || r.kind == RoomKind::Icu;
                if (!wanted)
                    continue;
            }
            choices.push_back(&r);
        }
        to = choices[size_t(m_rng.index(int(choices.size())))];
        const QRectF box = to->polygon.boundingRect().adjusted(0.8, 0.8, -0.8, -0.8);
        dest = QPointF(m_rng.uniform(box.left(), box.right()), m_rng.uniform(box.top(), box.bottom()));
    }
    if (!to)
        return;
    double corridorY = 10;
    for (const auto& r : m_site.rooms)
        if (r.floor == t.floor && r.kind == RoomKind::Corridor)
            corridorY = r.centre().y();
    t.path.clear();
    if (from && from->kind != RoomKind::Corridor) {
        t.path.push_back(from->door);
        t.path.emplace_back(from->door.x(), corridorY);
    }
    t.path.emplace_back(to->door.x(), corridorY);
    t.path.push_back(to->door);
    t.path.push_back(dest);
}

void WardSimulation::moveTags(double dtS)
{
    for (auto& t : m_tags) {
        // Body shadowing: a slow AR(1) process, a few seconds of memory.
        const double a = std::exp(-dtS / 5.0);
        Rng& rng = t.role == Role::Reference ? m_refRng : m_rng;
        t.shadow = a * t.shadow + std::sqrt(1 - a * a) * m_opt.radio.shadowSdDb * rng.normal();
        if (t.role == Role::Reference)
            continue; // fixed where it was surveyed
        if (t.path.empty()) {
            if (m_t < t.dwellUntil)
                continue;
            planTrip(t);
            if (t.path.empty())
                t.dwellUntil = m_t + 60;
            continue;
        }
        double step = t.speed * dtS;
        while (step > 0 && !t.path.empty()) {
            const QPointF d = t.path.front() - t.pos;
            const double len = std::hypot(d.x(), d.y());
            if (len <= step) {
                t.pos = t.path.front();
                t.path.erase(t.path.begin());
                step -= len;
            } else {
                t.pos += d * (step / len);
                step = 0;
            }
        }
        if (t.path.empty()) {
            // Staff stay a minute or two; equipment is parked for long; patients come back to bed soon
            // and then stay in it for long.
            const bool backInBed = t.role == Role::Patient && QLineF(t.pos, t.home).length() < 0.8;
            const double dwell = t.role == Role::Staff ? 90 : t.role == Role::Asset ? 1800 : backInBed ? 1500 : 240;
            t.dwellUntil = m_t + m_rng.exponential(dwell);
        }
    }
}

RadioModel hardRadio()
{
    RadioModel r;
    r.pairShadowSdDb = 4.0;
    r.pairShadowTauS = 30;
    r.lossPerMetre = 0.025;
    r.receiverOffsetM = 1.5;
    r.driftDbPerHourSd = 2.0;
    r.bodyLossDb = 3.0;
    r.bedLossDb = 3.0;
    r.shelfLossDb = 6.0;
    return r;
}

namespace {
// Whether the segment a-b passes through the box (Liang-Barsky clipping).
bool crosses(QPointF a, QPointF b, const QRectF& box)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - box.left(), box.right() - a.x(), a.y() - box.top(), box.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 > t1)
            return false;
    }
    return true;
}

// Distance from p to the segment a-b.
double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double u = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + u * ab).length();
}
} // namespace

double WardSimulation::obstacleLossDb(size_t ti, QPointF at) const
{
    const RadioModel& rm = m_opt.radio;
    const Tag& t = m_tags[ti];
    const QRectF span = QRectF(t.pos, at).normalized();
    double loss = 0;
    for (const Furniture& f : m_furniture)
        if (f.floor == t.floor && span.intersects(f.box) && crosses(t.pos, at, f.box))
            loss += f.lossDb;
    if (rm.bodyLossDb > 0) {
        const QRectF near = span.adjusted(-rm.bodyRadiusM, -rm.bodyRadiusM, rm.bodyRadiusM, rm.bodyRadiusM);
        int bodies = 0;
        for (size_t k = 0; k < m_tags.size() && bodies < 3; ++k) {
            const Tag& o = m_tags[k];
            if (k == ti || o.floor != t.floor || (o.role != Role::Patient && o.role != Role::Staff) || !near.contains(o.pos))
                continue;
            bodies += distanceToSegment(o.pos, t.pos, at) < rm.bodyRadiusM;
        }
        loss += rm.bodyLossDb * bodies;
    }
    return loss;
}

void WardSimulation::advertise(double now)
{
    const RadioModel& rm = m_opt.radio;
    if (m_gatewayAt.empty()) {
        // Where the gateways really hang and how they drift (the hard radio; none: as planned).
        for (const Gateway& gw : m_site.gateways) {
            const double a = rm.receiverOffsetM > 0 ? m_hardRng.uniform(0, 2 * M_PI) : 0;
            m_gatewayAt.emplace_back(gw.x + rm.receiverOffsetM * std::cos(a), gw.y + rm.receiverOffsetM * std::sin(a));
            m_gatewayDriftPerS.push_back(rm.driftDbPerHourSd > 0 ? rm.driftDbPerHourSd * m_hardRng.normal() / 3600.0 : 0.0);
        }
        m_pairShadow.resize(m_tags.size());
        if (rm.bedLossDb > 0)
            for (const Bed& b : m_site.beds)
                if (const Room* r = m_site.room(b.room))
                    m_furniture.push_back({r->floor, QRectF(b.pos.x() - 0.5, b.pos.y() - 1.0, 1.0, 2.0), rm.bedLossDb});
        if (rm.shelfLossDb > 0)
            for (const Room& r : m_site.rooms) {
                if (r.kind == RoomKind::Corridor || r.kind == RoomKind::Stairs || r.kind == RoomKind::Exit)
                    continue;
                // Against one of its walls, somewhere along it.
                const QRectF box = r.polygon.boundingRect().adjusted(0.1, 0.1, -0.1, -0.1);
                const int wall = int(m_hardRng.uniform(0, 4)) % 4;
                const bool alongX = wall < 2;
                const double w = alongX ? 1.6 : 0.5, h = alongX ? 0.5 : 1.6;
                const double x = wall == 2 ? box.left() : wall == 3 ? box.right() - w : m_hardRng.uniform(box.left(), std::max(box.left(), box.right() - w));
                const double y = wall == 0 ? box.top() : wall == 1 ? box.bottom() - h : m_hardRng.uniform(box.top(), std::max(box.top(), box.bottom() - h));
                m_furniture.push_back({r.floor, QRectF(x, y, w, h), rm.shelfLossDb});
            }
    }
    for (size_t ti = 0; ti < m_tags.size(); ++ti) {
        Tag& t = m_tags[ti];
        Rng& rng = t.role == Role::Reference ? m_refRng : m_rng;
        if (now < t.nextAdv)
            continue;
        t.nextAdv += t.intervalS * (1.0 + 0.05 * rng.uniform(-1, 1));
        if (silent(t.id))
            continue;
        for (size_t g = 0; g < m_site.gateways.size(); ++g) {
            const Gateway& gw = m_site.gateways[g];
            const int floors = std::abs(gw.floor - t.floor);
            if (floors > 1 || int(g) == t.gateway)
                continue;
            const QPointF at = m_gatewayAt[g];
            const double dz = gw.z - t.z + floors * 4.0;
            const double d = std::max(0.3, std::sqrt(std::pow(at.x() - t.pos.x(), 2) + std::pow(at.y() - t.pos.y(), 2) + dz * dz));
            const double lossP = std::min(0.9, rm.lossAt0 + rm.lossPerMetre * d);
            if (rng.chance(lossP))
                continue;
            const int walls = floors ? 0 : wallsBetween(t.floor, t.pos, at);
            double hard = m_gatewayDriftPerS[g] * now - (floors ? 0.0 : obstacleLossDb(ti, at));
            if (rm.pairShadowSdDb > 0) {
                // This tag and gateway's slow shadow, moved on since it was last drawn.
                auto& pairs = m_pairShadow[ti];
                if (pairs.empty())
                    for (size_t k = 0; k < m_site.gateways.size(); ++k)
                        pairs.emplace_back(rm.pairShadowSdDb * m_hardRng.normal(), now);
                auto& [value, drawnAt] = pairs[g];
                const double a = std::exp(-(now - drawnAt) / rm.pairShadowTauS);
                value = a * value + std::sqrt(1 - a * a) * rm.pairShadowSdDb * m_hardRng.normal();
                drawnAt = now;
                hard += value;
            }
            const double rssi = rm.rssiAt1m + m_gatewayBias[g] - 10 * rm.exponent * std::log10(d) - rm.wallLossDb * walls -
                                rm.floorLossDb * floors + t.shadow + rm.noiseScaleDb * rng.studentT(4) + hard;
            if (rssi < rm.sensitivityDbm)
                continue;
            m_pending[g].push_back({int(ti), nowMs(), qint16(std::lround(std::clamp(rssi, -127.0, 20.0))), -59});
        }
    }
}

std::optional<SimOptions::GatewayOff> parseGatewayOff(const QString& text, const Site& site, QString* error)
{
    const qsizetype at = text.lastIndexOf(u'@');
    bool ok = false;
    const double s = at > 0 ? text.mid(at + 1).toDouble(&ok) : 0;
    if (at <= 0 || !ok || !(s >= 0)) {
        if (error)
            *error = QStringLiteral("\"%1\" is not ID@SECONDS").arg(text);
        return std::nullopt;
    }
    const QString id = text.left(at);
    if (site.gatewayIndex(id) < 0) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a gateway of the site").arg(id);
        return std::nullopt;
    }
    return SimOptions::GatewayOff{id, s};
}

bool WardSimulation::gatewayOff(size_t gateway) const
{
    for (const auto& off : m_opt.gatewaysOff)
        if (m_t >= off.atS && off.gateway == m_site.gateways[gateway].id)
            return true;
    return false;
}

void WardSimulation::flushGateways()
{
    for (size_t g = 0; g < m_site.gateways.size(); ++g) {
        const QString& id = m_site.gateways[g].id;
        // A dead gateway's adverts are drawn all the same (the rest of the world stays as it was)
        // and lost with it.
        if (silent(id) || gatewayOff(g)) {
            m_pending[g].clear();
            continue;
        }
        BeaconBatch b{int(g), nowMs(), 0, std::move(m_pending[g]), 0};
        m_pending[g] = {};
        m_publish({m_topics.adverts(id), encode(b, m_directory), 0, false});
    }
}

void WardSimulation::sendVitals(double now)
{
    const double interval = m_site.timingFor(DeviceKind::VitalsMonitor).intervalS;
    for (size_t i = 0; i < m_site.patients.size(); ++i) {
        const Patient& p = m_site.patients[i];
        Device& dev = device(p.monitor);
        if (now < dev.next)
            continue;
        dev.next += interval;
        if (dev.silentUntil > m_t)
            continue;
        VitalsUpdate u{p.monitor, nowMs(), 0, {}};
        for (auto s : m_vitals[i].sample(m_t, m_opt.replaySpeed, nowMs())) {
            // Demo: the second patient desaturates from 2 s to 120 s.
            if (m_opt.demoScenario && i == 1 && s.kind == VitalKind::SpO2 && m_t >= 2 && m_t < 120)
                s.value = 84;
            u.samples.push_back(s);
        }
        m_publish({m_topics.vitals(p.monitor), encode(u), 0, false});
        QJsonObject last{{QStringLiteral("t"), double(u.deviceTimeMs)}};
        for (const auto& s : u.samples)
            last.insert(toString(s.kind), s.value);
        m_lastVitals.insert(p.monitor, last);
    }
}

void WardSimulation::sendEnvironment(double now)
{
    const double hour = std::fmod(m_startMs / 3.6e6 + now / 3600.0, 24.0);
    const double daily = std::sin(2 * M_PI * (hour - 9) / 24.0); // warmest mid-afternoon
    for (const auto& s : m_site.sensors) {
        Device& dev = device(s.id);
        const double interval = m_site.timingFor(dev.kind).intervalS;
        if (now < dev.next)
            continue;
        dev.next += interval;
        if (dev.silentUntil > m_t)
            continue;
        EnvUpdate r;
        r.deviceId = s.id;
        r.deviceTimeMs = nowMs();
        if (s.kind == SensorKind::Climate) {
            const Room* room = m_site.room(s.room);
            const double roomOffset = (qHash(s.id) % 100) / 100.0 - 0.5;
            const double free = 22.4 + 0.9 * daily + roomOffset;
            double temp = free;
            if (const auto sp = m_setpointOf ? m_setpointOf(s.room, nowMs()) : std::nullopt) {
                // Under the BMS's setpoint the room approaches it slowly (a first-order lag).
                if (!m_roomTemp.contains(s.room))
                    m_roomTemp.insert(s.room, free);
                double& current = m_roomTemp[s.room];
                current += (*sp + 0.2 * daily - current) * (1 - std::exp(-interval / RoomFollowS));
                temp = current;
            } else {
                m_roomTemp.remove(s.room);
            }
            r.temperatureC = std::round((temp + 0.08 * m_rng.normal()) * 10) / 10;
            r.humidityPct = std::round(46 - 6 * daily + 2 * roomOffset + 0.5 * m_rng.normal());
            r.co2Ppm = std::round(620 + 180 * (0.5 + 0.5 * daily) + 30 * m_rng.normal());
            // An isolation room holds about -6 Pa; with its door open the difference collapses.
            if (room && room->kind == RoomKind::Isolation)
                r.diffPressurePa = std::round(((m_doorOpenUntil.value(s.room) > m_t ? -0.6 : -6.0) + 0.4 * m_rng.normal()) * 10) / 10;
        } else if (s.kind == SensorKind::Fridge) {
            Fridge* f = nullptr;
            for (auto& fr : m_fridges)
                if (fr.sensor == s.id)
                    f = &fr;
            // Door openings a few times an hour; rarely a compressor fault: an excursion above 8 °C.
            if (!f->doorOpen && m_rng.chance(interval / 900.0 * m_opt.eventRateScale)) {
                f->doorOpen = true;
                f->doorUntil = m_t + m_rng.uniform(15, 75);
            }
            if (f->doorOpen && m_t > f->doorUntil)
                f->doorOpen = false;
            if (f->excursionUntil < m_t && m_rng.chance(interval / 7200.0 * m_opt.eventRateScale)) {
                f->excursionUntil = m_t + m_rng.uniform(900, 1800);
                m_events.push_back({{QStringLiteral("t"), double(nowMs())}, {QStringLiteral("device"), s.id},
                                    {QStringLiteral("kind"), QStringLiteral("fridge-excursion")}});
                m_publish({m_topics.truth(QStringLiteral("event/") + s.id), json(m_events.back()), 1, false});
            }
            const double target = f->excursionUntil > m_t ? 10.5 : f->doorOpen ? 7.5 : 4.8;
            f->temp += (target - f->temp) * (1 - std::exp(-interval / 300.0)) + 0.05 * m_rng.normal();
            r.temperatureC = std::round(f->temp * 10) / 10;
            r.door = f->doorOpen ? DoorState::Open : DoorState::Closed;
        } else if (const Room* room = m_site.room(s.room); room && room->kind == RoomKind::Isolation) {
            // Staff go in and out of an isolation room a couple of times an hour, 15 to 45 s each time.
            double& until = m_doorOpenUntil[s.room];
            if (until <= m_t && m_rng.chance(interval / 1800.0 * m_opt.eventRateScale))
                until = m_t + m_rng.uniform(15, 45);
            r.door = until > m_t ? DoorState::Open : DoorState::Closed;
        } else {
            r.door = m_rng.chance(0.05) ? DoorState::Open : DoorState::Closed;
        }
        m_publish({m_topics.env(s.id), encode(r), 0, false});
        QJsonObject last{{QStringLiteral("t"), double(r.deviceTimeMs)}};
        if (r.temperatureC)
            last.insert(QStringLiteral("temperatureC"), *r.temperatureC);
        if (r.humidityPct)
            last.insert(QStringLiteral("humidityPct"), *r.humidityPct);
        if (r.co2Ppm)
            last.insert(QStringLiteral("co2Ppm"), *r.co2Ppm);
        if (r.door != DoorState::Unknown)
            last.insert(QStringLiteral("door"), r.door == DoorState::Open ? QStringLiteral("open") : QStringLiteral("closed"));
        m_lastEnv.insert(s.id, last);
    }
}

void WardSimulation::event(const QString& deviceId, DeviceEventKind kind)
{
    Device& dev = device(deviceId);
    if (dev.silentUntil > m_t)
        return;
    DeviceEventMsg ev{deviceId, nowMs(), 0, dev.boot, ++dev.seq, kind, false};
    m_publish({m_topics.event(deviceId), encode(ev), 1, false});
    m_events.push_back({{QStringLiteral("t"), double(ev.deviceTimeMs)}, {QStringLiteral("device"), deviceId},
                        {QStringLiteral("kind"), toString(kind)}, {QStringLiteral("boot"), double(ev.boot)},
                        {QStringLiteral("seq"), double(ev.seq)}});
    m_publish({m_topics.truth(QStringLiteral("event/") + deviceId), json(m_events.back()), 1, false});
}

void WardSimulation::raiseEvents(double dtS)
{
    const double k = m_opt.eventRateScale * dtS;
    for (const auto& s : m_site.staff)
        if (m_rng.chance(k / 7200.0))
            event(s.badge, DeviceEventKind::Panic);
    for (const auto& p : m_site.patients) {
        if (m_rng.chance(k / 14400.0))
            event(p.wristband, DeviceEventKind::Fall);
        if (m_rng.chance(k / 10800.0))
            event(p.wristband, DeviceEventKind::ButtonSingle);
    }
}

void WardSimulation::sendBeds(double now)
{
    for (const Bed& b : m_site.beds) {
        if (b.device.isEmpty())
            continue;
        const Patient* patient = nullptr;
        for (const Patient& p : m_site.patients)
            if (p.bed == b.id)
                patient = &p;
        bool occupied = false;
        if (patient)
            for (const Tag& t : m_tags)
                if (t.id == patient->wristband) {
                    const Room* room = m_site.room(b.room);
                    occupied = room && t.floor == room->floor && QLineF(t.pos, b.pos).length() < 2.5;
                }
        const bool demoExit = b.device == m_demoBedDevice && now >= m_demoBedExitFrom && now < m_demoBedExitUntil;
        if (demoExit)
            occupied = false;
        Device& dev = device(b.device);
        const bool changed = !m_bedOccupied.contains(b.device) || m_bedOccupied.value(b.device) != occupied;
        if (!changed && now < dev.next)
            continue;
        dev.next = now + m_site.timingFor(DeviceKind::Bed).intervalS;
        m_bedOccupied.insert(b.device, occupied);
        if (dev.silentUntil > m_t)
            continue;
        BedUpdate u;
        u.deviceId = b.device;
        u.deviceTimeMs = nowMs();
        u.occupied = occupied;
        u.brakeSet = true;
        u.railsUp = 2;
        u.headAngleDeg = 30;
        u.exitAlert = demoExit;
        m_publish({m_topics.bed(b.device), encode(u), 1, false});
    }
}

void WardSimulation::demoScenario(double previousT)
{
    auto at = [&](double t) { return previousT < t && m_t >= t; };
    if (at(1.0)) {
        // A fridge logger comes back after an outage and uploads its buffer: 16 minutes at 9.6 °C.
        for (const auto& s : m_site.sensors) {
            if (s.kind != SensorKind::Fridge)
                continue;
            for (int minute = 16; minute >= 0; --minute) {
                EnvUpdate r;
                r.deviceId = s.id;
                r.deviceTimeMs = nowMs() - qint64(minute) * 60'000;
                r.temperatureC = 9.6;
                r.door = DoorState::Closed;
                m_publish({m_topics.env(s.id), encode(r), 1, false});
            }
            break;
        }
        // The fourth patient's wristband goes silent (flat battery) for ten minutes.
        if (m_site.patients.size() > 3)
            device(m_site.patients[3].wristband).silentUntil = m_t + 600;
    }
    if (at(3.0) && !m_site.patients.empty())
        event(m_site.patients[0].wristband, DeviceEventKind::Panic);
    if (at(4.0) && m_site.patients.size() > 4)
        event(m_site.patients[4].wristband, DeviceEventKind::Fall);
    // The third patient gets out of bed at 20 s and is back at 80 s (the station arms her bed).
    if (at(1.0) && m_site.patients.size() > 2)
        if (const Bed* b = m_site.bed(m_site.patients[2].bed); b && !b->device.isEmpty()) {
            m_demoBedDevice = b->device;
            m_demoBedExitFrom = 20;
            m_demoBedExitUntil = 80;
        }
}

void WardSimulation::silenceDevices(double dtS)
{
    // Now and then a device drops out for a minute or three (flat battery, out of range, reboot);
    // when it comes back it has rebooted: a new boot number, sequence numbers from 1 again.
    for (auto& d : m_devices) {
        if (d.silentUntil > 0 && d.silentUntil <= m_t) {
            d.silentUntil = -1;
            ++d.boot;
            d.seq = 0;
            m_publish({m_topics.truth(QStringLiteral("silence/") + d.id),
                       json({{QStringLiteral("t"), double(nowMs())}, {QStringLiteral("silent"), false}}), 1, false});
        } else if (d.silentUntil < 0 && d.kind != DeviceKind::Gateway &&
                   m_rng.chance(m_opt.eventRateScale * dtS / (6 * 3600.0))) {
            d.silentUntil = m_t + m_rng.uniform(60, 180);
            m_publish({m_topics.truth(QStringLiteral("silence/") + d.id),
                       json({{QStringLiteral("t"), double(nowMs())}, {QStringLiteral("silent"), true},
                             {QStringLiteral("until"), double(m_startMs + qint64(d.silentUntil * 1000))}}), 1, false});
        }
    }
}

void WardSimulation::sendTruth()
{
    for (const auto& t : m_tags)
        if (t.role != Role::Reference)
            m_publish({m_topics.truth(QStringLiteral("tag/") + t.id),
                   json({{QStringLiteral("t"), double(nowMs())}, {QStringLiteral("x"), t.pos.x()}, {QStringLiteral("y"), t.pos.y()},
                         {QStringLiteral("floor"), t.floor}, {QStringLiteral("room"), roomAt(t.floor, t.pos)},
                         {QStringLiteral("moving"), !t.path.empty()}}), 0, false});
}

void WardSimulation::publishStatuses()
{
    for (auto& d : m_devices) {
        if (d.silentUntil > m_t)
            continue;
        if (m_rng.chance(0.3))
            d.battery = std::max(5, d.battery - 1);
        if (const int g = d.kind == DeviceKind::Gateway ? m_site.gatewayIndex(d.id) : -1; g >= 0 && gatewayOff(size_t(g)))
            continue; // after the draw: the other devices' numbers stay as they were
        DeviceStatusMsg s{d.id, nowMs(), 0, true, d.battery, d.boot, QStringLiteral("wardsim-1"),
                          int(m_site.timingFor(d.kind).intervalS)};
        m_publish({m_topics.status(d.id), encode(s), 1, true});
    }
}

void WardSimulation::step(double dtS)
{
    m_t += dtS;
    moveTags(dtS);
    silenceDevices(dtS);
    raiseEvents(dtS);
    if (m_opt.demoScenario)
        demoScenario(m_t - dtS);
    advertise(m_t);
    if (m_t >= m_nextGatewayFlush) {
        m_nextGatewayFlush += m_site.timingFor(DeviceKind::Gateway).intervalS;
        flushGateways();
    }
    sendVitals(m_t);
    sendEnvironment(m_t);
    sendBeds(m_t);
    if (m_t >= m_nextTruth) {
        m_nextTruth += 1.0;
        sendTruth();
    }
    if (m_t >= m_nextStatus) {
        m_nextStatus += 60;
        publishStatuses();
    }
}

QJsonObject WardSimulation::truthSummary() const
{
    QJsonObject tags;
    for (const auto& t : m_tags)
        tags.insert(t.id, QJsonObject{{QStringLiteral("x"), t.pos.x()}, {QStringLiteral("y"), t.pos.y()},
                                      {QStringLiteral("floor"), t.floor}, {QStringLiteral("room"), roomAt(t.floor, t.pos)},
                                      {QStringLiteral("moving"), !t.path.empty()}});
    QJsonArray silentNow, events;
    for (const auto& d : m_devices)
        if (d.silentUntil > m_t)
            silentNow.append(d.id);
    for (const auto& e : m_events)
        events.append(e);
    return {{QStringLiteral("site"), m_site.id},
            {QStringLiteral("seed"), double(m_opt.seed)},
            {QStringLiteral("simTimeS"), m_t},
            {QStringLiteral("endMs"), double(nowMs())},
            {QStringLiteral("vitalsReplayed"), m_replaying},
            {QStringLiteral("vitals"), m_lastVitals},
            {QStringLiteral("env"), m_lastEnv},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("silent"), silentNow},
            {QStringLiteral("events"), events}};
}

} // namespace ww::sim
