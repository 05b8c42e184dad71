#include "ui/passwordkeyring.h"
#include "app/appsettings.h"

#include <QEventLoop>
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

} // namespace ww
