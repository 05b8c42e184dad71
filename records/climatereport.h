#pragma once
// A room's climate compliance over a period, from its readings (or a tier's minute or hour
// aggregates, each judged by its min and max: one with an excursion inside counts as outside for
// all of it): per quantity the time covered, the time in range (a point holds until the next one,
// at most maxGapMs), min, mean (weighted by readings) and max; and the excursions (consecutive readings outside the target), each with its start, end,
// peak and, when the station's log is given, who acknowledged the alarm it raised; with the room's
// door contacts, its door openings and how often the door opened during each excursion (an open
// door collapses an isolation room's pressure difference). The station's report and `wardctl
// climate` (a logger's CSV) build the same thing.
#include "domain/coldchain.h"
#include "domain/units.h"
#include "records/alarmlog.h"
#include "records/climatereview.h"

#include <QJsonObject>

namespace ww {

struct ClimateExcursion
{
    ClimateQuantity quantity = ClimateQuantity::Temperature;
    qint64 fromMs = 0, toMs = 0;
    double peak = 0;      // the value furthest outside the target
    bool above = true;    // above the target's max (else below its min)
    bool ongoing = false; // still outside at the period's end
    QString ackedBy;      // who acknowledged the alarm of it (empty: nobody, or no log)
    qint64 ackedAtMs = 0;
    int doorOpenings = 0; // openings of the room's door that began during it, or were open as it began
};

struct QuantityCompliance
{
    ClimateQuantity quantity = ClimateQuantity::Temperature;
    Range target;
    int readings = 0;
    qint64 coveredMs = 0, inRangeMs = 0;
    double min = 0, mean = 0, max = 0;
    [[nodiscard]] double inRangeShare() const { return coveredMs > 0 ? double(inRangeMs) / double(coveredMs) : 0; }
};

struct ClimateReport
{
    QString place, kind;
    qint64 fromMs = 0, toMs = 0, maxGapMs = 0;
    std::vector<QuantityCompliance> quantities; // those with readings, in ClimateQuantity order
    std::vector<ClimateExcursion> excursions;   // by start
    std::optional<coldchain::DoorSummary> door; // with the room's door contacts
    qint64 longDoorOpeningMs = 0;               // an opening longer than this counts as long
    // The report a person reads and signs: in the installed language (context "ClimateReport"),
    // temperatures in unit, numbers by locale, times in UTC. The defaults (°C, the C locale, no
    // translator installed) are wardctl's record.
    [[nodiscard]] QString text(TemperatureUnit unit = TemperatureUnit::Celsius, const QLocale& locale = QLocale::c()) const;
    // One row per quantity and per excursion, the place first (a floor's reports concatenate).
    [[nodiscard]] QByteArray csv(bool header = true) const;
    [[nodiscard]] QJsonObject json() const;
};

// series: each quantity's readings (time order); only those inside [fromMs, toMs) count.
[[nodiscard]] ClimateReport buildClimateReport(const QString& place, const QString& kind,
                                               const std::array<std::vector<ClimatePoint>, ClimateQuantityCount>& series,
                                               const ClimateTargets& targets, qint64 fromMs, qint64 toMs, qint64 maxGapMs);
// The room's door openings (its contacts' samples in time order, open while any is) over the
// report's period, and during each excursion.
void attachDoors(ClimateReport& report, std::span<const coldchain::DoorSample> doors, qint64 longOpeningMs);
// Who acknowledged: the room's climate and pressure alarms in the log raised before an excursion
// of their quantity ended and acknowledged after it began (env.pressure: the pressure difference;
// env.climate: the others).
void attachAcknowledgements(ClimateReport& report, const QString& roomId, const std::vector<LogEntry>& log);

} // namespace ww
