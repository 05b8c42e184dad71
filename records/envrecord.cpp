#include "records/envrecord.h"
#include "records/sqlitedb.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace ww {

namespace {

// Version 1: the readings table (until versions were recorded it lived in the alarm log's file).
const std::vector<const char*> Version1{"CREATE TABLE IF NOT EXISTS env_record("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, place TEXT NOT NULL, sensor TEXT NOT NULL, time_ms INTEGER NOT NULL,"
    " temperature REAL, door INTEGER)",
    "CREATE INDEX IF NOT EXISTS env_record_place_time ON env_record(place, time_ms)",
    "CREATE TRIGGER IF NOT EXISTS env_record_no_update BEFORE UPDATE ON env_record "
    " BEGIN SELECT RAISE(ABORT, 'the environment record is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS env_record_no_delete BEFORE DELETE ON env_record "
    " BEGIN SELECT RAISE(ABORT, 'the environment record is append-only'); END"};

// Copies a legacy file's readings (the alarm log's file, before the readings had a file of their
// own) into the record being created, in its first migration's transaction.
bool importLegacy(QSqlQuery& into, const QString& legacyPath, QString& error)
{
    if (legacyPath.isEmpty() || !QFileInfo::exists(legacyPath))
        return true;
    const QString name = sqlite::connectionName("envrecord", "legacy");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(legacyPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            error = QStringLiteral("%1: cannot read the readings to move: %2").arg(legacyPath, db.lastError().text());
            ok = false;
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'env_record'"))) {
                error = QStringLiteral("%1: cannot read the readings to move: %2").arg(legacyPath, q.lastError().text());
                ok = false;
            } else if (q.next()) {
                ok = q.exec(QStringLiteral("SELECT place, sensor, time_ms, temperature, door FROM env_record ORDER BY seq"));
                into.prepare(QStringLiteral("INSERT INTO env_record(place, sensor, time_ms, temperature, door) VALUES (?, ?, ?, ?, ?)"));
                while (ok && q.next()) {
                    for (int i = 0; i < 5; ++i)
                        into.addBindValue(q.value(i));
                    ok = into.exec();
                }
                if (!ok)
                    error = QStringLiteral("%1: cannot move the readings: %2 %3")
                                .arg(legacyPath, q.lastError().text(), into.lastError().text());
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString connectionName(const char* purpose)
{
    return sqlite::connectionName("envrecord", purpose);
}

} // namespace

QString readingsPathFor(const QString& alarmLogPath)
{
    if (alarmLogPath.isEmpty() || alarmLogPath == u":memory:")
        return alarmLogPath;
    const QFileInfo f(alarmLogPath);
    return f.dir().filePath(f.completeBaseName() + QStringLiteral("-readings.") +
                            (f.suffix().isEmpty() ? QStringLiteral("sqlite") : f.suffix()));
}

EnvRecord::EnvRecord(QString path, QString legacyPath)
    : m_path(std::move(path)), m_legacyPath(std::move(legacyPath)), m_connection(connectionName("writer"))
{
}

EnvRecord::~EnvRecord()
{
    if (m_open) {
        commit();
        sqlite::close(m_connection);
    }
}

bool EnvRecord::ensureOpen()
{
    if (m_open)
        return true;
    // After a failure (a full disk, a locked file), at most one try a minute: opening may copy a
    // legacy file's readings, and the core calls this at every flush with readings pending.
    if (m_lastTry.isValid() && m_lastTry.elapsed() < RetryMs)
        return false;
    m_lastTry.start();
    const sqlite::Migration steps[] = {
        {1, Version1, [this](QSqlQuery& q, QString& error) { return importLegacy(q, m_legacyPath, error); }},
    };
    m_open = sqlite::openForAppend(m_path, m_connection, sqlite::Schema{"env_record", steps}, m_error);
    return m_open;
}

void EnvRecord::add(const QString& placeId, const QString& sensorId, qint64 timeMs, std::optional<double> temperatureC,
                    std::optional<bool> doorOpen)
{
    if (!temperatureC && !doorOpen)
        return;
    if (m_pending.size() >= MaxPending) {
        m_pending.erase(m_pending.begin());
        ++m_dropped;
    }
    m_pending.push_back({placeId, sensorId, timeMs, temperatureC, doorOpen});
}

bool EnvRecord::commit()
{
    if (m_pending.empty())
        return true;
    if (!ensureOpen())
        return false;
    const bool written = sqlite::insertAll(
        m_path, m_connection, QStringLiteral("INSERT INTO env_record(place, sensor, time_ms, temperature, door) VALUES(?,?,?,?,?)"),
        m_pending.size(),
        [this](QSqlQuery& q, size_t i) {
            const Row& r = m_pending[i];
            q.addBindValue(r.place);
            q.addBindValue(r.sensor);
            q.addBindValue(r.timeMs);
            q.addBindValue(r.temperatureC ? QVariant(*r.temperatureC) : QVariant());
            q.addBindValue(r.doorOpen ? QVariant(*r.doorOpen ? 1 : 0) : QVariant());
        },
        m_error);
    if (!written)
        return false;
    m_pending.clear();
    m_error.clear();
    return true;
}

std::optional<EnvRecord::Series> EnvRecord::query(const QString& path, const QString& placeId, qint64 fromMs, qint64 toMs,
                                                  QString* error)
{
    const QString name = connectionName("reader");
    std::optional<Series> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        auto fail = [&](const QString& why) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(path, why);
        };
        if (!QFileInfo::exists(path)) {
            fail(QStringLiteral("no such file"));
        } else if (!db.open()) {
            fail(db.lastError().text());
        } else {
            Series s;
            QSqlQuery q(db);
            // The reading in force at fromMs, then every one in the period; the same for the door.
            const char* const sql[] = {
                "SELECT time_ms, temperature FROM env_record WHERE place = ? AND temperature IS NOT NULL AND time_ms < ?"
                " ORDER BY time_ms DESC, seq DESC LIMIT 1",
                "SELECT time_ms, temperature FROM env_record WHERE place = ? AND temperature IS NOT NULL AND time_ms >= ?"
                " AND time_ms < ? ORDER BY time_ms, seq",
                "SELECT time_ms, door FROM env_record WHERE place = ? AND door IS NOT NULL AND time_ms < ?"
                " ORDER BY time_ms DESC, seq DESC LIMIT 1",
                "SELECT time_ms, door FROM env_record WHERE place = ? AND door IS NOT NULL AND time_ms >= ?"
                " AND time_ms < ? ORDER BY time_ms, seq"};
            // A database written before the record existed holds no readings: an empty record.
            bool ok = q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'env_record'"));
            if (!ok)
                fail(q.lastError().text());
            const bool hasTable = ok && q.next();
            for (int i = 0; i < 4 && ok && hasTable; ++i) {
                q.prepare(QLatin1String(sql[i]));
                q.addBindValue(placeId);
                q.addBindValue(fromMs);
                if (i % 2 == 1)
                    q.addBindValue(toMs);
                if (!q.exec()) {
                    fail(q.lastError().text());
                    ok = false;
                    break;
                }
                while (q.next()) {
                    if (i < 2)
                        s.temperatures.push_back({q.value(0).toLongLong(), q.value(1).toDouble()});
                    else
                        s.doors.push_back({q.value(0).toLongLong(), q.value(1).toInt() != 0});
                }
            }
            if (ok)
                result = std::move(s);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace ww
