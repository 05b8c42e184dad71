// The care plan through the real core: nurses take patients, the charge nurse assigns, refusals
// (nobody signed in, another nurse's patient without the charge role), risk flags gating the exit
// alarm, escalation to the assigned nurse's and the charge nurse's badges with the call's answer
// and the confirmation to the caller, other stations' entries merged (the later wins, the station
// overridden told), the record restoring the plan after a restart, and the wire format.
#include "alarm_support.h"
#include "records/alarmlog.h"
#include "transport/signing.h"
#include "transport/wirecodec.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::CoreFixture;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

struct CareOutputs : CarePublisher, AlarmPublisher
{
    std::vector<CareEntryMsg> care;
    std::vector<ShiftRoleMsg> roles;
    std::vector<std::pair<AlarmState, EscalationStep>> steps;
    std::vector<std::pair<QString, QString>> help; // (device, responder)
    std::vector<std::pair<bool, QString>> results;
    void publishCare(const CareEntryMsg& e) override { care.push_back(e); }
    void publishRole(const ShiftRoleMsg& r) override { roles.push_back(r); }
    void helpComing(const AlarmState& a, const QString& responder) override { help.emplace_back(a.source, responder); }
    void sendSetpoint(const QString& bms, const ClimateSetpointMsg& s) override { setpoints.emplace_back(bms, s); }
    std::vector<std::pair<QString, ClimateSetpointMsg>> setpoints;
    void publishAlarm(const AlarmState&) override {}
    void clearAlarm(const QString&) override {}
    void escalate(const AlarmState& a, const EscalationStep& s) override { steps.emplace_back(a, s); }
    StationOutputs output() { return StationOutputs{this, nullptr, this}; }
    void watch(WardCore& core)
    {
        QObject::connect(&core, &WardCore::careResult, &core, [this](bool ok, const QString& m) { results.emplace_back(ok, m); });
    }
    [[nodiscard]] bool lastOk() const { return !results.empty() && results.back().first; }
    [[nodiscard]] QString lastMessage() const { return results.empty() ? QString() : results.back().second; }
};

const PatientRow* patient(const WardCore& core, const QString& id)
{
    for (const PatientRow& p : core.rows().patients)
        if (p.id == id)
            return &p;
    return nullptr;
}

const QString Charge = QStringLiteral("S01"), Martha = QStringLiteral("S02"), Theo = QStringLiteral("S03");
const QString Isla = QStringLiteral("P003");

DeviceEventMsg panic(const QString& device, qint64 t, quint32 seq)
{
    DeviceEventMsg ev;
    ev.deviceId = device;
    ev.deviceTimeMs = ev.receiveTimeMs = t;
    ev.boot = 1;
    ev.seq = seq;
    ev.kind = DeviceEventKind::Panic;
    return ev;
}

std::span<const std::byte> bytes(const QByteArray& b)
{
    return {reinterpret_cast<const std::byte*>(b.constData()), size_t(b.size())};
}

} // namespace

class TestCare : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString db(const char* name) { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void nursesTakePatientsAndTheChargeNurseAssigns()
    {
        CareOutputs out;
        CoreFixture f(db("assign.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        QVERIFY(patient(f.core, Isla));
        QVERIFY(patient(f.core, Isla)->nurseId.isEmpty()); // unassigned, and shown as such

        // Nobody signed in: refused, nothing recorded or published.
        f.core.assignPatient(Isla, Martha, {}, {});
        QVERIFY(!out.lastOk());
        QVERIFY(out.lastMessage().contains(QStringLiteral("Sign in")));
        QVERIFY(out.care.empty());

        // Martha takes Isla.
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        QVERIFY2(out.lastOk(), qPrintable(out.lastMessage()));
        QCOMPARE(patient(f.core, Isla)->nurseId, Martha);
        QCOMPARE(patient(f.core, Isla)->nurseName, QStringLiteral("Martha Silva"));
        QCOMPARE(out.care.size(), size_t(1));
        QCOMPARE(out.care.back().nurseId, Martha);
        QCOMPARE(out.care.back().stationId, QStringLiteral("st-1"));
        QCOMPARE(out.care.back().action, QStringLiteral("take"));

        // Martha may not give her to Theo, nor Theo take her from Martha: only the charge nurse
        // reassigns, and nobody has charge.
        f.core.assignPatient(Isla, Theo, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(!out.lastOk());
        QVERIFY2(out.lastMessage().contains(QStringLiteral("charge nurse")), qPrintable(out.lastMessage()));
        f.core.assignPatient(Isla, Theo, Theo, QStringLiteral("Theo Brown"));
        QVERIFY(!out.lastOk());
        QCOMPARE(patient(f.core, Isla)->nurseId, Martha);

        // Edward takes charge (recorded, published), then reassigns Isla to Theo.
        f.core.takeShiftRole(ChargeRole, Charge, QStringLiteral("Edward Hughes"));
        QVERIFY2(out.lastOk(), qPrintable(out.lastMessage()));
        QCOMPARE(f.core.carePlan().holder(ChargeRole), Charge);
        QCOMPARE(out.roles.size(), size_t(1));
        QCOMPARE(out.roles.back().staffId, Charge);
        f.clock.advance(1000);
        f.core.assignPatient(Isla, Theo, Charge, QStringLiteral("Edward Hughes"));
        QVERIFY2(out.lastOk(), qPrintable(out.lastMessage()));
        QCOMPARE(patient(f.core, Isla)->nurseId, Theo);
        QCOMPARE(out.care.back().action, QStringLiteral("assign"));

        // Audited, with who did it.
        LogFilter lf;
        const auto log = AlarmLog::query(db("assign.sqlite"), lf);
        int audits = 0;
        for (const LogEntry& e : log)
            if (e.kind == u"audit" && e.detail.startsWith(QStringLiteral("care: P003")))
                ++audits;
        QCOMPARE(audits, 2);
        QVERIFY(std::any_of(log.begin(), log.end(), [](const LogEntry& e) {
            return e.detail.startsWith(QStringLiteral("shift: S01")) && e.operatorId == u"S01";
        }));

        // A nurse who is not on the staff list, or staff who are not nurses, cannot be assigned.
        f.core.assignPatient(Isla, QStringLiteral("S99"), Charge, QStringLiteral("Edward Hughes"));
        QVERIFY(!out.lastOk());
        f.core.assignPatient(Isla, QStringLiteral("S11"), Charge, QStringLiteral("Edward Hughes")); // the porter
        QVERIFY(!out.lastOk());
        QVERIFY2(out.lastMessage().contains(QStringLiteral("not a nurse")), qPrintable(out.lastMessage()));
        QCOMPARE(patient(f.core, Isla)->nurseId, Theo);
    }

    void theRecordRestoresThePlan()
    {
        const QString path = db("restore.sqlite");
        {
            CareOutputs out;
            CoreFixture f(path, out.output());
            out.watch(f.core);
            f.clock.set(T0);
            f.core.start();
            f.core.takeShiftRole(ChargeRole, Charge, QStringLiteral("Edward Hughes"));
            f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
            f.core.setRiskFlags(Isla, true, false, true, Martha, QStringLiteral("Martha Silva"));
            f.core.setCareSchedule(Isla, 120, {QStringLiteral("08:00"), QStringLiteral("20:00")}, Martha, QStringLiteral("Martha Silva"));
            QVERIFY(out.lastOk());
        }
        CareOutputs out;
        CoreFixture f(path, out.output());
        f.core.start();
        const PatientRow* p = patient(f.core, Isla);
        QVERIFY(p);
        QCOMPARE(p->nurseId, Martha);
        QVERIFY(p->fallRisk);
        QVERIFY(!p->elopementRisk);
        QVERIFY(p->bedExitArmed);
        QCOMPARE(f.core.carePlan().holder(ChargeRole), Charge);
        QCOMPARE(f.core.carePlan().entry(Isla).repositionEveryMin, 120);
        QCOMPARE(f.core.carePlan().entry(Isla).medicationTimes, (QStringList{QStringLiteral("08:00"), QStringLiteral("20:00")}));
    }

    void impossibleScheduleNamesTheField()
    {
        CareOutputs out;
        CoreFixture f(db("schedule.sqlite"), out.output());
        out.watch(f.core);
        f.core.start();
        f.core.setCareSchedule(Isla, 60, {QStringLiteral("08:00"), QStringLiteral("25:00")}, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(!out.lastOk());
        QVERIFY2(out.lastMessage().contains(QStringLiteral("medication times[1]")) && out.lastMessage().contains(QStringLiteral("25:00")),
                 qPrintable(out.lastMessage()));
        f.core.setCareSchedule(Isla, -5, {}, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(!out.lastOk());
        QVERIFY2(out.lastMessage().contains(QStringLiteral("reposition every")), qPrintable(out.lastMessage()));
        QVERIFY(out.care.empty());
    }

    void laterEntryFromAnotherStationWinsAndTheOverriddenStationIsTold()
    {
        CareOutputs out;
        CoreFixture f(db("merge.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(out.lastOk());
        const qint64 ours = out.care.back().timeMs;
        // Another station's older entry loses.
        CareEntryMsg older{Isla, Theo, false, false, false, 0, {}, 0, ours - 1, QStringLiteral("st-2"), Theo, QStringLiteral("take")};
        f.core.apply(QVector<Decoded>{older});
        QCOMPARE(patient(f.core, Isla)->nurseId, Martha);
        // Its later one wins, and this station's operator is told who changed it where.
        CareEntryMsg later = older;
        later.timeMs = ours + 5;
        f.core.apply(QVector<Decoded>{later});
        QCOMPARE(patient(f.core, Isla)->nurseId, Theo);
        QVERIFY(!out.lastOk());
        QVERIFY2(out.lastMessage().contains(QStringLiteral("st-2")) && out.lastMessage().contains(QStringLiteral("Theo Brown")),
                 qPrintable(out.lastMessage()));
        // Same time: the greater station id wins, at every station alike.
        CareEntryMsg tie = later;
        tie.nurseId = Martha;
        tie.stationId = QStringLiteral("st-3");
        f.core.apply(QVector<Decoded>{tie});
        QCOMPARE(patient(f.core, Isla)->nurseId, Martha);
        // An entry made by someone not on the staff list is refused and raised.
        CareEntryMsg forged = tie;
        forged.timeMs += 10;
        forged.operatorId = QStringLiteral("intruder");
        forged.nurseId = Theo;
        const quint64 refusedBefore = f.core.refusedStates();
        f.core.apply(QVector<Decoded>{forged});
        QCOMPARE(f.core.refusedStates(), refusedBefore + 1);
        QCOMPARE(patient(f.core, Isla)->nurseId, Martha);
        QVERIFY(f.last(QStringLiteral("tech.refused")));
    }

    void partsMergeSeparatelySoConcurrentChangesBothSurvive()
    {
        CareOutputs out;
        CoreFixture f(db("parts.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(out.lastOk());
        const CareEntryMsg taken = out.care.back();
        QCOMPARE(taken.assignmentVersion, (PartVersion{taken.timeMs, QStringLiteral("st-1")}));
        QCOMPARE(taken.flagsVersion.timeMs, qint64(0)); // flags never set
        // At the same moment another station, which had not yet seen the assignment, sets Isla's
        // fall risk: its entry is later as a whole but its assignment part is older.
        CareEntryMsg flags{Isla, {}, true, false, true, 0, {}, T0 - 60'000, taken.timeMs + 5, QStringLiteral("st-2"), Theo,
                           QStringLiteral("flags")};
        flags.assignmentVersion = PartVersion{T0 - 60'000, QStringLiteral("st-2")};
        flags.flagsVersion = PartVersion{taken.timeMs + 5, QStringLiteral("st-2")};
        flags.scheduleVersion = PartVersion{T0 - 60'000, QStringLiteral("st-2")};
        const size_t results = out.results.size();
        const size_t published = out.care.size();
        f.core.apply(QVector<Decoded>{flags});
        const PatientRow* isla = patient(f.core, Isla);
        QCOMPARE(isla->nurseId, Martha); // the assignment made here stands
        QVERIFY(isla->fallRisk);         // and the flags set there apply
        QVERIFY(isla->bedExitArmed);
        QCOMPARE(out.results.size(), results); // nothing of this station's was replaced: nobody told
        // This station republishes the merged plan, so the retained entry holds both changes.
        QCOMPARE(out.care.size(), published + 1);
        QCOMPARE(out.care.back().nurseId, Martha);
        QVERIFY(out.care.back().fallRisk);
        QCOMPARE(out.care.back().flagsVersion, flags.flagsVersion);
        QCOMPARE(out.care.back().assignmentVersion, taken.assignmentVersion);
        // The republished entry coming back changes nothing and publishes nothing.
        f.core.apply(QVector<Decoded>{out.care.back()});
        QCOMPARE(out.care.size(), published + 1);
        // The other station's entry again (the broker still held it: our publish was lost) changes
        // nothing here, and the merged plan goes out again.
        f.core.apply(QVector<Decoded>{flags});
        QCOMPARE(out.care.size(), published + 2);
        QCOMPARE(out.care.back().nurseId, Martha);
        QVERIFY(out.care.back().fallRisk);
        QCOMPARE(patient(f.core, Isla)->nurseId, Martha);
        // A later assignment there replaces this station's: its operator is told which part.
        CareEntryMsg reassign = out.care.back();
        reassign.nurseId = Theo;
        reassign.timeMs += 10;
        reassign.stationId = QStringLiteral("st-2");
        reassign.operatorId = Charge;
        reassign.assignmentVersion = PartVersion{reassign.timeMs, QStringLiteral("st-2")};
        f.core.apply(QVector<Decoded>{reassign});
        QCOMPARE(patient(f.core, Isla)->nurseId, Theo);
        QVERIFY(patient(f.core, Isla)->fallRisk);
        QVERIFY(!out.lastOk());
        QVERIFY2(out.lastMessage().contains(QStringLiteral("assignment")) && out.lastMessage().contains(QStringLiteral("Edward")),
                 qPrintable(out.lastMessage()));
        // The record keeps the merged plan: a restart shows both parts.
        CareOutputs out2;
        CoreFixture again(db("parts.sqlite"), out2.output());
        again.clock.set(T0 + 60'000);
        again.core.start();
        QCOMPARE(patient(again.core, Isla)->nurseId, Theo);
        QVERIFY(patient(again.core, Isla)->fallRisk);
        QVERIFY(patient(again.core, Isla)->bedExitArmed);
    }

    void dischargeEndsThePlan()
    {
        CareOutputs out;
        CoreFixture f(db("discharge.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        f.core.setRiskFlags(Isla, true, true, true, Martha, QStringLiteral("Martha Silva"));
        f.core.setCareSchedule(Isla, 120, {QStringLiteral("08:00")}, Martha, QStringLiteral("Martha Silva"));
        QVERIFY2(out.lastOk(), qPrintable(out.lastMessage()));
        const PatientRow before = *patient(f.core, Isla);
        f.clock.advance(60'000);
        f.core.dischargePatient(Isla, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(!patient(f.core, Isla));
        // The discharging station ends the plan: recorded, published, every part replaced.
        const CareEntryMsg ended = out.care.back();
        QCOMPARE(ended.action, QStringLiteral("discharge"));
        QVERIFY(ended.nurseId.isEmpty());
        QVERIFY(!ended.fallRisk && !ended.elopementRisk && !ended.bedExitArmed);
        QCOMPARE(ended.repositionEveryMin, 0);
        QCOMPARE(ended.planSinceMs, qint64(0));
        QCOMPARE(ended.assignmentVersion.timeMs, ended.timeMs);
        QCOMPARE(ended.scheduleVersion.timeMs, ended.timeMs);
        // Readmitted later: a new stay, a new plan (nobody assigned, no flags, no schedule).
        f.clock.advance(3'600'000);
        f.core.admitPatient(before.bed, Isla, before.name, before.wristband, before.monitor, Charge, QStringLiteral("Edward Hughes"));
        const PatientRow* back = patient(f.core, Isla);
        QVERIFY(back);
        QVERIFY(back->nurseId.isEmpty());
        QVERIFY(!back->fallRisk && !back->elopementRisk && !back->bedExitArmed);
        QCOMPARE(f.core.carePlan().entry(Isla).repositionEveryMin, 0);
        // Her first new entry starts the plan afresh (reminders count from it).
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        QCOMPARE(out.care.back().planSinceMs, out.care.back().timeMs);
        // Discharging a patient with no plan publishes nothing.
        const size_t published = out.care.size();
        f.core.dischargePatient(QStringLiteral("P004"), Martha, QStringLiteral("Martha Silva"));
        QVERIFY(!patient(f.core, QStringLiteral("P004")));
        QCOMPARE(out.care.size(), published);
    }

    void exitAlarmsOnlyForPatientsAtElopementRisk()
    {
        CareOutputs out;
        CoreFixture f(db("exit.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        const Room* exit = nullptr;
        for (const auto& r : f.site.rooms)
            if (r.kind == RoomKind::Exit)
                exit = &r;
        QVERIFY(exit);
        const Patient& pt = *f.site.patient(Isla);
        auto at = [&](const Room& room) {
            PositionMsg m;
            m.tagId = pt.wristband;
            m.timeMs = f.clock.nowMs();
            m.x = room.centre().x();
            m.y = room.centre().y();
            m.floor = room.floor;
            m.room = room.id;
            f.core.apply(QVector<Decoded>{m});
        };
        const Room& bedroom = *f.site.room(f.site.bed(pt.bed)->room);
        // Not at risk: at the exit for 10 s is logged once, and no alarm.
        for (int s = 0; s <= 10; ++s) {
            at(*exit);
            f.clock.advance(1000);
        }
        QVERIFY(!f.last(QStringLiteral("loc.exit")));
        auto exitLines = [&] {
            int n = 0;
            for (const LogEntry& e : AlarmLog::query(db("exit.sqlite"), LogFilter{}))
                n += e.detail.contains(QStringLiteral("not at elopement risk")) && e.detail.contains(Isla) ? 1 : 0;
            return n;
        };
        QCOMPARE(exitLines(), 1);
        at(bedroom);
        // Flagged at elopement risk: the same walk raises the exit alarm.
        f.core.setRiskFlags(Isla, false, true, false, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(out.lastOk());
        for (int s = 0; s <= 10; ++s) {
            at(*exit);
            f.clock.advance(1000);
        }
        const auto alarm = f.last(QStringLiteral("loc.exit"));
        QVERIFY(alarm);
        QCOMPARE(alarm->patientId, Isla);
        QVERIFY(alarm->signalling());
        QCOMPARE(exitLines(), 1);
    }

    void escalationCallsTheAssignedNurseThenTheChargeNurse()
    {
        CareOutputs out;
        CoreFixture f(db("escalate.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        f.core.takeShiftRole(ChargeRole, Charge, QStringLiteral("Edward Hughes"));
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(out.lastOk());
        QSignalSpy answered(&f.core, &WardCore::callAnswered);

        // Isla's wristband: a panic. Step 1 (assigned-nurse) calls Martha's badge with what and where.
        const Patient& pt = *f.site.patient(Isla);
        f.core.apply(QVector<Decoded>{panic(pt.wristband, f.clock.nowMs(), 7)});
        f.core.evaluateAlarms();
        QCOMPARE(out.steps.size(), size_t(1));
        const AlarmState alarm = out.steps[0].first;
        QCOMPARE(alarm.patientId, Isla);
        QCOMPARE(out.steps[0].second.target, QStringLiteral("bd-02"));
        QVERIFY2(out.steps[0].second.callText.contains(QStringLiteral("Isla Clarke")), qPrintable(out.steps[0].second.callText));
        // The log names who was called.
        const auto log = AlarmLog::query(db("escalate.sqlite"), LogFilter{});
        QVERIFY(std::any_of(log.begin(), log.end(), [](const LogEntry& e) {
            return e.kind == u"escalated" && e.detail.contains(QStringLiteral("Martha Silva (S02), assigned nurse of P003"));
        }));

        // Her badge received it: said, no confirmation yet; then she accepts: the wristband is told.
        const QString commandId = alarm.id + QStringLiteral("#1");
        CommandAckMsg ack{commandId, QStringLiteral("bd-02"), CommandAckStatus::Received, {}, f.clock.nowMs(), f.clock.nowMs()};
        f.core.apply(QVector<Decoded>{ack});
        QCOMPARE(answered.size(), 1);
        QVERIFY(out.help.empty());
        // An answer from another badge than the one called changes nothing.
        CommandAckMsg wrong = ack;
        wrong.deviceId = QStringLiteral("bd-05");
        wrong.status = CommandAckStatus::Accepted;
        f.core.apply(QVector<Decoded>{wrong});
        QCOMPARE(answered.size(), 1);
        QVERIFY(out.help.empty());
        ack.status = CommandAckStatus::Accepted;
        f.core.apply(QVector<Decoded>{ack});
        QCOMPARE(answered.size(), 2);
        QCOMPARE(answered.last().at(1).toString(), QStringLiteral("Martha Silva"));
        QCOMPARE(out.help.size(), size_t(1));
        QCOMPARE(out.help[0].first, pt.wristband);
        QCOMPARE(out.help[0].second, QStringLiteral("Martha Silva"));

        // Nobody acknowledged at a station: after the step's 60 s, the charge nurse's badge.
        f.clock.advance(61'000);
        f.core.evaluateAlarms();
        std::vector<EscalationStep> panicSteps;
        for (const auto& [a, step] : out.steps)
            if (a.id == alarm.id)
                panicSteps.push_back(step);
        QCOMPARE(panicSteps.size(), size_t(2));
        QCOMPARE(panicSteps[1].target, QStringLiteral("bd-01"));
        QVERIFY(!panicSteps[1].callText.isEmpty());

        // Acknowledged at the station: the caller is told once (already told here: not again).
        f.core.acknowledge(alarm.id, Charge, QStringLiteral("Edward Hughes"), QStringLiteral("with her"));
        QCOMPARE(out.help.size(), size_t(1));
        QCOMPARE(f.core.alarmEngine()->find(alarm.id)->ackComment, QStringLiteral("with her"));
    }

    void aDeclinedCallEscalatesAtOnce()
    {
        CareOutputs out;
        CoreFixture f(db("declined.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        f.core.takeShiftRole(ChargeRole, Charge, QStringLiteral("Edward Hughes"));
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        const Patient& pt = *f.site.patient(Isla);
        f.core.apply(QVector<Decoded>{panic(pt.wristband, f.clock.nowMs(), 3)});
        f.core.evaluateAlarms();
        QCOMPARE(out.steps.size(), size_t(1));
        const AlarmState alarm = out.steps[0].first;
        QCOMPARE(out.steps[0].second.target, QStringLiteral("bd-02"));
        // Martha's badge declines (she is with another patient), 5 s in: the charge nurse is
        // called now, not when the step's 60 s run out.
        f.clock.advance(5'000);
        f.core.apply(QVector<Decoded>{CommandAckMsg{alarm.id + QStringLiteral("#1"), QStringLiteral("bd-02"),
                                                    CommandAckStatus::Declined, QStringLiteral("busy"), f.clock.nowMs(), f.clock.nowMs()}});
        QCOMPARE(out.steps.size(), size_t(2));
        QCOMPARE(out.steps[1].second.target, QStringLiteral("bd-01"));
        QVERIFY(out.help.empty()); // nobody has said they are coming
        const auto log = AlarmLog::query(db("declined.sqlite"), LogFilter{});
        QVERIFY(std::any_of(log.begin(), log.end(), [](const LogEntry& e) {
            return e.kind == u"escalated" && e.detail.contains(QStringLiteral("step 2")) &&
                   e.detail.contains(QStringLiteral("Martha Silva declined the call"));
        }));
        // A late answer to the first call, or a second decline, changes nothing more.
        f.core.apply(QVector<Decoded>{CommandAckMsg{alarm.id + QStringLiteral("#1"), QStringLiteral("bd-02"),
                                                    CommandAckStatus::Failed, {}, f.clock.nowMs(), f.clock.nowMs()}});
        f.core.evaluateAlarms();
        QCOMPARE(out.steps.size(), size_t(2));
        // The charge nurse's badge fails too: the next configured step (if any) goes at once,
        // and at the last step there is nothing further to call.
        const size_t chain = f.site.alarms.rule(alarm.rule).escalation.size();
        f.core.apply(QVector<Decoded>{CommandAckMsg{alarm.id + QStringLiteral("#2"), QStringLiteral("bd-01"),
                                                    CommandAckStatus::Failed, QStringLiteral("out of range"), f.clock.nowMs(),
                                                    f.clock.nowMs()}});
        QCOMPARE(out.steps.size(), std::min<size_t>(3, chain));
    }

    void unassignedPatientsEscalateToTheChargeNurseOrEveryStation()
    {
        CareOutputs out;
        CoreFixture f(db("unassigned.sqlite"), out.output());
        f.clock.set(T0);
        f.core.start();
        const Patient& pt = *f.site.patient(Isla);
        f.core.apply(QVector<Decoded>{panic(pt.wristband, f.clock.nowMs(), 1)});
        f.core.evaluateAlarms();
        QCOMPARE(out.steps.size(), size_t(1));
        QCOMPARE(out.steps[0].second.target, AllStationsTarget); // nobody assigned, nobody in charge
        QVERIFY(out.steps[0].second.callText.isEmpty());
        f.core.takeShiftRole(ChargeRole, Charge, QStringLiteral("Edward Hughes"));
        f.core.apply(QVector<Decoded>{panic(pt.wristband, f.clock.nowMs(), 2)});
        f.core.evaluateAlarms();
        QCOMPARE(out.steps.size(), size_t(2));
        QCOMPARE(out.steps[1].second.target, QStringLiteral("bd-01"));
        // The acknowledging operator's name goes to the caller.
        f.core.acknowledge(out.steps[1].first.id, Martha, QStringLiteral("Martha Silva"));
        QCOMPARE(out.help.size(), size_t(1));
        QCOMPARE(out.help[0].second, QStringLiteral("Martha Silva"));
    }

    void bedExitForAnArmedBedHighAtFallRisk()
    {
        CareOutputs out;
        CoreFixture f(db("bed.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0);
        f.core.start();
        const Patient& pt = *f.site.patient(Isla);
        const Bed* bed = f.site.bed(pt.bed);
        QVERIFY(bed && !bed->device.isEmpty()); // the default ward's beds on floor 1 are smart beds
        auto report = [&](bool occupied) {
            BedUpdate b;
            b.deviceId = bed->device;
            b.deviceTimeMs = b.receiveTimeMs = f.clock.nowMs();
            b.occupied = occupied;
            b.brakeSet = true;
            b.headAngleDeg = 30;
            f.core.apply(QVector<Decoded>{b});
            f.core.evaluateAlarms();
        };
        report(true);
        QVERIFY(patient(f.core, Isla)->bedState.occupied == true);
        // Not armed: out of bed is no alarm.
        f.clock.advance(1000);
        report(false);
        QVERIFY(!f.last(QStringLiteral("bed.exit")));
        f.clock.advance(1000);
        report(true);
        // Armed, no fall risk: medium.
        f.core.setRiskFlags(Isla, false, false, true, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(out.lastOk());
        f.clock.advance(1000);
        report(false);
        auto alarm = f.last(QStringLiteral("bed.exit"));
        QVERIFY(alarm);
        QCOMPARE(int(alarm->priority), int(Priority::Medium));
        QCOMPARE(alarm->patientId, Isla);
        QCOMPARE(alarm->source, bed->device);
        QVERIFY(alarm->latching);
        // Back in bed: the cause ended, the latching alarm still signals until acknowledged.
        f.clock.advance(1000);
        report(true);
        QVERIFY(f.last(QStringLiteral("bed.exit"))->ended());
        QVERIFY(f.last(QStringLiteral("bed.exit"))->signalling());
        f.core.acknowledge(alarm->id, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(!f.last(QStringLiteral("bed.exit"))->signalling());
        // At fall risk: high.
        f.core.setRiskFlags(Isla, true, false, true, Martha, QStringLiteral("Martha Silva"));
        f.clock.advance(1000);
        report(false);
        alarm = f.last(QStringLiteral("bed.exit"));
        QVERIFY(alarm && !alarm->ended());
        QCOMPARE(int(alarm->priority), int(Priority::High));
        QVERIFY(alarm->condition.contains(QStringLiteral("fall risk")));
        // A bed report naming a device that is not the site's is counted, not applied.
        BedUpdate foreign;
        foreign.deviceId = QStringLiteral("sb-999");
        foreign.deviceTimeMs = foreign.receiveTimeMs = f.clock.nowMs();
        foreign.occupied = false;
        f.core.apply(QVector<Decoded>{foreign});
        QVERIFY(f.stats.snapshot().byReason[size_t(RejectReason::UnknownDevice)] >= 1);
    }

    void anotherStationsAudioPauseIsShownNotApplied()
    {
        CareOutputs out;
        CoreFixture f(db("pause.sqlite"), out.output());
        f.clock.set(T0);
        f.core.start();
        QSignalSpy pauses(&f.core, &WardCore::remoteAudioPause);
        QSignalSpy own(&f.core, &WardCore::audioPaused);
        StationPresenceMsg p;
        p.stationId = QStringLiteral("st-2");
        p.online = true;
        p.deviceTimeMs = T0;
        p.siteHash = f.site.hash;
        p.audioPausedUntilMs = T0 + 120'000;
        p.audioPausedBy = QStringLiteral("Martha Silva");
        f.core.apply(QVector<Decoded>{p});
        QCOMPARE(pauses.size(), 1);
        QCOMPARE(pauses.last().at(0).toString(), QStringLiteral("st-2"));
        QCOMPARE(pauses.last().at(1).toLongLong(), T0 + 120'000);
        QCOMPARE(pauses.last().at(2).toString(), QStringLiteral("Martha Silva"));
        f.core.apply(QVector<Decoded>{p}); // the same every second: said once
        QCOMPARE(pauses.size(), 1);
        p.audioPausedUntilMs = 0; // over
        f.core.apply(QVector<Decoded>{p});
        QCOMPARE(pauses.size(), 2);
        QCOMPARE(pauses.last().at(1).toLongLong(), qint64(0));
        // This station's own pause is logged with the comment and announced.
        f.core.auditAudioPause(Martha, QStringLiteral("Martha Silva"), 120, QStringLiteral("patient reviewed by doctor"));
        QCOMPARE(own.size(), 1);
        QCOMPARE(own.last().at(0).toLongLong(), T0 + 120'000);
        const auto log = AlarmLog::query(db("pause.sqlite"), LogFilter{});
        QVERIFY(std::any_of(log.begin(), log.end(), [](const LogEntry& e) {
            return e.detail == u"audio paused for 120 s: patient reviewed by doctor" && e.operatorId == u"S02";
        }));
    }

    void remindersDueOverdueAndDone()
    {
        CareOutputs out;
        CoreFixture f(db("remind.sqlite"), out.output());
        out.watch(f.core);
        f.clock.set(T0); // 00:00 UTC
        f.core.start();
        const qint64 hour = 3'600'000;
        auto open = [&](const QString& rule) -> std::optional<AlarmState> {
            for (auto it = f.changes.rbegin(); it != f.changes.rend(); ++it)
                if (it->rule == rule && it->patientId == Isla)
                    return f.core.alarmEngine()->find(it->id) ? std::optional(*f.core.alarmEngine()->find(it->id)) : std::nullopt;
            return std::nullopt;
        };
        // Not under the plan: no reminders.
        f.core.evaluateAlarms();
        QVERIFY(!open(QStringLiteral("reminder.reposition")));
        // Martha takes Isla and sets repositioning every 2 h and her own medication round at 06:00.
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        f.core.setCareSchedule(Isla, 120, {QStringLiteral("06:00")}, Martha, QStringLiteral("Martha Silva"));
        QVERIFY(out.lastOk());
        f.clock.advance(2 * hour - 1);
        f.core.evaluateAlarms();
        QVERIFY(!open(QStringLiteral("reminder.reposition"))); // 1 ms before it is due
        f.clock.advance(1);
        f.core.evaluateAlarms();
        auto r = open(QStringLiteral("reminder.reposition"));
        QVERIFY(r);
        QCOMPARE(int(r->priority), int(Priority::Low));
        QCOMPARE(r->onsetMs, T0 + 2 * hour);
        QVERIFY(r->signalling());
        // Overdue after the site's 30 min: it rises to medium (the default overduePriority).
        f.clock.advance(30 * 60'000);
        f.core.evaluateAlarms();
        r = open(QStringLiteral("reminder.reposition"));
        QCOMPARE(int(r->priority), int(Priority::Medium));
        // Marked done (acknowledged): it resolves, and the next is due 2 h after it was done.
        const qint64 doneAt = f.clock.nowMs();
        f.core.acknowledge(r->id, Martha, QStringLiteral("Martha Silva"), QStringLiteral("turned to the left"));
        QVERIFY(!f.core.alarmEngine()->find(r->id)->signalling());
        QCOMPARE(f.core.alarmEngine()->find(r->id)->ackComment, QStringLiteral("turned to the left"));
        f.clock.advance(2 * hour - 1);
        f.core.evaluateAlarms();
        QVERIFY(!open(QStringLiteral("reminder.reposition"))); // done, closed, and no new one yet
        f.clock.advance(1);
        f.core.evaluateAlarms();
        const auto next = open(QStringLiteral("reminder.reposition"));
        QVERIFY(next && next->id != r->id);
        QCOMPARE(next->onsetMs, doneAt + 2 * hour);
        // The patient's 06:00 medication round (the ward's local time) after the plan began is due then.
        QDateTime round(QDateTime::fromMSecsSinceEpoch(T0, f.site.zone()).date(), QTime(6, 0), f.site.zone());
        if (round.toMSecsSinceEpoch() < T0)
            round = round.addDays(1);
        f.clock.set(round.toMSecsSinceEpoch() - 1);
        f.core.evaluateAlarms();
        QVERIFY(!open(QStringLiteral("reminder.medication")));
        f.clock.set(round.toMSecsSinceEpoch());
        f.core.evaluateAlarms();
        const auto med = open(QStringLiteral("reminder.medication"));
        QVERIFY(med);
        QCOMPARE(med->onsetMs, round.toMSecsSinceEpoch());
        // No more repositioning in the plan: the open reminder for it ends (one per kind, none stale).
        const QString reposition = open(QStringLiteral("reminder.reposition"))->id;
        f.core.setCareSchedule(Isla, 0, {QStringLiteral("06:00")}, Martha, QStringLiteral("Martha Silva"));
        f.core.evaluateAlarms();
        QVERIFY(f.core.alarmEngine()->find(reposition)->ended());
        QVERIFY(!f.core.alarmEngine()->find(reposition)->signalling());
        QVERIFY(!f.core.alarmEngine()->find(med->id)->ended()); // the round is still due
    }

    void medicationRoundsFollowTheWardsTimeZone()
    {
        // The site's timeZone, not the station's: a ward in Tokyo (UTC+9, no daylight saving) whose
        // 10:00 round is 01:00 UTC, whatever zone the station's machine runs in.
        CareOutputs out;
        CoreFixture f(db("zone.sqlite"), out.output(), QStringLiteral("st-1"),
                      [](Site& s) { s.timeZone = QStringLiteral("Asia/Tokyo"); });
        QVERIFY(f.site.zone().isValid());
        out.watch(f.core);
        f.clock.set(T0); // 00:00 UTC, 09:00 in Tokyo
        f.core.start();
        f.core.assignPatient(Isla, Martha, Martha, QStringLiteral("Martha Silva"));
        f.core.setCareSchedule(Isla, 0, {QStringLiteral("10:00")}, Martha, QStringLiteral("Martha Silva"));
        QVERIFY2(out.lastOk(), qPrintable(out.lastMessage()));
        auto medication = [&]() -> const AlarmState* {
            for (auto it = f.changes.rbegin(); it != f.changes.rend(); ++it)
                if (it->rule == QStringLiteral("reminder.medication") && it->patientId == Isla)
                    return f.core.alarmEngine()->find(it->id);
            return nullptr;
        };
        f.clock.set(T0 + 3'600'000 - 1);
        f.core.evaluateAlarms();
        QVERIFY(!medication());
        f.clock.set(T0 + 3'600'000);
        f.core.evaluateAlarms();
        QVERIFY(medication());
        QCOMPARE(medication()->onsetMs, T0 + 3'600'000);
    }

    void wireFormat()
    {
        CareEntryMsg e{Isla, Martha, true, false, true, 90, {QStringLiteral("08:00")}, T0 - 3'600'000, T0, QStringLiteral("st-1"), Martha,
                       QStringLiteral("take")};
        DecodeContext ctx;
        ctx.nowMs = T0;
        auto r = decodeWire(TopicKind::Care, "P003", bytes(encode(e)), ctx);
        QVERIFY(!r.error);
        const auto& back = std::get<CareEntryMsg>(r.messages.front());
        QVERIFY(back.samePlan(e));
        QCOMPARE(back.timeMs, T0);
        QCOMPARE(back.planSinceMs, T0 - 3'600'000);
        QCOMPARE(back.stationId, QStringLiteral("st-1"));
        // Without part versions (an entry of an older station) every part is the entry's own.
        QCOMPARE(back.assignmentVersion, (PartVersion{T0, QStringLiteral("st-1")}));
        QCOMPARE(back.scheduleVersion, (PartVersion{T0, QStringLiteral("st-1")}));
        // With them, each comes back as sent; a part never set stays time 0.
        CareEntryMsg parts = e;
        parts.flagsVersion = PartVersion{T0 - 5, QStringLiteral("st-2")};
        parts.assignmentVersion = PartVersion{T0, QStringLiteral("st-1")};
        r = decodeWire(TopicKind::Care, "P003", bytes(encode(parts)), ctx);
        QVERIFY(!r.error);
        QCOMPARE(std::get<CareEntryMsg>(r.messages.front()).flagsVersion, parts.flagsVersion);
        QCOMPARE(std::get<CareEntryMsg>(r.messages.front()).assignmentVersion, parts.assignmentVersion);
        QCOMPARE(std::get<CareEntryMsg>(r.messages.front()).scheduleVersion, PartVersion{});
        // A part newer than its entry is refused, naming the part.
        parts.flagsVersion.timeMs = T0 + 1;
        r = decodeWire(TopicKind::Care, "P003", bytes(encode(parts)), ctx);
        QVERIFY(r.error);
        QVERIFY2(r.error->detail.contains(QStringLiteral("flags_version")), qPrintable(r.error->detail));
        // Topic and payload disagree: refused, naming the field.
        r = decodeWire(TopicKind::Care, "P004", bytes(encode(e)), ctx);
        QVERIFY(r.error);
        QCOMPARE(int(r.error->reason), int(RejectReason::TopicMismatch));
        QVERIFY(r.error->detail.contains(QStringLiteral("patient_id")));
        // An impossible medication time names the field and its index.
        CareEntryMsg bad = e;
        bad.medicationTimes = {QStringLiteral("08:00"), QStringLiteral("24:30")};
        r = decodeWire(TopicKind::Care, "P003", bytes(encode(bad)), ctx);
        QVERIFY(r.error);
        QVERIFY2(r.error->detail.contains(QStringLiteral("medication_times[1]")), qPrintable(r.error->detail));
        // A role; a command acknowledgement; a badge call read back as a device reads it.
        ShiftRoleMsg role{ChargeRole, Charge, T0, QStringLiteral("st-1"), Charge};
        r = decodeWire(TopicKind::Role, "charge", bytes(encode(role)), ctx);
        QVERIFY(!r.error);
        QCOMPARE(std::get<ShiftRoleMsg>(r.messages.front()).staffId, Charge);
        CommandAckMsg ack{QStringLiteral("a#1"), QStringLiteral("bd-02"), CommandAckStatus::Accepted, {}, T0, 0};
        r = decodeWire(TopicKind::CommandAck, "bd-02", bytes(encode(ack)), ctx);
        QVERIFY(!r.error);
        QCOMPARE(int(std::get<CommandAckMsg>(r.messages.front()).status), int(CommandAckStatus::Accepted));
        r = decodeWire(TopicKind::CommandAck, "bd-03", bytes(encode(ack)), ctx);
        QVERIFY(r.error);
        AlarmState a;
        a.id = QStringLiteral("event.panic:wb-003:1-7");
        a.priority = Priority::High;
        const auto call = decodeCommand(bytes(encodeBadgeCall(a, 1, QStringLiteral("Panic: Isla"), QStringLiteral("st-1"), T0)));
        QVERIFY(call);
        QCOMPARE(int(call->kind), int(CommandMsg::Kind::BadgeCall));
        QCOMPARE(call->commandId, a.id + QStringLiteral("#1"));
        QCOMPARE(call->text, QStringLiteral("Panic: Isla"));
        // Signed, as stations send it: the device reads the envelope's body.
        MessageSigner signer(QStringLiteral("st-1"), SigningKey::generate());
        const auto signedCall = decodeCommand(bytes(signer.sign(QStringLiteral("ww/v1/stmarys-w7/cmd/bd-02"),
                                                                encodeBadgeCall(a, 1, QStringLiteral("Panic: Isla"), QStringLiteral("st-1"), T0))));
        QVERIFY(signedCall);
        QCOMPARE(signedCall->commandId, a.id + QStringLiteral("#1"));
        QVERIFY(!decodeCommand(bytes(QByteArray("WWS1\xff\xff", 6))));
        // A bed report; a head angle out of range names the field.
        BedUpdate bed;
        bed.deviceId = QStringLiteral("sb-103a");
        bed.deviceTimeMs = T0;
        bed.occupied = false;
        bed.headAngleDeg = 30;
        bed.exitAlert = true;
        r = decodeWire(TopicKind::Bed, "sb-103a", bytes(encode(bed)), ctx);
        QVERIFY(!r.error);
        QCOMPARE(std::get<BedUpdate>(r.messages.front()).occupied, std::optional<bool>(false));
        QVERIFY(std::get<BedUpdate>(r.messages.front()).exitAlert);
        QVERIFY(!std::get<BedUpdate>(r.messages.front()).brakeSet);
        bed.headAngleDeg = 120;
        r = decodeWire(TopicKind::Bed, "sb-103a", bytes(encode(bed)), ctx);
        QVERIFY(r.error);
        QVERIFY(r.error->detail.contains(QStringLiteral("head_angle_deg")));
        QCOMPARE(int(Topics(QStringLiteral("w7")).parse("ww/v1/w7/dev/sb-103a/bed").kind), int(TopicKind::Bed));
        const auto help = decodeCommand(bytes(encodeHelpComing(a, QStringLiteral("Martha Silva"), QStringLiteral("st-1"), T0)));
        QVERIFY(help);
        QCOMPARE(int(help->kind), int(CommandMsg::Kind::HelpComing));
        QCOMPARE(help->text, QStringLiteral("Martha Silva"));
    }
};

QTEST_GUILESS_MAIN(TestCare)
#include "tst_care.moc"
