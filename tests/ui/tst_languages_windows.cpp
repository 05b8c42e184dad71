// What stays open across a language switch, offscreen: the windows the main window opens (setpoint,
// climate review and reports, cold chain, shift windows, user guide, patient and its limits, an
// alarm's details) stay open and follow the language, keeping what was typed or chosen in them; the
// floor plan built again keeps its floor, zoom and place.
#include "language_support.h"
#include "records/climaterecord.h"
#include "ui/alarmwidgets.h"
#include "ui/climatereportview.h"
#include "ui/climatereview.h"
#include "ui/coldchainreport.h"
#include "ui/floorplanview.h"
#include "ui/patientview.h"
#include "ui/setpointdialog.h"
#include "ui/shiftreportview.h"
#include "ui/trendviews.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QMap>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>

#include <array>
#include <cmath>

using namespace ww;
using namespace ww::test;

class TestLanguageWindows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        setTranslationsDirectory(QStringLiteral(WW_QM_DIR));
    }

    // The windows the main window opens stay open across a switch and follow it: every text they
    // own in the new language, what was chosen or typed in them kept; back in English, English.
    void openWindowsFollowTheLanguage()
    {
        test::UiStation st(QStringLiteral("lang-windows"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        raiseAlarms(st);
        const QString patient = st.site.patients.front().id;
        QVERIFY(w.showPatient(patient));
        w.patientView(patient)->findChild<QPushButton*>(QStringLiteral("limits"))->click(); // its NEWS2 inputs and limits
        QVERIFY(w.findChild<PatientAlarmDialog*>());
        // The environment's windows: a room's setpoint and climate review (of a record with no
        // readings yet), a fridge's record.
        QVERIFY(ClimateRecord(climatePathFor(st.log)).open());
        w.showTab(QStringLiteral("environment"));
        auto rowOf = [&](EnvKind kind) {
            for (int r = 0; r < st.models.environment.rowCount(); ++r)
                if (st.models.environment.rowAt(r).kind == kind && (kind != EnvKind::Fridge || st.site.fridge(st.models.environment.rowAt(r).id)))
                    return r;
            return -1;
        };
        const int room = rowOf(EnvKind::Room), fridge = rowOf(EnvKind::Fridge);
        QVERIFY(room >= 0 && fridge >= 0);
        auto click = [&](const char* button) {
            auto* b = w.environmentChart()->findChild<QPushButton*>(QLatin1String(button));
            QVERIFY(b && b->isEnabled());
            b->click();
        };
        w.selectRow(QStringLiteral("environment"), room);
        click("setpoint");
        click("climateReview");
        w.selectRow(QStringLiteral("environment"), fridge);
        click("complianceReport");
        auto* setpoint = w.findChild<SetpointDialog*>();
        auto* review = w.findChild<ClimateReviewDialog*>();
        auto* coldChain = w.findChild<ColdChainReportDialog*>();
        QVERIFY(setpoint && review && coldChain);
        QSignalSpy reported(coldChain, &ColdChainReportDialog::loaded);
        QVERIFY(reported.wait(5000));
        review->findChild<QPushButton*>(QStringLiteral("floorReport"))->click();
        auto* climateReport = review->findChild<ClimateReportDialog*>();
        QVERIFY(climateReport);
        // The shift's windows (signed in: they are an operator's), the user guide and an alarm's
        // details on the plan.
        st.alarms.signIn(st.site.staff[1].id, QStringLiteral("246802"));
        QTRY_VERIFY(!st.alarms.operatorId().isEmpty());
        st.alarms.takeCharge(); // the charge nurse assigns
        QTRY_COMPARE(st.alarms.chargeNurseId(), st.alarms.operatorId());
        for (const char* action : {"takePatients", "assign", "shiftReport"}) {
            auto* a = w.findChild<QAction*>(QLatin1String(action));
            QVERIFY2(a, action);
            a->trigger();
        }
        w.showUserGuide();
        QVERIFY(w.floorPlan()->showAlarmDetails(QStringLiteral("a1")));
        auto shiftReport = [] {
            for (QWidget* t : QApplication::topLevelWidgets())
                if (auto* r = qobject_cast<ShiftReportView*>(t))
                    return r;
            return static_cast<ShiftReportView*>(nullptr);
        };
        QVERIFY(shiftReport());
        // What the nurse chose or typed, to be kept.
        setpoint->temperature()->setValue(23.5);
        setpoint->reason()->setText(QStringLiteral("too warm"));
        setpoint->ventilation()->setCurrentIndex(2);
        coldChain->findChild<QComboBox*>()->setCurrentIndex(3);
        w.floorPlan()->findChild<QDialog*>(QStringLiteral("alarmDetails"))->findChild<QLineEdit*>(QStringLiteral("ackComment"))->setText(QStringLiteral("on my way"));
        QCoreApplication::processEvents();

        // Every window by its name, walked; the alarm's details and the patient are the plan's and
        // the window's again after a switch (they are built again, with what was typed).
        auto windows = [&] {
            QList<std::pair<QString, QWidget*>> out;
            auto add = [&out](const char* name, QWidget* window) { out.append({QLatin1String(name), window}); };
            add("setpoint", w.findChild<SetpointDialog*>());
            add("review", w.findChild<ClimateReviewDialog*>());
            add("climate report", w.findChild<ClimateReportDialog*>());
            add("cold chain", w.findChild<ColdChainReportDialog*>());
            add("take patients", w.findChild<QDialog*>(QStringLiteral("takePatients")));
            add("assign", w.findChild<QDialog*>(QStringLiteral("assignDialog")));
            add("shift report", shiftReport());
            add("user guide", w.findChild<QDialog*>(QStringLiteral("userGuide")));
            add("patient", w.patientView(patient));
            add("patient limits", w.findChild<PatientAlarmDialog*>());
            add("alarm details", w.floorPlan()->findChild<QDialog*>(QStringLiteral("alarmDetails")));
            return out;
        };
        auto walk = [&] {
            Walker walked;
            for (const auto& [name, window] : windows()) {
                if (!window || !window->isVisible()) {
                    walked.add(QStringLiteral("missing"), name);
                    continue;
                }
                walked.add(name + QStringLiteral(" title"), window->windowTitle());
                walked.widget(window, name);
            }
            return walked;
        };
        const QPointer<QWidget> kept[] = {setpoint, review, climateReport, coldChain, shiftReport(), w.findChild<PatientAlarmDialog*>()};
        // The reports and the review are read again in the new language: their readings come back.
        QSignalSpy coldChainRead(coldChain, &ColdChainReportDialog::loaded), climateRead(climateReport, &ClimateReportDialog::loaded),
            chartRead(review, &ClimateReviewDialog::chartLoaded), heatMapRead(review, &ClimateReviewDialog::heatMapLoaded);
        const std::array<QSignalSpy*, 4> reads{&coldChainRead, &climateRead, &chartRead, &heatMapRead};
        auto switchAndRead = [&](const QString& code) {
            for (QSignalSpy* spy : reads)
                spy->clear();
            if (!switchAndWait(w, code))
                return false;
            for (QSignalSpy* spy : reads)
                if (spy->isEmpty() && !spy->wait(5000))
                    return false;
            return true;
        };
        const Walker english = walk();
        QVERIFY2(english.texts.filter(QStringLiteral("missing: ")).isEmpty(), qPrintable(english.texts.filter(QStringLiteral("missing: ")).join(u'\n')));
        QMap<QString, QString> englishTitles;
        for (const auto& [name, window] : windows())
            englishTitles.insert(name, window->windowTitle());

        const QList<Message> german = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_de.ts"));
        const QList<Message> chinese = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_zh_CN.ts"));
        const std::pair<const char*, const QList<Message>*> languages[] = {{"de", &german}, {"zh_CN", &chinese}};
        for (const auto& [code, messages] : languages) {
            QVERIFY(switchAndRead(QString::fromLatin1(code)));
            for (const QPointer<QWidget>& k : kept)
                QVERIFY2(k && k->isVisible(), qPrintable(QString::fromLatin1(code)));
            const Walker walked = walk();
            QVERIFY2(walked.texts.filter(QStringLiteral("missing: ")).isEmpty(), qPrintable(walked.texts.filter(QStringLiteral("missing: ")).join(u'\n')));
            // WW_LANGUAGE_SCREENSHOTS=DIR: each window as DIR/window-CODE-NAME.png, to look at.
            if (const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !dir.isEmpty())
                for (const auto& [name, window] : windows())
                    QVERIFY(window->grab().save(QStringLiteral("%1/window-%2-%3.png").arg(dir, QLatin1String(code), QString(name).replace(u' ', u'-'))));
            // The shift report's text is written again in the language (its headings too).
            const QString report = shiftReport()->findChild<QTextBrowser*>()->toPlainText();
            for (const char* heading : {"Shift report", "Time to acknowledge", "Most frequent conditions", "Likely nuisance alarms", "Priority"})
                QVERIFY2(!report.contains(QLatin1String(heading)), heading);
            const QStringList left = englishLeft(walked, EnglishDetector(*messages));
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left in %2 places:\n%3")
                                                    .arg(QLatin1String(code)).arg(left.size()).arg(left.join(u'\n'))));
        }
        // Kept: the values typed and chosen.
        QCOMPARE(setpoint->temperature()->value(), 23.5);
        QCOMPARE(setpoint->reason()->text(), QStringLiteral("too warm"));
        QCOMPARE(setpoint->ventilation()->currentIndex(), 2);
        QCOMPARE(coldChain->findChild<QComboBox*>()->currentIndex(), 3);
        QCOMPARE(w.floorPlan()->findChild<QDialog*>(QStringLiteral("alarmDetails"))->findChild<QLineEdit*>(QStringLiteral("ackComment"))->text(),
                 QStringLiteral("on my way"));

        QVERIFY(switchAndRead(QStringLiteral("en")));
        for (const auto& [name, window] : windows())
            QCOMPARE(window->windowTitle(), englishTitles.value(name));
        QVERIFY(shiftReport()->findChild<QTextBrowser*>()->toPlainText().contains(QStringLiteral("Time to acknowledge")));
        const Walker again = walk();
        const QSet<QString> before(english.texts.begin(), english.texts.end()), after(again.texts.begin(), again.texts.end());
        QVERIFY2(after.size() * 10 >= before.size() * 9, qPrintable(QStringLiteral("%1 of %2").arg(after.size()).arg(before.size())));
        if (ShiftReportView* r = shiftReport())
            r->close();
    }

    // The plan built again in the new language shows the floor, the zoom and the place the nurse
    // left it at: shown during the switch, and hidden (applied when the plan is shown again).
    void planKeepsFloorAndZoom()
    {
        test::UiStation st(QStringLiteral("lang-plan"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTab(QStringLiteral("floorplan"));
        QTRY_VERIFY(w.floorPlan()->isVisible());
        FloorPlanView* plan = w.floorPlan();
        const std::optional<int> first = plan->floor();
        QVERIFY(first);
        std::optional<int> other;
        for (const Floor& f : st.site.floors)
            if (f.level != *first)
                other = f.level;
        QVERIFY(other); // a floor the plan does not open on
        plan->showFloor(*other);
        plan->view()->zoomBy(1.7);
        plan->view()->horizontalScrollBar()->setValue(plan->view()->horizontalScrollBar()->value() + 60);
        plan->view()->verticalScrollBar()->setValue(plan->view()->verticalScrollBar()->value() + 35);
        const double scale = plan->view()->scale();
        const QPointF centre = plan->centre();
        auto same = [&](const char* when) {
            FloorPlanView* now = w.floorPlan();
            QVERIFY2(now->floor() == other, when);
            QVERIFY2(qFuzzyCompare(now->view()->scale(), scale), qPrintable(QStringLiteral("%1: %2, not %3").arg(QLatin1String(when)).arg(now->view()->scale()).arg(scale)));
            // Within a pixel of where it was.
            const QPointF moved = (now->centre() - centre) * scale;
            QVERIFY2(std::abs(moved.x()) <= 1.5 && std::abs(moved.y()) <= 1.5,
                     qPrintable(QStringLiteral("%1: moved %2, %3 px").arg(QLatin1String(when)).arg(moved.x()).arg(moved.y())));
        };
        QVERIFY(switchAndWait(w, QStringLiteral("de")));
        QTRY_VERIFY(w.floorPlan()->isVisible());
        QCOMPARE(w.tabs()->currentWidget()->objectName(), QStringLiteral("floorplan"));
        same("shown");
        // Switched while the plan is hidden: kept for when it is shown.
        w.showTab(QStringLiteral("alarms"));
        QVERIFY(switchAndWait(w, QStringLiteral("zh_CN")));
        QCoreApplication::processEvents();
        w.showTab(QStringLiteral("floorplan"));
        QTRY_VERIFY(w.floorPlan()->isVisible());
        same("hidden");
        // A fit still fits (the plan is not stuck at the zoom it took over).
        w.floorPlan()->fit();
        QVERIFY(!qFuzzyCompare(w.floorPlan()->view()->scale(), scale));
        QVERIFY(switchAndWait(w, QStringLiteral("en")));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLanguageWindows)
#include "tst_languages_windows.moc"
