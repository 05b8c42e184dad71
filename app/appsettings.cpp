#include "app/appsettings.h"
#include "records/alarmlog.h"

#include <QDebug>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace ww {

namespace key {
constexpr auto Version = "settingsVersion";
constexpr auto Host = "mqtt/host";
constexpr auto Port = "mqtt/port";
constexpr auto Tls = "mqtt/tls";
constexpr auto CaFile = "mqtt/caFile";
constexpr auto CertFile = "mqtt/certFile";
constexpr auto KeyFile = "mqtt/keyFile";
constexpr auto Username = "mqtt/username";
constexpr auto Password = "mqtt/password"; // version 1: the secret in clear text, read and then moved out
constexpr auto PasswordFile = "mqtt/passwordFile";
constexpr auto PasswordInKeyring = "mqtt/passwordInKeyring"; // the password is in the system keyring
constexpr auto ClientId = "mqtt/clientId";
constexpr auto Protocol = "mqtt/protocolVersion";
constexpr auto StationId = "station/id";
constexpr auto SiteFile = "site/file";
constexpr auto MokoFilter = "ingest/mokoTopicFilter";
constexpr auto AlarmLog = "alarms/logFile";
constexpr auto PositionSource = "positioning/source";
constexpr auto SigningKey = "station/signingKey";
constexpr auto Language = "ui/language";
constexpr auto TemperatureUnit = "ui/temperatureUnit";
constexpr auto Theme = "ui/theme";
constexpr auto LargeType = "ui/largeType";
} // namespace key

StoredSettings StoredSettings::read()
{
    const QSettings s;
    StoredSettings out;
    auto text = [&s](const char* k, const QString& fallback = {}) { return s.value(QLatin1String(k), fallback).toString(); };
    out.host = text(key::Host);
    out.port = s.value(QLatin1String(key::Port), out.port).toInt();
    out.tls = s.value(QLatin1String(key::Tls), false).toBool();
    out.caFile = text(key::CaFile);
    out.certFile = text(key::CertFile);
    out.keyFile = text(key::KeyFile);
    out.username = text(key::Username);
    out.passwordInKeyring = s.value(QLatin1String(key::PasswordInKeyring), false).toBool();
    out.passwordFile = text(key::PasswordFile);
    out.protocolVersion = s.value(QLatin1String(key::Protocol), out.protocolVersion).toInt();
    out.siteFile = text(key::SiteFile);
    out.stationId = text(key::StationId, out.stationId);
    out.language = text(key::Language);
    out.temperatureUnit = text(key::TemperatureUnit, out.temperatureUnit);
    out.theme = text(key::Theme, out.theme);
    out.largeType = s.value(QLatin1String(key::LargeType), false).toBool();
    return out;
}

void StoredSettings::write() const
{
    QSettings s;
    auto text = [&s](const char* k, const QString& value) {
        if (value.isEmpty())
            s.remove(QLatin1String(k));
        else
            s.setValue(QLatin1String(k), value);
    };
    s.setValue(QLatin1String(key::Version), AppSettings::Version);
    text(key::Host, host);
    s.setValue(QLatin1String(key::Port), port);
    s.setValue(QLatin1String(key::Tls), tls);
    text(key::CaFile, caFile);
    text(key::CertFile, certFile);
    text(key::KeyFile, keyFile);
    text(key::Username, username);
    s.setValue(QLatin1String(key::PasswordInKeyring), passwordInKeyring);
    text(key::PasswordFile, passwordInKeyring ? QString() : passwordFile);
    s.remove(QLatin1String(key::Password));
    s.setValue(QLatin1String(key::Protocol), protocolVersion);
    text(key::SiteFile, siteFile);
    s.setValue(QLatin1String(key::StationId), stationId);
    s.setValue(QLatin1String(key::Language), language);
    s.setValue(QLatin1String(key::TemperatureUnit), temperatureUnit);
    s.setValue(QLatin1String(key::Theme), theme);
    s.setValue(QLatin1String(key::LargeType), largeType);
}

QString AppSettings::load(QCommandLineParser& parser, const QStringList& arguments, AppSettings& out)
{
    const QCommandLineOption host(QStringLiteral("host"), QObject::tr("MQTT broker host."), QStringLiteral("host"));
    const QCommandLineOption port(QStringLiteral("port"), QObject::tr("MQTT broker port."), QStringLiteral("port"));
    const QCommandLineOption tls(QStringLiteral("tls"), QObject::tr("Connect with TLS."));
    const QCommandLineOption ca(QStringLiteral("ca"), QObject::tr("CA certificate file (PEM)."), QStringLiteral("file"));
    const QCommandLineOption cert(QStringLiteral("cert"), QObject::tr("Client certificate (PEM)."), QStringLiteral("file"));
    const QCommandLineOption keyOpt(QStringLiteral("key"), QObject::tr("Client private key (PEM)."), QStringLiteral("file"));
    const QCommandLineOption user(QStringLiteral("username"), QObject::tr("MQTT user name."), QStringLiteral("name"));
    // The password never on the command line (every user sees it in the process list): a file
    // readable by this account only, or the settings.
    const QCommandLineOption password(QStringLiteral("password"), QObject::tr("Refused: use --password-file."), QStringLiteral("password"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                          QObject::tr("File holding the MQTT password (first line; readable by this account only)."),
                                          QStringLiteral("file"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QObject::tr("MQTT client id."), QStringLiteral("id"));
    const QCommandLineOption mqtt311(QStringLiteral("mqtt311"), QObject::tr("Use MQTT 3.1.1 instead of MQTT 5."));
    const QCommandLineOption station(QStringLiteral("station-id"), QObject::tr("This station's id."), QStringLiteral("id"));
    const QCommandLineOption site(QStringLiteral("site"), QObject::tr("Site configuration file (JSON)."), QStringLiteral("file"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"), QObject::tr("Check the installation without broker or display, then exit."));
    const QCommandLineOption shots(QStringLiteral("screenshots"), QObject::tr("Save two screenshots into this folder, then exit."),
                                   QStringLiteral("dir"));
    const QCommandLineOption shotDelay(QStringLiteral("screenshot-delay"), QObject::tr("Seconds before the first screenshot."),
                                       QStringLiteral("s"), QStringLiteral("6"));
    const QCommandLineOption alarmLog(QStringLiteral("alarm-log"), QObject::tr("Alarm log file (SQLite)."), QStringLiteral("file"));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QObject::tr("Run the station without a window: alarm changes as JSON lines on stdout, "
                                                  "commands (signin STAFF PIN, ack ALARM, quit) on stdin."));
    const QCommandLineOption engine(QStringLiteral("engine"),
                                    QObject::tr("Run as a positioning engine (no window, no alarms): locate the tags this "
                                                "engine owns among the engines online and publish their positions; "
                                                "--station-id names the engine."));
    const QCommandLineOption positionSource(QStringLiteral("position-source"),
                                            QObject::tr("Where this station's locations come from: own (computed here) "
                                                        "or engines (the site's positioning engines)."),
                                            QStringLiteral("own|engines"));
    const QCommandLineOption newLog(QStringLiteral("new-log"),
                                    QObject::tr("Start with an empty alarm log even though this station's log held rows before."));
    const QCommandLineOption signingKey(QStringLiteral("signing-key"),
                                        QObject::tr("This station's signing key (made by wardctl keygen; readable by this "
                                                    "account only). Default: signing-STATION.key in the data folder, made at "
                                                    "the first start."),
                                        QStringLiteral("file"));
    const QCommandLineOption demoOperator(QStringLiteral("demo-operator"),
                                          QObject::tr("Screenshot mode: sign in as STAFF:PIN and acknowledge the top alarm."),
                                          QStringLiteral("staff:pin"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QObject::tr("Colours of the window: auto (the desktop's), light or dark."),
                                   QStringLiteral("auto|light|dark"));
    const QCommandLineOption largeType(QStringLiteral("large-type"), QObject::tr("Every text one and a half times as large."));
    const QCommandLineOption positioningMemory(
        QStringLiteral("positioning-memory"),
        QObject::tr("What the positioning learnt, kept across a restart (JSON; \"none\": nothing kept). Default: "
                    "positioning-STATION.json beside the alarm log (an engine: in the data folder)."),
        QStringLiteral("file"));
    parser.setApplicationDescription(QObject::tr("WardWatch: ward nurse-station and facilities dashboard. A secondary alarm "
                                                 "notification system; it never replaces the bedside monitors' alarms."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({host, port, tls, ca, cert, keyOpt, user, password, passwordFile, clientId, mqtt311, station, site, selfTest, shots,
                       shotDelay, alarmLog, headless, engine, positionSource, demoOperator, newLog, signingKey});
    parser.addOptions({theme, largeType, positioningMemory});
    if (!parser.parse(arguments))
        return parser.errorText();

    QSettings s;
    const int version = s.value(QLatin1String(key::Version), Version).toInt();
    if (version > Version)
        return QObject::tr("The stored settings are from a newer WardWatch (version %1).").arg(version);
    // Migrations from older versions, one step per version. 1 -> 2: a clear-text mqtt/password is
    // read below (passwordInSettings) and moved by the program, which knows whether it reads the
    // keyring (startProgram, app/main.cpp).

    MqttSettings& m = out.station.mqtt;
    m.host = parser.isSet(host) ? parser.value(host) : s.value(QLatin1String(key::Host), m.host).toString();
    bool ok = true;
    m.port = parser.isSet(port) ? parser.value(port).toInt(&ok) : s.value(QLatin1String(key::Port), m.port).toInt();
    if (!ok || m.port <= 0 || m.port > 65535)
        return QObject::tr("--port: \"%1\" is not a port number").arg(parser.value(port));
    m.tls = parser.isSet(tls) || s.value(QLatin1String(key::Tls), false).toBool();
    m.caFile = parser.isSet(ca) ? parser.value(ca) : s.value(QLatin1String(key::CaFile)).toString();
    m.certFile = parser.isSet(cert) ? parser.value(cert) : s.value(QLatin1String(key::CertFile)).toString();
    m.keyFile = parser.isSet(keyOpt) ? parser.value(keyOpt) : s.value(QLatin1String(key::KeyFile)).toString();
    m.username = parser.isSet(user) ? parser.value(user) : s.value(QLatin1String(key::Username)).toString();
    if (parser.isSet(password))
        return QObject::tr("--password would show the password to every user of this computer (in the process list): "
                           "put it in a file readable only by this account and use --password-file FILE");
    const bool keyring = s.value(QLatin1String(key::PasswordInKeyring), false).toBool();
    const QString secretFile = parser.isSet(passwordFile) ? parser.value(passwordFile)
                               : keyring               ? QString()
                                                       : s.value(QLatin1String(key::PasswordFile)).toString();
    if (!secretFile.isEmpty()) {
        QFile f(secretFile);
        if (!f.open(QIODevice::ReadOnly))
            return QObject::tr("--password-file %1: cannot be read (%2)").arg(secretFile, f.errorString());
        if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return QObject::tr("--password-file %1: readable by other users; chmod 600 it").arg(secretFile);
        m.password = QString::fromUtf8(f.readLine()).trimmed();
        if (m.password.isEmpty())
            return QObject::tr("--password-file %1: the first line is empty").arg(secretFile);
    } else if (s.contains(QLatin1String(key::Password))) {
        m.password = s.value(QLatin1String(key::Password)).toString();
        out.passwordInSettings = true;
    } else {
        out.passwordInKeyring = !m.username.isEmpty() && s.value(QLatin1String(key::PasswordInKeyring), false).toBool();
    }
    m.clientId = parser.isSet(clientId) ? parser.value(clientId) : s.value(QLatin1String(key::ClientId)).toString();
    m.protocolVersion = parser.isSet(mqtt311) ? 4 : s.value(QLatin1String(key::Protocol), 5).toInt();
    out.station.stationId = parser.isSet(station) ? parser.value(station)
                                                  : s.value(QLatin1String(key::StationId), out.station.stationId).toString();
    out.station.ingest.mokoFilter = s.value(QLatin1String(key::MokoFilter), out.station.ingest.mokoFilter).toString();
    out.siteFile = parser.isSet(site) ? parser.value(site) : s.value(QLatin1String(key::SiteFile)).toString();
    out.selfTest = parser.isSet(selfTest);
    out.headless = parser.isSet(headless);
    out.station.engine = parser.isSet(engine);
    const QString source = parser.isSet(positionSource) ? parser.value(positionSource)
                                                        : s.value(QLatin1String(key::PositionSource), QStringLiteral("own")).toString();
    if (source != u"own" && source != u"engines")
        return QObject::tr("positioning source \"%1\" is neither \"own\" nor \"engines\"").arg(source);
    out.station.positionSource = source == u"engines" ? PositionSource::Engines : PositionSource::Own;
    out.demoOperator = parser.value(demoOperator);
    out.station.alarmLogPath = parser.isSet(alarmLog)
                                   ? parser.value(alarmLog)
                                   : s.value(QLatin1String(key::AlarmLog),
                                             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                                 QStringLiteral("/alarm-log-") + out.station.stationId + QStringLiteral(".sqlite"))
                                         .toString();
    // Beside the alarm log: a station run on a log of its own (a test, a second station on one
    // machine) keeps its own memory. None beside an alarm log kept in memory only.
    if (parser.isSet(positioningMemory))
        out.station.positioningMemoryPath = parser.value(positioningMemory) == u"none" ? QString() : parser.value(positioningMemory);
    else if (out.station.engine)
        out.station.positioningMemoryPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                            QStringLiteral("/positioning-") + out.station.stationId + QStringLiteral(".json");
    else if (!out.station.alarmLogPath.startsWith(u':'))
        out.station.positioningMemoryPath = QFileInfo(out.station.alarmLogPath).absolutePath() + QStringLiteral("/positioning-") +
                                            out.station.stationId + QStringLiteral(".json");
    out.newLog = parser.isSet(newLog);
    out.signingKeyGiven = parser.isSet(signingKey) || s.contains(QLatin1String(key::SigningKey));
    out.signingKeyFile = parser.isSet(signingKey)
                             ? parser.value(signingKey)
                             : s.value(QLatin1String(key::SigningKey),
                                       QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                           QStringLiteral("/signing-") + out.station.stationId + QStringLiteral(".key"))
                                   .toString();
    out.theme = (parser.isSet(theme) ? parser.value(theme) : s.value(QLatin1String(key::Theme), out.theme).toString()).trimmed().toLower();
    if (out.theme != u"auto" && out.theme != u"light" && out.theme != u"dark")
        return parser.isSet(theme) ? QObject::tr("--theme: \"%1\" is none of auto, light, dark").arg(parser.value(theme))
                                   : QObject::tr("setting %1: \"%2\" is none of auto, light, dark").arg(QLatin1String(key::Theme), out.theme);
    out.largeType = parser.isSet(largeType) || s.value(QLatin1String(key::LargeType), false).toBool();
    out.language = s.value(QLatin1String(key::Language)).toString();
    const QString unit = s.value(QLatin1String(key::TemperatureUnit), QStringLiteral("C")).toString();
    if (const auto parsed = parseTemperatureUnit(unit))
        out.temperatureUnit = *parsed;
    else
        return QObject::tr("setting %1: \"%2\" is neither C (degrees Celsius) nor F (degrees Fahrenheit)")
            .arg(QLatin1String(key::TemperatureUnit), unit);
    out.firstRun = !parser.isSet(host) && !parser.isSet(port) && !parser.isSet(site) && !s.contains(QLatin1String(key::Host));
    out.screenshotDir = parser.value(shots);
    out.screenshotDelayS = parser.value(shotDelay).toInt(&ok);
    if (!ok || out.screenshotDelayS < 1)
        return QObject::tr("--screenshot-delay: \"%1\" is not a number of seconds").arg(parser.value(shotDelay));
    return {};
}

void AppSettings::rememberLanguage(const QString& code)
{
    QSettings().setValue(QLatin1String(key::Language), code);
}

namespace {
constexpr auto KnownLogs = "alarms/knownLogRows"; // log file -> rows it held when last seen
}

QString AppSettings::checkAlarmLog(const AppSettings& settings)
{
    const QString path = settings.station.alarmLogPath;
    if (path.isEmpty() || settings.station.engine)
        return {};
    const qint64 known = QSettings().value(QLatin1String(KnownLogs)).toMap().value(path).toLongLong();
    const qint64 now = AlarmLog::rowCount(path);
    if (known <= 0 || now >= known)
        return {};
    // Fewer rows than it had: rows cut off, or an older copy put in its place (whose seal is genuine).
    const QString what = now < 0 ? QObject::tr("is missing") : now == 0 ? QObject::tr("is empty") : QObject::tr("holds %1 rows").arg(now);
    if (settings.newLog) {
        qWarning().noquote() << QStringLiteral("alarm log %1 %2 though it held %3 rows: starting a new one (--new-log)")
                                    .arg(path, what).arg(known);
        return {};
    }
    return QObject::tr("The alarm log %1 %2, but this station had written %3 rows to it. Nothing is started on an "
                       "empty or shortened log without a word: restore the file from its backup, or start with --new-log "
                       "to go on with this file on purpose.")
        .arg(path, what)
        .arg(known);
}

void AppSettings::rememberAlarmLog(const AppSettings& settings)
{
    const QString path = settings.station.alarmLogPath;
    if (path.isEmpty() || settings.station.engine)
        return;
    const qint64 rows = AlarmLog::rowCount(path);
    if (rows <= 0)
        return;
    QSettings s;
    QVariantMap known = s.value(QLatin1String(KnownLogs)).toMap();
    known.insert(path, rows);
    s.setValue(QLatin1String(KnownLogs), known);
}

QString AppSettings::defaultPasswordFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/mqtt-password");
}

QString AppSettings::writePasswordFile(const QString& path, const QString& password)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return QObject::tr("Password file %1: its folder cannot be made").arg(path);
    if (info.absolutePath() == QFileInfo(defaultPasswordFile()).absolutePath())
        QFile::setPermissions(info.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile f(path);
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // An existing file is closed to others before the secret goes in; a new one is made 0600.
    if (f.exists() && !f.setPermissions(ownerOnly))
        return QObject::tr("Password file %1: cannot make it readable by this account only (%2)").arg(path, f.errorString());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly))
        return QObject::tr("Password file %1: cannot be written (%2)").arg(path, f.errorString());
    if (f.write(password.toUtf8() + '\n') < 0 || !f.flush())
        return QObject::tr("Password file %1: cannot be written (%2)").arg(path, f.errorString());
    f.close();
    if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return QObject::tr("Password file %1: still open to other users").arg(path);
    return {};
}

void AppSettings::passwordMovedToKeyring(AppSettings& settings)
{
    QSettings s;
    s.setValue(QLatin1String(key::PasswordInKeyring), true);
    s.remove(QLatin1String(key::PasswordFile));
    s.remove(QLatin1String(key::Password));
    s.setValue(QLatin1String(key::Version), Version);
    settings.passwordInSettings = false;
}

QString AppSettings::movePasswordToFile(AppSettings& settings)
{
    const QString path = defaultPasswordFile();
    if (const QString error = writePasswordFile(path, settings.station.mqtt.password); !error.isEmpty())
        return error;
    QSettings s;
    s.setValue(QLatin1String(key::PasswordFile), path);
    s.setValue(QLatin1String(key::PasswordInKeyring), false);
    s.remove(QLatin1String(key::Password));
    s.setValue(QLatin1String(key::Version), Version);
    settings.passwordInSettings = false;
    return {};
}

} // namespace ww
