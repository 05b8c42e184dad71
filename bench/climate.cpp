// Benchmark `climate`: a room-climate record of 60 rooms x 6 quantities at one reading per 10 s
// covering 400 days, at the default retention: the days older than 30 written directly as hourly
// aggregates, days 30 to 7 as minute and hourly aggregates, the last 7 days as readings through the
// record's insert path (each batch rebuilding its minutes and hours, as the station writes). Then:
//  - insert rate of the raw period (rows/s; a row is one sensor reading of all six quantities);
//  - disk size of the file (after a WAL checkpoint);
//  - a 30-day chart of one room: the query (hourly tier) and drawing ClimateChart offscreen, median of 5;
//  - a floor's weekly heat map: the query of 30 rooms' hours, the compliance matrix and drawing
//    ClimateHeatMap offscreen, median of 5.
// WW_BENCH_CLIMATE_DAYS (default 400) shortens the record for a quick run. Prints details, then
// exactly one summary line; exits 0 whether or not the targets are met.
#include "records/climatereview.h"
#include "ui/climatechart.h"
#include "ui/climateheatmap.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <random>

using namespace ww;

namespace {

constexpr qint64 MinuteMs = 60'000, HourMs = 3'600'000, DayMs = 86'400'000;
constexpr int Rooms = 60;
constexpr qint64 Now = 1'795'737'600'000; // 2026-11-27T00:00:00Z

QString sensorOf(int r) { return QStringLiteral("cs-%1").arg(r, 2, 10, QChar(u'0')); }
QString roomOf(int r) { return QStringLiteral("R%1").arg(r < 30 ? 101 + r : 201 + r - 30); }

// A room's climate at a time: a daily swing, a slow drift, noise; one room in ten runs warm some afternoons.
ClimateValues climateAt(int room, qint64 t, std::mt19937& rng)
{
    std::normal_distribution<double> noise(0, 1);
    const double hour = double(t % DayMs) / HourMs;
    const double day = double(t / DayMs);
    const double daily = std::sin((hour - 9) / 24.0 * 6.2832);
    ClimateValues v;
    double temp = 22.0 + 0.8 * daily + 0.3 * std::sin(day / 17.0 + room) + 0.05 * noise(rng);
    if (room % 10 == 3 && int(day) % 5 == 0 && hour > 13 && hour < 17)
        temp += 2.5;
    v[0] = temp;
    v[1] = 45 + 6 * std::sin(day / 30.0 + room) - 3 * daily + 0.3 * noise(rng);
    v[2] = 550 + 250 * std::max(0.0, daily) + 10 * noise(rng);
    v[3] = 6 + 2 * std::max(0.0, noise(rng));
    v[4] = 120 + 40 * std::max(0.0, daily) + 5 * noise(rng);
    v[5] = -4.0 + 0.2 * noise(rng);
    return v;
}

// An aggregate of a bucket from readings every 10 s (computed, not stored one by one).
ClimateAggregate aggregateOf(int room, qint64 from, qint64 lengthMs, std::mt19937& rng)
{
    ClimateAggregate a{sensorOf(room), roomOf(room), from, {}};
    // Sampled every 10 s for a minute; every 5 min for an hour (the benchmark's generation stays
    // within minutes, and an hour's aggregate has a reading count of 360 all the same).
    const qint64 step = lengthMs <= MinuteMs ? 10'000 : 300'000;
    const int readings = int(lengthMs / 10'000);
    std::array<double, ClimateQuantityCount> lo, hi, sum;
    lo.fill(1e300);
    hi.fill(-1e300);
    sum.fill(0);
    int n = 0;
    for (qint64 t = from; t < from + lengthMs; t += step, ++n) {
        const ClimateValues v = climateAt(room, t, rng);
        for (int q = 0; q < ClimateQuantityCount; ++q) {
            lo[size_t(q)] = std::min(lo[size_t(q)], *v[size_t(q)]);
            hi[size_t(q)] = std::max(hi[size_t(q)], *v[size_t(q)]);
            sum[size_t(q)] += *v[size_t(q)];
        }
    }
    for (int q = 0; q < ClimateQuantityCount; ++q)
        a.values[size_t(q)] = ClimatePoint{from, lo[size_t(q)], sum[size_t(q)] / n, hi[size_t(q)], readings};
    return a;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int days = std::clamp(qEnvironmentVariableIntValue("WW_BENCH_CLIMATE_DAYS") > 0
                                    ? qEnvironmentVariableIntValue("WW_BENCH_CLIMATE_DAYS") : 400, 8, 400);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("station-climate.sqlite"));
    const ClimateRetention retention; // the defaults: 7, 30, 400 days
    std::mt19937 rng(7);

    QElapsedTimer total;
    total.start();
    ClimateRecord rec(path, retention);
    if (!rec.open()) {
        out << "climate: cannot open " << path << ": " << rec.lastError() << Qt::endl;
        return 0;
    }
    // Older than 30 days: hourly aggregates, written a day of all rooms at a time.
    const qint64 start = Now - qint64(days) * DayMs;
    const qint64 minuteFrom = Now - qint64(retention.minuteDays) * DayMs, rawFrom = Now - qint64(retention.rawDays) * DayMs;
    std::vector<ClimateAggregate> rows;
    qint64 hourRows = 0, minuteRows = 0;
    for (qint64 d = start; d < rawFrom; d += DayMs) {
        rows.clear();
        for (int r = 0; r < Rooms; ++r)
            for (qint64 h = d; h < d + DayMs; h += HourMs)
                rows.push_back(aggregateOf(r, h, HourMs, rng));
        hourRows += qint64(rows.size());
        if (!rec.writeAggregates(ClimateTier::Hour, rows)) {
            out << "climate: " << rec.lastError() << Qt::endl;
            return 0;
        }
        if (d < minuteFrom)
            continue;
        rows.clear();
        for (int r = 0; r < Rooms; ++r)
            for (qint64 m = d; m < d + DayMs; m += MinuteMs)
                rows.push_back(aggregateOf(r, m, MinuteMs, rng));
        minuteRows += qint64(rows.size());
        if (!rec.writeAggregates(ClimateTier::Minute, rows)) {
            out << "climate: " << rec.lastError() << Qt::endl;
            return 0;
        }
    }
    out << "aggregates written directly: " << hourRows << " hourly, " << minuteRows << " per-minute rows in "
        << total.elapsed() / 1000.0 << " s" << Qt::endl;
    // The last 7 days: readings every 10 s through the insert path, in batches of 10 minutes of all rooms.
    std::vector<ClimateReading> batch;
    qint64 rawRows = 0;
    QElapsedTimer insert;
    insert.start();
    qint64 generateNs = 0;
    for (qint64 t0 = rawFrom; t0 < Now; t0 += 10 * MinuteMs) {
        QElapsedTimer gen;
        gen.start();
        batch.clear();
        for (qint64 t = t0; t < t0 + 10 * MinuteMs; t += 10'000)
            for (int r = 0; r < Rooms; ++r)
                batch.push_back(ClimateReading{sensorOf(r), roomOf(r), t, climateAt(r, t, rng)});
        generateNs += gen.nsecsElapsed();
        if (!rec.write(batch)) {
            out << "climate: " << rec.lastError() << Qt::endl;
            return 0;
        }
        rawRows += qint64(batch.size());
    }
    const double insertS = double(insert.nsecsElapsed() - generateNs) / 1e9;
    const double rate = double(rawRows) / insertS;
    out << "raw readings through the insert path: " << rawRows << " rows (" << rawRows * ClimateQuantityCount << " values) in "
        << insertS << " s: " << qint64(rate) << " rows/s, minute and hour aggregates rebuilt per batch" << Qt::endl;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-checkpoint"));
        db.setDatabaseName(path);
        if (db.open())
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-checkpoint"));
    const double mb = double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6;
    out << "record: " << days << " days x " << Rooms << " rooms, " << mb << " MB on disk; generated in " << total.elapsed() / 1000.0
        << " s" << Qt::endl;

    // A 30-day chart of one room: query + draw.
    ClimateChart chart;
    chart.resize(1200, 420);
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> chartMs;
    int chartPoints = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const qint64 from = Now - 30 * DayMs;
        const ClimateTier tier = ClimateRecord::tierFor(from, Now, Now, retention);
        const auto series = ClimateRecord::query(path, roomOf(13), from, Now, tier);
        if (!series) {
            out << "climate: the chart's query failed" << Qt::endl;
            return 0;
        }
        Range target;
        target.min = 21;
        target.max = 24;
        chart.show(ClimateQuantity::Temperature, series->quantities[0], tier, target, from, Now);
        chartPoints = chart.points();
        image.fill(Qt::white);
        QPainter p(&image);
        chart.render(&p);
        p.end();
        chartMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    out << "30-day chart of one room: " << chartPoints << " points (hourly), " << chart.shadedSpans() << " spans out of range; "
        << median(chartMs) << " ms median of 5 (query + draw)" << Qt::endl;

    // A floor's weekly heat map: 30 rooms x 168 hours.
    ClimateHeatMap heat(Site{});
    heat.resize(1200, 600);
    QImage heatImage(heat.size(), QImage::Format_ARGB32_Premultiplied);
    QStringList floorRooms;
    QHash<QString, ClimateTargets> targets;
    for (int r = 0; r < 30; ++r) {
        floorRooms << roomOf(r);
        ClimateTargets t;
        t.temperatureC.min = 21;
        t.temperatureC.max = 24;
        t.humidityPct.max = 60;
        t.co2Ppm.max = 1000;
        targets.insert(roomOf(r), t);
    }
    std::vector<double> heatMs;
    int outCells = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const qint64 from = Now - 7 * DayMs;
        const auto agg = ClimateRecord::aggregates(path, floorRooms, from, Now, ClimateTier::Hour);
        if (!agg) {
            out << "climate: the heat map's query failed" << Qt::endl;
            return 0;
        }
        const ComplianceMatrix m = complianceMatrix(*agg, targets, from, Now, HourMs);
        heat.show(m);
        heat.replotNow();
        heatImage.fill(Qt::white);
        QPainter p(&heatImage);
        heat.render(&p);
        p.end();
        heatMs.push_back(double(t.nsecsElapsed()) / 1e6);
        outCells = 0;
        for (int r = 0; r < m.rooms.size(); ++r)
            for (int b = 0; b < m.buckets; ++b)
                outCells += m.at(r, b) == Compliance::Out ? 1 : 0;
    }
    out << "weekly heat map of a floor: 30 rooms x 168 hours, " << outCells << " room-hours out of range; " << median(heatMs)
        << " ms median of 5 (query + matrix + draw)" << Qt::endl;

    out << "climate: 30-day chart in " << qRound(median(chartMs)) << " ms, weekly heat map in " << qRound(median(heatMs)) << " ms, "
        << days << " days x " << Rooms << " rooms in " << qRound(mb) << " MB; insert " << qint64(rate) << " rows/s" << Qt::endl;
    return 0;
}
