#include "app/servers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTranslator>

namespace ww {

std::optional<int> startProgram(QCoreApplication& app, QCommandLineParser& parser, AppSettings& settings)
{
    QCoreApplication::setOrganizationName(QStringLiteral("WardWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("wardwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WW_VERSION));
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("wardwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    if (const QString error = AppSettings::load(parser, app.arguments(), settings); !error.isEmpty()) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    return std::nullopt;
}

bool clearTextOverNetwork(const AppSettings& settings)
{
    const QString host = settings.station.mqtt.host.trimmed().toLower();
    const bool loopback = host == u"localhost" || host.startsWith(u"127.") || host == u"::1";
    return !settings.station.mqtt.tls && !loopback;
}

SiteLoadResult loadSite(const AppSettings& settings)
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
    if (!loaded.site)
        QTextStream(stderr) << QObject::tr("The site configuration cannot be loaded:\n%1").arg(loaded.errors.join(u'\n'))
                            << Qt::endl;
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

int runStation(QCoreApplication& app, StationCore& station)
{
    station.start();
    const int rc = app.exec();
    station.stop();
    // The heartbeat belongs to an object destroyed before the station: the core forgets it first.
    QMetaObject::invokeMethod(&station.core(), [core = &station.core()] { core->setGuiHeartbeat(nullptr); },
                              Qt::BlockingQueuedConnection);
    return rc;
}

} // namespace ww
