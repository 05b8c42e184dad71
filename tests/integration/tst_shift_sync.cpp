// The nurse's shift across two WardWatch station processes on one real broker (a private one):
// - a nurse takes a patient at station A, station B shows the assignment; the charge nurse at B
//   reassigns her, A shows it and its operator is told who changed it where;
// - refusals: nobody signed in; a nurse reassigning another nurse's patient without the charge role;
// - two stations assigning one patient at the same moment end with the same nurse at both;
// - a panic from the patient's wristband calls the assigned nurse's badge (BadgeBuzz on
//   cmd/{badge}); the badge, answering as the simulator's badges do, accepts, and the wristband that
//   raised it is told help is coming (HelpComing on cmd/{wristband}) with the nurse's name;
// - AUDIO PAUSED at one station (refused without a comment while a high alarm sounds) pauses that
//   station only; the other shows who paused it where, until when.
#include "brokerfixture.h"
#include "deviceanswers.h"
#include "headless_station.h"
#include "records/alarmlog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <mutex>

using namespace ww;

using Station = test::HeadlessStation;

class TestShiftSync : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateBroker> m_broker;
    int m_port = 0;
    std::unique_ptr<test::WardClient> m_ward;

    static QString nurseOf(const Station& s, const QString& bed)
    {
        const auto b = s.bed(bed);
        return b ? b->value(u"nurse").toString() : QStringLiteral("(no line)");
    }
    static QString flagsOf(const Station& s, const QString& bed)
    {
        const auto b = s.bed(bed);
        return b ? b->value(u"flags").toString() : QStringLiteral("(no line)");
    }
    static int signIns(const Station& s)
    {
        return int(std::count_if(s.lines().begin(), s.lines().end(), [](const QJsonObject& o) {
            return o.value(u"event").toString() == u"signin" && o.value(u"ok").toBool();
        }));
    }
    static bool signIn(Station& s, const QByteArray& staff) // the default ward's PINs: 24680N for S0N
    {
        const int before = signIns(s);
        s.send("signin " + staff + " 24680" + staff.right(1));
        return QTest::qWaitFor([&] { return signIns(s) > before; }, 15000);
    }
    static int careLines(const Station& s, bool ok)
    {
        return int(std::count_if(s.lines().begin(), s.lines().end(), [&](const QJsonObject& o) {
            return o.value(u"event").toString() == u"care" && o.value(u"ok").toBool() == ok;
        }));
    }
    static QString lastCare(const Station& s)
    {
        for (auto it = s.lines().rbegin(); it != s.lines().rend(); ++it)
            if (it->value(u"event").toString() == u"care")
                return it->value(u"message").toString();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_broker = std::make_unique<test::PrivateBroker>(m_dir.filePath(QStringLiteral("broker")));
        m_port = m_broker->start();
        QVERIFY(m_port > 0);
        m_ward = std::make_unique<test::WardClient>(m_port, QStringLiteral("stmarys-w7"), QStringLiteral("shift-devices"), 5,
                                                    quint32(QDateTime::currentMSecsSinceEpoch() % 100000));
        QTRY_VERIFY_WITH_TIMEOUT(m_ward->subscribed(), 5000);
    }

    void assignmentsSyncBetweenStations()
    {
        Station a(QStringLiteral("shift-a"), m_port, m_dir.path());
        Station b(QStringLiteral("shift-b"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(m_ward->online({QStringLiteral("shift-a"), QStringLiteral("shift-b")}), 20000);
        const QString bed = QStringLiteral("R103-A"); // Isla Clarke, P003

        // Nobody signed in at A: refused, and B never shows an assignment.
        a.send("take P003");
        QTRY_VERIFY_WITH_TIMEOUT(careLines(a, false) == 1, 5000);
        QVERIFY(lastCare(a).contains(QStringLiteral("Sign in")));

        // Martha (S02) takes Isla at A; B shows her as Isla's nurse.
        QVERIFY(signIn(a, "S02"));
        a.send("take P003");
        QTRY_VERIFY_WITH_TIMEOUT(careLines(a, true) == 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(nurseOf(b, bed), QStringLiteral("S02"), 10000);
        QCOMPARE(nurseOf(a, bed), QStringLiteral("S02"));

        // Theo (S03) at B cannot take her from Martha: only the charge nurse reassigns.
        QVERIFY(signIn(b, "S03"));
        b.send("take P003");
        QTRY_VERIFY_WITH_TIMEOUT(careLines(b, false) == 1, 5000);
        QVERIFY2(lastCare(b).contains(QStringLiteral("charge nurse")), qPrintable(lastCare(b)));

        // Edward (S01) takes charge at B, both stations learn it, and he gives Isla to Theo.
        QVERIFY(signIn(b, "S01"));
        b.send("charge");
        auto chargeIs = [](const Station& s, const QString& staff) {
            return std::any_of(s.lines().begin(), s.lines().end(), [&](const QJsonObject& o) {
                return o.value(u"event").toString() == u"charge" && o.value(u"staff").toString() == staff;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(chargeIs(b, QStringLiteral("S01")) && chargeIs(a, QStringLiteral("S01")), 10000);
        b.send("assign P003 S03");
        QTRY_COMPARE_WITH_TIMEOUT(nurseOf(a, bed), QStringLiteral("S03"), 10000);
        QCOMPARE(nurseOf(b, bed), QStringLiteral("S03"));
        // A made the assignment B replaced: A's operator is told who changed it, where.
        QTRY_VERIFY_WITH_TIMEOUT(lastCare(a).contains(QStringLiteral("shift-b")) && lastCare(a).contains(QStringLiteral("Edward Hughes")), 5000);

        // Both stations give George (P004, R104-A) to a different nurse at once: one nurse at both.
        a.send("take P004");
        b.send("assign P004 S04");
        QTRY_VERIFY_WITH_TIMEOUT(!nurseOf(a, QStringLiteral("R104-A")).isEmpty() &&
                                     nurseOf(a, QStringLiteral("R104-A")) == nurseOf(b, QStringLiteral("R104-A")) &&
                                     careLines(a, true) >= 2 && careLines(b, true) >= 2,
                                 10000);
        // A barrier: each station sets a flag on George after its assignment. The broker keeps each
        // station's messages in order, so once both flags show at both stations, each station's
        // assignment reached the other one; both still agree, and the flags (another part of the
        // plan) did not disturb the assignment.
        a.send("flags P004 f");
        QTRY_COMPARE_WITH_TIMEOUT(flagsOf(b, QStringLiteral("R104-A")), QStringLiteral("f"), 10000);
        b.send("flags P004 fb");
        QTRY_COMPARE_WITH_TIMEOUT(flagsOf(a, QStringLiteral("R104-A")), QStringLiteral("fb"), 10000);
        QCOMPARE(flagsOf(b, QStringLiteral("R104-A")), QStringLiteral("fb"));
        QCOMPARE(nurseOf(a, QStringLiteral("R104-A")), nurseOf(b, QStringLiteral("R104-A")));
        qInfo("two stations assigning P004 at once converged on %s", qPrintable(nurseOf(a, QStringLiteral("R104-A"))));
    }

    void audioPauseAppliesHereAndIsShownElsewhere()
    {
        Station a(QStringLiteral("pause-a"), m_port, m_dir.path());
        Station b(QStringLiteral("pause-b"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(m_ward->online({QStringLiteral("pause-a"), QStringLiteral("pause-b")}), 20000);
        auto lastOf = [](const Station& s, const char* event) -> QJsonObject {
            for (auto it = s.lines().rbegin(); it != s.lines().rend(); ++it)
                if (it->value(u"event").toString() == QLatin1String(event))
                    return *it;
            return {};
        };
        // A panic (high priority) sounds at both stations.
        const QString id = m_ward->panic(QStringLiteral("wb-006"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(id) && b.alarm(id), 10000);
        QVERIFY(signIn(a, "S02"));
        // Without a comment the pause is refused, and said.
        a.send("pause");
        QTRY_VERIFY_WITH_TIMEOUT(!lastOf(a, "pause").isEmpty(), 5000);
        QVERIFY(!lastOf(a, "pause").value(u"ok").toBool());
        QVERIFY(!lastOf(a, "pause").value(u"paused").toBool());
        // With one it pauses A's audio; B shows who paused where, and keeps sounding.
        a.send("pause checking her now");
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(a, "pause").value(u"ok").toBool(), 5000);
        QVERIFY(lastOf(a, "pause").value(u"paused").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!lastOf(b, "remote-pause").value(u"pauses").toArray().isEmpty(), 15000);
        const QJsonObject shown = lastOf(b, "remote-pause");
        const QJsonObject pause = shown.value(u"pauses").toArray().first().toObject();
        QCOMPARE(pause.value(u"station").toString(), QStringLiteral("pause-a"));
        QCOMPARE(pause.value(u"name").toString(), QStringLiteral("Martha Silva"));
        QVERIFY(pause.value(u"until").toString().toLongLong() > QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!shown.value(u"paused").toBool()); // not applied at B
        // A's log has who paused and why.
        const auto log = AlarmLog::query(Station::logPath(m_dir.path(), QStringLiteral("pause-a")), LogFilter{});
        QVERIFY(std::any_of(log.begin(), log.end(), [](const LogEntry& e) {
            return e.detail.contains(QStringLiteral("checking her now")) && e.operatorId == QStringLiteral("S02");
        }));
    }

    void panicCallsTheAssignedNursesBadgeAndTheCallerIsTold()
    {
        // The ward's badges and wristbands: they answer as the simulator's do, and what they are sent is kept.
        const auto loaded = SiteLoader::loadDefault();
        sim::DeviceAnswers answers(*loaded.site, 500);
        std::mutex mutex;
        QStringList calls, help;
        MqttSettings ws;
        ws.port = m_port;
        ws.clientId = QStringLiteral("shift-badges");
        MqttClient devices(ws);
        const QString cmd = QStringLiteral("ww/v1/stmarys-w7/cmd/");
        devices.addSubscription(cmd + QStringLiteral("+"), 1);
        devices.setMessageHandler([&](const char* topic, std::span<const std::byte> p, qint64 rx) {
            const QString device = QString::fromUtf8(topic).mid(cmd.size());
            if (const auto c = decodeCommand(p)) {
                std::lock_guard lock(mutex);
                if (c->kind == CommandMsg::Kind::BadgeCall)
                    calls << device + QChar(u' ') + c->commandId + QChar(u' ') + c->text;
                if (c->kind == CommandMsg::Kind::HelpComing)
                    help << device + QChar(u' ') + c->alarmId + QChar(u' ') + c->text;
            }
            answers.onCommand(device, p, rx);
        });
        devices.start();
        QTRY_VERIFY_WITH_TIMEOUT(devices.allSubscribed(), 5000);

        Station a(QStringLiteral("call-a"), m_port, m_dir.path());
        QTRY_VERIFY_WITH_TIMEOUT(m_ward->online({QStringLiteral("call-a")}), 20000);
        QVERIFY(signIn(a, "S05"));
        a.send("take P002"); // William Fischer (S05, badge bd-05) takes Oliver Brown (wb-002)
        QTRY_COMPARE_WITH_TIMEOUT(nurseOf(a, QStringLiteral("R102-A")), QStringLiteral("S05"), 10000);

        const QString id = m_ward->panic(QStringLiteral("wb-002"));
        QTRY_VERIFY_WITH_TIMEOUT(a.alarm(id), 10000);
        // Step 1: William's badge is called, with what and who.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            std::lock_guard lock(mutex);
            return std::any_of(calls.begin(), calls.end(), [&](const QString& c) {
                return c.startsWith(QStringLiteral("bd-05 %1#1 ").arg(id)) && c.contains(QStringLiteral("Oliver Brown"));
            });
        }(), 10000);
        // The badge accepts (half a second later); the wristband is told help is coming, by name.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (const sim::Answer& x : answers.due(QDateTime::currentMSecsSinceEpoch()))
                devices.publish(x.topic, x.payload, 1, false);
            std::lock_guard lock(mutex);
            return help.contains(QStringLiteral("wb-002 %1 William Fischer").arg(id));
        }(), 10000);
        {
            std::lock_guard lock(mutex);
            QCOMPARE(help.count(QStringLiteral("wb-002 %1 William Fischer").arg(id)), 1);
            for (const QString& c : calls) // nobody else was called for it
                QVERIFY2(!c.contains(id) || c.startsWith(QStringLiteral("bd-05 ")), qPrintable(c));
        }
        // The call's answer is in the station's log: who, which badge, accepted.
        const auto log = AlarmLog::query(Station::logPath(m_dir.path(), QStringLiteral("call-a")), LogFilter{});
        QVERIFY(std::any_of(log.begin(), log.end(), [&](const LogEntry& e) {
            return e.detail.contains(id + QStringLiteral("#1")) && e.detail.contains(QStringLiteral("William Fischer")) &&
                   e.detail.contains(QStringLiteral("accepted"));
        }));
    }
};

QTEST_GUILESS_MAIN(TestShiftSync)
#include "tst_shift_sync.moc"
