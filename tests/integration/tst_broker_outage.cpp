// The broker going away under load, with the real mosquitto of scripts/broker (persistence saved
// every second and at shutdown): a publisher floods 10 000 adverts a second and sends device events
// with sequence numbers (QoS 1, a panic among every 50), while the broker is stopped (SIGTERM) or
// killed (SIGKILL) for 4 s and started again.
// - Stopped: the station is back within seconds of the broker's return; every event's sequence
//   number arrives (none lost, repeats dropped); the outage was a technical alarm that ended.
// - Killed: what the broker had not saved may be lost; every event is accounted for, arrived or
//   counted lost by sequence number, and a loss is raised as tech.events-lost. A resumed session
//   that carries nothing (see StationCore::watchBroker) is left and, if need be, replaced by a fresh
//   one: the publisher goes on until the station has answered for 3 s on its last connection.
// WW_BROKER_LOG=all logs every packet at the broker; WW_KEEP_BROKER_DIR keeps its folder; a failed
// case prints the broker's log.
#include "brokerfixture.h"
#include "core/stationcore.h"
#include "domain/clock.h"
#include "fakes.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace ww;

namespace {

// A separate client flooding adverts (QoS 0) and sending events (QoS 1) from its own thread until
// stopped. An event handed to the client while the broker is away stays queued in it and goes out
// on reconnect (libmosquitto), so every event it sent must reach the broker.
class Publisher
{
public:
    Publisher(const Site& site, const DeviceDirectory& directory, int port)
        : m_topics(site.id), m_directory(directory), m_device(site.patients[2].wristband),
          m_gateway(site.gateways.front().id), m_tag(site.staff.front().badge)
    {
        MqttSettings s;
        s.port = port;
        s.clientId = QStringLiteral("outage-publisher");
        m_client = std::make_unique<MqttClient>(s);
        m_client->start();
    }
    ~Publisher() { stop(); }
    bool connected() const { return m_client->state() == MqttState::Connected; }
    void run(int advertsPerSecond, int eventsPerSecond)
    {
        m_thread = std::thread([=, this] {
            const auto start = std::chrono::steady_clock::now();
            qint64 adverts = 0, events = 0;
            while (!m_stop) {
                const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (; adverts < qint64(s * advertsPerSecond); ++adverts) {
                    BeaconBatch b{m_directory.gateway(m_gateway.toStdString()), now, now, {}};
                    b.reports = {{m_directory.tag(m_tag.toStdString()), now, qint16(-60 - adverts % 20), 0}};
                    if (m_client->publish(m_topics.adverts(m_gateway), encode(b, m_directory), 0, false))
                        ++m_advertsSent;
                }
                for (; events < qint64(s * eventsPerSecond); ++events) {
                    const quint32 seq = quint32(events + 1);
                    const auto kind = seq % 50 == 0 ? DeviceEventKind::Panic : DeviceEventKind::ButtonSingle;
                    const DeviceEventMsg ev = test::deviceEvent(m_device, kind, now, now, Boot, seq);
                    if (m_client->publish(m_topics.event(m_device), encode(ev), 1, false))
                        m_lastSeq = seq;
                    else
                        m_failed = true;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    // Waits until the client has nothing left unsent.
    bool drained(int ms) { return QTest::qWaitFor([&] { return m_client->unacknowledged() <= 0; }, ms); }
    quint32 lastSeq() const { return m_lastSeq; }
    bool failed() const { return m_failed; }
    qint64 advertsSent() const { return m_advertsSent; }
    const QString& device() const { return m_device; }
    static constexpr quint32 Boot = 9;

private:
    Topics m_topics;
    const DeviceDirectory& m_directory;
    QString m_device, m_gateway, m_tag;
    std::unique_ptr<MqttClient> m_client;
    std::thread m_thread;
    std::atomic<bool> m_stop{false}, m_failed{false};
    std::atomic<quint32> m_lastSeq{0};
    std::atomic<qint64> m_advertsSent{0};
};

struct Outcome
{
    quint32 sent = 0;
    QSet<quint32> arrived;
    quint64 appliedTwice = 0; // events the station applied again (a repeat not dropped)
    quint64 duplicates = 0, lost = 0;
    qint64 reconnectMs = -1;
    bool brokerAlarmRaised = false, brokerAlarmEnded = false, lostAlarmRaised = false;
    bool publisherFailed = false; // its client refused an event
    quint64 deafLeft = 0;         // connections the station left because they carried nothing
    QByteArray brokerLog;
};

} // namespace

class TestBrokerOutage : public QObject
{
    Q_OBJECT
    QByteArray m_brokerLog; // of the case that ran last

    // One run: flood 3 s, take the broker away for 4 s (stopped or killed), bring it back, flood 3 s
    // more, then wait until every event is accounted for.
    Outcome outage(bool kill)
    {
        Outcome out;
        QTemporaryDir dir;
        if (qEnvironmentVariableIsSet("WW_KEEP_BROKER_DIR")) {
            dir.setAutoRemove(false);
            qInfo("broker folder kept: %s", qPrintable(dir.path()));
        }
        test::PrivateBroker broker(dir.filePath(QStringLiteral("broker")));
        const int port = broker.start();
        if (port <= 0)
            return out;
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const DeviceDirectory directory(site);
        SystemClock clock;
        StationOptions options;
        options.stationId = kill ? QStringLiteral("outage-kill") : QStringLiteral("outage-stop");
        options.mqtt.port = port;
        options.alarmLogPath = dir.filePath(QStringLiteral("log.sqlite"));
        StationCore station(site, clock, options);
        QObject context;
        std::mutex mutex;
        Publisher publisher(site, directory, port);
        connect(&station.core(), &WardCore::deviceEvent, &context, [&](const DeviceEventMsg& ev) {
            if (ev.deviceId == publisher.device() && ev.boot == Publisher::Boot) {
                std::lock_guard lock(mutex);
                if (out.arrived.contains(ev.seq))
                    ++out.appliedTwice;
                out.arrived.insert(ev.seq);
            }
        });
        connect(&station.core(), &WardCore::alarmChanged, &context, [&](const AlarmState& a) {
            std::lock_guard lock(mutex);
            if (a.rule == u"tech.broker") {
                out.brokerAlarmRaised |= a.signalling();
                out.brokerAlarmEnded = out.brokerAlarmRaised && a.ended();
            }
            out.lostAlarmRaised |= a.rule == u"tech.events-lost" && a.source == publisher.device();
        });
        station.start();
        if (!QTest::qWaitFor([&] { return station.connectionState() == MqttState::Connected && station.mqtt().allSubscribed(); }, 10000) ||
            !QTest::qWaitFor([&] { return publisher.connected(); }, 10000))
            return out;

        publisher.run(10'000, 100);
        QTest::qWait(3000);
        if (kill)
            broker.crash();
        else
            broker.stop();
        QTest::qWait(4000); // the outage
        if (!broker.restartSamePort())
            return out;
        QElapsedTimer back;
        back.start();
        if (QTest::qWaitFor([&] { return station.connectionState() == MqttState::Connected; }, 10000))
            out.reconnectMs = back.elapsed();
        // The publisher goes on until the station has answered on its last connection for 3 s: a
        // connection found deaf is left (and its session possibly ended), so events sent after the
        // last one are what shows the gap before them (counted lost by sequence number).
        QElapsedTimer answering;
        (void)QTest::qWaitFor(
            [&] {
                const bool ok = station.connectionState() == MqttState::Connected && !station.brokerSilent() &&
                                station.mqtt().allSubscribed();
                if (!ok)
                    answering.invalidate();
                else if (!answering.isValid())
                    answering.start();
                return ok && answering.elapsed() >= 3000;
            },
            60000);
        out.deafLeft = station.deafConnectionsLeft();
        publisher.stop();
        (void)publisher.drained(10000);
        out.sent = publisher.lastSeq();
        qInfo("%s: %u events and %lld adverts sent; broker back, station reconnected after %lld ms", kill ? "killed" : "stopped",
              out.sent, static_cast<long long>(publisher.advertsSent()), static_cast<long long>(out.reconnectMs));
        // Every event arrived or, past the grace for late ones, counted lost.
        auto lostNow = [&] {
            quint64 n = 0;
            QMetaObject::invokeMethod(&station.core(), [&] { n = station.core().eventsLost(); }, Qt::BlockingQueuedConnection);
            return n;
        };
        const bool accounted = QTest::qWaitFor(
            [&] {
                std::lock_guard lock(mutex);
                return quint64(out.arrived.size()) + lostNow() >= out.sent;
            },
            int(WardCore::EventGapGraceMs) + 20000);
        Q_UNUSED(accounted);
        QTest::qWait(1500); // one more alarm tick: a loss counted is raised in the same tick
        out.lost = lostNow();
        out.duplicates = station.core().duplicatesDropped();
        (void)QTest::qWaitFor([&] { std::lock_guard lock(mutex); return out.brokerAlarmEnded; }, 10000);
        station.stop();
        qInfo("%s: %lld of %u events arrived, %llu counted lost, %llu repeats dropped; %llu deaf connections left", kill ? "killed" : "stopped",
              static_cast<long long>(out.arrived.size()), out.sent, static_cast<unsigned long long>(out.lost),
              static_cast<unsigned long long>(out.duplicates), static_cast<unsigned long long>(out.deafLeft));
        out.publisherFailed = publisher.failed();
        out.brokerLog = broker.log();
        return out;
    }

private Q_SLOTS:
    void brokerStoppedAndRestartedLosesNothing()
    {
        const Outcome o = outage(false);
        m_brokerLog = o.brokerLog;
        QVERIFY(!o.publisherFailed);
        QVERIFY(o.sent > 500);
        // Back within seconds of the broker's return (the reconnect back-off is capped at 2 s).
        QVERIFY(o.reconnectMs >= 0);
        QVERIFY2(o.reconnectMs <= 4000, qPrintable(QString::number(o.reconnectMs)));
        // Every sequence number accounted for: all arrived, each applied once (repeats dropped).
        QCOMPARE(quint32(o.arrived.size()), o.sent);
        QCOMPARE(o.appliedTwice, quint64(0));
        for (quint32 seq = 1; seq <= o.sent; ++seq)
            QVERIFY2(o.arrived.contains(seq), qPrintable(QString::number(seq)));
        QCOMPARE(o.lost, quint64(0));
        QVERIFY(!o.lostAlarmRaised);
        // The outage was a technical alarm, and it ended.
        QVERIFY(o.brokerAlarmRaised);
        QVERIFY(o.brokerAlarmEnded);
    }

    // The broker's log, without the per-message lines of WW_BROKER_LOG=all, when a case failed.
    void cleanup()
    {
        if (!QTest::currentTestFailed() || m_brokerLog.isEmpty())
            return;
        QByteArrayList lines;
        for (const QByteArray& line : m_brokerLog.split('\n'))
            if (!line.contains(" PUBLISH ") && !line.contains(" PUBACK ") && !line.contains("Saving in-memory"))
                lines << line;
        qInfo("broker log:\n%s", lines.join('\n').constData());
        m_brokerLog.clear();
    }

    void brokerKilledLossesAreCountedAndRaised()
    {
        const Outcome o = outage(true);
        m_brokerLog = o.brokerLog;
        QVERIFY(!o.publisherFailed);
        QVERIFY(o.sent > 500);
        QVERIFY(o.reconnectMs >= 0);
        // Accounted for: each event arrived, or its number is counted lost; none applied twice.
        QCOMPARE(quint64(o.arrived.size()) + o.lost, quint64(o.sent));
        QCOMPARE(o.appliedTwice, quint64(0));
        QCOMPARE(o.lostAlarmRaised, o.lost > 0);
        QVERIFY(o.brokerAlarmRaised);
        QVERIFY(o.brokerAlarmEnded);
    }
};

QTEST_GUILESS_MAIN(TestBrokerOutage)
#include "tst_broker_outage.moc"
