// wardctl locate: its input checks (file, line, reason) and what it writes, with gateways that
// advertise and a site's reference beacons.
#include "domain/site.h"
#include "offline.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
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
            {"time_s,gateway_id,tag_id,rssi\n1,a,t,-60\n0.5,b,t,-61\n", QStringLiteral("R.csv:3: time_s 0.500 is before")},
            {"time_s,gateway_id,tag_id,rssi\n1,zz,t,-60\n", QStringLiteral("R.csv:2: unknown gateway \"zz\"")},
            {"time_s,gateway_id,tag_id,rssi\n1,a,t,loud\n", QStringLiteral("R.csv:2: rssi \"loud\" is not a number")},
            {"time_s,gateway_id,rssi\n1,a,-60\n", QStringLiteral("R.csv:1: missing column \"tag_id\"")},
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
            QVERIFY2(out.contains("wardctl locate --gateways"), out.constData());
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
};

QTEST_GUILESS_MAIN(TestLocate)
#include "tst_locate.moc"
