// The floor-plan scene offscreen, fed by the real core in simulated time (positions as the
// positioning engines publish them, alarms from device events): markers where the tags are,
// alarms lit and dark on the station's flash clock, selection and find centring the view, the
// nearest available asset, layers, clusters, routes through doors, look-back, and an
// acknowledgement made on the plan reaching the log.
#include "core/wardcore.h"
#include "fakes.h"
#include "ui_station.h"
#include "transport/ingest.h"
#include "ui/alarmwidgets.h"
#include "ui/floorplanview.h"
#include "ui/mainwindow.h"
#include "ui/planitems.h"
#include "ui/planlayout.h"

#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QToolButton>
#include <functional>
#include <QGraphicsItem>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>
#include <cmath>

using namespace ww;

namespace {

struct PlanStation : test::UiStation
{
    PlanStation() : UiStation(QStringLiteral("plan-station")) {}
    // A tag heard and located at a point of a room (the engines' fix), at time t (default: now).
    void place(const QString& tag, const Room& room, QPointF p, std::optional<qint64> at = std::nullopt)
    {
        const qint64 t = at.value_or(clock.nowMs());
        const int index = directory.tag(tag.toStdString());
        core.apply(QVector<Decoded>{BeaconBatch{0, t, t, {{index, t, -60, -59}}, 0},
                                    PositionMsg{tag, t, p.x(), p.y(), room.floor, room.id, 1.0, 0.9, QStringLiteral("eng-a")}});
    }
    const Room& bedRoom(const Patient& p) const { return *site.room(site.bed(p.bed)->room); }
    QString fall(const Patient& p)
    {
        const DeviceEventMsg ev = test::deviceEvent(p.wristband, DeviceEventKind::Fall, clock.nowMs(), clock.nowMs(), 1, 9);
        core.apply(QVector<Decoded>{ev});
        flush();
        for (int r = 0; r < alarms.alarms().rowCount(); ++r)
            if (alarms.alarms().at(r)->subject.startsWith(p.name))
                return alarms.alarms().at(r)->id;
        return {};
    }
};

const Patient* patientOnFloor(const Site& site, int floor)
{
    for (const Patient& p : site.patients)
        if (const Bed* b = site.bed(p.bed); b && site.room(b->room)->floor == floor)
            return &p;
    return nullptr;
}

bool near(QPointF a, QPointF b, double tolerance = 2)
{
    return QLineF(a, b).length() <= tolerance;
}

} // namespace

class TestFloorPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
    }

    // A patient at their bed's coordinates: the marker lies inside that room's polygon on the
    // room's floor, shown on that floor and in the overview, not on the other floor; drawn there.
    void markerAtABedLandsInItsRoom()
    {
        PlanStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1600, 900);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        for (int floor : {1, 2}) {
            const Patient* p = patientOnFloor(st.site, floor);
            QVERIFY(p);
            const Bed* bed = st.site.bed(p->bed);
            st.place(p->wristband, st.bedRoom(*p), bed->pos);
            st.flush();
            PlanMarker* m = plan.scene()->marker(p->id);
            QVERIFY(m);
            PlanRoom* room = plan.scene()->room(bed->room);
            QVERIFY(room);
            QVERIFY(room->polygon().containsPoint(m->to, Qt::OddEvenFill));
            QCOMPARE(room->room().floor, floor);
            QTRY_VERIFY(m->pos() == m->to); // first fix: no glide from nowhere
            plan.showFloor(floor);
            QVERIFY(m->isVisible());
            plan.showFloor(floor == 1 ? 2 : 1);
            QVERIFY(!m->isVisible());
            plan.showFloor(std::nullopt);
            QVERIFY(m->isVisible() || m->clustered);
            plan.showFloor(floor);
            // Drawn where it is, in the patients' colour.
            const QImage image = plan.view()->viewport()->grab().toImage();
            const QPoint at = plan.view()->mapFromScene(m->pos());
            QCOMPARE(image.pixelColor(at), FloorPlanScene::patientColour());
        }
        // The plan's colours come from the palette: with a dark one, rooms are dark and walls light.
        const Room& r = *st.site.room(QStringLiteral("R210")); // on the floor shown
        const QPoint inside = plan.toViewport(r.floor, QPointF(r.centre().x() + 1.5, r.polygon.boundingRect().bottom() - 1));
        const QPoint wall = plan.toViewport(r.floor, QPointF(r.polygon.boundingRect().left(), r.centre().y()));
        QVERIFY(plan.view()->viewport()->grab().toImage().pixelColor(inside).lightness() > 200);
        QPalette dark = plan.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 34));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Mid, QColor(70, 70, 70));
        plan.setPalette(dark);
        const QImage darkImage = plan.view()->viewport()->grab().toImage();
        QVERIFY2(darkImage.pixelColor(inside).lightness() < 60, qPrintable(darkImage.pixelColor(inside).name()));
        QVERIFY2(darkImage.pixelColor(wall).lightness() > 120, qPrintable(darkImage.pixelColor(wall).name()));
        plan.setPalette(QPalette());
        // At a floor's fit zoom on a 1920x1080 screen, room names are at least 14 px high.
        plan.resize(1920, 1000);
        plan.showFloor(1);
        QVERIFY2(plan.view()->scale() * FloorPlanScene::RoomFontPx >= 14, qPrintable(QString::number(plan.view()->scale())));
    }

    // A tag whose room's receivers went offline is "unknown, near" that room: no dot anywhere, but a
    // faded, dashed grey ring at the room saying so in its tooltip; a tag located for sure keeps its
    // dot, a stale one its dot faded; when the room is known again the ring goes and the dot returns.
    void unknownNearIsARingAtTheRoomNotADot()
    {
        PlanStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1600, 900);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        const Patient* a = patientOnFloor(st.site, 1);
        QVERIFY(a);
        const Patient* b = nullptr;
        for (const Patient& p : st.site.patients)
            if (st.site.bed(p.bed)->room != st.site.bed(a->bed)->room && st.bedRoom(p).floor == 1)
                b = &p;
        QVERIFY(b);
        const Room& roomA = st.bedRoom(*a);
        st.place(a->wristband, roomA, st.site.bed(a->bed)->pos);
        st.place(b->wristband, st.bedRoom(*b), st.site.bed(b->bed)->pos);
        st.flush();
        plan.showFloor(1);
        PlanMarker* ma = plan.scene()->marker(a->id);
        PlanMarker* mb = plan.scene()->marker(b->id);
        QVERIFY(ma->isVisible() && mb->isVisible());
        QVERIFY(!plan.scene()->nearRing(roomA.id)); // nobody is unsure yet

        // The engine: a's room's receivers are offline; a is heard, its room unknown, near roomA.
        auto unsure = [&](RoomState state, const QString& room, const QString& near) {
            const qint64 t = st.clock.nowMs();
            const int index = st.directory.tag(a->wristband.toStdString());
            const QPointF p = st.site.bed(a->bed)->pos;
            PositionMsg m{a->wristband, t, p.x(), p.y(), roomA.floor, room, 4.0, 0.2, QStringLiteral("eng-a"), state, near, {}};
            st.core.apply(QVector<Decoded>{BeaconBatch{0, t, t, {{index, t, -70, -59}}, 0}, m});
            st.flush();
        };
        st.clock.advance(2000);
        unsure(RoomState::UnknownNear, QString(), roomA.id);
        QVERIFY(!ma->isVisible());
        QVERIFY(!ma->clustered);
        QVERIFY(ma->state.unknownNear);
        PlanNearRing* ring = plan.scene()->nearRing(roomA.id);
        QVERIFY(ring);
        QVERIFY(ring->isVisible());
        QCOMPARE(ring->type(), int(PlanNearRing::Type));
        QCOMPARE(ring->data(0).toString(), QStringLiteral("unknown-near"));
        QCOMPARE(ring->members(), QList<PlanMarker*>{ma});
        QVERIFY(plan.scene()->room(roomA.id)->polygon().containsPoint(ring->scenePos(), Qt::OddEvenFill));
        QVERIFY2(ring->toolTip().contains(QStringLiteral("%1 (bed %2) — unknown, near %3").arg(a->name, a->bed, roomA.name)),
                 qPrintable(ring->toolTip()));
        QVERIFY(mb->isVisible() && mb->state.known && !mb->state.unknownNear);
        // Drawn: no patient-blue dot at the ring, grey dashes on its circle, b's dot in full colour.
        const QImage image = plan.view()->viewport()->grab().toImage();
        const QPoint centre = plan.view()->mapFromScene(ring->scenePos());
        if (const QString dir = qEnvironmentVariable("WW_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(image.copy(QRect(centre - QPoint(260, 170), QSize(520, 340))).save(dir + QStringLiteral("/unknown-near-plan.png")));
        const double r = FloorPlanScene::MarkerPx / 2 + 4;
        int grey = 0, blue = 0;
        for (int deg = 0; deg < 360; deg += 5) {
            const QPoint on = centre + QPointF(r * std::cos(qDegreesToRadians(double(deg))), r * std::sin(qDegreesToRadians(double(deg)))).toPoint();
            const QColor c = image.pixelColor(on);
            grey += c.saturation() < 40 && c.lightness() < 190;
            blue += c == FloorPlanScene::patientColour();
        }
        QVERIFY2(grey >= 12 && grey <= 66, qPrintable(QString::number(grey))); // dashed: neither none nor all
        QCOMPARE(blue, 0);
        QCOMPARE(image.pixelColor(plan.view()->mapFromScene(mb->pos())), FloorPlanScene::patientColour());
        // Without the patients' layer, no ring.
        plan.setLayerVisible(PlanLayer::Patients, false);
        QVERIFY(!ring->isVisible());
        plan.setLayerVisible(PlanLayer::Patients, true);
        QVERIFY(ring->isVisible());
        plan.showFloor(2);
        QVERIFY(!ring->isVisible());
        plan.showFloor(1);

        // Heard in its room again: the dot returns, the ring goes.
        st.clock.advance(2000);
        unsure(RoomState::Known, roomA.id, QString());
        QVERIFY(!ring->isVisible());
        QVERIFY(ma->isVisible() && !ma->state.unknownNear);
        // Stale (its room kept from before a long silence): the dot stays, faded.
        st.clock.advance(2000);
        unsure(RoomState::Stale, roomA.id, QString());
        QVERIFY(ma->state.stale);
        QVERIFY(ma->isVisible());
        QVERIFY(!ring->isVisible());
        QTRY_VERIFY(ma->pos() == ma->to);
        const QColor faded = plan.view()->viewport()->grab().toImage().pixelColor(plan.view()->mapFromScene(ma->pos()));
        QVERIFY2(faded != FloorPlanScene::patientColour() && faded.lightness() > FloorPlanScene::patientColour().lightness() + 30,
                 qPrintable(faded.name()));
        // Locating (a station or engine that starts): neither dot nor ring.
        st.clock.advance(2000);
        unsure(RoomState::Locating, QString(), roomA.id);
        QVERIFY(!ma->isVisible());
        QVERIFY(!ring->isVisible());
    }

    // The room of a high-priority alarm is lit and dark at 2 Hz on the station's flash clock, in step
    // with the banner; the subject's marker flashes with it.
    void alarmRoomFlashesWithTheBanner()
    {
        PlanStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Patient& p = st.site.patients[2];
        st.place(p.wristband, st.bedRoom(p), st.site.bed(p.bed)->pos);
        st.flush();
        const QString id = st.fall(p);
        QVERIFY(!id.isEmpty());
        const AlarmState* a = st.alarms.alarms().find(id);
        QVERIFY(a && !a->roomId.isEmpty());
        PlanRoom* room = w.floorPlan()->scene()->room(a->roomId);
        QVERIFY(room);
        QCOMPARE(room->alarm(), std::optional(Priority::High));
        FlashClock& clock = st.alarms.flashClock();
        for (qint64 t : {0, 125, 250, 375, 500, 750, 1000}) {
            clock.setNow(t);
            const bool lit = (t / 250) % 2 == 0;
            QCOMPARE(room->lit(), lit);
            QCOMPARE(w.banner()->lit(), lit);
            QCOMPARE(w.floorPlan()->scene()->marker(p.id)->lit, lit);
        }
        // Medium: 0.667 Hz; low: steady.
        QVERIFY(FlashClock::litAt(Priority::Medium, 0) && FlashClock::litAt(Priority::Medium, 740));
        QVERIFY(!FlashClock::litAt(Priority::Medium, 750) && FlashClock::litAt(Priority::Medium, 1500));
        QVERIFY(FlashClock::litAt(Priority::Low, 250) && FlashClock::litAt(Priority::Low, 750));
        // The floor switcher counts it on its floor.
        const auto counts = w.floorPlan()->scene()->alarmCounts(room->room().floor);
        QCOMPARE(counts[0], 1);
    }

    // Selecting an alarm in the list moves the plan to its floor, centred on it; "Show on plan"
    // and a click on the banner bring the plan forward.
    void selectingAnAlarmSwitchesFloorAndCentres()
    {
        PlanStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        FloorPlanView* plan = w.floorPlan();
        const Patient* p = patientOnFloor(st.site, 2);
        QVERIFY(p);
        plan->showFloor(1);
        const QString id = st.fall(*p);
        QVERIFY(!id.isEmpty());
        const Room* room = st.site.room(st.alarms.alarms().find(id)->roomId);
        QVERIFY(room && room->floor == 2);
        w.showTab(QStringLiteral("alarms"));
        QTableView* list = w.alarmPanel()->view();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, AlarmListModel::ConditionCol)).center());
        QCOMPARE(plan->floor(), std::optional(2));
        QCOMPARE(plan->scene()->focusAlarm(), id);
        QCOMPARE(w.tabs()->currentWidget()->objectName(), QStringLiteral("alarms")); // the list stays
        w.showTab(QStringLiteral("floorplan")); // the nurse looks at the plan: it is there
        QVERIFY2(near(plan->centre(), plan->scene()->toScene(2, room->centre())),
                 qPrintable(QStringLiteral("%1,%2").arg(plan->centre().x()).arg(plan->centre().y())));
        w.showTab(QStringLiteral("alarms"));
        plan->showFloor(1);
        QTest::mouseClick(w.alarmPanel()->findChild<QPushButton*>(QStringLiteral("showOnPlan")), Qt::LeftButton);
        QCOMPARE(w.tabs()->currentWidget(), plan);
        QCOMPARE(plan->floor(), std::optional(2));
        QVERIFY(near(plan->centre(), plan->scene()->toScene(2, room->centre())));
        w.showTab(QStringLiteral("census"));
        plan->showFloor(1);
        QTest::mouseClick(w.banner(), Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(w.tabs()->currentWidget(), plan);
        QCOMPARE(plan->floor(), std::optional(2));
    }

    // Find: by name, by tag id and by bed; the view centres on the result, which pulses.
    void findCentresOnTheFound()
    {
        PlanStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1600, 900);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        const StaffMember& nurse = st.site.staff[1];
        const Room& r201 = *st.site.room(QStringLiteral("R205"));
        st.place(nurse.badge, r201, r201.centre() + QPointF(1, 0));
        const Asset& asset = st.site.assets[3];
        const Room& r103 = *st.site.room(QStringLiteral("R103"));
        st.place(asset.tag, r103, r103.centre());
        st.flush();
        plan.showFloor(1);
        QVERIFY(plan.find(nurse.name));
        QCOMPARE(plan.floor(), std::optional(2));
        QVERIFY(near(plan.centre(), plan.scene()->marker(nurse.id)->to));
        QVERIFY(plan.scene()->pulsing());
        QVERIFY(plan.pixelsPerMetre() >= 39);
        QVERIFY(plan.find(asset.tag));
        QCOMPARE(plan.floor(), std::optional(1));
        QVERIFY(near(plan.centre(), plan.scene()->toScene(1, r103.centre())));
        const Bed& bed = st.site.beds.back();
        QVERIFY(plan.find(bed.id));
        QVERIFY(near(plan.centre(), plan.scene()->toScene(st.site.room(bed.room)->floor, bed.pos)));
        QVERIFY(!plan.find(QStringLiteral("no such thing anywhere")));
        QVERIFY(size_t(plan.scene()->completions().size()) > st.site.rooms.size());
    }

    // The nearest available pump to a room: one in a patient room next door is in use, one in the
    // dirty utility waits to be cleaned; the one in the clean utility is found, with its route.
    void nearestAvailableAssetSkipsInUseAndDirty()
    {
        PlanStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1600, 900);
        plan.show();
        std::vector<const Asset*> pumps;
        for (const Asset& a : st.site.assets)
            if (a.type == QLatin1String("infusion-pump"))
                pumps.push_back(&a);
        QVERIFY(pumps.size() >= 3);
        const Room* clean = nullptr;
        const Room* dirty = nullptr;
        for (const Room& r : st.site.rooms) {
            if (r.floor == 1 && r.kind == RoomKind::UtilityClean && !clean)
                clean = &r;
            if (r.floor == 1 && r.kind == RoomKind::UtilityDirty && !dirty)
                dirty = &r;
        }
        QVERIFY(clean && dirty);
        const Room& target = *st.site.room(QStringLiteral("R105"));
        const Room& nextDoor = *st.site.room(QStringLiteral("R106"));
        st.place(pumps[0]->tag, nextDoor, nextDoor.centre());
        st.place(pumps[1]->tag, *dirty, dirty->centre());
        st.place(pumps[2]->tag, *clean, clean->centre());
        for (size_t i = 3; i < pumps.size(); ++i) // the rest of the pumps: in use on the other floor
            st.place(pumps[i]->tag, *st.site.room(QStringLiteral("R210")), st.site.room(QStringLiteral("R210"))->centre());
        st.flush();
        QSignalSpy shown(&plan, &FloorPlanView::nearestAssetShown);
        plan.findNearestAsset(target.id, QStringLiteral("infusion-pump"));
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY(shown[0][0].toBool());
        QVERIFY(plan.scene()->nearestAsset());
        QCOMPARE(plan.scene()->nearestAsset()->assetId, pumps[2]->id);
        QVERIFY(plan.scene()->assetRoute());
        QVERIFY(plan.scene()->marker(pumps[2]->id)->ring.has_value());
        QVERIFY(!plan.scene()->marker(pumps[0]->id)->ring.has_value());
    }

    // Layers hide and show their items, and the station remembers them.
    void layersHideShowAndAreRemembered()
    {
        PlanStation st;
        const StaffMember& nurse = st.site.staff[0];
        const Room& room = *st.site.room(QStringLiteral("R104"));
        {
            FloorPlanView plan(st.site, st.models, &st.alarms);
            st.place(nurse.badge, room, room.centre());
            st.flush();
            plan.showFloor(1);
            PlanMarker* m = plan.scene()->marker(nurse.id);
            QVERIFY(m->isVisible());
            QVERIFY(!m->accuracy->isVisible()); // accuracy circles: on demand
            plan.setLayerVisible(PlanLayer::Staff, false);
            QVERIFY(!m->isVisible());
            plan.setLayerVisible(PlanLayer::Accuracy, true);
            QVERIFY(!m->accuracy->isVisible()); // its marker's layer is hidden
            plan.setLayerVisible(PlanLayer::Staff, true);
            QVERIFY(m->isVisible() && m->accuracy->isVisible());
            plan.setLayerVisible(PlanLayer::Staff, false);
            // Room climate: a room out of its targets tinted as such, only with the layer on.
            int envRow = -1;
            for (int r = 0; r < st.models.environment.rowCount() && envRow < 0; ++r)
                if (st.models.environment.rowAt(r).kind == EnvKind::Room)
                    envRow = r;
            QVERIFY(envRow >= 0);
            EnvRow env = st.models.environment.rowAt(envRow);
            env.signal = SignalState::Live;
            env.temperatureC = 27.5;
            env.outOfTarget = QStringList{QStringLiteral("T 27.5 > 24")};
            // A gateway gone silent: drawn red and hollow, said so in its tooltip.
            int gwRow = -1;
            for (int r = 0; r < st.models.devices.rowCount() && gwRow < 0; ++r)
                if (st.models.devices.rowAt(r).kind == DeviceKind::Gateway)
                    gwRow = r;
            DeviceRow gw = st.models.devices.rowAt(gwRow);
            gw.signal = SignalState::NoSignal;
            gw.lastSeenMs = st.clock.nowMs() - 120'000;
            auto update = std::make_shared<WardUpdate>();
            update->environment.push_back({envRow, env});
            update->devices.push_back({gwRow, gw});
            st.models.apply(update);
            PlanRoom* tinted = plan.scene()->room(env.id);
            QVERIFY(tinted);
            QCOMPARE(tinted->climate(), PlanRoom::Climate::Off);
            plan.setLayerVisible(PlanLayer::Climate, true);
            QVERIFY(plan.scene()->layerVisible(PlanLayer::Climate));
            QCOMPARE(tinted->climate(), PlanRoom::Climate::OutOfTarget);
            QGraphicsItem* gatewayMark = nullptr;
            for (QGraphicsItem* item : plan.scene()->items())
                if (item->toolTip().startsWith(QStringLiteral("Gateway %1:").arg(gw.id)))
                    gatewayMark = item;
            QVERIFY(gatewayMark);
            QVERIFY2(gatewayMark->toolTip().contains(QStringLiteral("silent since")), qPrintable(gatewayMark->toolTip()));
            QCOMPARE(static_cast<QAbstractGraphicsShapeItem*>(gatewayMark)->pen().color(), QColor(200, 0, 0));
            QVERIFY(gatewayMark->isVisible());
            plan.setLayerVisible(PlanLayer::Infrastructure, false);
            QVERIFY(!gatewayMark->isVisible());
            plan.setLayerVisible(PlanLayer::Infrastructure, true);
        }
        {
            FloorPlanView again(st.site, st.models, &st.alarms);
            QVERIFY(!again.scene()->layerVisible(PlanLayer::Staff));
            QVERIFY(again.scene()->layerVisible(PlanLayer::Climate));
            QVERIFY(again.scene()->layerVisible(PlanLayer::Patients));
            QVERIFY(!again.scene()->marker(nurse.id)->isVisible());
            again.setLayerVisible(PlanLayer::Staff, true);
            again.setLayerVisible(PlanLayer::Climate, false);
            again.setLayerVisible(PlanLayer::Accuracy, false);
            QVERIFY(again.scene()->marker(nurse.id)->isVisible());
        }
    }

    // Twenty tags standing in one bay are drawn as one cluster labelled 20; zoomed in, it splits.
    void twentyInOneBayAreOneCluster()
    {
        PlanStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1920, 1000);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        const Room& bay = *st.site.room(QStringLiteral("R107"));
        QStringList tags;
        QStringList ids;
        for (const StaffMember& s : st.site.staff) {
            tags << s.badge;
            ids << s.id;
        }
        for (const Asset& a : st.site.assets)
            if (tags.size() < 20) {
                tags << a.tag;
                ids << a.id;
            }
        QCOMPARE(tags.size(), 20);
        for (int i = 0; i < 20; ++i)
            st.place(tags[i], bay, bay.centre() + QPointF(0.4 * (i % 5) - 0.8, 0.4 * (i / 5) - 0.6));
        st.flush();
        plan.showFloor(1);
        QTRY_COMPARE(plan.scene()->clusters().size(), 1);
        QCOMPARE(plan.scene()->clusters().front()->count(), 20);
        for (const QString& id : std::as_const(ids))
            QVERIFY(!plan.scene()->marker(id)->isVisible());
        plan.view()->zoomBy(8, plan.view()->mapFromScene(plan.scene()->toScene(1, bay.centre())));
        QVERIFY(plan.scene()->clusters().isEmpty());
        for (const QString& id : std::as_const(ids))
            QVERIFY(plan.scene()->marker(id)->isVisible());
    }

    // The nearest staff member's walk to the alarm's room goes through the doors of both rooms;
    // the staff member is ringed in the alarm's colour.
    void routePassesThroughDoors()
    {
        PlanStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1600, 900);
        const Patient* p = patientOnFloor(st.site, 1);
        const Room& alarmRoom = st.bedRoom(*p);
        const Room* from = nullptr;
        for (const Room& r : st.site.rooms)
            if (r.floor == 1 && r.kind == RoomKind::PatientRoom && r.id != alarmRoom.id && QLineF(r.centre(), alarmRoom.centre()).length() > 15)
                from = &r;
        QVERIFY(from);
        const StaffMember* nurse = nullptr;
        for (const StaffMember& s : st.site.staff)
            if (s.role == QLatin1String("nurse") && !nurse)
                nurse = &s;
        st.place(nurse->badge, *from, from->centre());
        st.flush();
        const QString id = st.fall(*p);
        QVERIFY(!id.isEmpty());
        st.flush();
        QTRY_VERIFY(!st.alarms.alarms().responders(id).isEmpty());
        plan.showAlarm(id);
        QGraphicsItem* route = plan.scene()->route();
        QVERIFY(route);
        const QPainterPath path = static_cast<QGraphicsPathItem*>(route)->path();
        auto passes = [&](QPointF sitePoint) {
            const QPointF at = plan.scene()->toScene(1, sitePoint);
            for (int i = 0; i < path.elementCount(); ++i)
                if (near(QPointF(path.elementAt(i)), at, 1))
                    return true;
            return false;
        };
        QVERIFY(passes(from->door));
        QVERIFY(passes(alarmRoom.door));
        QVERIFY(plan.scene()->marker(st.alarms.alarms().responders(id).front().staffId)->ring == priorityColour(Priority::High));
    }

    // Looking back: each marker at its recorded place at T; a new alarm meanwhile reaches the
    // banner and the plan stays in the past until Live.
    void replayShowsRecordedPositionsWhileAlarmsStayLive()
    {
        PlanStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        FloorPlanView* plan = w.floorPlan();
        const qint64 now = st.clock.nowMs();
        const Patient& p = st.site.patients[0];
        const StaffMember& s = st.site.staff[2];
        const Room& a = *st.site.room(QStringLiteral("R102"));
        const Room& b = *st.site.room(QStringLiteral("R110"));
        st.place(p.wristband, a, a.centre(), now - 20 * 60'000);
        st.place(s.badge, b, b.centre(), now - 20 * 60'000);
        st.place(p.wristband, b, b.centre() + QPointF(0.5, 0), now - 60'000);
        st.place(s.badge, a, a.centre() + QPointF(0.5, 0), now - 60'000);
        st.flush();
        plan->showFloor(1);
        QSignalSpy replayed(plan, &FloorPlanView::replayed);
        plan->replayTo(now - 10 * 60'000);
        QTRY_COMPARE(replayed.size(), 1);
        QVERIFY(!plan->live());
        QVERIFY(near(plan->scene()->marker(p.id)->pos(), plan->scene()->toScene(1, a.centre()), 3));
        QVERIFY(near(plan->scene()->marker(s.id)->pos(), plan->scene()->toScene(1, b.centre()), 3));
        const QString id = st.fall(st.site.patients[5]);
        QVERIFY(!id.isEmpty());
        QVERIFY2(w.banner()->text().startsWith(QStringLiteral("!!! HIGH")), qPrintable(w.banner()->text()));
        QVERIFY(!plan->live());
        QVERIFY(near(plan->scene()->marker(p.id)->pos(), plan->scene()->toScene(1, a.centre()), 3));
        QVERIFY(w.findChild<QPushButton*>(QStringLiteral("live"))->isEnabled());
        QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("live")), Qt::LeftButton);
        QVERIFY(plan->live());
        QVERIFY(near(plan->scene()->marker(p.id)->pos(), plan->scene()->toScene(1, b.centre() + QPointF(0.5, 0)), 3));
    }

    // Click the alarm's room on the plan, acknowledge in its details: the log has it, with the operator.
    void acknowledgingFromThePlanWritesTheLog()
    {
        PlanStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy signedIn(&st.alarms, &AlarmController::operatorChanged);
        st.alarms.signIn(st.site.staff[1].id, QStringLiteral("246802"));
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 10000);
        const Patient* p = patientOnFloor(st.site, 1);
        const QString id = st.fall(*p);
        QVERIFY(!id.isEmpty());
        FloorPlanView* plan = w.floorPlan();
        w.showTab(QStringLiteral("floorplan"));
        plan->showFloor(1);
        const Room& room = st.bedRoom(*p);
        QCOMPARE(plan->scene()->alarmAt(plan->scene()->toScene(1, room.centre() + QPointF(0, -1))), id);
        QTest::mouseClick(plan->view()->viewport(), Qt::LeftButton, {}, plan->toViewport(1, room.centre() + QPointF(0, -1)));
        QDialog* details = nullptr;
        QTRY_VERIFY((details = plan->findChild<QDialog*>(QStringLiteral("alarmDetails"))) != nullptr);
        auto* ack = details->findChild<QPushButton*>(QStringLiteral("detailsAcknowledge"));
        QVERIFY(ack && ack->isEnabled());
        QTest::mouseClick(ack, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(st.alarms.alarms().find(id) == nullptr || st.alarms.alarms().find(id)->acknowledged(), 3000);
        QTRY_VERIFY(!ack->isEnabled());
        LogFilter f;
        f.alarmsOnly = true;
        const auto entries = AlarmLog::query(st.log, f);
        const bool logged = std::any_of(entries.begin(), entries.end(), [&](const LogEntry& e) {
            return e.kind == QLatin1String("acknowledged") && e.state.id == id && e.operatorId == st.site.staff[1].id;
        });
        QVERIFY(logged);
    }

    // A site whose floors are a basement (-1) and the ground floor (0): each floor's button shows
    // its own floor (levels are not button ids), and markers land on the right one.
    void negativeFloorLevels()
    {
        QFile f(QStringLiteral(":/site/default-site.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        // Every "floor" and "level" 1 becomes -1 and 2 becomes 0.
        std::function<QJsonValue(const QJsonValue&)> lower = [&](const QJsonValue& v) -> QJsonValue {
            if (v.isArray()) {
                QJsonArray a;
                for (const QJsonValue& e : v.toArray())
                    a.append(lower(e));
                return a;
            }
            if (!v.isObject())
                return v;
            QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if ((it.key() == QLatin1String("floor") || it.key() == QLatin1String("level")) && it.value().isDouble())
                    it.value() = it.value().toInt() - 2;
                else
                    it.value() = lower(it.value());
            }
            return o;
        };
        const QByteArray json = QJsonDocument(lower(doc.object()).toObject()).toJson();
        const SiteLoadResult loaded = SiteLoader::loadBytes(json, QStringLiteral(":/site/default-site.json"));
        QVERIFY2(loaded.site, qPrintable(loaded.errors.join(u'\n')));
        const Site& site = *loaded.site;
        WardModels models(site);
        FloorPlanView plan(site, models, nullptr);
        plan.resize(1600, 900);
        plan.show();
        for (int level : {-1, 0}) {
            auto* button = plan.findChild<QToolButton*>(QStringLiteral("floor%1").arg(level));
            QVERIFY(button);
            QTest::mouseClick(button, Qt::LeftButton);
            QCOMPARE(plan.floor(), std::optional(level));
            QVERIFY(button->isChecked());
        }
        QTest::mouseClick(plan.findChild<QToolButton*>(QStringLiteral("overview")), Qt::LeftButton);
        QCOMPARE(plan.floor(), std::nullopt);
        const Room* basement = nullptr;
        for (const Room& r : site.rooms)
            if (r.floor == -1 && r.kind == RoomKind::PatientRoom && !basement)
                basement = &r;
        QVERIFY(basement);
        QVERIFY(plan.scene()->room(basement->id)->polygon().containsPoint(plan.scene()->toScene(-1, basement->centre()), Qt::OddEvenFill));
    }

    // Labels in a crowd never overlap; the first (a patient) is labelled; a lone mark is labelled
    // on its right; nothing is placed outside the bounds.
    void labelsInACrowdDoNotOverlap()
    {
        std::vector<QPointF> marks;
        std::vector<QSizeF> sizes;
        for (int i = 0; i < 10; ++i) {
            marks.emplace_back(200 + 5 * (i % 4), 100 + 6 * (i / 4));
            sizes.emplace_back(70, 12);
        }
        marks.emplace_back(400, 100); // alone
        sizes.emplace_back(70, 12);
        const auto placed = placeLabels(marks, sizes, QRectF(0, 0, 600, 300), FloorPlanScene::MarkerPx);
        QCOMPARE(placed.size(), marks.size());
        QVERIFY(placed[0]);
        QVERIFY(placed[10] && placed[10]->left() > 400);
        int shown = 0;
        for (size_t i = 0; i < placed.size(); ++i) {
            if (!placed[i])
                continue;
            ++shown;
            for (size_t j = 0; j < placed.size(); ++j)
                if (j != i && placed[j])
                    QVERIFY(!placed[i]->intersects(*placed[j]));
        }
        QVERIFY(shown >= 3 && shown < 11);
        const auto edge = placeLabels({QPointF(595, 150)}, {QSizeF(70, 12)}, QRectF(0, 0, 600, 300), FloorPlanScene::MarkerPx);
        QVERIFY(edge[0] && edge[0]->right() < 595);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestFloorPlan)
#include "tst_floor_plan.moc"
