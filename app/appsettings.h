#pragma once
// Every setting of the application, with its key and default, in one place. Command-line options
// override the stored values for one run and are never written back.
#include "core/stationcore.h"
#include "domain/units.h"

#include <QCommandLineParser>
#include <QString>

namespace ww {

// What a person edits in the settings dialog (ui/settingsdialog.h), as the settings store it. The
// password is never a settings key: it lives in the system keyring (passwordInKeyring, the entry
// keyringEntry()) or in a file readable by this account only (passwordFile).
struct StoredSettings
{
    QString host;            // empty: not configured (the first-run page)
    int port = 1883;
    bool tls = false;
    QString caFile, certFile, keyFile;
    QString username;
    bool passwordInKeyring = false;
    QString passwordFile;
    int protocolVersion = 5; // 5, or 4 for MQTT 3.1.1
    QString siteFile;        // empty: the embedded default ward
    QString stationId = QStringLiteral("station-1");
    QString language;        // "" (the system's), "en", "de", "zh_CN"
    QString temperatureUnit = QStringLiteral("C"); // "C" or "F"
    QString theme = QStringLiteral("auto");         // "auto", "light", "dark"
    bool largeType = false;

    // The keyring entry of the broker's password: "user@host" (service keyringService).
    [[nodiscard]] QString keyringEntry() const { return keyringEntryFor(username, host); }
    [[nodiscard]] static QString keyringEntryFor(const QString& user, const QString& host)
    {
        return user + u'@' + host;
    }
    static constexpr auto keyringService = "WardWatch";

    [[nodiscard]] static StoredSettings read();
    void write() const; // also sets the settings version and removes any clear-text password
};

struct AppSettings
{
    // 2: the password never in clear text (mqtt/password moves to the keyring or a password file).
    static constexpr int Version = 2;

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
    // Nothing names a broker: no host in the settings, and none of --host, --port, --site on the
    // command line. The window then shows what to do instead of empty tables.
    bool firstRun = false;
    QString language; // ui/language: "" (the system's), "en", "de", "zh_CN"
    // ui/temperatureUnit: how temperatures are shown ("C" or "F"; anything else stops the start).
    // Records, exports and the wire stay in °C.
    TemperatureUnit temperatureUnit = TemperatureUnit::Celsius;
    // The MQTT password is to be read from the system keyring (entry user@host), which only the
    // station with a window does (app/main.cpp); a --password-file given wins.
    bool passwordInKeyring = false;
    // Settings of an older version held the password in clear text (mqtt/password): it is in
    // station.mqtt.password for this run and must move (passwordMovedToKeyring, movePasswordToFile).
    bool passwordInSettings = false;

    // Reads QSettings (migrating older versions), then applies the command line. Returns an error text.
    [[nodiscard]] static QString load(QCommandLineParser& parser, const QStringList& arguments, AppSettings& out);

    // View > Language: the language chosen there is the one of the next start too (ui/language;
    // "" the system's).
    static void rememberLanguage(const QString& code);

    // The alarm log must not vanish between two starts: a log this station had written rows to
    // (remembered in the settings, away from the log's folder) that is now missing or empty is an
    // error, unless --new-log says a new one is meant. Empty when the log may be opened.
    [[nodiscard]] static QString checkAlarmLog(const AppSettings& settings);
    // Remembers how many rows the log holds now (at start, once it was checked, and at exit).
    static void rememberAlarmLog(const AppSettings& settings);

    // Moving a clear-text password out of the settings: into the keyring (the caller stored it
    // there), or into defaultPasswordFile() (returns an error text). Both remove mqtt/password.
    static void passwordMovedToKeyring(AppSettings& settings);
    [[nodiscard]] static QString movePasswordToFile(AppSettings& settings);
    // Where the settings dialog and the migration keep a password when there is no keyring.
    [[nodiscard]] static QString defaultPasswordFile();
    // Writes the password as the file's only line, readable and writable by this account only
    // (0600; its folder is made 0700). Returns an error text naming the file.
    [[nodiscard]] static QString writePasswordFile(const QString& path, const QString& password);
};

} // namespace ww
