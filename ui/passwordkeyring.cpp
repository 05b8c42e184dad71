#include "ui/passwordkeyring.h"
#include "app/appsettings.h"

#include <QEventLoop>
#include <QTextStream>
#include <qt6keychain/keychain.h>

namespace ww {

namespace {

KeyringAnswer answerOf(const QKeychain::Job& job)
{
    KeyringAnswer a;
    a.detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError: a.outcome = KeyringAnswer::Outcome::Done; break;
    case QKeychain::EntryNotFound: a.outcome = KeyringAnswer::Outcome::NotFound; break;
    // The Secret Service unreachable (no D-Bus session, no daemon) comes back as OtherError.
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError: a.outcome = KeyringAnswer::Outcome::NoKeyring; break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied: a.outcome = KeyringAnswer::Outcome::Refused; break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented: a.outcome = KeyringAnswer::Outcome::Failed; break;
    }
    if (const auto* read = qobject_cast<const QKeychain::ReadPasswordJob*>(&job); read && a.outcome == KeyringAnswer::Outcome::Done)
        a.password = read->textData();
    return a;
}

void run(QKeychain::Job* job, const QString& entry, QObject* context, std::function<void(const KeyringAnswer&)> done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entry);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) { done(answerOf(*j)); });
    job->start();
}

KeyringAnswer wait(const std::function<void(QObject*, std::function<void(const KeyringAnswer&)>)>& start)
{
    QEventLoop loop;
    KeyringAnswer answer;
    bool answered = false; // a backend may answer within start()
    start(&loop, [&](const KeyringAnswer& a) {
        answer = a;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return answer;
}

} // namespace

void storePassword(const QString& entry, const QString& password, QObject* context, std::function<void(const KeyringAnswer&)> done)
{
    auto* job = new QKeychain::WritePasswordJob(QLatin1String(StoredSettings::keyringService));
    job->setTextData(password);
    run(job, entry, context, std::move(done));
}

void readPassword(const QString& entry, QObject* context, std::function<void(const KeyringAnswer&)> done)
{
    run(new QKeychain::ReadPasswordJob(QLatin1String(StoredSettings::keyringService)), entry, context, std::move(done));
}

KeyringAnswer storePasswordAtStart(const QString& entry, const QString& password)
{
    return wait([&](QObject* context, auto done) { storePassword(entry, password, context, std::move(done)); });
}

KeyringAnswer readPasswordAtStart(const QString& entry)
{
    return wait([&](QObject* context, auto done) { readPassword(entry, context, std::move(done)); });
}

QString takePasswordAtStart(AppSettings& settings)
{
    MqttSettings& m = settings.station.mqtt;
    const QString entry = StoredSettings::keyringEntryFor(m.username, m.host);
    if (settings.passwordInSettings) {
        const KeyringAnswer stored = m.username.isEmpty() ? KeyringAnswer{.detail = QObject::tr("no user name")}
                                                          : storePasswordAtStart(entry, m.password);
        QTextStream err(stderr);
        if (stored.outcome == KeyringAnswer::Outcome::Done) {
            AppSettings::passwordMovedToKeyring(settings);
            err << QObject::tr("The MQTT password moved from the settings into the keyring (%1)").arg(entry) << Qt::endl;
        } else if (const QString error = AppSettings::movePasswordToFile(settings); !error.isEmpty()) {
            return QObject::tr("The MQTT password is still in clear text in the settings: %1").arg(error);
        } else {
            err << QObject::tr("The MQTT password moved from the settings into %1 (no keyring: %2)")
                       .arg(AppSettings::defaultPasswordFile(), stored.detail)
                << Qt::endl;
        }
    }
    if (!settings.passwordInKeyring)
        return {};
    const KeyringAnswer read = readPasswordAtStart(entry);
    if (read.outcome == KeyringAnswer::Outcome::Done) {
        m.password = read.password;
        return {};
    }
    return QObject::tr("The MQTT password of %1 could not be read from the keyring (%2). WardWatch starts without it; "
                       "open File > Settings to enter it again.")
        .arg(entry, read.outcome == KeyringAnswer::Outcome::NotFound ? QObject::tr("no such entry") : read.detail);
}

} // namespace ww
