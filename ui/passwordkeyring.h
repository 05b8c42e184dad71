#pragma once
// The broker's password in the system keyring through QtKeychain (on Linux the Secret Service:
// GNOME Keyring, KWallet): service "WardWatch", one entry per broker "user@host"
// (StoredSettings::keyringEntry). The keyring answers asynchronously; QtKeychain's insecure
// fallback (the secret in clear text in a settings file) is never used.
#include "app/appsettings.h"

#include <QObject>
#include <QString>
#include <functional>

namespace ww {

struct KeyringAnswer
{
    enum class Outcome {
        Done,      // stored, or read (password)
        NotFound,  // no entry for this user@host
        NoKeyring, // no keyring service on this computer or session (QtKeychain's NoBackendAvailable, OtherError)
        Refused,   // the person or the keyring refused access
        Failed,
    };
    Outcome outcome = Outcome::Failed;
    QString password; // read: the password
    QString detail;   // the keyring's own words
};

// done runs on context's thread once the keyring answers, never before these return; not at all
// when context is gone by then.
void storePassword(const QString& entry, const QString& password, QObject* context, std::function<void(const KeyringAnswer&)> done);
void readPassword(const QString& entry, QObject* context, std::function<void(const KeyringAnswer&)> done);
// The same, for the start of the station before its window opens: the event loop runs until the
// keyring answers (it may first ask the person to unlock it).
[[nodiscard]] KeyringAnswer storePasswordAtStart(const QString& entry, const QString& password);
[[nodiscard]] KeyringAnswer readPasswordAtStart(const QString& entry);

// The station with a window at start: a clear-text password of older settings moves into the
// keyring, or into AppSettings::defaultPasswordFile() where there is none (said on stderr); a
// password kept in the keyring is read into settings.station.mqtt. Returns what went wrong, for
// the person: empty when the password is at hand (or none is needed).
[[nodiscard]] QString takePasswordAtStart(AppSettings& settings);

} // namespace ww
