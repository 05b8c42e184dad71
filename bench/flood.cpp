// Benchmark `flood` (issue 27): a flood of malformed messages, some of them oversized, at a running
// station on a private broker. The station (StationCore + StationViews, as the real one: the models
// on this, the "GUI", thread) must keep its event loop responsive and its memory flat, and count
// what it rejects.
//  - The publisher is a second process (this binary, `publish` mode), so its buffers are not in the
//    station's RSS: garbage payloads of 1-200 bytes on the site's real topics (vitals of the
//    monitors, events of the wristbands, adverts of the gateways, env/status of devices), one in a
//    hundred oversized (300 KiB-1 MiB), QoS 0, with bounded in-flight; and one in ten a forged
//    alarm state, properly signed by a key the site does not list, each in a name of its own (what
//    a stolen station account could send: the station verifies each signature and refuses it).
//  - Latency: a 10 ms repeating timer on this thread; each tick's lateness (interval - 10 ms).
//  - RSS: VmRSS before the flood (connected, settled) and after the station drained it.
// Oversized messages over the station's MQTT 5 maximum packet size are dropped by the broker: the
// station never sees them, so they are not in its counters; the details say so.
// Prints details, then exactly one summary line. Exits 0 whether or not the target is met.
#include "samples.h"
#include "core/stationcore.h"
#include "models/stationviews.h"
#include "transport/signing.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <random>

using namespace ww;

namespace {

constexpr int OversizedEvery = 100; // 10^4 of 10^6
constexpr int ForgedEvery = 10;     // 10^5 of 10^6
constexpr int OversizedMin = 300 * 1024;
constexpr int OversizedMax = 1024 * 1024; // the broker's message_size_limit (scripts/broker)

// VmRSS of this process in kB (0 when unknown).
qint64 rssKb(const char* field = "VmRSS:")
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

// The garbage's topics: the site's real ones.
QStringList floodTopics(const Site& site)
{
    const Topics topics(site.id);
    QStringList t;
    for (const Patient& p : site.patients) {
        t << topics.vitals(p.monitor) << topics.event(p.wristband) << topics.env(p.wristband) << topics.status(p.monitor);
    }
    for (const Gateway& g : site.gateways)
        t << topics.adverts(g.id) << topics.adverts(g.id); // adverts are most of a ward's traffic
    return t;
}

// Publisher mode: `ww_bench_flood publish PORT MESSAGES`; prints "sent N oversized M bytes B seconds S".
int publish(int port, qint64 messages)
{
    const auto loaded = SiteLoader::loadDefault();
    const QStringList topics = floodTopics(*loaded.site);
    std::mt19937_64 rng(27);
    QByteArray pool(OversizedMax + 256, Qt::Uninitialized);
    for (char& c : pool)
        c = char(rng());
    MqttSettings s;
    s.port = port;
    s.clientId = QStringLiteral("bench-flood-publisher");
    s.persistentSession = false;
    MqttClient pub(s);
    pub.start();
    QElapsedTimer t;
    t.start();
    while (pub.state() != MqttState::Connected && t.elapsed() < 10'000)
        QThread::msleep(5);
    if (pub.state() != MqttState::Connected) {
        QTextStream(stderr) << "publisher: no connection" << Qt::endl;
        return 1;
    }
    t.restart();
    qint64 sent = 0, oversized = 0, bytes = 0, refused = 0;
    std::uniform_int_distribution<int> smallLen(1, 200), bigLen(OversizedMin, OversizedMax), offset(0, 255);
    const Topics siteTopics(loaded.site->id);
    const SigningKey forgersKey = SigningKey::generate();
    qint64 forged = 0;
    for (qint64 i = 0; i < messages; ++i) {
        const bool big = i % OversizedEvery == OversizedEvery / 2;
        const bool forge = !big && i % ForgedEvery == 3;
        const int len = big ? bigLen(rng) : smallLen(rng);
        const int at = big ? offset(rng) : int(rng() % quint64(pool.size() - len));
        // In flight: a few thousand small frames, and only a handful of big ones.
        const int limit = big ? 4 : 2000;
        while (pub.unacknowledged() > limit)
            QThread::usleep(50);
        QString topic = topics[int(rng() % quint64(topics.size()))];
        QByteArray payload = QByteArray::fromRawData(pool.constData() + at, len); // publish copies it
        if (forge) {
            topic = siteTopics.alarm(QStringLiteral("event.panic:wb-%1:1-1").arg(i % 1000));
            payload = MessageSigner(QStringLiteral("forger-%1").arg(i), forgersKey).sign(topic, payload);
        }
        if (pub.publish(topic, payload, 0, false)) {
            ++sent;
            oversized += big;
            forged += forge;
            bytes += payload.size();
        } else {
            ++refused;
        }
    }
    pub.stop(); // returns once the queue is written out
    QTextStream(stdout) << "sent " << sent << " oversized " << oversized << " forged " << forged << " bytes " << bytes << " seconds "
                        << QString::number(t.nsecsElapsed() / 1e9, 'f', 3) << " refused " << refused << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"publish")
        return publish(args.value(2).toInt(), args.value(3).toLongLong());
    const int port = args.value(1).toInt();
    const qint64 messages = args.value(2, QStringLiteral("1000000")).toLongLong();
    if (port <= 0 || messages <= 0) {
        QTextStream(stderr) << "usage: ww_bench_flood PORT [MESSAGES]" << Qt::endl;
        return 2;
    }
    QTextStream out(stdout);
    QTemporaryDir dir;
    const auto loaded = SiteLoader::loadDefault();
    const Site& site = *loaded.site;
    SystemClock clock;

    StationOptions opt;
    opt.stationId = QStringLiteral("bench-flood");
    opt.mqtt.port = port;
    opt.mqtt.persistentSession = false;
    opt.alarmLogPath = dir.filePath(QStringLiteral("bench-flood.sqlite"));
    StationCore station(site, clock, opt);
    StationViews views(site, clock, station.core(), nullptr, opt.alarmLogPath);

    // The GUI thread's latency: a 10 ms timer's lateness, recorded while `recording` points somewhere.
    constexpr double TickMs = 10;
    ww::bench::Samples idle, flood;
    ww::bench::Samples* recording = nullptr;
    QElapsedTimer tickClock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(int(TickMs));
    double lastTick = -1;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const double now = double(tickClock.nsecsElapsed()) / 1e6;
        if (recording && lastTick >= 0)
            recording->v.push_back(std::max(0.0, now - lastTick - TickMs));
        lastTick = now;
    });
    tickClock.start();
    tick.start();

    // Runs the event loop (no busy waiting: the timer's lateness must be the event loop's own) until
    // done() or timeoutMs; polled every 20 ms.
    auto runUntil = [&](const std::function<bool()>& done, int timeoutMs) {
        QEventLoop loop;
        QTimer poll;
        QElapsedTimer t;
        t.start();
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (done() || t.elapsed() >= timeoutMs)
                loop.quit();
        });
        poll.start(20);
        loop.exec();
        return done();
    };
    auto never = [] { return false; };

    station.start();
    if (!runUntil([&] { return station.mqtt().allSubscribed(); }, 10'000)) {
        out << "flood: the station did not connect and subscribe (state " << toString(station.connectionState()) << ")" << Qt::endl;
        return 1;
    }
    runUntil(never, 1000); // settled: presence, retained messages, first model batches
    recording = &idle;
    runUntil(never, 2000); // a baseline of the idle station's event loop
    recording = nullptr;
    const qint64 rssBefore = rssKb();
    const IngestCounters before = station.stats().snapshot();

    // The flood, from the second process.
    QProcess publisher;
    publisher.setProcessChannelMode(QProcess::SeparateChannels);
    publisher.setReadChannel(QProcess::StandardOutput);
    QElapsedTimer floodClock;
    qint64 rssPeak = rssBefore;
    QTimer rssSampler;
    QObject::connect(&rssSampler, &QTimer::timeout, [&] { rssPeak = std::max(rssPeak, rssKb()); });
    rssSampler.start(100);
    recording = &flood;
    floodClock.start();
    publisher.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("publish"), QString::number(port), QString::number(messages)});
    const bool published = runUntil([&] { return publisher.state() == QProcess::NotRunning; }, 150'000);
    const double publishS = floodClock.nsecsElapsed() / 1e9;
    // Drained: the station's rejected counter still for a second (at most 30 s more). Not `received`:
    // the station's own presence, re-announced every second, comes back through the broker and counts.
    quint64 lastRejected = station.stats().snapshot().rejected;
    QElapsedTimer still;
    still.start();
    runUntil(
        [&] {
            const quint64 r = station.stats().snapshot().rejected;
            if (r != lastRejected) {
                lastRejected = r;
                still.restart();
            }
            return still.elapsed() >= 1000;
        },
        30'000);
    const double drainedS = (floodClock.nsecsElapsed() - still.nsecsElapsed()) / 1e9; // at the last rejection
    recording = nullptr;
    rssSampler.stop();
    const qint64 rssAfter = rssKb();
    rssPeak = std::max(rssPeak, rssAfter);
    const IngestCounters after = station.stats().snapshot();

    // What the publisher sent.
    if (!published)
        publisher.kill();
    publisher.waitForFinished(5000);
    const QByteArray report = publisher.readAllStandardOutput().trimmed();
    const QByteArray errors = publisher.readAllStandardError().trimmed();
    QHash<QByteArray, QByteArray> sentFigures;
    const QList<QByteArray> words = report.split(' ');
    for (qsizetype i = 0; i + 1 < words.size(); i += 2)
        sentFigures.insert(words[i], words[i + 1]);
    const qint64 sent = sentFigures.value("sent", "0").toLongLong();
    const qint64 oversizedSent = sentFigures.value("oversized", "0").toLongLong();
    const qint64 bytesSent = sentFigures.value("bytes", "0").toLongLong();
    const double pubSeconds = sentFigures.value("seconds", "0").toDouble();

    const quint64 received = after.received - before.received;
    const quint64 accepted = after.accepted - before.accepted;
    const quint64 rejected = after.rejected - before.rejected;
    const quint64 stationOversized = after.byReason[size_t(RejectReason::Oversized)] - before.byReason[size_t(RejectReason::Oversized)];

    out << "publisher (separate process): " << sent << " bad messages sent (QoS 0; random bytes of 1-200 bytes on "
        << floodTopics(site).size() / 2 << " real topics), " << oversizedSent << " of them oversized (" << OversizedMin / 1024
        << " KiB-" << OversizedMax / 1024 << " KiB), " << QString::number(double(bytesSent) / (1024.0 * 1024.0), 'f', 0)
        << " MiB in " << QString::number(pubSeconds, 'f', 2) << " s ("
        << QString::number(pubSeconds > 0 ? double(sent) / pubSeconds : 0, 'f', 0) << " msg/s)"
        << (published ? "" : "; TIMED OUT and killed") << Qt::endl;
    if (!errors.isEmpty())
        out << "publisher stderr: " << QString::fromUtf8(errors).left(500) << Qt::endl;
    out << "station: received " << received << ", accepted " << accepted
        << " (both include the station's own presence, re-announced every second), rejected " << rejected << "; the last rejection "
        << QString::number(drainedS, 'f', 2) << " s after the flood's start ("
        << QString::number(drainedS > 0 ? double(rejected) / drainedS : 0, 'f', 0) << " rejections/s); publisher done after "
        << QString::number(publishS, 'f', 2) << " s" << Qt::endl;
    out << "station rejected by reason:";
    for (int r = 0; r < RejectReasonCount; ++r) {
        const quint64 n = after.byReason[size_t(r)] - before.byReason[size_t(r)];
        if (n)
            out << " " << toString(RejectReason(r)) << " " << n;
    }
    out << Qt::endl;
    out << "station rejected by topic:";
    for (int k = 0; k < TopicKindCount; ++k) {
        const quint64 n = after.rejectedByTopic[size_t(k)] - before.rejectedByTopic[size_t(k)];
        if (n)
            out << " " << toString(TopicKind(k)) << " " << n;
    }
    out << Qt::endl;
    const qint64 notCounted = sent - qint64(rejected);
    const qint64 brokerDropped = oversizedSent - qint64(stationOversized);
    out << "oversized: " << oversizedSent << " sent; " << stationOversized << " reached the station and were rejected there "
        << "(payload over its " << opt.ingest.maxPayloadBytes / 1024 << " KiB limit, packet under its MQTT 5 maximum of "
        << station.mqtt().settings().maxPacketBytes << " bytes); the other " << brokerDropped
        << " were over that maximum, dropped by the broker, never seen by the station" << Qt::endl;
    const qint64 other = notCounted - brokerDropped; // garbage accepted by chance, or lost on the way
    out << "sent - rejected = " << notCounted << ": the broker's drops " << brokerDropped;
    if (other != 0)
        out << " and " << other << " more (accepted by chance, at most " << accepted << ", or lost on the way)";
    else
        out << "; every other bad message was rejected by the station";
    out << Qt::endl;
    int refusalAlarms = 0;
    for (int r = 0; r < views.alarms.alarms().rowCount(); ++r)
        refusalAlarms += views.alarms.alarms().at(r)->rule == u"tech.refused" ? 1 : 0;
    out << "forged signed alarm states: " << sentFigures.value("forged", "0").toLongLong() << " sent; the station refused "
        << station.core().refusedStates() << " (" << toString(RejectReason::BadSignature) << "), shown as " << refusalAlarms
        << " tech.refused alarm(s) (one a minute for names the site does not list)" << Qt::endl;
    out << "GUI event loop lateness of a 10 ms timer, idle: " << idle.line() << " (" << idle.v.size() << " ticks)" << Qt::endl;
    out << "GUI event loop lateness of a 10 ms timer, flood: " << flood.line() << " (" << flood.v.size() << " ticks)" << Qt::endl;
    out << "RSS: before " << QString::number(mb(rssBefore), 'f', 1) << " MB, peak " << QString::number(mb(rssPeak), 'f', 1)
        << " MB, after " << QString::number(mb(rssAfter), 'f', 1) << " MB (VmHWM " << QString::number(mb(rssKb("VmHWM:")), 'f', 1)
        << " MB)" << Qt::endl;
    const double p99 = flood.pct(0.99);
    const double rssDelta = mb(rssAfter - rssBefore);
    out << "target: GUI latency p99 < 50 ms: " << (p99 >= 0 && p99 < 50 ? "met" : "not met") << "; memory: RSS after the flood "
        << (rssDelta >= 0 ? "+" : "") << QString::number(rssDelta, 'f', 1) << " MB, at its peak +"
        << QString::number(mb(rssPeak - rssBefore), 'f', 1) << " MB" << Qt::endl;
    station.stop();
    out << "flood: " << sent << " bad messages, GUI latency p99 " << QString::number(p99, 'f', 1) << " ms, RSS "
        << (rssDelta >= 0 ? "+" : "") << QString::number(rssDelta, 'f', 1) << " MB, rejected " << rejected << Qt::endl;
    return 0;
}
