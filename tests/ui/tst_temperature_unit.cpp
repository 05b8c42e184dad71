// The temperature unit applied live, offscreen: the main window with a patient's body temperature,
// a room too warm, a fridge too warm and a fever alarm; °F is chosen and saved through the real
// settings dialog (File > Settings), and the census (header and cell), the environment tab
// (temperature, target, status), the alarm list's condition texts and the charts' axes show °F at
// once, without a restart; then °C again the same way. What the alarm log keeps stays °C.
// WW_SCREENSHOT_DIR=DIR saves the census and the environment tab in °F there (docs/screenshots/
// units-fahrenheit.png, units-fahrenheit-environment.png).
#include "domain/conditiontext.h"
#include "domain/units.h"
#include "ui_station.h"
#include "ui/alarmwidgets.h"
#include "ui/mainwindow.h"
#include "ui/setpointdialog.h"
#include "ui/settingsdialog.h"
#include "ui/trendviews.h"

#include <QAbstractAxis>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <algorithm>

using namespace ww;

namespace {

AlarmState alarm(const QString& id, const QString& code, const QStringList& args, qint64 onset)
{
    AlarmRaise r;
    r.setCondition(code, args);
    AlarmState a;
    a.id = id;
    a.rule = QStringLiteral("rule.") + id;
    a.priority = Priority::Medium;
    a.category = code.startsWith(u"vital") ? AlarmCategory::Patient : AlarmCategory::Environment;
    a.condition = r.condition;
    a.conditionCode = r.conditionCode;
    a.conditionArgs = r.conditionArgs;
    a.subject = QStringLiteral("subject ") + id;
    a.onsetMs = onset;
    a.stationId = QStringLiteral("units-station");
    a.revision = 1;
    return a;
}

int rowOf(const QAbstractItemModel& m, int column, const QString& text)
{
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, column).data().toString() == text)
            return r;
    return -1;
}

void shoot(QWidget& w, const QString& name)
{
    if (const QString dir = qEnvironmentVariable("WW_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(w.grab().save(dir + u'/' + name));
}

} // namespace

class TestTemperatureUnit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        QSettings().clear();
        QCOMPARE(temperatureUnit(), TemperatureUnit::Celsius);
    }

    void fahrenheitFromTheSettingsDialogAndBack()
    {
        test::UiStation st(QStringLiteral("units-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const qint64 now = st.clock.nowMs();

        // A patient at 37.0 °C (trend: 36.5 then 37.0), a room at 25.0 °C against 20–24, a fridge at 9.1 °C.
        int patientRow = -1, roomRow = -1;
        for (int r = 0; r < st.models.patients.rowCount() && patientRow < 0; ++r)
            if (!st.models.patients.rowAt(r).vacant())
                patientRow = r;
        for (int r = 0; r < st.models.environment.rowCount() && roomRow < 0; ++r)
            if (st.models.environment.rowAt(r).kind == EnvKind::Room)
                roomRow = r;
        QVERIFY(patientRow >= 0 && roomRow >= 0);
        for (const auto& [t, c] : {std::pair{now - 60'000, 36.5}, std::pair{now, 37.0}}) {
            PatientRow p = st.models.patients.rowAt(patientRow);
            p.vitals[size_t(VitalKind::Temperature)] = Reading{c, t, true};
            p.vitalsSignal = SignalState::Live;
            EnvRow e = st.models.environment.rowAt(roomRow);
            e.temperatureC = 25.0;
            e.targets.temperatureC = Range{20.0, 24.0};
            e.timeMs = t;
            e.signal = SignalState::Live;
            e.outOfTarget = QStringList{QStringLiteral("T 25.0 > 24"), QStringLiteral("RH 65.0 > 60")};
            auto u = std::make_shared<WardUpdate>();
            u->patients = {{patientRow, p}};
            u->environment = {{roomRow, e}};
            st.models.apply(u);
        }
        AlarmListModel& list = st.alarms.alarms();
        list.apply(alarm(QStringLiteral("fridge"), QStringLiteral("fridge.high"), {QStringLiteral("9.1"), QStringLiteral("8.0")}, now - 1000));
        list.apply(alarm(QStringLiteral("fever"), QStringLiteral("vital.high"), {QStringLiteral("Temp"), QStringLiteral("38.4"), QStringLiteral("38.0")},
                         now - 2000));
        list.apply(alarm(QStringLiteral("room"), QStringLiteral("climate.out-of-range"), {QStringLiteral("T 25.0 > 24, RH 65.0 > 60")},
                         now - 3000));
        QCoreApplication::processEvents();

        const PatientModel& census = st.models.patients;
        const EnvironmentModel& env = st.models.environment;
        auto conditionShown = [&](const QString& id) {
            const int r = rowOf(list, AlarmListModel::SubjectCol, QStringLiteral("subject ") + id);
            return r < 0 ? QString() : list.index(r, AlarmListModel::ConditionCol).data().toString();
        };
        auto tempHeader = [&] { return census.headerData(PatientModel::TempCol, Qt::Horizontal).toString(); };
        auto tempCell = [&] { return census.index(patientRow, PatientModel::TempCol).data().toString(); };
        auto envTemp = [&] { return env.index(roomRow, EnvironmentModel::TempCol).data().toString(); };
        auto envStatus = [&] { return env.index(roomRow, EnvironmentModel::StatusCol).data().toString(); };
        // The charts: the census's trend panels (the patient selected) and the environment chart (the room selected).
        auto* censusTable = w.findChild<QTableView*>(QStringLiteral("census"));
        auto* envTable = w.findChild<QTableView*>(QStringLiteral("environment"));
        QVERIFY(censusTable && envTable);
        censusTable->setCurrentIndex(census.index(patientRow, 0));
        envTable->setCurrentIndex(env.index(roomRow, 0));
        auto* trends = w.findChild<VitalsTrendView*>(QStringLiteral("vitalsTrend"));
        auto* envChart = w.findChild<EnvironmentChartView*>(QStringLiteral("environmentChart"));
        QVERIFY(trends && envChart);
        QCOMPARE(trends->points(VitalKind::Temperature), 2);
        auto envAxis = [&] {
            auto* view = envChart->findChild<QChartView*>();
            const auto axes = view ? view->chart()->axes(Qt::Vertical) : QList<QAbstractAxis*>{};
            return axes.isEmpty() ? QString() : axes.front()->titleText();
        };
        auto envSeries = [&] {
            auto* view = envChart->findChild<QChartView*>();
            const auto series = view ? view->chart()->series() : QList<QAbstractSeries*>{};
            return series.isEmpty() ? QString() : series.front()->name();
        };
        auto envFirstY = [&] {
            auto* view = envChart->findChild<QChartView*>();
            auto* line = view ? qobject_cast<QLineSeries*>(view->chart()->series().value(0)) : nullptr;
            return line && line->count() > 0 ? line->at(line->count() - 1).y() : -1000.0;
        };

        // The banner shows the top alarm, one of the three.
        QVERIFY(w.banner());
        auto bannerShowsOneOf = [&](const QStringList& texts) {
            const QString b = w.banner()->text();
            return std::any_of(texts.begin(), texts.end(), [&](const QString& t) { return b.contains(t); });
        };
        const QStringList celsiusTexts{QStringLiteral("Fridge 9.1 °C > 8.0 °C"), QStringLiteral("Temp 38.4 > 38.0"),
                                       QStringLiteral("T 25.0 > 24, RH 65.0 > 60")};
        const QStringList fahrenheitTexts{QStringLiteral("Fridge 48.4 °F > 46.4 °F"), QStringLiteral("Temp 101.1 > 100.4"),
                                          QStringLiteral("T 77.0 > 75.2, RH 65.0 > 60")};
        // In °C.
        QVERIFY2(bannerShowsOneOf(celsiusTexts), qPrintable(w.banner()->text()));
        QCOMPARE(tempHeader(), QStringLiteral("Temp °C"));
        QCOMPARE(tempCell(), QStringLiteral("37.0"));
        QCOMPARE(envTemp(), QStringLiteral("25.0 °C (20–24)"));
        QCOMPARE(envStatus(), QStringLiteral("T 25.0 > 24, RH 65.0 > 60"));
        QCOMPARE(conditionShown(QStringLiteral("fridge")), QStringLiteral("Fridge 9.1 °C > 8.0 °C"));
        QCOMPARE(conditionShown(QStringLiteral("fever")), QStringLiteral("Temp 38.4 > 38.0"));
        QVERIFY(trends->panelNames().contains(QStringLiteral("Temp °C")));
        QCOMPARE(envAxis(), QStringLiteral("°C"));
        QCOMPARE(envSeries(), QStringLiteral("Temperature °C"));
        QCOMPARE(envFirstY(), 25.0);

        // °F through File > Settings: saved, and shown at once.
        auto choose = [&w](const QString& unit) {
            SettingsDialog* d = w.openSettings();
            QVERIFY(d);
            auto* box = d->findChild<QComboBox*>(QStringLiteral("temperatureUnit"));
            QVERIFY(box);
            QVERIFY(!box->toolTip().contains(QStringLiteral("this version shows them in °C")));
            box->setCurrentIndex(box->findData(unit));
            QCOMPARE(box->currentData().toString(), unit);
            // The broker host is needed to save; the first run has none.
            if (auto* host = d->findChild<QLineEdit*>(QStringLiteral("host")); host->text().isEmpty())
                host->setText(QStringLiteral("127.0.0.1"));
            d->save();
            QVERIFY2(d->result() == QDialog::Accepted, qPrintable(d->statusText()));
        };
        QSignalSpy changed(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged);
        QSignalSpy headers(&census, &QAbstractItemModel::headerDataChanged);
        choose(QStringLiteral("F"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(temperatureUnit(), TemperatureUnit::Fahrenheit);
        QCOMPARE(QSettings().value(QStringLiteral("ui/temperatureUnit")).toString(), QStringLiteral("F"));
        QVERIFY(headers.count() >= 1); // the views were told to ask again
        QCOMPARE(tempHeader(), QStringLiteral("Temp °F"));
        QCOMPARE(tempCell(), QStringLiteral("98.6"));
        QCOMPARE(envTemp(), QStringLiteral("77.0 °F (68.0–75.2)"));
        QCOMPARE(envStatus(), QStringLiteral("T 77.0 > 75.2, RH 65.0 > 60"));
        QCOMPARE(conditionShown(QStringLiteral("fridge")), QStringLiteral("Fridge 48.4 °F > 46.4 °F"));
        QCOMPARE(conditionShown(QStringLiteral("fever")), QStringLiteral("Temp 101.1 > 100.4"));
        QCOMPARE(conditionShown(QStringLiteral("room")), QStringLiteral("T 77.0 > 75.2, RH 65.0 > 60"));
        QVERIFY2(bannerShowsOneOf(fahrenheitTexts), qPrintable(w.banner()->text()));
        // What the log and other stations keep: °C.
        QCOMPARE(list.find(QStringLiteral("fridge"))->condition, QStringLiteral("Fridge 9.1 °C > 8.0 °C"));
        QCOMPARE(renderCondition(QStringLiteral("fridge.high"), {QStringLiteral("9.1"), QStringLiteral("8.0")}, false),
                 QStringLiteral("Fridge 9.1 °C > 8.0 °C"));
        QVERIFY2(trends->panelNames().contains(QStringLiteral("Temp °F")), qPrintable(trends->panelNames().join(u',')));
        QCOMPARE(trends->points(VitalKind::Temperature), 2);
        QCOMPARE(envAxis(), QStringLiteral("°F"));
        QCOMPARE(envSeries(), QStringLiteral("Temperature °F"));
        QCOMPARE(envFirstY(), 77.0);
        // The setpoint is typed in °F and sent in °C (to 0.1); the field follows a change of unit while open.
        {
            const Room* room = st.site.room(env.rowAt(roomRow).id);
            QVERIFY(room);
            SetpointDialog sp(st.alarms, *room);
            QCOMPARE(sp.temperature()->suffix(), QStringLiteral(" °F"));
            QCOMPARE(sp.temperature()->value(), 71.6); // 22 °C
            QCOMPARE(sp.temperature()->minimum(), 60.8);
            QCOMPARE(sp.temperature()->maximum(), 82.4);
            sp.temperature()->setValue(72.0);
            QCOMPARE(sp.temperatureC(), 22.2);
            setTemperatureUnit(TemperatureUnit::Celsius);
            QCOMPARE(sp.temperature()->suffix(), QStringLiteral(" °C"));
            QCOMPARE(sp.temperature()->value(), 22.2);
            QCOMPARE(sp.temperatureC(), 22.2);
            setTemperatureUnit(TemperatureUnit::Fahrenheit);
            QCOMPARE(sp.temperature()->suffix(), QStringLiteral(" °F"));
        }
        QCOMPARE(changed.count(), 3);
        w.showTab(QStringLiteral("census"));
        QCoreApplication::processEvents();
        shoot(w, QStringLiteral("units-fahrenheit.png"));
        w.showTab(QStringLiteral("environment"));
        QCoreApplication::processEvents();
        shoot(w, QStringLiteral("units-fahrenheit-environment.png"));

        // And back.
        choose(QStringLiteral("C"));
        QCOMPARE(changed.count(), 4);
        QCOMPARE(temperatureUnit(), TemperatureUnit::Celsius);
        QCOMPARE(QSettings().value(QStringLiteral("ui/temperatureUnit")).toString(), QStringLiteral("C"));
        QCOMPARE(tempHeader(), QStringLiteral("Temp °C"));
        QCOMPARE(tempCell(), QStringLiteral("37.0"));
        QCOMPARE(envTemp(), QStringLiteral("25.0 °C (20–24)"));
        QCOMPARE(conditionShown(QStringLiteral("fridge")), QStringLiteral("Fridge 9.1 °C > 8.0 °C"));
        QVERIFY2(bannerShowsOneOf(celsiusTexts), qPrintable(w.banner()->text()));
        QVERIFY(trends->panelNames().contains(QStringLiteral("Temp °C")));
        QCOMPARE(envAxis(), QStringLiteral("°C"));
        QCOMPARE(envFirstY(), 25.0);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestTemperatureUnit)
#include "tst_temperature_unit.moc"
