#pragma once
// A station for UI tests: the default ward's site, a manual clock, the real core (fed by the
// engines' positions, with its alarm log in a temporary folder), the models and the alarm
// controller with a recording sound; flush() sends what the core has to the models.
#include "core/wardcore.h"
#include "fakes.h"
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSettings>
#include <QTemporaryDir>

namespace ww::test {

// The UI tests' settings: an INI file in a folder of the test's own, never the user's.
inline void useTestSettings(const QString& folder)
{
    QCoreApplication::setOrganizationName(QStringLiteral("wardwatch-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

struct UiStation
{
    explicit UiStation(const QString& stationId)
    {
        core.setPositionSource(PositionSource::Engines);
        core.enableAlarms(stationId, log, {});
        alarms.setLogPath(log);
        QObject::connect(&core, &WardCore::updatesReady, &models, &WardModels::apply);
    }
    void flush()
    {
        core.checkSignals();
        core.flushNow();
        QCoreApplication::processEvents();
    }

    QTemporaryDir dir;
    SiteLoadResult loaded = SiteLoader::loadDefault();
    const Site& site = *loaded.site;
    ManualClock clock{QDateTime::currentMSecsSinceEpoch()};
    IngestStats stats;
    DeviceDirectory directory{site};
    WardCore core{site, directory, clock, stats};
    QString log = dir.filePath(QStringLiteral("station.sqlite"));
    WardModels models{site};
    RecordingSound sound;
    AlarmController alarms{site, clock, &core, &sound};
};

} // namespace ww::test
