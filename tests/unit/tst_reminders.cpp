// The reminder planner (core/reminders.h): NEWS2 observation frequencies, when each reminder falls
// due and becomes overdue, medication rounds in the ward's local time (midnight, admission, DST
// days), and the site file's `reminders` object. Every time is explicit (UTC instants written out).
#include "domain/reminders.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ww;

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;

// An instant written in ISO 8601 with its zone ("2026-11-27T08:00:00Z").
qint64 at(const char* iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    if (!t.isValid())
        qFatal("test time %s does not parse", iso);
    return t.toMSecsSinceEpoch();
}

const QTimeZone Utc = QTimeZone::utc();
QTimeZone london()
{
    return QTimeZone("Europe/London");
}

std::optional<DueReminder> find(const std::vector<DueReminder>& due, ReminderKind kind)
{
    for (const DueReminder& r : due)
        if (r.kind == kind)
            return r;
    return std::nullopt;
}

PatientSchedule scored(int news2, bool single3 = false)
{
    PatientSchedule s;
    s.news2 = news2;
    s.news2Single3 = single3;
    s.medicationTimes = {QStringLiteral("23:59")}; // out of the way of the observation tests
    return s;
}

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object().value(u"reminders");
}

} // namespace

class TestReminders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(london().isValid(), "the Europe/London zone is needed for the DST cases");
    }

    void rules()
    {
        QCOMPARE(ruleFor(ReminderKind::Observations), QStringLiteral("reminder.observations"));
        QCOMPARE(ruleFor(ReminderKind::Medication), QStringLiteral("reminder.medication"));
        QCOMPARE(ruleFor(ReminderKind::Reposition), QStringLiteral("reminder.reposition"));
    }

    // The RCP's minimum frequency for each band; 1-4 by the site's setting (4 by default, 6 when set).
    void intervals_data()
    {
        QTest::addColumn<int>("aggregate");
        QTest::addColumn<bool>("single3");
        QTest::addColumn<int>("lowHours");
        QTest::addColumn<int>("expected"); // minutes; -1: none
        QTest::newRow("0: 12-hourly") << 0 << false << 4 << 720;
        QTest::newRow("1: 4-hourly by default") << 1 << false << 4 << 240;
        QTest::newRow("4: 4-hourly by default") << 4 << false << 4 << 240;
        QTest::newRow("1: 6-hourly when set") << 1 << false << 6 << 360;
        QTest::newRow("4: 6-hourly when set") << 4 << false << 6 << 360;
        QTest::newRow("3 in one parameter: hourly") << 3 << true << 6 << 60;
        QTest::newRow("4 with a 3 in one parameter: hourly") << 4 << true << 4 << 60;
        QTest::newRow("5: hourly") << 5 << false << 4 << 60;
        QTest::newRow("6: hourly") << 6 << false << 6 << 60;
        QTest::newRow("7: continuous, none") << 7 << false << 4 << -1;
        QTest::newRow("7 with a 3 in one parameter: none") << 7 << true << 4 << -1;
        QTest::newRow("20: none") << 20 << false << 4 << -1;
        QTest::newRow("no score: none") << -1 << false << 4 << -1;
    }
    void intervals()
    {
        QFETCH(int, aggregate);
        QFETCH(bool, single3);
        QFETCH(int, lowHours);
        QFETCH(int, expected);
        ReminderSettings s;
        s.news2LowHours = lowHours;
        const auto interval = observationIntervalMin(aggregate, single3, s);
        if (expected < 0) {
            QVERIFY2(!interval, qPrintable(QStringLiteral("got %1 min").arg(interval.value_or(0))));
        } else {
            QVERIFY(interval);
            QCOMPARE(*interval, expected);
        }
    }

    // Each band through the planner: due exactly at since + interval, not 1 ms before.
    void observationsDueAtTheBoundary_data()
    {
        QTest::addColumn<int>("aggregate");
        QTest::addColumn<bool>("single3");
        QTest::addColumn<int>("lowHours");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<QString>("detail");
        QTest::newRow("0") << 0 << false << 4 << 12 * Hour << QStringLiteral("NEWS2 0: observations 12-hourly");
        QTest::newRow("3, default") << 3 << false << 4 << 4 * Hour << QStringLiteral("NEWS2 3: observations 4-hourly");
        QTest::newRow("3, 6-hourly site") << 3 << false << 6 << 6 * Hour << QStringLiteral("NEWS2 3: observations 6-hourly");
        QTest::newRow("3 in one parameter")
            << 3 << true << 4 << Hour << QStringLiteral("NEWS2 3 (a 3 in one parameter): observations hourly");
        QTest::newRow("5") << 5 << false << 4 << Hour << QStringLiteral("NEWS2 5: observations hourly");
        QTest::newRow("6 with a 3 in one parameter") << 6 << true << 4 << Hour << QStringLiteral("NEWS2 6: observations hourly");
    }
    void observationsDueAtTheBoundary()
    {
        QFETCH(int, aggregate);
        QFETCH(bool, single3);
        QFETCH(int, lowHours);
        QFETCH(qint64, interval);
        QFETCH(QString, detail);
        ReminderSettings s;
        s.news2LowHours = lowHours;
        const qint64 since = at("2026-11-27T00:00:00Z");
        const PatientSchedule p = scored(aggregate, single3);
        QVERIFY(!find(dueReminders(p, {}, since, since + interval - 1, s, Utc), ReminderKind::Observations));
        const auto r = find(dueReminders(p, {}, since, since + interval, s, Utc), ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(r->dueMs, since + interval);
        QVERIFY(!r->overdue);
        QCOMPARE(toString(r->priority), toString(Priority::Low));
        QCOMPARE(r->detail, detail);
    }

    // >= 7 is continuous monitoring: never an observations reminder, however long since.
    void continuousMonitoringHasNoReminder()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        LastDone done;
        done.observationsMs = since;
        for (qint64 later : {Hour, 12 * Hour, 72 * Hour})
            QVERIFY(!find(dueReminders(scored(7), done, since, since + later, {}, Utc), ReminderKind::Observations));
    }

    // Overdue from due + 30 min (the default) at the configured priority; low until then.
    void overdueRisesToItsPriority()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        const qint64 due = since + 4 * Hour;
        ReminderSettings s;
        for (qint64 early : {29 * Minute + 59'000, 30 * Minute - 1}) {
            const auto r = find(dueReminders(scored(2), {}, since, due + early, s, Utc), ReminderKind::Observations);
            QVERIFY(r);
            QVERIFY2(!r->overdue, qPrintable(QString::number(early)));
            QCOMPARE(toString(r->priority), toString(Priority::Low));
        }
        auto r = find(dueReminders(scored(2), {}, since, due + 30 * Minute, s, Utc), ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(r->dueMs, due);
        QVERIFY(r->overdue);
        QCOMPARE(toString(r->priority), toString(Priority::Medium));

        s.overduePriority = Priority::High;
        s.overdueAfterMin = 10;
        r = find(dueReminders(scored(2), {}, since, due + 10 * Minute - 1, s, Utc), ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(toString(r->priority), toString(Priority::Low));
        r = find(dueReminders(scored(2), {}, since, due + 10 * Minute, s, Utc), ReminderKind::Observations);
        QVERIFY(r);
        QVERIFY(r->overdue);
        QCOMPARE(toString(r->priority), toString(Priority::High));
    }

    // Marking a task done counts the next one from then.
    void doneMovesTheNextDueTime()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        PatientSchedule p = scored(2);
        p.repositionEveryMin = 120;
        LastDone done;
        done.observationsMs = at("2026-11-27T04:10:00Z");
        done.repositionMs = at("2026-11-27T02:05:00Z");

        auto due = dueReminders(p, done, since, at("2026-11-27T04:04:59.999Z"), {}, Utc);
        QVERIFY(!find(due, ReminderKind::Observations));
        QVERIFY(!find(due, ReminderKind::Reposition));

        due = dueReminders(p, done, since, at("2026-11-27T04:05:00Z"), {}, Utc);
        auto r = find(due, ReminderKind::Reposition);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-11-27T04:05:00Z"));
        QCOMPARE(r->detail, QStringLiteral("reposition every 120 min"));
        QVERIFY(!find(due, ReminderKind::Observations));

        due = dueReminders(p, done, since, at("2026-11-27T08:09:59.999Z"), {}, Utc);
        QVERIFY(!find(due, ReminderKind::Observations));
        due = dueReminders(p, done, since, at("2026-11-27T08:10:00Z"), {}, Utc);
        r = find(due, ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-11-27T08:10:00Z"));
        // The reposition reminder, never marked done again, is overdue by now.
        r = find(due, ReminderKind::Reposition);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-11-27T04:05:00Z"));
        QVERIFY(r->overdue);
        QCOMPARE(toString(r->priority), toString(Priority::Medium));
    }

    // No repositioning reminder when the plan has none.
    void noRepositionWithoutAnInterval()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        QVERIFY(!find(dueReminders(scored(0), {}, since, since + 72 * Hour, {}, Utc), ReminderKind::Reposition));
    }

    // No score yet: the first observations are due on coming under the plan, then every news2LowHours.
    void noScoreYet()
    {
        const qint64 since = at("2026-11-27T09:00:00Z");
        PatientSchedule p = scored(-1);
        QVERIFY(!find(dueReminders(p, {}, since, since - 1, {}, Utc), ReminderKind::Observations));
        auto r = find(dueReminders(p, {}, since, since, {}, Utc), ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(r->dueMs, since);
        QCOMPARE(r->detail, QStringLiteral("no NEWS2 score yet: first observations"));

        LastDone done;
        done.observationsMs = since + 20 * Minute;
        QVERIFY(!find(dueReminders(p, done, since, since + 20 * Minute + 4 * Hour - 1, {}, Utc), ReminderKind::Observations));
        r = find(dueReminders(p, done, since, since + 20 * Minute + 4 * Hour, {}, Utc), ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(r->detail, QStringLiteral("no NEWS2 score yet: observations 4-hourly"));
    }

    // Observation intervals are elapsed time: 12 hours across the spring-forward night are 12 hours.
    void observationsAcrossDstAreElapsedTime()
    {
        const qint64 since = at("2026-03-28T20:00:00Z");
        const auto r = find(dueReminders(scored(0), {}, since, at("2026-03-29T08:00:00Z"), {}, london()),
                            ReminderKind::Observations);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-03-29T08:00:00Z")); // 09:00 BST
    }

    // Shortly after midnight, the round outstanding is the previous day's 22:00.
    void medicationAfterMidnight_data()
    {
        QTest::addColumn<QTimeZone>("tz");
        QTest::addColumn<qint64>("done");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("UTC") << Utc << at("2026-11-26T18:05:00Z") << at("2026-11-27T00:20:00Z") << at("2026-11-26T22:00:00Z");
        QTest::newRow("London, summer")
            << london() << at("2026-07-01T17:05:00Z") << at("2026-07-01T23:20:00Z") << at("2026-07-01T21:00:00Z");
    }
    void medicationAfterMidnight()
    {
        QFETCH(QTimeZone, tz);
        QFETCH(qint64, done);
        QFETCH(qint64, now);
        QFETCH(qint64, expected);
        PatientSchedule p;
        LastDone last;
        last.medicationMs = done;
        const auto r = find(dueReminders(p, last, done - 24 * Hour, now, {}, tz), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, expected);
        QCOMPARE(r->detail, QStringLiteral("medication round 22:00"));
        QVERIFY(r->overdue); // 2 h 20 min after it
        QCOMPARE(toString(r->priority), toString(Priority::Medium));
    }

    // A round before the patient came under the plan is not due; the next one is, at its time.
    void roundBeforeAdmissionIsNotDue()
    {
        const qint64 since = at("2026-11-27T12:30:00Z");
        PatientSchedule p;
        QVERIFY(!find(dueReminders(p, {}, since, at("2026-11-27T13:00:00Z"), {}, Utc), ReminderKind::Medication));
        QVERIFY(!find(dueReminders(p, {}, since, at("2026-11-27T17:59:59.999Z"), {}, Utc), ReminderKind::Medication));
        const auto r = find(dueReminders(p, {}, since, at("2026-11-27T18:00:00Z"), {}, Utc), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-11-27T18:00:00Z"));
        QCOMPARE(toString(r->priority), toString(Priority::Low));
    }

    // The boundaries: a round at the very instant the patient came under the plan is due; one
    // marked done at exactly its time is done.
    void roundBoundaries()
    {
        PatientSchedule p;
        const qint64 since = at("2026-11-27T18:00:00Z");
        auto r = find(dueReminders(p, {}, since, since, {}, Utc), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, since);

        LastDone done;
        done.medicationMs = at("2026-11-27T12:00:00Z");
        QVERIFY(!find(dueReminders(p, done, at("2026-11-27T00:00:00Z"), at("2026-11-27T17:59:59.999Z"), {}, Utc),
                      ReminderKind::Medication));
        done.medicationMs = at("2026-11-27T11:59:59.999Z");
        r = find(dueReminders(p, done, at("2026-11-27T00:00:00Z"), at("2026-11-27T12:00:00Z"), {}, Utc),
                 ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->detail, QStringLiteral("medication round 12:00"));
    }

    // Two rounds outstanding: the earlier, missed one is the reminder (it stays overdue); one "done"
    // covers both.
    void earliestOutstandingRound()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        PatientSchedule p;
        LastDone done;
        done.medicationMs = at("2026-11-27T07:00:00Z");
        auto r = find(dueReminders(p, done, since, at("2026-11-27T13:00:00Z"), {}, Utc), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-11-27T08:00:00Z"));
        QCOMPARE(r->detail, QStringLiteral("medication round 08:00"));
        QVERIFY(r->overdue);

        done.medicationMs = at("2026-11-27T13:05:00Z");
        QVERIFY(!find(dueReminders(p, done, since, at("2026-11-27T17:59:00Z"), {}, Utc), ReminderKind::Medication));
        r = find(dueReminders(p, done, since, at("2026-11-27T18:00:00Z"), {}, Utc), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->detail, QStringLiteral("medication round 18:00"));
    }

    // A patient's own times replace the ward's rounds; an empty ward list means no ward rounds.
    void patientTimesReplaceTheWardRounds()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        PatientSchedule p;
        p.medicationTimes = {QStringLiteral("10:00")};
        QVERIFY(!find(dueReminders(p, {}, since, at("2026-11-27T09:59:00Z"), {}, Utc), ReminderKind::Medication));
        const auto r = find(dueReminders(p, {}, since, at("2026-11-27T10:00:00Z"), {}, Utc), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->detail, QStringLiteral("medication round 10:00"));

        ReminderSettings none;
        none.medicationRounds.clear();
        QVERIFY(!find(dueReminders(PatientSchedule{}, {}, since, since + 72 * Hour, none, Utc), ReminderKind::Medication));
    }

    // Spring forward (London, 2026-03-29, 01:00 GMT -> 02:00 BST): a round at 01:30, which does not
    // exist that night, is due at the first instant after the gap (01:00 UTC); 08:00 is 08:00 BST.
    void medicationOnSpringForward()
    {
        const QTimeZone tz = london();
        PatientSchedule p;
        p.medicationTimes = {QStringLiteral("01:30"), QStringLiteral("08:00")};
        LastDone done;
        done.medicationMs = at("2026-03-28T23:00:00Z");
        const qint64 since = at("2026-03-28T12:00:00Z");
        QVERIFY(!find(dueReminders(p, done, since, at("2026-03-29T00:59:59.999Z"), {}, tz), ReminderKind::Medication));
        auto r = find(dueReminders(p, done, since, at("2026-03-29T01:00:00Z"), {}, tz), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-03-29T01:00:00Z"));
        QCOMPARE(r->detail, QStringLiteral("medication round 01:30"));

        done.medicationMs = at("2026-03-29T01:10:00Z");
        QVERIFY(!find(dueReminders(p, done, since, at("2026-03-29T06:59:59.999Z"), {}, tz), ReminderKind::Medication));
        r = find(dueReminders(p, done, since, at("2026-03-29T07:00:00Z"), {}, tz), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-03-29T07:00:00Z"));
        QCOMPARE(r->detail, QStringLiteral("medication round 08:00"));
    }

    // Fall back (London, 2026-10-25, 02:00 BST -> 01:00 GMT): 01:30 happens twice; the round is due
    // once, at the first (00:30 UTC), and, done then, not again at the second (01:30 UTC).
    void medicationOnFallBack()
    {
        const QTimeZone tz = london();
        PatientSchedule p;
        p.medicationTimes = {QStringLiteral("01:30")};
        LastDone done;
        done.medicationMs = at("2026-10-24T00:40:00Z");
        const qint64 since = at("2026-10-20T00:00:00Z");
        QVERIFY(!find(dueReminders(p, done, since, at("2026-10-25T00:29:59.999Z"), {}, tz), ReminderKind::Medication));
        auto r = find(dueReminders(p, done, since, at("2026-10-25T00:30:00Z"), {}, tz), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-10-25T00:30:00Z"));

        done.medicationMs = at("2026-10-25T00:40:00Z");
        QVERIFY(!find(dueReminders(p, done, since, at("2026-10-25T01:30:00Z"), {}, tz), ReminderKind::Medication));
        QVERIFY(!find(dueReminders(p, done, since, at("2026-10-26T01:29:59.999Z"), {}, tz), ReminderKind::Medication));
        r = find(dueReminders(p, done, since, at("2026-10-26T01:30:00Z"), {}, tz), ReminderKind::Medication);
        QVERIFY(r);
        QCOMPARE(r->dueMs, at("2026-10-26T01:30:00Z")); // 01:30 GMT
    }

    // All three due at once come in the order observations, medication, reposition; none when disabled.
    void orderAndDisabled()
    {
        const qint64 since = at("2026-11-27T00:00:00Z");
        PatientSchedule p;
        p.news2 = 0;
        p.repositionEveryMin = 60;
        const qint64 now = at("2026-11-27T12:00:00Z");
        const auto due = dueReminders(p, {}, since, now, {}, Utc);
        QCOMPARE(due.size(), size_t(3));
        QCOMPARE(due[0].kind, ReminderKind::Observations);
        QCOMPARE(due[1].kind, ReminderKind::Medication);
        QCOMPARE(due[1].dueMs, at("2026-11-27T08:00:00Z"));
        QCOMPARE(due[2].kind, ReminderKind::Reposition);

        ReminderSettings off;
        off.enabled = false;
        QVERIFY(dueReminders(p, {}, since, now, off, Utc).empty());
    }

    void parseDefaultsWhenAbsent()
    {
        ReminderSettings s;
        s.news2LowHours = 6;
        s.medicationRounds.clear();
        QStringList errors;
        QVERIFY(parseReminderSettings(QJsonValue(QJsonValue::Undefined), QStringLiteral("$.reminders"), s, errors));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(s.news2ZeroHours, 12);
        QCOMPARE(s.news2LowHours, 4);
        QCOMPARE(s.medicationRounds, QStringList({"08:00", "12:00", "18:00", "22:00"}));
        QCOMPARE(s.overdueAfterMin, 30);
        QCOMPARE(toString(s.overduePriority), toString(Priority::Medium));
        QVERIFY(s.enabled);

        // An empty object: the defaults too.
        QVERIFY(parseReminderSettings(json(R"({"reminders": {}})"), QStringLiteral("$.reminders"), s, errors));
        QVERIFY(errors.isEmpty());
        QCOMPARE(s.news2LowHours, 4);
    }

    void parseValid()
    {
        ReminderSettings s;
        QStringList errors;
        QVERIFY(parseReminderSettings(json(R"({"reminders": {"enabled": false, "news2ZeroHours": 8, "news2LowHours": 6,
                                          "medicationRounds": ["07:30", "13:00", "21:00"], "overdueAfterMin": 15,
                                          "overduePriority": "high"}})"),
                                      QStringLiteral("$.reminders"), s, errors));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QVERIFY(!s.enabled);
        QCOMPARE(s.news2ZeroHours, 8);
        QCOMPARE(s.news2LowHours, 6);
        QCOMPARE(s.medicationRounds, QStringList({"07:30", "13:00", "21:00"}));
        QCOMPARE(s.overdueAfterMin, 15);
        QCOMPARE(toString(s.overduePriority), toString(Priority::High));
    }

    // Every error names its JSON path and why; settings with an error are not taken.
    void parseErrorsNameTheirPath_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("round 25:00") << R"({"medicationRounds": ["08:00", "12:00", "25:00"]})"
                                     << R"($.reminders.medicationRounds[2]: "25:00" is not a time of day (HH:MM, 00:00 to 23:59))";
        QTest::newRow("round 8:00") << R"({"medicationRounds": ["8:00"]})"
                                    << R"($.reminders.medicationRounds[0]: "8:00" is not a time of day (HH:MM, 00:00 to 23:59))";
        QTest::newRow("round not text") << R"({"medicationRounds": ["08:00", 12]})"
                                        << R"($.reminders.medicationRounds[1]: must be a time of day as text ("HH:MM"))";
        QTest::newRow("round twice") << R"({"medicationRounds": ["08:00", "08:00"]})"
                                     << R"($.reminders.medicationRounds[1]: "08:00" is listed twice)";
        QTest::newRow("rounds not an array") << R"({"medicationRounds": "08:00"})"
                                             << R"($.reminders.medicationRounds: must be an array of times of day ("HH:MM"))";
        QTest::newRow("low hours 7") << R"({"news2LowHours": 7})" << "$.reminders.news2LowHours: 7 is outside 4..6";
        QTest::newRow("low hours 3") << R"({"news2LowHours": 3})" << "$.reminders.news2LowHours: 3 is outside 4..6";
        QTest::newRow("low hours 4.5") << R"({"news2LowHours": 4.5})" << "$.reminders.news2LowHours: 4.5 is not a whole number";
        QTest::newRow("zero hours 13") << R"({"news2ZeroHours": 13})" << "$.reminders.news2ZeroHours: 13 is outside 1..12";
        QTest::newRow("overdue as text") << R"({"overdueAfterMin": "30"})"
                                         << "$.reminders.overdueAfterMin: must be a whole number from 1 to 720";
        QTest::newRow("overdue 0") << R"({"overdueAfterMin": 0})" << "$.reminders.overdueAfterMin: 0 is outside 1..720";
        QTest::newRow("priority urgent") << R"({"overduePriority": "urgent"})"
                                         << R"($.reminders.overduePriority: "urgent" is not low, medium or high)";
        QTest::newRow("priority number") << R"({"overduePriority": 2})"
                                         << R"($.reminders.overduePriority: must be "low", "medium" or "high")";
        QTest::newRow("enabled yes") << R"({"enabled": "yes"})" << "$.reminders.enabled: must be true or false";
        QTest::newRow("unknown key")
            << R"({"news2HighHours": 1})"
            << "$.reminders.news2HighHours: unknown key (known: enabled, medicationRounds, news2LowHours, news2ZeroHours, "
               "overdueAfterMin, overduePriority)";
        QTest::newRow("not an object") << R"([])" << "$.reminders: must be an object";
    }
    void parseErrorsNameTheirPath()
    {
        QFETCH(QString, body);
        QFETCH(QString, error);
        const QJsonValue v = json(qPrintable(QStringLiteral(R"({"reminders": %1})").arg(body)));
        QVERIFY2(!v.isUndefined(), "test JSON does not parse");
        ReminderSettings s;
        s.overdueAfterMin = 99; // a caller's value, kept when the object has an error
        QStringList errors{QStringLiteral("an earlier error")};
        QVERIFY(!parseReminderSettings(v, QStringLiteral("$.reminders"), s, errors));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.first(), QStringLiteral("an earlier error"));
        QCOMPARE(errors.last(), error);
        QCOMPARE(s.overdueAfterMin, 99);
    }

    // Every error in the object is reported, not just the first.
    void parseReportsEveryError()
    {
        ReminderSettings s;
        QStringList errors;
        QVERIFY(!parseReminderSettings(json(R"({"reminders": {"news2LowHours": 7, "medicationRounds": ["24:00"],
                                           "overduePriority": "urgent", "colour": "red"}})"),
                                       QStringLiteral("$.reminders"), s, errors));
        QCOMPARE(errors.size(), 4);
        for (const char* p : {"$.reminders.news2LowHours:", "$.reminders.medicationRounds[0]:",
                              "$.reminders.overduePriority:", "$.reminders.colour:"})
            QVERIFY2(errors.filter(QLatin1String(p)).size() == 1, p);
    }
};

QTEST_GUILESS_MAIN(TestReminders)
#include "tst_reminders.moc"
