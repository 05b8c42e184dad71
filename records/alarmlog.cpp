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
#include <QCryptographicHash>
#include <QThread>
#include <cmath>
#include <QTimeZone>

namespace ww {

namespace {

// The columns a row's chain covers, in order (every column but seq and chain itself).
constexpr auto ChainedColumns = "utc_ms, kind, alarm_id, rule, priority, phase, subject, place, condition, value,"
                                " limit_value, onset_ms, late, step, operator, operator_name, station, detail, state,"
                                " condition_code, condition_args";
constexpr int ChainedCount = 21;

// A row's chain: SHA-256 over the chain of the row before it (empty for the first) and the row's
// values, each marked null or given as text, so that changing, removing, inserting or reordering
// rows breaks every chain after the change.
QByteArray chainOf(const QByteArray& previous, const QVariantList& values)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous);
    for (const QVariant& v : values) {
        h.addData(QByteArrayView("\x1f", 1));
        if (v.isNull()) {
            h.addData(QByteArrayView("N", 1));
        } else {
            h.addData(QByteArrayView("V", 1));
            h.addData(v.toString().toUtf8());
        }
    }
    return h.result().toHex();
}

bool chainExisting(QSqlQuery& q, QString& error)
{
    std::vector<std::pair<qint64, QByteArray>> chains;
    if (!q.exec(QStringLiteral("SELECT seq, %1 FROM alarm_log ORDER BY seq").arg(QLatin1String(ChainedColumns)))) {
        error = q.lastError().text();
        return false;
    }
    QByteArray previous;
    while (q.next()) {
        QVariantList values;
        for (int i = 1; i <= ChainedCount; ++i)
            values << q.value(i);
        previous = chainOf(previous, values);
        chains.emplace_back(q.value(0).toLongLong(), previous);
    }
    q.finish();
    q.prepare(QStringLiteral("UPDATE alarm_log SET chain = ? WHERE seq = ?"));
    for (const auto& [seq, chain] : chains) {
        q.addBindValue(QString::fromLatin1(chain));
        q.addBindValue(seq);
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
    }
    // Append-only again.
    if (!q.exec(QStringLiteral("CREATE TRIGGER IF NOT EXISTS alarm_log_no_update BEFORE UPDATE ON alarm_log "
                               " BEGIN SELECT RAISE(ABORT, 'the alarm log is append-only'); END"))) {
        error = q.lastError().text();
        return false;
    }
    return true;
}

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
    // Version 3: every row hash-chained to the one before it (chainOf); the rows already there are
    // chained in order by this step, the only time a row of the log is ever updated.
    {3,
     {"ALTER TABLE alarm_log ADD COLUMN chain TEXT", "DROP TRIGGER IF EXISTS alarm_log_no_update"},
     [](QSqlQuery& q, QString& error) { return chainExisting(q, error); }},
    // Version 4: the log's seal, one row: the station's signature over the last row's number and
    // chain (sealMessage), replaced at every append.
    {4,
     {"CREATE TABLE IF NOT EXISTS alarm_seal(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL,"
      " chain TEXT NOT NULL, signer TEXT NOT NULL, signature TEXT NOT NULL)"}},
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
                       {QStringLiteral("ackComment"), s.ackComment},
                       {QStringLiteral("patientId"), s.patientId},
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
    s.ackComment = o.value(u"ackComment").toString();
    s.patientId = o.value(u"patientId").toString();
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

QByteArray sealMessage(qint64 seq, const QByteArray& chain)
{
    return QByteArrayLiteral("wardwatch-alarm-log-seal/1\n") + QByteArray::number(seq) + '\n' + chain;
}

bool AlarmLog::ensureOpen()
{
    // WAL with synchronous FULL: a transition is on disk before append() returns.
    const int versionBefore = m_open || m_path == u":memory:" ? 0 : sqlite::versionOf(m_path, "alarm_log");
    if (!m_open && sqlite::openForAppend(m_path, m_connection, Schema, m_error)) {
        m_open = true;
        // Verified once, at opening: a row changed, removed or inserted behind the station's back,
        // or rows cut off the end or rewritten with their chains (the seal no longer matches).
        if (m_path != u":memory:") {
            const ChainCheck check = verifyChain(m_path);
            if (check.brokenAtSeq) {
                m_chainProblem = QStringLiteral("%1: row %2 does not follow the rows before it (a row was changed, removed "
                                                "or inserted); wardctl verify-log shows it")
                                     .arg(m_path).arg(*check.brokenAtSeq);
            } else if (m_sealer.sign && check.rows > 0) {
                const QString problem = versionBefore >= 4 ? sealProblem(check, m_sealer.verify) : QString();
                if (!problem.isEmpty()) {
                    // The seal stays as it was found, the evidence of what was done to the file.
                    m_chainProblem = QStringLiteral("%1: %2; wardctl verify-log shows it").arg(m_path, problem);
                    m_sealer = {};
                } else if (!check.seal || check.seal->seq != check.lastSeq) // written before seals: sealed now
                    writeSeal(check.lastSeq, check.lastChain);
            }
        }
        if (struct stat st{}; m_path != u":memory:" && ::stat(QFile::encodeName(m_path).constData(), &st) == 0)
            m_file = FileId{quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size)};
    }
    return m_open;
}

QString AlarmLog::fileProblem()
{
    if (!m_chainProblem.isEmpty())
        return m_chainProblem;
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
    q.prepare(QStringLiteral("INSERT INTO alarm_log(%1, chain) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  .arg(QLatin1String(ChainedColumns)));
    const AlarmState& s = e.state;
    const bool alarm = !s.id.isEmpty();
    // Values as SQLite gives them back (integers, reals, text, null; a null string binds as NULL,
    // NaN is stored as NULL): the chain verified later is computed from what is read, so it is
    // computed here from the same.
    auto text = [](const QString& v) { return QVariant(v.isNull() ? QStringLiteral("") : v); };
    auto real = [](double v) { return std::isfinite(v) ? QVariant(v) : QVariant(); };
    const QVariantList values{
        QVariant(e.utcMs), text(e.kind), text(s.id), text(alarm ? s.rule : QString()),
        text(alarm ? toString(s.priority) : QString()), text(alarm ? toString(s.phase()) : QString()), text(s.subject),
        text(s.place), text(s.condition), alarm ? real(s.value) : QVariant(), alarm ? real(s.limit) : QVariant(),
        alarm ? QVariant(s.onsetMs) : QVariant(), QVariant(qint64(s.late ? 1 : 0)), QVariant(qint64(s.escalationStep)),
        text(e.operatorId), text(e.operatorName), text(e.station), text(e.detail),
        QVariant(QString::fromUtf8(QJsonDocument(toJson(s)).toJson(QJsonDocument::Compact))),
        s.conditionCode.isEmpty() ? QVariant() : QVariant(s.conditionCode),
        s.conditionCode.isEmpty()
            ? QVariant()
            : QVariant(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(s.conditionArgs)).toJson(QJsonDocument::Compact)))};
    if (!m_chainLoaded && !loadLastChain())
        return false;
    const QByteArray chain = chainOf(m_lastChain, values);
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(QString::fromLatin1(chain));
    // The row and the seal of it together (a savepoint also inside a batch's transaction).
    QSqlQuery sp(QSqlDatabase::database(m_connection, false));
    const bool sealing = bool(m_sealer.sign);
    if (sealing && !sp.exec(QStringLiteral("SAVEPOINT append_row"))) {
        m_error = QStringLiteral("%1: write failed: %2").arg(m_path, sp.lastError().text());
        return false;
    }
    const bool written = q.exec();
    if (!written)
        m_error = QStringLiteral("%1: write failed: %2").arg(m_path, q.lastError().text());
    if (!written || (sealing && !writeSeal(q.lastInsertId().toLongLong(), chain))) {
        if (sealing) {
            sp.exec(QStringLiteral("ROLLBACK TO append_row"));
            sp.exec(QStringLiteral("RELEASE append_row"));
        }
        m_chainLoaded = false; // read again from the file: this row is not there
        return false;
    }
    if (sealing && !sp.exec(QStringLiteral("RELEASE append_row"))) {
        m_error = QStringLiteral("%1: write failed: %2").arg(m_path, sp.lastError().text());
        m_chainLoaded = false;
        return false;
    }
    m_lastChain = chain;
    m_error.clear();
    return true;
}

bool AlarmLog::writeSeal(qint64 seq, const QByteArray& chain)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alarm_seal(id, seq, chain, signer, signature) VALUES (1, ?, ?, ?, ?)"));
    q.addBindValue(seq);
    q.addBindValue(QString::fromLatin1(chain));
    q.addBindValue(m_sealer.signer);
    q.addBindValue(QString::fromLatin1(m_sealer.sign(sealMessage(seq, chain)).toHex()));
    if (!q.exec()) {
        m_error = QStringLiteral("%1: cannot seal the log: %2").arg(m_path, q.lastError().text());
        return false;
    }
    return true;
}

QString AlarmLog::sealProblem(const ChainCheck& check, const std::function<bool(const QByteArray&, const QByteArray&)>& verify)
{
    if (check.rows == 0 || !check.sealable)
        return {};
    if (!check.seal)
        return QStringLiteral("it carries no seal (removed, or written without a signing key): its %1 rows cannot be vouched for")
            .arg(check.rows);
    const LogSeal& s = *check.seal;
    if (s.seq > check.lastSeq)
        return QStringLiteral("rows after %1 were removed (the seal of %2 covers row %3)").arg(check.lastSeq).arg(s.signer).arg(s.seq);
    if (s.seq < check.lastSeq)
        return QStringLiteral("rows %1 to %2 were added without the seal (%3 sealed row %4)")
            .arg(s.seq + 1)
            .arg(check.lastSeq)
            .arg(s.signer)
            .arg(s.seq);
    if (s.chain != check.lastChain)
        return QStringLiteral("its rows were rewritten (row %1's chain is not the one %2 sealed)").arg(s.seq).arg(s.signer);
    if (verify && !verify(sealMessage(s.seq, s.chain), s.signature))
        return QStringLiteral("its seal does not verify with %1's key (made with another key)").arg(s.signer);
    return {};
}

bool AlarmLog::loadLastChain()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT chain FROM alarm_log ORDER BY seq DESC LIMIT 1"))) {
        m_error = QStringLiteral("%1: cannot read the log's last row: %2").arg(m_path, q.lastError().text());
        return false;
    }
    m_lastChain = q.next() ? q.value(0).toString().toLatin1() : QByteArray();
    m_chainLoaded = true;
    return true;
}

qint64 AlarmLog::rowCount(const QString& path)
{
    qint64 rows = -1;
    if (!QFile::exists(path))
        return rows;
    const QString connection = connectionName("count");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM alarm_log")) && q.next())
                rows = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

AlarmLog::ChainCheck AlarmLog::verifyChain(const QString& path)
{
    ChainCheck out;
    const QString connection = connectionName("verify");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!QFile::exists(path) || !db.open()) {
            out.error = QStringLiteral("%1: cannot be opened: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT seq, chain, %1 FROM alarm_log ORDER BY seq").arg(QLatin1String(ChainedColumns)))) {
                out.error = QStringLiteral("%1: cannot be read: %2").arg(path, q.lastError().text());
            } else {
                QByteArray previous;
                while (q.next()) {
                    QVariantList values;
                    for (int i = 2; i < 2 + ChainedCount; ++i)
                        values << q.value(i);
                    previous = chainOf(previous, values);
                    ++out.rows;
                    if (q.value(1).toString().toLatin1() != previous) {
                        out.brokenAtSeq = q.value(0).toLongLong();
                        break;
                    }
                    out.lastSeq = q.value(0).toLongLong();
                    out.lastChain = previous;
                }
                q.finish();
                out.sealable = q.exec(QStringLiteral("SELECT seq, chain, signer, signature FROM alarm_seal WHERE id = 1"));
                if (out.sealable && q.next())
                    out.seal = LogSeal{q.value(0).toLongLong(), q.value(1).toString().toLatin1(), q.value(2).toString(),
                                       QByteArray::fromHex(q.value(3).toString().toLatin1())};
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return out;
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
        m_chainLoaded = false; // the batch's rows are not there: the last chain is read again
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
            if (!f.patientId.isEmpty()) // the state's JSON is compact: the key and its value side by side
                sql += QStringLiteral(" AND instr(state, :pid) > 0");
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
            if (!f.patientId.isEmpty())
                q.bindValue(QStringLiteral(":pid"), QStringLiteral("\"patientId\":\"%1\"").arg(f.patientId));
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
