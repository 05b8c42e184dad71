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
        QCOMPARE(engines->palette().color(QPalette::WindowText), errorTextColour()); // the theme's red
        w.setPositioningEngines({QStringLiteral("eng-a"), QStringLiteral("eng-b")});
        QCOMPARE(engines->text(), QStringLiteral("Locations: engines eng-a, eng-b"));
        QVERIFY(engines->palette().color(QPalette::WindowText) != errorTextColour());
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

    // A broker reached without TLS over the network (the site allows it) is said in the status bar, in red.
    void clearTextIsShown()
    {
        const auto loaded = SiteLoader::loadDefault();
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats, nullptr, &*loaded.site);
        QVERIFY(!w.findChild<QLabel*>(QStringLiteral("clearText")));
        w.setClearText(QStringLiteral("broker.ward.local"));
        auto* label = w.findChild<QLabel*>(QStringLiteral("clearText"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("CLEAR TEXT to broker.ward.local")), qPrintable(label->text()));
        // So is a site that takes unsigned state (signing.acceptUnsigned).
        QVERIFY(!w.findChild<QLabel*>(QStringLiteral("unsignedAccepted")));
        w.setUnsignedAccepted();
        label = w.findChild<QLabel*>(QStringLiteral("unsignedAccepted"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("UNSIGNED STATE ACCEPTED"));
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
