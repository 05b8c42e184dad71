#pragma once
// What a station shows, fed by its core: the item models (coalesced row batches) and the alarm
// controller (alarms, the signed-in operator, the GUI heartbeat the core watches). The station with
// a window and the headless station both build this.
#include "core/wardcore.h"
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"

namespace ww {

struct StationViews
{
    // sound may be null (no audio); logPath: the alarm log the history and reports read.
    StationViews(const Site& site, const Clock& clock, WardCore& core, AlarmSound* sound, const QString& logPath)
        : models(site), alarms(site, clock, &core, sound)
    {
        QObject::connect(&core, &WardCore::updatesReady, &models, &WardModels::apply);
        alarms.setLogPath(logPath);
        core.setGuiHeartbeat(alarms.heartbeat());
    }
    WardModels models;
    AlarmController alarms;
};

} // namespace ww
