// Composition root: settings, site, station core, main window. Nothing else lives here.
#include "app/appsettings.h"
#include "app/headless.h"
#include "app/selftest.h"
#include "models/stationcore.h"
#include "ui/alarmwidgets.h"
#include "ui/censusdialogs.h"
#include "ui/mainwindow.h"
#include "ui/trendviews.h"
#include "ui/coldchainreport.h"
#include "ui/qtalarmsound.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

using namespace ww;

namespace {

void grabTab(MainWindow& window, const QString& dir, const QString& tab, const QString& file, QStringList& saved)
{
    window.showTab(tab);
    const QString path = QDir(dir).filePath(file + QStringLiteral(".png"));
    window.grab().save(path);
    saved << path;
}

// Demo without a display: census and alarms, then (with --demo-operator) a sign-in and an
// acknowledgement of the top alarm, then every tab and the history; then quit.
void scheduleScreenshots(MainWindow& window, AlarmController& alarms, const WardModels& models, const Site* site, const QString& dir,
                         int delayS, const QString& demoOperator)
{
    QDir().mkpath(dir);
    QTimer::singleShot(delayS * 1000, &window, [&window, dir] {
        QStringList saved;
        window.selectRow(QStringLiteral("census"), 1); // the demo's desaturating patient: her trends below
        grabTab(window, dir, QStringLiteral("census"), QStringLiteral("census-1"), saved);
        grabTab(window, dir, QStringLiteral("alarms"), QStringLiteral("alarms-1"), saved);
        QTextStream(stdout) << "screenshot: " << saved.join(QStringLiteral(", ")) << Qt::endl;
    });
    if (!demoOperator.isEmpty()) {
        QTimer::singleShot(delayS * 1500, &window, [&window, &alarms, &models, site, dir, demoOperator] {
            const QStringList parts = demoOperator.split(u':');
            QObject::connect(&alarms, &AlarmController::signInFinished, &alarms, [&window, &alarms, &models, site, dir](bool ok, const QString& text) {
                QTextStream(stdout) << "demo sign-in: " << text << Qt::endl;
                if (const AlarmState* top = alarms.alarms().at(0); ok && top) {
                    QTextStream(stdout) << "demo acknowledges: " << top->id << " (" << top->condition << ")" << Qt::endl;
                    alarms.acknowledge(top->id);
                }
                // Then admits a patient into the first vacant bed, through the census's dialog.
                if (ok && site && !models.patients.rows().empty()) {
                    int vacant = -1;
                    for (int r = 0; r < models.patients.rowCount() && vacant < 0; ++r)
                        if (models.patients.rowAt(r).vacant())
                            vacant = r;
                    if (vacant < 0)
                        return;
                    auto* admit = new CensusDialog(CensusDialog::Mode::Admit, alarms, models, *site, vacant, &window);
                    admit->idEdit()->setText(QStringLiteral("P101"));
                    admit->nameEdit()->setText(QStringLiteral("Rosa Lindqvist"));
                    if (const int m = admit->monitorBox()->findData(site->spareMonitors.value(0)); m >= 0)
                        admit->monitorBox()->setCurrentIndex(m);
                    admit->show();
                    admit->grab().save(QDir(dir).filePath(QStringLiteral("census-admit.png")));
                    QObject::connect(admit, &QDialog::finished, admit, &QObject::deleteLater);
                    QObject::connect(admit, &QDialog::accepted, &window, [] {
                        QTextStream(stdout) << "demo admits: Rosa Lindqvist (P101)" << Qt::endl;
                    });
                    admit->submit();
                }
            }, Qt::SingleShotConnection);
            alarms.signIn(parts.value(0), parts.value(1));
        });
    }
    QTimer::singleShot(delayS * 2000, &window, [&window, &alarms, &models, site, dir] {
        QStringList saved;
        grabTab(window, dir, QStringLiteral("census"), QStringLiteral("census-2"), saved);
        grabTab(window, dir, QStringLiteral("alarms"), QStringLiteral("alarms-2"), saved);
        // The environment tab with the first fridge's chart.
        const auto& env = models.environment;
        int fridge = -1;
        for (int r = 0; r < env.rowCount() && fridge < 0; ++r)
            if (env.rowAt(r).kind == EnvKind::Fridge)
                fridge = r;
        // The other tabs once the fridge's chart (a query on a worker) is drawn.
        auto rest = [&window, &alarms, &models, site, dir, fridge, saved]() mutable {
            const auto& rows = models.environment;
            for (const char* tab : {"floorplan", "staff", "assets", "environment", "devices"})
                grabTab(window, dir, QLatin1String(tab), QLatin1String(tab), saved);
            auto history = [&window, dir](QStringList shots) {
                QObject::connect(window.history(), &HistoryView::refreshed, &window, [&window, dir, shots]() mutable {
                    const QString path = QDir(dir).filePath(QStringLiteral("history.png"));
                    window.grab().save(path);
                    shots << path;
                    QTextStream(stdout) << "screenshot: " << shots.join(QStringLiteral(", ")) << Qt::endl;
                    QCoreApplication::quit();
                });
                window.showTab(QStringLiteral("history"));
            };
            // The fridge's compliance record of the last hour, from the station database.
            const Fridge* f = fridge >= 0 && site ? site->fridge(rows.rowAt(fridge).id) : nullptr;
            if (!f || alarms.logPath().isEmpty()) {
                history(saved);
                return;
            }
            auto* report = new ColdChainReportDialog(*f, alarms.logPath(), &window);
            QObject::connect(report, &ColdChainReportDialog::loaded, &window, [report, dir, saved, history]() mutable {
                const QString path = QDir(dir).filePath(QStringLiteral("coldchain-report.png"));
                report->grab().save(path);
                saved << path;
                const QString pdf = QDir(dir).filePath(QStringLiteral("coldchain-report.pdf"));
                if (report->savePdf(pdf))
                    saved << pdf;
                report->deleteLater();
                history(saved);
            }, Qt::SingleShotConnection);
            report->show();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            report->setPeriod(now - 3'600'000, now);
        };
        EnvironmentChartView* chart = window.environmentChart();
        if (!chart || fridge < 0) {
            rest();
            return;
        }
        QObject::connect(chart, &EnvironmentChartView::drawn, &window, rest, Qt::SingleShotConnection);
        window.selectRow(QStringLiteral("environment"), fridge);
    });
}

} // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--self-test") == 0 || qstrcmp(argv[i], "--headless") == 0 || qstrcmp(argv[i], "--engine") == 0)
            qputenv("QT_QPA_PLATFORM", "offscreen"); // the self-test needs no display
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("WardWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("wardwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WW_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("wardwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    AppSettings settings;
    if (const QString error = AppSettings::load(parser, app.arguments(), settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (settings.selfTest) {
        QTextStream out(stdout);
        return runSelfTest(out);
    }

    const SiteLoadResult loaded = settings.siteFile.isEmpty() ? SiteLoader::loadDefault() : SiteLoader::loadFile(settings.siteFile);
    if (!loaded.site) {
        const QString text = QObject::tr("The site configuration cannot be loaded:\n%1").arg(loaded.errors.join(u'\n'));
        QTextStream(stderr) << text << Qt::endl;
        if (settings.screenshotDir.isEmpty())
            QMessageBox::critical(nullptr, QObject::tr("WardWatch"), text);
        return 2;
    }
    const Site& site = *loaded.site;
    SystemClock clock;
    StationCore station(site, clock, settings.station);
    if (settings.station.engine) { // a positioning engine: no window, no alarms (docs/operations.md)
        // One line whenever the engines online or this one's share changes (operations and tests).
        QObject::connect(&station.core(), &WardCore::enginesChanged, &app, [&](const QStringList& engines, int owned) {
            QTextStream(stdout) << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("engines")},
                                                             {QStringLiteral("engine"), settings.station.stationId},
                                                             {QStringLiteral("engines"), QJsonArray::fromStringList(engines)},
                                                             {QStringLiteral("ownedTags"), owned}})
                                       .toJson(QJsonDocument::Compact)
                                << Qt::endl;
        });
        station.start();
        const int rc = app.exec();
        station.stop();
        return rc;
    }
    if (settings.headless) {
        AlarmController alarms(site, clock, &station.core(), nullptr);
        alarms.setLogPath(settings.station.alarmLogPath);
        station.core().setGuiHeartbeat(alarms.heartbeat());
        HeadlessStation headless(alarms, station.models().patients, clock);
        station.start();
        const int rc = app.exec();
        station.stop();
        return rc;
    }
    QtAlarmSound sound;
    AlarmController alarms(site, clock, &station.core(), &sound);
    alarms.setLogPath(settings.station.alarmLogPath);
    station.core().setGuiHeartbeat(alarms.heartbeat());
    MainWindow window(site.name, station.models(), station.stats(), &alarms, &site);
    QObject::connect(&station, &StationCore::connectionChanged, &window, &MainWindow::setConnectionState);
    if (settings.station.positionSource == PositionSource::Engines) {
        window.setPositioningEngines({});
        QObject::connect(&station.core(), &WardCore::enginesOnline, &window, &MainWindow::setPositioningEngines);
    }
    window.show();
    station.start();
    if (!settings.screenshotDir.isEmpty())
        scheduleScreenshots(window, alarms, station.models(), &site, settings.screenshotDir, settings.screenshotDelayS, settings.demoOperator);
    const int rc = app.exec();
    station.stop();
    return rc;
}
