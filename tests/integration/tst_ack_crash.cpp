// Two station processes on a site that takes signed state only, on a real broker:
// - A station killed (SIGKILL) in the middle of a burst of acknowledgements: its log passes
//   PRAGMA integrity_check and its hash chain holds; restarted, it publishes every acknowledgement
//   its log holds; the other station shows exactly those (nothing unlogged went out); both agree.
// - An acknowledgement signed with a key the site does not list, sent with a station's broker
//   account, is refused by every station: the alarm stays unacknowledged and each raises tech.refused
//   naming the signer.
#include "brokerfixture.h"
#include "headless_station.h"
#include "records/alarmlog.h"
#include "transport/mqttclient.h"
#include "transport/signing.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"
#include "wardwatch.pb.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <mutex>

#include <csignal>

using namespace ww;
using test::HeadlessStation;

class TestAckCrash : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateBroker> m_broker;
    int m_port = 0;
    std::unique_ptr<test::WardClient> m_ward;
    QString m_site;
    const QString SiteId = QStringLiteral("stmarys-w7");

    bool online(const QStringList& ids) { return m_ward->online(ids); }
    QString panic(const QString& device) { return m_ward->panic(device); }
    QStringList stationArgs(const QString& id) const
    {
        return {QStringLiteral("--site"), m_site, QStringLiteral("--signing-key"), m_dir.filePath(id + QStringLiteral(".key"))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The ward's site file with the keys of the two stations: signed state only.
        QFile f(QStringLiteral(WW_SOURCE_DIR "/resources/site/default-site.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QJsonObject keys;
        for (const QString& id : {QStringLiteral("burst-a"), QStringLiteral("burst-b")}) {
            const SigningKey key = SigningKey::generate();
            QString error;
            QVERIFY2(key.save(m_dir.filePath(id + QStringLiteral(".key")), &error), qPrintable(error));
            keys.insert(id, key.publicKeyBase64());
        }
        root.insert(QStringLiteral("signing"), QJsonObject{{QStringLiteral("keys"), keys}});
        m_site = m_dir.filePath(QStringLiteral("site.json"));
        QFile out(m_site);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(root).toJson());
        out.close();
        for (const char* svg : {"floor1.svg", "floor2.svg"})
            QVERIFY(QFile::copy(QStringLiteral(WW_SOURCE_DIR "/resources/site/") + QLatin1String(svg), m_dir.filePath(QLatin1String(svg))));

        m_broker = std::make_unique<test::PrivateBroker>(m_dir.filePath(QStringLiteral("broker")));
        m_port = m_broker->start();
        QVERIFY(m_port > 0);
        m_ward = std::make_unique<test::WardClient>(m_port, SiteId, QStringLiteral("ack-crash-devices"), 3);
        QTRY_VERIFY_WITH_TIMEOUT(m_ward->subscribed(), 5000);
    }

    void killedDuringAnAcknowledgementBurstConverges()
    {
        HeadlessStation a(QStringLiteral("burst-a"), m_port, m_dir.path(), stationArgs(QStringLiteral("burst-a")));
        auto b = std::make_unique<HeadlessStation>(QStringLiteral("burst-b"), m_port, m_dir.path(), stationArgs(QStringLiteral("burst-b")));
        QTRY_VERIFY_WITH_TIMEOUT(online({QStringLiteral("burst-a"), QStringLiteral("burst-b")}), 20000);
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids << panic(QStringLiteral("wb-%1").arg(1 + i % 20, 3, 10, QChar(u'0')));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(ids.begin(), ids.end(), [&](const QString& id) { return a.alarm(id) && b->alarm(id); }),
                                 20000);
        b->send("signin S02 246802");
        QTRY_VERIFY_WITH_TIMEOUT(b->saw(QStringLiteral("signin"), true), 10000);
        QByteArray burst;
        for (const QString& id : ids)
            burst += "ack " + id.toUtf8() + '\n';
        b->process().write(burst);
        auto ackedAtAFromB = [&] {
            QSet<QString> out;
            for (const QString& id : ids)
                if (a.alarm(id) && a.alarm(id)->value(u"ackedStation").toString() == u"burst-b")
                    out.insert(id);
            return out;
        };
        // Killed once the other station has seen some of the burst, before it has seen all.
        QTRY_VERIFY_WITH_TIMEOUT(ackedAtAFromB().size() >= 3, 20000);
        ::kill(pid_t(b->process().processId()), SIGKILL);
        QVERIFY(b->process().waitForFinished(10000));
        const qsizetype seenBeforeRestart = ackedAtAFromB().size();
        b.reset();

        const QString log = HeadlessStation::logPath(m_dir.path(), QStringLiteral("burst-b"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(log);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        const AlarmLog::ChainCheck chain = AlarmLog::verifyChain(log);
        QVERIFY2(chain.error.isEmpty() && !chain.brokenAtSeq, qPrintable(chain.error));
        // Its seal covers its last row (each row and its seal are written together), signed by its key.
        QVERIFY(chain.seal);
        const QByteArray publicKey = SigningKey::load(m_dir.filePath(QStringLiteral("burst-b.key")), nullptr)->publicKey();
        const QString sealProblem = AlarmLog::sealProblem(chain, [&](const QByteArray& m, const QByteArray& sig) {
            return verifyDetached(publicKey, m, sig);
        });
        QVERIFY2(sealProblem.isEmpty(), qPrintable(sealProblem));
        // What its log says it acknowledged.
        QString error;
        LogFilter filter;
        filter.alarmsOnly = true;
        filter.limit = 100000;
        QSet<QString> logged;
        for (const LogEntry& e : AlarmLog::query(log, filter, &error))
            if (e.kind == u"acknowledged" && e.station == u"burst-b")
                logged.insert(e.state.id);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("killed with %lld acknowledgements logged of %lld sent; %lld had reached the other station",
              static_cast<long long>(logged.size()), static_cast<long long>(ids.size()), static_cast<long long>(seenBeforeRestart));
        QVERIFY(logged.size() >= seenBeforeRestart);

        // Restarted with its log: every logged acknowledgement reaches the other station, and only those.
        HeadlessStation restarted(QStringLiteral("burst-b"), m_port, m_dir.path(), stationArgs(QStringLiteral("burst-b")));
        QTRY_VERIFY_WITH_TIMEOUT(ackedAtAFromB().contains(logged), 20000);
        // A marker event after the republication: once it shows at A, anything more would have too.
        const QString marker = panic(QStringLiteral("wb-020"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(marker) && restarted.alarm(marker), 10000);
        QCOMPARE(ackedAtAFromB(), logged);
        // Both stations agree on every alarm of the burst.
        for (const QString& id : ids) {
            QTRY_VERIFY_WITH_TIMEOUT(restarted.alarm(id), 10000);
            QCOMPARE(restarted.alarm(id)->value(u"phase").toString(), a.alarm(id)->value(u"phase").toString());
            QCOMPARE(restarted.alarm(id)->value(u"ackedBy").toString(), a.alarm(id)->value(u"ackedBy").toString());
        }
    }

    // A station's broker account used with a key the site does not list: a signed acknowledgement
    // "by" a real nurse is refused at every station, and each says so.
    void signedAcknowledgementFromAnUnknownKeyIsRefusedEverywhere()
    {
        HeadlessStation a(QStringLiteral("burst-a"), m_port, m_dir.path(), stationArgs(QStringLiteral("burst-a")));
        HeadlessStation b(QStringLiteral("burst-b"), m_port, m_dir.path(), stationArgs(QStringLiteral("burst-b")));
        QTRY_VERIFY_WITH_TIMEOUT(online({QStringLiteral("burst-a"), QStringLiteral("burst-b")}), 20000);
        const QString id = panic(QStringLiteral("wb-011"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(id) && b.alarm(id), 10000);

        // The alarm's state as the stations publish it, acknowledged by a real member of staff,
        // signed by "rogue-station" with its own key.
        v1::AlarmState s;
        s.set_schema_version(1);
        s.set_device_time_ms(quint64(QDateTime::currentMSecsSinceEpoch()));
        s.set_alarm_id(id.toStdString());
        s.set_priority(v1::AlarmState::HIGH);
        s.set_rule("event.panic");
        s.set_phase(v1::AlarmState::ACKNOWLEDGED);
        s.set_acked_by("S02");
        s.set_acked_by_name("Martha Silva");
        s.set_acked_station("rogue-station");
        s.set_acked_at_ms(quint64(QDateTime::currentMSecsSinceEpoch()));
        s.set_station_id("rogue-station");
        s.set_revision(99);
        s.set_onset_ms(quint64(QDateTime::currentMSecsSinceEpoch()));
        s.set_ends_on_ack(true);
        s.set_latching(true);
        const std::string body = s.SerializeAsString();
        const QString topic = Topics(SiteId).alarm(id);
        MessageSigner rogue(QStringLiteral("rogue-station"), SigningKey::generate());
        QVERIFY(m_ward->mqtt().publish(topic, rogue.sign(topic, QByteArray::fromStdString(body)), 1, false));

        auto refusedAt = [&](const HeadlessStation& st) {
            for (const QJsonObject& o : st.alarmsOf(QStringLiteral("tech.refused")))
                if (o.value(u"condition").toString().contains(QStringLiteral("rogue-station")) &&
                    o.value(u"condition").toString().contains(topic))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(refusedAt(a) && refusedAt(b), 10000);
        QCOMPARE(a.alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
        QCOMPARE(b.alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
        QVERIFY(a.alarm(id)->value(u"ackedBy").toString().isEmpty());
        qInfo("refused at both stations: %s",
              qPrintable(a.alarmsOf(QStringLiteral("tech.refused")).back().value(u"condition").toString()));
    }
};

QTEST_GUILESS_MAIN(TestAckCrash)
#include "tst_ack_crash.moc"
