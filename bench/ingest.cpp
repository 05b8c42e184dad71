// Benchmark `ingest`: beacon batches of 20 adverts through the private broker, drained once by
// mosquitto_sub (the raw client: the ceiling) and once by WardWatch's core (decode + core + models).
// Both drain the same backlog, queued in their persistent sessions before their clocks start, so
// the consumer, not the generator, is what limits. Prints details, then exactly one summary line.
#include "models/stationcore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>
#include <thread>

using namespace ww;

namespace {

void waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
}

MqttSettings settings(int port, const QString& id)
{
    MqttSettings s;
    s.port = port;
    s.clientId = id;
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int port = args.value(1).toInt();
    const int messages = args.value(2, QStringLiteral("100000")).toInt();
    const int publishers = args.value(3, QStringLiteral("4")).toInt();
    if (port <= 0 || messages <= 0 || publishers <= 0) {
        QTextStream(stderr) << "usage: ww_bench_ingest PORT [MESSAGES] [PUBLISHERS]" << Qt::endl;
        return 2;
    }
    const auto loaded = SiteLoader::loadDefault();
    const Site& site = *loaded.site;
    const Topics topics(site.id);
    const QString filter = topics.prefix() + QStringLiteral("gw/+/adv");
    constexpr int AdvertsPerBatch = 20;

    // 1. Both consumers' sessions exist before the load: subscribe, then leave.
    for (const QString& id : {QStringLiteral("bench-core"), QStringLiteral("bench-raw")}) {
        MqttClient c(settings(port, id));
        c.addSubscription(filter, 1);
        c.start();
        waitFor([&] { return c.state() == MqttState::Connected; }, 5000);
        QThread::msleep(200);
    }

    // 2. The backlog: every gateway's batches carry 20 adverts of the site's own tags.
    std::vector<std::pair<QString, QByteArray>> payloads;
    const DeviceDirectory directory(site);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int g = 0; g < directory.gatewayCount(); ++g) {
        BeaconBatch b{g, now, 0, {}, 0};
        for (int i = 0; i < AdvertsPerBatch; ++i)
            b.reports.push_back({(g * 7 + i) % directory.tagCount(), now - i * 40, qint16(-50 - i), -59});
        payloads.emplace_back(topics.adverts(directory.gatewayId(g)), encode(b, directory));
    }
    QElapsedTimer genClock;
    genClock.start();
    std::vector<std::thread> threads;
    for (int p = 0; p < publishers; ++p) {
        threads.emplace_back([&, p] {
            MqttClient pub(settings(port, QStringLiteral("bench-gen-%1").arg(p)));
            pub.start();
            while (pub.state() != MqttState::Connected)
                QThread::msleep(5);
            for (int i = p; i < messages; i += publishers) {
                const auto& [topic, payload] = payloads[size_t(i) % payloads.size()];
                while (!pub.publish(topic, payload, 0, false))
                    QThread::usleep(50);
            }
            pub.stop(); // returns when the queue is written out
        });
    }
    for (auto& t : threads)
        t.join();
    const double genS = genClock.nsecsElapsed() / 1e9;
    const double genRate = messages / genS;
    QThread::msleep(500); // let the broker finish queueing
    QTextStream out(stdout);
    out << "generator: " << messages << " batches of " << AdvertsPerBatch << " adverts from " << publishers
        << " publishers in " << QString::number(genS, 'f', 2) << " s" << Qt::endl;

    // 3. Raw ceiling: mosquitto_sub drains its session's backlog.
    QElapsedTimer rawClock;
    QProcess sub;
    sub.setStandardOutputFile(QProcess::nullDevice());
    rawClock.start();
    sub.start(QStringLiteral("mosquitto_sub"), {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                               QString::number(port), QStringLiteral("-i"), QStringLiteral("bench-raw"),
                                               QStringLiteral("-c"), QStringLiteral("-q"), QStringLiteral("1"),
                                               QStringLiteral("-t"), filter, QStringLiteral("-C"), QString::number(messages)});
    sub.waitForFinished(600'000);
    const double rawS = rawClock.nsecsElapsed() / 1e9;
    const double rawRate = messages / rawS;
    out << "raw: mosquitto_sub drained " << messages << " messages in " << QString::number(rawS, 'f', 2)
        << " s (exit " << sub.exitCode() << ")" << Qt::endl;

    // 4. WardWatch's core: network thread decodes, core thread applies, models take coalesced batches.
    SystemClock clock;
    StationOptions options;
    options.stationId = QStringLiteral("bench");
    options.mqtt = settings(port, QStringLiteral("bench-core"));
    options.ingest.mokoFilter.clear();
    StationCore station(site, clock, options);
    quint64 batchesToModels = 0;
    QObject::connect(&station.models(), &WardModels::applied, [&] { ++batchesToModels; });
    QElapsedTimer coreClock;
    coreClock.start();
    station.start();
    waitFor([&] { return station.core().messagesApplied() >= quint64(messages); }, 600'000);
    const double coreS = coreClock.nsecsElapsed() / 1e9;
    const quint64 applied = station.core().messagesApplied();
    const quint64 reports = station.core().reportsApplied();
    const double reportRate = reports / coreS;
    station.stop();
    const IngestCounters c = station.stats().snapshot();
    out << "core: " << applied << " batches, " << reports << " beacon reports decoded and applied in "
        << QString::number(coreS, 'f', 2) << " s; " << batchesToModels << " coalesced model updates; rejected "
        << c.rejected << Qt::endl;
    const double ratio = (applied / coreS) / rawRate;
    out << "target: ratio >= 0.9 and core >= 200000 reports/s: " << (ratio >= 0.9 && reportRate >= 200000 ? "met" : "not met")
        << Qt::endl;
    out << "ingest ratio (core/raw): " << QString::number(ratio, 'f', 3) << "; core " << QString::number(reportRate, 'f', 0)
        << " reports/s; raw " << QString::number(rawRate, 'f', 0) << " msg/s; generator " << QString::number(genRate, 'f', 0)
        << " msg/s" << Qt::endl;
    return 0;
}
