// Composition root of the station with a window: settings, site, station core, item models, main
// window. The programs without a window (--engine, --headless) run app/servers.h's functions,
// which create no QApplication.
#include "app/demo.h"
#include "app/selftest.h"
#include "app/servers.h"
#include "core/stationcore.h"
#include "ui/mainwindow.h"
#include "ui/qtalarmsound.h"

#include <QApplication>
#include <QMessageBox>

using namespace ww;

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--engine") == 0)
            return runEngine(argc, argv);
        if (qstrcmp(argv[i], "--headless") == 0)
            return runHeadless(argc, argv);
        if (qstrcmp(argv[i], "--self-test") == 0)
            qputenv("QT_QPA_PLATFORM", "offscreen"); // the self-test needs no display
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    AppSettings settings;
    if (const auto rc = startProgram(app, parser, settings))
        return *rc;
    if (settings.selfTest) {
        QTextStream out(stdout);
        return runSelfTest(out);
    }
    const SiteLoadResult loaded = loadSite(settings);
    if (!loaded.site) {
        if (settings.screenshotDir.isEmpty())
            QMessageBox::critical(nullptr, QObject::tr("WardWatch"),
                                  QObject::tr("The site configuration cannot be loaded:\n%1").arg(loaded.errors.join(u'\n')));
        return 2;
    }
    const Site& site = *loaded.site;
    SystemClock clock;
    StationCore station(site, clock, settings.station);
    WardModels models(site);
    QObject::connect(&station.core(), &WardCore::updatesReady, &models, &WardModels::apply);
    QtAlarmSound sound;
    AlarmController alarms(site, clock, &station.core(), &sound);
    alarms.setLogPath(settings.station.alarmLogPath);
    station.core().setGuiHeartbeat(alarms.heartbeat());
    MainWindow window(site.name, models, station.stats(), &alarms, &site);
    QObject::connect(&station, &StationCore::connectionChanged, &window, &MainWindow::setConnectionState);
    if (settings.station.positionSource == PositionSource::Engines) {
        window.setPositioningEngines({});
        QObject::connect(&station.core(), &WardCore::enginesOnline, &window, &MainWindow::setPositioningEngines);
    }
    window.show();
    if (!settings.screenshotDir.isEmpty())
        scheduleScreenshots(window, alarms, models, &site, settings.screenshotDir, settings.screenshotDelayS, settings.demoOperator);
    return runStation(app, station);
}
