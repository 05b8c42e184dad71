// wardsim: publishes a simulated ward's device traffic, with ground truth, to an MQTT broker.
#include "domain/site.h"
#include "transport/mqttclient.h"
#include "climatehistory.h"
#include "deviceanswers.h"
#include "wardsimulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>
#include <csignal>

using namespace ww;

namespace {
volatile std::sig_atomic_t g_stop = 0;
void onSignal(int)
{
    g_stop = 1;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardsim"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Simulated ward devices publishing wire contract v1, with ground truth "
                                               "on ww/v1/{site}/truth/..."));
    p.addHelpOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Broker host."), QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Broker port."), QStringLiteral("port"), QStringLiteral("1883"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("Site file (default: the embedded ward)."), QStringLiteral("file"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Simulated seconds to run (0: until stopped)."),
                                      QStringLiteral("s"), QStringLiteral("0"));
    const QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("Simulated seconds per real second (0: as fast as possible)."),
                                   QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption extra(QStringLiteral("extra-tags"), QStringLiteral("Asset tags beyond the site's, for load."),
                                   QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption vitals(QStringLiteral("vitals-dir"), QStringLiteral("PhysioNet 2012 records to replay."),
                                    QStringLiteral("dir"), QStringLiteral("../shared/data/vitals/physionet2012-subset/set-a"));
    const QCommandLineOption synthetic(QStringLiteral("synthetic-vitals"), QStringLiteral("Generate vitals instead of replaying records."));
    const QCommandLineOption replay(QStringLiteral("replay-speed"), QStringLiteral("Record minutes per simulated minute."),
                                    QStringLiteral("x"), QStringLiteral("60"));
    const QCommandLineOption events(QStringLiteral("event-rate"), QStringLiteral("Multiplier of panic, fall, excursion and silence rates."),
                                    QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption truth(QStringLiteral("truth-out"), QStringLiteral("Write the last values sent and the true rooms here at exit."),
                                   QStringLiteral("file"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("\"demo\": scripted panic, fall, desaturation, fridge excursion and a silent wristband."),
                                      QStringLiteral("name"));
    const QCommandLineOption history(QStringLiteral("climate-history"),
                                     QStringLiteral("Write past days of room climate into this climate record, then exit (tools/wardsim/climatehistory.h)."),
                                     QStringLiteral("file"));
    const QCommandLineOption historyDays(QStringLiteral("history-days"), QStringLiteral("Days of --climate-history."),
                                         QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption radio(QStringLiteral("radio"),
                                   QStringLiteral("\"default\", or \"hard\": shadowing per tag and gateway lasting tens of seconds, "
                                                  "more loss with distance, gateways off their planned places, drifting levels "
                                                  "(docs/simulator.md)."),
                                   QStringLiteral("kind"), QStringLiteral("default"));
    const QCommandLineOption gatewayOff(QStringLiteral("gateway-off"),
                                        QStringLiteral("Kill a gateway at a simulated time: ID@SECONDS (repeatable); it publishes "
                                                       "nothing from then on."),
                                        QStringLiteral("id@s"));
    p.addOptions({host, port, site, seed, duration, speed, extra, vitals, synthetic, replay, events, truth, scenario, history, historyDays, radio,
                  gatewayOff});
    p.process(app);

    const SiteLoadResult loaded = p.isSet(site) ? SiteLoader::loadFile(p.value(site)) : SiteLoader::loadDefault();
    if (!loaded.site) {
        QTextStream(stderr) << loaded.errors.join(u'\n') << Qt::endl;
        return 2;
    }
    sim::SimOptions opt;
    opt.seed = p.value(seed).toULongLong();
    opt.extraTags = p.value(extra).toInt();
    opt.replaySpeed = p.value(replay).toDouble();
    opt.eventRateScale = p.value(events).toDouble();
    if (p.isSet(history)) {
        const int days = p.value(historyDays).toInt();
        if (days < 1 || days > 400) {
            QTextStream(stderr) << "wardsim: --history-days " << p.value(historyDays) << " is not 1 to 400" << Qt::endl;
            return 2;
        }
        QString error;
        const qint64 n = sim::writeClimateHistory(*loaded.site, p.value(history), days, QDateTime::currentMSecsSinceEpoch(),
                                                  quint32(p.value(seed).toUInt()), error);
        if (n < 0) {
            QTextStream(stderr) << "wardsim: " << error << Qt::endl;
            return 1;
        }
        QTextStream(stdout) << "wardsim: " << n << " climate readings of " << days << " days written to " << p.value(history) << Qt::endl;
        return 0;
    }
    if (p.isSet(scenario) && p.value(scenario) != u"demo") {
        QTextStream(stderr) << "--scenario: unknown scenario \"" << p.value(scenario) << "\" (demo)" << Qt::endl;
        return 2;
    }
    opt.demoScenario = p.value(scenario) == u"demo";
    if (p.value(radio) != u"default" && p.value(radio) != u"hard") {
        QTextStream(stderr) << "--radio: unknown radio \"" << p.value(radio) << "\" (default, hard)" << Qt::endl;
        return 2;
    }
    if (p.value(radio) == u"hard")
        opt.radio = sim::hardRadio();
    if (!p.isSet(synthetic))
        opt.vitalsDir = p.value(vitals);
    for (const QString& v : p.values(gatewayOff)) {
        QString error;
        const auto off = sim::parseGatewayOff(v, *loaded.site, &error);
        if (!off) {
            QTextStream(stderr) << "--gateway-off: " << error << Qt::endl;
            return 2;
        }
        opt.gatewaysOff.push_back(*off);
    }

    MqttSettings ms;
    ms.host = p.value(host);
    ms.port = p.value(port).toInt();
    ms.persistentSession = false;
    MqttClient mqtt(ms);
    // The ward's people answer the station's calls to their badges (tools/wardsim/deviceanswers.h).
    sim::DeviceAnswers answers(*loaded.site);
    const Topics topics(loaded.site->id);
    const std::string commandPrefix = (topics.prefix() + QStringLiteral("cmd/")).toStdString();
    mqtt.addSubscription(topics.prefix() + QStringLiteral("cmd/+"), 1);
    mqtt.setMessageHandler([&](const char* topic, std::span<const std::byte> payload, qint64 rxMs) {
        const std::string_view t(topic);
        if (t.starts_with(commandPrefix))
            answers.onCommand(QString::fromUtf8(t.substr(commandPrefix.size())), payload, rxMs);
    });
    mqtt.start();
    QElapsedTimer wait;
    wait.start();
    while (mqtt.state() != MqttState::Connected && wait.elapsed() < 15000)
        QThread::msleep(20);
    if (mqtt.state() != MqttState::Connected) {
        QTextStream(stderr) << "wardsim: cannot connect to " << ms.host << ':' << ms.port << Qt::endl;
        return 1;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    quint64 published = 0;
    sim::WardSimulation world(*loaded.site, opt, QDateTime::currentMSecsSinceEpoch(), [&](sim::Outgoing&& o) {
        if (mqtt.publish(o.topic, o.payload, o.qos, o.retain))
            ++published;
    });
    QTextStream(stdout) << "wardsim: site " << loaded.site->id << ", " << world.tagCount() << " tags, vitals "
                        << (world.replaying() ? "replayed from PhysioNet records" : "synthetic") << ", seed " << opt.seed
                        << Qt::endl;
    world.setSetpoints([&answers](const QString& room, qint64 nowMs) { return answers.setpointOf(room, nowMs); });
    world.publishStatuses();
    const double dt = 0.1;
    const double simSpeed = p.value(speed).toDouble();
    const double limit = p.value(duration).toDouble();
    QElapsedTimer clock;
    clock.start();
    while (!g_stop && (limit <= 0 || world.simTimeS() < limit)) {
        world.step(dt);
        for (const sim::Answer& a : answers.due(QDateTime::currentMSecsSinceEpoch()))
            if (mqtt.publish(a.topic, a.payload, 1, false))
                ++published;
        if (simSpeed > 0) {
            const qint64 due = qint64(world.simTimeS() / simSpeed * 1000);
            const qint64 ahead = due - clock.elapsed();
            if (ahead > 0)
                QThread::msleep(ulong(ahead));
        }
    }
    mqtt.stop(); // flushes what is queued
    if (p.isSet(truth)) {
        QFile f(p.value(truth));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(world.truthSummary()).toJson()) < 0) {
            QTextStream(stderr) << "wardsim: cannot write " << f.fileName() << ": " << f.errorString() << Qt::endl;
            return 1;
        }
    }
    QTextStream(stdout) << "wardsim: " << published << " messages in " << world.simTimeS() << " simulated s" << Qt::endl;
    return 0;
}
