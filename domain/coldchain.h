#pragma once
// Cold chain (REFERENCE.md, "Drug storage and cold chain"): what a fridge's temperature record
// says over a period: daily minimum and maximum, excursions (time outside the range, with start,
// end, peak and duration), mean kinetic temperature, gaps in the record and door openings.
// Pure functions over samples; the station, wardctl and the tests share them.
//
// A sample holds until the next one (a step), as a logger's reading stands for its interval; an
// interval longer than the largest gap allowed is a gap in the record: it is listed, and neither
// weighted nor counted in or out of range.
#include "domain/units.h"

#include <QDate>
#include <QString>
#include <QTimeZone>
#include <optional>
#include <span>
#include <vector>

namespace ww::coldchain {

// ΔH/R of the mean kinetic temperature: 83.144 kJ/mol / 8.3144 J/(mol·K).
inline constexpr double ActivationOverR = 10000.0;
inline constexpr double KelvinOffset = 273.15;

struct Sample
{
    qint64 timeMs = 0;
    double temperatureC = 0;
};

struct DoorSample
{
    qint64 timeMs = 0;
    bool open = false;
};

struct Options
{
    double minC = 2, maxC = 8;
    qint64 maxGapMs = 15 * 60 * 1000;     // longer between two samples: a gap in the record
    qint64 doorOpenLimitMs = 60 * 1000;   // an opening longer than this is counted as long
    QTimeZone zone = QTimeZone::systemTimeZone(); // whose midnight starts a day
};

struct Excursion
{
    qint64 startMs = 0, endMs = 0; // endMs: the first sample back in range, or the period's end
    double peakC = 0;              // the furthest reading outside the range
    bool above = true;             // above maxC (else below minC)
    bool ongoing = false;          // still outside at the period's end
    [[nodiscard]] qint64 durationMs() const { return endMs - startMs; }
};

struct Gap
{
    qint64 startMs = 0, endMs = 0;
};

struct Day
{
    QDate date;
    int samples = 0;
    double minC = 0, maxC = 0;
    qint64 minAtMs = 0, maxAtMs = 0;
    double mktC = 0;
    qint64 recordedMs = 0;   // covered by the record (gaps excluded)
    qint64 outOfRangeMs = 0;
};

struct DoorSummary
{
    int openings = 0;
    int longOpenings = 0;      // longer than doorOpenLimitMs
    qint64 openMs = 0;         // total time open within the period
    qint64 longestMs = 0;
};

struct Report
{
    qint64 fromMs = 0, toMs = 0;
    Options options;
    int samples = 0;           // within the period
    std::optional<double> minC, maxC, meanC, mktC; // empty without samples
    qint64 recordedMs = 0, outOfRangeMs = 0;
    std::vector<Excursion> excursions;
    std::vector<Gap> gaps;
    std::vector<Day> days;
    DoorSummary door;
    [[nodiscard]] bool compliant() const { return excursions.empty() && gaps.empty() && samples > 0; }
};

// Mean kinetic temperature (°C) of temperatures held for the given durations; empty when the
// durations sum to zero. T_mk = (ΔH/R) / (−ln(Σ tᵢ e^(−ΔH/(R Tᵢ)) / Σ tᵢ)), T in kelvin.
[[nodiscard]] std::optional<double> meanKineticTemperature(std::span<const double> temperaturesC,
                                                           std::span<const double> durations);

// The report over [fromMs, toMs). Samples must be in time order (checked: an error names the first
// out of order); a sample before fromMs holds into the period. error is set and an empty report
// returned on bad input.
[[nodiscard]] Report buildReport(std::span<const Sample> temperatures, std::span<const DoorSample> doors, qint64 fromMs,
                                 qint64 toMs, const Options& options, QString* error = nullptr);

// Door openings over [fromMs, toMs) from a door's samples in time order: an opening starts at a
// sample that says open after one that did not (a sample before fromMs holds into the period);
// openings and their lengths count when they began within the period, the time open only inside it.
[[nodiscard]] DoorSummary summariseDoors(std::span<const DoorSample> doors, qint64 fromMs, qint64 toMs, qint64 longOpeningMs);

// The report as JSON (times as ISO 8601 UTC and ms) and as a text a person signs.
[[nodiscard]] QByteArray toJson(const Report& report, const QString& fridgeName);
// Temperatures in unit, numbers by locale (wardctl: °C in the C locale, a record).
[[nodiscard]] QString toText(const Report& report, const QString& fridgeName, TemperatureUnit unit = TemperatureUnit::Celsius,
                             const QLocale& locale = QLocale::c());

} // namespace ww::coldchain
