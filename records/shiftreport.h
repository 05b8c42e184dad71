#pragma once
// The charge nurse's shift report, computed from a station's log file (the alarm log and the census
// record in it) over a period [from, to]: per patient the NEWS2 trend, the alarms and who
// acknowledged them, the reminders done or missed; per ward the alarm burden (alarms per occupied
// bed-day, time to acknowledge per priority, the most frequent conditions, likely nuisance alarms).
// The report is what the log says at `to`: entries after it are not read. docs/operations.md,
// "Shift report", gives the definitions.
#include "domain/alarmtypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace ww {

struct ShiftReportOptions
{
    // Beds occupied at `from` by the station's census (the app passes its census at the start of
    // the shift): such a bed with no census-record entry at or before `from` counts as occupied
    // from `from` until its first entry. Seeded patients are in the census record only once a
    // station changed their bed.
    QStringList occupiedAtStart;
    bool occupiedAtStartGiven = false; // the list above was given (it may be empty: every bed vacant)
    // wardctl --beds N: N beds occupied for the whole period, used when the census record has no
    // entries at or before `to`; 0: not given.
    int bedsThroughout = 0;
    qint64 nuisanceMaxMs = 10'000; // cause ended within this long of onset, unacknowledged
    double minBedDaysForRate = 1.0 / 24; // alarms per bed-day only over at least one occupied bed-hour
    int topConditions = 10;
};

struct ShiftReport
{
    // One alarm (or reminder) as the log has it at the end of the period.
    struct Alarm
    {
        QString id, rule, conditionCode, condition, subject, patientId;
        QStringList conditionArgs; // with conditionCode: the condition as data, rendered where shown
        Priority priority = Priority::Low;
        qint64 onsetMs = 0, endedMs = 0, ackedAtMs = 0, closedMs = 0; // 0: not (yet)
        QString ackedBy, ackedByName, ackComment;
        bool raisedInPeriod = true; // false: raised before `from`, with entries in the period
    };
    struct PriorityFigures
    {
        Priority priority = Priority::Low;
        int raised = 0, acknowledged = 0, neverAcknowledged = 0;
        std::optional<qint64> ackP50Ms, ackP90Ms; // nearest rank over the acknowledged ones
    };
    struct ConditionCount
    {
        QString rule, conditionCode, example; // example: one occurrence's condition text
        QStringList exampleArgs;              // and its arguments (with conditionCode)
        int count = 0;
    };
    struct News2Point
    {
        qint64 timeMs = 0;
        double score = 0;
        QString detail;
    };
    struct Patient
    {
        QString id, name;
        std::vector<Alarm> alarms;    // onset order
        std::vector<Alarm> reminders; // due (onset) order
        int remindersDone = 0, remindersMissed = 0;
        std::vector<News2Point> news2; // time order
        [[nodiscard]] std::optional<double> news2First() const;
        [[nodiscard]] std::optional<double> news2Last() const;
        [[nodiscard]] std::optional<double> news2Min() const;
        [[nodiscard]] std::optional<double> news2Max() const;
    };

    QString logPath;
    qint64 fromMs = 0, toMs = 0;

    // Bed-days: the census record, and what it was completed with (bedDaysBasis: "census-record",
    // "census-record+station-census" or "beds-option"), described in English in bedDaysNote (the
    // records: wardctl, JSON); a view builds its own note in the reader's language from the basis
    // and the two figures below.
    double occupiedBedDays = 0;
    QString bedDaysBasis, bedDaysNote;
    int bedsAtStart = 0; // census-record+station-census: the station's beds occupied at the start
    int bedsOption = 0;  // ShiftReportOptions::bedsThroughout (used with "beds-option", else not used)

    // The alarm burden: alarms raised in the period, not reminders, not the station's own
    // technical alarms (local), not copies superseded by another station's alarm.
    int alarmsRaised = 0;
    int localAlarms = 0; // the station's own technical alarms raised in the period, left out
    // None below ShiftReportOptions::minBedDaysForRate occupied bed-days (a rate over minutes of
    // one bed says nothing).
    std::optional<double> alarmsPerBedDay;
    std::vector<PriorityFigures> priorities; // high, medium, low
    std::vector<ConditionCount> topConditions;
    std::vector<Alarm> nuisance;               // onset order
    std::vector<std::pair<QString, int>> nuisanceRules; // by count, then rule
    bool anyNews2 = false;                     // the log has NEWS2 scores in the period

    std::vector<Patient> patients; // by name, then id
};

// The report of [fromMs, toMs] from the log file at logPath; error set (naming the file) and an
// empty report when the file cannot be read.
[[nodiscard]] ShiftReport buildShiftReport(const QString& logPath, qint64 fromMs, qint64 toMs,
                                           const ShiftReportOptions& options, QString* error = nullptr);

[[nodiscard]] QJsonObject toJson(const ShiftReport& report);
// RFC 4180; every row's first field names its section, and each section's first row names its
// columns (docs/operations.md, "Shift report").
[[nodiscard]] QByteArray toCsv(const ShiftReport& report);
// Plain text, what `wardctl shift-report` prints; times in the machine's time zone.
[[nodiscard]] QString toText(const ShiftReport& report);

// A duration as the report shows it: "12.5 s", "3 min 05 s", "2 h 10 min".
[[nodiscard]] QString shiftDurationText(qint64 ms);

// Nearest rank: the smallest value with at least p % of the values at or below it; none when empty.
[[nodiscard]] std::optional<qint64> nearestRank(std::vector<qint64> values, int percent);

} // namespace ww
