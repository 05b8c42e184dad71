#include "transport/signing.h"

#include "wardwatch.pb.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ww {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0; // thread-safe, once
    return ready;
}

constexpr std::string_view Domain = "ww-signed-v1";

} // namespace

SigningKey SigningKey::generate()
{
    QByteArray seed(SeedBytes, Qt::Uninitialized);
    sodiumReady();
    randombytes_buf(seed.data(), size_t(seed.size()));
    return *fromSeed(seed);
}

std::optional<SigningKey> SigningKey::fromSeed(const QByteArray& seed)
{
    if (seed.size() != SeedBytes || !sodiumReady())
        return std::nullopt;
    SigningKey k;
    k.m_seed = seed;
    k.m_public.resize(crypto_sign_PUBLICKEYBYTES);
    k.m_secret.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(k.m_public.data()),
                             reinterpret_cast<unsigned char*>(k.m_secret.data()),
                             reinterpret_cast<const unsigned char*>(seed.constData()));
    return k;
}

std::optional<SigningKey> SigningKey::load(const QString& path, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    };
    QFile f(path);
    if (!f.exists())
        return fail(QStringLiteral("no such key file"));
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 && (st.st_mode & 077) != 0)
        return fail(QStringLiteral("readable by others (mode %1): chmod 600 it")
                        .arg(QString::number(st.st_mode & 0777, 8)));
    if (f.size() > 4096 || !f.open(QIODevice::ReadOnly))
        return fail(f.size() > 4096 ? QStringLiteral("too large for a key file") : f.errorString());
    const auto decoded = QByteArray::fromBase64Encoding(f.readAll().trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != SeedBytes)
        return fail(QStringLiteral("not a WardWatch signing key (base64 of %1 bytes expected)").arg(SeedBytes));
    return fromSeed(decoded.decoded);
}

bool SigningKey::save(const QString& path, QString* error) const
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const QByteArray text = m_seed.toBase64() + '\n';
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok && error)
        *error = QStringLiteral("%1: could not write the key").arg(path);
    return ok;
}

QByteArray signedBytes(std::string_view topic, std::string_view signer, quint64 counter, std::span<const std::byte> body)
{
    QByteArray out;
    out.reserve(qsizetype(Domain.size() + topic.size() + signer.size() + 11 + body.size()));
    out.append(Domain.data(), qsizetype(Domain.size())).append('\0');
    out.append(topic.data(), qsizetype(topic.size())).append('\0');
    out.append(signer.data(), qsizetype(signer.size())).append('\0');
    for (int shift = 56; shift >= 0; shift -= 8)
        out.append(char((counter >> shift) & 0xff));
    out.append(reinterpret_cast<const char*>(body.data()), qsizetype(body.size()));
    return out;
}

MessageSigner::MessageSigner(QString signerId, SigningKey key)
    : m_id(std::move(signerId)), m_idUtf8(m_id.toUtf8()), m_key(std::move(key))
{
}

QByteArray signDetached(const SigningKey& key, const QByteArray& message)
{
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.constData()), quint64(message.size()),
                         reinterpret_cast<const unsigned char*>(key.secretKey().constData()));
    return QByteArray(reinterpret_cast<const char*>(sig), sizeof sig);
}

bool verifyDetached(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES || !sodiumReady())
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()), quint64(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData())) == 0;
}

QByteArray MessageSigner::sign(const QString& topic, const QByteArray& body)
{
    if (body.isEmpty())
        return {};
    // Microseconds of the wall clock, or one more than the last: increasing across restarts while
    // the clock is not set back by more than the station was down.
    const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000;
    quint64 last = m_last.load(std::memory_order_relaxed), counter = 0;
    do
        counter = std::max(now, last + 1);
    while (!m_last.compare_exchange_weak(last, counter, std::memory_order_relaxed));

    const QByteArray topicUtf8 = topic.toUtf8();
    const QByteArray message = signedBytes(std::string_view(topicUtf8.constData(), size_t(topicUtf8.size())),
                                           std::string_view(m_idUtf8.constData(), size_t(m_idUtf8.size())), counter,
                                           std::as_bytes(std::span(body.constData(), size_t(body.size()))));
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.constData()),
                         quint64(message.size()), reinterpret_cast<const unsigned char*>(m_key.secretKey().constData()));
    v1::Signed s;
    s.set_signer(m_idUtf8.constData(), size_t(m_idUtf8.size()));
    s.set_counter(counter);
    s.set_signature(sig, sizeof sig);
    s.set_body(body.constData(), size_t(body.size()));
    QByteArray out(SignedMagic.data(), qsizetype(SignedMagic.size()));
    const std::string wire = s.SerializeAsString();
    out.append(wire.data(), qsizetype(wire.size()));
    return out;
}

SignatureCheck::Result SignatureCheck::check(std::string_view topic, std::span<const std::byte> payload) const
{
    Result r;
    if (!hasEnvelope(payload)) {
        r.payload = payload;
        if (m_trust.acceptUnsigned) {
            r.outcome = Outcome::Unsigned;
            return r;
        }
        r.why = QStringLiteral("not signed");
        return r;
    }
    v1::Signed s;
    const auto rest = payload.subspan(SignedMagic.size());
    if (!s.ParseFromArray(rest.data(), int(rest.size()))) {
        r.why = QStringLiteral("not a valid signed envelope");
        return r;
    }
    r.signer = QString::fromUtf8(s.signer().data(), qsizetype(s.signer().size()));
    const auto key = m_trust.keys.constFind(r.signer);
    if (key == m_trust.keys.cend()) {
        r.why = r.signer.isEmpty() ? QStringLiteral("signed without a signer id")
                                   : QStringLiteral("signed by '%1', whose key is not in the site file").arg(r.signer);
        return r;
    }
    if (s.signature().size() != crypto_sign_BYTES || !sodiumReady()) {
        r.why = QStringLiteral("signature of %1 bytes, not %2").arg(s.signature().size()).arg(crypto_sign_BYTES);
        return r;
    }
    const auto body = std::as_bytes(std::span(s.body().data(), s.body().size()));
    const QByteArray message = signedBytes(topic, s.signer(), s.counter(), body);
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(s.signature().data()),
                                    reinterpret_cast<const unsigned char*>(message.constData()), quint64(message.size()),
                                    reinterpret_cast<const unsigned char*>(key->constData())) != 0) {
        r.why = QStringLiteral("signature of '%1' does not verify (changed, or made with another key)").arg(r.signer);
        return r;
    }
    r.signedBody = std::move(*s.mutable_body());
    r.isSigned = true;

    QByteArray replayKey;
    replayKey.reserve(qsizetype(s.signer().size() + 1 + topic.size()));
    replayKey.append(s.signer().data(), qsizetype(s.signer().size())).append('\0').append(topic.data(), qsizetype(topic.size()));
    std::lock_guard lock(m_mutex);
    if (m_lastCounter.size() > MaxRemembered)
        forgetOld();
    quint64& last = m_lastCounter[replayKey];
    if (s.counter() <= last) {
        r.outcome = Outcome::Replayed;
        r.why = QStringLiteral("counter %1 of '%2' not above %3 already seen").arg(s.counter()).arg(r.signer).arg(last);
        return r;
    }
    last = s.counter();
    r.outcome = Outcome::Valid;
    return r;
}

void SignatureCheck::forgetOld() const
{
    // Topics of closed alarms and gone tags are heard from no more; a week-old counter is dropped.
    const quint64 weekAgo = quint64(QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600'000) * 1000;
    for (auto it = m_lastCounter.begin(); it != m_lastCounter.end();)
        it = it.value() < weekAgo ? m_lastCounter.erase(it) : std::next(it);
}

} // namespace ww
