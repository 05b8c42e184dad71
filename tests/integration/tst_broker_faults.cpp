// The station against a real mosquitto in trouble: a hung broker (SIGSTOP) is a high-priority
// technical alarm within 10 s, shown as not answering, and ends when the broker answers again
// (SIGCONT); a broker restarted without its saved state (the session and every retained message
// lost) gets the station's open alarms published again.
#include "brokerfixture.h"
#include "core/stationcore.h"
#include "domain/clock.h"
#include "fakes.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"

#include <mutex>

#include <QElapsedTimer>
#include <QProcess>
#include "records/alarmlog.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace ww;

class TestBrokerFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hungBrokerIsAHighAlarmWithinTenSeconds()
    {
        QTemporaryDir dir;
        test::PrivateBroker broker(dir.filePath(QStringLiteral("broker")));
        const int port = broker.start();
        QVERIFY(port > 0);
        QFile pidFile(dir.filePath(QStringLiteral("broker/mosquitto.pid")));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(pidFile.readAll().trimmed().toInt());
        QVERIFY(pid > 0);

        const auto loaded = SiteLoader::loadDefault();
        SystemClock clock;
        StationOptions options;
        options.stationId = QStringLiteral("watching");
        options.mqtt.port = port;
        options.alarmLogPath = dir.filePath(QStringLiteral("log.sqlite"));
        StationCore station(*loaded.site, clock, options);
        QObject context;
        std::optional<AlarmState> brokerAlarm;
        QStringList states;
        connect(&station.core(), &WardCore::alarmChanged, &context, [&](const AlarmState& a) {
            if (a.rule == QLatin1String("tech.broker"))
                brokerAlarm = a;
        });
        connect(&station, &StationCore::connectionChanged, &context,
                [&](MqttState s, const QString& detail) { states << toString(s) + QLatin1Char(' ') + detail; });
        station.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(station.connectionState()), int(MqttState::Connected), 10000);

        QCOMPARE(::kill(pid, SIGSTOP), 0);
        QElapsedTimer stopped;
        stopped.start();
        QTRY_VERIFY_WITH_TIMEOUT(brokerAlarm && brokerAlarm->signalling(), 10000);
        qInfo("hung broker raised tech.broker after %lld ms", static_cast<long long>(stopped.elapsed()));
        QCOMPARE(int(brokerAlarm->priority), int(Priority::High));
        QVERIFY(station.brokerSilent());
        QVERIFY2(states.join(u'|').contains(QStringLiteral("broker not answering")), qPrintable(states.join(u'|')));

        QCOMPARE(::kill(pid, SIGCONT), 0);
        QTRY_VERIFY_WITH_TIMEOUT(brokerAlarm->ended(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!station.brokerSilent(), 20000);
        station.stop();
    }

    // systemd stops a station with SIGTERM: it ends as a clean quit does, and the core saves its
    // positioning memory beside the alarm log (readable by the station's account only).
    void sigtermEndsTheStationCleanly()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        QProcess station;
        station.setProcessEnvironment(env);
        station.start(QStringLiteral(WW_HEADLESS), {QStringLiteral("--port"), QStringLiteral("1"), QStringLiteral("--station-id"),
                                                    QStringLiteral("st-term"), QStringLiteral("--alarm-log"),
                                                    dir.filePath(QStringLiteral("logs/station.sqlite"))});
        QVERIFY(station.waitForStarted());
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += station.readAllStandardOutput();
            return out.contains("\"event\":\"ready\"");
        }, 20000));
        const QString memory = dir.filePath(QStringLiteral("logs/positioning-st-term.json"));
        QVERIFY(!QFile::exists(memory));
        station.terminate(); // SIGTERM
        QVERIFY(station.waitForFinished(10000));
        QCOMPARE(station.exitStatus(), QProcess::NormalExit);
        QCOMPARE(station.exitCode(), 0);
        QFile f(memory);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("format")).toString(),
                 QStringLiteral("wardwatch-positioning-memory"));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
    }

    // The station's alarm log must not vanish or shrink between two starts: a log it had written rows
    // to, missing at the next start or replaced by an older copy of itself, stops the station (exit 2,
    // saying why) unless --new-log is given.
    void missingLogRefusesToStart()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("station.sqlite"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path()); // its own settings
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        auto start = [&](QProcess& p, const QStringList& extra) {
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(WW_HEADLESS), QStringList{QStringLiteral("--port"), QStringLiteral("1"),
                                                              QStringLiteral("--alarm-log"), log} + extra);
            return p.waitForStarted();
        };
        {
            // No broker on port 1: within seconds the station logs its own broker-lost alarm.
            QProcess station;
            QVERIFY(start(station, {}));
            QByteArray out;
            QVERIFY(QTest::qWaitFor([&] {
                out += station.readAllStandardOutput();
                return out.contains("\"event\":\"alarm\"") && out.contains("tech.broker");
            }, 20000));
            station.write("quit\n");
            QVERIFY(station.waitForFinished(10000));
            QCOMPARE(station.exitCode(), 0);
        }
        QVERIFY(AlarmLog::rowCount(log) > 0);
        QVERIFY(QFile::remove(log));
        {
            QProcess station;
            QVERIFY(start(station, {}));
            QVERIFY(station.waitForFinished(10000));
            QCOMPARE(station.exitCode(), 2);
            const QByteArray err = station.readAllStandardError();
            QVERIFY2(err.contains("is missing, but this station had written") && err.contains("--new-log"), err.constData());
            QVERIFY(!QFile::exists(log)); // nothing was started on a new file
        }
        // Started on purpose on a new log, then again on it: each run logs its broker-lost alarm.
        auto runUntilBrokerLost = [&](const QStringList& extra) {
            QProcess station;
            QVERIFY(start(station, extra));
            QByteArray out;
            QVERIFY(QTest::qWaitFor([&] {
                out += station.readAllStandardOutput();
                return out.contains("\"event\":\"ready\"") && out.contains("tech.broker");
            }, 20000));
            station.write("quit\n");
            QVERIFY(station.waitForFinished(10000));
            QCOMPARE(station.exitCode(), 0);
        };
        runUntilBrokerLost({QStringLiteral("--new-log")});
        const QString older = dir.filePath(QStringLiteral("older-copy.sqlite"));
        QVERIFY(QFile::copy(log, older));
        const qint64 olderRows = AlarmLog::rowCount(older);
        runUntilBrokerLost({});
        QVERIFY(AlarmLog::rowCount(log) > olderRows);
        // The older copy put back in its place (its seal genuine, for fewer rows): refused.
        QVERIFY(QFile::remove(log) && QFile::copy(older, log));
        {
            QProcess station;
            QVERIFY(start(station, {}));
            QVERIFY(station.waitForFinished(10000));
            QCOMPARE(station.exitCode(), 2);
            const QByteArray err = station.readAllStandardError();
            QVERIFY2(err.contains(QStringLiteral("holds %1 rows, but this station had written").arg(olderRows).toUtf8()), err.constData());
        }
    }

    // An open panic's retained state, lost with a broker restarted without its saved state, is there
    // again once the station reconnects (it saw the broker had no session of it).
    void lostSessionRepublishesOpenAlarms()
    {
        QTemporaryDir dir;
        test::PrivateBroker broker(dir.filePath(QStringLiteral("broker")));
        const int port = broker.start();
        QVERIFY(port > 0);
        const auto loaded = SiteLoader::loadDefault();
        // Without escalation: the panic's state changes no more once raised, so whatever reaches
        // the restarted broker is the station publishing it again, not a later revision.
        Site site = *loaded.site;
        for (AlarmRule& rule : site.alarms.rules)
            rule.escalation.clear();
        const Topics topics(site.id);
        SystemClock clock;
        StationOptions options;
        options.stationId = QStringLiteral("keeper");
        options.mqtt.port = port;
        options.alarmLogPath = dir.filePath(QStringLiteral("log.sqlite"));
        StationCore station(site, clock, options);
        station.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(station.connectionState()), int(MqttState::Connected), 10000);
        const qint64 t = clock.nowMs();
        const DeviceEventMsg panic = test::deviceEvent(site.patients[1].wristband, DeviceEventKind::Panic, t, t, 1, 7);
        QMetaObject::invokeMethod(&station.core(), [&] { station.core().apply(QVector<Decoded>{panic}); }, Qt::BlockingQueuedConnection);

        // Who sees the retained alarm states on alarm/+ (a fresh client each time).
        auto retainedPanics = [&](const QString& clientId) {
            MqttSettings watch;
            watch.port = port;
            watch.clientId = clientId;
            MqttClient watcher(watch);
            watcher.addSubscription(topics.prefix() + QStringLiteral("alarm/+"), 1);
            std::mutex mutex;
            int panics = 0;
            watcher.setMessageHandler([&](const char* topic, std::span<const std::byte> payload, qint64) {
                DecodeContext ctx;
                ctx.nowMs = QDateTime::currentMSecsSinceEpoch();
                const DecodeResult r = decodeWire(TopicKind::Alarm, topics.parse(topic, {}).id, payload, ctx);
                if (!r.error && !r.messages.isEmpty() && std::get<AlarmStateMsg>(r.messages.front()).state.rule == u"event.panic") {
                    std::lock_guard lock(mutex);
                    ++panics;
                }
            });
            watcher.start();
            if (!QTest::qWaitFor([&] { return watcher.allSubscribed(); }, 5000))
                return -1;
            // The retained state comes right after the SUBACK, or the republished one soon after.
            const bool seen = QTest::qWaitFor([&] { std::lock_guard lock(mutex); return panics > 0; }, 5000);
            watcher.stop();
            if (!seen)
                return 0;
            std::lock_guard lock(mutex);
            return panics;
        };
        QVERIFY(retainedPanics(QStringLiteral("watch-1")) > 0);

        broker.stop();
        QTRY_VERIFY_WITH_TIMEOUT(station.connectionState() != MqttState::Connected, 10000);
        // Restarted without what it saved (a broker without persistence, or its disk lost): sessions
        // and retained messages are gone.
        QVERIFY(broker.restartSamePort(test::PrivateBroker::Saved::Lost));
        QTRY_COMPARE_WITH_TIMEOUT(int(station.connectionState()), int(MqttState::Connected), 15000);
        QVERIFY(!station.mqtt().sessionPresent());
        QVERIFY(retainedPanics(QStringLiteral("watch-2")) > 0);
        station.stop();
    }
};

QTEST_GUILESS_MAIN(TestBrokerFaults)
#include "tst_broker_faults.moc"
