// Composition root of the station with a window: settings, site, station core, item models, main
// window. The programs without a window (--engine, --headless) run app/servers.h's functions,
// which create no QApplication.
#include "app/demo.h"
#include "app/selftest.h"
#include "app/servers.h"
#include "core/stationcore.h"
#include "models/stationviews.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/passwordkeyring.h"
#include "ui/qtalarmsound.h"
#include "ui/theme.h"

#include <QApplication>
#include <QMessageBox>
#include <algorithm>

using namespace ww;

int main(int argc, char** argv)
{
    // The self-test wins over --engine, which wins over --headless.
    auto given = [&](const char* option) { return std::any_of(argv + 1, argv + argc, [&](const char* a) { return qstrcmp(a, option) == 0; }); };
    if (given("--help") || given("-h") || given("-?") || given("--help-all") || given("--version") || given("-v")) {
        // Read before any window system is needed: an installer asks on a machine without a display.
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        AppSettings settings;
        return startProgram(app, parser, settings).value_or(0);
    }
    if (given("--self-test"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the self-test needs no display
    else if (given("--engine"))
        return runEngine(argc, argv);
    else if (given("--headless"))
        return runHeadless(argc, argv);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    AppSettings settings;
    if (const auto rc = startProgram(app, parser, settings, /*readsKeyring=*/true))
        return *rc;
    if (settings.selfTest) {
        QTextStream out(stdout);
        return runSelfTest(out, settings.siteFile);
    }
    // The look before the first window (settings or --theme, --large-type; checked by AppSettings).
    applyAppearance({.theme = parseTheme(settings.theme).value_or(ThemeChoice::Auto), .largeType = settings.largeType});
    // The MQTT password from the keyring before the window opens; one that cannot be read is said,
    // and the station starts without it (the broker then refuses it, which the status bar shows).
    if (const QString error = takePasswordAtStart(settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        if (settings.screenshotDir.isEmpty())
            QMessageBox::warning(nullptr, QObject::tr("WardWatch"), error);
    }
    const SiteLoadResult loaded = loadSite(settings);
    if (!loaded.site) {
        if (settings.screenshotDir.isEmpty())
            QMessageBox::critical(nullptr, QObject::tr("WardWatch"),
                                  QObject::tr("WardWatch cannot start:\n%1").arg(loaded.errors.join(u'\n')));
        return 2;
    }
    if (const QString error = AppSettings::checkAlarmLog(settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        if (settings.screenshotDir.isEmpty())
            QMessageBox::critical(nullptr, QObject::tr("WardWatch"), error);
        return 2;
    }
    const Site& site = *loaded.site;
    SystemClock clock;
    StationCore station(site, clock, settings.station);
    QtAlarmSound sound;
    StationViews views(site, clock, station.core(), &sound, settings.station.alarmLogPath);
    WardModels& models = views.models;
    AlarmController& alarms = views.alarms;
    MainWindow window(site.name, models, station.stats(), &alarms, &site);
    QObject::connect(&station, &StationCore::connectionChanged, &window, &MainWindow::setConnectionState);
    // File > Settings: a language saved there applies at once (appearanceChanged: the theme, ui/theme.h).
    QObject::connect(&window, &MainWindow::languageChanged, &window, [](const QString& code) { switchLanguage(code); });
    QObject::connect(&window, &MainWindow::appearanceChanged, &window, [](const QString& theme, bool largeType) {
        applyAppearance({.theme = parseTheme(theme).value_or(ThemeChoice::Auto), .largeType = largeType});
    });
    if (settings.station.positionSource == PositionSource::Engines) {
        window.setPositioningEngines({});
        QObject::connect(&station.core(), &WardCore::enginesOnline, &window, &MainWindow::setPositioningEngines);
    }
    if (clearTextOverNetwork(settings))
        window.setClearText(settings.station.mqtt.host); // allowed by the site: said, in red, all the time
    if (site.acceptUnsigned)
        window.setUnsignedAccepted();
    // Nothing names a broker: what to do, instead of empty tables.
    window.setFirstRun(settings.firstRun);
    window.show();
    if (!settings.screenshotDir.isEmpty())
        scheduleScreenshots(window, alarms, models, &site, settings.screenshotDir, settings.screenshotDelayS, settings.demoOperator);
    AppSettings::rememberAlarmLog(settings);
    const int rc = runStation(app, station);
    AppSettings::rememberAlarmLog(settings);
    return rc;
}
