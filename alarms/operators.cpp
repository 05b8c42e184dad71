#include "alarms/operators.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>

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

QString hash(const QString& pinText, const QByteArray& salt, int iterations)
{
    const QByteArray h = pbkdf2Sha256(pinText.toUtf8(), salt, iterations);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(h.toBase64()));
}

bool verify(const QString& pinText, const QString& encoded)
{
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

OperatorRegistry::OperatorRegistry(const Site& site, const Clock& clock) : m_site(site), m_clock(clock) {}

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
        const Failures f = m_failures.value(staffId);
        if (f.lockedUntilMs > now) {
            const qint64 secs = (f.lockedUntilMs - now + 999) / 1000;
            r.message = QObject::tr("%1 is locked out after %2 wrong PINs; try again in %3 s")
                            .arg(member->name).arg(s.maxFailures).arg(secs);
            return r;
        }
    }
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    const bool wellFormed = pinText.size() >= s.pinMinDigits && digits.match(pinText).hasMatch();
    const bool ok = wellFormed && pin::verify(pinText, member->pinHash);
    QMutexLocker lock(&m_mutex);
    Failures& f = m_failures[staffId];
    if (ok) {
        f = {};
        r.ok = true;
        r.operatorId = member->id;
        r.operatorName = member->name;
        return r;
    }
    if (f.lockedUntilMs != 0 && f.lockedUntilMs <= now)
        f = {}; // the last lockout has expired: a fresh count
    ++f.count;
    if (f.count >= s.maxFailures) {
        f.lockedUntilMs = now + qint64(s.lockoutS) * 1000;
        r.message = QObject::tr("Wrong PIN. %1 is locked out for %2 s").arg(member->name).arg(s.lockoutS);
    } else {
        r.message = wellFormed ? QObject::tr("Wrong PIN (%1 attempts left)").arg(s.maxFailures - f.count)
                               : QObject::tr("A PIN has at least %1 digits (%2 attempts left)")
                                     .arg(s.pinMinDigits).arg(s.maxFailures - f.count);
    }
    return r;
}

} // namespace ww
