// The demo's screenshot driver (wardwatch --screenshots DIR): census and alarms, then (with
// --demo-operator) a sign-in, an acknowledgement of the top alarm and an admission through the
// census's dialog, then the nurse's shift (three patients taken, "my patients", the alarm list
// narrowed, one patient's view), then every tab, the fridge's compliance report and the history; then quit.
#include "app/demo.h"
#include "ui/alarmwidgets.h"
#include "ui/censusdialogs.h"
#include "ui/coldchainreport.h"
#include "ui/floorplanview.h"
#include "records/climaterecord.h"
#include "ui/climateheatmap.h"
#include "ui/climatereview.h"
#include "ui/patientview.h"
#include "ui/shiftdialogs.h"
#include "ui/trendviews.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QTextStream>
#include <QTimer>
#include <memory>

namespace ww {

namespace {

// The floor plan on the most urgent alarm's floor, centred on it, with the nearest staff member's
// route; grabbed while the alarm is lit (the flash clock's phase), so the picture shows it.
void grabPlanAlarm(MainWindow& window, AlarmController& alarms, const QString& dir)
{
    const AlarmState* top = alarms.alarms().topSignalling();
    if (!window.floorPlan() || !top)
        return;
    window.showTab(QStringLiteral("floorplan"));
    window.floorPlan()->showAlarm(top->id);
    const Priority p = top->priority;
    auto grab = [&window, dir] {
        const QString path = QDir(dir).filePath(QStringLiteral("floorplan-alarm.png"));
        window.grab().save(path);
        QTextStream(stdout) << "screenshot: " << path << Qt::endl;
    };
    if (alarms.flashClock().lit(p)) {
        grab();
        return;
    }
    // At its next lit phase (within one period), or not at all once the alarm stops flashing.
    auto* once = new QObject(&window);
    QObject::connect(&alarms.flashClock(), &FlashClock::ticked, once, [&alarms, p, grab, once] {
        if (alarms.flashClock().lit(p)) {
            grab();
            once->deleteLater();
        }
    });
    QTimer::singleShot(2000, once, [once] { once->deleteLater(); });
}

// One floor zoomed in on its busiest part, and the result of a Find.
void grabPlanZoomAndFind(MainWindow& window, const WardModels& models, const QString& dir, QStringList& saved)
{
    FloorPlanView* plan = window.floorPlan();
    if (!plan)
        return;
    window.showTab(QStringLiteral("floorplan"));
    const Floor* lowest = nullptr;
    for (const Floor& f : plan->scene()->site().floors)
        if (!lowest || f.level < lowest->level)
            lowest = &f;
    if (!lowest)
        return;
    plan->showFloor(lowest->level);
    plan->view()->zoomBy(2.2, plan->toViewport(lowest->level, QPointF(lowest->width / 5, lowest->height / 2)));
    QString path = QDir(dir).filePath(QStringLiteral("floorplan-zoomed.png"));
    window.grab().save(path);
    saved << path;
    // A located staff member, found by name.
    for (const StaffRow& s : models.staff.rows())
        if (s.location.known && s.signal == SignalState::Live) {
            plan->find(s.name);
            break;
        }
    path = QDir(dir).filePath(QStringLiteral("floorplan-find.png"));
    window.grab().save(path);
    saved << path;
    plan->showFloor(std::nullopt);
}

void grabTab(MainWindow& window, const QString& dir, const QString& tab, const QString& file, QStringList& saved)
{
    window.showTab(tab);
    const QString path = QDir(dir).filePath(file + QStringLiteral(".png"));
    window.grab().save(path);
    saved << path;
}

} // namespace

// The signed-in nurse's shift: takes the first three patients, flags the one the simulator gets out
// of bed (fallRisk: fall risk, bed exit armed: her bed-exit alarm is high), grabs the census with "my
// patients" on and the alarm list narrowed to them and unacknowledged, opens the first one's patient
// view and grabs it once its past alarms are loaded; then "my patients" goes off again.
void grabShift(MainWindow& window, AlarmController& alarms, const WardModels& models, const QString& dir,
               const QString& fallRisk)
{
    if (!window.shift() || alarms.operatorId().isEmpty())
        return;
    QStringList ids;
    for (const PatientRow& p : models.patients.rows())
        if (!p.vacant() && ids.size() < 3)
            ids << p.id;
    if (ids.isEmpty())
        return;
    // Each change asked for below (the takes, the flags) is answered by one careResult; the demo
    // makes no other care-plan changes meanwhile. The grabs are set up exactly once, on the result
    // that completes that count, whatever order the results come in: the connection is cut there
    // and then. A context object's deleteLater would not stop it, since its deferred delete is
    // queued behind results the core's thread has already posted, which would run the grabs a
    // second time (and can leave "my patients" on after the patient view turned it off). Waiting
    // for the flags as well means the census grab, after the next batch, always shows the fall risk.
    auto pending = std::make_shared<int>(int(ids.size()) + (fallRisk.isEmpty() ? 0 : 1));
    auto results = std::make_shared<QMetaObject::Connection>();
    *results = QObject::connect(&alarms, &AlarmController::careResult, &window, [&window, &models, dir, ids, pending, results](bool ok, const QString& text) {
        QTextStream(stdout) << "demo's care-plan change: " << (ok ? "" : "refused: ") << text << Qt::endl;
        if (--*pending > 0)
            return;
        QObject::disconnect(*results);
        // The rows come with the core's next batch: grab after it.
        QObject::connect(&models, &WardModels::applied, &window, [&window, dir, ids] {
            QStringList saved;
            window.shift()->myPatientsAction()->setChecked(true);
            grabTab(window, dir, QStringLiteral("census"), QStringLiteral("census-my-patients"), saved);
            if (auto* unacked = window.alarmPanel()->findChild<QCheckBox*>(QStringLiteral("filterUnacknowledged")))
                unacked->setChecked(true);
            grabTab(window, dir, QStringLiteral("alarms"), QStringLiteral("alarms-filtered"), saved);
            if (auto* unacked = window.alarmPanel()->findChild<QCheckBox*>(QStringLiteral("filterUnacknowledged")))
                unacked->setChecked(false);
            QTextStream(stdout) << "screenshot: " << saved.join(QStringLiteral(", ")) << Qt::endl;
            PatientView* view = window.showPatient(ids.front());
            if (!view)
                return;
            // Grabbed when both the log's past alarms and the core's track are in.
            auto waiting = std::make_shared<int>(2);
            auto grab = [&window, view, dir, waiting] {
                if (--*waiting > 0)
                    return;
                const QString path = QDir(dir).filePath(QStringLiteral("patient-view.png"));
                view->grab().save(path);
                QTextStream(stdout) << "screenshot: " << path << Qt::endl;
                view->close();
                window.shift()->myPatientsAction()->setChecked(false);
            };
            QObject::connect(view, &PatientView::pastAlarmsLoaded, &window, grab, Qt::SingleShotConnection);
            QObject::connect(view, &PatientView::trackLoaded, &window, grab, Qt::SingleShotConnection);
        }, Qt::SingleShotConnection);
    });
    for (const QString& id : ids)
        alarms.takePatient(id);
    if (!fallRisk.isEmpty()) {
        QTextStream(stdout) << "demo flags " << fallRisk << ": fall risk, bed exit armed" << Qt::endl;
        alarms.setRiskFlags(fallRisk, true, false, true);
    }
}

void scheduleScreenshots(MainWindow& window, AlarmController& alarms, const WardModels& models, const Site* site, const QString& dir,
                         int delayS, const QString& demoOperator)
{
    QDir().mkpath(dir);
    QTimer::singleShot(delayS * 1000, &window, [&window, &alarms, dir] {
        QStringList saved;
        window.selectRow(QStringLiteral("census"), 1); // the demo's desaturating patient: her trends below
        grabTab(window, dir, QStringLiteral("census"), QStringLiteral("census-1"), saved);
        grabTab(window, dir, QStringLiteral("alarms"), QStringLiteral("alarms-1"), saved);
        QTextStream(stdout) << "screenshot: " << saved.join(QStringLiteral(", ")) << Qt::endl;
        grabPlanAlarm(window, alarms, dir);
    });
    if (!demoOperator.isEmpty()) {
        QTimer::singleShot(delayS * 1500, &window, [&window, &alarms, &models, site, dir, demoOperator] {
            const QStringList parts = demoOperator.split(u':');
            QObject::connect(&alarms, &AlarmController::signInFinished, &alarms, [&window, &alarms, &models, site, dir](bool ok, const QString& text) {
                QTextStream(stdout) << "demo sign-in: " << text << Qt::endl;
                if (const AlarmState* top = alarms.alarms().at(0); ok && top) {
                    QTextStream(stdout) << "demo acknowledges: " << top->id << " (" << top->condition << ")" << Qt::endl;
                    alarms.acknowledge(top->id);
                }
                // Then takes patients (grabbed once the admission is through), and admits a patient
                // into the first vacant bed, through the census's dialog.
                if (ok)
                    QObject::connect(&alarms, &AlarmController::censusResult, &window, [&window, &alarms, &models, dir, site] {
                        // wardsim's demo scenario gets the site's third patient out of bed (20 s to 80 s).
                        grabShift(window, alarms, models, dir,
                                  site && site->patients.size() > 2 ? site->patients[2].id : QString());
                    }, Qt::SingleShotConnection);
                if (ok && site && !models.patients.rows().empty()) {
                    int vacant = -1;
                    for (int r = 0; r < models.patients.rowCount() && vacant < 0; ++r)
                        if (models.patients.rowAt(r).vacant())
                            vacant = r;
                    if (vacant < 0)
                        return;
                    auto* admit = new CensusDialog(CensusDialog::Mode::Admit, alarms, models, *site, vacant, &window);
                    admit->idEdit()->setText(QStringLiteral("P101"));
                    admit->nameEdit()->setText(QStringLiteral("Rosa Lindqvist"));
                    if (const int m = admit->monitorBox()->findData(site->spareMonitors.value(0)); m >= 0)
                        admit->monitorBox()->setCurrentIndex(m);
                    admit->show();
                    admit->grab().save(QDir(dir).filePath(QStringLiteral("census-admit.png")));
                    QObject::connect(admit, &QDialog::finished, admit, &QObject::deleteLater);
                    QObject::connect(admit, &QDialog::accepted, &window, [] {
                        QTextStream(stdout) << "demo admits: Rosa Lindqvist (P101)" << Qt::endl;
                    });
                    admit->submit();
                }
            }, Qt::SingleShotConnection);
            alarms.signIn(parts.value(0), parts.value(1));
        });
    }
    QTimer::singleShot(delayS * 2000, &window, [&window, &alarms, &models, site, dir] {
        QStringList saved;
        grabTab(window, dir, QStringLiteral("census"), QStringLiteral("census-2"), saved);
        grabTab(window, dir, QStringLiteral("alarms"), QStringLiteral("alarms-2"), saved);
        // The environment tab with the first fridge's chart.
        const auto& env = models.environment;
        int fridge = -1;
        for (int r = 0; r < env.rowCount() && fridge < 0; ++r)
            if (env.rowAt(r).kind == EnvKind::Fridge)
                fridge = r;
        // The other tabs once the fridge's chart (a query on a worker) is drawn.
        auto rest = [&window, &alarms, &models, site, dir, fridge, saved]() mutable {
            const auto& rows = models.environment;
            grabPlanZoomAndFind(window, models, dir, saved);
            for (const char* tab : {"floorplan", "staff", "assets", "environment", "devices"})
                grabTab(window, dir, QLatin1String(tab), QLatin1String(tab), saved);
            auto history = [&window, dir](QStringList shots) {
                QObject::connect(window.history(), &HistoryView::refreshed, &window, [&window, dir, shots]() mutable {
                    const QString path = QDir(dir).filePath(QStringLiteral("history.png"));
                    window.grab().save(path);
                    shots << path;
                    QTextStream(stdout) << "screenshot: " << shots.join(QStringLiteral(", ")) << Qt::endl;
                    QCoreApplication::quit();
                });
                window.showTab(QStringLiteral("history"));
            };
            // A room's week and its floor's heat map from the climate record (the demo script writes
            // a week of simulated history into it before the station starts), then the history.
            auto climate = [&window, &alarms, site, dir, history](QStringList shots) {
                if (!site || alarms.logPath().isEmpty()) {
                    history(shots);
                    return;
                }
                auto* review = new ClimateReviewDialog(*site, climatePathFor(alarms.logPath()), QStringLiteral("R103"),
                                                       alarms.clock().nowMs(), &window);
                auto waiting = std::make_shared<int>(2);
                auto grab = [review, dir, shots, history, waiting]() mutable {
                    if (--*waiting > 0)
                        return;
                    review->heatMap()->replotNow();
                    // The chart's scene lays out its new axis labels and legend on the next events.
                    QCoreApplication::processEvents();
                    QCoreApplication::processEvents();
                    const QString path = QDir(dir).filePath(QStringLiteral("climate-review.png"));
                    review->grab().save(path);
                    shots << path;
                    review->deleteLater();
                    history(shots);
                };
                QObject::connect(review, &ClimateReviewDialog::chartLoaded, &window, grab, Qt::SingleShotConnection);
                QObject::connect(review, &ClimateReviewDialog::heatMapLoaded, &window, grab, Qt::SingleShotConnection);
                review->show();
            };
            // The fridge's compliance record of the last hour, from the station database.
            const Fridge* f = fridge >= 0 && site ? site->fridge(rows.rowAt(fridge).id) : nullptr;
            if (!f || alarms.logPath().isEmpty()) {
                climate(saved);
                return;
            }
            auto* report = new ColdChainReportDialog(*f, alarms.readingsPath(), &window);
            QObject::connect(report, &ColdChainReportDialog::loaded, &window, [report, dir, saved, climate]() mutable {
                const QString path = QDir(dir).filePath(QStringLiteral("coldchain-report.png"));
                report->grab().save(path);
                saved << path;
                const QString pdf = QDir(dir).filePath(QStringLiteral("coldchain-report.pdf"));
                if (report->savePdf(pdf))
                    saved << pdf;
                report->deleteLater();
                climate(saved);
            }, Qt::SingleShotConnection);
            report->show();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            report->setPeriod(now - 3'600'000, now);
        };
        EnvironmentChartView* chart = window.environmentChart();
        if (!chart || fridge < 0) {
            rest();
            return;
        }
        QObject::connect(chart, &EnvironmentChartView::drawn, &window, rest, Qt::SingleShotConnection);
        window.selectRow(QStringLiteral("environment"), fridge);
    });
}


} // namespace ww
