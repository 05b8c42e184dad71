// "Explain position" from the floor plan's context menu, offscreen, with the real core positioning
// tags itself from adverts in simulated time: the menu's action on a tag opens the window, the core
// answers from its own engine (waiting for the tag's next fix, then explained), the window lists that
// fix's gateways with the levels heard and expected and the room shown; a tag never heard says so;
// Refresh asks again; closing the window stops the core keeping the tag's explanation.
#include "domain/language.h"
#include "ui/explainwindow.h"
#include "ui/floorplanview.h"
#include "ui/language.h"
#include "ui/planitems.h"
#include "ui_station.h"

#include <QAction>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <cmath>

using namespace ww;

namespace {

struct ExplainStation : test::UiStation
{
    // own: the station locates its tags itself; otherwise engine eng-a does (its positions come with
    // the adverts, at the fed point).
    explicit ExplainStation(bool ownFixes = true)
        : UiStation(QStringLiteral("explain-station")), own(ownFixes)
    {
        core.setPositionSource(own ? PositionSource::Own : PositionSource::Engines);
        if (!own) {
            StationPresenceMsg engine;
            engine.stationId = QStringLiteral("eng-a");
            engine.online = true;
            engine.engine = true;
            core.apply(QVector<Decoded>{engine});
        }
    }
    bool own;

    // The level each gateway of the floor hears a tag at p at: the log-distance model, the tag 1.2 m
    // up, gateways that would hear it below -92 dBm left out.
    QHash<QString, int> levels(int floor, QPointF p) const
    {
        QHash<QString, int> out;
        for (const Gateway& g : site.gateways) {
            if (g.floor != floor)
                continue;
            const double d = std::max(
                1.0, std::sqrt(std::pow(g.x - p.x(), 2) + std::pow(g.y - p.y(), 2) + std::pow(g.z - 1.2, 2)));
            const int rssi = int(std::lround(g.rssiAt1m - 10 * g.exponent * std::log10(d)));
            if (rssi >= -92)
                out.insert(g.id, rssi);
        }
        return out;
    }
    QString roomAt(int floor, QPointF p) const
    {
        for (const Room& r : site.rooms)
            if (r.floor == floor && r.polygon.contains(p))
                return r.id;
        return {};
    }
    // seconds of adverts, one a second from every gateway that hears the tag, each second flushed.
    void hear(const QString& tag, int floor, QPointF p, int seconds)
    {
        const int index = directory.tag(tag.toStdString());
        const auto heard = levels(floor, p);
        for (int s = 0; s < seconds; ++s) {
            clock.advance(1000);
            const qint64 t = clock.nowMs();
            QVector<Decoded> batches;
            for (auto it = heard.cbegin(); it != heard.cend(); ++it)
                batches.push_back(BeaconBatch{directory.gateway(it.key().toStdString()),
                                              t,
                                              t,
                                              {{index, t, qint16(it.value()), -59}},
                                              0});
            if (!own)
                batches.push_back(PositionMsg{tag, t, p.x(), p.y(), floor, roomAt(floor, p), 1.0, 0.9,
                                              QStringLiteral("eng-a")});
            core.apply(std::move(batches));
            flush();
        }
    }
};

QString cell(const QTableWidget* t, int row, int column)
{
    return t->item(row, column) ? t->item(row, column)->text() : QString();
}

} // namespace

class TestExplainPosition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::useTestSettings(m_settings.path()); }

    void contextMenuExplainsATagsPosition()
    {
        ExplainStation st;
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1400, 900);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        QVERIFY(st.site.patients.size() >= 2);
        const Patient& a = st.site.patients[0];
        const Patient& b = st.site.patients[1];
        const Bed* bed = st.site.bed(a.bed);
        const Room* room = st.site.room(bed->room);
        QVERIFY(bed && room);
        st.hear(a.wristband, room->floor, bed->pos, 12);
        plan.showFloor(room->floor);
        PlanMarker* marker = plan.scene()->marker(a.id);
        QVERIFY(marker && marker->isVisible() && marker->state.known);
        QTRY_VERIFY(marker->pos() == marker->to); // glided to its fix

        // The context menu on A's marker offers to explain its position; the action opens the window.
        auto menu = plan.contextMenu(marker->pos());
        QAction* explain = menu->findChild<QAction*>(QStringLiteral("explain-position"));
        QVERIFY(explain);
        QVERIFY2(explain->text().contains(a.name), qPrintable(explain->text()));
        QVERIFY(!plan.contextMenu(plan.scene()->floorRect(room->floor).topLeft() - QPointF(40, 40))
                     ->findChild<QAction*>(
                         QStringLiteral("explain-position"))); // nothing to explain where no tag is
        explain->trigger();
        auto windows = plan.findChildren<ExplainPositionWindow*>();
        QCOMPARE(windows.size(), 1);
        ExplainPositionWindow* w = windows[0];
        QCOMPARE(w->tagId(), a.wristband);
        QVERIFY(w->isVisible());
        QSignalSpy shown(w, &ExplainPositionWindow::explanationShown);
        // Asked now: the engine explains the tag from its next fix on.
        QVERIFY(shown.wait());
        QCOMPARE(w->status(), TagExplanation::Status::Waiting);
        QVERIFY2(w->statusText().contains(QStringLiteral("Waiting for the tag's next fix")),
                 qPrintable(w->statusText()));
        QCOMPARE(w->gatewayTable()->rowCount(), 0);
        QCOMPARE(st.core.tagsExplained(), 1);
        st.hear(a.wristband, room->floor, bed->pos, 1);
        QTRY_COMPARE(w->status(),
                     TagExplanation::Status::Explained); // the answer after the fix (a signal apart)
        QCOMPARE(shown.count(), 2);

        // Every gateway of the fix: one the test made heard, at the level it was heard, with the
        // level the model expects there and their difference.
        const auto fed = st.levels(room->floor, bed->pos);
        const QTableWidget* g = w->gatewayTable();
        QVERIFY2(g->rowCount() >= 3, qPrintable(w->text()));
        int loudest = -200;
        for (auto it = fed.cbegin(); it != fed.cend(); ++it)
            loudest = std::max(loudest, it.value());
        QCOMPARE(cell(g, 0, 2).toDouble(), double(loudest)); // strongest first
        for (int r = 0; r < g->rowCount(); ++r) {
            const QString id = cell(g, r, 0);
            QVERIFY2(fed.contains(id), qPrintable(id));
            bool heardOk = false, expectedOk = false, diffOk = false;
            const double heard = cell(g, r, 2).toDouble(&heardOk),
                         expected = cell(g, r, 3).toDouble(&expectedOk);
            const double diff = cell(g, r, 4).toDouble(&diffOk);
            QVERIFY(heardOk && expectedOk && diffOk);
            QCOMPARE(heard, double(fed.value(id)));
            QVERIFY2(expected < -20 && expected > -110, qPrintable(cell(g, r, 3)));
            QVERIFY2(std::abs(diff - (heard - expected)) <= 0.11, qPrintable(cell(g, r, 4)));
        }
        // The room: as the plan shows it, marked in the rooms weighed, and in the summary.
        QCOMPARE(marker->state.roomName, room->name);
        QVERIFY2(w->summaryText().contains(QStringLiteral("room %1,").arg(room->id)),
                 qPrintable(w->summaryText()));
        QVERIFY2(w->summaryText().contains(QStringLiteral("from %1 gateways").arg(g->rowCount())),
                 qPrintable(w->summaryText()));
        const QTableWidget* rooms = w->roomTable();
        QVERIFY(rooms->rowCount() >= 1);
        QCOMPARE(cell(rooms, 0, 0), room->name); // the likeliest first, and shown
        QCOMPARE(cell(rooms, 0, 3), QStringLiteral("shown"));
        QVERIFY(w->shownTable()->rowCount() >= 1);
        QCOMPARE(cell(w->shownTable(), w->shownTable()->rowCount() - 1, 1), room->name);

        // Refresh: answered at once with the latest fix explained.
        QPushButton* refresh = nullptr;
        for (QPushButton* p : w->findChildren<QPushButton*>())
            if (p->text() == QStringLiteral("Refresh"))
                refresh = p;
        QVERIFY(refresh);
        refresh->click();
        QVERIFY(shown.wait());
        QCOMPARE(shown.count(), 3);
        QCOMPARE(w->status(), TagExplanation::Status::Explained);

        // B has not been heard: no fix to explain, said plainly, empty tables; once heard, explained
        // from its first fix on, with the track's first room among the decisions.
        ExplainPositionWindow* wb = plan.explainPosition(b.wristband, b.name);
        QVERIFY(wb && wb != w);
        QSignalSpy shownB(wb, &ExplainPositionWindow::explanationShown);
        QVERIFY(shownB.wait());
        QCOMPARE(wb->status(), TagExplanation::Status::NotHeard);
        QVERIFY2(wb->statusText().contains(
                     QStringLiteral("No fix yet: this station has not heard tag %1").arg(b.wristband)),
                 qPrintable(wb->statusText()));
        QCOMPARE(wb->gatewayTable()->rowCount(), 0);
        QVERIFY(wb->summaryText().isEmpty());
        const Bed* bedB = st.site.bed(b.bed);
        st.hear(b.wristband, st.site.room(bedB->room)->floor, bedB->pos, 3);
        QTRY_COMPARE(wb->status(), TagExplanation::Status::Explained);
        QVERIFY(wb->decisionTable()->rowCount() >= 1);
        QVERIFY2(cell(wb->decisionTable(), 0, 3).startsWith(QStringLiteral("the track's first room")),
                 qPrintable(wb->text()));
        // B is carried over to A's bed: the decision that took it there, with its reason. Heard
        // there at once, it came through a wall (no walk through the doors), which the room takes
        // after leading for roomJumpDwellS: 40 s of adverts.
        if (st.site.room(bedB->room)->floor == room->floor && bedB->room != room->id) {
            st.hear(b.wristband, room->floor, bed->pos, 40);
            refresh = nullptr;
            for (QPushButton* p : wb->findChildren<QPushButton*>())
                if (p->text() == QStringLiteral("Refresh"))
                    refresh = p;
            QVERIFY(refresh);
            const int before = shownB.count();
            refresh->click();
            QTRY_COMPARE(shownB.count(), before + 1);
            const QTableWidget* d = wb->decisionTable();
            QVERIFY2(d->rowCount() >= 2, qPrintable(wb->text()));
            QCOMPARE(cell(d, d->rowCount() - 1, 2), room->name);
            QVERIFY2(cell(d, d->rowCount() - 1, 3).startsWith(QStringLiteral("led by")),
                     qPrintable(wb->text()));
            QCOMPARE(cell(wb->shownTable(), wb->shownTable()->rowCount() - 1, 1), room->name);
        }
        const QString shots = qEnvironmentVariable("WW_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(wb->grab().save(shots + QStringLiteral("/explain-position.png")));
        // The station's language: the window follows it, the engine's reasons stay as it wrote them.
        setTranslationsDirectory(QStringLiteral(WW_QM_DIR));
        QVERIFY(switchLanguage(QStringLiteral("de")));
        QTRY_COMPARE(wb->gatewayTable()->horizontalHeaderItem(2)->text(), QStringLiteral("Empfangen (dBm)"));
        QVERIFY2(wb->summaryText().contains(QStringLiteral("Etage %1, Raum").arg(room->floor)),
                 qPrintable(wb->summaryText()));
        QVERIFY(wb->windowTitle().startsWith(QStringLiteral("Position erklären")));
        QVERIFY(switchLanguage(QStringLiteral("zh_CN")));
        QTRY_COMPARE(wb->gatewayTable()->horizontalHeaderItem(2)->text(), QStringLiteral("接收 (dBm)"));
        if (!shots.isEmpty())
            QVERIFY(wb->grab().save(shots + QStringLiteral("/explain-position-zh_CN.png")));
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QTRY_COMPARE(wb->gatewayTable()->horizontalHeaderItem(2)->text(), QStringLiteral("Heard (dBm)"));
        QCOMPARE(plan.explainPosition(b.wristband, b.name), wb); // one window per tag
        QCOMPARE(st.core.tagsExplained(), 2);

        // Closed: the core keeps no explanation of A any more.
        w->close();
        QTRY_COMPARE(st.core.tagsExplained(), 1);
        wb->close();
        QTRY_COMPARE(st.core.tagsExplained(), 0);
    }

    // A tag the site's positioning engine locates: the plan follows the engine, and the window says
    // so; the explanation is the station's own engine's view from the same adverts, which the station
    // computes for this tag only while it is explained and never shows on the plan.
    void engineTagExplainedFromTheStationsOwnView()
    {
        ExplainStation st(false);
        FloorPlanView plan(st.site, st.models, &st.alarms);
        plan.resize(1400, 900);
        plan.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plan));
        const Patient& a = st.site.patients[0];
        const Bed* bed = st.site.bed(a.bed);
        const Room* room = st.site.room(bed->room);
        st.hear(a.wristband, room->floor, bed->pos, 5);
        QCOMPARE(st.core.fixesComputed(), quint64(0)); // the engine's positions, not the station's
        plan.showFloor(room->floor);
        PlanMarker* marker = plan.scene()->marker(a.id);
        QVERIFY(marker && marker->isVisible());
        QTRY_VERIFY(marker->pos() == marker->to);
        const auto menu = plan.contextMenu(marker->pos());
        QAction* explain = menu->findChild<QAction*>(QStringLiteral("explain-position"));
        QVERIFY(explain);
        explain->trigger();
        auto windows = plan.findChildren<ExplainPositionWindow*>();
        QCOMPARE(windows.size(), 1);
        ExplainPositionWindow* w = windows[0];
        QSignalSpy shown(w, &ExplainPositionWindow::explanationShown);
        QVERIFY(shown.wait());
        QCOMPARE(w->status(), TagExplanation::Status::Waiting);
        QVERIFY2(w->statusText().contains(QStringLiteral("positioning engine eng-a")),
                 qPrintable(w->statusText()));
        st.hear(a.wristband, room->floor, bed->pos, 2);
        QTRY_COMPARE(w->status(), TagExplanation::Status::Explained);
        QVERIFY2(w->statusText().contains(QStringLiteral("positioning engine eng-a")) &&
                     w->statusText().contains(QStringLiteral("this station's own view")),
                 qPrintable(w->statusText()));
        QVERIFY2(w->gatewayTable()->rowCount() >= 3, qPrintable(w->text()));
        QCOMPARE(st.core.fixesComputed(), quint64(0)); // explained, still not located by the station
        // The engine says "unknown, near" the room: no dot, the room's ring; its menu explains the tag.
        st.clock.advance(1000);
        const qint64 t = st.clock.nowMs();
        st.core.apply(QVector<Decoded>{PositionMsg{a.wristband, t, bed->pos.x(), bed->pos.y(), room->floor, QString(), 4.0, 0.2,
                                                   QStringLiteral("eng-a"), RoomState::UnknownNear, room->id, {}}});
        st.flush();
        QVERIFY(!marker->isVisible());
        PlanNearRing* ring = plan.scene()->nearRing(room->id);
        QVERIFY(ring && ring->isVisible());
        const auto ringMenu = plan.contextMenu(ring->scenePos());
        QAction* explainNear = ringMenu->findChild<QAction*>(QStringLiteral("explain-position"));
        QVERIFY(explainNear);
        QVERIFY2(explainNear->text().contains(a.name), qPrintable(explainNear->text()));
        explainNear->trigger(); // the window open for the tag: asked again, not a second one
        QCOMPARE(plan.findChildren<ExplainPositionWindow*>().size(), 1);
        QVERIFY(shown.wait());
        w->close();
        QTRY_COMPARE(st.core.tagsExplained(), 0);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestExplainPosition)
#include "tst_explain_position.moc"
