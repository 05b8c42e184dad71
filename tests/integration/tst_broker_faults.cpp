// The station against a real mosquitto that stops answering: a hung broker (SIGSTOP) is a
// high-priority technical alarm within 10 s, shown as not answering, and ends when the broker
// answers again (SIGCONT).
#include "brokerfixture.h"
#include "core/stationcore.h"
#include "domain/clock.h"

#include <QElapsedTimer>
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
};

QTEST_GUILESS_MAIN(TestBrokerFaults)
#include "tst_broker_faults.moc"
