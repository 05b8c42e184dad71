// Benchmark `ingest`: beacon batches of 20 adverts through the private broker, drained once by
// mosquitto_sub (the raw client: the ceiling) and once by WardWatch's core (decode + core + models).
// Both drain the same backlog, queued in their persistent sessions before their clocks start, so
// the consumer, not the generator, is what limits. Prints details, then exactly one summary line.
#include "core/stationcore.h"
#include "models/wardmodels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>
#include <algorithm>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

using namespace ww;

namespace {

void waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(2); // the GUI thread's share: it must not steal the consumer's core
    }
}

// CPU seconds (user + system) of a process or thread from its /proc stat file, when its name is
// `name` (any name when empty); 0 when there is no such file.
double statCpuSeconds(const QString& statPath, const QByteArray& name = {})
{
    QFile f(statPath);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
    if (open < 0 || close < open || (!name.isEmpty() && line.mid(open + 1, close - open - 1) != name))
        return 0;
    const QList<QByteArray> fields = line.mid(close + 2).split(' '); // from the state, field 3
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK)); // utime, stime
}

// CPU seconds of this process's threads of one name (ww-core, ww-mqtt).
double threadCpuSeconds(const QByteArray& name)
{
    double seconds = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        seconds += statCpuSeconds(tasks.filePath(tid + QStringLiteral("/stat")), name);
    return seconds;
}

// CPU seconds of the broker (its pid from WW_BENCH_BROKER_PID, set by scripts/bench; 0 without).
double brokerCpuSeconds()
{
    const QByteArray pid = qgetenv("WW_BENCH_BROKER_PID").trimmed();
    return pid.isEmpty() ? 0 : statCpuSeconds(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
}

// CPU seconds (user + system) of the children that have ended.
double childrenCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
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
    QTextStream out(stdout);
    // One round: queue the backlog in both sessions, then let each consumer drain it. Five rounds; the
    // summary's ratio is the median of the rounds' ratios: this machine's speed drifts by +-20 %
    // within a run, and a round compares two drains of one backlog a few seconds apart.
    auto generate = [&] {
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
        QThread::msleep(300); // let the broker finish queueing
        return messages / genS;
    };
    auto drainRaw = [&] {
        QElapsedTimer rawClock;
        QProcess sub;
        sub.setStandardOutputFile(QProcess::nullDevice());
        const double cpu0 = childrenCpuSeconds(), broker0 = brokerCpuSeconds();
        rawClock.start();
        sub.start(QStringLiteral("mosquitto_sub"),
                  {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                   QStringLiteral("-i"), QStringLiteral("bench-raw"), QStringLiteral("-c"), QStringLiteral("-q"),
                   QStringLiteral("1"), QStringLiteral("-t"), filter, QStringLiteral("-C"), QString::number(messages)});
        sub.waitForFinished(600'000);
        const double rate = messages / (rawClock.nsecsElapsed() / 1e9);
        out << "  raw: mosquitto_sub drained them at " << QString::number(rate, 'f', 0) << " msg/s, "
            << QString::number((childrenCpuSeconds() - cpu0) * 1e6 / messages, 'f', 2)
            << " us of CPU per message; the broker " << QString::number((brokerCpuSeconds() - broker0) * 1e6 / messages, 'f', 2)
            << " us" << Qt::endl;
        return rate;
    };
    struct CoreRound
    {
        double batchRate, reportRate;
    };
    auto drainCore = [&] {
        SystemClock clock;
        StationOptions options;
        options.stationId = QStringLiteral("bench");
        options.mqtt = settings(port, QStringLiteral("bench-core"));
        options.ingest.mokoFilter.clear();
        // The station's threads are new each round: whatever CPU they show was spent on this backlog.
        StationCore station(site, clock, options);
        WardModels models(site);
        QObject::connect(&station.core(), &WardCore::updatesReady, &models, &WardModels::apply);
        quint64 batchesToModels = 0;
        QObject::connect(&models, &WardModels::applied, [&] { ++batchesToModels; });
        QElapsedTimer coreClock;
        const double broker0 = brokerCpuSeconds();
        coreClock.start();
        station.start();
        const quint64 expected = quint64(messages) * AdvertsPerBatch;
        waitFor([&] { return station.core().reportsApplied() >= expected; }, 600'000);
        const double coreS = coreClock.nsecsElapsed() / 1e9;
        const double networkCpu = threadCpuSeconds("ww-mqtt"), coreCpu = threadCpuSeconds("ww-core");
        const double brokerCpu = brokerCpuSeconds() - broker0;
        const quint64 applied = station.core().messagesApplied();
        const quint64 reports = station.core().reportsApplied();
        QCoreApplication::processEvents(); // the last coalesced batch reaches the models
        station.stop();
        const IngestCounters c = station.stats().snapshot();
        out << "  core: " << applied << " batches, " << reports << " beacon reports decoded and applied in "
            << QString::number(coreS, 'f', 3) << " s; " << batchesToModels << " coalesced model updates; rejected "
            << c.rejected << Qt::endl;
        // Where a gap to the raw client comes from: our network thread does what mosquitto_sub does,
        // and the core thread's decoding and positioning share the two cores with it and the broker.
        out << "  core's CPU per batch: network thread " << QString::number(networkCpu * 1e6 / messages, 'f', 2)
            << " us, core thread " << QString::number(coreCpu * 1e6 / messages, 'f', 2) << " us; the broker "
            << QString::number(brokerCpu * 1e6 / messages, 'f', 2) << " us" << Qt::endl;
        return CoreRound{applied / coreS, reports / coreS};
    };
    // WardWatch's MQTT client alone (a counting handler): separates the client's cost from decoding.
    auto drainClientOnly = [&] {
        std::atomic<int> got{0};
        MqttClient c(settings(port, QStringLiteral("bench-client")));
        c.addSubscription(filter, 1);
        c.setMessageHandler([&](const char*, std::span<const std::byte>, qint64) { got.fetch_add(1, std::memory_order_relaxed); });
        QElapsedTimer t;
        t.start();
        c.start();
        waitFor([&] { return got.load() >= messages; }, 600'000);
        return got.load() / (t.nsecsElapsed() / 1e9);
    };
    {
        MqttClient c(settings(port, QStringLiteral("bench-client")));
        c.addSubscription(filter, 1);
        c.start();
        waitFor([&] { return c.state() == MqttState::Connected; }, 5000);
        QThread::msleep(200);
    }
    std::vector<double> gen, raw, coreBatches, coreReports, ratios;
    const int asked = qEnvironmentVariableIntValue("WW_BENCH_INGEST_ROUNDS");
    const int rounds = asked > 0 ? asked : 5;
    for (int round = 1; round <= rounds; ++round) {
        gen.push_back(generate());
        out << "round " << round << ": generator queued " << messages << " batches of " << AdvertsPerBatch
            << " adverts from " << publishers << " publishers at " << QString::number(gen.back(), 'f', 0) << " msg/s" << Qt::endl;
        raw.push_back(drainRaw());
        out << "  client alone: " << QString::number(drainClientOnly(), 'f', 0) << " msg/s" << Qt::endl;
        const CoreRound c = drainCore();
        coreBatches.push_back(c.batchRate);
        coreReports.push_back(c.reportRate);
        ratios.push_back(c.batchRate / raw.back());
        out << "  round " << round << "'s ratio (core/raw): " << QString::number(ratios.back(), 'f', 3) << Qt::endl;
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double ratio = median(ratios);
    const double reportRate = median(coreReports);
    out << "target: ratio >= 0.9 and core >= 200000 reports/s: " << (ratio >= 0.9 && reportRate >= 200000 ? "met" : "not met")
        << Qt::endl;
    out << "ingest ratio (core/raw): " << QString::number(ratio, 'f', 3) << "; core " << QString::number(reportRate, 'f', 0)
        << " reports/s; raw " << QString::number(median(raw), 'f', 0) << " msg/s; generator "
        << QString::number(median(gen), 'f', 0) << " msg/s" << Qt::endl;
    return 0;
}
