// Offscreen smoke test of the main window: five tables on the five models, the status bar, the Help
// menu (About box and user guide, both stating the intended use); the floor plan draws a located
// patient where the engine put it, and nothing for a tag never heard.
#include "drawn.h"
#include "fuzzing.h"
#include "models/alarmlistmodel.h"
#include "ui/floorplanview.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QDialog>
#include <QMenuBar>
#include <QSet>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace ww;
using test::colours;
using test::undrawn;

namespace {

} // namespace

class TestGuiSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainWindowShowsEveryModel()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.tabs()->count(), 5);
        QCOMPARE(w.tables().at(0)->model(), &models.patients);
        QCOMPARE(w.tables().at(4)->model(), &models.devices);
        QCOMPARE(w.tables().at(0)->model()->rowCount(), int(loaded.site->beds.size())); // vacant beds too
        QCOMPARE(w.tables().at(0)->model()->headerData(PatientModel::SpO2Col, Qt::Horizontal).toString(), QStringLiteral("SpO₂ %"));

        auto* connection = w.findChild<QLabel*>(QStringLiteral("connectionState"));
        QVERIFY(connection);
        QVERIFY(connection->text().contains(QStringLiteral("disconnected")));
        w.setConnectionState(MqttState::Connected, QStringLiteral("MQTT 5"));
        QCOMPARE(connection->text(), QStringLiteral("Broker: connected (MQTT 5)"));
        // A station fed by positioning engines says which are online, none in red.
        auto* engines = w.findChild<QLabel*>(QStringLiteral("positioningEngines"));
        QVERIFY(engines && engines->isHidden());
        w.setPositioningEngines({});
        QVERIFY(!engines->isHidden());
        QCOMPARE(engines->text(), QStringLiteral("Locations: no positioning engine online"));
        QVERIFY(engines->styleSheet().contains(QStringLiteral("#b00000")));
        w.setPositioningEngines({QStringLiteral("eng-a"), QStringLiteral("eng-b")});
        QCOMPARE(engines->text(), QStringLiteral("Locations: engines eng-a, eng-b"));
        QVERIFY(engines->styleSheet().isEmpty());
        stats.countRejected(TopicKind::Vitals, RejectReason::Malformed, QStringLiteral("t"), QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(w.findChild<QLabel*>(QStringLiteral("rejectedPayloads"))->text(), QStringLiteral("rejected: 1"), 3000);
        // Every tab draws its table's rows (text in the viewport), not the flat colour of a page
        // that painted nothing.
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QVERIFY(w.tables().at(i)->isVisible() && w.tables().at(i)->model()->rowCount() > 0);
            const QString missing = undrawn(w.tabs()->currentWidget());
            QVERIFY2(missing.isEmpty(), qPrintable(w.tabs()->tabText(i) + QStringLiteral(": ") + missing));
        }
    }

    void helpStatesTheIntendedUse()
    {
        const auto loaded = SiteLoader::loadDefault();
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats, nullptr, &*loaded.site);
        const auto menus = w.menuBar()->actions();
        QVERIFY(std::any_of(menus.begin(), menus.end(), [](QAction* a) { return a->text() == QStringLiteral("&Help"); }));
        const QString about = MainWindow::aboutText(&*loaded.site);
        QVERIFY(about.contains(QStringLiteral("never replaces the alarms of bedside monitors")));
        QVERIFY(about.contains(loaded.site->hash.left(12)));
        w.showUserGuide();
        auto* guide = w.findChild<QDialog*>(QStringLiteral("userGuide"));
        QVERIFY(guide);
        const QString text = guide->findChild<QTextBrowser*>()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("It never replaces the alarms of bedside monitors")), qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("Admitting, transferring, discharging")));
        QVERIFY(!text.contains(QStringLiteral("screenshots/"))); // the pictures are in docs/, not here
        guide->close();
    }

    // A room with an open alarm is outlined in the alarm's colour: found by the alarm's room id,
    // or, for a state without one (an older station), by the room its place names.
    void floorPlanOutlinesAlarmRooms()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        WardModels models(site);
        AlarmListModel alarms;
        FloorPlanView plan(site, models, &alarms);
        plan.resize(1400, 700);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        const Room* byId = site.room(QStringLiteral("R103"));
        const Room* byName = site.room(QStringLiteral("R108"));
        QVERIFY(byId && byName);
        auto edgeColour = [&](const Room* room) { // the middle of its west wall
            const QRectF b = room->polygon.boundingRect();
            const QPoint p = plan.toWidget(room->floor, QPointF(b.left(), b.center().y())).toPoint();
            return plan.grab().toImage().pixelColor(p);
        };
        const QColor high = priorityColour(Priority::High), medium = priorityColour(Priority::Medium);
        QVERIFY(edgeColour(byId) != high && edgeColour(byName) != medium);
        AlarmState a;
        a.id = QStringLiteral("event.fall:wb-003:1-1");
        a.rule = QStringLiteral("event.fall");
        a.priority = Priority::High;
        a.place = QStringLiteral("no room's name");
        a.roomId = byId->id;
        a.onsetMs = 1;
        alarms.apply(a);
        AlarmState b = a;
        b.id = QStringLiteral("vitals.hr-high:P008:1");
        b.priority = Priority::Medium;
        b.place = byName->name + QStringLiteral(" (floor 1)");
        b.roomId.clear();
        alarms.apply(b);
        QTRY_COMPARE(edgeColour(byId), high);
        QCOMPARE(edgeColour(byName), medium);

        // The staff member nearest to the top alarm is ringed in its colour; nobody else is.
        const Room* corridor = site.room(QStringLiteral("F1-CORR"));
        const QPointF spot = corridor->centre();
        auto update = std::make_shared<WardUpdate>();
        StaffRow st = models.staff.rowAt(0);
        st.signal = SignalState::Live;
        st.location = Location{corridor->id, corridor->name, corridor->floor, spot.x(), spot.y(), 0.5, 1, true};
        update->staff.push_back({0, st});
        models.apply(update);
        auto ringColour = [&] {
            const QPoint p = (plan.toWidget(corridor->floor, spot) - QPointF(0, 9)).toPoint();
            return plan.grab().toImage().pixelColor(p);
        };
        QTRY_VERIFY(ringColour() != high);
        Responder who;
        who.staffId = st.id;
        who.name = st.name;
        alarms.setResponders(ResponderMap{{a.id, Responders{who}}});
        QTRY_COMPARE(ringColour(), high);
        alarms.setResponders({});
        QTRY_VERIFY(ringColour() != high);
    }

    void floorPlanDrawsTagsWhereTheyAre()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        WardModels models(site);
        IngestStats stats;
        MainWindow w(site.name, models, stats, nullptr, &site);
        QCOMPARE(w.tabs()->count(), 6);
        FloorPlanView* plan = w.floorPlan();
        QVERIFY(plan);
        w.resize(1400, 700);
        w.show();
        w.showTab(QStringLiteral("floorplan"));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.tabs()->currentWidget(), plan);

        const Room* room = site.room(QStringLiteral("R105"));
        QVERIFY(room);
        const QPointF where = room->centre() + QPointF(0, 1.5); // clear of the room's label and gateway
        auto colourAt = [&](QPointF sitePoint) {
            const QImage image = plan->grab().toImage();
            const QPoint p = plan->toWidget(room->floor, sitePoint).toPoint();
            return image.pixelColor(p);
        };
        QVERIFY(colourAt(where) != FloorPlanView::patientColour()); // waiting: not drawn

        auto update = std::make_shared<WardUpdate>();
        PatientRow row = models.patients.rowAt(0);
        row.tagSignal = SignalState::Live;
        row.location = Location{room->id, room->name, room->floor, where.x(), where.y(), 1.0, 1, true};
        update->patients.push_back({0, row});
        models.apply(update);
        QTRY_COMPARE(colourAt(where), FloorPlanView::patientColour());
        QVERIFY(colourAt(where + QPointF(0, 4)) != FloorPlanView::patientColour()); // only there

        // The tooltip names who is under the pointer, with room and accuracy.
        const QPoint p = plan->toWidget(room->floor, where).toPoint();
        QHelpEvent help(QEvent::ToolTip, p, plan->mapToGlobal(p));
        QCoreApplication::sendEvent(plan, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(row.name) && QToolTip::text().contains(room->name) &&
                     QToolTip::text().contains(QStringLiteral("±1.0 m")),
                 qPrintable(QToolTip::text()));
    }

    // Ten tags in a crowd: no two labels overlap, the first (a patient) is labelled, some of the
    // crowd are left unlabelled. A lone tag is labelled on its right, covering no other mark.
    void labelsInACrowdDoNotOverlap()
    {
        std::vector<QPointF> marks;
        std::vector<QSizeF> sizes;
        for (int i = 0; i < 10; ++i) {
            marks.emplace_back(200 + 3 * (i % 4), 100 + 4 * (i / 4));
            sizes.emplace_back(70, 12);
        }
        marks.emplace_back(400, 100); // alone
        sizes.emplace_back(70, 12);
        const auto placed = FloorPlanView::placeLabels(marks, sizes, QRectF(0, 0, 600, 300));
        QCOMPARE(placed.size(), marks.size());
        QVERIFY(placed[0]); // the first (a patient) is always labelled
        QVERIFY(placed[10] && placed[10]->left() > 400); // right of its mark
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
        for (size_t j = 0; j < 10; ++j)
            QVERIFY(!placed[10]->contains(marks[j]));
        // Nothing placed outside the view: a mark at the right edge is labelled on its left.
        const auto edge = FloorPlanView::placeLabels({QPointF(595, 150)}, {QSizeF(70, 12)}, QRectF(0, 0, 600, 300));
        QVERIFY(edge[0] && edge[0]->right() < 595);
    }

    // Site files damaged value-wise (as in tst_robustness) that still load: every tab, the floor
    // plan included, is built and painted without a crash.
    void damagedSitesThatLoadAreDrawn()
    {
        QFile f(QString::fromLatin1(SiteLoader::DefaultSitePath));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        testing::Mutator mutate(5);
        int drawn = 0;
        for (int i = 0; i < 400 && drawn < 25; ++i) {
            QJsonValue doc = root;
            doc = testing::damage(doc, mutate);
            const SiteLoadResult loaded = SiteLoader::loadBytes(QJsonDocument(doc.toObject()).toJson(), QStringLiteral("d.json"));
            if (!loaded.site)
                continue;
            const Site& site = *loaded.site;
            WardModels models(site);
            IngestStats stats;
            MainWindow w(site.name, models, stats, nullptr, &site);
            w.resize(1200, 600);
            w.show();
            for (int t = 0; t < w.tabs()->count(); ++t) {
                w.tabs()->setCurrentIndex(t);
                const QString missing = undrawn(w.tabs()->currentWidget());
                QVERIFY2(missing.isEmpty(), qPrintable(w.tabs()->tabText(t) + QStringLiteral(": ") + missing));
            }
            ++drawn;
        }
        qInfo("%d damaged sites that load drawn on every tab", drawn);
        QVERIFY(drawn >= 10);
    }
};

QTEST_MAIN(TestGuiSmoke)
#include "tst_gui_smoke.moc"
