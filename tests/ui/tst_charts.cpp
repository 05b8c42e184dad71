// Offscreen: the census's trend panels follow the selected patient, the environment chart draws a
// room from the station's trends and a fridge from the station database, and the cold-chain report
// dialog reads the record, names the excursion and saves PDF and JSON; the assets tab shows PAR levels
// and use; the German catalogue reaches the widgets.
#include "drawn.h"
#include "records/envrecord.h"
#include "models/alarmlistmodel.h"
#include "ui/mainwindow.h"
#include "domain/units.h"
#include "ui/trendviews.h"
#include "ui/coldchainreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace ww;
using test::colours;

namespace {

// Pixels of one colour in a widget as drawn.
int pixelsOf(QWidget* widget, const QColor& colour)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += line[x] == colour.rgb() ? 1 : 0;
    }
    return n;
}

int envRow(const WardModels& m, EnvKind kind)
{
    for (int r = 0; r < m.environment.rowCount(); ++r)
        if (m.environment.rowAt(r).kind == kind)
            return r;
    return -1;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trendsFollowTheSelectedPatient()
    {
        const auto loaded = SiteLoader::loadDefault();
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats, nullptr, &*loaded.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Ten minutes of vitals for patient row 1, one batch every 5 s; nothing for row 0.
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 10 * 60'000;
        for (int i = 0; i < 120; ++i) {
            PatientRow p = models.patients.rowAt(1);
            p.vitals[size_t(VitalKind::HeartRate)] = Reading{70.0 + i % 10, t0 + i * 5000, true};
            p.vitals[size_t(VitalKind::SpO2)] = Reading{i < 60 ? 97.0 : 84.0, t0 + i * 5000, true};
            p.news2 = i < 60 ? 1 : 7;
            p.news2Priority = i < 60 ? std::nullopt : std::optional(Priority::High);
            auto u = std::make_shared<WardUpdate>();
            u->patients = {{1, p}};
            models.apply(u);
        }
        VitalsTrendView* trend = w.vitalsTrend();
        QVERIFY(trend);
        w.showTab(QStringLiteral("census"));
        w.selectRow(QStringLiteral("census"), 1);
        QCOMPARE(trend->patient(), 1);
        QCOMPARE(trend->points(VitalKind::HeartRate), 120);
        QCOMPARE(trend->points(VitalKind::SpO2), 120);
        QCOMPARE(trend->points(VitalKind::RespRate), 0);
        QCOMPARE(trend->news2Points(), 120);
        // Drawn (the plot redraws on the next turn of the event loop): the heart rate's line in its
        // colour, the SpO2's in its own (ui/trendviews.cpp).
        const QColor heartRate(0x00, 0x80, 0x00), spo2(0x00, 0x66, 0xcc);
        QTRY_VERIFY_WITH_TIMEOUT(pixelsOf(trend, heartRate) > 100 && pixelsOf(trend, spo2) > 100, 3000);
        // The census colours the score by its response band, as the alarm list colours the alarm.
        const QModelIndex score = models.patients.index(1, PatientModel::News2Col);
        QCOMPARE(score.data(Qt::BackgroundRole).value<QColor>(), priorityColour(Priority::High));
        QVERIFY(!models.patients.index(0, PatientModel::News2Col).data(Qt::BackgroundRole).isValid());
        trend->setWindowMinutes(15);
        QCOMPARE(trend->points(VitalKind::HeartRate), 120);
        w.selectRow(QStringLiteral("census"), 0);
        QCOMPARE(trend->patient(), 0);
        QCOMPARE(trend->points(VitalKind::HeartRate), 0);
        // Row 0 has no vitals: redrawn without those lines, the plot itself still drawn (its axes,
        // labels and grid; a plot that drew nothing would be one colour).
        QTRY_VERIFY_WITH_TIMEOUT(pixelsOf(trend, heartRate) == 0 && pixelsOf(trend, spo2) == 0, 3000);
        QWidget* plot = nullptr;
        for (QWidget* child : trend->findChildren<QWidget*>())
            if (qstrcmp(child->metaObject()->className(), "QCustomPlot") == 0)
                plot = child;
        QVERIFY(plot);
        const int drawn = colours(plot->grab().toImage());
        QVERIFY2(drawn >= 16, qPrintable(QString::number(drawn)));
    }

    void environmentChartDrawsRoomsAndFridges()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("station.sqlite"));
        const auto loaded = SiteLoader::loadDefault();
        WardModels models(*loaded.site);
        const int room = envRow(models, EnvKind::Room), fridge = envRow(models, EnvKind::Fridge);
        QVERIFY(room >= 0 && fridge >= 0);
        const QString fridgeId = models.environment.rowAt(fridge).id;
        // The room's trend comes with the batches; the fridge's record is in the database.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 30; ++i) {
            EnvRow e = models.environment.rowAt(room);
            e.temperatureC = 22.0 + 0.1 * i;
            e.timeMs = now - (30 - i) * 60'000;
            auto u = std::make_shared<WardUpdate>();
            u->environment = {{room, e}};
            models.apply(u);
        }
        {
            EnvRecord record(db);
            for (int i = 0; i < 40; ++i)
                record.add(fridgeId, QStringLiteral("fr"), now - (40 - i) * 60'000, i >= 20 && i < 30 ? 9.0 : 5.0, std::nullopt);
            QVERIFY(record.commit());
        }
        EnvironmentChartView chart(*loaded.site, models, db);
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setPlace(room);
        QCOMPARE(chart.points(), 30);
        QVERIFY(!chart.reportButton()->isEnabled());
        QSignalSpy drawn(&chart, &EnvironmentChartView::drawn);
        chart.setPlace(fridge);
        QVERIFY(drawn.wait(5000));
        QCOMPARE(drawn.last().at(0).toInt(), 40);
        QCOMPARE(chart.points(), 40);
        QVERIFY(chart.reportButton()->isEnabled());
    }

    void reportNamesTheExcursionAndSaves()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("station.sqlite"));
        const auto loaded = SiteLoader::loadDefault();
        const Fridge& fridge = loaded.site->fridges.front();
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - 2 * 3'600'000;
        {
            EnvRecord record(db);
            for (int i = 0; i < 120; ++i)
                record.add(fridge.id, QStringLiteral("fr"), from + i * 60'000, i >= 30 && i < 45 ? fridge.maxC + 1.5 : 5.0,
                           i == 50 ? std::optional<bool>(true) : i == 52 ? std::optional<bool>(false) : std::nullopt);
            QVERIFY(record.commit());
        }
        ColdChainReportDialog d(fridge, db);
        QSignalSpy loadedSpy(&d, &ColdChainReportDialog::loaded);
        d.setPeriod(from, from + 120 * 60'000);
        QVERIFY(loadedSpy.wait(5000));
        QVERIFY(loadedSpy.last().at(0).toBool());
        QCOMPARE(d.report().samples, 120);
        QCOMPARE(d.chartPoints(), 120);
        QCOMPARE(d.report().excursions.size(), size_t(1));
        QCOMPARE(d.report().excursions[0].durationMs(), 15 * 60'000);
        QCOMPARE(d.report().door.openings, 1);
        QCOMPARE(d.report().door.longOpenings, fridge.doorOpenLimitS < 120 ? 1 : 0);
        QVERIFY2(d.text().contains(QStringLiteral("NOT COMPLIANT")), qPrintable(d.text()));
        QVERIFY(d.text().contains(fridge.name));
        const QString pdf = dir.filePath(QStringLiteral("r.pdf")), json = dir.filePath(QStringLiteral("r.json"));
        QVERIFY(d.savePdf(pdf));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        QVERIFY(d.saveJson(json));
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(j.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("excursions")).toArray().size(), 1);
        QCOMPARE(o.value(QStringLiteral("readings")).toInt(), 120);
        // In °F the shown record follows at once (the range, the peak, the days' table); the JSON stays °C.
        QVERIFY(d.text().contains(QStringLiteral("max °C")));
        setTemperatureUnit(TemperatureUnit::Fahrenheit);
        QVERIFY(loadedSpy.wait(5000));
        const QString maxF = formatTemperature(fridge.maxC, TemperatureUnit::Fahrenheit, QLocale::c());
        QVERIFY2(d.text().contains(maxF) && d.text().contains(QStringLiteral("max °F")) && !d.text().contains(QStringLiteral("°C")),
                 qPrintable(d.text()));
        QVERIFY(d.saveJson(json));
        QVERIFY(j.seek(0));
        QCOMPARE(QJsonDocument::fromJson(j.readAll()).object().value(QStringLiteral("range_c")).toArray().at(1).toDouble(), fridge.maxC);
        setTemperatureUnit(TemperatureUnit::Celsius);
        QVERIFY(loadedSpy.wait(5000));
        QVERIFY(d.text().contains(QStringLiteral("max °C")));
        // A database that cannot be read is said so, not shown as an empty record.
        ColdChainReportDialog missing(fridge, dir.filePath(QStringLiteral("absent.sqlite")));
        QSignalSpy missingSpy(&missing, &ColdChainReportDialog::loaded);
        missing.setPeriod(from, from + 60'000);
        QVERIFY(missingSpy.wait(5000));
        QVERIFY(!missingSpy.last().at(0).toBool());
        QVERIFY(missing.text().contains(QStringLiteral("absent.sqlite")));
    }

    void assetsTabShowsParLevelsAndUse()
    {
        const auto loaded = SiteLoader::loadDefault();
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats, nullptr, &*loaded.site);
        QLabel* par = w.parSummary();
        QVERIFY(par);
        QVERIFY2(par->text().contains(QStringLiteral("Infusion pumps: 0 available (target 3, critical 1)")), qPrintable(par->text()));
        QVERIFY(par->text().contains(QStringLiteral("#b00000"))); // below critical: red
        auto u = std::make_shared<WardUpdate>();
        for (int r = 0, placed = 0; r < models.assets.rowCount() && placed < 2; ++r) {
            AssetRow a = models.assets.rowAt(r);
            if (a.type != u"infusion-pump")
                continue;
            a.signal = SignalState::Live;
            a.location = Location{QStringLiteral("F1-UTILITYCLEAN"), QStringLiteral("Clean utility L1"), 1, 0, 0, 1, 1, true};
            a.status = AssetStatus::Available;
            a.utilisationPct = 42.4;
            a.observedH = 3.24;
            u->assets.push_back({r, a});
            ++placed;
        }
        models.apply(u);
        QTRY_VERIFY2(par->text().contains(QStringLiteral("Infusion pumps: 2 available")), qPrintable(par->text()));
        QVERIFY(!par->text().contains(QStringLiteral("#b00000\">Infusion")));
        const QModelIndex use = models.assets.index(u->assets.front().first, AssetModel::UseCol);
        QCOMPARE(use.data().toString(), QStringLiteral("42 % of 3.2 h"));
    }

    // The German catalogue reaches the widgets at run time: its contexts are the ones tr() uses
    // ("ww::MainWindow"), which a catalogue made without the headers did not have.
    void germanReachesTheWindowAndTheReport()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(WW_QM_DIR "/wardwatch_de.qm")));
        QCoreApplication::installTranslator(&german);
        const auto loaded = SiteLoader::loadDefault();
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats, nullptr, &*loaded.site);
        QStringList tabs;
        for (int i = 0; i < w.tabs()->count(); ++i)
            tabs << w.tabs()->tabText(i);
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(tabs.contains(QStringLiteral("Belegung")), qPrintable(tabs.join(u',')));
        QVERIFY(!tabs.contains(QStringLiteral("Census")));
        QCoreApplication::installTranslator(&german);
        coldchain::Options o;
        const QString text = coldchain::toText(coldchain::buildReport({}, {}, 0, 3'600'000, o), QStringLiteral("K1"));
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(text.contains(QStringLiteral("NICHT KONFORM")), qPrintable(text));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
