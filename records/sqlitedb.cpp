#include "records/sqlitedb.h"

#include <QDir>
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

bool openForAppend(const QString& path, const QString& connection, std::span<const char* const> schema, QString& error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=2000"})
                q.exec(QLatin1String(pragma));
            for (const char* sql : schema)
                if (!q.exec(QLatin1String(sql))) {
                    error = QStringLiteral("%1: cannot create the schema: %2").arg(path, q.lastError().text());
                    break;
                }
            if (error.isEmpty())
                return true;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return false;
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
