// The nurse's shift on screen, offscreen, with the real core in simulated time: a patient's view
// opened alike from the census, the plan and the alarm list; "my patients" narrowing the plan and
// the alarm list; AUDIO PAUSED refused without a comment while a high alarm sounds; and each of
// the alarm list's filters.
#include "app/demo.h"
#include "core/wardcore.h"
#include "fakes.h"
#include "ui_station.h"
#include "models/alarmfilter.h"
#include "models/stationfilter.h"
#include "transport/ingest.h"
#include "ui/ackdialogs.h"
#include "ui/alarmwidgets.h"
#include "ui/floorplanview.h"
#include "ui/mainwindow.h"
#include "ui/patientview.h"
#include "ui/planitems.h"
#include "ui/shiftdialogs.h"
#include "ui/trackmap.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;

namespace {

struct ShiftStation : test::UiStation
{
    ShiftStation() : UiStation(QStringLiteral("shift-station")) {}
    const Room& bedRoom(const Patient& p) const { return *site.room(site.bed(p.bed)->room); }
    // The patient's wristband located at their bed (the engines' fix).
    void placeAtBed(const Patient& p)
    {
        const qint64 t = clock.nowMs();
        const int index = directory.tag(p.wristband.toStdString());
        const Bed* bed = site.bed(p.bed);
        const Room& room = bedRoom(p);
        core.apply(QVector<Decoded>{BeaconBatch{0, t, t, {{index, t, -60, -59}}, 0},
                                    PositionMsg{p.wristband, t, bed->pos.x(), bed->pos.y(), room.floor, room.id, 1.0, 0.9,
                                                QStringLiteral("eng-a")}});
        flush();
    }
    // A fall from the patient's wristband: a high alarm of that patient.
    QString fall(const Patient& p, int seq = 1)
    {
        core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Fall, clock.nowMs(), clock.nowMs(), seq, 9)});
        flush();
        for (int r = 0; r < alarms.alarms().rowCount(); ++r)
            if (alarms.alarms().at(r)->patientId == p.id)
                return alarms.alarms().at(r)->id;
        return {};
    }
    bool signIn(int staff)
    {
        QSignalSpy in(&alarms, &AlarmController::operatorChanged);
        alarms.signIn(site.staff[size_t(staff)].id, QStringLiteral("246802"));
        return in.wait(10000) || in.count() > 0;
    }
};

const Patient* patientOnFloor(const Site& site, int floor, int skip = 0)
{
    for (const Patient& p : site.patients)
        if (const Bed* b = site.bed(p.bed); b && site.room(b->room)->floor == floor && skip-- == 0)
            return &p;
    return nullptr;
}

AlarmState alarm(const QString& id, Priority p, AlarmCategory c, const QString& room, const QString& patient,
                 const QString& rule = QStringLiteral("rule.x"))
{
    AlarmState a;
    a.id = id;
    a.rule = rule;
    a.priority = p;
    a.category = c;
    a.roomId = room;
    a.patientId = patient;
    a.onsetMs = 1'700'000'000'000;
    return a;
}

} // namespace

class TestShiftUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
    }

    // Census, plan and alarm list: one double-click each, one view of the same patient, with its sections.
    void doubleClickOpensOnePatientView()
    {
        ShiftStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Patient* p = patientOnFloor(st.site, 1);
        QVERIFY(p);
        st.placeAtBed(*p);
        const QString alarmId = st.fall(*p);
        QVERIFY(!alarmId.isEmpty());

        // The census.
        w.showTab(QStringLiteral("census"));
        auto* census = w.findChild<QTableView*>(QStringLiteral("census"));
        QVERIFY(census);
        const int row = st.models.patients.rowOf(p->id);
        QVERIFY(row >= 0);
        const QRect cell = census->visualRect(census->model()->index(row, PatientModel::NameCol));
        QTest::mouseClick(census->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(census->viewport(), Qt::LeftButton, {}, cell.center());
        PatientView* fromCensus = w.patientView(p->id);
        QVERIFY(fromCensus);
        QCOMPARE(fromCensus->patientId(), p->id);
        for (const char* name : {"trends", "assignment", "flags", "alarms", "reminders", "pastAlarms", "locations", "devices"})
            QVERIFY2(fromCensus->section(QLatin1String(name)), name);
        QTRY_COMPARE(fromCensus->openAlarms()->model()->rowCount(), 1); // the fall
        QVERIFY(fromCensus->devicesLabel()->text().contains(p->wristband));
        fromCensus->close();
        QTRY_VERIFY(!w.patientView(p->id));

        // The plan: the patient's marker.
        w.showTab(QStringLiteral("floorplan"));
        FloorPlanView* plan = w.floorPlan();
        plan->showFloor(1);
        const PlanMarker* marker = plan->scene()->marker(p->id);
        QVERIFY(marker && marker->state.known);
        QTRY_VERIFY(QLineF(marker->pos(), marker->to).length() < 0.5); // glided to its fix
        const QPoint at = plan->view()->mapFromScene(marker->pos());
        QCOMPARE(plan->scene()->patientAt(marker->pos(), plan->view()->viewportTransform()), p->id);
        QTest::mouseDClick(plan->view()->viewport(), Qt::LeftButton, {}, at);
        PatientView* fromPlan = w.patientView(p->id);
        QVERIFY(fromPlan);
        QCOMPARE(fromPlan->patientId(), p->id);
        fromPlan->close();
        QTRY_VERIFY(!w.patientView(p->id));

        // The alarm list: the fall's row.
        w.showTab(QStringLiteral("alarms"));
        QTableView* list = w.alarmPanel()->view();
        int alarmRow = -1;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            if (list->model()->index(r, 0).data(AlarmListModel::IdRole).toString() == alarmId)
                alarmRow = r;
        QVERIFY(alarmRow >= 0);
        const QPoint alarmCell = list->visualRect(list->model()->index(alarmRow, AlarmListModel::ConditionCol)).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, alarmCell); // a double-click's first press
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, alarmCell);
        PatientView* fromList = w.patientView(p->id);
        QVERIFY(fromList);
        QCOMPARE(fromList->patientId(), p->id);
        QVERIFY(!st.alarms.alarms().find(alarmId)->acknowledged()); // opened, not acknowledged
        // Twice: the same view raised, not a second one.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, alarmCell);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, alarmCell);
        QCOMPARE(w.patientView(p->id), fromList);
        QCOMPARE(w.findChildren<PatientView*>().size(), 1);
        // Its past alarms come from the log, on a worker.
        QSignalSpy loaded(fromList, &PatientView::pastAlarmsLoaded);
        fromList->reload();
        QVERIFY(loaded.wait(5000));
        QVERIFY(loaded.back().at(0).toInt() >= 1); // the fall, raised
    }

    // The patient view draws the last hours' track on the plan (a click on it asks for the plan at
    // that moment) and edits the patient's schedules, naming a bad time instead of sending it.
    void patientViewTrackAndSchedule()
    {
        ShiftStation st;
        const Patient* p = patientOnFloor(st.site, 1);
        QVERIFY(p);
        const Room* corridor = st.site.room(QStringLiteral("F1-CORR"));
        QVERIFY(corridor);
        // 30 min ago at the bed, 20 min ago in the corridor, 10 min ago back at the bed.
        const qint64 now = st.clock.nowMs();
        st.clock.set(now - 30 * 60'000);
        st.placeAtBed(*p);
        st.clock.set(now - 20 * 60'000);
        const qint64 inCorridor = st.clock.nowMs();
        st.core.apply(QVector<Decoded>{PositionMsg{p->wristband, inCorridor, corridor->centre().x(), corridor->centre().y(), 1,
                                                   corridor->id, 1.0, 0.9, QStringLiteral("eng-a")}});
        st.flush();
        st.clock.set(now - 10 * 60'000);
        st.placeAtBed(*p);
        st.clock.set(now);

        PatientView v(p->id, st.alarms, st.models, st.site);
        v.resize(1240, 820);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy track(&v, &PatientView::trackLoaded);
        v.reload();
        QVERIFY(track.wait(5000));
        QVERIFY2(track.back().at(0).toInt() >= 3, qPrintable(QString::number(track.back().at(0).toInt()))); // bed, corridor, bed
        TrackMap* map = v.trackMap();
        QCOMPARE(map->shownFloor().value_or(-1), 1);
        QVERIFY(map->pathPoints() >= 3);
        // The corridor point is drawn away from the bed's, inside the map; a click on it asks for
        // the plan at that moment.
        int corridorPoint = -1;
        for (int i = 0; i < map->pathPoints(); ++i)
            if (QLineF(map->drawnAt(i), map->drawnAt(0)).length() > 5)
                corridorPoint = i;
        QVERIFY(corridorPoint > 0);
        QVERIFY(map->rect().contains(map->drawnAt(corridorPoint).toPoint()));
        QSignalSpy onPlan(&v, &PatientView::showOnPlan);
        QTest::mouseClick(map, Qt::LeftButton, {}, map->drawnAt(corridorPoint).toPoint());
        QCOMPARE(onPlan.size(), 1);
        QCOMPARE(onPlan.back().at(1).toLongLong(), inCorridor);
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(2, 2)); // far from the path: nothing
        QCOMPARE(onPlan.size(), 1);

        // Schedules: a bad time names itself and sends nothing; good ones are recorded and shown.
        QVERIFY(st.signIn(1));
        QSignalSpy result(&st.alarms, &AlarmController::careResult);
        v.repositionEvery()->setValue(120);
        v.medicationTimes()->setText(QStringLiteral("08:00, 25:30"));
        QTest::mouseClick(v.saveSchedule(), Qt::LeftButton);
        QVERIFY(v.scheduleError()->isVisible());
        QVERIFY2(v.scheduleError()->text().contains(QStringLiteral("25:30")) && v.scheduleError()->text().contains(QStringLiteral("time 2")),
                 qPrintable(v.scheduleError()->text()));
        QCoreApplication::processEvents();
        QCOMPARE(result.size(), 0);
        v.medicationTimes()->setText(QStringLiteral("20:00 08:00"));
        QTest::mouseClick(v.saveSchedule(), Qt::LeftButton);
        QVERIFY(!v.scheduleError()->isVisible());
        QTRY_COMPARE(result.size(), 1);
        QVERIFY2(result.back().at(0).toBool(), qPrintable(result.back().at(1).toString()));
        st.flush();
        const PatientRow& row = st.models.patients.rowAt(st.models.patients.rowOf(p->id));
        QCOMPARE(row.repositionEveryMin, 120);
        QCOMPARE(row.medicationTimes, (QStringList{QStringLiteral("08:00"), QStringLiteral("20:00")}));
        // Shown again from the plan in force after a reopen.
        PatientView again(p->id, st.alarms, st.models, st.site);
        QCOMPARE(again.repositionEvery()->value(), 120);
        QCOMPARE(again.medicationTimes()->text(), QStringLiteral("08:00, 20:00"));
        QDir().mkpath(QStringLiteral("screens"));
        v.grab().save(QStringLiteral("screens/patient-view-track.png"));
    }

    // "My patients": the plan draws the others faint, the alarm list keeps mine and those of nobody.
    void myPatientsFiltersPlanAndAlarms()
    {
        ShiftStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Patient* mine = patientOnFloor(st.site, 1, 0);
        const Patient* other = patientOnFloor(st.site, 1, 1);
        QVERIFY(mine && other);
        st.placeAtBed(*mine);
        st.placeAtBed(*other);
        QVERIFY(!st.fall(*mine, 1).isEmpty());
        QVERIFY(!st.fall(*other, 2).isEmpty());
        QVERIFY(st.signIn(1)); // a nurse
        QAction* toggle = w.shift()->myPatientsAction();
        QVERIFY(toggle->isEnabled());
        QVERIFY(!toggle->isChecked()); // no patients yet

        QSignalSpy care(&st.alarms, &AlarmController::careResult);
        st.alarms.takePatient(mine->id);
        QVERIFY(care.wait(3000));
        QVERIFY2(care.back().at(0).toBool(), qPrintable(care.back().at(1).toString()));
        st.flush();
        QTRY_COMPARE(st.models.patients.rowAt(st.models.patients.rowOf(mine->id)).nurseId, st.site.staff[1].id);
        // Taking the first patient turned "my patients" on.
        QTRY_VERIFY(toggle->isChecked());
        toggle->setChecked(false);
        QVERIFY(!w.stationFilter()->myPatients());

        const int listBefore = w.alarmPanel()->view()->model()->rowCount();
        QCOMPARE(listBefore, 2);
        QCOMPARE(w.floorPlan()->scene()->dimmedMarkers(), 0);
        auto* census = w.findChild<QTableView*>(QStringLiteral("census"));
        const int otherRow = st.models.patients.rowOf(other->id);
        QVERIFY(!census->isRowHidden(otherRow));

        toggle->setChecked(true);
        QCOMPARE(w.alarmPanel()->view()->model()->rowCount(), 1);
        QCOMPARE(w.alarmPanel()->clinicalFilter()->alarmAt(0)->patientId, mine->id);
        QVERIFY(w.floorPlan()->scene()->dimmedMarkers() >= 1);
        QVERIFY(w.floorPlan()->scene()->marker(other->id)->opacity() < 1);
        QCOMPARE(w.floorPlan()->scene()->marker(mine->id)->opacity(), 1.0);
        QVERIFY(census->isRowHidden(otherRow));
        QVERIFY(!census->isRowHidden(st.models.patients.rowOf(mine->id)));
        // The census's nurse column names me; another's patient is "unassigned".
        QCOMPARE(st.models.patients.index(st.models.patients.rowOf(mine->id), PatientModel::NurseCol).data().toString(),
                 st.site.staff[1].name);
        QCOMPARE(st.models.patients.index(otherRow, PatientModel::NurseCol).data().toString(), QStringLiteral("unassigned"));

        // Off again: everything back.
        toggle->setChecked(false);
        QCOMPARE(w.alarmPanel()->view()->model()->rowCount(), listBefore);
        QCOMPARE(w.floorPlan()->scene()->dimmedMarkers(), 0);
        QVERIFY(!census->isRowHidden(otherRow));
    }

    // The demo's shift (app/demo.cpp): its grabs run once. With the core on this thread, all four
    // results (three takes, the flags) are posted before the first is handled, the order in which a
    // count of the takes alone let the flags' result run the grabs a second time.
    void demoShiftGrabsOnce()
    {
        ShiftStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        st.flush();
        QVERIFY(st.signIn(1)); // a nurse
        QString first; // the patient view's: the census's first patient
        for (const PatientRow& p : st.models.patients.rows())
            if (!p.vacant() && first.isEmpty())
                first = p.id;
        const Patient* firstPatient = st.site.patient(first);
        QVERIFY(firstPatient);
        auto* unacked = w.alarmPanel()->findChild<QCheckBox*>(QStringLiteral("filterUnacknowledged"));
        QVERIFY(unacked);
        QSignalSpy unackedToggled(unacked, &QCheckBox::toggled); // on and off once per run of the grabs
        QSignalSpy care(&st.alarms, &AlarmController::careResult);
        QTemporaryDir out;
        const QString fallRisk = st.site.patients[2].id;
        grabShift(w, st.alarms, st.models, out.path(), fallRisk);
        QTRY_COMPARE(care.size(), 4);
        for (const QList<QVariant>& r : care)
            QVERIFY2(r.at(0).toBool(), qPrintable(r.at(1).toString()));
        st.placeAtBed(*firstPatient); // the ward's next batch: the grabs follow it
        const QString patientView = QDir(out.path()).filePath(QStringLiteral("patient-view.png"));
        QTRY_VERIFY(QFileInfo::exists(patientView));
        QVERIFY(QFileInfo::exists(QDir(out.path()).filePath(QStringLiteral("census-my-patients.png"))));
        QVERIFY(QFileInfo::exists(QDir(out.path()).filePath(QStringLiteral("alarms-filtered.png"))));
        QCOMPARE(st.models.patients.rowAt(st.models.patients.rowOf(first)).nurseId, st.site.staff[1].id);
        QTRY_VERIFY(!w.patientView(first));
        // Another batch and another care result: a second run would be waiting for one of them.
        st.alarms.setRiskFlags(fallRisk, true, false, false);
        QTRY_COMPARE(care.size(), 5);
        st.flush();
        QCoreApplication::processEvents();
        QCOMPARE(unackedToggled.size(), 2);
        QVERIFY(!unacked->isChecked());
        QVERIFY(!w.stationFilter()->myPatients());
        QVERIFY(!w.shift()->myPatientsAction()->isChecked());
        QVERIFY(!w.patientView(first));
        QVERIFY(st.models.patients.rowAt(st.models.patients.rowOf(fallRisk)).fallRisk);
        QDir().mkpath(QStringLiteral("screens"));
        for (const char* name : {"census-my-patients.png", "alarms-filtered.png", "patient-view.png"}) {
            const QString kept = QStringLiteral("screens/demo-") + QLatin1String(name);
            QFile::remove(kept);
            QVERIFY(QFile::copy(QDir(out.path()).filePath(QLatin1String(name)), kept));
        }
    }

    // AUDIO PAUSED while a high alarm sounds: refused without a comment, taken with one.
    void pauseDuringHighAlarmNeedsComment()
    {
        ShiftStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!st.fall(st.site.patients[0]).isEmpty());
        QVERIFY(st.alarms.pauseNeedsComment());
        QSignalSpy messages(&st.alarms, &AlarmController::message);
        QVERIFY(!st.alarms.pauseAudio());
        QVERIFY(!st.alarms.pauseAudio(QStringLiteral("   ")));
        QVERIFY(!st.alarms.audio()->paused());
        QVERIFY(!messages.isEmpty() && messages.back().at(1).toBool());
        // The button asks first; OK only with a comment.
        QTest::mouseClick(w.banner()->findChild<QPushButton*>(QStringLiteral("bannerPauseAudio")), Qt::LeftButton);
        auto* d = w.findChild<CommentDialog*>(QStringLiteral("pauseAudioDialog"));
        QVERIFY(d);
        QVERIFY(!d->okButton()->isEnabled());
        d->commentEdit()->setText(QString(300, u'x'));
        QCOMPARE(d->comment().size(), CommentDialog::MaxChars);
        d->commentEdit()->setText(QStringLiteral("with the patient"));
        QVERIFY(d->okButton()->isEnabled());
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QVERIFY(st.alarms.audio()->paused());
        QVERIFY(w.banner()->findChild<QLabel*>(QStringLiteral("audioState"))->text().startsWith(QStringLiteral("AUDIO PAUSED")));
    }

    // Acknowledging with a comment: kept with the alarm and shown in its tooltip.
    void acknowledgeWithComment()
    {
        ShiftStation st;
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString id = st.fall(st.site.patients[0]);
        QVERIFY(!id.isEmpty());
        QVERIFY(st.signIn(1));
        CommentDialog* d = acknowledgeAsking(st.alarms, id, &w);
        QVERIFY(d);
        d->commentEdit()->setText(QStringLiteral("helped back to bed"));
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!st.alarms.alarms().find(id) || st.alarms.alarms().find(id)->acknowledged(), 3000);
        LogFilter f;
        f.alarmsOnly = true;
        f.patientId = st.site.patients[0].id;
        const auto entries = AlarmLog::query(st.log, f);
        QVERIFY(std::any_of(entries.begin(), entries.end(), [](const LogEntry& e) {
            return e.kind == QLatin1String("acknowledged") && e.state.ackComment == QLatin1String("helped back to bed");
        }));
    }

    // The alarm filter proxy, filter by filter, on a list of made-up alarms.
    void alarmFilterProxyFilters()
    {
        const SiteLoadResult loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        WardModels models(site);
        AlarmListModel list;
        const Patient& p0 = site.patients[0];
        const Patient& p1 = site.patients[1];
        const QString room0 = site.bed(p0.bed)->room;
        QString upstairs;
        for (const Room& r : site.rooms)
            if (r.floor == 2 && upstairs.isEmpty())
                upstairs = r.id;
        QVERIFY(site.room(room0)->floor == 1 && !upstairs.isEmpty());
        list.apply(alarm(QStringLiteral("a"), Priority::High, AlarmCategory::Event, room0, p0.id));
        list.apply(alarm(QStringLiteral("b"), Priority::Medium, AlarmCategory::Patient, QString(), p1.id));
        AlarmState acked = alarm(QStringLiteral("c"), Priority::Low, AlarmCategory::Environment, upstairs, QString());
        acked.ackedAtMs = acked.onsetMs + 1000;
        acked.ackedBy = QStringLiteral("S02");
        list.apply(acked);
        list.apply(alarm(QStringLiteral("d"), Priority::Low, AlarmCategory::Technical, QString(), QString()));
        list.apply(alarm(QStringLiteral("e"), Priority::Low, AlarmCategory::Patient, room0, p0.id, QStringLiteral("reminder.reposition")));
        AlarmFilterProxy proxy(list, &site);
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setGroup(AlarmFilterProxy::Group::Technical);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setGroup(AlarmFilterProxy::Group::Clinical);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setUnacknowledgedOnly(true);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setUnacknowledgedOnly(false);
        proxy.setMinPriority(Priority::Medium);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMinPriority(Priority::High);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setMinPriority(std::nullopt);
        proxy.setCategory(AlarmCategory::Patient);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setCategory(std::nullopt);
        proxy.setFloor(2);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.alarmAt(0)->id, QStringLiteral("c"));
        proxy.setFloor(1); // by room, or by the bed of the patient when the alarm has no room
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setFloor(std::nullopt);
        proxy.setPatient(p0.id);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setRulePrefixes(QStringLiteral("reminder."), {});
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setRulePrefixes({}, QStringLiteral("reminder."));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.alarmAt(0)->id, QStringLiteral("a"));
        proxy.setRulePrefixes({}, {});
        proxy.setPatient({});

        // My patients: p0 is S02's; alarms of no patient stay; p1's goes.
        RowChanges<PatientRow> change;
        const int row0 = models.patients.rowOf(p0.id);
        PatientRow assigned = models.patients.rowAt(row0);
        assigned.nurseId = QStringLiteral("S02");
        change.emplace_back(row0, assigned);
        models.patients.apply(change);
        StationFilter station(site, models.patients);
        proxy.setStationFilter(&station);
        QCOMPARE(proxy.rowCount(), 4);
        station.setNurse(QStringLiteral("S02"));
        station.setMyPatients(true);
        QCOMPARE(station.myPatientIds(), QSet<QString>{p0.id});
        QCOMPARE(proxy.rowCount(), 3); // a, c, e: b is another nurse's
        // Scope: a pod on floor 1 leaves out the upstairs alarm, never my patient's.
        station.setMyPatients(false);
        station.setScope(QStringLiteral("floor:2"));
        QCOMPARE(station.scope(), QStringLiteral("floor:2"));
        QCOMPARE(proxy.rowCount(), 3); // c upstairs, and my patient's a and e
        station.setScope(QStringLiteral("nonsense"));
        QCOMPARE(station.scope(), QString());
        QCOMPARE(proxy.rowCount(), 4);

        // "Open for": minutes, then hours, changing only when the text does.
        QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
        list.setNow(acked.onsetMs + 30'000);
        QCOMPARE(list.index(0, AlarmListModel::OpenCol).data().toString(), QStringLiteral("<1 min"));
        const int after = int(changed.count());
        list.setNow(acked.onsetMs + 40'000);
        QCOMPARE(int(changed.count()), after);
        list.setNow(acked.onsetMs + 65LL * 60'000);
        QCOMPARE(list.index(0, AlarmListModel::OpenCol).data().toString(), QStringLiteral("1 h 05"));
        QCOMPARE(int(changed.count()), after + 1);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestShiftUi)
#include "tst_shift_ui.moc"
