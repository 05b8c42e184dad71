// The station announces itself: a running WardWatch process publishes its presence (retained,
// with the site hash), and when it dies without a goodbye the broker publishes its will: offline.
#include "brokerfixture.h"
#include "transport/mqttclient.h"
#include "transport/topics.h"
#include "wardwatch.pb.h"

#include <QTemporaryDir>
#include <mutex>

using namespace ww;

class TestStationPresence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void willSaysOfflineWhenTheStationDies()
    {
        const int port = test::fixtureBrokerPort();
        QVERIFY(port > 0);
        std::mutex mutex;
        std::vector<v1::StationPresence> seen;
        MqttSettings s;
        s.port = port;
        MqttClient watcher(s);
        watcher.addSubscription(QStringLiteral("ww/v1/stmarys-w7/station/presence-test"), 1);
        watcher.setMessageHandler([&](const char*, std::span<const std::byte> p, qint64) {
            v1::StationPresence m;
            if (m.ParseFromArray(p.data(), int(p.size()))) {
                std::lock_guard lock(mutex);
                seen.push_back(m);
            }
        });
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(watcher.state()), int(MqttState::Connected), 5000);

        QTemporaryDir home;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(WW_WARDWATCH), {QStringLiteral("--port"), QString::number(port), QStringLiteral("--station-id"),
                                                 QStringLiteral("presence-test")});
        QVERIFY(app.waitForStarted());
        auto last = [&]() -> std::optional<v1::StationPresence> {
            std::lock_guard lock(mutex);
            if (seen.empty())
                return std::nullopt;
            return seen.back();
        };
        QTRY_VERIFY_WITH_TIMEOUT(last() && last()->online(), 15000);
        QCOMPARE(QString::fromStdString(last()->station_id()), QStringLiteral("presence-test"));
        QCOMPARE(last()->site_hash().size(), size_t(64)); // SHA-256 of the site file, hex

        app.kill(); // no goodbye: only the will can tell
        app.waitForFinished();
        QTRY_VERIFY_WITH_TIMEOUT(last() && !last()->online(), 15000);
    }
};

QTEST_GUILESS_MAIN(TestStationPresence)
#include "tst_station_presence.moc"
