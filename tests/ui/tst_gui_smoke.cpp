// Offscreen smoke test of the main window: five tables on the five models, the status bar.
#include "ui/mainwindow.h"

#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace ww;

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
        QCOMPARE(w.tables().at(0)->model()->rowCount(), int(loaded.site->patients.size()));
        QCOMPARE(w.tables().at(0)->model()->headerData(PatientModel::SpO2Col, Qt::Horizontal).toString(), QStringLiteral("SpO₂ %"));

        auto* connection = w.findChild<QLabel*>(QStringLiteral("connectionState"));
        QVERIFY(connection);
        QVERIFY(connection->text().contains(QStringLiteral("disconnected")));
        w.setConnectionState(MqttState::Connected, QStringLiteral("MQTT 5"));
        QCOMPARE(connection->text(), QStringLiteral("Broker: connected (MQTT 5)"));
        stats.countRejected(TopicKind::Vitals, RejectReason::Malformed, QStringLiteral("t"), QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(w.findChild<QLabel*>(QStringLiteral("rejectedPayloads"))->text(), QStringLiteral("rejected: 1"), 3000);
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QVERIFY(!w.grab().isNull());
        }
    }
};

QTEST_MAIN(TestGuiSmoke)
#include "tst_gui_smoke.moc"
