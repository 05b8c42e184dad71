#include "records/shiftreport.h"
#include "records/alarmlog.h"
#include "records/sqlitedb.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ww {

namespace {

constexpr qint64 DayMs = 86'400'000;

bool isReminder(const AlarmState& s)
{
    return s.rule.startsWith(u"reminder.");
}

ShiftReport::Alarm itemOf(const AlarmState& s, qint64 fromMs, qint64 toMs)
{
    ShiftReport::Alarm a;
    a.id = s.id;
    a.rule = s.rule;
    a.conditionCode = s.conditionCode;
    a.condition = s.condition;
    a.conditionArgs = s.conditionArgs;
    a.subject = s.subject;
    a.patientId = s.patientId;
    a.priority = s.priority;
    a.onsetMs = s.onsetMs;
    a.endedMs = s.endedMs;
    a.ackedAtMs = s.ackedAtMs;
    a.closedMs = s.closedMs;
    a.ackedBy = s.ackedBy;
    a.ackedByName = s.ackedByName;
    a.ackComment = s.ackComment;
    a.raisedInPeriod = s.onsetMs >= fromMs && s.onsetMs <= toMs;
    return a;
}

struct CensusRow
{
    QString bed;
    qint64 timeMs = 0;
    bool occupied = false;
};

// The census record's rows at or before toMs, by bed and then in the order they take effect
// (time, station, then the order written): the last row of a bed at a time is the one that holds.
// No table (a log written before the census record existed) is no rows.
bool readCensus(const QString& path, qint64 toMs, std::vector<CensusRow>& rows, QString& error)
{
    const QString name = sqlite::connectionName("shiftreport", "census");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            error = QStringLiteral("%1: %2").arg(path, db.lastError().text());
            ok = false;
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'census_record'"))) {
                error = QStringLiteral("%1: cannot be read: %2").arg(path, q.lastError().text());
                ok = false;
            } else if (q.next()) {
                q.finish();
                q.prepare(QStringLiteral("SELECT bed, time_ms, patient_id FROM census_record WHERE time_ms <= ?"
                                         " ORDER BY bed, time_ms, station, seq"));
                q.addBindValue(toMs);
                if (!q.exec()) {
                    error = QStringLiteral("%1: cannot read the census record: %2").arg(path, q.lastError().text());
                    ok = false;
                }
                while (ok && q.next())
                    rows.push_back({q.value(0).toString(), q.value(1).toLongLong(), !q.value(2).toString().isEmpty()});
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Occupied bed-days in [fromMs, toMs] and how they were counted.
void countBedDays(ShiftReport& r, const std::vector<CensusRow>& rows, const ShiftReportOptions& o)
{
    const double periodDays = double(r.toMs - r.fromMs) / double(DayMs);
    r.bedsOption = std::max(0, o.bedsThroughout);
    if (rows.empty() && o.bedsThroughout > 0) {
        r.occupiedBedDays = o.bedsThroughout * periodDays;
        r.bedDaysBasis = QStringLiteral("beds-option");
        r.bedDaysNote = QStringLiteral("%1 beds occupied throughout the period (--beds; the census record has no entries)")
                            .arg(o.bedsThroughout);
        return;
    }
    QSet<QString> atStart(o.occupiedAtStart.begin(), o.occupiedAtStart.end());
    QSet<QString> seen;
    qint64 occupiedMs = 0;
    auto bedTime = [&](size_t first, size_t last, bool occupiedBefore) {
        // rows[first, last) are one bed's, in order; occupiedBefore: the bed at `from` when no row
        // at or before `from` says otherwise.
        bool occupied = occupiedBefore;
        qint64 since = r.fromMs;
        for (size_t i = first; i < last; ++i) {
            const CensusRow& c = rows[i];
            if (c.timeMs <= r.fromMs) {
                occupied = c.occupied;
                continue;
            }
            if (occupied)
                occupiedMs += c.timeMs - since;
            since = c.timeMs;
            occupied = c.occupied;
        }
        if (occupied)
            occupiedMs += r.toMs - since;
    };
    for (size_t i = 0; i < rows.size();) {
        size_t j = i;
        while (j < rows.size() && rows[j].bed == rows[i].bed)
            ++j;
        seen.insert(rows[i].bed);
        bedTime(i, j, atStart.contains(rows[i].bed));
        i = j;
    }
    for (const QString& bed : std::as_const(atStart))
        if (!seen.contains(bed))
            occupiedMs += r.toMs - r.fromMs;
    r.occupiedBedDays = double(occupiedMs) / double(DayMs);
    r.bedsAtStart = int(atStart.size());
    if (o.occupiedAtStartGiven) {
        r.bedDaysBasis = QStringLiteral("census-record+station-census");
        r.bedDaysNote = QStringLiteral("the census record, with the station's census at the start (%1 beds occupied) for "
                                       "beds the record has no entry for before the start")
                            .arg(atStart.size());
    } else {
        r.bedDaysBasis = QStringLiteral("census-record");
        r.bedDaysNote = QStringLiteral("the census record only: a bed with no entry before the start counts as vacant until "
                                       "its first entry");
    }
    if (o.bedsThroughout > 0)
        r.bedDaysNote += QStringLiteral(" (--beds %1 not used: the census record has entries)").arg(o.bedsThroughout);
}

QString utcText(qint64 ms)
{
    return ms == 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString localText(qint64 ms, bool withDate = true)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    return t.toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
}

} // namespace

QString shiftDurationText(qint64 ms)
{
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = (ms + 500) / 1000;
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
}

namespace {

QString scoreText(double v)
{
    return QString::number(v, 'g', 6);
}

QString whoText(const ShiftReport::Alarm& a)
{
    if (a.ackedByName.isEmpty())
        return a.ackedBy;
    return a.ackedBy.isEmpty() ? a.ackedByName : QStringLiteral("%1 (%2)").arg(a.ackedByName, a.ackedBy);
}

QJsonValue msOrNull(const std::optional<qint64>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue numberOrNull(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject alarmJson(const ShiftReport::Alarm& a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("rule"), a.rule},
                       {QStringLiteral("conditionCode"), a.conditionCode},
                       {QStringLiteral("condition"), a.condition},
                       {QStringLiteral("subject"), a.subject},
                       {QStringLiteral("patientId"), a.patientId},
                       {QStringLiteral("priority"), toString(a.priority)},
                       {QStringLiteral("onsetMs"), double(a.onsetMs)},
                       {QStringLiteral("endedMs"), double(a.endedMs)},
                       {QStringLiteral("ackedAtMs"), double(a.ackedAtMs)},
                       {QStringLiteral("closedMs"), double(a.closedMs)},
                       {QStringLiteral("ackedBy"), a.ackedBy},
                       {QStringLiteral("ackedByName"), a.ackedByName},
                       {QStringLiteral("ackComment"), a.ackComment},
                       {QStringLiteral("raisedInPeriod"), a.raisedInPeriod}};
}

QString csvField(const QString& s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u'"', QStringLiteral("\"\""));
    return QChar(u'"') + q + QChar(u'"');
}

QString secondsText(const std::optional<qint64>& ms)
{
    return ms ? QString::number(double(*ms) / 1000.0, 'f', 3) : QString();
}

} // namespace

std::optional<qint64> nearestRank(std::vector<qint64> values, int percent)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    // rank = ceil(p / 100 * n), at least 1: integer arithmetic, no rounding error at exact ranks.
    const size_t n = values.size();
    size_t rank = (size_t(std::clamp(percent, 0, 100)) * n + 99) / 100;
    rank = std::clamp<size_t>(rank, 1, n);
    return values[rank - 1];
}

std::optional<double> ShiftReport::Patient::news2First() const
{
    return news2.empty() ? std::nullopt : std::optional<double>(news2.front().score);
}

std::optional<double> ShiftReport::Patient::news2Last() const
{
    return news2.empty() ? std::nullopt : std::optional<double>(news2.back().score);
}

std::optional<double> ShiftReport::Patient::news2Min() const
{
    if (news2.empty())
        return std::nullopt;
    return std::min_element(news2.begin(), news2.end(), [](const News2Point& a, const News2Point& b) { return a.score < b.score; })->score;
}

std::optional<double> ShiftReport::Patient::news2Max() const
{
    if (news2.empty())
        return std::nullopt;
    return std::max_element(news2.begin(), news2.end(), [](const News2Point& a, const News2Point& b) { return a.score < b.score; })->score;
}

ShiftReport buildShiftReport(const QString& logPath, qint64 fromMs, qint64 toMs, const ShiftReportOptions& options, QString* error)
{
    ShiftReport r;
    r.logPath = logPath;
    r.fromMs = fromMs;
    r.toMs = toMs;
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        ShiftReport empty;
        empty.logPath = logPath;
        empty.fromMs = fromMs;
        empty.toMs = toMs;
        return empty;
    };
    if (toMs <= fromMs)
        return fail(QStringLiteral("the period is empty (its end is not after its start)"));
    const QFileInfo info(logPath);
    if (!info.exists())
        return fail(QStringLiteral("%1: no such file").arg(logPath));
    if (!info.isFile() || !info.isReadable())
        return fail(QStringLiteral("%1: cannot be read (not a readable file)").arg(logPath));
    if (AlarmLog::rowCount(logPath) < 0)
        return fail(QStringLiteral("%1: not a station's log (no alarm log in it)").arg(logPath));

    LogFilter filter;
    filter.fromMs = fromMs;
    filter.toMs = toMs;
    filter.limit = std::numeric_limits<int>::max();
    QString queryError;
    std::vector<LogEntry> entries = AlarmLog::query(logPath, filter, &queryError);
    if (!queryError.isEmpty())
        return fail(queryError.startsWith(logPath) ? queryError : QStringLiteral("%1: %2").arg(logPath, queryError));
    std::reverse(entries.begin(), entries.end()); // written order

    std::vector<CensusRow> census;
    QString censusError;
    if (!readCensus(logPath, toMs, census, censusError))
        return fail(censusError);
    countBedDays(r, census, options);

    // Every alarm's latest logged state in the period, by id; NEWS2 scores by patient.
    std::map<QString, AlarmState> alarms;
    QSet<QString> superseded;
    QHash<QString, ShiftReport::Patient> patients;
    auto patient = [&](const QString& id, const QString& name) -> ShiftReport::Patient& {
        ShiftReport::Patient& p = patients[id];
        p.id = id;
        if (!name.isEmpty())
            p.name = name; // the latest name logged
        return p;
    };
    for (const LogEntry& e : entries) {
        if (e.kind == u"news2") {
            if (e.state.patientId.isEmpty())
                continue; // a score nobody can be named for
            patient(e.state.patientId, e.state.subject).news2.push_back({e.utcMs, e.state.value, e.detail});
            r.anyNews2 = true;
            continue;
        }
        if (e.state.id.isEmpty() || e.kind == u"audit" || e.kind == u"refused")
            continue;
        // A copy retired in favour of another station's earlier alarm of the same condition: that
        // one is counted.
        if (e.kind == u"superseded")
            superseded.insert(e.state.id);
        alarms[e.state.id] = e.state;
        if (!e.state.patientId.isEmpty())
            patient(e.state.patientId, e.state.subject);
    }

    std::map<Priority, std::vector<qint64>> ackTimes;
    std::map<Priority, ShiftReport::PriorityFigures> perPriority;
    for (Priority p : {Priority::High, Priority::Medium, Priority::Low})
        perPriority[p].priority = p;
    std::map<std::pair<QString, QString>, ShiftReport::ConditionCount> conditions;
    QHash<QString, int> nuisanceRules;
    for (const auto& [id, s] : alarms) {
        if (superseded.contains(id))
            continue;
        const ShiftReport::Alarm item = itemOf(s, fromMs, toMs);
        const bool reminder = isReminder(s);
        if (!s.patientId.isEmpty()) {
            ShiftReport::Patient& p = patients[s.patientId];
            if (!reminder) {
                p.alarms.push_back(item);
            } else if (!(s.acknowledged() && s.ackedAtMs < fromMs)) { // done in an earlier period: not this one's
                p.reminders.push_back(item);
                ++(s.acknowledged() ? p.remindersDone : p.remindersMissed);
            }
        }
        if (reminder || !item.raisedInPeriod)
            continue;
        if (s.local) {
            ++r.localAlarms;
            continue;
        }
        ++r.alarmsRaised;
        ShiftReport::PriorityFigures& f = perPriority[s.priority];
        ++f.raised;
        if (s.acknowledged()) {
            ++f.acknowledged;
            ackTimes[s.priority].push_back(s.ackedAtMs - s.onsetMs);
        } else {
            ++f.neverAcknowledged;
        }
        ShiftReport::ConditionCount& c = conditions[{s.rule, s.conditionCode}];
        if (c.count++ == 0) {
            c.rule = s.rule;
            c.conditionCode = s.conditionCode;
            c.example = s.condition;
            c.exampleArgs = s.conditionArgs;
        }
        const bool endedByItself = s.ended() && !s.endsOnAck && s.endedMs - s.onsetMs <= options.nuisanceMaxMs;
        const bool ackedBeforeEnd = s.acknowledged() && s.ackedAtMs <= s.endedMs;
        if (endedByItself && !ackedBeforeEnd) {
            r.nuisance.push_back(item);
            ++nuisanceRules[s.rule];
        }
    }
    for (Priority p : {Priority::High, Priority::Medium, Priority::Low}) {
        ShiftReport::PriorityFigures f = perPriority[p];
        f.ackP50Ms = nearestRank(ackTimes[p], 50);
        f.ackP90Ms = nearestRank(ackTimes[p], 90);
        r.priorities.push_back(f);
    }
    if (r.occupiedBedDays > 0 && r.occupiedBedDays >= options.minBedDaysForRate)
        r.alarmsPerBedDay = double(r.alarmsRaised) / r.occupiedBedDays;

    for (auto& [key, c] : conditions)
        r.topConditions.push_back(c);
    std::stable_sort(r.topConditions.begin(), r.topConditions.end(),
                     [](const ShiftReport::ConditionCount& a, const ShiftReport::ConditionCount& b) { return a.count > b.count; });
    if (int(r.topConditions.size()) > std::max(0, options.topConditions))
        r.topConditions.resize(size_t(std::max(0, options.topConditions)));

    auto byOnset = [](const ShiftReport::Alarm& a, const ShiftReport::Alarm& b) {
        return std::pair(a.onsetMs, a.id) < std::pair(b.onsetMs, b.id);
    };
    std::sort(r.nuisance.begin(), r.nuisance.end(), byOnset);
    for (auto it = nuisanceRules.cbegin(); it != nuisanceRules.cend(); ++it)
        r.nuisanceRules.emplace_back(it.key(), it.value());
    std::sort(r.nuisanceRules.begin(), r.nuisanceRules.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });

    for (auto it = patients.begin(); it != patients.end(); ++it) {
        ShiftReport::Patient p = it.value();
        if (p.alarms.empty() && p.reminders.empty() && p.news2.empty())
            continue; // only reminders done in an earlier period
        if (p.name.isEmpty())
            p.name = p.id;
        std::sort(p.alarms.begin(), p.alarms.end(), byOnset);
        std::sort(p.reminders.begin(), p.reminders.end(), byOnset);
        std::stable_sort(p.news2.begin(), p.news2.end(),
                         [](const ShiftReport::News2Point& a, const ShiftReport::News2Point& b) { return a.timeMs < b.timeMs; });
        r.patients.push_back(std::move(p));
    }
    std::sort(r.patients.begin(), r.patients.end(), [](const ShiftReport::Patient& a, const ShiftReport::Patient& b) {
        const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    if (error)
        error->clear();
    return r;
}

QJsonObject toJson(const ShiftReport& r)
{
    QJsonArray priorities;
    for (const auto& f : r.priorities)
        priorities.append(QJsonObject{{QStringLiteral("priority"), toString(f.priority)},
                                      {QStringLiteral("raised"), f.raised},
                                      {QStringLiteral("acknowledged"), f.acknowledged},
                                      {QStringLiteral("neverAcknowledged"), f.neverAcknowledged},
                                      {QStringLiteral("ackP50Ms"), msOrNull(f.ackP50Ms)},
                                      {QStringLiteral("ackP90Ms"), msOrNull(f.ackP90Ms)}});
    QJsonArray conditions;
    for (const auto& c : r.topConditions)
        conditions.append(QJsonObject{{QStringLiteral("rule"), c.rule},
                                      {QStringLiteral("conditionCode"), c.conditionCode},
                                      {QStringLiteral("example"), c.example},
                                      {QStringLiteral("count"), c.count}});
    QJsonArray nuisance, nuisanceRules;
    for (const auto& a : r.nuisance)
        nuisance.append(alarmJson(a));
    for (const auto& [rule, count] : r.nuisanceRules)
        nuisanceRules.append(QJsonObject{{QStringLiteral("rule"), rule}, {QStringLiteral("count"), count}});
    QJsonArray patients;
    for (const auto& p : r.patients) {
        QJsonArray alarms, reminders, series;
        for (const auto& a : p.alarms)
            alarms.append(alarmJson(a));
        for (const auto& a : p.reminders) {
            QJsonObject o = alarmJson(a);
            o.insert(QStringLiteral("status"), a.ackedAtMs != 0 ? QStringLiteral("done") : QStringLiteral("missed"));
            reminders.append(o);
        }
        for (const auto& n : p.news2)
            series.append(QJsonObject{{QStringLiteral("timeMs"), double(n.timeMs)},
                                      {QStringLiteral("score"), n.score},
                                      {QStringLiteral("detail"), n.detail}});
        patients.append(QJsonObject{{QStringLiteral("id"), p.id},
                                    {QStringLiteral("name"), p.name},
                                    {QStringLiteral("alarms"), alarms},
                                    {QStringLiteral("reminders"), reminders},
                                    {QStringLiteral("remindersDone"), p.remindersDone},
                                    {QStringLiteral("remindersMissed"), p.remindersMissed},
                                    {QStringLiteral("news2"), QJsonObject{{QStringLiteral("series"), series},
                                                                          {QStringLiteral("first"), numberOrNull(p.news2First())},
                                                                          {QStringLiteral("last"), numberOrNull(p.news2Last())},
                                                                          {QStringLiteral("min"), numberOrNull(p.news2Min())},
                                                                          {QStringLiteral("max"), numberOrNull(p.news2Max())}}}});
    }
    return QJsonObject{{QStringLiteral("log"), r.logPath},
                       {QStringLiteral("fromMs"), double(r.fromMs)},
                       {QStringLiteral("toMs"), double(r.toMs)},
                       {QStringLiteral("from"), utcText(r.fromMs)},
                       {QStringLiteral("to"), utcText(r.toMs)},
                       {QStringLiteral("ward"),
                        QJsonObject{{QStringLiteral("occupiedBedDays"), r.occupiedBedDays},
                                    {QStringLiteral("bedDaysBasis"), r.bedDaysBasis},
                                    {QStringLiteral("bedDaysNote"), r.bedDaysNote},
                                    {QStringLiteral("alarmsRaised"), r.alarmsRaised},
                                    {QStringLiteral("localAlarmsLeftOut"), r.localAlarms},
                                    {QStringLiteral("alarmsPerBedDay"), numberOrNull(r.alarmsPerBedDay)},
                                    {QStringLiteral("percentileMethod"), QStringLiteral("nearest-rank")},
                                    {QStringLiteral("timeToAcknowledge"), priorities},
                                    {QStringLiteral("topConditions"), conditions},
                                    {QStringLiteral("nuisanceCount"), int(r.nuisance.size())},
                                    {QStringLiteral("nuisanceRules"), nuisanceRules},
                                    {QStringLiteral("nuisance"), nuisance},
                                    {QStringLiteral("news2Logged"), r.anyNews2}}},
                       {QStringLiteral("patients"), patients}};
}

QByteArray toCsv(const ShiftReport& r)
{
    QString out;
    auto row = [&out](const QStringList& fields) {
        QStringList quoted;
        for (const QString& f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    };
    auto number = [](double v) { return QString::number(v, 'f', 3); };
    const QString s = QStringLiteral("summary");
    row({s, QStringLiteral("item"), QStringLiteral("value")});
    row({s, QStringLiteral("from_utc"), utcText(r.fromMs)});
    row({s, QStringLiteral("to_utc"), utcText(r.toMs)});
    row({s, QStringLiteral("occupied_bed_days"), number(r.occupiedBedDays)});
    row({s, QStringLiteral("bed_days_basis"), r.bedDaysBasis});
    row({s, QStringLiteral("alarms_raised"), QString::number(r.alarmsRaised)});
    row({s, QStringLiteral("alarms_per_bed_day"), r.alarmsPerBedDay ? number(*r.alarmsPerBedDay) : QString()});
    row({s, QStringLiteral("station_technical_alarms_left_out"), QString::number(r.localAlarms)});
    row({s, QStringLiteral("likely_nuisance"), QString::number(r.nuisance.size())});

    const QString pr = QStringLiteral("time_to_acknowledge");
    row({pr, QStringLiteral("priority"), QStringLiteral("raised"), QStringLiteral("acknowledged"),
         QStringLiteral("never_acknowledged"), QStringLiteral("p50_s"), QStringLiteral("p90_s")});
    for (const auto& f : r.priorities)
        row({pr, toString(f.priority), QString::number(f.raised), QString::number(f.acknowledged),
             QString::number(f.neverAcknowledged), secondsText(f.ackP50Ms), secondsText(f.ackP90Ms)});

    const QString co = QStringLiteral("top_condition");
    row({co, QStringLiteral("rank"), QStringLiteral("rule"), QStringLiteral("condition_code"), QStringLiteral("count"),
         QStringLiteral("example")});
    for (size_t i = 0; i < r.topConditions.size(); ++i) {
        const auto& c = r.topConditions[i];
        row({co, QString::number(i + 1), c.rule, c.conditionCode, QString::number(c.count), c.example});
    }

    const QString nr = QStringLiteral("nuisance_rule");
    row({nr, QStringLiteral("rule"), QStringLiteral("count")});
    for (const auto& [rule, count] : r.nuisanceRules)
        row({nr, rule, QString::number(count)});
    const QString nu = QStringLiteral("nuisance");
    row({nu, QStringLiteral("alarm_id"), QStringLiteral("rule"), QStringLiteral("subject"), QStringLiteral("onset_utc"),
         QStringLiteral("ended_utc"), QStringLiteral("duration_s")});
    for (const auto& a : r.nuisance)
        row({nu, a.id, a.rule, a.subject, utcText(a.onsetMs), utcText(a.endedMs), secondsText(a.endedMs - a.onsetMs)});

    const QString al = QStringLiteral("patient_alarm");
    row({al, QStringLiteral("patient_id"), QStringLiteral("patient"), QStringLiteral("alarm_id"), QStringLiteral("rule"),
         QStringLiteral("priority"), QStringLiteral("condition"), QStringLiteral("onset_utc"), QStringLiteral("ended_utc"),
         QStringLiteral("acknowledged_utc"), QStringLiteral("acknowledged_by"), QStringLiteral("acknowledged_by_name"),
         QStringLiteral("comment")});
    for (const auto& p : r.patients)
        for (const auto& a : p.alarms)
            row({al, p.id, p.name, a.id, a.rule, toString(a.priority), a.condition, utcText(a.onsetMs), utcText(a.endedMs),
                 utcText(a.ackedAtMs), a.ackedBy, a.ackedByName, a.ackComment});
    const QString re = QStringLiteral("patient_reminder");
    row({re, QStringLiteral("patient_id"), QStringLiteral("patient"), QStringLiteral("alarm_id"), QStringLiteral("rule"),
         QStringLiteral("due_utc"), QStringLiteral("status"), QStringLiteral("done_utc"), QStringLiteral("done_by"),
         QStringLiteral("done_by_name"), QStringLiteral("comment")});
    for (const auto& p : r.patients)
        for (const auto& a : p.reminders)
            row({re, p.id, p.name, a.id, a.rule, utcText(a.onsetMs),
                 a.ackedAtMs != 0 ? QStringLiteral("done") : QStringLiteral("missed"), utcText(a.ackedAtMs), a.ackedBy,
                 a.ackedByName, a.ackComment});
    const QString nw = QStringLiteral("patient_news2");
    row({nw, QStringLiteral("patient_id"), QStringLiteral("patient"), QStringLiteral("time_utc"), QStringLiteral("score"),
         QStringLiteral("detail")});
    for (const auto& p : r.patients)
        for (const auto& n : p.news2)
            row({nw, p.id, p.name, utcText(n.timeMs), scoreText(n.score), n.detail});
    return out.toUtf8();
}

QString toText(const ShiftReport& r)
{
    QString t;
    auto line = [&t](const QString& l = {}) { t += l + u'\n'; };
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(r.fromMs);
    line(QStringLiteral("Shift report %1 to %2 (times: %3)")
             .arg(localText(r.fromMs), localText(r.toMs), from.timeZoneAbbreviation()));
    line(QStringLiteral("Log: %1").arg(r.logPath));
    line();
    line(QStringLiteral("Ward"));
    line(QStringLiteral("  Occupied bed-days:      %1 (%2)").arg(r.occupiedBedDays, 0, 'f', 2).arg(r.bedDaysNote));
    line(QStringLiteral("  Alarms raised:          %1 (not reminders; station technical alarms left out: %2)")
             .arg(r.alarmsRaised)
             .arg(r.localAlarms));
    line(QStringLiteral("  Alarms per bed-day:     %1")
             .arg(r.alarmsPerBedDay ? QString::number(*r.alarmsPerBedDay, 'f', 2) : QStringLiteral("n/a (under one occupied bed-hour)")));
    line(QStringLiteral("  Likely nuisance:        %1 (ended by themselves within 10 s, unacknowledged)").arg(r.nuisance.size()));
    line();
    line(QStringLiteral("Time to acknowledge (nearest rank)"));
    line(QStringLiteral("  %1 %2 %3 %4 %5 %6")
             .arg(QStringLiteral("priority"), -9)
             .arg(QStringLiteral("raised"), 7)
             .arg(QStringLiteral("acked"), 7)
             .arg(QStringLiteral("never"), 7)
             .arg(QStringLiteral("p50"), 12)
             .arg(QStringLiteral("p90"), 12));
    for (const auto& f : r.priorities)
        line(QStringLiteral("  %1 %2 %3 %4 %5 %6")
                 .arg(toString(f.priority), -9)
                 .arg(f.raised, 7)
                 .arg(f.acknowledged, 7)
                 .arg(f.neverAcknowledged, 7)
                 .arg(f.ackP50Ms ? shiftDurationText(*f.ackP50Ms) : QStringLiteral("-"), 12)
                 .arg(f.ackP90Ms ? shiftDurationText(*f.ackP90Ms) : QStringLiteral("-"), 12));
    line();
    line(QStringLiteral("Most frequent conditions"));
    if (r.topConditions.empty())
        line(QStringLiteral("  none"));
    for (size_t i = 0; i < r.topConditions.size(); ++i) {
        const auto& c = r.topConditions[i];
        const QString what = c.conditionCode.isEmpty() ? c.rule : QStringLiteral("%1 (%2)").arg(c.rule, c.conditionCode);
        line(QStringLiteral("  %1. %2 %3").arg(i + 1, 2).arg(what, -40).arg(c.count, 5));
    }
    line();
    line(QStringLiteral("Likely nuisance alarms"));
    if (r.nuisance.empty())
        line(QStringLiteral("  none"));
    for (const auto& [rule, count] : r.nuisanceRules)
        line(QStringLiteral("  %1 %2").arg(rule, -40).arg(count, 5));
    for (const auto& a : r.nuisance)
        line(QStringLiteral("    %1  %2  %3  %4").arg(localText(a.onsetMs), a.rule, a.subject, shiftDurationText(a.endedMs - a.onsetMs)));
    line();
    line(QStringLiteral("Patients"));
    if (r.patients.empty())
        line(QStringLiteral("  none in the log for this period"));
    if (!r.anyNews2)
        line(QStringLiteral("  (the log has no NEWS2 scores for this period)"));
    for (const auto& p : r.patients) {
        line();
        line(QStringLiteral("  %1 (%2)").arg(p.name, p.id));
        if (p.news2.empty()) {
            line(QStringLiteral("    NEWS2: no scores logged"));
        } else {
            line(QStringLiteral("    NEWS2: %1 scores; first %2, last %3, min %4, max %5")
                     .arg(p.news2.size())
                     .arg(scoreText(*p.news2First()), scoreText(*p.news2Last()), scoreText(*p.news2Min()),
                          scoreText(*p.news2Max())));
            QStringList points;
            for (const auto& n : p.news2)
                points << QStringLiteral("%1 %2").arg(localText(n.timeMs, false), scoreText(n.score));
            line(QStringLiteral("      ") + points.join(QStringLiteral(", ")));
        }
        line(QStringLiteral("    Alarms: %1").arg(p.alarms.size()));
        for (const auto& a : p.alarms) {
            QString ack = a.ackedAtMs == 0 ? QStringLiteral("not acknowledged")
                                           : QStringLiteral("acknowledged %1 by %2").arg(localText(a.ackedAtMs, false), whoText(a));
            if (!a.ackComment.isEmpty())
                ack += QStringLiteral(": \"%1\"").arg(a.ackComment);
            line(QStringLiteral("      %1 %2 %3 %4; %5%6")
                     .arg(localText(a.onsetMs), toString(a.priority), a.rule, a.condition, ack,
                          a.raisedInPeriod ? QString() : QStringLiteral(" (raised before the period)")));
        }
        line(QStringLiteral("    Reminders: %1 done, %2 missed").arg(p.remindersDone).arg(p.remindersMissed));
        for (const auto& a : p.reminders) {
            QString what = a.ackedAtMs == 0 ? QStringLiteral("MISSED")
                                            : QStringLiteral("done %1 by %2").arg(localText(a.ackedAtMs, false), whoText(a));
            if (!a.ackComment.isEmpty())
                what += QStringLiteral(": \"%1\"").arg(a.ackComment);
            line(QStringLiteral("      due %1 %2; %3").arg(localText(a.onsetMs), a.rule, what));
        }
    }
    return t;
}

} // namespace ww
