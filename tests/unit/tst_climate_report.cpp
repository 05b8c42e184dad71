// A room's climate compliance against a case computed by hand: an hour of readings every minute,
// the temperature above 24 °C from minute 20 to 30 (peak 25.6), the humidity below 30 % at the end
// (still outside), a 20-minute gap in the CO2 readings; the acknowledgement of the climate alarm
// found in a log; the room's door openings over the period and during each excursion; and `wardctl
// climate` making the same from a logger's CSV (a door column too), naming a bad line.
#include "climatecmd.h"
#include "offline.h"
#include "records/climatereport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z
constexpr qint64 Min = 60'000;

std::array<std::vector<ClimatePoint>, ClimateQuantityCount> hour()
{
    std::array<std::vector<ClimatePoint>, ClimateQuantityCount> s;
    for (int m = 0; m < 60; ++m) {
        const qint64 t = T0 + m * Min;
        const double temp = m >= 20 && m < 30 ? 25.0 + (m == 24 ? 0.6 : 0.0) : 22.0;
        s[0].push_back({t, temp, temp, temp, 1});
        const double rh = m >= 55 ? 28.0 : 45.0;
        s[1].push_back({t, rh, rh, rh, 1});
        if (m < 10 || m >= 30) // no CO2 readings from minute 10 to 30
            s[2].push_back({t, 600, 600, 600, 1});
    }
    return s;
}

ClimateTargets targets()
{
    ClimateTargets t;
    t.temperatureC.min = 21;
    t.temperatureC.max = 24;
    t.humidityPct.min = 30;
    t.humidityPct.max = 60;
    t.co2Ppm.max = 1000;
    return t;
}

} // namespace

class TestClimateReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void figuresAgainstAHandComputedHour()
    {
        // A reading holds at most 5 minutes: the CO2 gap leaves 15 of its 20 minutes uncovered.
        const ClimateReport r = buildClimateReport(QStringLiteral("Room 103"), QStringLiteral("patient"), hour(), targets(), T0,
                                                   T0 + 60 * Min, 5 * Min);
        QCOMPARE(r.quantities.size(), size_t(3));
        const QuantityCompliance& t = r.quantities[0];
        QCOMPARE(t.readings, 60);
        QCOMPARE(t.coveredMs, 60 * Min);
        QCOMPARE(t.inRangeMs, 50 * Min);
        QCOMPARE(t.max, 25.6);
        QCOMPARE(t.min, 22.0);
        QCOMPARE(t.mean, (50 * 22.0 + 9 * 25.0 + 25.6) / 60);
        const QuantityCompliance& rh = r.quantities[1];
        QCOMPARE(rh.inRangeMs, 55 * Min);
        const QuantityCompliance& co2 = r.quantities[2];
        QCOMPARE(co2.readings, 40);
        QCOMPARE(co2.coveredMs, 44 * Min); // 39 readings holding a minute, minute 9 holding 5 into the gap
        QCOMPARE(co2.inRangeMs, 44 * Min);
        QCOMPARE(r.excursions.size(), size_t(2));
        const ClimateExcursion& hot = r.excursions[0];
        QCOMPARE(int(hot.quantity), int(ClimateQuantity::Temperature));
        QCOMPARE(hot.fromMs, T0 + 20 * Min);
        QCOMPARE(hot.toMs, T0 + 30 * Min);
        QCOMPARE(hot.peak, 25.6);
        QVERIFY(hot.above && !hot.ongoing);
        const ClimateExcursion& dry = r.excursions[1];
        QCOMPARE(int(dry.quantity), int(ClimateQuantity::Humidity));
        QCOMPARE(dry.fromMs, T0 + 55 * Min);
        QCOMPARE(dry.toMs, T0 + 60 * Min);
        QVERIFY(!dry.above && dry.ongoing);
        QCOMPARE(dry.peak, 28.0);

        // The climate alarm raised after the grace time and acknowledged by Freya Rossi.
        ClimateReport withAcks = r;
        LogEntry ack;
        ack.kind = QStringLiteral("acknowledged");
        ack.utcMs = T0 + 28 * Min;
        ack.operatorId = QStringLiteral("S13");
        ack.operatorName = QStringLiteral("Freya Rossi");
        ack.state.rule = QStringLiteral("env.climate");
        ack.state.roomId = QStringLiteral("R103");
        ack.state.onsetMs = T0 + 20 * Min;
        LogEntry other = ack; // another room's: not this report's
        other.state.roomId = QStringLiteral("R104");
        other.operatorName = QStringLiteral("Somebody Else");
        attachAcknowledgements(withAcks, QStringLiteral("R103"), {other, ack});
        QCOMPARE(withAcks.excursions[0].ackedBy, QStringLiteral("Freya Rossi"));
        QCOMPARE(withAcks.excursions[0].ackedAtMs, T0 + 28 * Min);
        QVERIFY(withAcks.excursions[1].ackedBy.isEmpty());
        QVERIFY(withAcks.text().contains(QStringLiteral("acknowledged by Freya Rossi")));
        QVERIFY(withAcks.csv().contains("\"Room 103\",excursion,temperature_c,,,,,,,,,2026-11-27 00:20:00,2026-11-27 00:30:00,25.60,above,no,\"Freya Rossi\""));
    }

    void aggregatesAreJudgedByTheirMinAndMax()
    {
        // Two hours of hourly aggregates: the first has a 40-minute spell at 27 °C inside (its
        // mean in range, its max not), the second none.
        std::array<std::vector<ClimatePoint>, ClimateQuantityCount> s;
        s[0].push_back({T0, 22.0, 23.5, 27.0, 60});
        s[0].push_back({T0 + 60 * Min, 22.0, 22.5, 23.0, 60});
        const ClimateReport r = buildClimateReport(QStringLiteral("Room 103"), QStringLiteral("patient"), s, targets(), T0,
                                                   T0 + 120 * Min, 120 * Min);
        QCOMPARE(r.quantities[0].readings, 120);
        QCOMPARE(r.quantities[0].inRangeMs, 60 * Min);
        QCOMPARE(r.quantities[0].max, 27.0);
        QCOMPARE(r.quantities[0].mean, 23.0);
        QCOMPARE(r.excursions.size(), size_t(1));
        QCOMPARE(r.excursions[0].peak, 27.0);
        QCOMPARE(r.excursions[0].toMs, T0 + 60 * Min);
    }

    void doorOpeningsOverThePeriodAndDuringExcursions()
    {
        ClimateReport r = buildClimateReport(QStringLiteral("Isolation 211"), QStringLiteral("patient"), hour(), targets(), T0,
                                             T0 + 60 * Min, 15 * Min);
        QCOMPARE(r.excursions.size(), size_t(2)); // the temperature (minutes 20 to 30), the humidity (55 on)
        // Open already before the hour until minute 2 (a long one, but it began before the period),
        // minute 22 for 30 s, minute 25 for 7 min (long at 5 min), minute 57 to the end.
        const std::vector<coldchain::DoorSample> doors{{T0 - 10 * Min, true},       {T0 + 2 * Min, false},
                                                       {T0 + 22 * Min, true},       {T0 + 22 * Min + 30'000, false},
                                                       {T0 + 25 * Min, true},       {T0 + 32 * Min, false},
                                                       {T0 + 57 * Min, true}};
        attachDoors(r, doors, 5 * Min);
        QVERIFY(r.door);
        QCOMPARE(r.door->openings, 3);
        QCOMPARE(r.door->longOpenings, 1);
        QCOMPARE(r.door->longestMs, 7 * Min);
        QCOMPARE(r.door->openMs, 2 * Min + 30'000 + 7 * Min + 3 * Min);
        QCOMPARE(r.excursions[0].doorOpenings, 2); // minutes 22 and 25 fall in 20 to 30
        QCOMPARE(r.excursions[1].doorOpenings, 1); // open from minute 57, inside 55 to the end
        QVERIFY2(r.text().contains(QStringLiteral("Door openings: 3, 1 longer than 5 min; open 12 min 30 s in all, longest 7 min 0 s")),
                 qPrintable(r.text()));
        QVERIFY(r.text().contains(QStringLiteral("door opened 2 times")));
        // CSV: every row as wide as the header; the door row's figures at the end.
        const QList<QByteArray> lines = r.csv().trimmed().split('\n');
        const qsizetype columns = lines[0].count(',');
        for (const QByteArray& line : lines)
            QCOMPARE(line.count(','), columns);
        QVERIFY2(lines.last().startsWith("\"Isolation 211\",door,"), lines.last().constData());
        QVERIFY2(lines.last().endsWith(",3,1,750,420"), lines.last().constData());
        const QJsonObject j = r.json();
        QCOMPARE(j.value(u"door").toObject().value(u"openings").toInt(), 3);
        QCOMPARE(j.value(u"excursions").toArray().at(0).toObject().value(u"doorOpenings").toInt(), 2);
        // Without door contacts the report says nothing of doors.
        const ClimateReport none = buildClimateReport(QStringLiteral("Room 103"), QStringLiteral("patient"), hour(), targets(), T0,
                                                      T0 + 60 * Min, 15 * Min);
        QVERIFY(!none.text().contains(QStringLiteral("Door")));
        QVERIFY(!none.json().contains(u"door"));
    }

    void wardctlFromALoggersCsv()
    {
        const QString path = m_dir.filePath(QStringLiteral("logger.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time_s,temperature_c,humidity_pct\n");
            for (int m = 0; m < 60; ++m)
                f.write(QByteArray::number((T0 + m * Min) / 1000) + ',' + (m >= 20 && m < 30 ? "25.0" : "22.0") + ",45\n");
        }
        offline::ClimateOptions o;
        o.readings = path;
        o.kind = QStringLiteral("patient");
        o.name = QStringLiteral("Room 103 logger");
        o.jsonOut = m_dir.filePath(QStringLiteral("r.json"));
        o.csvOut = m_dir.filePath(QStringLiteral("r.csv"));
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(offline::climate(o, out, err), 0);
        QVERIFY2(outText.contains(QStringLiteral("Excursions: 1")), qPrintable(outText));
        QFile json(o.jsonOut);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject j = QJsonDocument::fromJson(json.readAll()).object();
        const QJsonObject t = j.value(u"quantities").toArray().at(0).toObject();
        QCOMPARE(t.value(u"quantity").toString(), QStringLiteral("temperature_c"));
        // The default ward's patient rooms: 21-24 °C; the last reading holds 1 ms (to = last + 1 ms).
        QCOMPARE(t.value(u"inRangeS").toDouble(), 49 * 60 + 0.001);
        QVERIFY(QFile::exists(o.csvOut));

        // An isolation room's logger with its door: openings counted, and how often the door opened
        // while the pressure difference was lost. A long opening by the site's limit (300 s) unless given.
        const QString iso = m_dir.filePath(QStringLiteral("iso.csv"));
        {
            QFile f(iso);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time_s,diff_pressure_pa,door\n");
            for (int m = 0; m < 60; ++m) {
                const bool open = (m >= 10 && m < 12) || (m >= 30 && m < 37);
                f.write(QByteArray::number((T0 + m * Min) / 1000) + ',' + (open ? "-0.5" : "-6.0") + ',' + (open ? "open" : "closed") + '\n');
            }
        }
        o.readings = iso;
        o.kind = QStringLiteral("isolation");
        o.jsonOut = m_dir.filePath(QStringLiteral("iso.json"));
        o.csvOut.clear();
        outText.clear();
        QCOMPARE(offline::climate(o, out, err), 0);
        QVERIFY2(outText.contains(QStringLiteral("Door openings: 2, 1 longer than 5 min")), qPrintable(outText));
        QVERIFY2(outText.contains(QStringLiteral("Excursions: 2")), qPrintable(outText));
        QVERIFY(outText.contains(QStringLiteral("door opened 1 times")));
        o.doorLimitS = 600;
        outText.clear();
        QCOMPARE(offline::climate(o, out, err), 0);
        QVERIFY2(outText.contains(QStringLiteral("Door openings: 2, 0 longer than 10 min")), qPrintable(outText));
        o.doorLimitS = -1;
        {
            QFile f(iso);
            QVERIFY(f.open(QIODevice::Append));
            f.write(QByteArray::number((T0 + 60 * Min) / 1000) + ",-6.0,ajar\n");
        }
        errText.clear();
        QCOMPARE(offline::climate(o, out, err), offline::BadInput);
        QVERIFY2(errText.contains(QStringLiteral("iso.csv:62: door \"ajar\" is not open, closed, 1 or 0")), qPrintable(errText));

        // A bad value names the file, its line and the column; an unknown kind is said.
        QFile bad(m_dir.filePath(QStringLiteral("bad.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("time_s,co2_ppm\n1795737600,600\n1795737660,lots\n");
        bad.close();
        o.readings = bad.fileName();
        o.jsonOut.clear();
        o.csvOut.clear();
        errText.clear();
        QCOMPARE(offline::climate(o, out, err), offline::BadInput);
        QVERIFY2(errText.contains(QStringLiteral("bad.csv:3: co2_ppm \"lots\"")), qPrintable(errText));
        o.kind = QStringLiteral("ballroom");
        errText.clear();
        QCOMPARE(offline::climate(o, out, err), offline::BadInput);
        QVERIFY2(errText.contains(QStringLiteral("\"ballroom\" is not a room kind")), qPrintable(errText));
    }
};

QTEST_GUILESS_MAIN(TestClimateReport)
#include "tst_climate_report.moc"
