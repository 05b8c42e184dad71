// The alarm engine in simulated time: merge rule, lifecycle, latching, escalation, onset delays,
// late events, NEWS2 partial scores, the append-only log with restart convergence. Operators, audio
// and clock steps are in tst_alarm_station. Fakes only for what leaves the process (the publisher).
#include "alarms/alarmaudio.h"
#include "alarms/alarmengine.h"
#include "records/alarmlog.h"
#include "alarms/operators.h"
#include "core/wardcore.h"
#include "transport/ingest.h"
#include "alarm_support.h"
#include "fakes.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ww;
using test::RecordingSound;

using test::CoreFixture;
using test::Published;
using test::panic;

class TestAlarms : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    AlarmSettings m_settings = defaultAlarmSettings();

private Q_SLOTS:
    void mergeRuleIsMonotonicCommutativeIdempotent()
    {
        AlarmState base;
        base.id = QStringLiteral("x");
        base.rule = QStringLiteral("event.fall");
        base.priority = Priority::High;
        base.onsetMs = 1000;
        base.revision = 1;
        base.stationId = QStringLiteral("a");
        AlarmState a = base, b = base;
        a.ackedAtMs = 5000; a.ackedBy = QStringLiteral("n1"); a.ackedStation = QStringLiteral("a"); a.revision = 2;
        b.ackedAtMs = 4000; b.ackedBy = QStringLiteral("n2"); b.ackedStation = QStringLiteral("b"); b.revision = 2;
        b.stationId = QStringLiteral("b");
        b.escalationStep = 2;
        AlarmState ab = a, ba = b;
        QVERIFY(mergeAlarm(ab, b));
        mergeAlarm(ba, a);
        QCOMPARE(ab.ackedBy, QStringLiteral("n2")); // the earliest acknowledgement wins
        QCOMPARE(ba.ackedBy, QStringLiteral("n2"));
        QCOMPARE(ab.escalationStep, 2);
        QCOMPARE(ab.ackedAtMs, ba.ackedAtMs);
        QCOMPARE(int(ab.phase()), int(Phase::Acknowledged));
        // An older ACTIVE publish never moves the phase back.
        QVERIFY(!mergeAlarm(ab, base));
        QCOMPARE(int(ab.phase()), int(Phase::Acknowledged));
        // Idempotent.
        AlarmState again = ab;
        QVERIFY(!mergeAlarm(again, ab));
        // Same ack time at two stations: the smaller station id wins, whatever the order.
        AlarmState c = base, d = base;
        c.ackedAtMs = d.ackedAtMs = 7000;
        c.ackedBy = QStringLiteral("x1"); c.ackedStation = QStringLiteral("st-2");
        d.ackedBy = QStringLiteral("x2"); d.ackedStation = QStringLiteral("st-1");
        AlarmState cd = c, dc = d;
        mergeAlarm(cd, d);
        mergeAlarm(dc, c);
        QCOMPARE(cd.ackedBy, QStringLiteral("x2"));
        QCOMPARE(dc.ackedBy, QStringLiteral("x2"));
        // Ended and closed are facts that stay.
        AlarmState e = base;
        e.endedMs = 9000;
        AlarmState merged = ab;
        mergeAlarm(merged, e);
        QCOMPARE(int(merged.phase()), int(Phase::Resolved));
        QVERIFY(!mergeAlarm(merged, base));
        QCOMPARE(int(merged.phase()), int(Phase::Resolved));
    }

    // A press or a fall has no duration: acknowledging it resolves it, also after the station
    // restarted (from its log) and at another station (from the shared state).
    void pressEndsWhenAcknowledgedAfterRestartAndElsewhere()
    {
        ManualClock clock;
        const QString path = m_dir.filePath(QStringLiteral("press-restart.sqlite"));
        QString id;
        AlarmState shared;
        {
            Published out;
            AlarmLog log(path);
            AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), &log, &out);
            id = engine.raise(panic(clock.nowMs()));
            QVERIFY(engine.find(id)->endsOnAck);
            shared = out.states.back();
        }
        clock.advance(5000);
        Published out;
        AlarmLog log(path);
        AlarmEngine restarted(m_settings, clock, QStringLiteral("st-1"), &log, &out);
        restarted.restore();
        QVERIFY(restarted.find(id));
        QVERIFY(restarted.acknowledge(id, QStringLiteral("s01"), QStringLiteral("N")).ok);
        QCOMPARE(int(restarted.find(id)->phase()), int(Phase::Resolved));
        // Another station that only saw the shared state.
        Published out2;
        AlarmEngine other(m_settings, clock, QStringLiteral("st-2"), nullptr, &out2);
        QVERIFY(shared.endsOnAck);
        other.applyRemote(shared);
        QVERIFY(other.acknowledge(id, QStringLiteral("s02"), QStringLiteral("M")).ok);
        QCOMPARE(int(other.find(id)->phase()), int(Phase::Resolved));
    }

    void lifecycleAckEndClose()
    {
        ManualClock clock;
        Published out;
        AlarmLog log(m_dir.filePath(QStringLiteral("lifecycle.sqlite")));
        AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), &log, &out);
        const QString id = engine.raise(panic(clock.nowMs()));
        QCOMPARE(id, QStringLiteral("event.panic:wb-01:1-1"));
        QCOMPARE(out.states.size(), size_t(1));
        QCOMPARE(int(out.states.back().phase()), int(Phase::Active));
        QVERIFY(engine.find(id)->signalling());
        QVERIFY(engine.find(id)->latching);

        const AckResult refused = engine.acknowledge(id, QString(), QString());
        QVERIFY(!refused.ok);
        QVERIFY(refused.message.contains(QStringLiteral("Sign in")));
        QCOMPARE(int(engine.find(id)->phase()), int(Phase::Active));

        clock.advance(12'000);
        QVERIFY(engine.acknowledge(id, QStringLiteral("s01"), QStringLiteral("Nurse One")).ok);
        // A press has no duration: acknowledging it resolves it.
        QCOMPARE(int(engine.find(id)->phase()), int(Phase::Resolved));
        QCOMPARE(engine.find(id)->ackedBy, QStringLiteral("s01"));
        QVERIFY(!engine.find(id)->signalling());
        QCOMPARE(int(out.states.back().phase()), int(Phase::Resolved));

        clock.advance(qint64(m_settings.closeAfterS) * 1000 - 1);
        engine.tick();
        QVERIFY(engine.find(id));
        clock.advance(1);
        engine.tick();
        QVERIFY(!engine.find(id));
        QCOMPARE(int(out.states.back().phase()), int(Phase::Closed));
        QCOMPARE(out.cleared, QStringList{id});
        // The same occurrence does not come back, e.g. from a stale retained message.
        AlarmState stale = out.states.front();
        engine.applyRemote(stale);
        QVERIFY(!engine.find(id));

        // Every transition is in the log, in order, with operator and station.
        const auto entries = AlarmLog::query(log.path(), LogFilter{});
        QStringList kinds;
        for (auto it = entries.rbegin(); it != entries.rend(); ++it)
            kinds << it->kind;
        QVERIFY(kinds.contains(QStringLiteral("raised")));
        QVERIFY(kinds.indexOf(QStringLiteral("raised")) < kinds.indexOf(QStringLiteral("acknowledged")));
        QVERIFY(kinds.indexOf(QStringLiteral("acknowledged")) < kinds.indexOf(QStringLiteral("closed")));
        const auto ack = std::find_if(entries.begin(), entries.end(), [](const LogEntry& e) { return e.kind == u"acknowledged"; });
        QCOMPARE(ack->operatorId, QStringLiteral("s01"));
        QCOMPARE(ack->operatorName, QStringLiteral("Nurse One"));
        QCOMPARE(ack->station, QStringLiteral("st-1"));
    }

    void resolvedBeforeAckLatchingAndNot()
    {
        ManualClock clock;
        Published out;
        AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), nullptr, &out);
        AlarmRaise hr;
        hr.rule = QStringLiteral("vitals.hr-high"); // non-latching by default
        hr.subjectKey = QStringLiteral("p01");
        hr.onsetMs = clock.nowMs();
        const QString a = engine.raise(hr);
        AlarmRaise fall = panic(clock.nowMs(), QStringLiteral("wb-02"));
        fall.rule = QStringLiteral("event.fall");
        fall.endsOnAck = false;
        const QString b = engine.raise(fall);
        clock.advance(3000);
        engine.end(a);
        engine.end(b);
        QCOMPARE(int(engine.find(a)->phase()), int(Phase::ResolvedUnacked));
        QVERIFY(!engine.find(a)->signalling()); // non-latching: stops signalling, stays listed
        QCOMPARE(int(engine.find(b)->phase()), int(Phase::ResolvedUnacked));
        QVERIFY(engine.find(b)->signalling()); // latching: signals until acknowledged
        clock.advance(600'000);
        engine.tick();
        QVERIFY(engine.find(a)); // unacknowledged alarms are never closed by time
        QVERIFY(engine.acknowledge(b, QStringLiteral("s02"), QStringLiteral("N")).ok);
        QCOMPARE(int(engine.find(b)->phase()), int(Phase::Resolved));
        QVERIFY(!engine.find(b)->signalling());
    }

    void escalationStepsAndNoDoubleStep()
    {
        ManualClock clock;
        Published out1, out2;
        AlarmEngine st1(m_settings, clock, QStringLiteral("st-1"), nullptr, &out1);
        AlarmEngine st2(m_settings, clock, QStringLiteral("st-2"), nullptr, &out2);
        const QString id = st1.raise(panic(clock.nowMs()));
        st2.raise(panic(clock.nowMs()));
        st1.tick();
        QCOMPARE(out1.escalations.size(), size_t(1));
        QCOMPARE(out1.escalations.back().second, 1);
        // Station 2 hears station 1's step before its own timer: it does not send step 1 again.
        for (const auto& s : out1.states)
            st2.applyRemote(s);
        st2.tick();
        QCOMPARE(out2.escalations.size(), size_t(0));
        clock.advance(59'000);
        st1.tick();
        QCOMPARE(out1.escalations.size(), size_t(1));
        clock.advance(1000); // step 1's 60 s time-to-live
        st1.tick();
        QCOMPARE(out1.escalations.size(), size_t(2));
        QCOMPARE(out1.escalations.back().second, 2);
        for (const auto& s : out1.states)
            st2.applyRemote(s);
        st2.tick();
        QCOMPARE(out2.escalations.size(), size_t(0));
        QCOMPARE(st2.find(id)->escalationStep, 2);
        clock.advance(120'000);
        st1.tick();
        QCOMPARE(out1.escalations.back().second, 3); // all stations
        clock.advance(3600'000);
        st1.tick();
        QCOMPARE(out1.escalations.size(), size_t(3)); // the chain ends
        // An acknowledgement stops escalation of a new alarm.
        const QString id2 = st1.raise(panic(clock.nowMs(), QStringLiteral("wb-05"), 2));
        st1.tick();
        QVERIFY(st1.acknowledge(id2, QStringLiteral("s01"), QStringLiteral("N")).ok);
        const size_t before = out1.escalations.size();
        clock.advance(600'000);
        st1.tick();
        QCOMPARE(out1.escalations.size(), before);
    }

    void stationsWithDifferentOnsetsConvergeOnOneAlarm()
    {
        // Station 2 started later and saw the desaturation from a later sample: a later onset.
        ManualClock clock;
        Published out1, out2;
        AlarmEngine st1(m_settings, clock, QStringLiteral("st-1"), nullptr, &out1);
        AlarmEngine st2(m_settings, clock, QStringLiteral("st-2"), nullptr, &out2);
        AlarmRaise r;
        r.rule = QStringLiteral("vitals.spo2-low");
        r.subjectKey = QStringLiteral("P002");
        r.condition = QStringLiteral("SpO2 84 < 90");
        r.onsetMs = 2000;
        const QString late = st2.raise(r);
        QVERIFY(st2.acknowledge(late, QStringLiteral("S02"), QStringLiteral("N")).ok); // acknowledged on its copy
        r.onsetMs = 1000;
        const QString early = st1.raise(r);
        QVERIFY(early != late);
        auto exchange = [&] {
            for (int round = 0; round < 3; ++round) {
                auto a = std::exchange(out1.states, {});
                auto b = std::exchange(out2.states, {});
                for (const auto& s : a)
                    st2.applyRemote(s);
                for (const auto& s : b)
                    st1.applyRemote(s);
            }
        };
        exchange();
        for (AlarmEngine* e : {&st1, &st2}) {
            const auto open = e->alarms();
            QCOMPARE(open.size(), size_t(1));
            QCOMPARE(open.front().id, early);
            QCOMPARE(open.front().ackedBy, QStringLiteral("S02")); // the acknowledgement carried over
        }
        // The retired copy's tracker still holds its own id: ending it ends the canonical alarm.
        st2.end(late);
        exchange();
        QVERIFY(st1.find(early)->ended());
    }

    void onsetDelayLateEventsAndNews2InTheCore()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        const Site& site = *loaded.site;
        ManualClock clock;
        IngestStats stats;
        DeviceDirectory directory(site);
        WardCore core(site, directory, clock, stats);
        Published out;
        std::vector<AlarmState> changes;
        connect(&core, &WardCore::alarmChanged, this, [&](const AlarmState& s) { changes.push_back(s); });
        core.enableAlarms(QStringLiteral("st-1"), m_dir.filePath(QStringLiteral("core.sqlite")),
                          StationOutputs{&out, nullptr});
        const Patient& pt = site.patients.front();
        auto vitals = [&](double spo2, double rr = 16) {
            VitalsUpdate v;
            v.deviceId = pt.monitor;
            v.deviceTimeMs = v.receiveTimeMs = clock.nowMs();
            v.samples = {{VitalKind::SpO2, spo2, clock.nowMs()}, {VitalKind::HeartRate, 72, clock.nowMs()},
                         {VitalKind::RespRate, rr, clock.nowMs()}, {VitalKind::SystolicBp, 125, clock.nowMs()},
                         {VitalKind::Temperature, 37.0, clock.nowMs()}};
            core.apply(QVector<Decoded>{v});
        };
        auto find = [&](const QString& rule) -> std::optional<AlarmState> {
            for (auto it = changes.rbegin(); it != changes.rend(); ++it)
                if (it->rule == rule)
                    return *it;
            return std::nullopt;
        };
        vitals(97);
        const qint64 onset = clock.nowMs() + 1000;
        for (int s = 1; s <= 10; ++s) { // the 10th sample: held for 9 s
            clock.advance(1000);
            vitals(85);
        }
        QVERIFY2(!find(QStringLiteral("vitals.spo2-low")), "raised before its 10 s onset delay");
        clock.advance(1000); // held for 10 s
        vitals(85);
        const auto desat = find(QStringLiteral("vitals.spo2-low"));
        QVERIFY(desat);
        QCOMPARE(desat->condition, QStringLiteral("SpO2 85 < 90"));
        QCOMPARE(desat->onsetMs, onset);
        QCOMPARE(int(desat->priority), int(Priority::High));
        QVERIFY(desat->subject.contains(pt.name));
        QVERIFY(!desat->place.isEmpty());
        clock.advance(1000);
        vitals(96);
        QVERIFY(find(QStringLiteral("vitals.spo2-low"))->ended());

        // NEWS2: RR 26 scores 3 alone; without station inputs the score is partial. A band must
        // hold for the rule's delay (30 s by default).
        const int news2Delay = site.alarms.rule(QStringLiteral("news2")).delayS;
        auto hold = [&](int seconds, double spo2, double rr) {
            for (int i = 0; i < seconds; ++i) {
                vitals(spo2, rr);
                clock.advance(1000);
            }
            vitals(spo2, rr);
        };
        hold(news2Delay - 1, 97, 26);
        QVERIFY(!find(QStringLiteral("news2")));
        hold(1, 97, 26);
        auto n = find(QStringLiteral("news2"));
        QVERIFY(n);
        QVERIFY(n->condition.contains(QStringLiteral("single parameter 3")));
        QVERIFY(n->condition.contains(QStringLiteral("partial")));
        QCOMPARE(int(n->priority), int(m_settings.news2.single3));
        QVERIFY(core.rows().patients.front().news2Priority == m_settings.news2.single3); // the census's colour
        core.setNews2Inputs(pt.id, int(news2::Consciousness::Voice), true, false, QStringLiteral("s01"), QStringLiteral("N"));
        // RR 3 + O2 2 + V 3 = 8: emergency band, a new occurrence at high priority.
        hold(news2Delay, 97, 26);
        n = find(QStringLiteral("news2"));
        QVERIFY(n->condition.startsWith(QStringLiteral("NEWS2 8")));
        QVERIFY(!n->condition.contains(QStringLiteral("partial")));
        QCOMPARE(int(n->priority), int(Priority::High));
        QVERIFY(core.rows().patients.front().news2Priority == Priority::High);
        clock.advance(qint64(m_settings.news2.stationInputMaxAgeS) * 1000 + 1000);
        vitals(97, 26);
        QVERIFY(find(QStringLiteral("news2"))->condition.contains(QStringLiteral("partial")));

        // A fall delivered two minutes late: its own time, marked late.
        const DeviceEventMsg ev = test::deviceEvent(pt.wristband, DeviceEventKind::Fall, clock.nowMs() - 120'000, clock.nowMs(), 3, 44);
        core.apply(QVector<Decoded>{ev});
        const auto fall = find(QStringLiteral("event.fall"));
        QVERIFY(fall);
        QVERIFY(fall->late);
        QCOMPARE(fall->onsetMs, ev.deviceTimeMs);
        QCOMPARE(fall->id, QStringLiteral("event.fall:%1:3-44").arg(pt.wristband));
        QVERIFY(fall->condition.contains(QStringLiteral("late")));
        // The same event again (QoS 1 redelivery) is not a second alarm.
        const size_t falls = std::count_if(changes.begin(), changes.end(), [](const AlarmState& s) { return s.rule == u"event.fall"; });
        core.apply(QVector<Decoded>{ev});
        QCOMPARE(size_t(std::count_if(changes.begin(), changes.end(), [](const AlarmState& s) { return s.rule == u"event.fall"; })), falls);

        // Acknowledging through the core: refused without an operator, logged with one.
        QSignalSpy result(&core, &WardCore::acknowledgeResult);
        core.acknowledge(fall->id, QString(), QString());
        QCOMPARE(result.back().at(1).toBool(), false);
        core.acknowledge(fall->id, QStringLiteral("s03"), QStringLiteral("Nurse Three"));
        QCOMPARE(result.back().at(1).toBool(), true);
        QCOMPARE(find(QStringLiteral("event.fall"))->ackedBy, QStringLiteral("s03"));

        // A per-patient limit change is audited.
        core.setPatientLimit(pt.id, QStringLiteral("vitals.spo2-low"), 85, std::nan(""), QStringLiteral("s01"), QStringLiteral("N"));
        LogFilter f;
        f.text = QStringLiteral("limit vitals.spo2-low");
        QCOMPARE(AlarmLog::query(m_dir.filePath(QStringLiteral("core.sqlite")), f).size(), size_t(1));
    }

    void fridgeExcursionAfterGrace()
    {
        CoreFixture fx(m_dir.filePath(QStringLiteral("fridge.sqlite")));
        const Site& site = fx.site;
        ManualClock& clock = fx.clock;
        WardCore& core = fx.core;
        std::vector<AlarmState>& changes = fx.changes;
        const Sensor* sensor = nullptr;
        for (const auto& s : site.sensors)
            if (s.kind == SensorKind::Fridge)
                sensor = &s;
        QVERIFY(sensor);
        const Fridge* fridge = site.fridge(sensor->fridge);
        auto reading = [&](double t) {
            EnvUpdate e;
            e.deviceId = sensor->id;
            e.deviceTimeMs = e.receiveTimeMs = clock.nowMs();
            e.temperatureC = t;
            e.door = DoorState::Closed;
            core.apply(QVector<Decoded>{e});
        };
        reading(5);
        clock.advance(60'000);
        reading(9.5); // the excursion starts
        for (int s = 60; s < fridge->graceS; s += 60) {
            clock.advance(60'000);
            reading(9.5);
        }
        QVERIFY(changes.empty());
        clock.advance(60'000);
        reading(9.5);
        QVERIFY(!changes.empty());
        QCOMPARE(changes.back().rule, QStringLiteral("env.fridge"));
        QCOMPARE(changes.back().condition, QStringLiteral("Fridge 9.5 \u00b0C > 8.0 \u00b0C"));
        QVERIFY(changes.back().latching);

        // The fridge door left open past the fridge's limit (60 s): a door alarm; closing ends it.
        auto door = [&](DoorState d) {
            EnvUpdate e;
            e.deviceId = sensor->id;
            e.deviceTimeMs = e.receiveTimeMs = clock.nowMs();
            e.temperatureC = 5;
            e.door = d;
            core.apply(QVector<Decoded>{e});
        };
        door(DoorState::Open);
        clock.advance(qint64(fridge->doorOpenLimitS) * 1000 - 1000);
        core.evaluateAlarms();
        QCOMPARE(changes.back().rule, QStringLiteral("env.fridge")); // the excursion ended (5 °C): no door alarm yet
        clock.advance(1000);
        core.evaluateAlarms();
        QCOMPARE(changes.back().rule, QStringLiteral("env.door"));
        QVERIFY(changes.back().condition.startsWith(QStringLiteral("Door open 60 s > 60 s")));
        door(DoorState::Closed);
        QCOMPARE(changes.back().rule, QStringLiteral("env.door"));
        QVERIFY(changes.back().ended());
    }

    void sosStartsAndEnds()
    {
        CoreFixture fx(m_dir.filePath(QStringLiteral("sos.sqlite")));
        const Site& site = fx.site;
        ManualClock& clock = fx.clock;
        WardCore& core = fx.core;
        std::vector<AlarmState>& changes = fx.changes;
        DeviceEventMsg ev = test::deviceEvent(site.staff[3].badge, DeviceEventKind::SosStart, clock.nowMs(), clock.nowMs(), 1, 1);
        core.apply(QVector<Decoded>{ev});
        QCOMPARE(changes.back().rule, QStringLiteral("event.sos"));
        QVERIFY(changes.back().subject.contains(site.staff[3].name));
        QVERIFY(!changes.back().ended());
        ev.seq = 2;
        ev.kind = DeviceEventKind::SosEnd;
        clock.advance(20'000);
        core.apply(QVector<Decoded>{ev});
        QVERIFY(changes.back().ended());
        QVERIFY(changes.back().signalling()); // latching: still signalling until acknowledged
        QCOMPARE(int(changes.back().phase()), int(Phase::ResolvedUnacked));
    }

    void locationAndTechnicalRules()
    {
        CoreFixture fx(m_dir.filePath(QStringLiteral("tech.sqlite")));
        const Site& site = fx.site;
        ManualClock& clock = fx.clock;
        WardCore& core = fx.core;
        auto last = [&](const QString& rule) { return fx.last(rule); };
        // A patient located at an exit for the rule's 5 s.
        const Room* exit = nullptr;
        for (const auto& r : site.rooms)
            if (r.kind == RoomKind::Exit)
                exit = &r;
        QVERIFY(exit);
        const Patient& pt = site.patients[5];
        // Exit alarms are for patients at elopement risk (tst_care: the others are logged only).
        core.setRiskFlags(pt.id, false, true, false, QStringLiteral("S01"), QStringLiteral("Edward Hughes"));
        QVERIFY(core.carePlan().entry(pt.id).elopementRisk);
        auto at = [&](const Room& room) {
            PositionMsg m;
            m.tagId = pt.wristband;
            m.timeMs = clock.nowMs();
            m.x = room.centre().x();
            m.y = room.centre().y();
            m.floor = room.floor;
            m.room = room.id;
            core.apply(QVector<Decoded>{m});
        };
        // Near the exit: in the corridor, 2 m in front of the exit room (the made-up fence reaches 3 m).
        Room nearExit = *exit;
        nearExit.id = site.roomAt(exit->floor, exit->door - QPointF(0, 2)) ? site.roomAt(exit->floor, exit->door - QPointF(0, 2))->id : QString();
        nearExit.polygon = Polygon(QRectF(exit->door - QPointF(0.5, 2.5), QSizeF(1, 1)));
        QVERIFY(!nearExit.id.isEmpty() && nearExit.id != exit->id);
        at(nearExit);
        clock.advance(4000);
        at(nearExit);
        QVERIFY(!last(QStringLiteral("loc.exit")));
        clock.advance(1000);
        at(nearExit);
        QVERIFY(last(QStringLiteral("loc.exit")));
        QVERIFY(last(QStringLiteral("loc.exit"))->condition.contains(exit->name));
        QVERIFY(last(QStringLiteral("loc.exit"))->subject.contains(pt.name));
        clock.advance(1000);
        at(*site.room(site.bed(pt.bed)->room));
        QVERIFY(last(QStringLiteral("loc.exit"))->ended());
        // A restricted room (the pharmacy by default).
        const Room* pharmacy = nullptr;
        for (const auto& r : site.rooms)
            if (r.kind == RoomKind::Pharmacy)
                pharmacy = &r;
        at(*pharmacy);
        clock.advance(10'000);
        at(*pharmacy);
        QVERIFY(last(QStringLiteral("loc.restricted")));
        QVERIFY(last(QStringLiteral("loc.restricted"))->condition.contains(pharmacy->name));

        // A monitor that stops reporting: "silent" once its limit passed, named with its patient.
        VitalsUpdate v;
        v.deviceId = pt.monitor;
        v.deviceTimeMs = v.receiveTimeMs = clock.nowMs();
        v.samples = {{VitalKind::HeartRate, 70, clock.nowMs()}};
        core.apply(QVector<Decoded>{v});
        clock.advance(qint64(site.timingFor(DeviceKind::VitalsMonitor).silentAfterS * 1000) + 1000);
        core.checkSignals();
        core.evaluateAlarms();
        const auto silent = last(QStringLiteral("tech.silent"));
        QVERIFY(silent);
        QCOMPARE(silent->source, pt.monitor);
        QCOMPARE(int(silent->category), int(AlarmCategory::Technical));

        // Low battery from the device's status.
        DeviceStatusMsg st;
        st.deviceId = site.staff[0].badge;
        st.deviceTimeMs = st.receiveTimeMs = clock.nowMs();
        st.batteryPct = 12;
        core.apply(QVector<Decoded>{st});
        QVERIFY(last(QStringLiteral("tech.battery")));
        QCOMPARE(last(QStringLiteral("tech.battery"))->condition, QStringLiteral("Battery 12 % < 20 %"));

        // Another station with a different site configuration.
        StationPresenceMsg other;
        other.stationId = QStringLiteral("st-2");
        other.online = true;
        other.siteHash = QStringLiteral("0000");
        core.apply(QVector<Decoded>{other});
        QVERIFY(last(QStringLiteral("tech.site-hash")));
        QVERIFY(last(QStringLiteral("tech.site-hash"))->local);
        other.siteHash = site.hash;
        core.apply(QVector<Decoded>{other});
        QVERIFY(last(QStringLiteral("tech.site-hash"))->ended());

        // The GUI thread stopped beating for more than 5 s.
        std::atomic<qint64> beat{clock.steadyMs()};
        core.setGuiHeartbeat(&beat);
        clock.set(clock.nowMs() + 3'600'000); // the wall clock stepped an hour: the screen is not hung
        core.evaluateAlarms();
        QVERIFY(!last(QStringLiteral("tech.gui-hung")));
        clock.advance(6000);
        core.evaluateAlarms();
        QVERIFY(last(QStringLiteral("tech.gui-hung")));
        QVERIFY(!last(QStringLiteral("tech.gui-hung"))->local); // the other stations must know
        beat = clock.steadyMs();
        core.evaluateAlarms();
        QVERIFY(last(QStringLiteral("tech.gui-hung"))->ended());

        // Broker lost: only after the rule's 2 s delay, re-evaluated by the 1 s tick.
        core.setLocalCondition(QStringLiteral("tech.broker"), QStringLiteral("broker"), true, QStringLiteral("lost"));
        QVERIFY(!last(QStringLiteral("tech.broker")));
        clock.advance(2000);
        core.evaluateAlarms();
        QVERIFY(last(QStringLiteral("tech.broker")));
    }

    void logIsAppendOnlyAndRestartConverges()
    {
        const QString path = m_dir.filePath(QStringLiteral("restart.sqlite"));
        ManualClock clock;
        QString id;
        {
            // Station 1 acknowledges, writes its log, and dies before anything is published.
            Published lost(true);
            AlarmLog log(path);
            AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), &log, &lost);
            id = engine.raise(panic(clock.nowMs()));
            clock.advance(5000);
            QVERIFY(engine.acknowledge(id, QStringLiteral("s01"), QStringLiteral("N")).ok);
            QVERIFY(lost.states.empty());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("UPDATE alarm_log SET operator = 'someone else'")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM alarm_log")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        // On restart the log's state is published again: the retained state catches up.
        Published out;
        AlarmLog log(path);
        AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), &log, &out);
        engine.restore();
        QCOMPARE(out.states.size(), size_t(1));
        QCOMPARE(out.states.front().id, id);
        QVERIFY(out.states.front().acknowledged());
        QCOMPARE(out.states.front().ackedBy, QStringLiteral("s01"));
    }

    void failedLogWriteRefusesAcknowledgement()
    {
        ManualClock clock;
        Published out;
        QString failure;
        AlarmLog log(QStringLiteral("/proc/wardwatch-no-such-dir/log.sqlite"));
        struct Failures : AlarmEngine::Observer
        {
            QString& failure;
            explicit Failures(QString& f) : failure(f) {}
            void onLogFailed(const QString& e) override { failure = e; }
        } observer(failure);
        AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), &log, &out, &observer);
        const QString id = engine.raise(panic(clock.nowMs()));
        QVERIFY(engine.find(id)); // an alarm is shown even when the log fails
        QVERIFY(!failure.isEmpty());
        QVERIFY(!engine.logHealthy());
        const AckResult r = engine.acknowledge(id, QStringLiteral("s01"), QStringLiteral("N"));
        QVERIFY(!r.ok);
        QVERIFY(r.message.contains(QStringLiteral("log")));
        QVERIFY(!engine.find(id)->acknowledged());
    }

    void csvExportQuotesPerRfc4180()
    {
        LogEntry e;
        e.seq = 7;
        e.utcMs = 1'767'225'600'000;
        e.kind = QStringLiteral("acknowledged");
        e.state.id = QStringLiteral("a:b:1");
        e.state.subject = QStringLiteral("Smith, \"Jo\"");
        e.state.condition = QStringLiteral("line1\nline2");
        e.operatorId = QStringLiteral("s01");
        const QString csv = QString::fromUtf8(AlarmLog::toCsv({e}));
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QVERIFY(lines[0].startsWith(QStringLiteral("seq,time_utc,time_local,")));
        QVERIFY(csv.contains(QStringLiteral("\"Smith, \"\"Jo\"\"\"")));
        QVERIFY(csv.contains(QStringLiteral("\"line1\nline2\"")));
        QVERIFY(csv.contains(QStringLiteral("2026-01-01T00:00:00.000Z")));
    }
};

QTEST_GUILESS_MAIN(TestAlarms)
#include "tst_alarms.moc"
