#pragma once
// Operator identity at a station: staff member + PIN (at least 6 digits), checked against the
// hash in the site's staff list, with lockout after repeated failures.
//
// PINs are hashed with Argon2id (libsodium's crypto_pwhash_str: its parameters are stored in the
// hash) at a cost of about 0.47 s and 256 MiB per guess on the reference machine (two cores): a
// 6-digit PIN takes about five days of one core to find from a stolen site file, against four hours
// with the PBKDF2 hashes of older site files. Those are still verified; the first sign-in with one
// rehashes the PIN with Argon2id into the station's operators' record (OperatorRecord), which then
// takes its place. Wrong-PIN counts and lockouts live in that record too and survive a restart.
// Hashing is deliberately slow: call signIn() off the GUI thread.
#include "domain/clock.h"
#include "domain/site.h"
#include "records/operatorrecord.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace ww {

namespace pin {
// Argon2id's cost: libsodium's "moderate" limits (3 passes over 256 MiB).
inline constexpr unsigned long long OpsLimit = 3;
inline constexpr size_t MemLimit = 256u * 1024 * 1024;
// "$argon2id$v=19$m=262144,t=3,p=1$salt$hash"; cost: cheaper parameters (tests only).
[[nodiscard]] QString hash(const QString& pin, unsigned long long opsLimit = OpsLimit, size_t memLimit = MemLimit);
// The older format: "pbkdf2-sha256$iterations$salt(base64)$hash(base64)".
[[nodiscard]] QString hashPbkdf2(const QString& pin, const QByteArray& salt, int iterations = 60000);
// Either format.
[[nodiscard]] bool verify(const QString& pin, const QString& encoded);
// A PBKDF2 hash, or an Argon2id one cheaper than OpsLimit and MemLimit.
[[nodiscard]] bool needsRehash(const QString& encoded);
[[nodiscard]] bool isKnownFormat(const QString& encoded);
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
    // recordPath: the station's operators' record (empty: none; counts and lockouts in memory only).
    OperatorRegistry(const Site& site, const Clock& clock, const QString& recordPath = {});
    void setRecordPath(const QString& path);
    // Thread-safe; slow (the hash) when the PIN is well-formed and the member not locked out.
    [[nodiscard]] SignInResult signIn(const QString& staffId, const QString& pin);

private:
    using Failures = OperatorRecord::Lockout;
    [[nodiscard]] Failures failuresOf(const QString& staffId); // under m_mutex
    void store(const QString& staffId, const Failures& f);     // under m_mutex
    const Site& m_site;
    const Clock& m_clock;
    QMutex m_mutex;
    QHash<QString, Failures> m_failures;
    std::optional<OperatorRecord> m_record;
};

} // namespace ww
