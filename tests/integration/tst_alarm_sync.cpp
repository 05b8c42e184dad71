// Two WardWatch station processes on one real broker: an alarm raised by a device event appears at
// both under the same id; an acknowledgement at one station shows at the other with the operator's
// name; a station killed between writing its log and publishing converges on restart; and a
// station that starts late sees the current state from the retained message; an admission,
// transfer and discharge at one station show at the others, late ones included. Own broker.
#include "brokerfixture.h"
#include "headless_station.h"
#include "transport/mqttclient.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"
#include "wardwatch.pb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QSet>
#include <mutex>

using namespace ww;

using Station = test::HeadlessStation;

class TestAlarmSync : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    // A broker of its own: its device events and retained alarms must not reach other tests.
    std::unique_ptr<test::PrivateBroker> m_broker;
    int m_port = 0;
    std::unique_ptr<test::WardClient> m_ward;

    bool online(const QStringList& ids) { return m_ward->online(ids); }
    QString panic(const QString& device) { return m_ward->panic(device); }

private Q_SLOTS:
    void initTestCase()
    {
        m_broker = std::make_unique<test::PrivateBroker>(m_dir.filePath(QStringLiteral("broker")));
        m_port = m_broker->start();
        QVERIFY(m_port > 0);
        m_ward = std::make_unique<test::WardClient>(m_port, QStringLiteral("stmarys-w7"), QStringLiteral("alarm-sync-devices"), 7,
                                                    quint32(QDateTime::currentMSecsSinceEpoch() % 100000));
        QTRY_VERIFY_WITH_TIMEOUT(m_ward->subscribed(), 5000);
    }

    void acknowledgementAtOneStationShowsAtTheOther()
    {
        // Escalation commands on cmd/: collected to check (alarm id, step).
        std::mutex mutex;
        QStringList commands;
        MqttSettings ws;
        ws.port = m_port;
        ws.clientId = QStringLiteral("alarm-sync-badges");
        MqttClient badges(ws);
        badges.addSubscription(QStringLiteral("ww/v1/stmarys-w7/cmd/#"), 1);
        badges.setMessageHandler([&](const char* topic, std::span<const std::byte> p, qint64) {
            v1::Command c;
            if (c.ParseFromArray(p.data(), int(p.size())) && c.has_alarm_escalation()) {
                std::lock_guard lock(mutex);
                commands << QString::fromUtf8(topic) + QChar(u' ') + QString::fromStdString(c.command_id()) + QChar(u' ') +
                                QString::number(c.alarm_escalation().step());
            }
        });
        badges.start();
        QTRY_VERIFY_WITH_TIMEOUT(badges.allSubscribed(), 5000); // before any escalation is sent
        Station a(QStringLiteral("sync-a"), m_port, m_dir.path());
        Station b(QStringLiteral("sync-b"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(online({QStringLiteral("sync-a"), QStringLiteral("sync-b")}), 20000);
        const QString id = panic(QStringLiteral("wb-001"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(id) && b.alarm(id), 10000);
        QCOMPARE(a.alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
        QCOMPARE(a.alarm(id)->value(u"priority").toString(), QStringLiteral("high"));
        // Step 1 of the chain is for the assigned nurse; with nobody assigned and nobody in charge it
        // goes to every station (tst_shift_sync: to a nurse's badge), at most once per station, named (id, step).
        const QString expected = QStringLiteral("ww/v1/stmarys-w7/cmd/all-stations %1#1 1").arg(id);
        QTRY_VERIFY_WITH_TIMEOUT([&] { std::lock_guard lock(mutex); return commands.contains(expected); }(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(a.alarm(id)->value(u"step").toInt(), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(b.alarm(id)->value(u"step").toInt(), 1, 3000);
        {
            std::lock_guard lock(mutex);
            QVERIFY(commands.count(expected) <= 2);
            for (const QString& c : commands)
                QVERIFY2(!c.contains(id + QStringLiteral("#2")), qPrintable(c)); // step 2 only after 60 s
        }

        // No operator: refused (said so, at once: the command goes no further), nothing changes.
        b.send("ack " + id.toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(b.said(QStringLiteral("Sign in first: an acknowledgement")), 5000);
        QCOMPARE(b.alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
        b.send("signin S02 111111");
        QTRY_VERIFY_WITH_TIMEOUT(b.saw(QStringLiteral("signin"), false), 10000);
        b.send("signin S02 246802");
        QTRY_VERIFY_WITH_TIMEOUT(b.saw(QStringLiteral("signin"), true), 10000);
        b.send("ack " + id.toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(a.alarm(id)->value(u"ackedBy").toString(), QStringLiteral("S02"), 5000);
        QCOMPARE(a.alarm(id)->value(u"ackedStation").toString(), QStringLiteral("sync-b"));
        QCOMPARE(a.alarm(id)->value(u"phase").toString(), QStringLiteral("resolved"));

        // A headless station has no speakers by design: no "No audio output" alarm. And it prints an
        // alarm's line when what it says changed, never the same line again.
        for (const Station* s : {&a, &b}) {
            QHash<QString, QJsonObject> last;
            int alarmLines = 0;
            for (QJsonObject o : s->lines()) {
                if (o.value(u"event").toString() != u"alarm")
                    continue;
                ++alarmLines;
                QVERIFY2(o.value(u"rule").toString() != u"tech.audio", qPrintable(o.value(u"shown").toString()));
                o.remove(QStringLiteral("t"));
                const QString alarmId = o.value(u"id").toString();
                QVERIFY2(last.value(alarmId) != o, qPrintable(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))));
                last.insert(alarmId, o);
            }
            QVERIFY(alarmLines >= 3); // raised, escalated, acknowledged
        }
    }

    void stationKilledBetweenLogAndPublishConverges()
    {
        auto b = std::make_unique<Station>(QStringLiteral("crash-b"), m_port, m_dir.path(), QStringList{}, true);
        Station a(QStringLiteral("crash-a"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(online({QStringLiteral("crash-a"), QStringLiteral("crash-b")}), 20000);
        const QString id = panic(QStringLiteral("wb-002"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(id) && b->alarm(id), 10000);
        b->send("signin S03 246803");
        QTRY_VERIFY_WITH_TIMEOUT(b->saw(QStringLiteral("signin"), true), 10000);
        b->send("ack " + id.toUtf8());
        // The station dies after the log write, before the publish: the other station cannot know yet.
        QVERIFY(b->process().waitForFinished(10000));
        QCOMPARE(b->process().exitCode(), 3);
        // Whatever it sent, the broker handled before it published its will; an event published
        // after that reaches the other station after it too, so once that alarm shows there, an
        // acknowledgement from the dead station would have shown as well.
        QTRY_VERIFY_WITH_TIMEOUT(!online({QStringLiteral("crash-b")}), 10000);
        const QString after = panic(QStringLiteral("wb-004"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(after), 10000);
        QCOMPARE(a.alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
        QVERIFY(a.alarm(id)->value(u"ackedBy").toString().isEmpty());
        b.reset();
        // Restarted with the same log, it publishes what its log says: the acknowledgement.
        Station restarted(QStringLiteral("crash-b"), m_port, m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(a.alarm(id)->value(u"ackedBy").toString(), QStringLiteral("S03"), 15000);
        QCOMPARE(a.alarm(id)->value(u"ackedStation").toString(), QStringLiteral("crash-b"));
    }

    // The census: an admission, a transfer and a discharge at one station show at the other; a
    // station that starts later has the same beds from the retained entries.
    void censusChangesShowAtEveryStation()
    {
        Station a(QStringLiteral("census-a"), m_port, m_dir.path());
        Station b(QStringLiteral("census-b"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(online({QStringLiteral("census-a"), QStringLiteral("census-b")}), 20000);
        // The default ward leaves every seventh bed vacant (R107-A and R113-B are).
        a.send("admit R113-B P950 wb-105 vm-105 Ada Lovelace");
        QTRY_VERIFY_WITH_TIMEOUT(a.said(QStringLiteral("Sign in first")), 5000); // nobody signed in
        a.send("signin S02 246802");
        QTRY_VERIFY_WITH_TIMEOUT(a.saw(QStringLiteral("signin"), true), 10000);
        a.send("admit R113-B P950 wb-105 vm-105 Ada Lovelace");
        QTRY_VERIFY_WITH_TIMEOUT(a.saw(QStringLiteral("census"), true), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(b.patientIn(QStringLiteral("R113-B")), QStringLiteral("P950"), 5000);
        QCOMPARE(b.bed(QStringLiteral("R113-B"))->value(u"name").toString(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(b.bed(QStringLiteral("R113-B"))->value(u"wristband").toString(), QStringLiteral("wb-105"));
        // Refused at the station: a taken bed; nothing reaches the other.
        a.send("admit R101-A P951 wb-106 - Someone Else");
        QTRY_VERIFY_WITH_TIMEOUT(a.saw(QStringLiteral("census"), false), 5000);
        a.send("transfer P001 R107-A");
        QTRY_COMPARE_WITH_TIMEOUT(b.patientIn(QStringLiteral("R107-A")), QStringLiteral("P001"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(b.bed(QStringLiteral("R101-A")) && b.patientIn(QStringLiteral("R101-A")).isEmpty(), 5000);
        a.send("discharge P002");
        const QString p002Bed = QStringLiteral("R102-A");
        QTRY_VERIFY_WITH_TIMEOUT(b.bed(p002Bed) && b.patientIn(p002Bed).isEmpty(), 5000);
        QCOMPARE(b.patientIn(QStringLiteral("R113-B")), QStringLiteral("P950"));
        // A station started now has the census from the retained entries.
        Station late(QStringLiteral("census-c"), m_port, m_dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(late.patientIn(QStringLiteral("R113-B")), QStringLiteral("P950"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(late.patientIn(QStringLiteral("R107-A")), QStringLiteral("P001"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(late.bed(p002Bed) && late.patientIn(p002Bed).isEmpty(), 5000);
    }

    void stationStartingLateSeesTheCurrentState()
    {
        Station a(QStringLiteral("late-a"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(online({QStringLiteral("late-a")}), 20000);
        const QString id = panic(QStringLiteral("wb-003"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(id), 10000);
        a.send("signin S04 246804");
        QTRY_VERIFY_WITH_TIMEOUT(a.saw(QStringLiteral("signin"), true), 10000);
        a.send("ack " + id.toUtf8());
        QTRY_COMPARE_WITH_TIMEOUT(a.alarm(id)->value(u"ackedBy").toString(), QStringLiteral("S04"), 5000);
        // A station that was not running when the event came learns the alarm from the retained state.
        Station late(QStringLiteral("late-b"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(late.alarm(id), 15000);
        QCOMPARE(late.alarm(id)->value(u"ackedBy").toString(), QStringLiteral("S04"));
        QCOMPARE(late.alarm(id)->value(u"ackedStation").toString(), QStringLiteral("late-a"));
        // Its room came with it (room_id), the room the staff nearest to it are measured to.
        QVERIFY(!a.alarm(id)->value(u"room").toString().isEmpty());
        QCOMPARE(late.alarm(id)->value(u"room").toString(), a.alarm(id)->value(u"room").toString());

        // 100 KiB without a line end is dropped with an error, and the station still reads commands.
        a.process().write(QByteArray(100 * 1024, 'x'));
        QTRY_VERIFY_WITH_TIMEOUT(a.said(QStringLiteral("longer than 64 KiB dropped")), 5000);
        a.send("\nnonsense");
        QTRY_VERIFY_WITH_TIMEOUT(a.said(QStringLiteral("unknown command: nonsense")), 5000);
    }
};

QTEST_GUILESS_MAIN(TestAlarmSync)
#include "tst_alarm_sync.moc"
