// The Qt Positioning plugin "wardwatch" (positioning/qtplugin), loaded by name as any Qt program
// loads it (QT_PLUGIN_PATH=<build>/plugins), receiving a tag's positions from a running engine
// (wardwatch-engine, signing with a key the site lists) fed by the simulator through a real broker:
// each coordinate is the site's geo-reference of the engine's x/y, at the floor's altitude, with
// the floor as a backend property. A position signed by a key the site does not list is refused
// and reported; bad parameters and a broker that never answers give errorOccurred, not a wait.
//
// This program also links WardWatch's own wire code (full protobuf) to watch what the engine sent:
// the plugin, built on the lite runtime with its symbols hidden, must load beside it.
#include "brokerfixture.h"
#include "domain/devicedirectory.h"
#include "positioning/georef.h"
#include "transport/mqttclient.h"
#include "transport/signing.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGeoPositionInfoSource>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtMath>

#include <map>
#include <mutex>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ww;

class TestQtPositionPlugin : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateBroker> m_broker;
    int m_port = 0;
    QString m_siteFile;
    std::optional<Site> m_site;
    QProcess m_engine, m_sim;
    std::unique_ptr<MqttClient> m_watcher;
    std::unique_ptr<SignatureCheck> m_check;
    std::mutex m_mutex;
    std::map<QString, std::map<qint64, PositionMsg>> m_sent; // by tag and time: what the engine published

    QVariantMap parameters(const QString& tag) const
    {
        return {{QStringLiteral("wardwatch.host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("wardwatch.port"), m_port},
                {QStringLiteral("wardwatch.site"), m_siteFile},
                {QStringLiteral("wardwatch.tag"), tag}};
    }
    std::optional<PositionMsg> sent(const QString& tag, qint64 timeMs)
    {
        std::lock_guard lock(m_mutex);
        const auto t = m_sent.find(tag);
        if (t == m_sent.end())
            return std::nullopt;
        const auto p = t->second.find(timeMs);
        return p == t->second.end() ? std::nullopt : std::optional(p->second);
    }
    QString locatedTag()
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [tag, positions] : m_sent)
            if (positions.size() >= 2)
                return tag;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The ward's site file with the engine's public key: signed positions only.
        const SigningKey key = SigningKey::generate();
        QString error;
        const QString keyFile = m_dir.filePath(QStringLiteral("eng-q.key"));
        QVERIFY2(key.save(keyFile, &error), qPrintable(error));
        QFile f(QStringLiteral(WW_SOURCE_DIR "/resources/site/default-site.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        root.insert(QStringLiteral("signing"),
                    QJsonObject{{QStringLiteral("keys"),
                                 QJsonObject{{QStringLiteral("eng-q"), key.publicKeyBase64()}}}});
        m_siteFile = m_dir.filePath(QStringLiteral("site.json"));
        QFile out(m_siteFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        for (const char* svg : {"floor1.svg", "floor2.svg"})
            QVERIFY(QFile::copy(QStringLiteral(WW_SOURCE_DIR "/resources/site/") + QLatin1String(svg),
                                m_dir.filePath(QLatin1String(svg))));
        SiteLoadResult loaded = SiteLoader::loadFile(m_siteFile);
        QVERIFY2(loaded.site, qPrintable(loaded.errors.join(u'\n')));
        m_site = std::move(loaded.site);
        QVERIFY(!m_site->signingKeys.isEmpty() && !m_site->acceptUnsigned);

        m_broker = std::make_unique<test::PrivateBroker>(m_dir.filePath(QStringLiteral("broker")));
        m_port = m_broker->start();
        QVERIFY(m_port > 0);

        // What the engine publishes, checked and decoded by WardWatch's own code.
        const Topics topics(m_site->id);
        m_check = std::make_unique<SignatureCheck>(TrustSettings{.keys = m_site->signingKeys});
        MqttSettings watch;
        watch.port = m_port;
        watch.clientId = QStringLiteral("qtposition-watch");
        m_watcher = std::make_unique<MqttClient>(watch);
        m_watcher->addSubscription(topics.prefix() + QStringLiteral("pos/+"), 0);
        m_watcher->setMessageHandler(
            [this, topics](const char* topic, std::span<const std::byte> payload, qint64) {
                const SignatureCheck::Result verified = m_check->check(topic, payload);
                if (verified.outcome != SignatureCheck::Outcome::Valid)
                    return;
                DecodeContext ctx;
                ctx.nowMs = QDateTime::currentMSecsSinceEpoch();
                const DecodeResult r =
                    decodeWire(TopicKind::Position, topics.parse(topic, {}).id, verified.body(), ctx);
                if (r.error || r.messages.isEmpty())
                    return;
                const auto& p = std::get<PositionMsg>(r.messages.front());
                std::lock_guard lock(m_mutex);
                m_sent[p.tagId][p.timeMs] = p;
            });
        m_watcher->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_watcher->allSubscribed(), 10000);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        m_engine.setProcessEnvironment(env);
        m_engine.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_engine.start(QStringLiteral(WW_ENGINE),
                       {QStringLiteral("--station-id"), QStringLiteral("eng-q"), QStringLiteral("--port"),
                        QString::number(m_port), QStringLiteral("--site"), m_siteFile,
                        QStringLiteral("--signing-key"), keyFile});
        QVERIFY(m_engine.waitForStarted());
        m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sim.start(QStringLiteral(WW_WARDSIM),
                    {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--seed"),
                     QStringLiteral("5"), QStringLiteral("--duration"), QStringLiteral("180")});
        QVERIFY(m_sim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!locatedTag().isEmpty(), 30000);
    }

    void cleanupTestCase()
    {
        for (QProcess* p : {&m_sim, &m_engine})
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(5000))
                    p->kill();
                p->waitForFinished(5000);
            }
        m_watcher.reset();
    }

    void loadedByNameAndNotForOthers()
    {
        const QStringList sources = QGeoPositionInfoSource::availableSources();
        QVERIFY2(sources.contains(QStringLiteral("wardwatch")),
                 qPrintable(QStringLiteral("sources: %1 (QT_PLUGIN_PATH=%2)")
                                .arg(sources.join(u", "), qEnvironmentVariable("QT_PLUGIN_PATH"))));
        // Without a parameter of its own the plugin makes no source (createDefaultSource goes on).
        QVERIFY(!QGeoPositionInfoSource::createSource(QStringLiteral("wardwatch"), {}, this));
    }

    void positionsOfARunningEngine()
    {
        const QString tag = locatedTag();
        QVERIFY(!tag.isEmpty());
        std::unique_ptr<QGeoPositionInfoSource> source(
            QGeoPositionInfoSource::createSource(QStringLiteral("wardwatch"), parameters(tag), nullptr));
        QVERIFY(source);
        QCOMPARE(source->sourceName(), QStringLiteral("wardwatch"));
        QCOMPARE(source->error(), QGeoPositionInfoSource::NoError);
        QCOMPARE(source->supportedPositioningMethods(),
                 QGeoPositionInfoSource::NonSatellitePositioningMethods);
        QVERIFY(!source->lastKnownPosition().isValid());
        QVERIFY(!source->backendProperty(QStringLiteral("floor")).isValid());
        QCOMPARE(source->backendProperty(QStringLiteral("tag")).toString(), tag);

        QList<QGeoPositionInfo> received;
        QList<int> floors;
        connect(source.get(), &QGeoPositionInfoSource::positionUpdated, this,
                [&](const QGeoPositionInfo& info) {
                    received << info;
                    floors << source->backendProperty(QStringLiteral("floor")).toInt();
                });
        QSignalSpy errors(source.get(), &QGeoPositionInfoSource::errorOccurred);
        source->startUpdates();
        QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 3, 30000);
        QCOMPARE(errors.count(), 0);

        for (int i = 0; i < received.size(); ++i) {
            const QGeoPositionInfo& info = received.at(i);
            QVERIFY(info.isValid());
            const qint64 t = info.timestamp().toMSecsSinceEpoch();
            QTRY_VERIFY_WITH_TIMEOUT(sent(tag, t).has_value(), 5000);
            const PositionMsg p = *sent(tag, t);
            // The site's geo-reference of the engine's x/y: the one conversion (positioning/georef.h),
            // and, independently, the local tangent plane: the default ward's x axis runs north
            // (bearing 0), its y axis east.
            const QGeoCoordinate expected = pos::toGeoCoordinate(*m_site, p.x, p.y, p.floor);
            const QGeoCoordinate c = info.coordinate();
            QVERIFY(std::abs(c.latitude() - expected.latitude()) < 1e-9);
            QVERIFY(std::abs(c.longitude() - expected.longitude()) < 1e-9);
            constexpr double R = 6371007.2; // QGeoCoordinate's mean Earth radius, m
            const double lat = m_site->latitude + qRadiansToDegrees(p.x / R);
            const double lon = m_site->longitude +
                               qRadiansToDegrees(p.y / (R * std::cos(qDegreesToRadians(m_site->latitude))));
            const double off =
                QGeoCoordinate(lat, lon).distanceTo(QGeoCoordinate(c.latitude(), c.longitude()));
            QVERIFY2(off < 0.05, qPrintable(QStringLiteral("%1 m from the plane's point").arg(off)));
            QCOMPARE(c.altitude(), p.floor * pos::FloorHeightM);
            QCOMPARE(floors.at(i), p.floor);
            QVERIFY(m_site->floor(p.floor));
            QCOMPARE(info.timestamp().timeSpec(), Qt::UTC);
            QCOMPARE(info.attribute(QGeoPositionInfo::HorizontalAccuracy), p.accuracyM);
            qInfo("received %s: lat %.7f lon %.7f alt %.1f m, floor %d (%s), room %s, accuracy %.2f m, %s "
                  "UTC; engine %s x %.2f y %.2f",
                  qPrintable(tag), c.latitude(), c.longitude(), c.altitude(), floors.at(i),
                  qPrintable(source->backendProperty(QStringLiteral("floorName")).toString()),
                  qPrintable(p.room), info.attribute(QGeoPositionInfo::HorizontalAccuracy),
                  qPrintable(info.timestamp().toString(Qt::ISODateWithMs)), qPrintable(p.engineId), p.x, p.y);
        }
        QCOMPARE(source->backendProperty(QStringLiteral("engine")).toString(), QStringLiteral("eng-q"));
        QCOMPARE(source->lastKnownPosition(), received.last());
        QVERIFY(!source->lastKnownPosition(true).isValid()); // not from satellites

        // A position signed by a key the site does not list, on the followed tag's topic: refused and
        // reported; the engine's positions go on.
        PositionMsg forged = *sent(tag, received.last().timestamp().toMSecsSinceEpoch());
        forged.timeMs = QDateTime::currentMSecsSinceEpoch();
        forged.x += 30;
        forged.engineId = QStringLiteral("rogue");
        MessageSigner rogue(QStringLiteral("rogue"), SigningKey::generate());
        const QString topic = Topics(m_site->id).position(tag);
        QVERIFY(m_watcher->publish(topic, rogue.sign(topic, encode(forged)), 0, false));
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        QCOMPARE(errors.first().first().value<QGeoPositionInfoSource::Error>(),
                 QGeoPositionInfoSource::UnknownSourceError);
        const QString why = source->backendProperty(QStringLiteral("errorString")).toString();
        QVERIFY2(why.contains(u"signed by 'rogue', whose key is not in the site file"), qPrintable(why));
        QVERIFY(source->backendProperty(QStringLiteral("refused")).toULongLong() >= 1);
        qInfo("refused: %s", qPrintable(why));
        const qsizetype before = received.size();
        QTRY_VERIFY_WITH_TIMEOUT(received.size() >= before + 2, 15000);
        for (qsizetype i = before; i < received.size(); ++i)
            QVERIFY(received.at(i).timestamp().toMSecsSinceEpoch() != forged.timeMs);

        // requestUpdate while updating: answered by the next position.
        source->stopUpdates();
        const qsizetype stopped = received.size();
        source->requestUpdate(10000);
        QTRY_VERIFY_WITH_TIMEOUT(received.size() == stopped + 1, 15000);
        QCOMPARE(errors.count(), 1);
    }

    void badParametersAreReportedNotAwaited()
    {
        const QString tag = locatedTag();
        struct Case
        {
            const char* what;
            QVariantMap parameters;
            const char* named;
        };
        QVariantMap noSite = parameters(tag);
        noSite.insert(QStringLiteral("wardwatch.site"), m_dir.filePath(QStringLiteral("missing-site.json")));
        QVariantMap unknownTag = parameters(tag);
        unknownTag.insert(QStringLiteral("wardwatch.tag"), QStringLiteral("NOT-A-TAG"));
        QVariantMap badPort = parameters(tag);
        badPort.insert(QStringLiteral("wardwatch.port"), QStringLiteral("mqtt"));
        for (const Case& c : {Case{"missing site file", noSite, "wardwatch.site: "},
                              Case{"unknown tag", unknownTag, "wardwatch.tag: "},
                              Case{"bad port", badPort, "wardwatch.port: "}}) {
            std::unique_ptr<QGeoPositionInfoSource> source(
                QGeoPositionInfoSource::createSource(QStringLiteral("wardwatch"), c.parameters, nullptr));
            QVERIFY2(source, c.what);
            QCOMPARE(source->error(), QGeoPositionInfoSource::UnknownSourceError);
            QSignalSpy errors(source.get(), &QGeoPositionInfoSource::errorOccurred);
            source->startUpdates();
            QCOMPARE(errors.count(), 1);
            source->requestUpdate(1000);
            QCOMPARE(errors.count(), 2);
            QCOMPARE(errors.last().first().value<QGeoPositionInfoSource::Error>(),
                     QGeoPositionInfoSource::UnknownSourceError);
            const QString why = source->backendProperty(QStringLiteral("errorString")).toString();
            QVERIFY2(why.startsWith(QLatin1String(c.named)), qPrintable(why));
            qInfo("%s: %s", c.what, qPrintable(why));
        }
    }

    void brokerThatDoesNotAnswer()
    {
        // A listening socket nobody reads: the system completes the connection, nothing ever
        // answers it (no CONNACK).
        const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(silent >= 0);
        const auto closeSilent = qScopeGuard([silent] { ::close(silent); });
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                ::listen(silent, 4) == 0);
        socklen_t length = sizeof address;
        QVERIFY(::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        const int silentPort = ntohs(address.sin_port);
        QVariantMap p = parameters(locatedTag());
        p.insert(QStringLiteral("wardwatch.port"), silentPort);
        std::unique_ptr<QGeoPositionInfoSource> source(
            QGeoPositionInfoSource::createSource(QStringLiteral("wardwatch"), p, nullptr));
        QVERIFY(source);
        QSignalSpy errors(source.get(), &QGeoPositionInfoSource::errorOccurred);
        // The application's thread goes on while the source waits: its timer keeps ticking.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
        tick.start(20);
        QElapsedTimer clock;
        clock.start();
        source->requestUpdate(1500);
        QVERIFY(clock.elapsed() < 500);
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        const qint64 waited = clock.elapsed();
        QCOMPARE(errors.first().first().value<QGeoPositionInfoSource::Error>(),
                 QGeoPositionInfoSource::UpdateTimeoutError);
        QVERIFY2(waited >= 1400 && waited < 5000, qPrintable(QString::number(waited)));
        QVERIFY2(ticks >= 40, qPrintable(QString::number(ticks)));
        const QString why = source->backendProperty(QStringLiteral("errorString")).toString();
        QVERIFY2(why.contains(QStringLiteral("127.0.0.1:%1").arg(silentPort)), qPrintable(why));
        qInfo("after %lld ms (%d ticks of the application's 20 ms timer meanwhile): %s", waited, ticks,
              qPrintable(why));
        clock.restart();
        source.reset();
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestQtPositionPlugin)
#include "tst_qtposition_plugin.moc"
