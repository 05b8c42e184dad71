#pragma once
// Signed state on the wire (docs/wire-contract.md, "Signed state"). Each station and engine holds an
// Ed25519 key pair (libsodium); the site file lists the public keys of those allowed to act. What a
// station publishes on alarm/, census/ and cmd/, and an engine on pos/, goes out as "WWS1" + a
// Signed message whose signature covers the topic, the signer, a per-signer counter and the body.
// Receivers verify before they decode: an unknown signer, a bad signature or (unless the site allows
// it for a migration) no signature at all is refused; a counter not above the last one seen on that
// topic from that signer is a replay or a redelivery, and changes nothing.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <atomic>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ww {

inline constexpr std::string_view SignedMagic = "WWS1";

// A station's or engine's secret signing key. The key file holds the 32-byte seed, base64, on one
// line; it is created 0600 and must not be readable by others.
class SigningKey
{
public:
    static constexpr int PublicKeyBytes = 32;
    static constexpr int SeedBytes = 32;

    // A new random key.
    [[nodiscard]] static SigningKey generate();
    // The key from its seed (tests: deterministic keys).
    [[nodiscard]] static std::optional<SigningKey> fromSeed(const QByteArray& seed);
    // Reads a key file; on failure error says which file and why (missing, unreadable by mode,
    // not a key).
    [[nodiscard]] static std::optional<SigningKey> load(const QString& path, QString* error);
    // Writes the key to a new file, mode 0600 (never overwrites).
    [[nodiscard]] bool save(const QString& path, QString* error) const;

    [[nodiscard]] const QByteArray& publicKey() const { return m_public; }
    [[nodiscard]] QString publicKeyBase64() const { return QString::fromLatin1(m_public.toBase64()); }
    [[nodiscard]] const QByteArray& seed() const { return m_seed; }
    [[nodiscard]] const QByteArray& secretKey() const { return m_secret; }

private:
    QByteArray m_seed, m_public, m_secret; // secret: libsodium's 64-byte form (seed + public key)
};

// Signs one signer's messages. Thread-safe (the counter is atomic).
class MessageSigner
{
public:
    MessageSigner(QString signerId, SigningKey key);
    // "WWS1" + Signed{signer, counter, signature, body}. An empty body (a retained message cleared)
    // is not signed: it is returned empty.
    [[nodiscard]] QByteArray sign(const QString& topic, const QByteArray& body);
    [[nodiscard]] const QString& signerId() const { return m_id; }
    [[nodiscard]] const SigningKey& key() const { return m_key; }

private:
    QString m_id;
    QByteArray m_idUtf8;
    SigningKey m_key;
    std::atomic<quint64> m_last{0};
};

// A detached Ed25519 signature of message (64 bytes), and its check against a public key (other
// uses than messages on the wire: the alarm log's seal).
[[nodiscard]] QByteArray signDetached(const SigningKey& key, const QByteArray& message);
[[nodiscard]] bool verifyDetached(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);

// The bytes the signature covers.
[[nodiscard]] QByteArray signedBytes(std::string_view topic, std::string_view signer, quint64 counter,
                                     std::span<const std::byte> body);

struct TrustSettings
{
    QHash<QString, QByteArray> keys; // signer id -> Ed25519 public key (32 bytes)
    bool acceptUnsigned = false;     // migration only: unsigned state is taken as before
};

class SignatureCheck
{
public:
    enum class Outcome {
        Valid,    // signed by a listed signer; body is the message
        Unsigned, // no signature, and the site accepts unsigned state (migration); body is the payload
        Replayed, // signed, but not newer than the last seen on this topic from this signer: ignore
        Refused,  // unsigned (not accepted), unknown signer, bad signature or a malformed envelope
    };
    struct Result
    {
        Outcome outcome = Outcome::Refused;
        QString signer; // as the envelope names it (may be empty or unknown)
        QString why;    // for Refused and Replayed
        bool isSigned = false;
        std::span<const std::byte> payload; // unsigned: the message is the payload
        std::string signedBody;             // signed: the message from the envelope
        [[nodiscard]] std::span<const std::byte> body() const
        {
            return isSigned ? std::as_bytes(std::span(signedBody.data(), signedBody.size())) : payload;
        }
    };

    explicit SignatureCheck(TrustSettings trust) : m_trust(std::move(trust)) {}
    [[nodiscard]] static bool hasEnvelope(std::span<const std::byte> payload)
    {
        return payload.size() >= SignedMagic.size() &&
               std::string_view(reinterpret_cast<const char*>(payload.data()), SignedMagic.size()) == SignedMagic;
    }
    // Thread-safe. The counters of the signers' topics are kept in memory: a restarted station
    // accepts the retained state again, which is the latest.
    [[nodiscard]] Result check(std::string_view topic, std::span<const std::byte> payload) const;
    [[nodiscard]] const TrustSettings& trust() const { return m_trust; }

    static constexpr qsizetype MaxRemembered = 100'000;

private:
    void forgetOld() const;

    TrustSettings m_trust;
    mutable std::mutex m_mutex;
    mutable QHash<QByteArray, quint64> m_lastCounter; // signer + '\0' + topic -> counter
};

} // namespace ww
