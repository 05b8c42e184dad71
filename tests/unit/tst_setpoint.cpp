// A room's climate setpoint through the real core: refused (and audited) for a nurse, without a
// reason, for a room without a climate sensor or outside the limits, naming why; sent by the
// facilities engineer as a command to the site's BMS with what, who and why; the BMS's answers
// (received, accepted, declined) followed and logged; no answer within the site's timeout said and
// logged; the wire format read back as the BMS reads it.
#include "alarm_support.h"
#include "records/alarmlog.h"
#include "transport/wirecodec.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::CoreFixture;

namespace {

constexpr qint64 T0 = 1'795'737'600'000;
const QString Engineer = QStringLiteral("S13"), Nurse = QStringLiteral("S02");

struct BmsOutputs : CarePublisher
{
    std::vector<std::pair<QString, ClimateSetpointMsg>> sent;
    void publishCare(const CareEntryMsg&) override {}
    void publishRole(const ShiftRoleMsg&) override {}
    void helpComing(const AlarmState&, const QString&) override {}
    void sendSetpoint(const QString& bms, const ClimateSetpointMsg& s) override { sent.emplace_back(bms, s); }
    StationOutputs output() { return StationOutputs{nullptr, nullptr, this}; }
};

ClimateSetpointRequest request(double temp, const QString& reason = QStringLiteral("patient too warm at night"))
{
    ClimateSetpointRequest r;
    r.roomId = QStringLiteral("R103");
    r.temperatureC = temp;
    r.ventilation = VentilationMode::Boost;
    r.reason = reason;
    return r;
}

std::span<const std::byte> bytes(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

} // namespace

class TestSetpoint : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString db(const char* name) { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void theDefaultWardHasAFacilitiesEngineerAndABms()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        QCOMPARE(loaded.site->staffMember(Engineer)->role, QStringLiteral("facilities engineer"));
        QCOMPARE(loaded.site->bms.device, QStringLiteral("bms-1"));
        QCOMPARE(loaded.site->setpointRoles, QStringList{QStringLiteral("facilities engineer")});
    }

    void refusedNamingWhy_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<double>("temp");
        QTest::addColumn<QString>("room");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("says");
        QTest::newRow("nobody signed in") << QString() << 22.0 << "R103" << "why" << "Sign in first";
        QTest::newRow("a nurse") << Nurse << 22.0 << "R103" << "why" << "may not change setpoints";
        QTest::newRow("no reason") << Engineer << 22.0 << "R103" << "" << "Say why";
        QTest::newRow("too hot") << Engineer << 31.0 << "R103" << "why" << "temperature: 31 °C is outside 16 to 28 °C";
        QTest::newRow("a corridor") << Engineer << 22.0 << "F1-CORR" << "why" << "not a room with a climate sensor";
    }
    void refusedNamingWhy()
    {
        QFETCH(QString, op);
        QFETCH(double, temp);
        QFETCH(QString, room);
        QFETCH(QString, reason);
        QFETCH(QString, says);
        BmsOutputs out;
        const QString log = db("refused.sqlite");
        CoreFixture f(log, out.output());
        f.clock.set(T0);
        f.core.start();
        QSignalSpy progress(&f.core, &WardCore::setpointProgress);
        ClimateSetpointRequest r = request(temp, reason);
        r.roomId = room;
        f.core.sendSetpoint(r, op, op.isEmpty() ? QString() : QStringLiteral("someone"));
        QCOMPARE(progress.size(), 1);
        QVERIFY(!progress[0][2].toBool());
        QVERIFY(progress[0][0].toString().isEmpty()); // no command
        QVERIFY2(progress[0][3].toString().contains(says), qPrintable(progress[0][3].toString()));
        QVERIFY(out.sent.empty());
        const auto entries = AlarmLog::query(log, LogFilter{});
        QVERIFY(std::any_of(entries.begin(), entries.end(), [&](const LogEntry& e) {
            return e.kind == u"audit" && e.detail.startsWith(QStringLiteral("setpoint refused")) && e.detail.contains(says);
        }));
    }

    void sentAnsweredAndLogged()
    {
        BmsOutputs out;
        const QString log = db("sent.sqlite");
        CoreFixture f(log, out.output());
        f.clock.set(T0);
        f.core.start();
        QSignalSpy progress(&f.core, &WardCore::setpointProgress);
        f.core.sendSetpoint(request(23.5), Engineer, QStringLiteral("Freya Rossi"));
        QCOMPARE(out.sent.size(), size_t(1));
        const auto& [bms, sp] = out.sent[0];
        QCOMPARE(bms, QStringLiteral("bms-1"));
        QCOMPARE(sp.roomId, QStringLiteral("R103"));
        QCOMPARE(*sp.temperatureC, 23.5);
        QVERIFY(!sp.humidityPct);
        QCOMPARE(int(sp.ventilation), int(VentilationMode::Boost));
        QCOMPARE(sp.operatorId, Engineer);
        QCOMPARE(sp.reason, QStringLiteral("patient too warm at night"));
        QCOMPARE(sp.stationId, QStringLiteral("st-1"));
        QVERIFY(progress.back()[2].toBool());
        const QString id = sp.commandId;
        QCOMPARE(progress.back()[0].toString(), id);
        // As the BMS reads it off the wire.
        const auto read = decodeCommand(bytes(encode(sp)));
        QVERIFY(read && read->setpoint);
        QCOMPARE(int(read->kind), int(CommandMsg::Kind::ClimateSetpoint));
        QCOMPARE(read->setpoint->commandId, id);
        QCOMPARE(*read->setpoint->temperatureC, 23.5);
        QVERIFY(!read->setpoint->humidityPct);
        QCOMPARE(read->setpoint->reason, sp.reason);
        // Received, then accepted: each shown and logged with who asked and why.
        f.core.apply(QVector<Decoded>{CommandAckMsg{id, QStringLiteral("bms-1"), CommandAckStatus::Received, {}, T0, T0}});
        QVERIFY(progress.back()[3].toString().contains(QStringLiteral("received")));
        // An answer from another device than the BMS is not the BMS's.
        f.core.apply(QVector<Decoded>{CommandAckMsg{id, QStringLiteral("bd-02"), CommandAckStatus::Declined, {}, T0, T0}});
        QVERIFY(progress.back()[3].toString().contains(QStringLiteral("received")));
        f.core.apply(QVector<Decoded>{CommandAckMsg{id, QStringLiteral("bms-1"), CommandAckStatus::Accepted, {}, T0, T0}});
        QVERIFY(progress.back()[2].toBool());
        QVERIFY(progress.back()[3].toString().contains(QStringLiteral("accepted")));
        // Answered for good: no timeout later.
        const int shown = int(progress.size());
        f.clock.advance(60'000);
        f.core.evaluateAlarms();
        QCOMPARE(int(progress.size()), shown);
        const auto entries = AlarmLog::query(log, LogFilter{});
        for (const char* what : {"sent to bms-1: R103 temperature 23.5 °C, ventilation boost (patient too warm at night)",
                                 ": received", ": accepted"})
            QVERIFY2(std::any_of(entries.begin(), entries.end(), [&](const LogEntry& e) {
                         return e.detail.contains(id) && e.detail.contains(QString::fromUtf8(what)) && e.operatorId == Engineer;
                     }),
                     what);

        // Declined by the plant: said with its reason.
        f.core.sendSetpoint(request(27.0), Engineer, QStringLiteral("Freya Rossi"));
        const QString second = out.sent.back().second.commandId;
        QVERIFY(second != id);
        f.core.apply(QVector<Decoded>{CommandAckMsg{second, QStringLiteral("bms-1"), CommandAckStatus::Declined,
                                                    QStringLiteral("outside the plant's 18-26 °C"), T0, T0}});
        QVERIFY(!progress.back()[2].toBool());
        QVERIFY(progress.back()[3].toString().contains(QStringLiteral("18-26")));
    }

    void noAnswerWithinTheTimeoutIsSaid()
    {
        BmsOutputs out;
        const QString log = db("timeout.sqlite");
        CoreFixture f(log, out.output(), QStringLiteral("st-1"), [](Site& s) { s.bms.ackTimeoutS = 20; });
        f.clock.set(T0);
        f.core.start();
        QSignalSpy progress(&f.core, &WardCore::setpointProgress);
        f.core.sendSetpoint(request(22.0), Engineer, QStringLiteral("Freya Rossi"));
        const QString id = out.sent.back().second.commandId;
        f.clock.advance(19'000);
        f.core.evaluateAlarms();
        QCOMPARE(progress.size(), 1);
        f.clock.advance(1'000);
        f.core.evaluateAlarms();
        QCOMPARE(progress.size(), 2);
        QVERIFY(!progress.back()[2].toBool());
        QVERIFY2(progress.back()[3].toString().contains(QStringLiteral("No answer from bms-1 within 20 s")),
                 qPrintable(progress.back()[3].toString()));
        // A late answer changes nothing more.
        f.core.apply(QVector<Decoded>{CommandAckMsg{id, QStringLiteral("bms-1"), CommandAckStatus::Accepted, {}, T0, T0}});
        QCOMPARE(progress.size(), 2);
        const auto entries = AlarmLog::query(log, LogFilter{});
        QVERIFY(std::any_of(entries.begin(), entries.end(), [&](const LogEntry& e) {
            return e.detail.contains(id) && e.detail.contains(QStringLiteral("no answer within 20 s")) && e.operatorId == Engineer;
        }));
    }
};

QTEST_GUILESS_MAIN(TestSetpoint)
#include "tst_setpoint.moc"
