// Devices that misbehave, through the real core, rules and models in simulated time: a clock hours
// wrong (behind, ahead, set back), the same message twice, messages out of order, and a gateway
// flapping. Each case: no alarm twice for one condition or event, no chart point out of time order,
// and what happened counted and shown (docs/alarms.md, "Device faults").
#include "alarm_support.h"
#include "core/alarmrules.h"
#include "core/wardstate.h"
#include "fakes.h"
#include "models/wardmodels.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;

namespace {

constexpr qint64 Hour = 3'600'000;
constexpr qint64 Minute = 60'000;

// The core with its alarms and the station's models, fed as WardCore feeds them.
struct Station : test::CoreFixture
{
    explicit Station(const QString& logPath) : CoreFixture(logPath), models(site)
    {
        QObject::connect(&core, &WardCore::updatesReady, &models, &WardModels::apply);
    }
    void send(Decoded d)
    {
        QVector<Decoded> v;
        v.push_back(std::move(d));
        core.apply(std::move(v));
    }
    // Time passes: the 1 s checks and the flush, as the core's timers run them.
    void tick(qint64 ms = 1000)
    {
        clock.advance(ms);
        core.checkSignals();
        core.evaluateAlarms();
        core.flushNow();
    }
    [[nodiscard]] qint64 now() const { return clock.nowMs(); }
    // The alarms of a rule raised for a source, each once however often it changed.
    [[nodiscard]] QSet<QString> alarms(const QString& rule, const QString& source = {}) const
    {
        QSet<QString> ids;
        for (const AlarmState& s : changes)
            if (s.rule == rule && (source.isEmpty() || s.source == source))
                ids.insert(s.id);
        return ids;
    }
    [[nodiscard]] const AlarmState* latest(const QString& id) const
    {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it)
            if (it->id == id)
                return &*it;
        return nullptr;
    }
    [[nodiscard]] quint64 rejected(RejectReason reason) const
    {
        return stats.snapshot().byReason[size_t(reason)];
    }
    [[nodiscard]] int patientRow(const Patient& p) const
    {
        for (int r = 0; r < models.patients.rowCount(); ++r)
            if (models.patients.rowAt(r).id == p.id)
                return r;
        return -1;
    }
    [[nodiscard]] int deviceRow(const QString& id) const
    {
        for (int r = 0; r < models.devices.rowCount(); ++r)
            if (models.devices.rowAt(r).id == id)
                return r;
        return -1;
    }
    WardModels models;
};

VitalsUpdate vitals(const QString& monitor, qint64 deviceTimeMs, qint64 receiveTimeMs, double spo2,
                    double hr = 72)
{
    return VitalsUpdate{monitor,
                        deviceTimeMs,
                        receiveTimeMs,
                        {{VitalKind::SpO2, spo2, deviceTimeMs}, {VitalKind::HeartRate, hr, deviceTimeMs}}};
}

DeviceStatusMsg status(const QString& device, qint64 deviceTimeMs, qint64 receiveTimeMs, bool online,
                       std::optional<int> battery = std::nullopt)
{
    DeviceStatusMsg s;
    s.deviceId = device;
    s.deviceTimeMs = deviceTimeMs;
    s.receiveTimeMs = receiveTimeMs;
    s.online = online;
    s.batteryPct = battery;
    return s;
}

EnvUpdate fridgeReading(const QString& sensor, qint64 deviceTimeMs, qint64 receiveTimeMs, double c,
                        DoorState door = DoorState::Closed)
{
    EnvUpdate r;
    r.deviceId = sensor;
    r.deviceTimeMs = deviceTimeMs;
    r.receiveTimeMs = receiveTimeMs;
    r.temperatureC = c;
    r.door = door;
    return r;
}

const Sensor* firstFridgeSensor(const Site& site)
{
    for (const Sensor& s : site.sensors)
        if (s.kind == SensorKind::Fridge)
            return &s;
    return nullptr;
}

// A chart series never goes back in time and never holds one time twice.
bool inTimeOrder(const TrendSeries& s)
{
    for (size_t i = 1; i < s.size(); ++i)
        if (s.timeAt(i) <= s.timeAt(i - 1))
            return false;
    return true;
}

} // namespace

class TestDeviceFaults : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_logs = 0;
    QString logPath() { return m_dir.filePath(QStringLiteral("log-%1.sqlite").arg(++m_logs)); }

private Q_SLOTS:
    // The clock estimate: late messages (a queue after a reconnect), a single odd stamp and a short
    // burst never make a clock wrong; a steady offset does, after two messages 20 s apart; a fixed
    // clock is right at its first message; a clock set back is followed once messages agree.
    void deviceClockFollowsTheLeastDelayedMessage()
    {
        const qint64 t0 = 1'767'225'600'000;
        qint64 steady = 0;
        DeviceClock c;
        QVERIFY(!c.observe(t0, 0, steady)); // no arrival time: nothing to compare
        QVERIFY(!c.offsetMs());
        // Right, then a queue of events an hour old delivered at once: late, not a wrong clock.
        c.observe(t0, t0 + 40, steady);
        for (int i = 0; i < 30; ++i)
            c.observe(t0 - Hour + i * 1000, t0 + 100, steady += 10);
        QVERIFY(!c.wrong());
        QCOMPARE(c.stationTime(t0 - Hour, t0 + 100), t0 - Hour); // kept at their own (late) time
        // One message stamped 3 min ahead: placed at its arrival, but the clock is not wrong.
        steady += 1000;
        c.observe(t0 + 3 * Minute, t0 + 1000, steady);
        QVERIFY(!c.wrong());
        QCOMPARE(c.stationTime(t0 + 3 * Minute, t0 + 1000), t0 + 1000);
        // Three hours behind, steadily: wrong after 20 s (and two messages), corrected to the second.
        qint64 t = t0 + 2000;
        bool changed = false;
        for (int i = 0; i < 25 && !c.wrong(); ++i, t += 1000)
            changed = c.observe(t - 3 * Hour - 250, t + 30, steady += 1000);
        QVERIFY(changed);
        QVERIFY(c.wrong());
        QCOMPARE(c.correctionMs(), -3 * Hour);
        QVERIFY(qAbs(c.stationTime(t - 3 * Hour, t + 30) - t) < 1000);
        // Fixed: right again at its first message (a delay never makes a message look newer).
        QVERIFY(c.observe(t, t + 20, steady += 1000));
        QVERIFY(!c.wrong());
        QCOMPARE(c.correctionMs(), 0);
        // Set back by two hours: the earlier messages no longer count once the new ones agree.
        for (int i = 0; i < 25 && !c.wrong(); ++i, t += 1000)
            c.observe(t - 2 * Hour, t + 30, steady += 1000);
        QVERIFY(c.wrong());
        QCOMPARE(c.correctionMs(), -2 * Hour);
    }

    // Case 1, behind: a monitor's clock three hours behind: the clock is found wrong within 20 s,
    // raised once as tech.device-clock, its readings are placed at arrival, the desaturation is
    // raised once, and the trend goes forward in time.
    void clockHoursBehindIsCorrectedAndRaisedOnce()
    {
        Station st(logPath());
        const Patient& p = st.site.patients[3];
        const int row = st.patientRow(p);
        QVERIFY(row >= 0);
        qint64 shownBefore = 0;
        for (int i = 0; i < 40; ++i) {
            st.send(vitals(p.monitor, st.now() - 3 * Hour, st.now(), 84));
            st.tick(2000);
            const qint64 shown =
                st.models.patients.data(st.models.patients.index(row, 0), PatientModel::VitalsTimeRole)
                    .toLongLong();
            QVERIFY(shown >= shownBefore); // the census's "vitals at" never goes back
            shownBefore = shown;
        }
        const auto clockAlarms = st.alarms(QStringLiteral("tech.device-clock"), p.monitor);
        QCOMPARE(clockAlarms.size(), 1);
        const AlarmState* clock = st.latest(*clockAlarms.begin());
        QCOMPARE(clock->conditionCode, QStringLiteral("device.clock-behind"));
        QCOMPARE(clock->conditionArgs.value(1), QStringLiteral("180"));
        QVERIFY(!clock->ended());
        QCOMPARE(int(clock->priority), int(Priority::Low));
        QCOMPARE(st.alarms(QStringLiteral("vitals.spo2-low")).size(), 1);
        const Reading& spo2 = st.models.patients.rowAt(row).vitals[size_t(VitalKind::SpO2)];
        QVERIFY2(st.now() - spo2.timeMs <= 2000 + DeviceClock::SlackMs,
                 qPrintable(QString::number(st.now() - spo2.timeMs)));
        const TrendSeries& trend = st.models.trends.vital(row, VitalKind::SpO2);
        QVERIFY(inTimeOrder(trend));
        QVERIFY(st.now() - trend.lastTimeMs() <= 2000 + DeviceClock::SlackMs);
        // The clock is set right: the clock alarm ends, nothing is raised again.
        for (int i = 0; i < 5; ++i) {
            st.send(vitals(p.monitor, st.now(), st.now(), 84));
            st.tick(2000);
        }
        QVERIFY(st.latest(*clockAlarms.begin())->ended());
        QCOMPARE(st.alarms(QStringLiteral("tech.device-clock")).size(), 1);
        QCOMPARE(st.alarms(QStringLiteral("vitals.spo2-low")).size(), 1);
        QVERIFY(inTimeOrder(trend));
    }

    // Case 1, ahead (within the 5 min the decoder accepts): before, readings stamped 4 min ahead
    // were "current" in the future, and once the clock was fixed every newer reading was refused
    // as older for 4 min. Now nothing is placed after its arrival, the clock is found wrong and
    // raised once, and the fixed clock's readings are current again within ConfirmMs.
    void clockAheadNeverHoldsReadingsInTheFuture()
    {
        Station st(logPath());
        const Patient& p = st.site.patients[3];
        const int row = st.patientRow(p);
        for (int i = 0; i < 15; ++i) {
            st.send(vitals(p.monitor, st.now() + 4 * Minute, st.now(), 95, 70 + i));
            st.tick(2000);
            QVERIFY(st.models.patients.rowAt(row).vitals[size_t(VitalKind::HeartRate)].timeMs <= st.now());
        }
        const auto clockAlarms = st.alarms(QStringLiteral("tech.device-clock"), p.monitor);
        QCOMPARE(clockAlarms.size(), 1);
        QCOMPARE(st.latest(*clockAlarms.begin())->conditionCode, QStringLiteral("device.clock-ahead"));
        const qint64 fixedAt = st.now();
        for (int i = 0; i < 15; ++i) { // fixed: on time from now on
            st.send(vitals(p.monitor, st.now(), st.now(), 95, 100 + i));
            st.tick(2000);
            QVERIFY(inTimeOrder(st.models.trends.vital(row, VitalKind::HeartRate)));
        }
        const Reading& hr = st.models.patients.rowAt(row).vitals[size_t(VitalKind::HeartRate)];
        QCOMPARE(hr.value, 114.0);
        QVERIFY(hr.timeMs > fixedAt);
        QVERIFY(st.latest(*clockAlarms.begin())->ended());
        QCOMPARE(st.alarms(QStringLiteral("tech.device-clock")).size(), 1);
    }

    // Case 1 and 3, a clock set back two hours while running: the older-stamped readings never
    // replace the current one nor draw the line back; once the clock is found wrong (20 s) they are
    // current again, at their arrival.
    void clockSetBackNeverDrawsBackwards()
    {
        Station st(logPath());
        const Patient& p = st.site.patients[3];
        const int row = st.patientRow(p);
        for (int i = 0; i < 10; ++i) {
            st.send(vitals(p.monitor, st.now(), st.now(), 96, 70));
            st.tick(2000);
        }
        const qint64 good = st.models.patients.rowAt(row).vitals[size_t(VitalKind::HeartRate)].timeMs;
        for (int i = 0; i < 30; ++i) {
            st.send(vitals(p.monitor, st.now() - 2 * Hour, st.now(), 96, 100 + i));
            st.tick(2000);
            QVERIFY(st.models.patients.rowAt(row).vitals[size_t(VitalKind::HeartRate)].timeMs >= good);
            QVERIFY(inTimeOrder(st.models.trends.vital(row, VitalKind::HeartRate)));
        }
        const Reading& hr = st.models.patients.rowAt(row).vitals[size_t(VitalKind::HeartRate)];
        QCOMPARE(hr.value, 129.0);
        QVERIFY(st.now() - hr.timeMs <= 2000 + DeviceClock::SlackMs);
        QCOMPARE(st.alarms(QStringLiteral("tech.device-clock"), p.monitor).size(), 1);
    }

    // Case 1 and 2, events: a wristband three hours behind (its statuses show it) presses panic. It
    // is dated at its arrival, not late; the same press again is dropped as a duplicate: one alarm.
    void eventFromAClockBehindIsNotLateAndRaisedOnce()
    {
        Station st(logPath());
        const Patient& p = st.site.patients[3];
        for (int i = 0; i < 3; ++i) {
            st.send(status(p.wristband, st.now() - 3 * Hour, st.now(), true, 80));
            st.tick(25'000);
        }
        QCOMPARE(st.alarms(QStringLiteral("tech.device-clock"), p.wristband).size(), 1);
        const qint64 pressed = st.now();
        const DeviceEventMsg panic =
            test::deviceEvent(p.wristband, DeviceEventKind::Panic, pressed - 3 * Hour, pressed, 1, 1);
        const quint64 duplicatesBefore = st.rejected(RejectReason::Duplicate);
        st.send(panic);
        st.tick(1000);
        st.send(panic);
        st.tick(1000);
        const auto panics = st.alarms(QStringLiteral("event.panic"));
        QCOMPARE(panics.size(), 1);
        const AlarmState* a = st.latest(*panics.begin());
        QVERIFY(!a->late);
        QCOMPARE(a->conditionCode, QStringLiteral("event"));
        QVERIFY2(qAbs(a->onsetMs - pressed) <= 1000, qPrintable(QString::number(a->onsetMs - pressed)));
        QCOMPARE(st.rejected(RejectReason::Duplicate), duplicatesBefore + 1);
        const QString shown = st.models.devices.rowAt(st.deviceRow(p.wristband)).lastEvent;
        QVERIFY2(!shown.contains(QStringLiteral("late")), qPrintable(shown));
    }

    // Case 1, hours ahead: the decoder refuses device times more than 5 min ahead today
    // (out-of-range), so these never reach the core from the wire; should it pass them on, the core
    // places such an event at its arrival, not hours in the future, and finds the clock wrong.
    void eventFromAClockHoursAheadIsPlacedAtArrival()
    {
        Station st(logPath());
        const Patient& p = st.site.patients[3];
        const qint64 first = st.now();
        st.send(test::deviceEvent(p.wristband, DeviceEventKind::Fall, first + 3 * Hour, first, 1, 1));
        st.tick(25'000);
        st.send(test::deviceEvent(p.wristband, DeviceEventKind::Panic, st.now() + 3 * Hour, st.now(), 1, 2));
        st.tick(1000);
        const auto falls = st.alarms(QStringLiteral("event.fall"));
        QCOMPARE(falls.size(), 1);
        QCOMPARE(st.latest(*falls.begin())->onsetMs, first);
        QVERIFY(!st.latest(*falls.begin())->late);
        QCOMPARE(st.alarms(QStringLiteral("event.panic")).size(), 1);
        const auto clockAlarms = st.alarms(QStringLiteral("tech.device-clock"), p.wristband);
        QCOMPARE(clockAlarms.size(), 1);
        QCOMPARE(st.latest(*clockAlarms.begin())->conditionCode, QStringLiteral("device.clock-ahead"));
    }

    // Case 2: the same vitals batch and the same fridge reading twice: each repeat is counted as a
    // duplicate, the device's message count and the charts hold it once, and the fridge's excursion
    // is one alarm.
    void duplicatedMessagesCountedAndShownOnce()
    {
        Station st(logPath());
        const Patient& p = st.site.patients[3];
        const int row = st.patientRow(p);
        const int monitor = st.deviceRow(p.monitor);
        const quint64 before = st.rejected(RejectReason::Duplicate);
        const VitalsUpdate batch = vitals(p.monitor, st.now(), st.now(), 97);
        st.send(batch);
        st.tick(500);
        const quint64 messages = st.models.devices.rowAt(monitor).messages;
        st.send(batch);
        st.tick(500);
        QCOMPARE(st.rejected(RejectReason::Duplicate), before + 1);
        QCOMPARE(st.models.devices.rowAt(monitor).messages, messages);
        QCOMPARE(st.models.trends.vital(row, VitalKind::SpO2).size(), size_t(1));

        const Sensor* sensor = firstFridgeSensor(st.site);
        QVERIFY(sensor);
        const Fridge* fridge = st.site.fridge(sensor->fridge);
        int env = -1;
        for (int r = 0; r < st.models.environment.rowCount(); ++r)
            if (st.models.environment.rowAt(r).sensorId == sensor->id)
                env = r;
        QVERIFY(env >= 0);
        const qint64 excursionStart = st.now();
        for (qint64 at = excursionStart; at <= excursionStart + qint64(fridge->graceS + 120) * 1000;
             at += Minute) {
            st.clock.advance(at - st.now());
            const EnvUpdate reading = fridgeReading(sensor->id, at, at, fridge->maxC + 2);
            st.send(reading);
            st.send(reading); // every reading twice
            st.tick(0);
        }
        const quint64 readings = quint64(fridge->graceS + 120) / 60 + 1;
        QCOMPARE(st.rejected(RejectReason::Duplicate), before + 1 + readings);
        QCOMPARE(st.models.trends.temperature(env).size(), size_t(readings));
        QVERIFY(inTimeOrder(st.models.trends.temperature(env)));
        QCOMPARE(st.alarms(QStringLiteral("env.fridge")).size(), 1);
    }

    // Case 3: newer before older. The older status (a low battery) does not replace the newer one,
    // so no battery alarm; an older door state does not replace the newer; an older vitals batch
    // is not current. The fridge chart (drawn from the record, where late and repeated readings
    // are kept) puts a late reading in its place and a repeated one once.
    void reorderedMessagesLatestWins()
    {
        Station st(logPath());
        const QString badge = st.site.staff[0].badge;
        const qint64 t = st.now();
        st.send(status(badge, t, t, true, 80));
        st.send(status(badge, t - 5000, t + 10, true, 12)); // sent before, delivered after
        st.tick();
        QCOMPARE(st.models.devices.rowAt(st.deviceRow(badge)).batteryPct, std::optional<int>(80));
        QVERIFY(st.alarms(QStringLiteral("tech.battery")).isEmpty());

        const Sensor* sensor = firstFridgeSensor(st.site);
        int env = -1;
        for (int r = 0; r < st.models.environment.rowCount(); ++r)
            if (st.models.environment.rowAt(r).sensorId == sensor->id)
                env = r;
        st.send(fridgeReading(sensor->id, t, t + 20, 5.0, DoorState::Closed));
        st.send(fridgeReading(sensor->id, t - 30'000, t + 30, 5.5, DoorState::Open));
        st.tick();
        QCOMPARE(int(st.models.environment.rowAt(env).door), int(DoorState::Closed));
        QCOMPARE(*st.models.environment.rowAt(env).temperatureC, 5.0);

        const Patient& p = st.site.patients[3];
        const int row = st.patientRow(p);
        st.send(vitals(p.monitor, t, t + 40, 96, 80));
        st.send(vitals(p.monitor, t - 4000, t + 50, 96, 60));
        st.tick();
        QCOMPARE(st.models.patients.rowAt(row).vitals[size_t(VitalKind::HeartRate)].value, 80.0);
        QVERIFY(inTimeOrder(st.models.trends.vital(row, VitalKind::HeartRate)));

        const std::vector<coldchain::Sample> record{
            {t, 5.0}, {t + Minute, 5.2}, {t - Minute, 4.9}, {t + Minute, 5.2}, {t - 2 * Hour, 3.0}};
        const QList<QPointF> points = chartPoints(record, t - Hour);
        QCOMPARE(points.size(), 3);
        QCOMPARE(qint64(points[0].x()), t - Minute);
        QCOMPARE(qint64(points[1].x()), t);
        QCOMPARE(qint64(points[2].x()), t + Minute);
    }

    // Case 4: a gateway whose status toggles every 5 s for three minutes, then whose adverts stop
    // and resume: one alarm, saying the gateway is unstable, held until the gateway has been
    // back for a minute.
    void flappingGatewayIsOneAlarm()
    {
        Station st(logPath());
        const Gateway& g = st.site.gateways.front();
        const int gateway = st.directory.gateway(g.id.toStdString());
        QVERIFY(gateway >= 0);
        auto adverts = [&] { st.send(BeaconBatch{gateway, st.now(), st.now(), {}, 0}); };
        adverts();
        st.tick();
        for (int i = 0; i < 36; ++i) {
            st.send(status(g.id, st.now(), st.now(), i % 2 == 1));
            st.tick(5000);
        }
        QVERIFY(st.alarms(QStringLiteral("tech.gateway-offline")).size() == 1);
        const QString id = *st.alarms(QStringLiteral("tech.gateway-offline")).begin();
        QCOMPARE(st.latest(id)->conditionCode, QStringLiteral("device.unstable"));
        // Its adverts stop for 20 s (past its 15 s) and come back for 10 s, five times.
        st.send(status(g.id, st.now(), st.now(), true));
        for (int k = 0; k < 5; ++k) {
            for (int s = 0; s < 20; ++s)
                st.tick();
            for (int s = 0; s < 10; ++s) {
                adverts();
                st.tick();
            }
        }
        QCOMPARE(st.alarms(QStringLiteral("tech.gateway-offline")).size(), 1);
        QVERIFY(!st.latest(id)->ended());
        // Back for a minute: it ends. A single drop later is a new occurrence.
        for (int s = 0; s < 61; ++s) {
            adverts();
            st.tick();
        }
        QVERIFY(st.latest(id)->ended());
        QCOMPARE(st.alarms(QStringLiteral("tech.gateway-offline")).size(), 1);
    }

    // Counted: the ward's totals of what the state saw (the core exposes them; the ingest counters
    // hold the duplicates by reason).
    void faultsAreCounted()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        DeviceDirectory directory(site);
        ManualClock clock;
        IngestStats stats;
        WardState state(site, directory, clock, stats);
        const Patient& p = site.patients[3];
        const int monitor = state.find(p.monitor)->device;
        for (int i = 0; i < 12; ++i) {
            clock.advance(2000);
            state.apply(vitals(p.monitor, clock.nowMs() - Hour, clock.nowMs(), 96));
        }
        const VitalsUpdate again = vitals(p.monitor, clock.nowMs() - Hour, clock.nowMs(), 96);
        QCOMPARE(state.apply(again), -1); // a repeat
        QCOMPARE(state.apply(vitals(p.monitor, clock.nowMs() - Hour - 9000, clock.nowMs(), 96)), -1); // older
        const DeviceFaults& f = state.faults(monitor);
        QVERIFY(f.clock.wrong());
        QCOMPARE(f.clockFaults, quint64(1));
        QVERIFY(f.corrected >= 2);
        QCOMPARE(f.duplicates, quint64(1));
        QCOMPARE(f.stale, quint64(1));
        QCOMPARE(stats.snapshot().byReason[size_t(RejectReason::Duplicate)], quint64(1));
        // Silent past its limit and back, three times: three drops, "unstable" for ten minutes.
        const qint64 silent = qint64(site.timingFor(DeviceKind::VitalsMonitor).silentAfterS * 1000) + 1000;
        for (int i = 0; i < 3; ++i) {
            clock.advance(silent);
            state.checkSignals();
            state.apply(vitals(p.monitor, clock.nowMs(), clock.nowMs(), 96));
        }
        QCOMPARE(f.drops, quint64(3));
        QCOMPARE(state.recentDrops(monitor, clock.steadyMs()), 3);
        QCOMPARE(state.recentDrops(monitor, clock.steadyMs() + WardState::FlapWindowMs + 1), 0);
        // A fridge's record takes each reading once, on the station's clock, late ones too.
        const Sensor* sensor = firstFridgeSensor(site);
        const qint64 t = clock.nowMs();
        state.apply(fridgeReading(sensor->id, t, t, 5.0));
        QCOMPARE(state.lastReadingTimeMs(), std::optional<qint64>(t));
        state.apply(fridgeReading(sensor->id, t, t, 5.0));
        QVERIFY(!state.lastReadingTimeMs()); // a repeat
        state.apply(fridgeReading(sensor->id, t - Minute, t, 4.0));
        QCOMPARE(state.lastReadingTimeMs(), std::optional<qint64>(t - Minute)); // late: kept by the record
        const DeviceFaultCounts c = state.faultCounts();
        QCOMPARE(c.duplicates, quint64(2));
        QCOMPARE(c.stale, quint64(2));
        QCOMPARE(c.drops, quint64(3));
        QCOMPARE(c.clockFaults, quint64(1));
        QCOMPARE(c.clocksWrong, 0); // the last readings were on time: right again
    }
};

QTEST_GUILESS_MAIN(TestDeviceFaults)
#include "tst_device_faults.moc"
