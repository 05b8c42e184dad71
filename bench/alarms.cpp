// Benchmark `alarms`: how fast an alarm reaches the station's model, and how fast an
// acknowledgement reaches a second station process, through a real broker.
//  1. idle: panic events published one at a time; latency = publish -> the alarm in the model
//     (AlarmListModel on this thread, which plays the GUI thread).
//  2. under load: the same while 10000 other messages/s (beacon batches, vitals) flow.
//  3. ack sync: acknowledgements made here (signed-in operator) -> seen acknowledged in the
//     stdout of a second `wardwatch --headless` process.
// Prints details, then exactly one summary line.
#include "samples.h"
#include "models/alarmcontroller.h"
#include "core/stationcore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <thread>

using namespace ww;

namespace {

QElapsedTimer g_clock;

double nowMs()
{
    return double(g_clock.nsecsElapsed()) / 1e6;
}

bool spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    const double end = nowMs() + timeoutMs;
    while (!done()) {
        if (nowMs() > end)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

using Stats = ww::bench::Samples;

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    g_clock.start();
    const QStringList args = app.arguments();
    const int port = args.value(1).toInt();
    const int samples = args.value(2, QStringLiteral("1000")).toInt();
    const int loadRate = args.value(3, QStringLiteral("10000")).toInt();
    const QString wardwatch = args.value(4);
    if (port <= 0 || samples <= 0 || wardwatch.isEmpty()) {
        QTextStream(stderr) << "usage: ww_bench_alarms PORT SAMPLES LOAD_PER_S WARDWATCH_BINARY" << Qt::endl;
        return 2;
    }
    QTextStream out(stdout);
    QTemporaryDir dir;
    const auto loaded = SiteLoader::loadDefault();
    const Site& site = *loaded.site;
    const Topics topics(site.id);
    SystemClock clock;

    StationOptions opt;
    opt.stationId = QStringLiteral("bench-a");
    opt.mqtt.port = port;
    opt.mqtt.persistentSession = false;
    opt.alarmLogPath = dir.filePath(QStringLiteral("bench-a.sqlite"));
    StationCore station(site, clock, opt);
    AlarmController alarms(site, clock, &station.core(), nullptr);
    station.core().setGuiHeartbeat(alarms.heartbeat());

    // Latency: publish time per alarm id; recorded when the alarm first reaches the model.
    QHash<QString, double> published;
    Stats* current = nullptr;
    QObject::connect(&alarms, &AlarmController::alarmUpdated, [&](const AlarmState& a) {
        const auto it = published.find(a.id);
        if (it != published.end() && current) {
            current->v.push_back(nowMs() - it.value());
            published.erase(it);
        }
    });
    station.start();
    if (!spinUntil([&] { return station.connectionState() == MqttState::Connected; }, 10000)) {
        out << "station did not connect" << Qt::endl;
        return 1;
    }

    MqttSettings ds;
    ds.port = port;
    ds.clientId = QStringLiteral("bench-devices");
    ds.persistentSession = false;
    MqttClient devices(ds);
    devices.start();
    spinUntil([&] { return devices.state() == MqttState::Connected; }, 5000);
    spinUntil([] { return false; }, 1500); // both stations subscribed and settled

    quint32 seq = 0;
    auto runPanics = [&](Stats& stats, int n) {
        current = &stats;
        int lost = 0;
        for (int i = 0; i < n; ++i) {
            const Patient& p = site.patients[size_t(i) % site.patients.size()];
            DeviceEventMsg ev;
            ev.deviceId = p.wristband;
            ev.deviceTimeMs = clock.nowMs();
            ev.boot = 1;
            ev.seq = ++seq;
            ev.kind = DeviceEventKind::Panic;
            const QString id = QStringLiteral("event.panic:%1:1-%2").arg(p.wristband).arg(seq);
            published.insert(id, nowMs());
            devices.publish(topics.event(p.wristband), encode(ev), 1, false);
            if (!spinUntil([&] { return !published.contains(id); }, 2000)) {
                published.remove(id);
                ++lost;
            }
            spinUntil([] { return false; }, 2); // a little air between events
        }
        current = nullptr;
        return lost;
    };

    Stats idle, underLoad;
    const int idleLost = runPanics(idle, samples);

    // Load: beacon batches of 20 adverts and vitals updates, paced at loadRate messages/s.
    std::vector<std::pair<QString, QByteArray>> payloads;
    const DeviceDirectory directory(site);
    const qint64 t0 = clock.nowMs();
    for (int g = 0; g < directory.gatewayCount(); ++g) {
        BeaconBatch b{g, t0, 0, {}, 0};
        for (int i = 0; i < 20; ++i)
            b.reports.push_back({(g * 7 + i) % directory.tagCount(), t0 - i * 40, qint16(-60 - i % 20), -59});
        payloads.emplace_back(topics.adverts(directory.gatewayId(g)), encode(b, directory));
    }
    for (const auto& p : site.patients) {
        VitalsUpdate v{p.monitor, t0, 0, {{VitalKind::HeartRate, 72, t0}, {VitalKind::SpO2, 97, t0}}};
        payloads.emplace_back(topics.vitals(p.monitor), encode(v));
    }
    std::atomic<bool> loading{true};
    std::atomic<quint64> sent{0};
    MqttSettings ls = ds;
    ls.clientId = QStringLiteral("bench-load");
    MqttClient loadClient(ls);
    loadClient.start();
    spinUntil([&] { return loadClient.state() == MqttState::Connected; }, 5000);
    std::thread load([&] {
        QElapsedTimer t;
        t.start();
        quint64 n = 0;
        while (loading.load()) {
            const quint64 due = quint64(double(t.nsecsElapsed()) / 1e9 * loadRate);
            while (n < due) {
                const auto& [topic, payload] = payloads[size_t(n) % payloads.size()];
                loadClient.publish(topic, payload, 0, false);
                ++n;
            }
            sent.store(n);
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    });
    spinUntil([] { return false; }, 1000);
    const quint64 receivedBefore = station.stats().snapshot().received;
    const double loadStart = nowMs();
    const quint64 sentBefore = sent.load();
    const int loadedLost = runPanics(underLoad, samples);
    const double loadSeconds = (nowMs() - loadStart) / 1000.0;
    const double sentRate = double(sent.load() - sentBefore) / loadSeconds;
    const double receivedRate = double(station.stats().snapshot().received - receivedBefore) / loadSeconds;
    loading.store(false);
    load.join();

    // The second station (started now: one station per machine is what wards run; it would only
    // compete with the first for the two cores during the latency phases).
    QProcess second;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ww.*.info=false"));
    second.setProcessEnvironment(env);
    QHash<QString, double> ackSent;
    Stats ackSync;
    int secondLines = 0;
    QObject::connect(&second, &QProcess::readyReadStandardOutput, [&] {
        while (second.canReadLine()) {
            const QJsonObject o = QJsonDocument::fromJson(second.readLine()).object();
            ++secondLines;
            if (o.value(u"event").toString() != u"alarm" || o.value(u"ackedBy").toString().isEmpty())
                continue;
            const auto it = ackSent.find(o.value(u"id").toString());
            if (it != ackSent.end()) {
                ackSync.v.push_back(nowMs() - it.value());
                ackSent.erase(it);
            }
        }
    });
    second.start(wardwatch, {QStringLiteral("--headless"), QStringLiteral("--port"), QString::number(port), QStringLiteral("--station-id"),
                             QStringLiteral("bench-b"), QStringLiteral("--alarm-log"), dir.filePath(QStringLiteral("bench-b.sqlite"))});
    if (!spinUntil([&] { return secondLines > 0; }, 15000)) {
        out << "second station did not start: " << second.readAllStandardError() << Qt::endl;
        return 1;
    }

    spinUntil([] { return false; }, 1500);

    // Ack sync: sign in, then acknowledge open alarms one at a time.
    bool signedIn = false;
    QObject::connect(&alarms, &AlarmController::signInFinished, [&](bool ok, const QString&) { signedIn = ok; });
    alarms.signIn(QStringLiteral("S02"), QStringLiteral("246802"));
    spinUntil([&] { return signedIn; }, 10000);
    std::vector<QString> open;
    for (int r = 0; r < alarms.alarms().rowCount(); ++r)
        if (const AlarmState* a = alarms.alarms().at(r); a->rule == u"event.panic" && !a->acknowledged())
            open.push_back(a->id);
    const int acks = std::min<int>(int(open.size()), std::max(200, samples / 5));
    int ackLost = 0;
    for (int i = 0; i < acks; ++i) {
        ackSent.insert(open[size_t(i)], nowMs());
        alarms.acknowledge(open[size_t(i)]);
        if (!spinUntil([&] { return !ackSent.contains(open[size_t(i)]); }, 3000)) {
            ackSent.remove(open[size_t(i)]);
            ++ackLost;
        }
    }
    second.write("quit\n");
    second.waitForFinished(3000);
    station.stop();

    out << "alarms: " << samples << " panic events per phase; load " << qRound(sentRate) << " msg/s sent, "
        << qRound(receivedRate) << " msg/s received by the station" << Qt::endl;
    out << QStringLiteral("idle:       p50 %1 ms, p99 %2 ms, max %3 ms, lost %4")
               .arg(idle.pct(0.5), 0, 'f', 2).arg(idle.pct(0.99), 0, 'f', 2).arg(idle.pct(1.0), 0, 'f', 2).arg(idleLost)
        << Qt::endl;
    out << QStringLiteral("under load: p50 %1 ms, p99 %2 ms, max %3 ms, lost %4")
               .arg(underLoad.pct(0.5), 0, 'f', 2).arg(underLoad.pct(0.99), 0, 'f', 2).arg(underLoad.pct(1.0), 0, 'f', 2).arg(loadedLost)
        << Qt::endl;
    out << QStringLiteral("ack sync:   %1 acknowledgements, p50 %2 ms, p99 %3 ms, max %4 ms, lost %5")
               .arg(ackSync.v.size()).arg(ackSync.pct(0.5), 0, 'f', 2).arg(ackSync.pct(0.99), 0, 'f', 2)
               .arg(ackSync.pct(1.0), 0, 'f', 2).arg(ackLost)
        << Qt::endl;
    out << QStringLiteral("alarm latency p99 under load: %1 ms (idle: %2 ms); ack sync p99: %3 ms")
               .arg(underLoad.pct(0.99), 0, 'f', 1).arg(idle.pct(0.99), 0, 'f', 1).arg(ackSync.pct(0.99), 0, 'f', 1)
        << Qt::endl;
    return 0;
}
