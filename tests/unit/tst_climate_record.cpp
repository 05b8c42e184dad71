// The room-climate record: readings kept across a restart; the minute and hour aggregates equal
// the raw readings' min, mean, max and count (computed here from the same readings), a late
// reading included; a duplicate kept once; retention per tier; the tier a chart reads; aggregates
// written directly; door contacts kept as their changes (a room open while any of its contacts is),
// also in a file of version 1; and the recorder writing on its own thread and saying when it cannot.
#include "records/climaterecord.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>

using namespace ww;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z, on a minute and an hour
constexpr qint64 Minute = 60'000, Hour = 3'600'000, Day = 86'400'000;

// A reading every 10 s for two hours; the humidity every other reading only; CO2 never.
std::vector<ClimateReading> twoHours(const QString& sensor, const QString& room, qint64 from)
{
    std::vector<ClimateReading> out;
    for (int i = 0; i < 720; ++i) {
        ClimateReading r{sensor, room, from + qint64(i) * 10'000, {}};
        r.values[int(ClimateQuantity::Temperature)] = 21.0 + 1.5 * std::sin(i / 37.0) + (i % 7) * 0.013;
        if (i % 2 == 0)
            r.values[int(ClimateQuantity::Humidity)] = 40.0 + (i % 13) * 0.77;
        r.values[int(ClimateQuantity::DiffPressure)] = -2.5 - 0.01 * (i % 11);
        out.push_back(r);
    }
    return out;
}

struct Expected
{
    double min = 1e9, max = -1e9, sum = 0;
    int n = 0;
    void add(double v)
    {
        min = std::min(min, v);
        max = std::max(max, v);
        sum += v;
        ++n;
    }
};

// Each bucket's expected aggregate, from the readings as stored (rounded to the quantity's scale).
std::map<qint64, Expected> expected(const std::vector<ClimateReading>& readings, ClimateQuantity q, qint64 bucketMs)
{
    std::map<qint64, Expected> out;
    const double scale = scaleOf(q);
    for (const ClimateReading& r : readings)
        if (const auto v = r.values[int(q)])
            out[r.timeMs / bucketMs * bucketMs].add(std::round(*v * scale) / scale);
    return out;
}

} // namespace

class TestClimateRecord : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString db(const char* name) { return m_dir.filePath(QLatin1String(name)); }

    static void compare(const std::vector<ClimatePoint>& got, const std::map<qint64, Expected>& want, double tolerance)
    {
        QCOMPARE(got.size(), want.size());
        size_t i = 0;
        for (const auto& [t, e] : want) {
            const ClimatePoint& p = got[i++];
            QCOMPARE(p.timeMs, t);
            QCOMPARE(p.count, e.n);
            QVERIFY2(std::abs(p.min - e.min) < 1e-9, qPrintable(QStringLiteral("min %1 vs %2").arg(p.min).arg(e.min)));
            QVERIFY2(std::abs(p.max - e.max) < 1e-9, qPrintable(QStringLiteral("max %1 vs %2").arg(p.max).arg(e.max)));
            QVERIFY2(std::abs(p.mean - e.sum / e.n) <= tolerance,
                     qPrintable(QStringLiteral("mean %1 vs %2 at %3").arg(p.mean).arg(e.sum / e.n).arg(t)));
        }
    }

private Q_SLOTS:
    void aggregatesEqualTheRawReadings()
    {
        ClimateRecord rec(db("agg.sqlite"));
        QVERIFY2(rec.open(), qPrintable(rec.lastError()));
        const auto readings = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0);
        // In batches, as the recorder hands them over (each rebuilds what it touched).
        for (size_t at = 0; at < readings.size(); at += 50)
            QVERIFY2(rec.write(std::span(readings).subspan(at, std::min<size_t>(50, readings.size() - at))), qPrintable(rec.lastError()));

        const auto raw = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Raw);
        QVERIFY(raw);
        QCOMPARE(raw->quantities[int(ClimateQuantity::Temperature)].size(), size_t(720));
        QCOMPARE(raw->quantities[int(ClimateQuantity::Humidity)].size(), size_t(360));
        QVERIFY(raw->quantities[int(ClimateQuantity::Co2)].empty());
        const auto minutes = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Minute);
        const auto hours = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Hour);
        QVERIFY(minutes && hours);
        QCOMPARE(int(minutes->tier), int(ClimateTier::Minute));
        for (ClimateQuantity q : {ClimateQuantity::Temperature, ClimateQuantity::Humidity, ClimateQuantity::DiffPressure}) {
            // A minute's mean is stored to the quantity's scale: within half a step. An hour's mean
            // is weighted from its minutes' stored means: within one step.
            compare(minutes->quantities[int(q)], expected(readings, q, Minute), 0.5 / scaleOf(q) + 1e-9);
            compare(hours->quantities[int(q)], expected(readings, q, Hour), 1.0 / scaleOf(q) + 1e-9);
        }
        QCOMPARE(hours->quantities[int(ClimateQuantity::Temperature)].size(), size_t(2));
        QVERIFY(hours->quantities[int(ClimateQuantity::Co2)].empty());
        // Another room's query sees none of it.
        QVERIFY(ClimateRecord::query(rec.path(), QStringLiteral("F1-R102"), T0, T0 + 2 * Hour, ClimateTier::Hour)->quantities[0].empty());
    }

    void aLateReadingUpdatesItsAggregatesAndADuplicateCountsOnce()
    {
        ClimateRecord rec(db("late.sqlite"));
        auto readings = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0);
        QVERIFY(rec.write(readings));
        // 40 min later a reading for minute 3 arrives (a gateway's buffer), the hottest of all.
        ClimateReading late{QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0 + 3 * Minute + 5'000, {}};
        late.values[int(ClimateQuantity::Temperature)] = 30.0;
        QVERIFY(rec.write(std::vector{late}));
        // And a reading sent twice is one reading.
        QVERIFY(rec.write(std::vector{readings[100]}));
        readings.push_back(late);
        const auto minutes = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Minute);
        const auto hours = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Hour);
        compare(minutes->quantities[0], expected(readings, ClimateQuantity::Temperature, Minute), 0.005 + 1e-9);
        compare(hours->quantities[0], expected(readings, ClimateQuantity::Temperature, Hour), 0.01 + 1e-9);
        QCOMPARE(minutes->quantities[0][3].max, 30.0);
        QCOMPARE(minutes->quantities[0][3].count, 7);
        QCOMPARE(hours->quantities[0][0].count, 361);
    }

    void aMovedSensorsPastStaysWithItsOldRoom()
    {
        ClimateRecord rec(db("moved.sqlite"));
        QVERIFY(rec.write(twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0)));
        QVERIFY(rec.write(twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R102"), T0 + 2 * Hour)));
        const auto before = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0, T0 + 4 * Hour, ClimateTier::Hour);
        const auto after = ClimateRecord::query(rec.path(), QStringLiteral("F1-R102"), T0, T0 + 4 * Hour, ClimateTier::Hour);
        QCOMPARE(before->quantities[0].size(), size_t(2));
        QCOMPARE(before->quantities[0].front().timeMs, T0);
        QCOMPARE(after->quantities[0].size(), size_t(2));
        QCOMPARE(after->quantities[0].front().timeMs, T0 + 2 * Hour);
    }

    void aReadingOlderThanTheRawTierIsDroppedNotAggregated()
    {
        ClimateRecord rec(db("tooold.sqlite"), ClimateRetention{7, 30, 400});
        const auto old = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0 - 10 * Day);
        QVERIFY(rec.write(old, T0 - 10 * Day + 2 * Hour));
        // Ten days on the raw readings are gone; a late reading of then would rebuild its minute
        // from itself alone: it is dropped and counted instead.
        QVERIFY(rec.applyRetention(T0));
        ClimateReading late{QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0 - 10 * Day + 5'000, {}};
        late.values[0] = 35.0;
        QVERIFY(rec.write(std::vector{late}, T0));
        QCOMPARE(rec.droppedOld(), quint64(1));
        const auto minutes = ClimateRecord::query(rec.path(), QStringLiteral("F1-R101"), T0 - 10 * Day, T0 - 10 * Day + Minute,
                                                  ClimateTier::Minute);
        QCOMPARE(minutes->quantities[0].size(), size_t(1));
        QCOMPARE(minutes->quantities[0][0].count, 6);
        QVERIFY(minutes->quantities[0][0].max < 30);
    }

    void theRecordSurvivesARestart()
    {
        const QString path = db("restart.sqlite");
        const auto first = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0);
        {
            ClimateRecord rec(path);
            QVERIFY(rec.write(first));
        }
        ClimateRecord again(path);
        const auto second = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0 + 2 * Hour);
        QVERIFY2(again.write(second), qPrintable(again.lastError()));
        const auto hours = ClimateRecord::query(path, QStringLiteral("F1-R101"), T0, T0 + 4 * Hour, ClimateTier::Hour);
        QVERIFY(hours);
        QCOMPARE(hours->quantities[0].size(), size_t(4));
        for (const ClimatePoint& p : hours->quantities[0])
            QCOMPARE(p.count, 360);
    }

    void retentionPerTier()
    {
        ClimateRecord rec(db("retention.sqlite"), ClimateRetention{7, 30, 400});
        // Readings 10 days ago and now: the old raw readings go, their minutes and hours stay.
        const auto old = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0 - 10 * Day);
        const auto recent = twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0);
        QVERIFY(rec.write(old));
        QVERIFY(rec.write(recent));
        // And hour aggregates 500 days old, beyond the hour tier's 400.
        ClimateAggregate ancient{QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0 - 500 * Day, {}};
        ancient.values[0] = ClimatePoint{T0 - 500 * Day, 20, 21, 22, 360};
        QVERIFY(rec.writeAggregates(ClimateTier::Hour, std::vector{ancient}));
        QVERIFY2(rec.applyRetention(T0 + 2 * Hour), qPrintable(rec.lastError()));
        const QString room = QStringLiteral("F1-R101");
        QVERIFY(ClimateRecord::query(rec.path(), room, T0 - 11 * Day, T0 - 9 * Day, ClimateTier::Raw)->quantities[0].empty());
        QCOMPARE(ClimateRecord::query(rec.path(), room, T0, T0 + 2 * Hour, ClimateTier::Raw)->quantities[0].size(), size_t(720));
        QCOMPARE(ClimateRecord::query(rec.path(), room, T0 - 11 * Day, T0 - 9 * Day, ClimateTier::Minute)->quantities[0].size(), size_t(120));
        QCOMPARE(ClimateRecord::query(rec.path(), room, T0 - 11 * Day, T0 - 9 * Day, ClimateTier::Hour)->quantities[0].size(), size_t(2));
        QVERIFY(ClimateRecord::query(rec.path(), room, T0 - 501 * Day, T0 - 499 * Day, ClimateTier::Hour)->quantities[0].empty());
        // 31 days on, the minutes of ten days ago go too; their hours stay.
        QVERIFY(rec.applyRetention(T0 + 21 * Day));
        QVERIFY(ClimateRecord::query(rec.path(), room, T0 - 11 * Day, T0 - 9 * Day, ClimateTier::Minute)->quantities[0].empty());
        QCOMPARE(ClimateRecord::query(rec.path(), room, T0 - 11 * Day, T0 - 9 * Day, ClimateTier::Hour)->quantities[0].size(), size_t(2));
    }

    void theTierAChartReads()
    {
        const ClimateRetention r;
        const qint64 now = T0;
        QCOMPARE(int(ClimateRecord::tierFor(now - 12 * Hour, now, now, r)), int(ClimateTier::Raw));
        QCOMPARE(int(ClimateRecord::tierFor(now - 24 * Hour, now, now, r)), int(ClimateTier::Minute));
        QCOMPARE(int(ClimateRecord::tierFor(now - 7 * Day, now, now, r)), int(ClimateTier::Hour));
        QCOMPARE(int(ClimateRecord::tierFor(now - 30 * Day, now, now, r)), int(ClimateTier::Hour));
        // Twelve hours of eight days ago: the raw readings are gone, the minutes are there.
        QCOMPARE(int(ClimateRecord::tierFor(now - 8 * Day, now - 8 * Day + 12 * Hour, now, r)), int(ClimateTier::Minute));
        QCOMPARE(int(ClimateRecord::tierFor(now - 40 * Day, now - 40 * Day + Day, now, r)), int(ClimateTier::Hour));
    }

    void aggregatesOfSeveralRooms()
    {
        ClimateRecord rec(db("rooms.sqlite"));
        QVERIFY(rec.write(twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0)));
        QVERIFY(rec.write(twoHours(QStringLiteral("cs-102"), QStringLiteral("F1-R102"), T0 + Hour)));
        const auto rooms = ClimateRecord::aggregates(rec.path(), {QStringLiteral("F1-R101"), QStringLiteral("F1-R102"), QStringLiteral("F1-R103")},
                                                     T0, T0 + 3 * Hour, ClimateTier::Hour);
        QVERIFY(rooms);
        QCOMPARE(rooms->size(), size_t(3));
        QCOMPARE((*rooms)[0].rows.size(), size_t(2));
        QCOMPARE((*rooms)[1].rows.size(), size_t(2));
        QCOMPARE((*rooms)[1].rows[0].timeMs, T0 + Hour);
        QCOMPARE((*rooms)[1].rows[0].sensorId, QStringLiteral("cs-102"));
        QVERIFY((*rooms)[2].rows.empty());
        QCOMPARE((*rooms)[0].rows[0].values[int(ClimateQuantity::Co2)].count, 0);
    }

    void doorContactsAreKeptAsTheirChanges()
    {
        const QString path = db("doors.sqlite"), room = QStringLiteral("R211");
        ClimateRecord rec(path);
        // Contact A reports every 10 s: closed, open from 60 s to 90 s, closed again; contact B (a
        // second door) open from 80 s to 120 s; a climate reading beside them.
        std::vector<ClimateReading> batch;
        for (int s = 0; s <= 150; s += 10) {
            batch.push_back(ClimateReading{QStringLiteral("door-a"), room, T0 + s * 1000, {}, s >= 60 && s < 90});
            batch.push_back(ClimateReading{QStringLiteral("door-b"), room, T0 + s * 1000 + 500, {}, s >= 80 && s < 120});
        }
        ClimateReading dp{QStringLiteral("env-r211"), room, T0, {}, {}};
        dp.values[int(ClimateQuantity::DiffPressure)] = -6.0;
        batch.push_back(dp);
        QVERIFY2(rec.write(batch), qPrintable(rec.lastError()));
        // Only changes are kept: A's closed, open, closed and B's closed, open, closed.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("doors-raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM climate_door")) && q.next());
            QCOMPARE(q.value(0).toInt(), 6);
            // The door readings carry no climate: the raw tier holds the one climate reading.
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM climate_raw")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        // The room is open while either contact is: from 60 s (A) to 120.5 s (B closes).
        auto doors = ClimateRecord::doors(path, room, T0, T0 + 200'000);
        QVERIFY(doors);
        QCOMPARE(doors->size(), size_t(3));
        QCOMPARE((*doors)[0].timeMs, T0);
        QVERIFY(!(*doors)[0].open);
        QCOMPARE((*doors)[1].timeMs, T0 + 60'000);
        QVERIFY((*doors)[1].open);
        QCOMPARE((*doors)[2].timeMs, T0 + 120'500);
        QVERIFY(!(*doors)[2].open);
        // A period that begins while the door is open starts with that state, at its own time.
        doors = ClimateRecord::doors(path, room, T0 + 100'000, T0 + 200'000);
        QVERIFY(doors);
        QCOMPARE(doors->size(), size_t(2));
        QVERIFY((*doors)[0].open);
        QVERIFY((*doors)[0].timeMs < T0 + 100'000);
        QCOMPARE((*doors)[1].timeMs, T0 + 120'500);
        // Another room has none; a late reading that changes nothing is not kept.
        QVERIFY(ClimateRecord::doors(path, QStringLiteral("R212"), T0, T0 + 200'000)->empty());
        QVERIFY(rec.write(std::vector{ClimateReading{QStringLiteral("door-a"), room, T0 + 75'000, {}, true}}));
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM climate_door")) && q.next());
            QCOMPARE(q.value(0).toInt(), 6);
        }
        // The doors' changes go with the hour tier's retention, not the raw tier's.
        QVERIFY(rec.applyRetention(T0 + 10 * Day));
        QCOMPARE(ClimateRecord::doors(path, room, T0, T0 + 200'000)->size(), size_t(3));
        QVERIFY(rec.applyRetention(T0 + 401 * Day));
        QVERIFY(ClimateRecord::doors(path, room, T0, T0 + 200'000)->empty());
        raw.close();
        raw = {};
        QSqlDatabase::removeDatabase(QStringLiteral("doors-raw"));
    }

    void aVersionOneFileGainsTheDoorTable()
    {
        const QString path = db("v1.sqlite");
        {
            ClimateRecord rec(path);
            QVERIFY(rec.write(twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0)));
        }
        {
            // As a version 1 file was: no door table, version 1.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1-raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE climate_door")));
            QVERIFY(q.exec(QStringLiteral("UPDATE record_schema SET version = 1 WHERE component = 'climate_record'")));
            q = QSqlQuery();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1-raw"));
        ClimateRecord rec(path);
        QVERIFY2(rec.write(std::vector{ClimateReading{QStringLiteral("door-a"), QStringLiteral("F1-R101"), T0, {}, true}}),
                 qPrintable(rec.lastError()));
        QCOMPARE(ClimateRecord::doors(path, QStringLiteral("F1-R101"), T0, T0 + 1)->size(), size_t(1));
        // Its readings are still there.
        QCOMPARE(ClimateRecord::query(path, QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Hour)->quantities[0].size(), size_t(2));
    }

    void theRecorderWritesOnItsOwnThreadAndSaysWhenItCannot()
    {
        const QString path = db("recorder.sqlite");
        {
            ClimateRecorder recorder(path, {});
            QSignalSpy health(&recorder, &ClimateRecorder::health);
            for (const ClimateReading& r : twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0))
                recorder.add(r);
            recorder.waitForWrites();
            QCoreApplication::processEvents();
            QCOMPARE(health.size(), 0); // healthy all along: nothing said
        }
        QCOMPARE(ClimateRecord::query(path, QStringLiteral("F1-R101"), T0, T0 + 2 * Hour, ClimateTier::Raw)->quantities[0].size(), size_t(720));
        // A record that cannot be written (its folder is a file) says so, naming the file.
        QFile blocker(db("not-a-folder"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ClimateRecorder broken(db("not-a-folder") + QStringLiteral("/climate.sqlite"), {});
        QSignalSpy health(&broken, &ClimateRecorder::health);
        broken.add(twoHours(QStringLiteral("cs-101"), QStringLiteral("F1-R101"), T0).front());
        broken.waitForWrites();
        QTRY_COMPARE(health.size(), 1);
        QVERIFY(!health[0][0].toBool());
        QVERIFY2(health[0][1].toString().contains(QStringLiteral("not-a-folder")), qPrintable(health[0][1].toString()));
        // A query of a file that is not there says so.
        QString error;
        QVERIFY(!ClimateRecord::query(db("absent.sqlite"), QStringLiteral("F1-R101"), T0, T0 + Hour, ClimateTier::Raw, &error));
        QVERIFY(error.contains(QStringLiteral("absent.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestClimateRecord)
#include "tst_climate_record.moc"
