#pragma once
// The station's record of its operators' credentials: the stronger hash a PIN was rehashed into
// at its first sign-in here (the site file may still hold an older, weaker one), and each staff
// member's wrong-PIN count and lockout, so that a restart does not reset them. Its own SQLite file
// beside the alarm log (mode 0600), versioned like every record.
//
// Thread-safe: each call opens its own connection (sign-ins run on worker threads, and are rare).
#include <QString>
#include <optional>

namespace ww {

class OperatorRecord
{
public:
    explicit OperatorRecord(QString path) : m_path(std::move(path)) {}
    // The record beside an alarm log ("…/log.sqlite" -> "…/log-operators.sqlite"); empty for none.
    [[nodiscard]] static QString pathFor(const QString& logPath);

    struct Lockout
    {
        int failures = 0;
        qint64 lockedUntilMs = 0; // wall clock; 0: not locked
    };
    // The hash this station made from the site's hash `siteHash` (nullopt: none, or made from
    // another site hash: the site's PIN was changed since). error set when the file cannot be read.
    [[nodiscard]] std::optional<QString> pinHash(const QString& staffId, const QString& siteHash, QString* error) const;
    bool setPinHash(const QString& staffId, const QString& siteHash, const QString& hash, qint64 nowMs, QString* error);
    [[nodiscard]] Lockout lockout(const QString& staffId, QString* error) const;
    bool setLockout(const QString& staffId, const Lockout& lockout, QString* error);
    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QString m_path;
};

} // namespace ww
