#include "records/alarmlog.h"
#include "records/sqlitedb.h"
#include "domain/conditiontext.h"

#include <QDir>
#include <QFile>
#include <sys/stat.h>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

namespace ww {

namespace {

// Version 1: the schema before versions were recorded (a file from then opens as version 1, then 2).
const sqlite::Migration Steps[] = {
    {1,
     {"CREATE TABLE IF NOT EXISTS alarm_log("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, utc_ms INTEGER NOT NULL, kind TEXT NOT NULL,"
    " alarm_id TEXT, rule TEXT, priority TEXT, phase TEXT, subject TEXT, place TEXT, condition TEXT,"
    " value REAL, limit_value REAL, onset_ms INTEGER, late INTEGER, step INTEGER,"
    " operator TEXT, operator_name TEXT, station TEXT, detail TEXT, state TEXT)",
    "CREATE INDEX IF NOT EXISTS alarm_log_id ON alarm_log(alarm_id, seq)",
    "CREATE TRIGGER IF NOT EXISTS alarm_log_no_update BEFORE UPDATE ON alarm_log "
    " BEGIN SELECT RAISE(ABORT, 'the alarm log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS alarm_log_no_delete BEFORE DELETE ON alarm_log "
    " BEGIN SELECT RAISE(ABORT, 'the alarm log is append-only'); END"}},
    // Version 2: the condition as data (code and arguments, a JSON array), beside its English text.
    {2, {"ALTER TABLE alarm_log ADD COLUMN condition_code TEXT", "ALTER TABLE alarm_log ADD COLUMN condition_args TEXT"}},
};
const sqlite::Schema Schema{"alarm_log", Steps};

QString connectionName(const char* purpose)
{
    return sqlite::connectionName("alarmlog", purpose);
}

LogEntry entryFrom(const QSqlQuery& q)
{
    LogEntry e;
    e.seq = q.value(0).toLongLong();
    e.utcMs = q.value(1).toLongLong();
    e.kind = q.value(2).toString();
    e.state = alarmFromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
    e.operatorId = q.value(4).toString();
    e.operatorName = q.value(5).toString();
    e.station = q.value(6).toString();
    e.detail = q.value(7).toString();
    return e;
}

QString csvField(const QString& s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u'"', QStringLiteral("\"\""));
    return QChar(u'"') + q + QChar(u'"');
}

} // namespace

QJsonObject toJson(const AlarmState& s)
{
    return QJsonObject{{QStringLiteral("id"), s.id},
                       {QStringLiteral("rule"), s.rule},
                       {QStringLiteral("category"), int(s.category)},
                       {QStringLiteral("priority"), int(s.priority)},
                       {QStringLiteral("source"), s.source},
                       {QStringLiteral("subject"), s.subject},
                       {QStringLiteral("place"), s.place},
                       {QStringLiteral("roomId"), s.roomId},
                       {QStringLiteral("condition"), s.condition},
                       {QStringLiteral("conditionCode"), s.conditionCode},
                       {QStringLiteral("endsOnAck"), s.endsOnAck},
                       {QStringLiteral("conditionArgs"), QJsonArray::fromStringList(s.conditionArgs)},
                       {QStringLiteral("value"), s.value},
                       {QStringLiteral("limit"), s.limit},
                       {QStringLiteral("onsetMs"), QString::number(s.onsetMs)},
                       {QStringLiteral("endedMs"), QString::number(s.endedMs)},
                       {QStringLiteral("ackedBy"), s.ackedBy},
                       {QStringLiteral("ackedByName"), s.ackedByName},
                       {QStringLiteral("ackedStation"), s.ackedStation},
                       {QStringLiteral("ackedAtMs"), QString::number(s.ackedAtMs)},
                       {QStringLiteral("closedMs"), QString::number(s.closedMs)},
                       {QStringLiteral("step"), s.escalationStep},
                       {QStringLiteral("station"), s.stationId},
                       {QStringLiteral("revision"), QString::number(s.revision)},
                       {QStringLiteral("late"), s.late},
                       {QStringLiteral("latching"), s.latching},
                       {QStringLiteral("local"), s.local}};
}

AlarmState alarmFromJson(const QJsonObject& o)
{
    AlarmState s;
    s.id = o.value(u"id").toString();
    s.rule = o.value(u"rule").toString();
    s.category = AlarmCategory(o.value(u"category").toInt());
    s.priority = Priority(std::clamp(o.value(u"priority").toInt(1), 1, 3));
    s.source = o.value(u"source").toString();
    s.subject = o.value(u"subject").toString();
    s.place = o.value(u"place").toString();
    s.roomId = o.value(u"roomId").toString();
    s.condition = o.value(u"condition").toString();
    s.conditionCode = o.value(u"conditionCode").toString();
    s.endsOnAck = o.value(u"endsOnAck").toBool();
    for (const auto& arg : o.value(u"conditionArgs").toArray())
        s.conditionArgs << arg.toString();
    s.value = o.value(u"value").toDouble();
    s.limit = o.value(u"limit").toDouble();
    s.onsetMs = o.value(u"onsetMs").toString().toLongLong();
    s.endedMs = o.value(u"endedMs").toString().toLongLong();
    s.ackedBy = o.value(u"ackedBy").toString();
    s.ackedByName = o.value(u"ackedByName").toString();
    s.ackedStation = o.value(u"ackedStation").toString();
    s.ackedAtMs = o.value(u"ackedAtMs").toString().toLongLong();
    s.closedMs = o.value(u"closedMs").toString().toLongLong();
    s.escalationStep = o.value(u"step").toInt();
    s.stationId = o.value(u"station").toString();
    s.revision = o.value(u"revision").toString().toULongLong();
    s.late = o.value(u"late").toBool();
    s.latching = o.value(u"latching").toBool();
    s.local = o.value(u"local").toBool();
    return s;
}

AlarmLog::AlarmLog(QString path) : m_path(std::move(path)), m_connection(connectionName("writer")) {}

AlarmLog::~AlarmLog()
{
    if (m_open)
        sqlite::close(m_connection);
}

bool AlarmLog::ensureOpen()
{
    // WAL with synchronous FULL: a transition is on disk before append() returns.
    if (!m_open && sqlite::openForAppend(m_path, m_connection, Schema, m_error)) {
        m_open = true;
        if (struct stat st{}; m_path != u":memory:" && ::stat(QFile::encodeName(m_path).constData(), &st) == 0)
            m_file = FileId{quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size)};
    }
    return m_open;
}

QString AlarmLog::fileProblem()
{
    if (!m_file)
        return {};
    struct stat st{};
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return QStringLiteral("%1 was removed: what the station writes now cannot be read back").arg(m_path);
    if (quint64(st.st_dev) != m_file->device || quint64(st.st_ino) != m_file->inode)
        return QStringLiteral("%1 was replaced by another file").arg(m_path);
    if (qint64(st.st_size) < m_file->size)
        return QStringLiteral("%1 was truncated (%2 bytes, was %3)").arg(m_path).arg(qint64(st.st_size)).arg(m_file->size);
    m_file->size = qint64(st.st_size);
    return {};
}

bool AlarmLog::append(const LogEntry& e)
{
    if (!ensureOpen())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO alarm_log(utc_ms, kind, alarm_id, rule, priority, phase, subject, place, condition, value,"
        " limit_value, onset_ms, late, step, operator, operator_name, station, detail, state, condition_code,"
        " condition_args) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const AlarmState& s = e.state;
    const bool alarm = !s.id.isEmpty();
    q.addBindValue(e.utcMs);
    q.addBindValue(e.kind);
    q.addBindValue(s.id);
    q.addBindValue(alarm ? s.rule : QString());
    q.addBindValue(alarm ? toString(s.priority) : QString());
    q.addBindValue(alarm ? toString(s.phase()) : QString());
    q.addBindValue(s.subject);
    q.addBindValue(s.place);
    q.addBindValue(s.condition);
    q.addBindValue(alarm ? QVariant(s.value) : QVariant());
    q.addBindValue(alarm ? QVariant(s.limit) : QVariant());
    q.addBindValue(alarm ? QVariant(s.onsetMs) : QVariant());
    q.addBindValue(s.late ? 1 : 0);
    q.addBindValue(s.escalationStep);
    q.addBindValue(e.operatorId);
    q.addBindValue(e.operatorName);
    q.addBindValue(e.station);
    q.addBindValue(e.detail);
    q.addBindValue(QString::fromUtf8(QJsonDocument(toJson(s)).toJson(QJsonDocument::Compact)));
    q.addBindValue(s.conditionCode.isEmpty() ? QVariant() : QVariant(s.conditionCode));
    q.addBindValue(s.conditionCode.isEmpty()
                       ? QVariant()
                       : QVariant(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(s.conditionArgs)).toJson(QJsonDocument::Compact))));
    if (!q.exec()) {
        m_error = QStringLiteral("%1: write failed: %2").arg(m_path, q.lastError().text());
        return false;
    }
    m_error.clear();
    return true;
}

void AlarmLog::beginBatch()
{
    if (ensureOpen())
        QSqlDatabase::database(m_connection, false).transaction();
}

bool AlarmLog::endBatch()
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.commit()) {
        m_error = QStringLiteral("%1: commit failed: %2").arg(m_path, db.lastError().text());
        return false;
    }
    return true;
}

std::vector<AlarmState> AlarmLog::openAlarms()
{
    std::vector<AlarmState> out;
    if (!ensureOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("SELECT state FROM alarm_log WHERE seq IN"
                          " (SELECT max(seq) FROM alarm_log WHERE alarm_id <> '' GROUP BY alarm_id) ORDER BY seq"));
    while (q.next()) {
        AlarmState s = alarmFromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
        if (!s.id.isEmpty() && !s.closed())
            out.push_back(std::move(s));
    }
    return out;
}

std::vector<LogEntry> AlarmLog::query(const QString& path, const LogFilter& f, QString* error)
{
    std::vector<LogEntry> out;
    const QString name = connectionName("reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(path, db.lastError().text());
        } else {
            QString sql = QStringLiteral("SELECT seq, utc_ms, kind, state, operator, operator_name, station, detail"
                                         " FROM alarm_log WHERE 1=1");
            if (f.fromMs)
                sql += QStringLiteral(" AND utc_ms >= :from");
            if (f.toMs)
                sql += QStringLiteral(" AND utc_ms <= :to");
            if (f.alarmsOnly)
                sql += QStringLiteral(" AND alarm_id <> ''");
            if (f.minPriority)
                sql += QStringLiteral(" AND (priority IN (%1))")
                           .arg(*f.minPriority == Priority::High     ? QStringLiteral("'high'")
                                : *f.minPriority == Priority::Medium ? QStringLiteral("'high','medium'")
                                                                     : QStringLiteral("'high','medium','low'"));
            QSqlQuery q(db);
            // A condition with a code is shown in the reader's language: such rows are matched
            // against the text as shown, here, rather than by SQL against the English.
            const bool codes = q.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('alarm_log') WHERE name = 'condition_code'")) &&
                               q.next();
            q.finish();
            if (!f.text.isEmpty())
                sql += QStringLiteral(" AND (subject LIKE :t OR place LIKE :t OR condition LIKE :t OR rule LIKE :t"
                                      " OR operator LIKE :t OR operator_name LIKE :t OR detail LIKE :t%1)")
                           .arg(codes ? QStringLiteral(" OR condition_code IS NOT NULL") : QString());
            sql += QStringLiteral(" ORDER BY seq DESC");
            if (f.text.isEmpty())
                sql += QStringLiteral(" LIMIT %1").arg(std::max(1, f.limit));
            q.prepare(sql);
            if (f.fromMs)
                q.bindValue(QStringLiteral(":from"), f.fromMs);
            if (f.toMs)
                q.bindValue(QStringLiteral(":to"), f.toMs);
            if (!f.text.isEmpty())
                q.bindValue(QStringLiteral(":t"), QChar(u'%') + f.text + QChar(u'%'));
            if (!q.exec() && error)
                *error = q.lastError().text();
            auto shown = [&f](const LogEntry& e) {
                const AlarmState& s = e.state;
                for (const QString* field : {&s.subject, &s.place, &s.condition, &s.rule, &e.operatorId, &e.operatorName, &e.detail})
                    if (field->contains(f.text, Qt::CaseInsensitive))
                        return true;
                return shownCondition(s).contains(f.text, Qt::CaseInsensitive);
            };
            while (int(out.size()) < std::max(1, f.limit) && q.next()) {
                LogEntry e = entryFrom(q);
                if (f.text.isEmpty() || shown(e))
                    out.push_back(std::move(e));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QByteArray AlarmLog::toCsv(const std::vector<LogEntry>& entries)
{
    QString out = QStringLiteral("seq,time_utc,time_local,event,alarm_id,priority,phase,rule,subject,place,condition,"
                                 "value,limit,onset_utc,late,escalation_step,operator,operator_name,station,detail\r\n");
    auto iso = [](qint64 ms, bool utc) {
        if (ms == 0)
            return QString();
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        return utc ? t.toString(Qt::ISODateWithMs) : t.toLocalTime().toString(Qt::ISODateWithMs);
    };
    for (const auto& e : entries) {
        const AlarmState& s = e.state;
        const bool alarm = !s.id.isEmpty();
        const QStringList fields{QString::number(e.seq),
                                 iso(e.utcMs, true),
                                 iso(e.utcMs, false),
                                 e.kind,
                                 s.id,
                                 alarm ? toString(s.priority) : QString(),
                                 alarm ? toString(s.phase()) : QString(),
                                 s.rule,
                                 s.subject,
                                 s.place,
                                 s.condition,
                                 alarm ? QString::number(s.value) : QString(),
                                 alarm ? QString::number(s.limit) : QString(),
                                 iso(s.onsetMs, true),
                                 s.late ? QStringLiteral("yes") : QString(),
                                 alarm ? QString::number(s.escalationStep) : QString(),
                                 e.operatorId,
                                 e.operatorName,
                                 e.station,
                                 e.detail};
        QStringList quoted;
        for (const auto& f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace ww
