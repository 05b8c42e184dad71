#pragma once
// The demo's screenshot driver (scripts/demo): what it shows and when, app/demo.cpp.
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"
#include "ui/mainwindow.h"

namespace ww {

// Saves screenshots of window into dir from delayS seconds on; demoOperator "STAFF:PIN" signs in,
// acknowledges the top alarm and admits a patient. Quits the application when done.
void scheduleScreenshots(MainWindow& window, AlarmController& alarms, const WardModels& models, const Site* site,
                         const QString& dir, int delayS, const QString& demoOperator);

// Its nurse's shift, once signed in (scheduleScreenshots calls it; public for tests/ui/tst_shift_ui):
// takes the first three patients and flags fallRisk, then grabs census-my-patients, alarms-filtered
// and patient-view into dir, once, and turns "my patients" off again.
void grabShift(MainWindow& window, AlarmController& alarms, const WardModels& models, const QString& dir,
               const QString& fallRisk);

} // namespace ww
