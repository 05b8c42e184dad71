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

    // Reads QSettings (migrating older versions), then applies the command line. Returns an error text.
    [[nodiscard]] static QString load(QCommandLineParser& parser, const QStringList& arguments, AppSettings& out);
};

} // namespace ww
