// Facilities' climate review, offscreen, on a climate record written here: compliance of a point
// and of an aggregate, out-of-range spans, the rooms x hours matrix; the dialog's 24 h chart from
// readings and 7-day chart from hourly aggregates with the min-max band, the shaded span and the
// crosshair's values; the floor's weekly heat map naming the room that was out of range; a click
// on its cell opening that room's day; and a record that cannot be read said as such.
#include "domain/site.h"
#include "domain/units.h"
#include "records/climatereview.h"
#include "ui/climatechart.h"
#include "ui/climateheatmap.h"
#include "ui/climatereportview.h"
#include "ui/climatereview.h"

#include <QAbstractAxis>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace ww;

namespace {

constexpr qint64 Hour = 3'600'000, Day = 86'400'000;
constexpr qint64 Now = 1'795'737'600'000 + 12 * Hour; // 2026-11-27T12:00:00Z

Range range(std::optional<double> lo, std::optional<double> hi)
{
    Range r;
    r.min = lo;
    r.max = hi;
    return r;
}

// Eight days of readings every minute for the floor's rooms with sensors; the hot room is 27 °C
// from 3 days ago 08:00 for 5 hours, every other room 22 °C with a 1 °C daily swing.
void fill(const Site& site, const QString& path, const QString& hot)
{
    ClimateRecord rec(path);
    std::vector<ClimateReading> batch;
    for (const Sensor& s : site.sensors) {
        if (s.kind != SensorKind::Climate || !site.room(s.room) || site.room(s.room)->floor != 1)
            continue;
        for (qint64 t = Now - 8 * Day; t < Now; t += 60'000) {
            ClimateReading r{s.id, s.room, t, {}};
            const double hour = double(t % Day) / Hour;
            double temp = 22.0 + std::sin(hour / 24.0 * 6.283) * 0.5;
            if (s.room == hot && t >= Now - 3 * Day - 4 * Hour && t < Now - 3 * Day + Hour)
                temp = 27.0;
            r.values[int(ClimateQuantity::Temperature)] = temp;
            r.values[int(ClimateQuantity::Humidity)] = 45;
            batch.push_back(r);
        }
        QVERIFY2(rec.write(batch), qPrintable(rec.lastError()));
        batch.clear();
    }
}

} // namespace

class TestClimateReview : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void complianceOfPointsAndAggregates()
    {
        const Range t = range(21, 24);
        QCOMPARE(int(complianceOf(ClimatePoint{0, 21.5, 22, 23, 10}, t)), int(Compliance::InRange));
        QCOMPARE(int(complianceOf(ClimatePoint{0, 21.5, 22, 24.5, 10}, t)), int(Compliance::Brief));
        QCOMPARE(int(complianceOf(ClimatePoint{0, 24.2, 25, 26, 10}, t)), int(Compliance::Out));
        QCOMPARE(int(complianceOf(ClimatePoint{0, 24.2, 25, 26, 0}, t)), int(Compliance::NoData));
        QCOMPARE(int(complianceOf(ClimatePoint{0, 24.2, 25, 26, 5}, Range{})), int(Compliance::NoData));
        ClimateTargets targets;
        targets.temperatureC = t;
        targets.humidityPct = range(std::nullopt, 60);
        ClimateAggregate a;
        a.values[0] = {0, 22, 22.5, 23, 60};
        a.values[1] = {0, 50, 58, 61, 60}; // a brief excursion of humidity
        QCOMPARE(int(complianceOf(a, targets)), int(Compliance::Brief));
        a.values[2] = {0, 3000, 3000, 3000, 60}; // CO2 has no target here: ignored
        QCOMPARE(int(complianceOf(a, targets)), int(Compliance::Brief));
        // Spans: consecutive out-of-range points join; the last covers its step.
        const std::vector<ClimatePoint> pts{{0, 0, 22, 0, 1}, {10, 0, 25, 0, 1}, {20, 0, 26, 0, 1}, {30, 0, 22, 0, 1}, {40, 0, 30, 0, 1}};
        const auto spans = outOfRangeSpans(pts, t, 10);
        QCOMPARE(spans.size(), size_t(2));
        QCOMPARE(spans[0].fromMs, qint64(10));
        QCOMPARE(spans[0].toMs, qint64(30));
        QCOMPARE(spans[1].fromMs, qint64(40));
        QCOMPARE(spans[1].toMs, qint64(50));
    }

    void reviewDialogChartsAndHeatMap()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const QString path = m_dir.filePath(QStringLiteral("station-climate.sqlite"));
        const QString hot = QStringLiteral("R103");
        fill(site, path, hot);

        ClimateReviewDialog d(site, path, QStringLiteral("R103"), Now);
        QSignalSpy chart(&d, &ClimateReviewDialog::chartLoaded);
        QSignalSpy heat(&d, &ClimateReviewDialog::heatMapLoaded);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // The default: 7 days of R103's temperature from hourly aggregates, with the band and
        // the excursion of 3 days ago shaded.
        QTRY_VERIFY(chart.size() >= 1);
        QCOMPARE(chart.back().at(0).toInt(), 7 * 24);
        QVERIFY(d.chart()->bandShown());
        QCOMPARE(d.chart()->shadedSpans(), 1);
        const QString at = d.chart()->valuesAt(Now - 3 * Day - 2 * Hour + 60'000);
        QVERIFY2(at.contains(QStringLiteral("mean 27.0")) && at.contains(QStringLiteral("60 readings")), qPrintable(at));
        // In °F at once: the chart again, its axis, title, shading and crosshair in °F (27 °C is 80.6 °F).
        setTemperatureUnit(TemperatureUnit::Fahrenheit);
        QTRY_VERIFY(chart.size() >= 2);
        const QString atF = d.chart()->valuesAt(Now - 3 * Day - 2 * Hour + 60'000);
        QVERIFY2(atF.contains(QStringLiteral("mean 80.6 °F")), qPrintable(atF));
        QCOMPARE(d.chart()->chart()->axes(Qt::Vertical).front()->titleText(), QStringLiteral("°F"));
        QVERIFY(d.chart()->chart()->title().contains(QStringLiteral("°F")));
        QCOMPARE(d.chart()->shadedSpans(), 1);
        setTemperatureUnit(TemperatureUnit::Celsius);
        QTRY_VERIFY(chart.size() >= 3);
        QVERIFY(d.chart()->valuesAt(Now - 3 * Day - 2 * Hour + 60'000).contains(QStringLiteral("mean 27.0 °C")));
        const qsizetype loadsBefore = chart.size();
        // 24 h: per-minute aggregates, nothing out of range.
        d.setPeriod(ClimateReviewDialog::Day);
        QTRY_VERIFY(chart.size() >= loadsBefore + 1);
        QCOMPARE(chart.back().at(0).toInt(), 24 * 60);
        QCOMPARE(d.chart()->shadedSpans(), 0);
        // Six hours: the readings themselves, no band.
        d.setPeriod(ClimateReviewDialog::Range, Now - 6 * Hour, Now);
        QTRY_VERIFY(chart.size() >= loadsBefore + 2);
        QCOMPARE(chart.back().at(0).toInt(), 6 * 60);
        QVERIFY(!d.chart()->bandShown());
        // The floor's week as a heat map: R103's hours from 08:00 to 13:00 three days ago are out.
        d.setFloor(1, Now - 7 * Day);
        QTRY_VERIFY(heat.size() >= 1);
        const ComplianceMatrix& m = d.heatMap()->matrix();
        QCOMPARE(m.buckets, 7 * 24);
        const int row = int(m.rooms.indexOf(hot));
        QVERIFY(row >= 0);
        int outCells = 0, outElsewhere = 0;
        for (int r = 0; r < m.rooms.size(); ++r)
            for (int b = 0; b < m.buckets; ++b)
                (r == row ? outCells : outElsewhere) += m.at(r, b) == Compliance::Out ? 1 : 0;
        QCOMPARE(outCells, 5);
        QCOMPARE(outElsewhere, 0);
        QVERIFY(d.heatMap()->matrix().inRangeShare(row) < 1.0);
        // A click on one of its out cells opens R103's day in the chart.
        const int bucket = int((Now - 3 * Day - 2 * Hour - m.fromMs) / Hour);
        QCOMPARE(int(m.at(row, bucket)), int(Compliance::Out));
        QCustomPlot* plot = d.heatMap()->plot();
        d.setRoom(QStringLiteral("R101"));
        QTRY_VERIFY(chart.size() >= 4);
        const int before = int(chart.size());
        const QPoint cell(int(plot->xAxis->coordToPixel(double(m.fromMs + bucket * Hour + Hour / 2) / 1000.0)),
                          int(plot->yAxis->coordToPixel(row)));
        QTest::mouseClick(plot, Qt::LeftButton, {}, cell);
        QTRY_VERIFY(chart.size() > before);
        QCOMPARE(d.findChild<QComboBox*>(QStringLiteral("room"))->currentData().toString(), hot);
        QCOMPARE(d.chart()->shadedSpans(), 1);
        QDir().mkpath(QStringLiteral("screens"));
        d.setPeriod(ClimateReviewDialog::Week);
        QTRY_VERIFY(chart.size() > before + 1);
        d.heatMap()->replotNow();
        d.grab().save(QStringLiteral("screens/climate-review.png"));
    }

    void complianceReportOfARoomAndAFloor()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const QString path = m_dir.filePath(QStringLiteral("report-climate.sqlite"));
        fill(site, path, QStringLiteral("R103"));
        // The week before now: raw readings are kept 7 days, so the report reads them.
        ClimateReportDialog room(site, path, {}, {QStringLiteral("R103")}, Now - 7 * Day, Now, Now);
        QSignalSpy loadedRoom(&room, &ClimateReportDialog::loaded);
        QVERIFY(loadedRoom.wait(20000));
        QCOMPARE(loadedRoom.back().at(0).toInt(), 1);
        const ClimateReport& r = room.reports().front();
        QCOMPARE(r.excursions.size(), size_t(1));
        QCOMPARE(r.excursions[0].fromMs, Now - 3 * Day - 4 * Hour);
        QCOMPARE(r.excursions[0].toMs, Now - 3 * Day + Hour);
        QCOMPARE(r.excursions[0].peak, 27.0);
        // 5 h of 168 out of range: 97.0 % in range.
        QCOMPARE(qRound(r.quantities[0].inRangeShare() * 1000), qRound((1.0 - 5.0 / 168) * 1000));
        QVERIFY(room.text().contains(QStringLiteral("Excursions: 1")));
        QVERIFY(room.saveCsv(m_dir.filePath(QStringLiteral("room.csv"))));
        QVERIFY(room.savePdf(m_dir.filePath(QStringLiteral("room.pdf"))));
        QFile csv(m_dir.filePath(QStringLiteral("room.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("excursion,temperature_c"));
        // The floor's rooms: one report each, one CSV header.
        QStringList rooms;
        for (const Room& rr : site.rooms)
            if (rr.floor == 1 && (rr.id == QStringLiteral("R101") || rr.id == QStringLiteral("R103")))
                rooms << rr.id;
        ClimateReportDialog floor(site, path, {}, rooms, Now - 7 * Day, Now, Now);
        QSignalSpy loadedFloor(&floor, &ClimateReportDialog::loaded);
        QVERIFY(loadedFloor.wait(20000));
        QCOMPARE(loadedFloor.back().at(0).toInt(), 2);
        QVERIFY(floor.saveCsv(m_dir.filePath(QStringLiteral("floor.csv"))));
        QFile f(m_dir.filePath(QStringLiteral("floor.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count("place,section"), 1);
    }

    void isolationPressureWithItsDoorOpenings()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const QString path = m_dir.filePath(QStringLiteral("isolation-climate.sqlite"));
        // The default ward's isolation room 211 and its door contact: -6 Pa, collapsing to -0.5 Pa
        // while the door is open, three times in the last six hours (the third for 8 min).
        const QString room = QStringLiteral("R211");
        QVERIFY(site.room(room) && site.room(room)->kind == RoomKind::Isolation);
        const auto door = std::find_if(site.sensors.begin(), site.sensors.end(),
                                       [&](const Sensor& s) { return s.kind == SensorKind::Door && s.room == room; });
        QVERIFY(door != site.sensors.end());
        const qint64 opens[] = {Now - 5 * Hour, Now - 3 * Hour, Now - Hour};
        const qint64 lengths[] = {60'000, 120'000, 480'000};
        std::vector<ClimateReading> batch;
        for (qint64 t = Now - 6 * Hour; t < Now; t += 60'000) {
            bool open = false;
            for (int i = 0; i < 3; ++i)
                open = open || (t >= opens[i] && t < opens[i] + lengths[i]);
            ClimateReading r{QStringLiteral("env-r211"), room, t, {}, {}};
            r.values[int(ClimateQuantity::DiffPressure)] = open ? -0.5 : -6.0;
            batch.push_back(r);
            batch.push_back(ClimateReading{door->id, room, t, {}, open});
        }
        {
            ClimateRecord rec(path);
            QVERIFY2(rec.write(batch), qPrintable(rec.lastError()));
        }
        ClimateReviewDialog d(site, path, room, Now);
        QSignalSpy chart(&d, &ClimateReviewDialog::chartLoaded);
        d.setQuantity(ClimateQuantity::DiffPressure);
        d.setPeriod(ClimateReviewDialog::Range, Now - 6 * Hour, Now);
        QTRY_VERIFY(chart.size() >= 1 && chart.back().at(0).toInt() == 6 * 60);
        // Above its -2.5 Pa limit while the door was open: three spans, three openings marked.
        QCOMPARE(d.chart()->shadedSpans(), 3);
        QCOMPARE(d.chart()->doorMarks(), 3);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QDir().mkpath(QStringLiteral("screens"));
        d.grab().save(QStringLiteral("screens/climate-isolation.png"));
        // A room without a door contact marks none.
        d.setRoom(QStringLiteral("R212"));
        QTRY_VERIFY(chart.size() >= 2);
        QCOMPARE(d.chart()->doorMarks(), 0);
        // The room's report counts the openings, the long one by the site's 300 s, and one per excursion.
        ClimateReportDialog report(site, path, {}, {room}, Now - 6 * Hour, Now, Now);
        QSignalSpy loadedReport(&report, &ClimateReportDialog::loaded);
        QVERIFY(loadedReport.wait(20000));
        QCOMPARE(loadedReport.back().at(0).toInt(), 1);
        const ClimateReport& r = report.reports().front();
        QVERIFY(r.door);
        QCOMPARE(r.door->openings, 3);
        QCOMPARE(r.door->longOpenings, 1);
        QCOMPARE(r.excursions.size(), size_t(3));
        for (const ClimateExcursion& x : r.excursions)
            QCOMPARE(x.doorOpenings, 1);
        QVERIFY2(report.text().contains(QStringLiteral("Door openings: 3")), qPrintable(report.text()));
    }

    void aRecordThatCannotBeReadIsSaid()
    {
        const auto loaded = SiteLoader::loadDefault();
        ClimateReviewDialog d(*loaded.site, m_dir.filePath(QStringLiteral("absent.sqlite")), QStringLiteral("R101"), Now);
        QSignalSpy chart(&d, &ClimateReviewDialog::chartLoaded);
        QTRY_VERIFY(chart.size() >= 1);
        QCOMPARE(chart.back().at(0).toInt(), 0);
        QVERIFY2(d.status()->text().contains(QStringLiteral("absent.sqlite")), qPrintable(d.status()->text()));
    }
};

QTEST_MAIN(TestClimateReview)
#include "tst_climate_review.moc"
