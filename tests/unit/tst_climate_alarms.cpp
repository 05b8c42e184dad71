// Room climate through the real core: each quantity out of its room kind's target raises the
// climate alarm only after the site's grace time and ends when back in range; an isolation room's
// pressure difference is its own alarm, high while a patient lies in the room per the census and
// medium when nobody does; and the station's climate record receives every reading of a room's
// sensor (beside the alarm log), a fridge's none.
#include "alarm_support.h"
#include "records/climaterecord.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::CoreFixture;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

EnvUpdate reading(const QString& sensor, qint64 t)
{
    EnvUpdate m;
    m.deviceId = sensor;
    m.deviceTimeMs = m.receiveTimeMs = t;
    // In range for a patient room (and the targets this test adds).
    m.temperatureC = 22.0;
    m.humidityPct = 45.0;
    m.co2Ppm = 600;
    m.pm25 = 5;
    m.tvoc = 100;
    return m;
}

void addTargets(Site& s)
{
    // The default ward sets no particle or TVOC targets for patient rooms; a site may.
    s.climateTargets[RoomKind::PatientRoom].pm25.max = 25;
    s.climateTargets[RoomKind::PatientRoom].tvoc.max = 500;
}

} // namespace

class TestClimateAlarms : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void eachQuantityAfterTheGrace_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("shown");
        QTest::newRow("temperature") << 0 << 26.5 << "T 26.5 > 24";
        QTest::newRow("humidity") << 1 << 66.0 << "RH 66.0 > 60";
        QTest::newRow("co2") << 2 << 1450.0 << "CO2 1450.0 > 1000";
        QTest::newRow("pm2.5") << 3 << 40.0 << "PM2.5 40.0 > 25";
        QTest::newRow("tvoc") << 4 << 900.0 << "TVOC 900.0 > 500";
        QTest::newRow("cold") << 0 << 19.0 << "T 19.0 < 21";
    }
    void eachQuantityAfterTheGrace()
    {
        QFETCH(int, quantity);
        QFETCH(double, value);
        QFETCH(QString, shown);
        CoreFixture f(m_dir.filePath(QStringLiteral("q%1.sqlite").arg(QTest::currentDataTag())), {}, QStringLiteral("st-1"), addTargets);
        f.clock.set(T0);
        f.core.start();
        const int graceS = f.site.alarms.climateGraceS;
        auto send = [&](bool out) {
            EnvUpdate m = reading(QStringLiteral("env-r101"), f.clock.nowMs());
            std::optional<double>* fields[] = {&m.temperatureC, &m.humidityPct, &m.co2Ppm, &m.pm25, &m.tvoc};
            if (out)
                *fields[quantity] = value;
            f.core.apply(QVector<Decoded>{m});
            f.core.evaluateAlarms();
        };
        // Out of range, reported every 30 s: nothing until the grace time has passed.
        for (int s = 0; s < graceS; s += 30) {
            send(true);
            QVERIFY2(!f.last(QStringLiteral("env.climate")), qPrintable(QStringLiteral("raised after %1 s").arg(s)));
            f.clock.advance(30'000);
        }
        send(true);
        const auto raised = f.last(QStringLiteral("env.climate"));
        QVERIFY(raised);
        QCOMPARE(raised->roomId, QStringLiteral("R101"));
        QCOMPARE(int(raised->priority), int(Priority::Low));
        QCOMPARE(raised->conditionArgs.value(0), shown);
        QVERIFY(!f.last(QStringLiteral("env.pressure"))); // a patient room has no pressure target
        // Back in range: it ends.
        f.clock.advance(30'000);
        send(false);
        QVERIFY(f.last(QStringLiteral("env.climate"))->ended());
    }

    void pressureDifferenceHighWhileAPatientLiesInTheRoom()
    {
        CoreFixture f(m_dir.filePath(QStringLiteral("dp.sqlite")));
        f.clock.set(T0);
        f.core.start();
        // Isolation 211 holds Elsie Davies (P027); Isolation 212's patient is discharged first.
        f.core.dischargePatient(QStringLiteral("P028"), QStringLiteral("S01"), QStringLiteral("Edward Hughes"));
        const int delayS = f.site.alarms.rule(QStringLiteral("env.pressure")).delayS;
        auto send = [&](const QString& sensor, double dp) {
            EnvUpdate m = reading(sensor, f.clock.nowMs());
            m.co2Ppm.reset();
            m.pm25.reset();
            m.tvoc.reset();
            m.diffPressurePa = dp;
            f.core.apply(QVector<Decoded>{m});
        };
        auto pressure = [&](const QString& room) -> std::optional<AlarmState> {
            for (auto it = f.changes.rbegin(); it != f.changes.rend(); ++it)
                if (it->rule == QStringLiteral("env.pressure") && it->roomId == room)
                    return *it;
            return std::nullopt;
        };
        // The required negative pressure (-2.5 Pa or lower) is lost in both rooms.
        for (int s = 0; s <= delayS; s += 10) {
            send(QStringLiteral("env-r211"), -0.4);
            send(QStringLiteral("env-r212"), 1.2);
            f.core.evaluateAlarms();
            if (s < delayS)
                QVERIFY(!pressure(QStringLiteral("R211")));
            f.clock.advance(10'000);
        }
        const auto occupied = pressure(QStringLiteral("R211"));
        const auto empty = pressure(QStringLiteral("R212"));
        QVERIFY(occupied && empty);
        QCOMPARE(int(occupied->priority), int(Priority::High));
        QCOMPARE(occupied->conditionCode, QStringLiteral("climate.pressure-occupied"));
        QCOMPARE(occupied->conditionArgs, (QStringList{QStringLiteral("-0.4"), QStringLiteral("<="), QStringLiteral("-2.5"),
                                                       QStringLiteral("Elsie Davies")}));
        QCOMPARE(int(empty->priority), int(Priority::Medium));
        QCOMPARE(empty->conditionCode, QStringLiteral("climate.pressure"));
        // The room's temperature is in range: no climate alarm beside it.
        QVERIFY(!f.last(QStringLiteral("env.climate")));
        // Restored: both end.
        send(QStringLiteral("env-r211"), -4.0);
        send(QStringLiteral("env-r212"), -4.0);
        f.core.evaluateAlarms();
        QVERIFY(pressure(QStringLiteral("R211"))->ended());
        QVERIFY(pressure(QStringLiteral("R212"))->ended());
    }

    void theStationRecordsEveryRoomReading()
    {
        const QString log = m_dir.filePath(QStringLiteral("record/station.sqlite"));
        {
            CoreFixture f(log);
            f.clock.set(T0);
            f.core.start();
            for (int i = 0; i < 30; ++i) {
                EnvUpdate m = reading(QStringLiteral("env-r101"), T0 + i * 10'000);
                m.temperatureC = 21.0 + i * 0.1;
                f.core.apply(QVector<Decoded>{m});
                EnvUpdate fridge;
                fridge.deviceId = QStringLiteral("fr-11");
                fridge.deviceTimeMs = fridge.receiveTimeMs = T0 + i * 10'000;
                fridge.temperatureC = 5.0;
                fridge.door = DoorState::Closed;
                f.core.apply(QVector<Decoded>{fridge});
                // Isolation room 211's door contact: open from the 10th reading to the 14th.
                EnvUpdate door;
                door.deviceId = QStringLiteral("door-r211");
                door.deviceTimeMs = door.receiveTimeMs = T0 + i * 10'000;
                door.door = i >= 10 && i < 15 ? DoorState::Open : DoorState::Closed;
                f.core.apply(QVector<Decoded>{door});
                if (i % 10 == 9)
                    f.core.flushNow();
            }
        } // the core's recorder writes what it holds before it goes
        const QString path = climatePathFor(log);
        QCOMPARE(path, m_dir.filePath(QStringLiteral("record/station-climate.sqlite")));
        QString error;
        const auto series = ClimateRecord::query(path, QStringLiteral("R101"), T0, T0 + 600'000, ClimateTier::Raw, &error);
        QVERIFY2(series, qPrintable(error));
        QCOMPARE(series->quantities[int(ClimateQuantity::Temperature)].size(), size_t(30));
        QCOMPARE(series->quantities[int(ClimateQuantity::Temperature)].back().mean, 23.9);
        QCOMPARE(series->quantities[int(ClimateQuantity::Co2)].size(), size_t(30));
        const auto minutes = ClimateRecord::query(path, QStringLiteral("R101"), T0, T0 + 600'000, ClimateTier::Minute);
        QCOMPARE(minutes->quantities[0].size(), size_t(5));
        QCOMPARE(minutes->quantities[0][0].min, 21.0);
        QCOMPARE(minutes->quantities[0][0].max, 21.5);
        // The door's changes: closed, opened at 100 s, closed at 150 s.
        const auto doors = ClimateRecord::doors(path, QStringLiteral("R211"), T0, T0 + 600'000, &error);
        QVERIFY2(doors, qPrintable(error));
        QCOMPARE(doors->size(), size_t(3));
        QCOMPARE((*doors)[1].timeMs, T0 + 100'000);
        QVERIFY((*doors)[1].open);
        QCOMPARE((*doors)[2].timeMs, T0 + 150'000);
        // The fridge's readings and door are the cold-chain record's, not the room climate's: the
        // record knows the room's sensor and the isolation room's door.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT name FROM climate_sensor ORDER BY name")));
            QStringList names;
            while (q.next())
                names << q.value(0).toString();
            QCOMPARE(names, (QStringList{QStringLiteral("door-r211"), QStringLiteral("env-r101")}));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_GUILESS_MAIN(TestClimateAlarms)
#include "tst_climate_alarms.moc"
