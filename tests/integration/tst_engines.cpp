// Positioning engines on a real broker, each its own process (wardwatch --engine), fed by the
// simulator (its own process): while two run, every tag's positions come from exactly one of them,
// the one rendezvous hashing names, and both carry a share; killed without a word, one engine's
// tags pass to the other (its MQTT will tells it); a station fed by the engines computes no fix
// itself and shows its patients at rest in their true rooms.
#include "station_support.h"
#include "brokerfixture.h"
#include "core/stationcore.h"
#include "models/wardmodels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <map>

using namespace ww;

namespace {

// An engine process and what it has said about the engines online.
struct EngineProcess
{
    QProcess process;
    QStringList engines; // from its last "engines" line

    void start(const QString& id, int port, const QString& home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        process.setProcessEnvironment(env);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] {
            while (process.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(process.readLine()).object();
                if (o.value(QStringLiteral("event")) == QStringLiteral("engines")) {
                    engines.clear();
                    for (const auto& e : o.value(QStringLiteral("engines")).toArray())
                        engines << e.toString();
                }
            }
        });
        process.start(QStringLiteral(WW_ENGINE), {QStringLiteral("--station-id"), id,
                                                     QStringLiteral("--port"), QString::number(port)});
    }
};

} // namespace

class TestEngines : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enginesShareTheTagsAndTakeOverEachOthers()
    {
        QTemporaryDir dir;
        test::PrivateBroker broker(dir.filePath(QStringLiteral("broker")));
        const int port = broker.start();
        QVERIFY(port > 0);
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        const Site& site = *loaded.site;
        const Topics topics(site.id);
        const DeviceDirectory directory(site);

        // Who published each tag's positions, and how many, in the current phase.
        std::map<QString, std::map<QString, int>> publishers;
        MqttSettings watch;
        watch.port = port;
        watch.clientId = QStringLiteral("engines-watch");
        MqttClient watcher(watch);
        watcher.addSubscription(topics.prefix() + QStringLiteral("pos/+"), 0);
        std::mutex mutex;
        watcher.setMessageHandler([&](const char* topic, std::span<const std::byte> payload, qint64) {
            DecodeContext ctx;
            ctx.nowMs = QDateTime::currentMSecsSinceEpoch();
            const DecodeResult r = decodeWire(TopicKind::Position, topics.parse(topic, {}).id, payload, ctx);
            if (r.error || r.messages.isEmpty())
                return;
            const auto& p = std::get<PositionMsg>(r.messages.front());
            std::lock_guard lock(mutex);
            ++publishers[p.tagId][p.engineId];
        });
        watcher.start();
        // Tags located at least `times` times in the current phase (by `engine` only, if given).
        auto located = [&](int times, const QString& engine = {}) {
            std::lock_guard lock(mutex);
            int tags = 0;
            for (const auto& [tag, by] : publishers) {
                int n = 0;
                for (const auto& [e, count] : by)
                    n += engine.isEmpty() || e == engine ? count : 0;
                tags += n >= times ? 1 : 0;
            }
            return tags;
        };

        // The station: its locations from the engines.
        SystemClock clock;
        StationOptions options;
        options.stationId = QStringLiteral("fed-by-engines");
        options.mqtt.port = port;
        options.positionSource = PositionSource::Engines;
        StationCore station(site, clock, options);
        WardModels models(site);
        QObject::connect(&station.core(), &WardCore::updatesReady, &models, &WardModels::apply);
        station.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(station.connectionState()), int(MqttState::Connected), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(watcher.allSubscribed(), 10000);

        EngineProcess a, b;
        a.start(QStringLiteral("eng-a"), port, dir.path());
        b.start(QStringLiteral("eng-b"), port, dir.path());
        QVERIFY(a.process.waitForStarted() && b.process.waitForStarted());
        const QStringList both{QStringLiteral("eng-a"), QStringLiteral("eng-b")};
        QTRY_VERIFY_WITH_TIMEOUT(a.engines == both && b.engines == both, 15000);

        const QString truthFile = dir.filePath(QStringLiteral("truth.json"));
        QProcess sim;
        sim.setProcessChannelMode(QProcess::ForwardedChannels);
        sim.start(QStringLiteral(WW_WARDSIM), {QStringLiteral("--port"), QString::number(port), QStringLiteral("--seed"),
                                               QStringLiteral("5"), QStringLiteral("--duration"), QStringLiteral("16"),
                                               QStringLiteral("--truth-out"), truthFile});
        QVERIFY(sim.waitForStarted());

        // Phase 1, both engines: each tag from exactly its owner. Watched until half the tags have
        // been located three times each (had a second engine published one, it would have shown),
        // with both engines among the publishers.
        QTRY_VERIFY_WITH_TIMEOUT(located(3) >= directory.tagCount() / 2 && located(1, both[0]) > 0 && located(1, both[1]) > 0,
                                 15000);
        std::map<QString, std::map<QString, int>> phase1;
        {
            std::lock_guard lock(mutex);
            phase1.swap(publishers);
        }
        std::map<QString, int> share;
        for (const auto& [tag, engines] : phase1) {
            QVERIFY2(engines.size() == 1, qPrintable(tag + QStringLiteral(" located by more than one engine")));
            QCOMPARE(engines.begin()->first, WardCore::ownerOf(tag, both));
            ++share[engines.begin()->first];
        }
        qInfo("both engines: %d tags located, %d by eng-a, %d by eng-b", int(phase1.size()), share[QStringLiteral("eng-a")],
              share[QStringLiteral("eng-b")]);
        QVERIFY(int(phase1.size()) >= directory.tagCount() / 2);
        QVERIFY(share[QStringLiteral("eng-a")] > 0 && share[QStringLiteral("eng-b")] > 0);

        // Phase 2: eng-a killed (no clean goodbye: the broker sends its will); eng-b takes every tag.
        a.process.kill();
        QVERIFY(a.process.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(b.engines == QStringList{QStringLiteral("eng-b")}, 10000);
        {
            std::lock_guard lock(mutex);
            publishers.clear();
        }
        // Watched until nine in ten of eng-a's tags have been located three times each since.
        int formerlyA = 0;
        for (const auto& [tag, engines] : phase1)
            formerlyA += engines.begin()->first == u"eng-a" ? 1 : 0;
        auto takenOverTimes = [&](int times) {
            std::lock_guard lock(mutex);
            int n = 0;
            for (const auto& [tag, engines] : phase1)
                if (engines.begin()->first == u"eng-a" && publishers.count(tag)) {
                    int count = 0;
                    for (const auto& [e, k] : publishers.at(tag))
                        count += k;
                    n += count >= times ? 1 : 0;
                }
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(takenOverTimes(3) * 10 >= formerlyA * 9, 15000);
        const int takenOver = takenOverTimes(1);
        {
            std::lock_guard lock(mutex);
            for (const auto& [tag, engines] : publishers)
                QVERIFY2(engines.size() == 1 && engines.begin()->first == u"eng-b", qPrintable(tag));
        }
        qInfo("after eng-a was killed: %d of eng-a's %d tags located by eng-b", takenOver, formerlyA);
        QVERIFY(takenOver * 10 >= formerlyA * 9);

        QTRY_VERIFY_WITH_TIMEOUT(sim.state() == QProcess::NotRunning, 30000);
        QCOMPARE(sim.exitCode(), 0);

        // The station: no fix of its own (though it has every advert, and has flushed since), its
        // patients at rest in their true rooms.
        QVERIFY(test::caughtUp(station, watcher, site));
        QVERIFY(station.stats().snapshot().beaconReports > 0);
        QCOMPARE(station.core().fixesComputed(), quint64(0));
        QFile f(truthFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject tags = truth.value(QStringLiteral("tags")).toObject();
        const QJsonArray silent = truth.value(QStringLiteral("silent")).toArray();
        int still = 0, right = 0;
        for (int row = 0; row < models.patients.rowCount(); ++row) {
            const PatientRow& patient = models.patients.rowAt(row);
            const QJsonObject t = tags.value(patient.wristband).toObject();
            if (patient.vacant() || t.value(QStringLiteral("moving")).toBool() || silent.contains(patient.wristband))
                continue;
            ++still;
            right += patient.location.roomId == t.value(QStringLiteral("room")).toString();
        }
        qInfo("station fed by the engines, patients at rest in their true room: %d of %d", right, still);
        QVERIFY(still > 20);
        QVERIFY(right * 10 >= still * 9);

        b.process.kill();
        b.process.waitForFinished(5000);
        station.stop();
        watcher.stop();
    }
};

QTEST_MAIN(TestEngines)
#include "tst_engines.moc"
