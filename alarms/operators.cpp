#include "alarms/operators.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <sodium.h>

Q_LOGGING_CATEGORY(lcOperators, "ww.operators")

namespace ww {

namespace pin {

QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int bytes)
{
    QByteArray out;
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    for (quint32 block = 1; out.size() < bytes; ++block) {
        QByteArray counter(4, '\0');
        counter[0] = char(block >> 24);
        counter[1] = char(block >> 16);
        counter[2] = char(block >> 8);
        counter[3] = char(block);
        mac.reset();
        mac.addData(salt);
        mac.addData(counter);
        QByteArray u = mac.result();
        QByteArray t = u;
        for (int i = 1; i < iterations; ++i) {
            mac.reset();
            mac.addData(u);
            u = mac.result();
            for (qsizetype j = 0; j < t.size(); ++j)
                t[j] = char(t[j] ^ u[j]);
        }
        out += t;
    }
    return out.left(bytes);
}

namespace {
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0; // thread-safe, once
    return ready;
}
} // namespace

QString hash(const QString& pinText, unsigned long long opsLimit, size_t memLimit)
{
    if (!sodiumReady())
        return {};
    const QByteArray pw = pinText.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), quint64(pw.size()), opsLimit, memLimit) != 0)
        return {}; // out of memory
    return QString::fromLatin1(out);
}

bool isKnownFormat(const QString& encoded)
{
    return encoded.startsWith(QLatin1String("$argon2id$")) || encoded.startsWith(QLatin1String("pbkdf2-sha256$"));
}

bool needsRehash(const QString& encoded)
{
    if (!encoded.startsWith(QLatin1String("$argon2id$")) || !sodiumReady())
        return true;
    const QByteArray e = encoded.toLatin1();
    return crypto_pwhash_str_needs_rehash(e.constData(), OpsLimit, MemLimit) != 0;
}

QString hashPbkdf2(const QString& pinText, const QByteArray& salt, int iterations)
{
    const QByteArray h = pbkdf2Sha256(pinText.toUtf8(), salt, iterations);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(h.toBase64()));
}

bool verify(const QString& pinText, const QString& encoded)
{
    if (encoded.startsWith(QLatin1String("$argon2id$"))) {
        if (!sodiumReady() || encoded.size() >= int(crypto_pwhash_STRBYTES))
            return false;
        const QByteArray e = encoded.toLatin1(), pw = pinText.toUtf8();
        return crypto_pwhash_str_verify(e.constData(), pw.constData(), quint64(pw.size())) == 0;
    }
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    if (expected.isEmpty())
        return false;
    const QByteArray got = pbkdf2Sha256(pinText.toUtf8(), salt, iterations, int(expected.size()));
    // Constant-time comparison.
    unsigned diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= unsigned(uchar(got[i]) ^ uchar(expected[i]));
    return diff == 0;
}

} // namespace pin

OperatorRegistry::OperatorRegistry(const Site& site, const Clock& clock, const QString& recordPath) : m_site(site), m_clock(clock)
{
    setRecordPath(recordPath);
}

void OperatorRegistry::setRecordPath(const QString& path)
{
    QMutexLocker lock(&m_mutex);
    m_failures.clear(); // read again from the record
    if (path.isEmpty())
        m_record.reset();
    else
        m_record.emplace(path);
}

OperatorRegistry::Failures OperatorRegistry::failuresOf(const QString& staffId)
{
    if (const auto it = m_failures.constFind(staffId); it != m_failures.cend())
        return *it;
    Failures f;
    if (m_record) {
        QString error;
        f = m_record->lockout(staffId, &error);
        if (!error.isEmpty())
            qCWarning(lcOperators).noquote() << error;
    }
    m_failures.insert(staffId, f);
    return f;
}

void OperatorRegistry::store(const QString& staffId, const Failures& f)
{
    m_failures.insert(staffId, f);
    QString error;
    if (m_record && !m_record->setLockout(staffId, f, &error))
        qCWarning(lcOperators).noquote() << error;
}

SignInResult OperatorRegistry::signIn(const QString& staffId, const QString& pinText)
{
    SignInResult r;
    const StaffMember* member = m_site.staffMember(staffId);
    if (!member) {
        r.message = QObject::tr("\"%1\" is not on this ward's staff list").arg(staffId);
        return r;
    }
    if (member->pinHash.isEmpty()) {
        r.message = QObject::tr("%1 has no PIN set; ask the ward administrator").arg(member->name);
        return r;
    }
    const OperatorSettings& s = m_site.alarms.operators;
    const qint64 now = m_clock.nowMs();
    {
        QMutexLocker lock(&m_mutex);
        const Failures f = failuresOf(staffId);
        if (f.lockedUntilMs > now) {
            const qint64 secs = (f.lockedUntilMs - now + 999) / 1000;
            r.message = QObject::tr("%1 is locked out after %2 wrong PINs; try again in %3 s")
                            .arg(member->name).arg(s.maxFailures).arg(secs);
            return r;
        }
    }
    // The station's own stronger hash of this PIN, when it made one from the site's current hash.
    QString encoded = member->pinHash;
    std::optional<OperatorRecord> record;
    {
        QMutexLocker lock(&m_mutex);
        record = m_record;
    }
    if (record) {
        QString error;
        if (const auto mine = record->pinHash(staffId, member->pinHash, &error))
            encoded = *mine;
        else if (!error.isEmpty())
            qCWarning(lcOperators).noquote() << error;
    }
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    const bool wellFormed = pinText.size() >= s.pinMinDigits && digits.match(pinText).hasMatch();
    const bool ok = wellFormed && pin::verify(pinText, encoded);
    if (ok && record && pin::needsRehash(encoded)) {
        // The site file's older hash: the PIN is kept here with Argon2id from now on.
        const QString stronger = pin::hash(pinText);
        QString error;
        if (stronger.isEmpty() || !record->setPinHash(staffId, member->pinHash, stronger, now, &error))
            qCWarning(lcOperators).noquote() << "cannot rehash the PIN of" << staffId << error;
    }
    QMutexLocker lock(&m_mutex);
    Failures f = failuresOf(staffId);
    if (ok) {
        if (f.failures != 0 || f.lockedUntilMs != 0)
            store(staffId, {});
        r.ok = true;
        r.operatorId = member->id;
        r.operatorName = member->name;
        return r;
    }
    if (f.lockedUntilMs != 0 && f.lockedUntilMs <= now)
        f = {}; // the last lockout has expired: a fresh count
    ++f.failures;
    if (f.failures >= s.maxFailures) {
        f.lockedUntilMs = now + qint64(s.lockoutS) * 1000;
        r.message = QObject::tr("Wrong PIN. %1 is locked out for %2 s").arg(member->name).arg(s.lockoutS);
    } else {
        r.message = wellFormed ? QObject::tr("Wrong PIN (%1 attempts left)").arg(s.maxFailures - f.failures)
                               : QObject::tr("A PIN has at least %1 digits (%2 attempts left)")
                                     .arg(s.pinMinDigits).arg(s.maxFailures - f.failures);
    }
    store(staffId, f);
    return r;
}

} // namespace ww
