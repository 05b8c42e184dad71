#include "records/sqlitedb.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ww::sqlite {

QString connectionName(const char* owner, const char* purpose)
{
    return QStringLiteral("ww-%1-%2-%3")
        .arg(QLatin1String(owner), QLatin1String(purpose), QUuid::createUuid().toString(QUuid::Id128));
}

namespace {

constexpr auto VersionTable = "CREATE TABLE IF NOT EXISTS record_schema("
                              " component TEXT PRIMARY KEY, version INTEGER NOT NULL, changed_ms INTEGER NOT NULL)";

// The component's recorded version (0: none), or -1 with error set.
int readVersion(QSqlQuery& q, const QString& path, const char* component, QString& error)
{
    q.prepare(QStringLiteral("SELECT version FROM record_schema WHERE component = ?"));
    q.addBindValue(QLatin1String(component));
    if (!q.exec()) {
        error = QStringLiteral("%1: cannot read the schema version: %2").arg(path, q.lastError().text());
        return -1;
    }
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish(); // no read left open
    return version;
}

// Takes the component from version `from` to the schema's latest, a transaction per step. Each step
// takes the write lock first (BEGIN IMMEDIATE) and reads the version again under it: of two
// programs opening the file at once, the second finds the step done and skips it.
bool migrate(QSqlDatabase& db, const QString& path, const Schema& schema, int from, QString& error)
{
    QSqlQuery q(db);
    for (const Migration& step : schema.steps) {
        if (step.to <= from)
            continue;
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            error = QStringLiteral("%1: cannot begin a transaction: %2").arg(path, q.lastError().text());
            return false;
        }
        const int now = readVersion(q, path, schema.component, error);
        if (now < 0 || now >= step.to) {
            q.exec(now < 0 ? QStringLiteral("ROLLBACK") : QStringLiteral("COMMIT"));
            if (now < 0)
                return false;
            from = now;
            continue;
        }
        bool ok = true;
        for (const char* sql : step.sql)
            if (!q.exec(QLatin1String(sql))) {
                error = QStringLiteral("%1: %2 schema %3: %4").arg(path, QLatin1String(schema.component)).arg(step.to)
                            .arg(q.lastError().text());
                ok = false;
                break;
            }
        if (ok && step.run && !step.run(q, error))
            ok = false;
        if (ok) {
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO record_schema(component, version, changed_ms) VALUES (?, ?, ?)"));
            q.addBindValue(QLatin1String(schema.component));
            q.addBindValue(step.to);
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!q.exec()) {
                error = QStringLiteral("%1: cannot record schema version %2: %3").arg(path).arg(step.to).arg(q.lastError().text());
                ok = false;
            }
        }
        if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
            if (ok)
                error = QStringLiteral("%1: commit failed: %2").arg(path, q.lastError().text());
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return true;
}

} // namespace

bool openForAppend(const QString& path, const QString& connection, const Schema& schema, QString& error, int* fromVersion)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    // The records name patients and staff: readable by the account that runs the station only
    // (SQLite gives its -wal and -shm files the same mode).
    if (path != u":memory:") {
        QFile file(path);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=2000"})
                q.exec(QLatin1String(pragma));
            int from = -1;
            if (!q.exec(QLatin1String(VersionTable)))
                error = QStringLiteral("%1: cannot create the schema table: %2").arg(path, q.lastError().text());
            else
                from = readVersion(q, path, schema.component, error);
            if (from > schema.latest())
                error = QStringLiteral("%1: its %2 has schema version %3, newer than this program's %4: not opened, "
                                       "nothing written (use the newer WardWatch)")
                            .arg(path, QLatin1String(schema.component)).arg(from).arg(schema.latest());
            else if (from >= 0 && migrate(db, path, schema, from, error)) {
                if (fromVersion)
                    *fromVersion = from;
                return true;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return false;
}

int versionOf(const QString& path, const char* component, QString* error)
{
    const QString name = connectionName("schema", "version");
    int version = -1;
    QString why;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!QFileInfo::exists(path) || !db.open()) {
            why = QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'record_schema'")))
                why = QStringLiteral("%1: %2").arg(path, q.lastError().text());
            else
                version = q.next() ? readVersion(q, path, component, why) : 0;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (error)
        *error = why;
    return version;
}

bool insertAll(const QString& path, const QString& connection, const QString& sql, size_t rows,
               const std::function<void(QSqlQuery&, size_t)>& bind, QString& error)
{
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.transaction()) {
        error = QStringLiteral("%1: cannot begin a transaction: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    q.prepare(sql);
    for (size_t row = 0; row < rows; ++row) {
        bind(q, row);
        if (!q.exec()) {
            error = QStringLiteral("%1: write failed: %2").arg(path, q.lastError().text());
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        error = QStringLiteral("%1: commit failed: %2").arg(path, db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

void close(const QString& connection)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace ww::sqlite
