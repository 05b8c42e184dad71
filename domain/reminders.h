#pragma once
// The reminder planner: from a patient's schedule (their last NEWS2 score, repositioning interval,
// medication times) and when each care task was last done, which reminders are due now. Pure
// functions of their arguments (times are passed in, never read from a clock); the core turns each
// DueReminder into an alarm of the rule ruleFor(kind) (docs/alarms.md, "Reminders").
//
// Observations follow the RCP's minimum frequency for the last NEWS2 score (REFERENCE.md):
//   0 -> 12-hourly; 1-4 -> 4- to 6-hourly (the site chooses, 4 by default); a 3 in one parameter
//   -> hourly; 5-6 -> hourly; >= 7 -> continuous monitoring, no reminder.
#include "domain/alarmtypes.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>
#include <vector>

namespace ww {

// The site file's `reminders` object (docs/alarms.md, "Reminders"), with its documented defaults.
struct ReminderSettings
{
    // Observations for an aggregate of 0: every 12 hours, the RCP's minimum. A site may observe more
    // often (1..12), never less often.
    int news2ZeroHours = 12;
    // Observations for an aggregate of 1-4: the RCP says 4- to 6-hourly and leaves the choice to the
    // site (4..6); 4 is the default because it is the safer end.
    int news2LowHours = 4;
    // A 3 in one parameter, and an aggregate of 5-6, are hourly; >= 7 is continuous monitoring (no
    // reminder). Both are the RCP's and not settings.

    // The ward's medication rounds (local times of day, "HH:MM"), for patients whose plan names no
    // times of its own. Empty: no medication reminders for those patients.
    QStringList medicationRounds{QStringLiteral("08:00"), QStringLiteral("12:00"), QStringLiteral("18:00"),
                                 QStringLiteral("22:00")};
    // A reminder still outstanding this long after it fell due is overdue and takes overduePriority;
    // until then it is low priority.
    int overdueAfterMin = 30;
    Priority overduePriority = Priority::Medium;
    bool enabled = true;
};

// Reads the site file's `reminders` object at `path` (e.g. "$.reminders"). Absent (undefined): the
// defaults. Every error names its JSON path and why, e.g.
//   $.reminders.medicationRounds[2]: "25:00" is not a time of day (HH:MM, 00:00 to 23:59)
// and is appended to `errors`. Returns true and sets `out` when there is none; otherwise returns
// false and leaves `out` as it was.
bool parseReminderSettings(const QJsonValue& v, const QString& path, ReminderSettings& out, QStringList& errors);

// Minutes between observations for a NEWS2 aggregate (0-20) and whether one parameter scored 3.
// nullopt for >= 7 (continuous monitoring: no reminder) and for no score (a negative aggregate):
// without a score there is no band to read a frequency from; dueReminders handles a patient with
// no score itself (first observations due at once, see below).
[[nodiscard]] std::optional<int> observationIntervalMin(int news2Aggregate, bool singleParameter3,
                                                        const ReminderSettings& settings);

enum class ReminderKind { Observations, Medication, Reposition };
// The alarm rule of a kind: "reminder.observations", "reminder.medication", "reminder.reposition".
[[nodiscard]] QString ruleFor(ReminderKind kind);

// What the care plan says about one patient.
struct PatientSchedule
{
    int news2 = -1;               // the last NEWS2 aggregate; -1: no score yet
    bool news2Single3 = false;    // a 3 in one parameter of that score
    int repositionEveryMin = 0;   // 0: no repositioning reminders
    QStringList medicationTimes;  // "HH:MM" local; empty: the ward's rounds (ReminderSettings)
};

// When each task was last marked done (ms since the epoch). 0: never; the first one is then
// counted from `sinceMs`, when the patient came under this plan.
struct LastDone
{
    qint64 observationsMs = 0, medicationMs = 0, repositionMs = 0;
};

struct DueReminder
{
    ReminderKind kind = ReminderKind::Observations;
    qint64 dueMs = 0;
    bool overdue = false;
    Priority priority = Priority::Low; // Low, or the settings' overduePriority once overdue
    QString detail; // English, for the log: "NEWS2 3: observations 4-hourly", "medication round 12:00"
};

// The reminders due at nowMs: at most one per kind (in the order Observations, Medication,
// Reposition), each the earliest outstanding one; none when the settings are disabled. Nothing is
// due before its time (due when nowMs >= dueMs); overdue when nowMs >= dueMs + overdueAfterMin.
// - Observations: due at (last done, or sinceMs) + observationIntervalMin, in elapsed time (a DST
//   change does not move it). No score yet: the first observations are due at sinceMs, and after
//   they are marked done, again every news2LowHours while there is still no score (an unknown
//   score is not a score of 0). >= 7: none.
// - Reposition: due at (last done, or sinceMs) + repositionEveryMin; none when that is 0.
// - Medication: the round times (the patient's, else the ward's) are local times in `tz`. The
//   earliest round at or after sinceMs, after the last done and at or before nowMs is due (a
//   round is done when the last done is at or after it, so one "done" covers every earlier round).
//   A round at a local time that occurs twice (clocks going back) is due once, at its first
//   occurrence; one at a local time that does not exist (clocks going forward) is due at the first
//   instant after the gap (01:30 on the London spring-forward day: 02:00 BST, 01:00 UTC).
[[nodiscard]] std::vector<DueReminder> dueReminders(const PatientSchedule& schedule, const LastDone& lastDone,
                                                    qint64 sinceMs, qint64 nowMs, const ReminderSettings& settings,
                                                    const QTimeZone& tz);

} // namespace ww
