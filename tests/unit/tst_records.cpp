// What the station keeps over time: the fridges' record in the station database (EnvRecord, fed by
// the core, late readings included) and the trend ring buffers the charts draw (TrendSeries).
#include "alarm_support.h"
#include "records/envrecord.h"
#include "models/trends.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using namespace ww::test;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

EnvUpdate fridgeReading(qint64 t, std::optional<double> c, DoorState door = DoorState::Unknown)
{
    EnvUpdate u;
    u.deviceId = QStringLiteral("fr-11");
    u.deviceTimeMs = u.receiveTimeMs = t;
    u.temperatureC = c;
    u.door = door;
    return u;
}

} // namespace

class TestRecords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordKeepsEveryReadingAndRefusesChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        {
            EnvRecord r(path);
            r.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0 - 60'000, 4.0, false);
            for (int i = 0; i < 10; ++i)
                r.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0 + i * 60'000, 5.0 + i, std::nullopt);
            r.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0 + 30'000, std::nullopt, true);
            r.add(QStringLiteral("FR-21"), QStringLiteral("fr-21"), T0, 3.0, std::nullopt);
            r.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0, std::nullopt, std::nullopt); // nothing to keep
            QCOMPARE(r.pending(), size_t(13));
            QVERIFY2(r.commit(), qPrintable(r.lastError()));
            QCOMPARE(r.pending(), size_t(0));
        }
        QString error;
        const auto s = EnvRecord::query(path, QStringLiteral("FR-11"), T0, T0 + 5 * 60'000, &error);
        QVERIFY2(s, qPrintable(error));
        // The reading in force at the start, then the five in the period, in time order.
        QCOMPARE(s->temperatures.size(), size_t(6));
        QCOMPARE(s->temperatures.front().timeMs, T0 - 60'000);
        QCOMPARE(s->temperatures.front().temperatureC, 4.0);
        QCOMPARE(s->temperatures.back().temperatureC, 9.0);
        QCOMPARE(s->doors.size(), size_t(2));
        QVERIFY(!s->doors[0].open && s->doors[1].open);
        // Append-only: an UPDATE or DELETE is refused by the database itself.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("UPDATE env_record SET temperature = 5")));
            QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM env_record")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        // A missing file is an error naming it; a database without the table is an empty record.
        QVERIFY(!EnvRecord::query(dir.filePath(QStringLiteral("none.sqlite")), QStringLiteral("FR-11"), T0, T0 + 1, &error));
        QVERIFY2(error.contains(QStringLiteral("none.sqlite")), qPrintable(error));
        {
            AlarmLog log(dir.filePath(QStringLiteral("old.sqlite")));
            QVERIFY(log.append(LogEntry{0, T0, QStringLiteral("audit"), {}, {}, {}, {}, {}}));
        }
        const auto old = EnvRecord::query(dir.filePath(QStringLiteral("old.sqlite")), QStringLiteral("FR-11"), T0, T0 + 1, &error);
        QVERIFY2(old && old->temperatures.empty(), qPrintable(error));
    }

    void unwritableRecordKeepsReadingsForLater()
    {
        QTemporaryDir dir;
        // A directory where the database file should be: it cannot be opened.
        const QString path = dir.filePath(QStringLiteral("blocked"));
        QVERIFY(QDir().mkpath(path));
        EnvRecord r(path);
        r.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0, 5.0, std::nullopt);
        QVERIFY(!r.commit());
        QVERIFY2(r.lastError().contains(QStringLiteral("blocked")), qPrintable(r.lastError()));
        QCOMPARE(r.pending(), size_t(1));
    }

    void coreOpensItsReadingsRecordAtStart()
    {
        // The charts and the compliance report read the readings file: it exists before any reading.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("core.sqlite"));
        CoreFixture f(path);
        QVERIFY(!QFileInfo::exists(readingsPathFor(path)));
        f.core.start();
        QVERIFY(QFileInfo::exists(readingsPathFor(path)));
        QString error;
        const auto s = EnvRecord::query(readingsPathFor(path), QStringLiteral("FR-11"), T0, T0 + 60'000, &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(s->temperatures.empty());
    }

    void coreRecordsFridgeReadingsLateOnesToo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("core.sqlite"));
        {
            CoreFixture f(path);
            f.clock.set(T0 + 10 * 60'000);
            QVector<Decoded> in;
            for (int i = 0; i < 10; ++i)
                if (i != 4)
                    in.push_back(fridgeReading(T0 + i * 60'000, 5.0 + 0.1 * i));
            in.push_back(fridgeReading(T0 + 4 * 60'000, 9.5));                         // late, and too warm
            in.push_back(fridgeReading(T0 + 5 * 60'000 + 1, std::nullopt, DoorState::Open)); // door only
            f.core.post(std::move(in));
            f.core.flushNow();
            // The live row shows the newest reading; the record keeps the late one as well.
            const auto s = EnvRecord::query(readingsPathFor(path), QStringLiteral("FR-11"), T0, T0 + 10 * 60'000);
            QVERIFY(s);
            QCOMPARE(s->temperatures.size(), size_t(10));
            QCOMPARE(s->temperatures[4].temperatureC, 9.5);
            QCOMPARE(s->doors.size(), size_t(1));
            // And the compliance report sees the excursion the live row never showed.
            coldchain::Options o;
            o.zone = QTimeZone::utc();
            const auto report = coldchain::buildReport(s->temperatures, s->doors, T0, T0 + 10 * 60'000, o);
            QCOMPARE(report.excursions.size(), size_t(1));
            QCOMPARE(report.excursions[0].startMs, T0 + 4 * 60'000);
            QCOMPARE(report.door.openings, 1);
            // Climate sensors are not part of the fridge record.
            EnvUpdate climate;
            climate.deviceId = QStringLiteral("env-r112");
            climate.deviceTimeMs = climate.receiveTimeMs = T0;
            climate.temperatureC = 22.0;
            f.core.post({climate});
            f.core.flushNow();
            QVERIFY(EnvRecord::query(path, QStringLiteral("R112"), T0 - 1, T0 + 1)->temperatures.empty());
        }
    }

    void trendSeriesIsABoundedRing()
    {
        TrendSeries s(4, 1000);
        s.append(T0, 1);
        s.append(T0 + 500, 2);  // closer than the spacing: dropped
        s.append(T0 - 10, 3);   // older: dropped
        s.append(T0 + 1000, std::nan("")); // not a number: dropped
        QCOMPARE(s.size(), size_t(1));
        for (int i = 1; i <= 5; ++i)
            s.append(T0 + i * 1000, 10 + i);
        QCOMPARE(s.size(), size_t(4)); // the oldest two made room
        QCOMPARE(s.timeAt(0), T0 + 2000);
        QCOMPARE(s.valueAt(0), 12.0);
        QCOMPARE(s.lastTimeMs(), T0 + 5000);
        QCOMPARE(s.bytes(), 4 * size_t(8));
        // Past 49 days of offsets the base moves; what can no longer be reached is dropped.
        const qint64 far = T0 + 60LL * 86'400'000;
        s.append(far, 99);
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(s.timeAt(0), far);
        TrendSeries t(10, 0);
        for (int i = 0; i < 3; ++i)
            t.append(T0 + qint64(i) * 20 * 86'400'000, i); // 0, 20 and 40 days
        t.append(T0 + 55LL * 86'400'000, 3);              // the base moves to day 20
        QCOMPARE(t.size(), size_t(3));
        QCOMPARE(t.timeAt(0), T0 + 20LL * 86'400'000);
        QCOMPARE(t.timeAt(2), T0 + 55LL * 86'400'000);
        QCOMPARE(t.valueAt(1), 2.0);
    }

    void trendStoreFollowsTheBatches()
    {
        const auto loaded = SiteLoader::loadDefault();
        const WardRows rows = initialRows(*loaded.site);
        TrendStore store(rows.patients.size(), rows.environment.size());
        WardUpdate u;
        PatientRow p = rows.patients[3];
        for (int i = 0; i < 3; ++i) {
            p.vitals[size_t(VitalKind::HeartRate)] = Reading{80.0 + i, T0 + i * 5000, true};
            u.patients = {{3, p}};
            store.apply(u);
            store.apply(u); // the same row again: nothing new
        }
        QCOMPARE(store.vital(3, VitalKind::HeartRate).size(), size_t(3));
        QCOMPARE(store.vital(3, VitalKind::HeartRate).valueAt(2), 82.0);
        QVERIFY(store.vital(3, VitalKind::SpO2).empty());
        QVERIFY(store.vital(2, VitalKind::HeartRate).empty());
        int fridge = -1;
        for (size_t i = 0; i < rows.environment.size(); ++i)
            if (rows.environment[i].kind == EnvKind::Fridge)
                fridge = int(i);
        QVERIFY(fridge >= 0);
        EnvRow e = rows.environment[size_t(fridge)];
        u = {};
        for (int i = 0; i < 4; ++i) {
            e.temperatureC = 5.0;
            e.timeMs = T0 + i * 60'000;
            e.door = i % 2 ? DoorState::Open : DoorState::Closed;
            e.doorSinceMs = e.timeMs;
            u.environment = {{fridge, e}};
            store.apply(u);
        }
        QCOMPARE(store.temperature(fridge).size(), size_t(4));
        QCOMPARE(store.doors(fridge).size(), size_t(4));
        QVERIFY(store.doors(fridge)[1].open);
        QVERIFY(store.bytes() > 0);
    }
};

QTEST_GUILESS_MAIN(TestRecords)
#include "tst_records.moc"
