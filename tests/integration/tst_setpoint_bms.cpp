// A room's climate setpoint round trip through a real broker: a WardWatch station process sends it
// (signed in as the facilities engineer) to the simulated BMS (tools/wardsim/deviceanswers.h, as
// the simulator runs it), which receives it, accepts it and applies it to the room; a temperature
// outside the plant's range is declined with its reason; a nurse's setpoint is refused at the
// station; and with the BMS gone, no answer within the site's timeout (2 s here) is said.
#include "brokerfixture.h"
#include "deviceanswers.h"
#include "headless_station.h"
#include "records/alarmlog.h"
#include "transport/signing.h"
#include "wardwatch.pb.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <atomic>

using namespace ww;

using Station = test::HeadlessStation;

class TestSetpointBms : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateBroker> m_broker;
    int m_port = 0;
    QString m_site;

    static std::vector<QJsonObject> setpointLines(const Station& s)
    {
        std::vector<QJsonObject> out;
        for (const QJsonObject& o : s.lines())
            if (o.value(u"event").toString() == u"setpoint")
                out.push_back(o);
        return out;
    }
    static bool said(const Station& s, const QString& text, bool ok)
    {
        const auto lines = setpointLines(s);
        return std::any_of(lines.begin(), lines.end(), [&](const QJsonObject& o) {
            return o.value(u"ok").toBool() == ok && o.value(u"message").toString().contains(text);
        });
    }
    static bool signIn(Station& s, const QByteArray& staff, const QByteArray& pin)
    {
        auto count = [&] {
            return std::count_if(s.lines().begin(), s.lines().end(), [](const QJsonObject& o) {
                return o.value(u"event").toString() == u"signin" && o.value(u"ok").toBool();
            });
        };
        const auto before = count();
        s.send("signin " + staff + " " + pin);
        return QTest::qWaitFor([&] { return count() > before; }, 15000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_broker = std::make_unique<test::PrivateBroker>(m_dir.filePath(QStringLiteral("broker")));
        m_port = m_broker->start();
        QVERIFY(m_port > 0);
        // The default ward, its BMS answering within 2 s.
        QFile in(QStringLiteral(":/site/default-site.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject site = QJsonDocument::fromJson(in.readAll()).object();
        site.insert(QStringLiteral("bms"), QJsonObject{{QStringLiteral("device"), QStringLiteral("bms-1")}, {QStringLiteral("ackTimeoutS"), 2}});
        // Signed state only: the station's key listed, so its setpoints go out signed and the BMS,
        // holding the same site, checks them.
        const SigningKey key = SigningKey::generate();
        QString error;
        QVERIFY2(key.save(m_dir.filePath(QStringLiteral("bms-station.key")), &error), qPrintable(error));
        site.insert(QStringLiteral("signing"),
                    QJsonObject{{QStringLiteral("keys"), QJsonObject{{QStringLiteral("bms-station"), key.publicKeyBase64()}}}});
        m_site = m_dir.filePath(QStringLiteral("site.json"));
        QFile out(m_site);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(site).toJson());
    }

    void roundTripWithTheSimulatedBms()
    {
        const auto loaded = SiteLoader::loadFile(m_site);
        QVERIFY2(loaded.site, qPrintable(loaded.errors.join(u'\n')));
        sim::DeviceAnswers answers(*loaded.site, 500);
        std::atomic<bool> answering{true};
        MqttSettings ws;
        ws.port = m_port;
        ws.clientId = QStringLiteral("bms-sim");
        MqttClient bms(ws);
        bms.addSubscription(QStringLiteral("ww/v1/stmarys-w7/cmd/+"), 1);
        const QString cmd = QStringLiteral("ww/v1/stmarys-w7/cmd/");
        bms.setMessageHandler([&](const char* topic, std::span<const std::byte> p, qint64 rx) {
            if (answering)
                answers.onCommand(QString::fromUtf8(topic).mid(cmd.size()), p, rx);
        });
        bms.start();
        QTRY_VERIFY_WITH_TIMEOUT(bms.allSubscribed(), 5000);
        auto pump = [&] {
            for (const sim::Answer& x : answers.due(QDateTime::currentMSecsSinceEpoch()))
                bms.publish(x.topic, x.payload, 1, false);
        };

        Station a(QStringLiteral("bms-station"), m_port, m_dir.path(),
                  {QStringLiteral("--site"), m_site, QStringLiteral("--signing-key"), m_dir.filePath(QStringLiteral("bms-station.key"))});
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(a.lines().begin(), a.lines().end(),
                                             [](const QJsonObject& o) { return o.value(u"event").toString() == u"ready"; }),
                                 20000);
        // A nurse may not.
        QVERIFY(signIn(a, "S02", "246802"));
        a.send("setpoint R103 23.5 - boost too warm at night");
        QTRY_VERIFY_WITH_TIMEOUT(said(a, QStringLiteral("may not change setpoints"), false), 10000);
        // The facilities engineer may: sent, received, accepted; the room then follows it.
        QVERIFY(signIn(a, "S13", "246813"));
        a.send("setpoint R103 23.5 - boost too warm at night");
        QTRY_VERIFY_WITH_TIMEOUT(said(a, QStringLiteral("Sent to bms-1"), true), 10000);
        QTRY_VERIFY_WITH_TIMEOUT((pump(), said(a, QStringLiteral("bms-1 received it"), true)), 10000);
        QTRY_VERIFY_WITH_TIMEOUT((pump(), said(a, QStringLiteral("bms-1 accepted it"), true)), 10000);
        QCOMPARE(answers.setpointOf(QStringLiteral("R103"), QDateTime::currentMSecsSinceEpoch()).value_or(0), 23.5);
        QVERIFY(!answers.setpointOf(QStringLiteral("R104"), QDateTime::currentMSecsSinceEpoch()));
        QCOMPARE(answers.refused(), quint64(0)); // the station's commands are signed by its listed key
        // A setpoint forged by any client of the broker, unsigned or signed by a key the site does
        // not list, is not obeyed: the BMS counts it and says why.
        v1::Command forged;
        forged.set_schema_version(1);
        forged.set_command_id("forged-1");
        forged.set_issued_by("bms-station");
        forged.mutable_climate_setpoint()->set_room_id("R104");
        forged.mutable_climate_setpoint()->set_temperature_c(25.5);
        forged.mutable_climate_setpoint()->set_operator_id("S13");
        forged.mutable_climate_setpoint()->set_reason("forged");
        const std::string forgedBytes = forged.SerializeAsString();
        const QByteArray body(forgedBytes.data(), qsizetype(forgedBytes.size()));
        QVERIFY(bms.publish(cmd + QStringLiteral("bms-1"), body, 1, false));
        QTRY_VERIFY_WITH_TIMEOUT(answers.refused() == 1, 10000);
        QVERIFY2(answers.lastRefusal().contains(QStringLiteral("not signed")), qPrintable(answers.lastRefusal()));
        MessageSigner rogue(QStringLiteral("bms-station"), SigningKey::generate());
        QVERIFY(bms.publish(cmd + QStringLiteral("bms-1"), rogue.sign(cmd + QStringLiteral("bms-1"), body), 1, false));
        QTRY_VERIFY_WITH_TIMEOUT(answers.refused() == 2, 10000);
        QVERIFY2(answers.lastRefusal().contains(QStringLiteral("does not verify")), qPrintable(answers.lastRefusal()));
        pump();
        QVERIFY(!answers.setpointOf(QStringLiteral("R104"), QDateTime::currentMSecsSinceEpoch() + 5000));
        // Outside the plant's range: declined, with why.
        a.send("setpoint R104 27 - - testing the plant's limits");
        QTRY_VERIFY_WITH_TIMEOUT((pump(), said(a, QStringLiteral("declined it"), false)), 10000);
        QVERIFY(said(a, QStringLiteral("18-26"), false));
        // The BMS gone: no answer within the site's 2 s is said.
        answering = false;
        a.send("setpoint R105 21 - - night setback check");
        QTRY_VERIFY_WITH_TIMEOUT(said(a, QStringLiteral("No answer from bms-1 within 2 s"), false), 10000);
        // The station's log has each step with who asked and why.
        const auto log = AlarmLog::query(Station::logPath(m_dir.path(), QStringLiteral("bms-station")), LogFilter{});
        for (const char* what : {"setpoint refused: R103", "R103 temperature 23.5 °C, ventilation boost (too warm at night)",
                                 ": accepted", ": declined", "no answer within 2 s"})
            QVERIFY2(std::any_of(log.begin(), log.end(), [&](const LogEntry& e) { return e.detail.contains(QString::fromUtf8(what)); }),
                     what);
        bms.stop();
    }
};

QTEST_GUILESS_MAIN(TestSetpointBms)
#include "tst_setpoint_bms.moc"
