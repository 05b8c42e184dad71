#include "domain/reminders.h"

#include "domain/messages.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTime>

#include <algorithm>
#include <cmath>

namespace ww {

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;
constexpr int HourlyMin = 60;

// "hourly", "4-hourly", or "every 90 min" for an interval that is not whole hours.
QString frequencyText(int minutes)
{
    if (minutes == HourlyMin)
        return QStringLiteral("hourly");
    if (minutes % HourlyMin == 0)
        return QStringLiteral("%1-hourly").arg(minutes / HourlyMin);
    return QStringLiteral("every %1 min").arg(minutes);
}

// The zone's offset from UTC (seconds) at an instant; an invalid zone counts as UTC.
int offsetAt(const QTimeZone& tz, qint64 ms)
{
    return tz.isValid() ? tz.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())) : 0;
}

// The instant a local date and time of day names in tz. A time that occurs twice (clocks going
// back) names its first occurrence; one that does not exist (clocks going forward) names the first
// instant after the gap.
qint64 instantOf(QDate date, QTime time, const QTimeZone& tz)
{
    const qint64 naive = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
    // The offsets in force a day either side bracket any transition on this date.
    const qint64 before = naive - qint64(offsetAt(tz, naive - DayMs)) * 1000;
    const qint64 after = naive - qint64(offsetAt(tz, naive + DayMs)) * 1000;
    auto names = [&](qint64 candidate) { return candidate + qint64(offsetAt(tz, candidate)) * 1000 == naive; };
    const qint64 lo = std::min(before, after), hi = std::max(before, after);
    if (names(lo))
        return lo;
    if (names(hi))
        return hi;
    // In the gap: the transition lies in (lo, hi]; find the first instant with the later offset.
    const int offsetBefore = offsetAt(tz, lo);
    qint64 a = lo, b = hi;
    while (b - a > 1) {
        const qint64 mid = a + (b - a) / 2;
        if (offsetAt(tz, mid) == offsetBefore)
            a = mid;
        else
            b = mid;
    }
    return b;
}

} // namespace

bool parseReminderSettings(const QJsonValue& v, const QString& path, ReminderSettings& out, QStringList& errors)
{
    if (v.isUndefined()) {
        out = ReminderSettings{};
        return true;
    }
    if (!v.isObject()) {
        errors << path + QStringLiteral(": must be an object");
        return false;
    }
    const qsizetype errorsBefore = errors.size();
    auto error = [&](const QString& key, const QString& problem) {
        errors << path + QChar(u'.') + key + QStringLiteral(": ") + problem;
    };
    const QJsonObject o = v.toObject();
    ReminderSettings s;

    static const QStringList known{QStringLiteral("enabled"),         QStringLiteral("medicationRounds"),
                                   QStringLiteral("news2LowHours"),   QStringLiteral("news2ZeroHours"),
                                   QStringLiteral("overdueAfterMin"), QStringLiteral("overduePriority")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!known.contains(it.key()))
            error(it.key(), QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));

    auto whole = [&](const QString& key, int lo, int hi, int& dst) {
        const QJsonValue x = o.value(key);
        if (x.isUndefined())
            return;
        if (!x.isDouble()) {
            error(key, QStringLiteral("must be a whole number from %1 to %2").arg(lo).arg(hi));
            return;
        }
        const double d = x.toDouble();
        if (d != std::floor(d))
            error(key, QStringLiteral("%1 is not a whole number").arg(d));
        else if (d < lo || d > hi)
            error(key, QStringLiteral("%1 is outside %2..%3").arg(d).arg(lo).arg(hi));
        else
            dst = int(d);
    };
    whole(QStringLiteral("news2ZeroHours"), 1, 12, s.news2ZeroHours);
    whole(QStringLiteral("news2LowHours"), 4, 6, s.news2LowHours);
    whole(QStringLiteral("overdueAfterMin"), 1, 720, s.overdueAfterMin);

    if (const QJsonValue x = o.value(u"enabled"); !x.isUndefined()) {
        if (x.isBool())
            s.enabled = x.toBool();
        else
            error(QStringLiteral("enabled"), QStringLiteral("must be true or false"));
    }

    if (const QJsonValue x = o.value(u"overduePriority"); !x.isUndefined()) {
        if (!x.isString())
            error(QStringLiteral("overduePriority"), QStringLiteral("must be \"low\", \"medium\" or \"high\""));
        else if (const auto p = priorityFromString(x.toString()))
            s.overduePriority = *p;
        else
            error(QStringLiteral("overduePriority"), QStringLiteral("\"%1\" is not low, medium or high").arg(x.toString()));
    }

    if (const QJsonValue x = o.value(u"medicationRounds"); !x.isUndefined()) {
        if (!x.isArray()) {
            error(QStringLiteral("medicationRounds"), QStringLiteral("must be an array of times of day (\"HH:MM\")"));
        } else {
            const QJsonArray rounds = x.toArray();
            QStringList times;
            QSet<QString> seen;
            for (qsizetype i = 0; i < rounds.size(); ++i) {
                const QString key = QStringLiteral("medicationRounds[%1]").arg(i);
                const QJsonValue r = rounds.at(i);
                if (!r.isString()) {
                    error(key, QStringLiteral("must be a time of day as text (\"HH:MM\")"));
                    continue;
                }
                const QString t = r.toString();
                if (!isTimeOfDay(t))
                    error(key, QStringLiteral("\"%1\" is not a time of day (HH:MM, 00:00 to 23:59)").arg(t));
                else if (seen.contains(t))
                    error(key, QStringLiteral("\"%1\" is listed twice").arg(t));
                seen.insert(t);
                times << t;
            }
            s.medicationRounds = times;
        }
    }

    if (errors.size() != errorsBefore)
        return false;
    out = s;
    return true;
}

std::optional<int> observationIntervalMin(int news2Aggregate, bool singleParameter3, const ReminderSettings& settings)
{
    if (news2Aggregate < 0 || news2Aggregate >= 7)
        return std::nullopt;
    if (news2Aggregate >= 5 || singleParameter3)
        return HourlyMin;
    if (news2Aggregate >= 1)
        return settings.news2LowHours * HourlyMin;
    return settings.news2ZeroHours * HourlyMin;
}

QString ruleFor(ReminderKind kind)
{
    switch (kind) {
    case ReminderKind::Observations: return QStringLiteral("reminder.observations");
    case ReminderKind::Medication: return QStringLiteral("reminder.medication");
    case ReminderKind::Reposition: return QStringLiteral("reminder.reposition");
    }
    return {};
}

std::vector<DueReminder> dueReminders(const PatientSchedule& schedule, const LastDone& lastDone, qint64 sinceMs,
                                      qint64 nowMs, const ReminderSettings& settings, const QTimeZone& tz)
{
    std::vector<DueReminder> due;
    if (!settings.enabled)
        return due;
    auto add = [&](ReminderKind kind, qint64 dueMs, const QString& detail) {
        if (nowMs < dueMs)
            return;
        const bool overdue = nowMs >= dueMs + qint64(settings.overdueAfterMin) * MinuteMs;
        due.push_back({kind, dueMs, overdue, overdue ? settings.overduePriority : Priority::Low, detail});
    };

    // Observations.
    {
        const qint64 from = lastDone.observationsMs != 0 ? lastDone.observationsMs : sinceMs;
        if (schedule.news2 < 0) {
            if (lastDone.observationsMs == 0)
                add(ReminderKind::Observations, sinceMs, QStringLiteral("no NEWS2 score yet: first observations"));
            else
                add(ReminderKind::Observations, from + qint64(settings.news2LowHours) * 60 * MinuteMs,
                    QStringLiteral("no NEWS2 score yet: observations %1")
                        .arg(frequencyText(settings.news2LowHours * HourlyMin)));
        } else if (const auto every = observationIntervalMin(schedule.news2, schedule.news2Single3, settings)) {
            const bool byParameter = schedule.news2Single3 && schedule.news2 < 5;
            add(ReminderKind::Observations, from + qint64(*every) * MinuteMs,
                QStringLiteral("NEWS2 %1%2: observations %3")
                    .arg(schedule.news2)
                    .arg(byParameter ? QStringLiteral(" (a 3 in one parameter)") : QString())
                    .arg(frequencyText(*every)));
        }
    }

    // Medication: the earliest round not yet done, at or after sinceMs, at or before now.
    {
        const QStringList& times = schedule.medicationTimes.isEmpty() ? settings.medicationRounds : schedule.medicationTimes;
        const qint64 from = std::max(sinceMs, lastDone.medicationMs != 0 ? lastDone.medicationMs + 1 : sinceMs);
        const QTimeZone zone = tz.isValid() ? tz : QTimeZone::utc();
        const QDate first = QDateTime::fromMSecsSinceEpoch(from, zone).date();
        std::optional<qint64> round;
        QString roundText;
        // From the day before the first date (a round resolved across a transition near midnight
        // may land on a neighbouring date) to two days after it (a whole day of rounds after `from`).
        for (QDate d = first.addDays(-1); d <= first.addDays(2); d = d.addDays(1))
            for (const QString& t : times) {
                if (!isTimeOfDay(t))
                    continue;
                const qint64 at = instantOf(d, QTime::fromString(t, QStringLiteral("HH:mm")), zone);
                if (at >= from && (!round || at < *round)) {
                    round = at;
                    roundText = t;
                }
            }
        if (round)
            add(ReminderKind::Medication, *round, QStringLiteral("medication round %1").arg(roundText));
    }

    // Repositioning.
    if (schedule.repositionEveryMin > 0) {
        const qint64 from = lastDone.repositionMs != 0 ? lastDone.repositionMs : sinceMs;
        add(ReminderKind::Reposition, from + qint64(schedule.repositionEveryMin) * MinuteMs,
            QStringLiteral("reposition every %1 min").arg(schedule.repositionEveryMin));
    }
    return due;
}

} // namespace ww
