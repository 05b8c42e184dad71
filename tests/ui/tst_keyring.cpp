// The MQTT password and the system keyring, through the settings dialog's own code path and read
// back through QtKeychain. Run twice by ctest: in a private D-Bus session with an unlocked GNOME
// Keyring (tests/support/with_keyring.sh: the password is in the keyring, the settings file holds
// none, the station reads it at start, older settings' clear-text password moves in), and with no
// D-Bus session at all (the dialog says there is no keyring and keeps the password in a 0600 file).
// With WW_SCREENSHOT_DIR set it saves the dialog saying so there.
#include "ui/passwordkeyring.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <qt6keychain/keychain.h>
#include <QTest>
#include <sys/stat.h>

using namespace ww;

namespace {

const QString Secret = QStringLiteral("Nachtdienst-7 ü");

// The file's permission bits as ls shows them (0600).
int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

void fill(SettingsDialog& d, const QString& password)
{
    d.findChild<QLineEdit*>(QStringLiteral("host"))->setText(QStringLiteral("broker.ward.test"));
    d.findChild<QLineEdit*>(QStringLiteral("port"))->setText(QStringLiteral("8883"));
    d.findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("nurse-1"));
    d.findChild<QLineEdit*>(QStringLiteral("password"))->setText(password);
    d.findChild<QLineEdit*>(QStringLiteral("stationId"))->setText(QStringLiteral("nurse-1"));
}

QByteArray settingsFile()
{
    QSettings s;
    s.sync();
    QFile f(s.fileName());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The entry as QtKeychain itself reads it, not through the code under test.
QString readBack(const QString& entry, QKeychain::Error* error)
{
    QKeychain::ReadPasswordJob job(QLatin1String(StoredSettings::keyringService));
    job.setAutoDelete(false);
    job.setKey(entry);
    QSignalSpy done(&job, &QKeychain::Job::finished);
    job.start();
    if (done.isEmpty() && !done.wait(20'000))
        qFatal("the keyring did not answer within 20 s");
    *error = job.error();
    return job.textData();
}

} // namespace

class TestKeyring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WardWatch"));
        QCoreApplication::setApplicationName(QStringLiteral("wardwatch"));
    }
    void init()
    {
        QSettings().clear();
        QFile::remove(AppSettings::defaultPasswordFile());
    }

    void keyringKeepsThePassword()
    {
        SettingsDialog d;
        fill(d, Secret);
        QSignalSpy saved(&d, &SettingsDialog::saved);
        d.save();
        // The keyring answers asynchronously: the dialog waits without blocking.
        QVERIFY2(saved.isEmpty(), "the keyring answered within save()");
        QVERIFY(d.statusText().contains(QStringLiteral("Storing the password in the keyring as nurse-1@broker.ward.test")));
        QTRY_VERIFY2_WITH_TIMEOUT(saved.count() == 1, qPrintable(d.statusText()), 20'000);

        QKeychain::Error error = QKeychain::OtherError;
        QCOMPARE(readBack(QStringLiteral("nurse-1@broker.ward.test"), &error), Secret);
        QCOMPARE(error, QKeychain::NoError);
        const QByteArray file = settingsFile();
        QVERIFY2(!file.isEmpty(), "no settings file");
        QVERIFY2(!file.contains("Nachtdienst"), file.constData());
        QVERIFY(!QSettings().contains(QStringLiteral("mqtt/password")));
        QVERIFY(!QSettings().contains(QStringLiteral("mqtt/passwordFile")));
        QCOMPARE(QSettings().value(QStringLiteral("mqtt/passwordInKeyring")).toBool(), true);
        QVERIFY(!QFile::exists(AppSettings::defaultPasswordFile()));

        // The station at its next start: the settings say "keyring", the password comes from there.
        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, a), QString());
        QVERIFY(a.passwordInKeyring);
        QCOMPARE(a.station.mqtt.password, QString());
        QCOMPARE(takePasswordAtStart(a), QString());
        QCOMPARE(a.station.mqtt.password, Secret);

        // Another broker's user finds no entry: said, naming it.
        QCommandLineParser other;
        AppSettings b;
        QCOMPARE(AppSettings::load(other, {QStringLiteral("wardwatch"), QStringLiteral("--host"), QStringLiteral("other.test")}, b),
                 QString());
        const QString missing = takePasswordAtStart(b);
        QVERIFY2(missing.contains(QStringLiteral("nurse-1@other.test could not be read from the keyring (no such entry)")),
                 qPrintable(missing));
    }

    void clearTextPasswordMovesIntoTheKeyring()
    {
        {
            QSettings s;
            s.setValue(QStringLiteral("settingsVersion"), 1);
            s.setValue(QStringLiteral("mqtt/host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("mqtt/username"), QStringLiteral("night"));
            s.setValue(QStringLiteral("mqtt/password"), QStringLiteral("old-clear-text"));
        }
        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, a), QString());
        QVERIFY(a.passwordInSettings);
        QCOMPARE(takePasswordAtStart(a), QString());
        QCOMPARE(a.station.mqtt.password, QStringLiteral("old-clear-text"));
        QVERIFY(!settingsFile().contains("old-clear-text"));
        QCOMPARE(QSettings().value(QStringLiteral("mqtt/passwordInKeyring")).toBool(), true);
        QCOMPARE(QSettings().value(QStringLiteral("settingsVersion")).toInt(), 2);
        QKeychain::Error error = QKeychain::OtherError;
        QCOMPARE(readBack(QStringLiteral("night@127.0.0.1"), &error), QStringLiteral("old-clear-text"));
        QVERIFY(!QFile::exists(AppSettings::defaultPasswordFile()));
    }

    void noKeyringOffersAPasswordFile()
    {
        SettingsDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        fill(d, Secret);
        QPushButton* useFile = d.passwordFileButton();
        QVERIFY(useFile->isHidden());
        QSignalSpy saved(&d, &SettingsDialog::saved);
        d.save();
        QTRY_VERIFY_WITH_TIMEOUT(d.statusText().startsWith(QStringLiteral("No keyring is available on this computer")), 20'000);
        QVERIFY2(d.statusText().contains(AppSettings::defaultPasswordFile()), qPrintable(d.statusText()));
        QVERIFY(!useFile->isHidden());
        if (const QString dir = qEnvironmentVariable("WW_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(d.grab().save(dir + QStringLiteral("/settings-no-keyring.png")));
        QCOMPARE(saved.count(), 0);
        QVERIFY(!QSettings().contains(QStringLiteral("mqtt/host"))); // nothing saved until the person chooses

        useFile->click();
        QCOMPARE(saved.count(), 1);
        const QString path = AppSettings::defaultPasswordFile();
        QCOMPARE(modeOf(path), 0600);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), Secret + u'\n');
        QVERIFY(!settingsFile().contains("Nachtdienst"));
        QCOMPARE(QSettings().value(QStringLiteral("mqtt/passwordFile")).toString(), path);
        QCOMPARE(QSettings().value(QStringLiteral("mqtt/passwordInKeyring")).toBool(), false);

        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, a), QString());
        QCOMPARE(a.station.mqtt.password, Secret);
        QCOMPARE(takePasswordAtStart(a), QString());
    }

    // Without a keyring the clear-text password of older settings moves into the 0600 file.
    void noKeyringClearTextPasswordMovesIntoAFile()
    {
        {
            QSettings s;
            s.setValue(QStringLiteral("settingsVersion"), 1);
            s.setValue(QStringLiteral("mqtt/username"), QStringLiteral("night"));
            s.setValue(QStringLiteral("mqtt/password"), QStringLiteral("old-clear-text"));
        }
        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, a), QString());
        QCOMPARE(takePasswordAtStart(a), QString());
        QVERIFY(!settingsFile().contains("old-clear-text"));
        QCOMPARE(modeOf(AppSettings::defaultPasswordFile()), 0600);
        QCOMPARE(QSettings().value(QStringLiteral("mqtt/passwordFile")).toString(), AppSettings::defaultPasswordFile());
    }
};

QTEST_MAIN(TestKeyring)
#include "tst_keyring.moc"
