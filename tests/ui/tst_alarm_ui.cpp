// The alarm views offscreen, driven by the real core and alarm engine in simulated time: banner
// (priority as colour, symbol and text; flashing), list, refusal without an operator, sign-in and
// one-click acknowledge, audio pause, history with CSV export; the census's admit, transfer,
// devices and discharge dialogs. The sound device is a recording fake.
#include "drawn.h"
#include "core/wardcore.h"
#include "transport/ingest.h"
#include "fakes.h"
#include "ui/ackdialogs.h"
#include "ui/alarmwidgets.h"
#include "ui/censusdialogs.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::colours;
using test::undrawn;
using test::RecordingSound;

namespace {

// The core with its alarm engine and log, the item models and the controller, on this thread in
// simulated time; the controller's sound is the recording fake.
struct UiStation
{
    QTemporaryDir dir;
    SiteLoadResult loaded = SiteLoader::loadDefault();
    const Site& site = *loaded.site;
    ManualClock clock{QDateTime::currentMSecsSinceEpoch()};
    IngestStats stats;
    DeviceDirectory directory{site};
    WardCore core{site, directory, clock, stats};
    QString log = dir.filePath(QStringLiteral("ui.sqlite"));
    WardModels models{site};
    RecordingSound sound;
    AlarmController alarms{site, clock, &core, &sound};
    UiStation()
    {
        core.enableAlarms(QStringLiteral("ui-station"), log, {});
        alarms.setLogPath(log);
    }
};

} // namespace

class TestAlarmUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bannerListAcknowledgeHistory()
    {
        UiStation st;
        auto& [dir, loaded, site, clock, stats, directory, core, log, models, sound, alarms] = st;
        MainWindow w(site.name, models, stats, &alarms);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.tabs()->count(), 7);
        // A technical alarm goes to the technical list, apart from the clinical ones.
        core.setLocalCondition(QStringLiteral("tech.site-hash"), QStringLiteral("site"), true, QStringLiteral("different site"));
        QCoreApplication::processEvents();
        QCOMPARE(w.alarmPanel()->technicalView()->model()->rowCount(), 1);
        QCOMPARE(w.alarmPanel()->view()->model()->rowCount(), 0);
        core.setLocalCondition(QStringLiteral("tech.site-hash"), QStringLiteral("site"), false, {});
        QCoreApplication::processEvents();
        QVERIFY(w.banner()->text().contains(QStringLiteral("No active alarms")));

        const DeviceEventMsg ev = test::deviceEvent(site.patients[2].wristband, DeviceEventKind::Fall, clock.nowMs(), clock.nowMs(), 1, 9);
        core.apply(QVector<Decoded>{ev});
        QCoreApplication::processEvents();
        QCOMPARE(w.alarmPanel()->view()->model()->rowCount(), 1);
        QVERIFY2(w.banner()->text().startsWith(QStringLiteral("!!! HIGH")), qPrintable(w.banner()->text()));
        QVERIFY(w.banner()->text().contains(site.patients[2].name));
        // The banner's long text never widens the window past a 1280-pixel station screen: it is
        // elided, and the Acknowledge button stays on the screen.
        QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
        QVERIFY2(w.width() <= 1280, qPrintable(QString::number(w.width())));
        // Who is nearest (the core's answer, tst_responders): a line of its own under who and
        // where, the window no wider; the list's column names them without the role.
        const QString fallId = alarms.alarms().at(0)->id;
        const Responder nurse{site.staff[1].id, site.staff[1].name, site.staff[1].role, QStringLiteral("Corridor"), 1, 6,
                              false, false};
        alarms.alarms().setResponders(ResponderMap{{fallId, Responders{nurse}}});
        QVERIFY2(w.banner()->text().contains(QStringLiteral("\nNearest: %1 (%2), 6 m").arg(nurse.name, nurse.role)),
                 qPrintable(w.banner()->text()));
        QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
        QCOMPARE(alarms.alarms().index(0, AlarmListModel::NearestCol).data().toString(), nurse.name + QStringLiteral(", 6 m"));
        QCoreApplication::processEvents(); // the layout
        const QLabel* nearLine = w.banner()->findChild<QLabel*>(QStringLiteral("bannerNearest"));
        QVERIFY(nearLine);
        const QRect nearPlace = nearLine->geometry();
        alarms.alarms().setResponders(ResponderMap{{fallId, Responders{}}}); // measured: nobody heard
        QVERIFY2(w.banner()->text().contains(QStringLiteral("\nNearest: nobody located")), qPrintable(w.banner()->text()));
        alarms.alarms().setResponders({}); // not measured yet
        QVERIFY(!w.banner()->text().contains(QStringLiteral("Nearest")));
        QCoreApplication::processEvents();
        QVERIFY(nearLine->isVisible()); // the line keeps its place: who and where above never move
        QCOMPARE(nearLine->geometry(), nearPlace);
        QCOMPARE(int(sound.bursts.back()), int(Priority::High));
        // High priority flashes (2 Hz): within a second the banner is drawn lit, in the priority's
        // colour, and dark, without it.
        bool sawLit = false, sawDark = false;
        auto sample = [&] {
            const bool lit = w.banner()->lit();
            const bool inColour = w.banner()->grab().toImage().pixelColor(2, 2) == priorityColour(Priority::High);
            (lit ? sawLit : sawDark) |= lit == inColour;
            return sawLit && sawDark;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sample(), 1000);

        // No operator: refused, with the reason on screen.
        auto* ack = w.banner()->findChild<QPushButton*>(QStringLiteral("bannerAcknowledge"));
        QVERIFY(ack);
        QTest::mouseClick(ack, Qt::LeftButton);
        auto* message = w.alarmPanel()->findChild<QLabel*>(QStringLiteral("alarmMessage"));
        QVERIFY(message->text().contains(QStringLiteral("Sign in first")));
        QVERIFY(!alarms.alarms().at(0)->acknowledged());

        // Audio pause: a high alarm sounds, so it asks why first; then timed and shown; the alarm
        // keeps signalling visually.
        QTest::mouseClick(w.banner()->findChild<QPushButton*>(QStringLiteral("bannerPauseAudio")), Qt::LeftButton);
        auto* why = w.findChild<CommentDialog*>(QStringLiteral("pauseAudioDialog"));
        QVERIFY(why && why->isVisible());
        QVERIFY(!why->okButton()->isEnabled());
        QVERIFY(!alarms.audio()->paused());
        QTest::keyClicks(why->commentEdit(), QStringLiteral("at the bedside"));
        QTest::mouseClick(why->okButton(), Qt::LeftButton);
        QVERIFY(alarms.audio()->paused());
        QVERIFY(w.banner()->findChild<QLabel*>(QStringLiteral("audioState"))->text().startsWith(QStringLiteral("AUDIO PAUSED 2:00")));
        QVERIFY(w.banner()->text().startsWith(QStringLiteral("!!! HIGH")));

        QSignalSpy signedIn(&alarms, &AlarmController::operatorChanged);
        alarms.signIn(site.staff[1].id, QStringLiteral("246802"));
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 10000);
        QVERIFY(w.alarmPanel()->findChild<QLabel*>(QStringLiteral("operator"))->text().contains(site.staff[1].name));
        // One click in the list's "Acknowledge" cell.
        QTableView* list = w.alarmPanel()->view();
        w.showTab(QStringLiteral("alarms"));
        const QModelIndex cell = list->model()->index(0, AlarmListModel::AckCol);
        QCOMPARE(cell.data().toString(), QStringLiteral("\u2714 Acknowledge"));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(cell).center());
        QTRY_VERIFY_WITH_TIMEOUT(alarms.alarms().at(0) && alarms.alarms().at(0)->acknowledged(), 3000);
        QVERIFY(!alarms.alarms().index(0, AlarmListModel::AckCol).data().isValid());
        QCOMPARE(alarms.alarms().at(0)->ackedBy, site.staff[1].id);
        QVERIFY(alarms.alarms().index(0, AlarmListModel::StateCol).data().toString().contains(site.staff[1].name));
        QVERIFY(w.banner()->text().contains(QStringLiteral("No active alarms")));
        QVERIFY(!alarms.audio()->sounding());

        // NEWS2 inputs and a per-patient limit, entered in the patient dialog: logged with the operator.
        {
            PatientAlarmDialog d(alarms, site.patients[0].id, site.patients[0].name, &w);
            d.findChild<QComboBox*>(QStringLiteral("acvpu"))->setCurrentIndex(2); // V
            auto spins = d.findChildren<QDoubleSpinBox*>();
            QVERIFY(!spins.isEmpty());
            spins.front()->setValue(85); // vitals.spo2-low: below 85
            d.apply();
            QCoreApplication::processEvents();
            LogFilter f;
            f.text = QStringLiteral("ACVPU V");
            QCOMPARE(AlarmLog::query(log, f).size(), size_t(1));
            f.text = QStringLiteral("limit vitals.spo2-low for ") + site.patients[0].id + QStringLiteral(": below 90, above - -> below 85");
            const auto limit = AlarmLog::query(log, f);
            QCOMPARE(limit.size(), size_t(1));
            QCOMPARE(limit.front().operatorId, site.staff[1].id);
            QCOMPARE(alarms.patientLimit(site.patients[0].id, site.alarms.vitalLimits.front()).below.value_or(0), 85.0);
        }

        // History: the acknowledgement with the operator's name; CSV export.
        QSignalSpy refreshed(w.history(), &HistoryView::refreshed);
        w.showTab(QStringLiteral("history"));
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 5000);
        QVERIFY(w.history()->rows() >= 3); // sign-in audit, raised, acknowledged
        const QString csv = dir.filePath(QStringLiteral("history.csv"));
        QVERIFY(w.history()->exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.startsWith(QStringLiteral("seq,time_utc,time_local,event,")));
        QVERIFY(text.contains(QStringLiteral(",acknowledged,")));
        QVERIFY(text.contains(site.staff[1].name));
        // A shared station signs its operator out after autoSignOutS without an action.
        clock.advance(qint64(site.alarms.operators.autoSignOutS) * 1000 + 1000);
        QTRY_VERIFY_WITH_TIMEOUT(alarms.operatorId().isEmpty(), 2000);
        QVERIFY(message->text().contains(QStringLiteral("signed out")));
        // Every tab draws its page: its tables' rows, not the flat colour of a page that painted nothing.
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            const QString missing = undrawn(w.tabs()->currentWidget());
            QVERIFY2(missing.isEmpty(), qPrintable(w.tabs()->tabText(i) + QStringLiteral(": ") + missing));
        }
    }

    // The census tab: Admit… on a vacant bed, the dialog's refusal shown in it, then a transfer, a
    // device change and a discharge, each reaching the table through the core.
    void censusDialogs()
    {
        UiStation st;
        auto& [dir, loaded, site, clock, stats, directory, core, log, models, sound, alarms] = st;
        connect(&core, &WardCore::updatesReady, &models, &WardModels::apply);
        MainWindow w(site.name, models, stats, &alarms, &site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTab(QStringLiteral("census"));
        auto* census = w.findChild<QTableView*>(QStringLiteral("census"));
        QVERIFY(census);
        int vacant = -1;
        for (int r = 0; r < models.patients.rowCount() && vacant < 0; ++r)
            if (models.patients.rowAt(r).vacant())
                vacant = r;
        QVERIFY(vacant >= 0);
        QCOMPARE(models.patients.index(vacant, PatientModel::NameCol).data().toString(), QStringLiteral("vacant"));
        const QString bed = models.patients.rowAt(vacant).bed;
        w.selectRow(QStringLiteral("census"), vacant);
        auto* transfer = w.findChild<QPushButton*>(QStringLiteral("transfer"));
        QVERIFY(transfer && !transfer->isEnabled()); // nobody to transfer in a vacant bed
        // The bed's name cell as drawn: "vacant" now, the patient's name after the admission.
        auto nameCell = [&] {
            const QModelIndex i = census->model()->index(vacant, PatientModel::NameCol);
            census->scrollTo(i);
            return census->viewport()->grab(census->visualRect(i)).toImage();
        };
        const QImage vacantCell = nameCell();

        // Not signed in: the dialog stays open and says why.
        CensusDialog admit(CensusDialog::Mode::Admit, alarms, models, site, vacant, &w);
        QCOMPARE(admit.bedBox()->currentData().toString(), bed);
        QCOMPARE(admit.wristbandBox()->currentData().toString(), site.spareWristbands.front()); // a free band, preselected
        for (int i = 0; i < admit.wristbandBox()->count(); ++i) // nobody's worn band is offered
            QVERIFY(admit.wristbandBox()->itemData(i).toString() != site.patients[0].wristband);
        admit.idEdit()->setText(QStringLiteral("P960"));
        admit.nameEdit()->setText(QStringLiteral("Mary Seacole"));
        admit.monitorBox()->setCurrentIndex(admit.monitorBox()->findData(site.spareMonitors.front()));
        admit.show();
        admit.submit();
        QTRY_VERIFY_WITH_TIMEOUT(admit.errorLabel()->text().contains(QStringLiteral("Sign in first")), 3000);
        QVERIFY(admit.isVisible());

        QSignalSpy signedIn(&alarms, &AlarmController::operatorChanged);
        alarms.signIn(site.staff[1].id, QStringLiteral("246802"));
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 10000);
        admit.submit();
        QTRY_VERIFY_WITH_TIMEOUT(!admit.isVisible(), 3000);
        QCOMPARE(admit.result(), int(QDialog::Accepted));
        QTRY_COMPARE_WITH_TIMEOUT(models.patients.rowAt(vacant).id, QStringLiteral("P960"), 3000);
        QCOMPARE(models.patients.index(vacant, PatientModel::NameCol).data().toString(), QStringLiteral("Mary Seacole"));
        QTRY_VERIFY_WITH_TIMEOUT(transfer->isEnabled(), 3000);
        const QImage admittedCell = nameCell();
        QVERIFY(colours(admittedCell) >= 8); // text drawn in it
        QVERIFY(admittedCell != vacantCell);

        // A second admission into the same (now taken) bed is refused inside the dialog.
        CensusDialog again(CensusDialog::Mode::Admit, alarms, models, site, vacant, &w);
        QVERIFY(again.bedBox()->findData(bed) < 0); // taken beds are not offered
        // Transfer to the next vacant bed; the device dialog offers the patient's own band first.
        CensusDialog move(CensusDialog::Mode::Transfer, alarms, models, site, vacant, &w);
        QVERIFY(move.bedBox()->count() >= 1);
        const QString to = move.bedBox()->currentData().toString();
        move.show();
        move.submit();
        QTRY_VERIFY_WITH_TIMEOUT(!move.isVisible(), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(models.patients.rowAt(vacant).bed, to, 3000);
        CensusDialog devices(CensusDialog::Mode::Devices, alarms, models, site, vacant, &w);
        QCOMPARE(devices.wristbandBox()->currentData().toString(), site.spareWristbands.front());
        devices.wristbandBox()->setCurrentIndex(devices.wristbandBox()->findData(site.spareWristbands.at(1)));
        devices.show();
        devices.submit();
        QTRY_VERIFY_WITH_TIMEOUT(!devices.isVisible(), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(models.patients.rowAt(vacant).wristband, site.spareWristbands.at(1), 3000);
        // A limit set for the patient is forgotten with the discharge (a later P960 starts from the rule).
        const VitalLimit& rule = site.alarms.vitalLimits.front();
        alarms.setPatientLimit(QStringLiteral("P960"), rule.id, 80, qQNaN());
        QCOMPARE(alarms.patientLimit(QStringLiteral("P960"), rule).below.value_or(0), 80.0);
        alarms.dischargePatient(QStringLiteral("P960"));
        QTRY_VERIFY_WITH_TIMEOUT(models.patients.rowAt(vacant).vacant(), 3000);
        QCOMPARE(alarms.patientLimit(QStringLiteral("P960"), rule).below, rule.below);
        // Everything is in the history with the operator.
        LogFilter f;
        f.text = QStringLiteral("P960");
        const auto audit = AlarmLog::query(log, f);
        QCOMPARE(audit.size(), size_t(5)); // admitted, transferred, devices, the limit, discharged
        for (const LogEntry& e : audit)
            QCOMPARE(e.operatorId, site.staff[1].id);
    }
};

QTEST_MAIN(TestAlarmUi)
#include "tst_alarm_ui.moc"
