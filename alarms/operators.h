#pragma once
// Operator identity at a station: staff member + PIN (at least 6 digits), checked against the
// salted PBKDF2-HMAC-SHA256 hash in the site's staff list, with lockout after repeated failures.
// Hashing is deliberately slow: call verify() off the GUI thread.
#include "domain/clock.h"
#include "domain/site.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace ww {

namespace pin {
// "pbkdf2-sha256$iterations$salt(base64)$hash(base64)"
[[nodiscard]] QString hash(const QString& pin, const QByteArray& salt, int iterations = 60000);
[[nodiscard]] bool verify(const QString& pin, const QString& encoded);
[[nodiscard]] QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int bytes = 32);
} // namespace pin

struct SignInResult
{
    bool ok = false;
    QString operatorId, operatorName;
    QString message; // why not, for the operator: "wrong PIN (3 attempts left)", "locked for 4 min"
};

class OperatorRegistry
{
public:
    OperatorRegistry(const Site& site, const Clock& clock);
    // Thread-safe; slow (the hash) when the PIN is well-formed and the member not locked out.
    [[nodiscard]] SignInResult signIn(const QString& staffId, const QString& pin);

private:
    struct Failures
    {
        int count = 0;
        qint64 lockedUntilMs = 0;
    };
    const Site& m_site;
    const Clock& m_clock;
    QMutex m_mutex;
    QHash<QString, Failures> m_failures;
};

} // namespace ww
