#include "records/operatorrecord.h"
#include "records/sqlitedb.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <functional>

namespace ww {

namespace {

const sqlite::Migration Steps[] = {
    {1,
     {"CREATE TABLE IF NOT EXISTS operator_pins(staff_id TEXT PRIMARY KEY, site_hash TEXT NOT NULL, hash TEXT NOT NULL,"
      " updated_ms INTEGER NOT NULL)",
      "CREATE TABLE IF NOT EXISTS operator_lockouts(staff_id TEXT PRIMARY KEY, failures INTEGER NOT NULL,"
      " locked_until_ms INTEGER NOT NULL)"}},
};
const sqlite::Schema Schema{"operator_record", Steps};

// Opens a connection of its own, runs f on it, closes it.
bool withConnection(const QString& path, QString* error, const std::function<bool(QSqlQuery&, QString&)>& f)
{
    const QString name = sqlite::connectionName("operators", "call");
    QString e;
    bool ok = sqlite::openForAppend(path, name, Schema, e);
    if (ok) {
        {
            QSqlQuery q(QSqlDatabase::database(name, false));
            ok = f(q, e);
        }
        sqlite::close(name);
    }
    if (error)
        *error = ok ? QString() : e;
    return ok;
}

} // namespace

QString OperatorRecord::pathFor(const QString& logPath)
{
    if (logPath.isEmpty())
        return {};
    const QFileInfo f(logPath);
    return f.dir().filePath(f.completeBaseName() + QStringLiteral("-operators.sqlite"));
}

std::optional<QString> OperatorRecord::pinHash(const QString& staffId, const QString& siteHash, QString* error) const
{
    std::optional<QString> out;
    withConnection(m_path, error, [&](QSqlQuery& q, QString& e) {
        q.prepare(QStringLiteral("SELECT site_hash, hash FROM operator_pins WHERE staff_id = ?"));
        q.addBindValue(staffId);
        if (!q.exec()) {
            e = QStringLiteral("%1: cannot read the operators' record: %2").arg(m_path, q.lastError().text());
            return false;
        }
        if (q.next() && q.value(0).toString() == siteHash)
            out = q.value(1).toString();
        return true;
    });
    return out;
}

bool OperatorRecord::setPinHash(const QString& staffId, const QString& siteHash, const QString& hash, qint64 nowMs, QString* error)
{
    return withConnection(m_path, error, [&](QSqlQuery& q, QString& e) {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO operator_pins(staff_id, site_hash, hash, updated_ms) VALUES(?,?,?,?)"));
        q.addBindValue(staffId);
        q.addBindValue(siteHash);
        q.addBindValue(hash);
        q.addBindValue(nowMs);
        if (!q.exec()) {
            e = QStringLiteral("%1: cannot write the operators' record: %2").arg(m_path, q.lastError().text());
            return false;
        }
        return true;
    });
}

OperatorRecord::Lockout OperatorRecord::lockout(const QString& staffId, QString* error) const
{
    Lockout out;
    withConnection(m_path, error, [&](QSqlQuery& q, QString& e) {
        q.prepare(QStringLiteral("SELECT failures, locked_until_ms FROM operator_lockouts WHERE staff_id = ?"));
        q.addBindValue(staffId);
        if (!q.exec()) {
            e = QStringLiteral("%1: cannot read the operators' record: %2").arg(m_path, q.lastError().text());
            return false;
        }
        if (q.next())
            out = Lockout{q.value(0).toInt(), q.value(1).toLongLong()};
        return true;
    });
    return out;
}

bool OperatorRecord::setLockout(const QString& staffId, const Lockout& lockout, QString* error)
{
    return withConnection(m_path, error, [&](QSqlQuery& q, QString& e) {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO operator_lockouts(staff_id, failures, locked_until_ms) VALUES(?,?,?)"));
        q.addBindValue(staffId);
        q.addBindValue(lockout.failures);
        q.addBindValue(lockout.lockedUntilMs);
        if (!q.exec()) {
            e = QStringLiteral("%1: cannot write the operators' record: %2").arg(m_path, q.lastError().text());
            return false;
        }
        return true;
    });
}

} // namespace ww
