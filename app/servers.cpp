#include "app/servers.h"
#include "domain/language.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTranslator>

#include <cerrno>
#include <csignal>
#include <memory>
#include <utility>
#include <sys/socket.h>
#include <unistd.h>

namespace ww {

std::optional<int> startProgram(QCoreApplication& app, QCommandLineParser& parser, AppSettings& settings, bool readsKeyring)
{
    QCoreApplication::setOrganizationName(QStringLiteral("WardWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("wardwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WW_VERSION));
    installLanguage({}); // the system's locale; the station's window switches it at run time
    if (const QString error = AppSettings::load(parser, app.arguments(), settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    setTemperatureUnit(settings.temperatureUnit);
    if (!settings.language.isEmpty() && !installLanguage(settings.language))
        QTextStream(stderr) << QObject::tr("The language \"%1\" of the settings (ui/language) is not one WardWatch ships: "
                                           "English is shown")
                                   .arg(settings.language)
                            << Qt::endl;
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (!readsKeyring && settings.passwordInKeyring) {
        QTextStream(stderr) << QObject::tr("The MQTT password of %1 is in the system keyring (setting mqtt/passwordInKeyring), "
                                           "which only the station with a window reads: give this program --password-file FILE "
                                           "(readable by its account only)")
                                   .arg(StoredSettings::keyringEntryFor(settings.station.mqtt.username, settings.station.mqtt.host))
                            << Qt::endl;
        return 2;
    }
    if (!readsKeyring && settings.passwordInSettings) {
        // Older settings held the password in clear text: it moves into a file of this account's.
        if (const QString error = AppSettings::movePasswordToFile(settings); !error.isEmpty())
            QTextStream(stderr) << QObject::tr("The MQTT password is still in clear text in the settings: %1").arg(error) << Qt::endl;
        else
            QTextStream(stderr) << QObject::tr("The MQTT password moved from the settings into %1 (readable by this account only)")
                                       .arg(AppSettings::defaultPasswordFile())
                                << Qt::endl;
    }
    return std::nullopt;
}

bool clearTextOverNetwork(const AppSettings& settings)
{
    const QString host = settings.station.mqtt.host.trimmed().toLower();
    const bool loopback = host == u"localhost" || host.startsWith(u"127.") || host == u"::1";
    return !settings.station.mqtt.tls && !loopback;
}

QString setUpSigning(const Site& site, AppSettings& settings)
{
    const QString& id = settings.station.stationId;
    const QString& path = settings.signingKeyFile;
    QString error;
    std::optional<SigningKey> key;
    if (QFile::exists(path)) {
        key = SigningKey::load(path, &error);
        if (!key)
            return QObject::tr("Signing key %1").arg(error);
    } else if (settings.signingKeyGiven) {
        return QObject::tr("Signing key %1: no such file (wardctl keygen makes one)").arg(path);
    } else {
        // The first start: the station makes its key where it keeps its data (it seals the alarm
        // log also where the site takes unsigned state).
        QDir().mkpath(QFileInfo(path).absolutePath());
        key = SigningKey::generate();
        if (!key->save(path, &error))
            return QObject::tr("Signing key: cannot be made: %1").arg(error);
        qWarning().noquote() << QStringLiteral("made the signing key %1 of %2").arg(path, id);
    }
    const bool listed = key && site.signingKeys.value(id) == key->publicKey();
    if (!listed && !site.acceptUnsigned) {
        if (!key)
            return QObject::tr("The site file takes only signed state and this station has no signing key.");
        return QObject::tr("This station (%1) may not act on the site: its public key is not in the site file's "
                           "signing.keys, so every other station would refuse its acknowledgements. Add\n"
                           "    \"%1\": \"%2\"\n"
                           "to signing.keys in %3 on every station (the key file is %4).")
            .arg(id, key->publicKeyBase64(), site.sourceFile, path);
    }
    if (key)
        settings.station.sealKey = std::make_shared<const SigningKey>(*key);
    if (listed)
        settings.station.signer = std::make_shared<MessageSigner>(id, *key);
    else
        qWarning().noquote() << QStringLiteral("%1 publishes its state unsigned (the site accepts unsigned state%2)")
                                    .arg(id, key ? QStringLiteral("; its key is not in signing.keys") : QString());
    return {};
}

SiteLoadResult loadSite(AppSettings& settings)
{
    SiteLoadResult loaded = settings.siteFile.isEmpty() ? SiteLoader::loadDefault() : SiteLoader::loadFile(settings.siteFile);
    // Never the password and the acknowledgements in clear text across the network, unless the
    // site says so on purpose (a migration).
    if (loaded.site && clearTextOverNetwork(settings) && !loaded.site->allowClearText) {
        loaded.errors = {QObject::tr("The broker %1 would be reached without TLS: the password and every acknowledgement would "
                                     "cross the network in clear text. Use --tls (with --ca), or set network.allowClearText "
                                     "in the site file for a migration.")
                             .arg(settings.station.mqtt.host)};
        loaded.site.reset();
        QTextStream(stderr) << loaded.errors.front() << Qt::endl;
        return loaded;
    }
    if (!loaded.site) {
        QTextStream(stderr) << QObject::tr("The site configuration cannot be loaded:\n%1").arg(loaded.errors.join(u'\n'))
                            << Qt::endl;
        return loaded;
    }
    if (const QString error = setUpSigning(*loaded.site, settings); !error.isEmpty()) {
        loaded.errors = {error};
        loaded.site.reset();
        QTextStream(stderr) << error << Qt::endl;
    }
    return loaded;
}

int runEngine(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    AppSettings settings;
    if (const auto rc = startProgram(app, parser, settings))
        return *rc;
    settings.station.engine = true;
    const SiteLoadResult loaded = loadSite(settings);
    if (!loaded.site)
        return 2;
    SystemClock clock;
    StationCore station(*loaded.site, clock, settings.station);
    // One line whenever the engines online or this one's share changes (operations and tests).
    QObject::connect(&station.core(), &WardCore::enginesChanged, &app, [&](const QStringList& engines, int owned) {
        QTextStream(stdout) << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("engines")},
                                                         {QStringLiteral("engine"), settings.station.stationId},
                                                         {QStringLiteral("engines"), QJsonArray::fromStringList(engines)},
                                                         {QStringLiteral("ownedTags"), owned}})
                                   .toJson(QJsonDocument::Compact)
                            << Qt::endl;
    });
    return runStation(app, station);
}

namespace {

// SIGTERM (systemd's stop) and SIGINT end the event loop as a clean quit does, so the station says
// it goes offline and the core saves what it keeps (the positioning memory): the handler only
// writes a byte to a socket the event loop watches. The first signal asks to quit; from then on
// the default action is back, so a second one ends a shutdown that hangs.
int quitSignalSocket[2] = {-1, -1};

void onQuitSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(quitSignalSocket[1], &byte, 1);
    errno = saved;
}

class QuitOnSignals
{
public:
    explicit QuitOnSignals(QCoreApplication& app)
    {
        if (quitSignalSocket[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, quitSignalSocket) != 0)
            return;
        char byte = 0;
        while (::read(quitSignalSocket[0], &byte, 1) > 0) // a signal of an earlier run
            ;
        m_notifier = std::make_unique<QSocketNotifier>(quitSignalSocket[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, &app, [this] {
            char b = 0;
            while (::read(quitSignalSocket[0], &b, 1) > 0)
                ;
            restore();
            QCoreApplication::quit();
        });
        struct sigaction action = {};
        action.sa_handler = onQuitSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        m_installed = ::sigaction(SIGTERM, &action, &m_oldTerm) == 0 && ::sigaction(SIGINT, &action, &m_oldInt) == 0;
    }
    ~QuitOnSignals() { restore(); }
    QuitOnSignals(const QuitOnSignals&) = delete;
    QuitOnSignals& operator=(const QuitOnSignals&) = delete;

private:
    void restore()
    {
        if (!std::exchange(m_installed, false))
            return;
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        ::sigaction(SIGINT, &m_oldInt, nullptr);
    }
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldTerm = {}, m_oldInt = {};
    bool m_installed = false;
};

} // namespace

int runStation(QCoreApplication& app, StationCore& station)
{
    QuitOnSignals quitOnSignals(app);
    station.start();
    const int rc = app.exec();
    station.stop();
    // The heartbeat belongs to an object destroyed before the station: the core forgets it first.
    QMetaObject::invokeMethod(&station.core(), [core = &station.core()] { core->setGuiHeartbeat(nullptr); },
                              Qt::BlockingQueuedConnection);
    return rc;
}

} // namespace ww
