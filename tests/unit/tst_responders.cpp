// Who is nearest to an alarm: walking routes through the default ward's doors and stairs, the
// choice of responders (heard, located, of the site's roles, not the one in trouble), the fallback
// when a site has no doors, the site's settings, and the core naming them for a raised alarm.
#include "alarm_support.h"
#include "records/alarmlog.h"
#include "fakes.h"
#include "models/alarmlistmodel.h"
#include "core/responders.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ww;

namespace {

StaffRow located(const QString& id, const QString& role, const QString& roomId, int floor, double x, double y,
                 SignalState signal = SignalState::Live)
{
    StaffRow s;
    s.id = id;
    s.name = QStringLiteral("Staff ") + id;
    s.role = role;
    s.badge = QStringLiteral("bd-") + id;
    s.signal = signal;
    s.location = Location{roomId, roomId, floor, x, y, 1.0, 0, true};
    return s;
}

// Two rooms side by side with no doors given (each door is its room's centre), on floors 1 and 2.
Site doorlessSite()
{
    const QByteArray json = R"({"schema": "wardwatch-site/1", "id": "t", "name": "t",
      "floors": [{"level": 1, "name": "1", "width": 20, "height": 10}, {"level": 2, "name": "2", "width": 20, "height": 10}],
      "rooms": [{"id": "A", "name": "A", "floor": 1, "kind": "patient", "polygon": [[0,0],[10,0],[10,10],[0,10]]},
                {"id": "B", "name": "B", "floor": 1, "kind": "patient", "polygon": [[10,0],[20,0],[20,10],[10,10]]},
                {"id": "C", "name": "C", "floor": 2, "kind": "patient", "polygon": [[0,0],[10,0],[10,10],[0,10]]}],
      "gateways": [{"id": "g1", "floor": 1, "x": 5, "y": 5}],
      "staff": [{"id": "S1", "name": "N", "role": "nurse", "badge": "bd-1"}],
      "walls": [], "beds": [], "patients": [], "assets": [], "fridges": [], "sensors": []})";
    auto r = SiteLoader::loadBytes(json, QStringLiteral("doorless.json"));
    if (!r.site)
        qFatal("doorless site: %s", qPrintable(r.errors.join(u'\n')));
    return *r.site;
}

// A staff badge heard (so live) and located by an engine exactly at p.
QVector<Decoded> heardAt(const DeviceDirectory& directory, const StaffMember& s, qint64 t, int floor, const QString& roomId,
                         QPointF p)
{
    const int tag = directory.tag(s.badge.toStdString());
    if (tag < 0)
        qFatal("badge %s is not in the directory", qPrintable(s.badge));
    return {BeaconBatch{0, t, t, {{tag, t, -60, -59}}, 0},
            PositionMsg{s.badge, t, p.x(), p.y(), floor, roomId, 1.0, 0.9, QStringLiteral("eng-a")}};
}

// The core and its alarm engine on a site the test changed (escalation chains), fed by engines'
// positions, in simulated time; the escalation steps it sends recorded as (target, step).
struct OwnSiteCore
{
    OwnSiteCore(Site s, const QString& log) : site(std::move(s)), directory(site), core(site, directory, clock, stats)
    {
        core.setPositionSource(PositionSource::Engines);
        core.enableAlarms(QStringLiteral("st-1"), log, StationOutputs{&sent, nullptr}); // used after construction
    }
    // The escalation steps sent, as (target, step).
    struct Escalations : std::vector<std::pair<QString, int>>, AlarmPublisher
    {
        void publishAlarm(const AlarmState&) override {}
        void clearAlarm(const QString&) override {}
        void escalate(const AlarmState& a, const EscalationStep& step) override { emplace_back(step.target, a.escalationStep); }
    };
    Site site;
    ManualClock clock;
    IngestStats stats;
    DeviceDirectory directory;
    WardCore core;
    Escalations sent;
};

} // namespace

class TestResponders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The default ward: rooms along a corridor (y 8-12), doors at y 8 and 12, stairs at x 50-55.
    void routesGoThroughDoors()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        const Site& site = *loaded.site;
        const WalkingRoutes routes(site, 15);
        const std::vector<double> to105 = routes.toRoom(QStringLiteral("R105")); // door (22.5, 8)
        QCOMPARE(int(to105.size()), routes.nodeCount());
        QVERIFY(routes.toRoom(QStringLiteral("nowhere")).empty());
        auto walk = [&](const char* room, double x, double y) {
            const auto d = routes.distance(to105, QString::fromLatin1(room), QPointF(x, y));
            return d ? *d : -1.0;
        };
        // In the corridor in front of the door: to the door.
        QCOMPARE(walk("F1-CORR", 22.5, 10), 2.0);
        // Next door, 2.5 m away through the wall: out of its door, 5 m along the corridor, in.
        QCOMPARE(walk("R104", 17.5, 4), 4.0 + 5.0);
        // Across the corridor: out of R113's door (27.5, 12) straight to R105's.
        QVERIFY(std::abs(walk("R113", 27.5, 16) - (4.0 + std::hypot(5.0, 4.0))) < 1e-9);
        // The far end of the ward.
        QCOMPARE(walk("R101", 2.5, 4), 4.0 + 20.0);
        // Upstairs: to the stairs (door 52.5,12, centre 52.5,16), one flight (15 m), and back along floor 1.
        const double corridorToStairs = std::hypot(30.0, 4.0); // (22.5, 8) to (52.5, 12)
        QVERIFY(std::abs(walk("R205", 22.5, 4) - (4 + corridorToStairs + 4 + 15 + 4 + corridorToStairs)) < 1e-9);
        // A node unknown to the routes: no route.
        QVERIFY(walk("nowhere", 1, 1) < 0);
    }

    // The route itself: out of the walker's room by its door, along to the alarm room's door, in
    // to its centre; upstairs through both stairs rooms.
    void routesListTheDoorsAndStairs()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const WalkingRoutes routes(site, 15);
        const RouteField to105 = routes.fieldTo(QStringLiteral("R105"));
        const Room* r104 = site.room(QStringLiteral("R104"));
        const Room* r105 = site.room(QStringLiteral("R105"));
        const Route next = routes.route(to105, QStringLiteral("R104"), 1, QPointF(17.5, 4));
        QCOMPARE(next, (Route{{1, QPointF(17.5, 4)}, {1, r104->door}, {1, r105->door}, {1, r105->centre()}}));
        // From upstairs: R205's door, floor 2's stairs, floor 1's stairs, R105's door, its centre.
        const Route up = routes.route(to105, QStringLiteral("R205"), 2, QPointF(22.5, 4));
        QVERIFY(up.size() >= 5);
        QCOMPARE(up.front(), (RoutePoint{2, QPointF(22.5, 4)}));
        QCOMPARE(up.back(), (RoutePoint{1, r105->centre()}));
        QCOMPARE(up[up.size() - 2], (RoutePoint{1, r105->door}));
        int floorChanges = 0;
        for (qsizetype i = 1; i < up.size(); ++i) {
            floorChanges += up[i].floor != up[i - 1].floor;
            if (up[i].floor != up[i - 1].floor) { // the flight: stairs centre to stairs centre, one above the other
                const Room* a = site.roomAt(up[i - 1].floor, up[i - 1].p);
                const Room* b = site.roomAt(up[i].floor, up[i].p);
                QVERIFY(a && b && a->kind == RoomKind::Stairs && b->kind == RoomKind::Stairs);
            }
        }
        QCOMPARE(floorChanges, 1);
        // A field from distances alone, or an unknown room: no route.
        QVERIFY(routes.route(RouteField(routes.toRoom(QStringLiteral("R105"))), QStringLiteral("R104"), 1, QPointF(17.5, 4)).isEmpty());
        QVERIFY(routes.route(to105, QStringLiteral("nowhere"), 1, QPointF(1, 1)).isEmpty());
        // The staff named nearest carry their route.
        const std::vector<StaffRow> staff{located(QStringLiteral("c"), QStringLiteral("nurse"), QStringLiteral("R104"), 1, 17.5, 4)};
        const Responders r = nearestStaff(site, routes, to105, QStringLiteral("R105"), staff, QString(), 1);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.front().route, next);
    }

    // The nearest asset of a type that can be used now: not in use, not waiting to be cleaned, heard.
    void nearestAvailableAssetSkipsInUseAndDirty()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const WalkingRoutes routes(site, 15);
        const RouteField to105 = routes.fieldTo(QStringLiteral("R105"));
        auto asset = [](const QString& id, const QString& type, const QString& room, double x, double y, AssetStatus status,
                        SignalState signal = SignalState::Live) {
            AssetRow a;
            a.id = a.name = id;
            a.type = type;
            a.signal = signal;
            a.status = status;
            a.location = Location{room, room, 1, x, y, 1.0, 0, true};
            return a;
        };
        const QString pump = QStringLiteral("infusion-pump");
        std::vector<AssetRow> assets{
            asset(QStringLiteral("in-use"), pump, QStringLiteral("R104"), 17.5, 4, AssetStatus::InUse),            // 9 m
            asset(QStringLiteral("dirty"), pump, QStringLiteral("R106"), 27.5, 4, AssetStatus::NeedsCleaning),     // 9 m
            asset(QStringLiteral("silent"), pump, QStringLiteral("F1-CORR"), 22.5, 10, AssetStatus::InTransit,
                  SignalState::NoSignal),                                                                      // 2 m
            asset(QStringLiteral("wheelchair"), QStringLiteral("wheelchair"), QStringLiteral("F1-CORR"), 23, 10,
                  AssetStatus::InTransit),                                                                     // another type
            asset(QStringLiteral("far"), pump, QStringLiteral("R101"), 2.5, 4, AssetStatus::Available),          // 24 m
            asset(QStringLiteral("farther"), pump, QStringLiteral("R101"), 1.5, 2, AssetStatus::Available),
        };
        const auto found = nearestAvailableAsset(site, routes, to105, QStringLiteral("R105"), assets, pump);
        QVERIFY(found);
        QCOMPARE(found->assetId, QStringLiteral("far"));
        QCOMPARE(found->distanceM, 24);
        QCOMPARE(found->route.front(), (RoutePoint{1, QPointF(2.5, 4)}));
        QCOMPARE(found->route.back(), (RoutePoint{1, site.room(QStringLiteral("R105"))->centre()}));
        // One usable in the corridor in front of the door: that one.
        assets.push_back(asset(QStringLiteral("near"), pump, QStringLiteral("F1-CORR"), 22.5, 10, AssetStatus::InTransit));
        QCOMPARE(nearestAvailableAsset(site, routes, to105, QStringLiteral("R105"), assets, pump)->assetId, QStringLiteral("near"));
        // None of the type usable: none.
        QVERIFY(!nearestAvailableAsset(site, routes, to105, QStringLiteral("R105"), {assets[0], assets[1], assets[2]}, pump));
        QVERIFY(!nearestAvailableAsset(site, routes, to105, QStringLiteral("nowhere"), assets, pump));
    }

    // The core answers the plan's question with the assets it has located.
    void coreFindsTheNearestAvailableAsset()
    {
        QTemporaryDir dir;
        const auto loaded = SiteLoader::loadDefault();
        OwnSiteCore c(*loaded.site, dir.filePath(QStringLiteral("s.sqlite")));
        const Site& site = c.site;
        const Asset& a = site.assets.front();
        const Room* clean = nullptr;
        for (const Room& r : site.rooms)
            if (r.kind == RoomKind::UtilityClean && r.floor == 1 && !clean)
                clean = &r;
        QVERIFY(clean);
        const int tag = c.directory.tag(a.tag.toStdString());
        const qint64 t = c.clock.nowMs();
        c.core.apply(QVector<Decoded>{BeaconBatch{0, t, t, {{tag, t, -60, -59}}, 0},
                                      PositionMsg{a.tag, t, clean->centre().x(), clean->centre().y(), clean->floor, clean->id, 1.0,
                                                  0.9, QStringLiteral("eng-a")}});
        c.core.checkSignals(); // the asset's row follows its tag's signal at the 1 s tick
        QSignalSpy answers(&c.core, &WardCore::nearestAsset);
        c.core.findNearestAsset(QStringLiteral("q1"), QStringLiteral("R105"), a.type);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0][0].toString(), QStringLiteral("q1"));
        QVERIFY(answers[0][1].toBool());
        const auto found = answers[0][2].value<NearbyAsset>();
        QCOMPARE(found.assetId, a.id);
        QCOMPARE(found.roomId, clean->id);
        QVERIFY(!found.route.isEmpty());
        // A type nobody has: not found.
        c.core.findNearestAsset(QStringLiteral("q2"), QStringLiteral("R105"), QStringLiteral("no-such-type"));
        QCOMPARE(answers.size(), 2);
        QVERIFY(!answers[1][1].toBool());
    }

    void nearestAreHeardLocatedAndOfTheRoles()
    {
        auto loaded = SiteLoader::loadDefault();
        Site site = *loaded.site;
        const WalkingRoutes routes(site, site.alarms.floorChangeM);
        const QString room = QStringLiteral("R105");
        const std::vector<double> to = routes.toRoom(room);
        std::vector<StaffRow> staff{
            located(QStringLiteral("a"), QStringLiteral("nurse"), QStringLiteral("R101"), 1, 2.5, 4),        // 24 m
            located(QStringLiteral("b"), QStringLiteral("porter"), QStringLiteral("F1-CORR"), 1, 22.5, 10),  // 2 m
            located(QStringLiteral("c"), QStringLiteral("nurse"), QStringLiteral("R104"), 1, 17.5, 4),       // 9 m
            located(QStringLiteral("d"), QStringLiteral("nurse"), QStringLiteral("R105"), 1, 21, 3,
                    SignalState::NoSignal),                                                              // not heard
            located(QStringLiteral("e"), QStringLiteral("doctor"), QStringLiteral("R205"), 2, 22.5, 4),      // upstairs
        };
        StaffRow unknown = located(QStringLiteral("f"), QStringLiteral("nurse"), QStringLiteral("R105"), 1, 21, 3);
        unknown.location.known = false;
        staff.push_back(unknown);

        Responders r = nearestStaff(site, routes, to, room, staff, QString(), 3);
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0].staffId, QStringLiteral("b"));
        QCOMPARE(r[0].distanceM, 2);
        QCOMPARE(r[1].staffId, QStringLiteral("c"));
        QCOMPARE(r[1].distanceM, 9);
        QCOMPARE(r[2].staffId, QStringLiteral("a"));
        QCOMPARE(r[2].distanceM, 24);
        QVERIFY(!r[0].straightLine && !r[0].otherFloor);
        QCOMPARE(responderText(r[1]), QStringLiteral("Staff c (nurse), 9 m"));

        // All of them: the doctor upstairs comes last, marked with the floor.
        r = nearestStaff(site, routes, to, room, staff, QString(), 10);
        QCOMPARE(r.size(), 4);
        QCOMPARE(r[3].staffId, QStringLiteral("e"));
        QVERIFY(r[3].otherFloor);
        QCOMPARE(r[3].floor, 2);
        QCOMPARE(r[3].distanceM, int(std::lround(4 + 2 * std::hypot(30.0, 4.0) + 4 + 15 + 4)));
        QCOMPARE(responderText(r[3]), QStringLiteral("Staff e (doctor), floor 2, %1 m").arg(r[3].distanceM));

        // The one who pressed the panic button is not their own help.
        r = nearestStaff(site, routes, to, room, staff, QStringLiteral("bd-b"), 1);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].staffId, QStringLiteral("c"));

        // The site names the roles that respond.
        site.alarms.responderRoles = QStringList{QStringLiteral("doctor")};
        r = nearestStaff(site, routes, to, room, staff, QString(), 3);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].staffId, QStringLiteral("e"));

        // In the room itself.
        site.alarms.responderRoles.clear();
        staff[3].signal = SignalState::Live;
        r = nearestStaff(site, routes, to, room, staff, QString(), 1);
        QCOMPARE(r[0].staffId, QStringLiteral("d"));
        QCOMPARE(r[0].distanceM, 0);
        QCOMPARE(responderText(r[0]), QStringLiteral("Staff d (nurse), in the room"));

        // No room, or a room the site does not have: nobody.
        QVERIFY(nearestStaff(site, routes, to, QStringLiteral("nowhere"), staff, QString(), 3).isEmpty());
        QVERIFY(nearestStaff(site, routes, to, room, {}, QString(), 3).isEmpty());
    }

    // Without doors the rooms are not joined: the same floor gets the straight line (and says
    // so), another floor nothing (no stairs known).
    void withoutDoorsTheStraightLine()
    {
        const Site site = doorlessSite();
        const WalkingRoutes routes(site, 15);
        const std::vector<double> to = routes.toRoom(QStringLiteral("A"));
        const std::vector<StaffRow> staff{
            located(QStringLiteral("b"), QStringLiteral("nurse"), QStringLiteral("B"), 1, 14, 5),
            located(QStringLiteral("c"), QStringLiteral("nurse"), QStringLiteral("C"), 2, 5, 5),
        };
        const Responders r = nearestStaff(site, routes, to, QStringLiteral("A"), staff, QString(), 3);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].staffId, QStringLiteral("b"));
        QVERIFY(r[0].straightLine);
        QCOMPARE(r[0].distanceM, 4);
        QCOMPARE(responderText(r[0]), QStringLiteral("Staff b (nurse), about 4 m"));
    }

    void siteSettings()
    {
        auto load = [](const QByteArray& alarms) {
            QFile f(QStringLiteral(":/site/default-site.json"));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("no default site");
            QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            o.insert(QStringLiteral("alarms"), QJsonDocument::fromJson(alarms).object());
            return SiteLoader::loadBytes(QJsonDocument(o).toJson(), QStringLiteral("s.json"));
        };
        auto ok = load(R"({"responders": {"roles": ["nurse", "charge nurse"], "floorChangeM": 20}})");
        QVERIFY2(ok.site, qPrintable(ok.errors.join(u'\n')));
        QCOMPARE(ok.site->alarms.responderRoles, (QStringList{QStringLiteral("nurse"), QStringLiteral("charge nurse")}));
        QCOMPARE(ok.site->alarms.floorChangeM, 20.0);
        QCOMPARE(defaultAlarmSettings().floorChangeM, 15.0);
        QVERIFY(defaultAlarmSettings().responderRoles.isEmpty());

        auto typo = load(R"({"responders": {"roles": ["nurse", "nrse"]}})");
        QVERIFY(!typo.site);
        QVERIFY2(typo.errors.join(u'\n').contains(QStringLiteral("$.alarms.responders.roles[1]")), qPrintable(typo.errors.join(u'\n')));
        QVERIFY(typo.errors.join(u'\n').contains(QStringLiteral("nrse")));
        auto far = load(R"({"responders": {"floorChangeM": -3}})");
        QVERIFY(!far.site);
        QVERIFY(far.errors.join(u'\n').contains(QStringLiteral("$.alarms.responders.floorChangeM")));
        auto shape = load(R"({"responders": ["nurse"]})");
        QVERIFY(!shape.site);
        QVERIFY(shape.errors.join(u'\n').contains(QStringLiteral("$.alarms.responders")));
    }

    // The core: a patient's fall in their room names the staff heard nearest, and the list and
    // its tooltip show them; a staff member walking in changes the answer.
    void coreNamesTheNearestForAnAlarm()
    {
        QTemporaryDir dir;
        test::CoreFixture f(dir.filePath(QStringLiteral("s.sqlite")));
        f.core.setPositionSource(PositionSource::Engines); // positions as engines send them: exact
        QSignalSpy spy(&f.core, &WardCore::respondersChanged);
        AlarmListModel list;
        QObject::connect(&f.core, &WardCore::alarmChanged, &list, &AlarmListModel::apply);
        QObject::connect(&f.core, &WardCore::respondersChanged, &list, &AlarmListModel::setResponders);

        const Patient& patient = f.site.patients.front();
        const Room* room = f.site.room(f.site.bed(patient.bed)->room);
        QVERIFY(room);
        const qint64 t0 = f.clock.nowMs();
        auto place = [&](const StaffMember& s, const QString& roomId, double x, double y) {
            f.core.apply(heardAt(f.directory, s, f.clock.nowMs(), room->floor, roomId, QPointF(x, y)));
        };
        const StaffMember& near = f.site.staff[1];
        const StaffMember& far = f.site.staff[2];
        const QPointF door = f.site.room(room->id)->door;
        place(near, QStringLiteral("F1-CORR"), door.x() + 3, 10); // about 3.6 m from the door
        place(far, QStringLiteral("F1-CORR"), door.x() + 20, 10);
        f.core.flushNow();
        QCOMPARE(spy.size(), 0); // no alarm, nothing to say

        f.core.apply(QVector<Decoded>{test::deviceEvent(patient.wristband, DeviceEventKind::Fall, t0, t0, 1, 1)});
        f.core.flushNow();
        QTRY_VERIFY(list.rowCount() == 1);
        const AlarmState alarm = *list.at(0);
        QCOMPARE(alarm.roomId, room->id);
        QCOMPARE(spy.size(), 1);
        Responders r = list.responders(alarm.id);
        QVERIFY(r.size() >= 2);
        QCOMPARE(r[0].staffId, near.id);
        QCOMPARE(r[0].distanceM, int(std::lround(std::hypot(3.0, 2.0))));
        QCOMPARE(r[1].staffId, far.id);
        const QString cell = list.index(0, AlarmListModel::NearestCol).data().toString();
        QCOMPARE(cell, responderText(r[0], false)); // the column without the role: the tooltip has it
        QVERIFY(!cell.contains(near.role));
        QVERIFY(cell.startsWith(near.name));
        const QString tip = list.index(0, AlarmListModel::NearestCol).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(near.name) && tip.contains(far.name), qPrintable(tip));

        // The far one walks into the room: now first, "in the room".
        f.clock.advance(1000);
        place(far, room->id, room->centre().x(), room->centre().y());
        f.core.flushNow();
        QCOMPARE(spy.size(), 2);
        r = list.responders(alarm.id);
        QCOMPARE(r[0].staffId, far.id);
        QCOMPARE(r[0].distanceM, 0);
        QVERIFY(list.index(0, AlarmListModel::NearestCol).data().toString().endsWith(QStringLiteral("in the room")));

        // Nothing changed: nothing sent again.
        f.core.flushNow();
        QCOMPARE(spy.size(), 2);

        // A staff member's own SOS, in the corridor: the others are named, never the one in trouble.
        const qint64 t1 = f.clock.nowMs();
        f.core.apply(QVector<Decoded>{test::deviceEvent(near.badge, DeviceEventKind::SosStart, t1, t1, 1, 2)});
        f.core.flushNow();
        QTRY_COMPARE(list.rowCount(), 2);
        AlarmState sos;
        for (int i = 0; i < list.rowCount(); ++i)
            if (list.at(i)->source == near.badge)
                sos = *list.at(i);
        QCOMPARE(sos.roomId, QStringLiteral("F1-CORR"));
        r = list.responders(sos.id);
        QVERIFY(!r.isEmpty());
        QCOMPARE(r[0].staffId, far.id);
        for (const Responder& x : r)
            QVERIFY(x.staffId != near.id);
        QCOMPARE(list.responders(alarm.id)[0].staffId, far.id); // the fall's answer is unchanged

        // Closed alarms are no longer measured.
        const int before = int(spy.size());
        f.core.acknowledge(alarm.id, near.id, near.name); // a fall ends when acknowledged
        f.clock.advance(qint64(f.site.alarms.closeAfterS + 1) * 1000);
        f.core.evaluateAlarms();
        f.core.flushNow();
        QVERIFY(!list.find(alarm.id));
        QCOMPARE(int(spy.size()), before + 1);
        QVERIFY(!spy.last().at(0).value<ResponderMap>().contains(alarm.id));
        QVERIFY(spy.last().at(0).value<ResponderMap>().contains(sos.id));
    }

    // An escalation step to nearest-staff goes to the nearest responder's badge, logged with who
    // and how far; with nobody located, to every station; charge-nurse with nobody in charge, too.
    void escalationToTheNearestBadge()
    {
        QTemporaryDir dir;
        const auto loaded = SiteLoader::loadDefault();
        Site changed = *loaded.site;
        changed.alarms.rules[QStringLiteral("event.fall")].escalation = {{NearestStaffTarget, 30}, {QStringLiteral("charge-nurse"), 0}};
        const QString log = dir.filePath(QStringLiteral("s.sqlite"));
        OwnSiteCore c(changed, log);
        auto& [site, clock, stats, directory, core, sent] = c;

        // Nobody located: the first fall's step goes to every station.
        const qint64 t0 = clock.nowMs();
        core.apply(QVector<Decoded>{test::deviceEvent(site.patients[0].wristband, DeviceEventKind::Fall, t0, t0, 1, 1)});
        core.flushNow();
        core.evaluateAlarms();
        QCOMPARE(int(sent.size()), 1);
        QCOMPARE(sent[0].first, AllStationsTarget);

        // A nurse in the corridor in front of the second patient's room, another further along.
        const Room* room = site.room(site.bed(site.patients[1].bed)->room);
        const StaffMember& near = site.staff[1];
        for (const auto& [s, dx] : {std::pair{&near, 1.0}, std::pair{&std::as_const(site.staff)[2], 15.0}})
            core.apply(heardAt(directory, *s, t0, room->floor, QStringLiteral("F1-CORR"), QPointF(room->door.x() + dx, 10)));
        core.flushNow();
        core.apply(QVector<Decoded>{test::deviceEvent(site.patients[1].wristband, DeviceEventKind::Fall, t0, t0, 1, 2)});
        core.flushNow();
        core.evaluateAlarms();
        QCOMPARE(int(sent.size()), 2);
        QCOMPARE(sent[1].first, near.badge);
        QCOMPARE(sent[1].second, 1);
        clock.advance(31'000);
        core.evaluateAlarms();
        QVERIFY(sent.size() >= 3);
        QCOMPARE(sent.back().first, AllStationsTarget); // charge-nurse, with nobody in charge (tst_care: to the badge)

        QString error;
        bool named = false;
        for (const LogEntry& e : AlarmLog::query(log, {}, &error))
            if (e.kind == QStringLiteral("escalated") && e.detail.contains(near.name))
                named = e.detail == QStringLiteral("step 1 to nearest-staff: %1 (%2, %3), %4 m")
                                        .arg(near.name, near.id, near.role)
                                        .arg(std::lround(std::hypot(1.0, 10.0 - room->door.y())));
        QVERIFY2(named, qPrintable(error));
    }

    // A responder in the room of another patient's alarm is said to be there (the order stays by
    // distance), until that alarm's cause ends; nearest-staff escalation goes to the nearest free one.
    void busyResponders()
    {
        QTemporaryDir dir;
        const auto loaded = SiteLoader::loadDefault();
        Site changed = *loaded.site;
        changed.alarms.rules[QStringLiteral("event.panic")].escalation = {{NearestStaffTarget, 0}};
        OwnSiteCore c(changed, dir.filePath(QStringLiteral("s.sqlite")));
        auto& [site, clock, stats, directory, core, sent] = c;
        AlarmListModel list;
        QObject::connect(&core, &WardCore::alarmChanged, &list, &AlarmListModel::apply);
        QObject::connect(&core, &WardCore::respondersChanged, &list, &AlarmListModel::setResponders);

        const Room* roomA = site.room(site.bed(site.patients[0].bed)->room); // R101
        const Room* roomB = site.room(site.bed(site.patients[1].bed)->room); // R102, next door
        const StaffMember& inA = site.staff[1];
        const StaffMember& corridor = site.staff[2];
        const qint64 t0 = clock.nowMs();
        core.apply(heardAt(directory, inA, t0, roomA->floor, roomA->id, roomA->centre()));
        core.apply(heardAt(directory, corridor, t0, roomA->floor, QStringLiteral("F1-CORR"), roomB->door + QPointF(12, 2)));
        core.apply(QVector<Decoded>{test::deviceEvent(site.patients[0].wristband, DeviceEventKind::Fall, t0, t0, 1, 1)});
        core.flushNow();
        core.apply(QVector<Decoded>{test::deviceEvent(site.patients[1].wristband, DeviceEventKind::Panic, t0, t0, 1, 2)});
        core.flushNow();
        QCOMPARE(list.rowCount(), 2);
        QString fallId, panicId;
        for (int i = 0; i < 2; ++i)
            (list.at(i)->rule == QStringLiteral("event.fall") ? fallId : panicId) = list.at(i)->id;
        QVERIFY(!fallId.isEmpty() && !panicId.isEmpty());

        Responders r = list.responders(panicId);
        QVERIFY(r.size() >= 2);
        QCOMPARE(r[0].staffId, inA.id);                 // still first: 4 m to the door and 5 m along
        QCOMPARE(r[0].busyAt, roomA->name);
        QVERIFY(r[1].busyAt.isEmpty());
        QVERIFY(responderText(r[0]).endsWith(QStringLiteral(", at the alarm in ") + roomA->name));
        QVERIFY(responderText(r[0], false).endsWith(QStringLiteral(", busy")));
        QVERIFY(list.responders(fallId)[0].busyAt.isEmpty()); // in that alarm's own room
        core.evaluateAlarms();
        QVERIFY(!sent.empty());
        QCOMPARE(sent.back().first, corridor.badge);    // the nearest free one

        // The fall is acknowledged (a fall ends with it): nobody is busy any more.
        core.acknowledge(fallId, inA.id, inA.name);
        core.flushNow();
        QTRY_VERIFY(list.responders(panicId)[0].busyAt.isEmpty());
        QCOMPARE(list.responders(panicId)[0].staffId, inA.id);
    }

    // The room travels with the alarm: on the wire and in the log.
    void roomIdTravels()
    {
        AlarmState a;
        a.id = QStringLiteral("x");
        a.rule = QStringLiteral("event.fall");
        a.roomId = QStringLiteral("R104");
        a.revision = 2;
        QCOMPARE(alarmFromJson(toJson(a)).roomId, a.roomId);
        AlarmState b = a; // an older revision, from a station that had no room for it
        b.revision = 1;
        b.roomId.clear();
        QVERIFY(mergeAlarm(b, a));
        QCOMPARE(b.roomId, a.roomId);
        // Either way round: an older revision's room fills a newer state without one, and a newer
        // state without one (from a station that sends none) keeps the room.
        AlarmState c = a;
        c.revision = 3;
        c.roomId.clear();
        AlarmState older = a;
        QVERIFY(mergeAlarm(c, older));
        QCOMPARE(c.roomId, a.roomId);
        AlarmState d = a;
        AlarmState newer = a;
        newer.revision = 5;
        newer.roomId.clear();
        mergeAlarm(d, newer);
        QCOMPARE(d.roomId, a.roomId);
    }
};

QTEST_MAIN(TestResponders)
#include "tst_responders.moc"
