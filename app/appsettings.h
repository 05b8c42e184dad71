#pragma once
// Every setting of the application, with its key and default, in one place. Command-line options
// override the stored values for one run and are never written back.
#include "core/stationcore.h"

#include <QCommandLineParser>
#include <QString>

namespace ww {

struct AppSettings
{
    static constexpr int Version = 1;

    StationOptions station;
    QString siteFile;          // empty: the embedded default ward
    bool selfTest = false;
    bool headless = false;     // no window: JSON lines out, commands in (tests, benchmarks, a second station)
    QString demoOperator;      // screenshot mode: "STAFF:PIN" signs in and acknowledges the top alarm
    QString screenshotDir;     // demo: save screenshots there, then quit
    int screenshotDelayS = 6;  // first screenshot after this, the second as long again later
    bool newLog = false;       // --new-log: start with an empty alarm log where one with rows was before
    QString signingKeyFile;    // this station's signing key (transport/signing.h)
    bool signingKeyGiven = false; // named by --signing-key or the settings: it must exist
    // The window's look (ui/theme.h): "auto" (the desktop's), "light" or "dark"; large type 1.5x.
    QString theme = QStringLiteral("auto");
    bool largeType = false;

    // Reads QSettings (migrating older versions), then applies the command line. Returns an error text.
    [[nodiscard]] static QString load(QCommandLineParser& parser, const QStringList& arguments, AppSettings& out);

    // The alarm log must not vanish between two starts: a log this station had written rows to
    // (remembered in the settings, away from the log's folder) that is now missing or empty is an
    // error, unless --new-log says a new one is meant. Empty when the log may be opened.
    [[nodiscard]] static QString checkAlarmLog(const AppSettings& settings);
    // Remembers how many rows the log holds now (at start, once it was checked, and at exit).
    static void rememberAlarmLog(const AppSettings& settings);
};

} // namespace ww
