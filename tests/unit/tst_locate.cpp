// wardctl locate: its input checks (file, line, reason) and what it writes, with gateways that
// advertise and a site's reference beacons.
#include "domain/site.h"
#include "explaincmd.h"
#include "geojsoncmd.h"
#include "offline.h"
#include "positioning/georef.h"
#include "positioning_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <tuple>

using namespace ww;

namespace {
offline::LocateOptions locateOptions(const QTemporaryDir& d, const QString& gateways, const QString& reports)
{
    offline::LocateOptions o;
    o.gateways = gateways;
    o.reports = reports;
    o.out = d.filePath(QStringLiteral("P.csv"));
    return o;
}
QString writeFile(const QTemporaryDir& d, const QString& name, const QByteArray& text)
{
    QFile f(d.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return f.fileName();
}
} // namespace

class TestLocate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void locateRejectsBadInputNamingTheLine()
    {
        QTemporaryDir d;
        const QString g = writeFile(d, QStringLiteral("G.csv"), "gateway_id,x,y,z\na,0,0,2.5\nb,10,0,2.5\n");
        struct Case
        {
            QByteArray reports;
            QString expected;
        };
        const Case cases[] = {
            {"time_s,gateway_id,tag_id,rssi\n1,zz,t,-60\n", QStringLiteral("R.csv:2: unknown gateway \"zz\"")},
            {"time_s,gateway_id,tag_id,rssi\n1,a,t,loud\n", QStringLiteral("R.csv:2: rssi \"loud\" is not a number")},
            {"time_s,gateway_id,rssi\n1,a,-60\n", QStringLiteral("R.csv:1: missing column \"tag_id\"")},
            // Found by tst_robustness: numbers that parse but are no level or time.
            {"time_s,gateway_id,tag_id,rssi\n1,a,t,1e308\n", QStringLiteral("R.csv:2: rssi 1e308 is not a value within [-127, 20]")},
            {"time_s,gateway_id,tag_id,rssi\n-1e308,a,t,-60\n", QStringLiteral("R.csv:2: time_s -1e308 is not a value within")},
        };
        for (const auto& c : cases) {
            const QString r = writeFile(d, QStringLiteral("R.csv"), c.reports);
            QString msg;
            QTextStream err(&msg);
            const offline::LocateOptions o = locateOptions(d, g, r);
            QCOMPARE(offline::locate(o, err), offline::BadInput);
            QVERIFY2(msg.contains(c.expected), qPrintable(msg));
        }
    }

    // Logs merged from many gateways are never quite in order: rows out of order by up to the
    // reorder window (2 s) give exactly the fixes of the sorted file; a row further behind is
    // refused, named with its line and counted, and the rest is positioned.
    void rowsOutOfOrderWithinTheWindowArePutInPlace()
    {
        QTemporaryDir d;
        const QString g = writeFile(d, QStringLiteral("G.csv"), "gateway_id,x,y,z\na,0,0,2.5\nb,10,0,2.5\nc,0,10,2.5\nd,10,10,2.5\n");
        // Two tags walking for a minute, heard by the four gateways 4 times a second each, every
        // time distinct (a sorted file has one order).
        std::mt19937 rng(25);
        std::normal_distribution<double> noise(0, 3);
        std::vector<std::pair<double, QByteArray>> rows;
        for (int tag = 0; tag < 2; ++tag)
            for (int i = 0; i < 240; ++i) {
                const double t = 100 + i * 0.25 + tag * 0.01;
                const double x = 1 + 8 * (i / 240.0), y = tag ? 8 - 6 * (i / 240.0) : 2 + 6 * (i / 240.0);
                const double gx[] = {0, 10, 0, 10}, gy[] = {0, 0, 10, 10};
                for (int k = 0; k < 4; ++k) {
                    const double dist = std::hypot(x - gx[k], y - gy[k]) + 0.5;
                    const double rssi = std::round(-59 - 20 * std::log10(dist) + noise(rng));
                    const double at = t + k * 0.001;
                    rows.emplace_back(at, QByteArray::number(at, 'f', 3) + ',' + QByteArray(1, "abcd"[k]) + ",t" +
                                              QByteArray::number(tag) + ',' + QByteArray::number(rssi) + '\n');
                }
            }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        auto fileOf = [&](const std::vector<std::pair<double, QByteArray>>& r, const QString& name) {
            QByteArray text = "time_s,gateway_id,tag_id,rssi\n";
            for (const auto& [t, line] : r)
                text += line;
            return writeFile(d, name, text);
        };
        // Shuffled: ordered by their time plus up to 1.5 s, so a row comes after rows up to 1.5 s newer.
        std::uniform_real_distribution<double> jitter(0, 1.5);
        std::vector<std::pair<double, size_t>> keys;
        for (size_t i = 0; i < rows.size(); ++i)
            keys.emplace_back(rows[i].first + jitter(rng), i);
        std::sort(keys.begin(), keys.end());
        std::vector<std::pair<double, QByteArray>> shuffled;
        for (const auto& [key, i] : keys)
            shuffled.push_back(rows[i]);
        QVERIFY(shuffled != rows);
        auto run = [&](const QString& reports, const QString& out, offline::LocateStats& stats, QString& msg) {
            offline::LocateOptions o = locateOptions(d, g, reports);
            o.out = d.filePath(out);
            QTextStream err(&msg);
            const int code = offline::locate(o, err, &stats);
            QFile f(o.out);
            f.open(QIODevice::ReadOnly);
            return std::make_pair(code, f.readAll());
        };
        offline::LocateStats sortedStats, shuffledStats;
        QString sortedMsg, shuffledMsg;
        const auto sorted = run(fileOf(rows, QStringLiteral("sorted.csv")), QStringLiteral("P-sorted.csv"), sortedStats, sortedMsg);
        const auto mixed = run(fileOf(shuffled, QStringLiteral("shuffled.csv")), QStringLiteral("P-shuffled.csv"), shuffledStats, shuffledMsg);
        QCOMPARE(sorted.first, int(offline::Done));
        QCOMPARE(mixed.first, int(offline::Done));
        QVERIFY(sortedStats.fixes > 100);
        QCOMPARE(shuffledStats.fixes, sortedStats.fixes);
        QCOMPARE(shuffledStats.refusedLate, 0);
        QVERIFY(mixed.second == sorted.second);

        // A row 3 s behind the rows read before it: refused with its line, the rest positioned.
        auto late = rows;
        auto moved = late[200];
        late.erase(late.begin() + 200);
        late.insert(late.begin() + 300, moved); // 100 rows (32 a second) later: about 3 s
        QVERIFY(late[299].first - late[300].first > 2.0);
        offline::LocateStats lateStats;
        QString lateMsg;
        const auto withLate = run(fileOf(late, QStringLiteral("late.csv")), QStringLiteral("P-late.csv"), lateStats, lateMsg);
        QCOMPARE(withLate.first, int(offline::Done));
        QCOMPARE(lateStats.refusedLate, 1);
        QVERIFY2(lateMsg.contains(QStringLiteral("late.csv:302: time_s")) && lateMsg.contains(QStringLiteral("refused")),
                 qPrintable(lateMsg));
        QVERIFY(lateStats.fixes >= sortedStats.fixes - 1);
    }

    // The site and the tags' latest positions as GeoJSON: every room a closed polygon and every
    // gateway a point in WGS-84 (longitude first) through the site's geo-reference; a tag's latest
    // row wins; a row that is no position on the site is refused with its line.
    void geojsonOfTheSiteAndItsTags()
    {
        QTemporaryDir d;
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        const Room& room = site.rooms.front();
        const QString positions = writeFile(d, QStringLiteral("P.csv"),
                                            "time_s,tag_id,x,y,floor,room,accuracy_m\n"
                                            "1795737600,wb-001,12.5,5,1,R103,1.2\n"
                                            "1795737660,wb-001,30,10,1,,2.5\n"
                                            "1795737630,bd-02,40,4,2,R208,0.9\n");
        offline::GeoJsonOptions o{{}, positions, d.filePath(QStringLiteral("site.geojson"))};
        QString msg;
        QTextStream err(&msg);
        QCOMPARE(offline::geojson(o, err), int(offline::Done));
        QFile f(o.out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject fc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(fc.value(u"type").toString(), QStringLiteral("FeatureCollection"));
        const QJsonArray features = fc.value(u"features").toArray();
        QCOMPARE(features.size(), qsizetype(site.rooms.size() + site.gateways.size() + 2));
        const QJsonObject first = features.at(0).toObject();
        QCOMPARE(first.value(u"properties").toObject().value(u"id").toString(), room.id);
        const QJsonArray ring = first.value(u"geometry").toObject().value(u"coordinates").toArray().at(0).toArray();
        QCOMPARE(ring.size(), room.polygon.size() + 1);
        QCOMPARE(ring.first(), ring.last()); // closed
        const QGeoCoordinate c = pos::toGeoCoordinate(site, room.polygon.front().x(), room.polygon.front().y(), room.floor);
        QVERIFY(std::abs(ring.first().toArray().at(0).toDouble() - c.longitude()) < 1e-6); // longitude first
        QVERIFY(std::abs(ring.first().toArray().at(1).toDouble() - c.latitude()) < 1e-6);
        QVERIFY(std::abs(c.latitude() - site.latitude) < 0.01 && std::abs(c.longitude() - site.longitude) < 0.01);
        // wb-001's later row, at (30, 10) on floor 1, with the floor's altitude.
        QJsonObject wb;
        for (const QJsonValue& v : features)
            if (v.toObject().value(u"properties").toObject().value(u"tag").toString() == u"wb-001")
                wb = v.toObject();
        QCOMPARE(wb.value(u"properties").toObject().value(u"time").toString(), QStringLiteral("2026-11-27T00:01:00.000Z"));
        QCOMPARE(wb.value(u"properties").toObject().value(u"accuracyM").toDouble(), 2.5);
        const QGeoCoordinate at = pos::toGeoCoordinate(site, 30, 10, 1);
        const QJsonArray p = wb.value(u"geometry").toObject().value(u"coordinates").toArray();
        QCOMPARE(p.size(), 3);
        QVERIFY(std::abs(p.at(0).toDouble() - at.longitude()) < 1e-6 && std::abs(p.at(1).toDouble() - at.latitude()) < 1e-6);
        QCOMPARE(p.at(2).toDouble(), std::round(at.altitude() * 100) / 100);
        // A floor the site does not have: refused with its line.
        const QString bad = writeFile(d, QStringLiteral("bad.csv"), "time_s,tag_id,x,y,floor\n1795737600,wb-001,1,1,1\n1795737601,wb-001,1,1,7\n");
        o.positions = bad;
        msg.clear();
        QCOMPARE(offline::geojson(o, err), int(offline::BadInput));
        QVERIFY2(msg.contains(QStringLiteral("bad.csv:3: not a position on this site")), qPrintable(msg));
    }

    void locateWritesOneFixPerTagAndSecond()
    {
        QTemporaryDir d;
        const QString g = writeFile(d, QStringLiteral("G.csv"), "gateway_id,x,y,z,extra\na,0,0,2.5,x\nb,10,0,2.5,x\nc,0,10,2.5,x\n");
        QByteArray fixed = "time_s,gateway_id,tag_id,rssi\n";
        for (int i = 0; i < 12; ++i) // 100.00 .. 102.75, gateways a, b, c in turn
            fixed += QByteArray::number(100 + i * 0.25, 'f', 2) + ',' + QByteArray(1, "abc"[i % 3]) + ",t1,-65\n";
        const QString r = writeFile(d, QStringLiteral("R.csv"), fixed);
        QString msg;
        QTextStream err(&msg);
        const offline::LocateOptions o = locateOptions(d, g, r);
        offline::LocateStats stats;
        QVERIFY2(offline::locate(o, err, &stats) == offline::Done, qPrintable(msg));
        QCOMPARE(stats.fixes, 3); // seconds 100, 101, 102
        offline::CsvFile p(o.out);
        QCOMPARE(p.rows(), 3);
        QCOMPARE(p.cell(0, p.column(QStringLiteral("time_s"))), QByteArray("100.750"));
        QVERIFY(p.column(QStringLiteral("accuracy_m")) >= 0 && p.column(QStringLiteral("room")) >= 0);
    }

    // What spreadsheets write (a byte-order mark, quoted cells, Windows line ends) is read; a place
    // of 1e308 m in the calibration is refused (it made every fix NaN); a CRLB grid of a continent too.
    void locateReadsSpreadsheetCsvAndRefusesAbsurdNumbers()
    {
        QTemporaryDir d;
        const QString g = writeFile(d, QStringLiteral("G.csv"),
                                    "\xef\xbb\xbf\"gateway_id\",\"x\",\"y\",\"z\",\"note\"\r\na,0,0,2.5,\"corridor, east\"\r\n"
                                    "b,10,0,2.5,\"say \"\"hi\"\"\"\r\nc,0,10,2.5,\r\n");
        const QString r = writeFile(d, QStringLiteral("R.csv"), "time_s,gateway_id,tag_id,rssi\n1,a,\"t,1\",-60\n1.2,\"b\",\"t,1\",-70\n1.4,c,\"t,1\",-70\n");
        QString msg;
        QTextStream err(&msg);
        offline::LocateOptions o = locateOptions(d, g, r);
        QVERIFY2(offline::locate(o, err) == offline::Done, qPrintable(msg));
        offline::CsvFile p(o.out);
        QCOMPARE(p.rows(), 1);
        QVERIFY(p.cell(0, p.column(QStringLiteral("x"))).toDouble() < 5); // nearest to a
        QCOMPARE(p.cell(0, p.column(QStringLiteral("tag_id"))), QByteArray("t,1")); // written quoted

        o.calibration = writeFile(d, QStringLiteral("C.csv"), "time_s,gateway_id,tag_id,rssi,x,y\n0,a,w,-60,1,1\n0,b,w,-70,1e308,1\n");
        msg.clear();
        QCOMPARE(offline::locate(o, err), offline::BadInput);
        QVERIFY2(msg.contains(QStringLiteral("C.csv:3: x 1e308 is not a value within [-10000, 10000]")), qPrintable(msg));

        const QString far = writeFile(d, QStringLiteral("Gfar.csv"), "gateway_id,x,y,z\na,-9000,-9000,2.5\nb,9000,9000,2.5\n");
        offline::CrlbOptions c;
        c.gateways = far;
        c.out = d.filePath(QStringLiteral("B.csv"));
        msg.clear();
        QCOMPARE(offline::crlb(c, err), offline::BadInput);
        QVERIFY2(msg.contains(QStringLiteral("use a larger --step")), qPrintable(msg));
        c.step = 10;
        QCOMPARE(offline::crlb(c, err), offline::Done);
        c.step = 0;
        QCOMPARE(offline::crlb(c, err), offline::BadInput);
    }

    void locateTakesGatewaysThatAdvertise()
    {
        QTemporaryDir d;
        // Gateway a advertises as "gb-a"; b and c as nothing. A repeated beacon is bad input.
        const QString bad = writeFile(d, QStringLiteral("Gbad.csv"), "gateway_id,x,y,z,beacon\na,0,0,2.5,gb\nb,10,0,2.5,gb\n");
        const QString g = writeFile(d, QStringLiteral("G.csv"), "gateway_id,x,y,z,beacon\na,0,0,2.5,gb-a\nb,10,0,2.5,\nc,0,10,2.5,\n");
        QByteArray rows = "time_s,gateway_id,tag_id,rssi\n";
        for (int i = 0; i < 8; ++i)
            rows += QByteArray::number(100 + i * 0.25, 'f', 2) + ',' + QByteArray(1, "bc"[i % 2]) + ",gb-a,-75\n";
        const QString r = writeFile(d, QStringLiteral("R.csv"), rows);
        QString msg;
        QTextStream err(&msg);
        offline::LocateOptions o = locateOptions(d, bad, r);
        QCOMPARE(offline::locate(o, err), offline::BadInput);
        QVERIFY2(msg.contains(QStringLiteral("Gbad.csv:3")) && msg.contains(QStringLiteral("repeated")),
                 qPrintable(msg));
        o.gateways = g;
        msg.clear();
        QVERIFY2(offline::locate(o, err) == offline::Done, qPrintable(msg));
        offline::CsvFile p(o.out);
        QCOMPARE(p.rows(), 2); // seconds 100 and 101
        for (int row = 0; row < 2; ++row) { // at gateway a's place, not where two receivers would put it
            QCOMPARE(p.cell(row, p.column(QStringLiteral("x"))).toDouble(), 0.0);
            QCOMPARE(p.cell(row, p.column(QStringLiteral("y"))).toDouble(), 0.0);
        }
    }

    void locateTakesTheSitesReferenceBeacons()
    {
        // With --site, the site's reference beacons and its gateways' beacons are known places:
        // ref-11 at (7.5, 10), and gw-r101's own beacon gb-r101 at the gateway, (2.5, 3).
        QTemporaryDir d;
        const QString g = writeFile(d, QStringLiteral("G.csv"),
                                    "gateway_id,x,y,z,floor\ngw-r101,2.5,3,2.7,1\ngw-r102,7.5,3,2.7,1\ngw-r103,12.5,3,2.7,1\n");
        QByteArray rows = "time_s,gateway_id,tag_id,rssi\n";
        for (int i = 0; i < 8; ++i) {
            const QByteArray t = QByteArray::number(100 + i * 0.25, 'f', 2);
            rows += t + ",gw-r10" + QByteArray::number(1 + i % 3) + ",ref-11,-72\n";
            rows += t + ",gw-r10" + QByteArray::number(2 + i % 2) + ",gb-r101,-70\n";
        }
        offline::LocateOptions o = locateOptions(d, g, writeFile(d, QStringLiteral("R.csv"), rows));
        o.site = QString::fromLatin1(SiteLoader::DefaultSitePath);
        QString msg;
        QTextStream err(&msg);
        QVERIFY2(offline::locate(o, err) == offline::Done, qPrintable(msg));
        offline::CsvFile p(o.out);
        QCOMPARE(p.rows(), 4); // two tags, seconds 100 and 101
        for (int row = 0; row < p.rows(); ++row) {
            const bool ref = p.cell(row, p.column(QStringLiteral("tag_id"))) == "ref-11";
            QCOMPARE(p.cell(row, p.column(QStringLiteral("x"))).toDouble(), ref ? 7.5 : 2.5);
            QCOMPARE(p.cell(row, p.column(QStringLiteral("y"))).toDouble(), ref ? 10.0 : 3.0);
            QCOMPARE(p.cell(row, p.column(QStringLiteral("floor"))).toInt(), 1);
        }
    }
    // wardctl explain: a tag a minute in R101, then a minute in R102 (each room's gateway loudest in
    // turn). The explanation names the room shown, lists every gateway heard with the level the model
    // expects at the fix, and gives the decisions that took the tag from R101 to R102, with reasons.
    void explainGivesLevelsRoomsAndDecisions()
    {
        QTemporaryDir d;
        const QString g = writeFile(d, QStringLiteral("G.csv"),
                                    "gateway_id,x,y,z,floor\ngw-r101,2.5,3,2.7,1\ngw-r102,7.5,3,2.7,1\ngw-r103,12.5,3,2.7,1\n");
        QByteArray rows = "time_s,gateway_id,tag_id,rssi\n";
        std::mt19937 rng(7);
        std::normal_distribution<double> noise(0, 2);
        for (int i = 0; i < 480; ++i) {
            const QByteArray t = QByteArray::number(100 + i * 0.25, 'f', 2);
            const bool second = i >= 240;
            const double level[3] = {second ? -78.0 : -58.0, second ? -58.0 : -76.0, second ? -76.0 : -86.0};
            for (int k = 0; k < 3; ++k)
                rows += t + ",gw-r10" + QByteArray::number(k + 1) + ",wb-x," + QByteArray::number(std::round(level[k] + noise(rng))) + '\n';
        }
        offline::ExplainOptions o;
        o.locate.gateways = g;
        o.locate.reports = writeFile(d, QStringLiteral("R.csv"), rows);
        o.locate.site = QString::fromLatin1(SiteLoader::DefaultSitePath);
        o.tag = QStringLiteral("wb-x");
        QString text, msg;
        QTextStream out(&text), err(&msg);
        QVERIFY2(offline::explain(o, out, err) == offline::Done, qPrintable(msg));
        out.flush();
        QVERIFY2(text.contains(QStringLiteral("room R102, accuracy")), qPrintable(text));
        for (const char* gw : {"gw-r101", "gw-r102", "gw-r103"})
            QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\n  %1 +-\\d+\\.\\d dBm  expected +-\\d+\\.\\d").arg(QLatin1String(gw)))),
                     qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("R102")) && text.contains(QStringLiteral("<- shown")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("- -> R101: the track's first room")), qPrintable(text));
        // The way to R102 (through the corridor or not), each step with the lead it needed.
        const QRegularExpression step(QStringLiteral("\\n  (\\d+\\.\\d) s  (\\S+) -> (\\S+): led by (\\d+\\.\\d) nats \\(a change needs (\\d+\\.\\d)\\)"));
        QString last;
        double lastT = 0;
        for (auto it = step.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            QVERIFY2(m.captured(4).toDouble() > m.captured(5).toDouble(), qPrintable(m.captured(0)));
            last = m.captured(3);
            lastT = m.captured(1).toDouble();
        }
        QCOMPARE(last, QStringLiteral("R102"));
        QVERIFY2(lastT >= 160 && lastT <= 175, qPrintable(text)); // the walk is at 160 s

        // Up to --at, before the walk: still in R101, no change yet.
        o.at = 150;
        text.clear();
        QVERIFY2(offline::explain(o, out, err) == offline::Done, qPrintable(msg));
        out.flush();
        QVERIFY2(text.contains(QStringLiteral("room R101, accuracy")) && !text.contains(QStringLiteral("-> R102")), qPrintable(text));

        // A tag without a fix, and a window of no minutes: refused, saying why.
        o.at.reset();
        o.tag = QStringLiteral("wb-nobody");
        msg.clear();
        QCOMPARE(offline::explain(o, out, err), int(offline::BadInput));
        err.flush();
        QVERIFY2(msg.contains(QStringLiteral("tag \"wb-nobody\" has no fix in")), qPrintable(msg));
        o.tag = QStringLiteral("wb-x");
        o.minutes = 0;
        msg.clear();
        QCOMPARE(offline::explain(o, out, err), int(offline::BadInput));
        err.flush();
        QVERIFY2(msg.contains(QStringLiteral("--minutes 0 must lie in (0, 1440]")), qPrintable(msg));
    }
    void wardctlExitCodes()
    {
        // As a script calls it: --help is asked for (usage on stdout, 0); no command, an unknown
        // one or a missing file is bad input (usage or the reason on stderr, 2).
        auto run = [](const QStringList& args) {
            QProcess p;
            p.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), args);
            p.waitForFinished(30000);
            return std::tuple{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        };
        for (const auto& args : {QStringList{QStringLiteral("--help")}, QStringList{QStringLiteral("locate"), QStringLiteral("--help")},
                                 QStringList{QStringLiteral("help")}}) {
            const auto [code, out, err] = run(args);
            QCOMPARE(code, 0);
            QVERIFY2(out.contains("wardctl locate --gateways") && out.contains("[--worn]"), out.constData());
        }
        const auto [none, noneOut, noneErr] = run({});
        QCOMPARE(none, 2);
        QVERIFY(noneErr.contains("usage:"));
        const auto [unknown, unknownOut, unknownErr] = run({QStringLiteral("frobnicate")});
        QCOMPARE(unknown, 2);
        QVERIFY2(unknownErr.contains("unknown command \"frobnicate\""), unknownErr.constData());
        const auto [missing, missingOut, missingErr] =
            run({QStringLiteral("locate"), QStringLiteral("--gateways"), QStringLiteral("/nonexistent/G.csv"), QStringLiteral("--reports"),
                 QStringLiteral("/nonexistent/R.csv"), QStringLiteral("--out"), QStringLiteral("/tmp/never.csv")});
        QCOMPARE(missing, 2);
        QVERIFY2(missingErr.contains("/nonexistent/G.csv"), missingErr.constData());
    }
    void wornTagsAreFittedWithTheirShadow()
    {
        // wardctl locate --worn: the tags are carried on a body. A tag at rest for five minutes at
        // (5, 6) among 16 receivers, heard less from behind its wearer (facing east): once it has
        // rested 120 s its fixes with --worn (the shadow fitted from every receiver) differ from
        // those without it, and before that they are the same.
        QTemporaryDir d;
        QByteArray gw = "gateway_id,x,y,z\n", rep = "time_s,gateway_id,tag_id,rssi\n";
        for (int i = 0; i < 16; ++i)
            gw += "g" + QByteArray::number(i) + ',' + QByteArray::number(4 * (i % 4)) + ',' + QByteArray::number(4 * (i / 4)) + ",2.5\n";
        std::mt19937 rng(4);
        std::normal_distribution<double> noise(0, 3);
        for (int t = 0; t < 300; ++t)
            for (int i = 0; i < 16; ++i) {
                const double dx = 4 * (i % 4) - 5.0, dy = 4 * (i / 4) - 6.0, dist = std::sqrt(dx * dx + dy * dy + 1.3 * 1.3);
                const double level = -59 - 20 * std::log10(dist) - 8 * (1 - dx / std::hypot(dx, dy)) / 2 + noise(rng);
                rep += QByteArray::number(t + 0.01 * i, 'f', 2) + ",g" + QByteArray::number(i) + ",wb," + QByteArray::number(std::round(level)) + '\n';
            }
        const QString g = writeFile(d, QStringLiteral("G.csv"), gw), r = writeFile(d, QStringLiteral("R.csv"), rep);
        auto locate = [&](bool worn) {
            QProcess p;
            QStringList args{QStringLiteral("locate"), QStringLiteral("--gateways"), g, QStringLiteral("--reports"), r, QStringLiteral("--out"),
                             d.filePath(worn ? QStringLiteral("worn.csv") : QStringLiteral("bare.csv"))};
            if (worn)
                args << QStringLiteral("--worn");
            p.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), args);
            p.waitForFinished(60000);
            return std::pair{p.exitCode(), offline::CsvFile(args.at(6))};
        };
        const auto [wornCode, worn] = locate(true);
        const auto [bareCode, bare] = locate(false);
        QCOMPARE(wornCode, 0);
        QCOMPARE(bareCode, 0);
        QCOMPARE(worn.rows(), 300);
        QCOMPARE(bare.rows(), 300);
        const int x = worn.column(QStringLiteral("x")), y = worn.column(QStringLiteral("y"));
        int differ = 0, differBefore = 0;
        for (int row = 0; row < 300; ++row) {
            const bool same = worn.cell(row, x) == bare.cell(row, x) && worn.cell(row, y) == bare.cell(row, y);
            (row < 100 ? differBefore : differ) += !same;
        }
        QCOMPARE(differBefore, 0);
        QVERIFY2(differ > 150, qPrintable(QString::number(differ)));
    }

    void calibrationChecksItsOwnCircle()
    {
        // Six receivers on a 20 x 10 m floor. Each place a tag stands at has its own lasting
        // offset per receiver (furniture, bodies: sd `bias` dB) that no model knows, and 3 dB of
        // noise per report. The calibration is four recordings of five places each; the scored
        // tag stands at six other places. With offsets of 8 dB the model's circle is too small:
        // the self-check must find that it holds fewer than 60 % of its held-out fixes, widen it,
        // and the scored fixes' circles then hold at least 60 % of the truth (too small, they
        // would hold less). Without offsets nothing is widened.
        struct Outcome
        {
            std::optional<offline::SelfCheck> check;
            double holds = 0, holdsUnscaled = 0;
        };
        auto run = [](double bias) {
            QTemporaryDir d;
            const std::vector<pos::Receiver> gws{{QStringLiteral("a"), 0, 0, 2.5, 0, -59, 2},  {QStringLiteral("b"), 10, 0, 2.5, 0, -59, 2},
                                                 {QStringLiteral("c"), 20, 0, 2.5, 0, -59, 2}, {QStringLiteral("d"), 0, 10, 2.5, 0, -59, 2},
                                                 {QStringLiteral("e"), 10, 10, 2.5, 0, -59, 2}, {QStringLiteral("f"), 20, 10, 2.5, 0, -59, 2}};
            QByteArray g = "gateway_id,x,y,z\n";
            for (const auto& r : gws)
                g += r.id.toUtf8() + ',' + QByteArray::number(r.x) + ',' + QByteArray::number(r.y) + ",2.5\n";
            std::mt19937 rng(17);
            std::uniform_real_distribution<double> px(1, 19), py(1, 9);
            std::normal_distribution<double> offset(0, bias), noise(0, 3);
            // A place: 12 s at (x, y) with its offsets, four adverts a second, from time t0.
            auto stand = [&](QByteArray& rows, const QByteArray& tag, double t0, bool withPlace, double& x, double& y) {
                x = px(rng);
                y = py(rng);
                double off[6];
                for (double& o : off)
                    o = offset(rng);
                for (int k = 0; k < 48; ++k)
                    for (int i = 0; i < 6; ++i) {
                        const double t = t0 + 0.25 * k + 0.01 * i;
                        rows += QByteArray::number(t, 'f', 2) + ',' + gws[size_t(i)].id.toUtf8() + ',' + tag + ',' +
                                QByteArray::number(pos::test::modelRssi(gws[size_t(i)], x, y, 1.2) + off[i] + noise(rng), 'f', 1);
                        rows += withPlace ? ',' + QByteArray::number(x, 'f', 2) + ',' + QByteArray::number(y, 'f', 2) + "\n" : QByteArray("\n");
                    }
            };
            QByteArray cal = "time_s,gateway_id,tag_id,rssi,x,y\n", scored = "time_s,gateway_id,tag_id,rssi\n";
            double x = 0, y = 0;
            for (int rec = 0; rec < 4; ++rec)
                for (int place = 0; place < 5; ++place) // a recording every 1000 s, a place every 20 s
                    stand(cal, "walker", 1000.0 * rec + 20 * place, true, x, y);
            std::vector<std::tuple<double, double, double>> truth; // from, x, y
            for (int place = 0; place < 6; ++place) {
                stand(scored, "tag", 10000 + 20 * place, false, x, y);
                truth.emplace_back(10000 + 20 * place, x, y);
            }
            offline::LocateOptions o = locateOptions(d, writeFile(d, QStringLiteral("G.csv"), g), writeFile(d, QStringLiteral("R.csv"), scored));
            o.calibration = writeFile(d, QStringLiteral("C.csv"), cal);
            QString msg;
            QTextStream err(&msg);
            offline::LocateStats stats;
            Outcome out;
            if (offline::locate(o, err, &stats) != offline::Done)
                return out;
            out.check = stats.selfCheck;
            const double scale = stats.selfCheck ? stats.selfCheck->accuracyScale : 1.0;
            offline::CsvFile p(o.out);
            int n = 0, held = 0, heldUnscaled = 0;
            for (int r = 0; r < p.rows(); ++r) {
                const double t = p.cell(r, p.column(QStringLiteral("time_s"))).toDouble();
                const auto& [from, tx, ty] = truth[size_t(std::clamp(int((t - 10000) / 20), 0, 5))];
                if (t - from < 4)
                    continue; // the first seconds at a place: the track still comes from the last one
                const double e = std::hypot(p.cell(r, p.column(QStringLiteral("x"))).toDouble() - tx,
                                            p.cell(r, p.column(QStringLiteral("y"))).toDouble() - ty);
                const double a = p.cell(r, p.column(QStringLiteral("accuracy_m"))).toDouble();
                ++n;
                held += e <= a;
                heldUnscaled += e <= a / scale;
            }
            out.holds = double(held) / std::max(1, n);
            out.holdsUnscaled = double(heldUnscaled) / std::max(1, n);
            return out;
        };
        const Outcome biased = run(8), plain = run(0);
        QVERIFY(biased.check && plain.check);
        qInfo() << "offsets 8 dB: held-out circle holds" << biased.check->circleHolds << "widened x" << biased.check->accuracyScale
                << "; scored fixes held" << biased.holds << "(unwidened" << biased.holdsUnscaled << "). No offsets: holds"
                << plain.check->circleHolds << "x" << plain.check->accuracyScale;
        QCOMPARE(biased.check->recordings, 4);
        QVERIFY2(biased.check->circleHolds < 0.6, qPrintable(QString::number(biased.check->circleHolds)));
        QVERIFY2(biased.check->accuracyScale > 1.2, qPrintable(QString::number(biased.check->accuracyScale)));
        QVERIFY2(biased.holds >= 0.6, qPrintable(QString::number(biased.holds)));
        QVERIFY2(biased.holdsUnscaled < biased.holds - 0.1, qPrintable(QString::number(biased.holdsUnscaled)));
        QVERIFY2(plain.check->circleHolds >= 0.68, qPrintable(QString::number(plain.check->circleHolds)));
        QCOMPARE(plain.check->accuracyScale, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestLocate)
#include "tst_locate.moc"
