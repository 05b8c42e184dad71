// Cold chain: mean kinetic temperature, excursions, gaps, days and door openings (domain/coldchain.h),
// and `wardctl coldchain` on CSV files. Expected values are worked by hand (MKT with ΔH/R = 10 000 K).
#include "coldchaincmd.h"
#include "domain/coldchain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using namespace ww::coldchain;

namespace {

constexpr qint64 Minute = 60'000, Hour = 60 * Minute;
// 2026-11-27T00:00:00Z
constexpr qint64 Day0 = 1'795'737'600'000;

Options utcOptions()
{
    Options o;
    o.zone = QTimeZone::utc();
    return o;
}

// One reading a minute over [from, to) at c, except where f says otherwise (f returns NaN: no reading).
template <typename F> std::vector<Sample> minutes(qint64 from, qint64 to, F f)
{
    std::vector<Sample> s;
    for (qint64 t = from; t < to; t += Minute) {
        const double c = f(t);
        if (!std::isnan(c))
            s.push_back({t, c});
    }
    return s;
}

} // namespace

class TestColdChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void meanKineticTemperatureByHand_data()
    {
        QTest::addColumn<QList<double>>("temps");
        QTest::addColumn<QList<double>>("weights");
        QTest::addColumn<double>("expected");
        QTest::newRow("constant") << QList<double>{5} << QList<double>{1} << 5.0;
        QTest::newRow("half 2, half 8") << QList<double>{2, 8} << QList<double>{1, 1} << 5.536424508866332;
        QTest::newRow("23 h at 5, 1 h at 25") << QList<double>{5, 25} << QList<double>{23, 1} << 7.756421961545357;
        QTest::newRow("three, weighted") << QList<double>{4, 6, 9} << QList<double>{10, 20, 30} << 7.387423786016768;
    }
    void meanKineticTemperatureByHand()
    {
        QFETCH(QList<double>, temps);
        QFETCH(QList<double>, weights);
        QFETCH(double, expected);
        const std::vector<double> t(temps.begin(), temps.end()), w(weights.begin(), weights.end());
        const auto mkt = meanKineticTemperature(t, w);
        QVERIFY(mkt);
        QVERIFY2(std::abs(*mkt - expected) < 1e-9, qPrintable(QString::number(*mkt, 'g', 15)));
        // MKT weighs warm time more than the arithmetic mean does, never less.
        double mean = 0, sum = 0;
        for (size_t i = 0; i < t.size(); ++i) {
            mean += t[i] * w[i];
            sum += w[i];
        }
        QVERIFY(*mkt >= mean / sum - 1e-9);
        QVERIFY(!meanKineticTemperature(t, std::vector<double>(t.size(), 0.0)));
    }

    void aSteadyDayIsCompliant()
    {
        const auto s = minutes(Day0, Day0 + 24 * Hour, [](qint64) { return 5.0; });
        QString error;
        const Report r = buildReport(s, {}, Day0, Day0 + 24 * Hour, utcOptions(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(r.samples, 1440);
        QCOMPARE(r.recordedMs, 24 * Hour);
        QCOMPARE(*r.minC, 5.0);
        QCOMPARE(*r.maxC, 5.0);
        QVERIFY(std::abs(*r.mktC - 5.0) < 1e-9);
        QVERIFY(r.excursions.empty() && r.gaps.empty());
        QVERIFY(r.compliant());
        QCOMPARE(r.days.size(), size_t(1));
        QCOMPARE(r.days[0].date, QDate(2026, 11, 27));
        QCOMPARE(r.days[0].samples, 1440);
        QVERIFY(toText(r, QStringLiteral("F")).contains(QStringLiteral("Result: within range")));
    }

    void excursionHasStartEndPeakAndDuration()
    {
        // 9 °C from 10:00 to 10:12 (9.5 at 10:05), 5 °C otherwise.
        const auto s = minutes(Day0, Day0 + 24 * Hour, [](qint64 t) {
            const qint64 m = (t - Day0) / Minute;
            return m >= 600 && m < 612 ? (m == 605 ? 9.5 : 9.0) : 5.0;
        });
        const Report r = buildReport(s, {}, Day0, Day0 + 24 * Hour, utcOptions());
        QCOMPARE(r.excursions.size(), size_t(1));
        const Excursion& e = r.excursions[0];
        QCOMPARE(e.startMs, Day0 + 10 * Hour);
        QCOMPARE(e.endMs, Day0 + 10 * Hour + 12 * Minute);
        QCOMPARE(e.durationMs(), 12 * Minute);
        QCOMPARE(e.peakC, 9.5);
        QVERIFY(e.above && !e.ongoing);
        QCOMPARE(r.outOfRangeMs, 12 * Minute);
        QCOMPARE(r.days[0].outOfRangeMs, 12 * Minute);
        QCOMPARE(*r.maxC, 9.5);
        QVERIFY(!r.compliant());
        // The MKT of the day by hand: 1428 min at 5, 11 min at 9, 1 min at 9.5.
        const double w = 1428 * std::exp(-1e4 / 278.15) + 11 * std::exp(-1e4 / 282.15) + std::exp(-1e4 / 282.65);
        QVERIFY(std::abs(*r.mktC - (1e4 / -std::log(w / 1440) - 273.15)) < 1e-9);
        // Too cold is an excursion below, its peak the coldest reading, still open at the end.
        const auto cold = minutes(Day0, Day0 + Hour, [](qint64 t) { return t >= Day0 + 50 * Minute ? 1.0 - double(t - Day0) / Hour : 4.0; });
        const Report c = buildReport(cold, {}, Day0, Day0 + Hour, utcOptions());
        QCOMPARE(c.excursions.size(), size_t(1));
        QVERIFY(!c.excursions[0].above && c.excursions[0].ongoing);
        QCOMPARE(c.excursions[0].startMs, Day0 + 50 * Minute);
        QCOMPARE(c.excursions[0].endMs, Day0 + Hour);
        QVERIFY(std::abs(c.excursions[0].peakC - (1.0 - 59.0 / 60)) < 1e-9);
    }

    void silenceIsAGapNotAReading()
    {
        // No reading between 12:00 and 13:00; allowed silence 15 min.
        const auto s = minutes(Day0, Day0 + 24 * Hour, [](qint64 t) {
            return t > Day0 + 12 * Hour && t < Day0 + 13 * Hour ? std::nan("") : 5.0;
        });
        const Report r = buildReport(s, {}, Day0, Day0 + 24 * Hour, utcOptions());
        QCOMPARE(r.gaps.size(), size_t(1));
        QCOMPARE(r.gaps[0].startMs, Day0 + 12 * Hour);
        QCOMPARE(r.gaps[0].endMs, Day0 + 13 * Hour);
        QCOMPARE(r.recordedMs, 23 * Hour);
        QVERIFY(!r.compliant());
        // A record that starts late or stops early has gaps at its ends; none at all is one gap.
        const auto middle = minutes(Day0 + Hour, Day0 + 2 * Hour, [](qint64) { return 5.0; });
        const Report m = buildReport(middle, {}, Day0, Day0 + 3 * Hour, utcOptions());
        QCOMPARE(m.gaps.size(), size_t(2));
        QCOMPARE(m.gaps[0].startMs, Day0);
        QCOMPARE(m.gaps[0].endMs, Day0 + Hour);
        QCOMPARE(m.gaps[1].startMs, Day0 + 2 * Hour - Minute);
        QCOMPARE(m.gaps[1].endMs, Day0 + 3 * Hour);
        const Report none = buildReport({}, {}, Day0, Day0 + Hour, utcOptions());
        QCOMPARE(none.gaps.size(), size_t(1));
        QVERIFY(!none.minC && !none.mktC && !none.compliant());
        // A reading before the period holds into it, excursion included.
        const std::vector<Sample> held{{Day0 - 5 * Minute, 9.0}, {Day0 + 3 * Minute, 5.0}, {Day0 + 10 * Minute, 5.0}};
        const Report h = buildReport(held, {}, Day0, Day0 + 10 * Minute, utcOptions());
        QCOMPARE(h.samples, 1);
        QCOMPARE(h.excursions.size(), size_t(1));
        QCOMPARE(h.excursions[0].startMs, Day0);
        QCOMPARE(h.excursions[0].endMs, Day0 + 3 * Minute);
        QCOMPARE(*h.maxC, 9.0);
    }

    void daysSplitAtTheZonesMidnight()
    {
        // Two days at 4 °C then 6 °C; a reading at 23:30 holds past midnight into the second day.
        std::vector<Sample> s{{Day0, 4.0}, {Day0 + 10 * Minute, 4.0}};
        for (qint64 t = Day0 + 20 * Minute; t < Day0 + 48 * Hour; t += 10 * Minute)
            s.push_back({t, t < Day0 + 23 * Hour + 30 * Minute ? 4.0 : 6.0});
        const Report r = buildReport(s, {}, Day0, Day0 + 48 * Hour, utcOptions());
        QCOMPARE(r.days.size(), size_t(2));
        QCOMPARE(r.days[0].date, QDate(2026, 11, 27));
        QCOMPARE(r.days[0].samples, 144);
        QCOMPARE(r.days[1].samples, 144);
        QCOMPARE(r.days[0].minC, 4.0);
        QCOMPARE(r.days[0].maxC, 6.0);
        QCOMPARE(r.days[1].minC, 6.0);
        QCOMPARE(r.days[0].recordedMs, 24 * Hour);
        QCOMPARE(r.days[1].recordedMs, 24 * Hour);
        // In UTC+10 the first local day runs from 10:00 to 24:00 of the first UTC day, and so on.
        Options east = utcOptions();
        east.zone = QTimeZone(10 * 3600);
        const Report e = buildReport(s, {}, Day0, Day0 + 48 * Hour, east);
        QCOMPARE(e.days.size(), size_t(3));
        QCOMPARE(e.days[0].recordedMs, 14 * Hour);
        QCOMPARE(e.days[1].recordedMs, 24 * Hour);
        QCOMPARE(e.days[2].recordedMs, 10 * Hour);
    }

    void doorOpeningsAreCountedAndTimed()
    {
        const auto s = minutes(Day0, Day0 + 24 * Hour, [](qint64) { return 5.0; });
        const std::vector<DoorSample> d{{Day0 - Minute, true},          {Day0 + 30'000, false}, // open across the start
                                        {Day0 + 8 * Hour, true},        {Day0 + 8 * Hour + 30'000, false},
                                        {Day0 + 9 * Hour, true},        {Day0 + 9 * Hour + 2 * Minute, false},
                                        {Day0 + 24 * Hour - 10'000, true}}; // still open at the end
        const Report r = buildReport(s, d, Day0, Day0 + 24 * Hour, utcOptions());
        QCOMPARE(r.door.openings, 3);
        QCOMPARE(r.door.longOpenings, 1);
        QCOMPARE(r.door.longestMs, 2 * Minute);
        QCOMPARE(r.door.openMs, 30'000 + 30'000 + 2 * Minute + 10'000);
    }

    void badInputIsNamed()
    {
        QString error;
        const std::vector<Sample> backwards{{Day0, 5}, {Day0 - 1, 5}};
        QVERIFY(buildReport(backwards, {}, Day0, Day0 + Hour, utcOptions(), &error).samples == 0);
        QVERIFY2(error.contains(QStringLiteral("sample 2")) && error.contains(QStringLiteral("earlier")), qPrintable(error));
        const std::vector<Sample> nan{{Day0, std::nan("")}};
        (void)buildReport(nan, {}, Day0, Day0 + Hour, utcOptions(), &error);
        QVERIFY2(error.contains(QStringLiteral("sample 1")), qPrintable(error));
        (void)buildReport({}, {}, Day0, Day0, utcOptions(), &error);
        QVERIFY2(error.contains(QStringLiteral("not after")), qPrintable(error));
        Options flipped = utcOptions();
        flipped.minC = 8;
        flipped.maxC = 2;
        (void)buildReport({}, {}, Day0, Day0 + Hour, flipped, &error);
        QVERIFY2(error.contains(QStringLiteral("not a range")), qPrintable(error));
    }

    void wardctlReadsAndRefusesCsv_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected"); // in stdout (done) or stderr (refused)
        const QByteArray good = "time_s,temperature_c,door\n1795737600,5.0,\n1795737660,9.0,open\n1795737720,5.0,closed\n"
                                "1795737780,5.0,\n";
        QTest::newRow("good") << good << QStringList{} << 0 << QStringLiteral("Time out of range: 1 min; excursions: 1");
        QTest::newRow("spreadsheet") << QByteArray("\xef\xbb\xbf\"time_s\",\"temperature_c\"\r\n1795737600,\"5,0\"\r\n")
                                     << QStringList{} << 2 << QStringLiteral(":2: temperature_c \"5,0\"");
        QTest::newRow("missing column") << QByteArray("time,temp\n1,2\n") << QStringList{} << 2
                                        << QStringLiteral("missing column time_s");
        QTest::newRow("backwards") << QByteArray("time_s,temperature_c\n20,5\n10,5\n") << QStringList{} << 2
                                   << QStringLiteral(":3: time_s 10 is earlier");
        QTest::newRow("hot") << QByteArray("time_s,temperature_c\n20,500\n") << QStringList{} << 2
                             << QStringLiteral(":2: temperature_c \"500\"");
        QTest::newRow("door word") << QByteArray("time_s,temperature_c,door\n20,5,ajar\n") << QStringList{} << 2
                                   << QStringLiteral(":2: door \"ajar\"");
        QTest::newRow("range") << good << QStringList{QStringLiteral("8"), QStringLiteral("2")} << 2
                               << QStringLiteral("not a fridge's range");
    }
    void wardctlReadsAndRefusesCsv()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("T.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        offline::ColdChainOptions o;
        o.readings = f.fileName();
        o.utc = true;
        o.jsonOut = dir.filePath(QStringLiteral("R.json"));
        if (extra.size() == 2) {
            o.minC = extra[0].toDouble();
            o.maxC = extra[1].toDouble();
        }
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(offline::coldchain(o, out, err), code);
        out.flush();
        err.flush();
        QVERIFY2((code == 0 ? outText : errText).contains(expected), qPrintable(outText + errText));
        if (code != 0)
            return;
        QFile json(o.jsonOut);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject r = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(r.value(QStringLiteral("readings")).toInt(), 4);
        QCOMPARE(r.value(QStringLiteral("excursions")).toArray().size(), 1);
        QCOMPARE(r.value(QStringLiteral("door")).toObject().value(QStringLiteral("openings")).toInt(), 1);
        QCOMPARE(r.value(QStringLiteral("compliant")).toBool(), false);
        QCOMPARE(r.value(QStringLiteral("max_c")).toDouble(), 9.0);
    }
};

QTEST_GUILESS_MAIN(TestColdChain)
#include "tst_coldchain.moc"
