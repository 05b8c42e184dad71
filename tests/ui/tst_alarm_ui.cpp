// The alarm views offscreen, driven by the real core and alarm engine in simulated time: banner
// (priority as colour, symbol and text; flashing), list, refusal without an operator, sign-in and
// one-click acknowledge, audio pause, history with CSV export. The sound device is a recording fake.
#include "models/wardcore.h"
#include "transport/ingest.h"
#include "fakes.h"
#include "ui/alarmwidgets.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::RecordingSound;

namespace {
} // namespace

class TestAlarmUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bannerListAcknowledgeHistory()
    {
        QTemporaryDir dir;
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        IngestStats stats;
        DeviceDirectory directory(site);
        WardCore core(site, directory, clock, stats);
        const QString log = dir.filePath(QStringLiteral("ui.sqlite"));
        core.enableAlarms(QStringLiteral("ui-station"), log, {});
        WardModels models(site);
        RecordingSound sound;
        AlarmController alarms(site, clock, &core, &sound);
        alarms.setLogPath(log);
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
        // elided, and the Acknowledge button stays on the screen (it was 2071 pixels wide).
        QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
        QVERIFY2(w.width() <= 1280, qPrintable(QString::number(w.width())));
        QCOMPARE(int(sound.bursts.back()), int(Priority::High));
        // High priority flashes (2 Hz): the banner is lit and dark within a second.
        bool sawLit = false, sawDark = false;
        for (int i = 0; i < 10; ++i) {
            QTest::qWait(100);
            (w.banner()->lit() ? sawLit : sawDark) = true;
        }
        QVERIFY(sawLit && sawDark);

        // No operator: refused, with the reason on screen.
        auto* ack = w.banner()->findChild<QPushButton*>(QStringLiteral("bannerAcknowledge"));
        QVERIFY(ack);
        QTest::mouseClick(ack, Qt::LeftButton);
        auto* message = w.alarmPanel()->findChild<QLabel*>(QStringLiteral("alarmMessage"));
        QVERIFY(message->text().contains(QStringLiteral("Sign in first")));
        QVERIFY(!alarms.alarms().at(0)->acknowledged());

        // Audio pause: timed and shown; the alarm keeps signalling visually.
        QTest::mouseClick(w.banner()->findChild<QPushButton*>(QStringLiteral("bannerPauseAudio")), Qt::LeftButton);
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
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QVERIFY(!w.grab().isNull());
        }
    }
};

QTEST_MAIN(TestAlarmUi)
#include "tst_alarm_ui.moc"
