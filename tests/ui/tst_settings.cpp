// The settings dialog and the first-run page, offscreen, in QStandardPaths' test mode (the settings
// under the test's own HOME, never the user's): every input problem named with its field and file,
// the dialog saves what it shows and says when the appearance or language changed, older settings'
// clear-text password moves into a 0600 file, a program without a window refuses a password kept in
// the keyring, and the first-run page appears only when nothing names a broker. With
// WW_SCREENSHOT_DIR set it saves the dialog and the first-run page there.
#include "app/servers.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace ww;

namespace {

QLineEdit* edit(QWidget& w, const char* name)
{
    auto* e = w.findChild<QLineEdit*>(QLatin1String(name));
    if (!e)
        qFatal("no field %s", name);
    return e;
}

void writeFile(const QString& path, const QByteArray& text, QFileDevice::Permissions permissions)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    f.close();
    f.setPermissions(permissions);
}

constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The file's permission bits as ls shows them (0600).
int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

void shoot(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("WW_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(w.grab().save(dir + u'/' + name));
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WardWatch"));
        QCoreApplication::setApplicationName(QStringLiteral("wardwatch"));
        QVERIFY(QSettings().fileName().contains(QStringLiteral(".qttest")));
    }
    void init() { QSettings().clear(); }

    void problemsNameTheFieldAndTheFile()
    {
        QTemporaryDir dir;
        SettingsDialog d;
        edit(d, "host")->clear();
        QCOMPARE(d.problem(), QStringLiteral("Broker host: empty; name the computer the broker runs on (127.0.0.1 for this one)"));
        edit(d, "host")->setText(QStringLiteral("broker.ward.test"));
        QCOMPARE(d.problem(), QString());
        for (const char* port : {"0", "65536", "88x", ""}) {
            edit(d, "port")->setText(QLatin1String(port));
            QCOMPARE(d.problem(), QStringLiteral("Port \"%1\": not a port number from 1 to 65535").arg(QLatin1String(port)));
        }
        edit(d, "port")->setText(QStringLiteral("8883"));

        // TLS files: checked only with TLS on.
        const QString missing = dir.filePath(QStringLiteral("no-ca.pem"));
        edit(d, "caFile")->setText(missing);
        QCOMPARE(d.problem(), QString());
        d.findChild<QCheckBox*>(QStringLiteral("tls"))->setChecked(true);
        QCOMPARE(d.problem(), QStringLiteral("CA certificate %1: no such file").arg(missing));
        edit(d, "caFile")->setText(dir.path());
        QCOMPARE(d.problem(), QStringLiteral("CA certificate %1: a folder, not a file").arg(dir.path()));
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        writeFile(ca, "-----BEGIN CERTIFICATE-----\n", OwnerOnly | QFileDevice::ReadOther);
        edit(d, "caFile")->setText(ca);
        QCOMPARE(d.problem(), QString());
        if (::geteuid() != 0) { // root reads any file
            QFile::setPermissions(ca, QFileDevice::WriteOwner);
            QVERIFY2(d.problem().startsWith(QStringLiteral("CA certificate %1: cannot be read by this account").arg(ca)), qPrintable(d.problem()));
            QFile::setPermissions(ca, OwnerOnly);
        }
        const QString cert = dir.filePath(QStringLiteral("station.crt"));
        const QString key = dir.filePath(QStringLiteral("station.key"));
        writeFile(cert, "cert\n", OwnerOnly | QFileDevice::ReadOther);
        writeFile(key, "key\n", OwnerOnly | QFileDevice::ReadGroup);
        edit(d, "certFile")->setText(cert);
        QCOMPARE(d.problem(), QStringLiteral("Client certificate %1: given without its key file").arg(cert));
        edit(d, "keyFile")->setText(key);
        QCOMPARE(d.problem(), QStringLiteral("Client key %1: readable by other users; chmod 600 it").arg(key));
        QFile::setPermissions(key, OwnerOnly);
        QCOMPARE(d.problem(), QString());

        edit(d, "password")->setText(QStringLiteral("secret"));
        QCOMPARE(d.problem(), QStringLiteral("Password given without a user name: fill in the user name"));
        edit(d, "username")->setText(QStringLiteral("nurse-1"));
        QCOMPARE(d.problem(), QString());

        const QString site = dir.filePath(QStringLiteral("site.json"));
        edit(d, "siteFile")->setText(site);
        QCOMPARE(d.problem(), QStringLiteral("Site file %1: no such file").arg(site));
        edit(d, "siteFile")->clear();

        edit(d, "stationId")->setText(QStringLiteral("  "));
        QCOMPARE(d.problem(), QStringLiteral("Station id: empty; every station needs an id of its own (such as nurse-1)"));
        edit(d, "stationId")->setText(QStringLiteral("ward/7"));
        QCOMPARE(d.problem(), QStringLiteral("Station id \"ward/7\": no spaces, \"/\", \"+\" or \"#\" (it is part of MQTT topics)"));

        // Saving with a problem says it and writes nothing.
        QSignalSpy saved(&d, &SettingsDialog::saved);
        d.save();
        QCOMPARE(d.statusText(), d.problem());
        QCOMPARE(saved.count(), 0);
        QVERIFY(!QSettings().contains(QStringLiteral("mqtt/host")));
    }

    void savesWhatItShows()
    {
        QTemporaryDir dir;
        const QString site = dir.filePath(QStringLiteral("site.json"));
        writeFile(site, "{}", OwnerOnly);
        {
            SettingsDialog d;
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            shoot(d, QStringLiteral("settings-dialog.png"));
            edit(d, "host")->setText(QStringLiteral("broker.ward.test"));
            edit(d, "port")->setText(QStringLiteral("8883"));
            d.findChild<QCheckBox*>(QStringLiteral("tls"))->setChecked(true);
            edit(d, "username")->setText(QStringLiteral("nurse-1"));
            d.findChild<QComboBox*>(QStringLiteral("protocol"))->setCurrentIndex(1);
            edit(d, "siteFile")->setText(site);
            edit(d, "stationId")->setText(QStringLiteral("nurse-1"));
            auto choose = [&d](const char* box, const QString& value) {
                auto* c = d.findChild<QComboBox*>(QLatin1String(box));
                c->setCurrentIndex(c->findData(value));
                QCOMPARE(c->currentData().toString(), value);
            };
            choose("language", QStringLiteral("zh_CN"));
            choose("temperatureUnit", QStringLiteral("F"));
            choose("theme", QStringLiteral("dark"));
            d.findChild<QCheckBox*>(QStringLiteral("largeType"))->setChecked(true);
            QVERIFY(d.findChild<QLabel*>(QStringLiteral("restartNote"))->text().contains(QStringLiteral("next start")));
            QSignalSpy appearance(&d, &SettingsDialog::appearanceChanged);
            QSignalSpy language(&d, &SettingsDialog::languageChanged);
            d.save();
            QCOMPARE(d.result(), int(QDialog::Accepted));
            QCOMPARE(appearance.count(), 1);
            QCOMPARE(appearance.at(0).at(0).toString(), QStringLiteral("dark"));
            QCOMPARE(appearance.at(0).at(1).toBool(), true);
            QCOMPARE(language.count(), 1);
            QCOMPARE(language.at(0).at(0).toString(), QStringLiteral("zh_CN"));
            // The unit applies at once (domain/units.h), without a restart.
            QCOMPARE(temperatureUnit(), TemperatureUnit::Fahrenheit);
        }
        setTemperatureUnit(TemperatureUnit::Celsius);
        const QSettings s;
        QCOMPARE(s.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
        QCOMPARE(s.value(QStringLiteral("ui/temperatureUnit")).toString(), QStringLiteral("F"));
        QCOMPARE(s.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(s.value(QStringLiteral("ui/largeType")).toBool(), true);
        QCOMPARE(s.value(QStringLiteral("settingsVersion")).toInt(), AppSettings::Version);

        // The station reads them at its next start; the command line still wins for one run.
        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, a), QString());
        QCOMPARE(a.station.mqtt.host, QStringLiteral("broker.ward.test"));
        QCOMPARE(a.station.mqtt.port, 8883);
        QVERIFY(a.station.mqtt.tls);
        QCOMPARE(a.station.mqtt.username, QStringLiteral("nurse-1"));
        QCOMPARE(a.station.mqtt.protocolVersion, 4);
        QCOMPARE(a.siteFile, site);
        QCOMPARE(a.temperatureUnit, TemperatureUnit::Fahrenheit);
        QCOMPARE(a.station.stationId, QStringLiteral("nurse-1"));
        QVERIFY(!a.firstRun);

        // Opened again, it shows what was saved; saving unchanged appearance and language says nothing.
        SettingsDialog again;
        QCOMPARE(edit(again, "host")->text(), QStringLiteral("broker.ward.test"));
        QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("theme"))->currentData().toString(), QStringLiteral("dark"));
        QSignalSpy appearance(&again, &SettingsDialog::appearanceChanged);
        QSignalSpy language(&again, &SettingsDialog::languageChanged);
        again.save();
        QCOMPARE(again.result(), int(QDialog::Accepted));
        QCOMPARE(appearance.count(), 0);
        QCOMPARE(language.count(), 0);
    }

    // Settings of version 1 held the password in clear text: it moves into a 0600 file and leaves the settings.
    // A temperature unit the program does not know stops the start, naming the key and the value.
    void anUnknownTemperatureUnitStopsTheStart()
    {
        QSettings().setValue(QStringLiteral("ui/temperatureUnit"), QStringLiteral("K"));
        QCommandLineParser parser;
        AppSettings a;
        const QString error = AppSettings::load(parser, {QStringLiteral("wardwatch")}, a);
        QVERIFY2(error.contains(QStringLiteral("ui/temperatureUnit")) && error.contains(QStringLiteral("\"K\"")), qPrintable(error));
        // Lower case is the same unit; an empty value is the default.
        QSettings().setValue(QStringLiteral("ui/temperatureUnit"), QStringLiteral("f"));
        QCommandLineParser again;
        QCOMPARE(AppSettings::load(again, {QStringLiteral("wardwatch")}, a), QString());
        QCOMPARE(a.temperatureUnit, TemperatureUnit::Fahrenheit);
        QSettings().setValue(QStringLiteral("ui/temperatureUnit"), QString());
        QCommandLineParser empty;
        const QString blank = AppSettings::load(empty, {QStringLiteral("wardwatch")}, a);
        QVERIFY2(blank.contains(QStringLiteral("ui/temperatureUnit")), qPrintable(blank));
    }

    void clearTextPasswordMovesIntoAFile()
    {
        {
            QSettings s;
            s.setValue(QStringLiteral("settingsVersion"), 1);
            s.setValue(QStringLiteral("mqtt/host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("mqtt/username"), QStringLiteral("nurse-1"));
            s.setValue(QStringLiteral("mqtt/password"), QStringLiteral("old-secret"));
        }
        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, a), QString());
        QVERIFY(a.passwordInSettings);
        QCOMPARE(a.station.mqtt.password, QStringLiteral("old-secret"));
        QCOMPARE(AppSettings::movePasswordToFile(a), QString());
        const QString path = AppSettings::defaultPasswordFile();
        QCOMPARE(modeOf(path), 0600);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old-secret\n"));
        QSettings s;
        QVERIFY(!s.contains(QStringLiteral("mqtt/password")));
        QCOMPARE(s.value(QStringLiteral("mqtt/passwordFile")).toString(), path);
        QCOMPARE(s.value(QStringLiteral("settingsVersion")).toInt(), 2);
        QCommandLineParser again;
        AppSettings b;
        QCOMPARE(AppSettings::load(again, {QStringLiteral("wardwatch")}, b), QString());
        QVERIFY(!b.passwordInSettings);
        QCOMPARE(b.station.mqtt.password, QStringLiteral("old-secret"));
    }

    // The programs without a window do not read the keyring: they say so and stop (exit 2).
    void withoutAWindowTheKeyringIsRefused()
    {
        {
            QSettings s;
            s.setValue(QStringLiteral("mqtt/host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("mqtt/username"), QStringLiteral("nurse-1"));
            s.setValue(QStringLiteral("mqtt/passwordInKeyring"), true);
        }
        QCommandLineParser parser;
        AppSettings a;
        QCOMPARE(startProgram(*QCoreApplication::instance(), parser, a), std::optional<int>(2));
        QVERIFY(a.passwordInKeyring);
        // With a window the program goes on (it reads the keyring itself).
        QCommandLineParser withWindow;
        AppSettings b;
        QCOMPARE(startProgram(*QCoreApplication::instance(), withWindow, b, true), std::nullopt);
    }

    void firstRunOnlyWhenNothingNamesABroker()
    {
        auto firstRun = [](const QStringList& args) {
            QCommandLineParser parser;
            AppSettings a;
            const QString error = AppSettings::load(parser, QStringList{QStringLiteral("wardwatch")} + args, a);
            if (!error.isEmpty())
                qFatal("%s", qPrintable(error));
            return a.firstRun;
        };
        QVERIFY(firstRun({}));
        QVERIFY(!firstRun({QStringLiteral("--host"), QStringLiteral("127.0.0.1")}));
        QVERIFY(!firstRun({QStringLiteral("--port"), QStringLiteral("1884")})); // scripts/demo, the integration tests
        QVERIFY(!firstRun({QStringLiteral("--site"), QStringLiteral("site.json")}));
        QSettings().setValue(QStringLiteral("mqtt/host"), QStringLiteral("broker.ward.test"));
        QVERIFY(!firstRun({}));

        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        WardModels models(*loaded.site);
        IngestStats stats;
        MainWindow w(loaded.site->name, models, stats, nullptr, &*loaded.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // File > Settings, the first menu.
        QCOMPARE(w.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
        auto* action = w.findChild<QAction*>(QStringLiteral("openSettings"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Settings…"));
        // Not shown unless asked (the station asks when AppSettings::firstRun).
        QVERIFY(!w.firstRunPage()->isVisible());
        QVERIFY(w.tabs()->isVisible());
        w.setFirstRun(true);
        QVERIFY(w.firstRunPage()->isVisible());
        QVERIFY(!w.tabs()->isVisible());
        // The page takes the tables' whole place.
        QTRY_COMPARE(w.firstRunPage()->height(), w.centralWidget()->height());
        const QString text = w.firstRunPage()->findChild<QLabel*>(QStringLiteral("firstRunText"))->text();
        QVERIFY(text.contains(QStringLiteral("--host")));
        QVERIFY(text.contains(QStringLiteral("docs/operations.md")));
        shoot(w, QStringLiteral("first-run.png"));
        // The link opens the operations guide inside the application.
        w.showOperationsGuide();
        auto* guide = w.findChild<QDialog*>(QStringLiteral("operationsGuide"));
        QVERIFY(guide);
        guide->close();
        // Its button opens the settings, once.
        w.firstRunPage()->findChild<QPushButton*>(QStringLiteral("firstRunSettings"))->click();
        auto* d = w.findChild<SettingsDialog*>();
        QVERIFY(d);
        QVERIFY(d->isVisible());
        QCOMPARE(w.openSettings(), d);
        // The main window passes the dialog's signals on (main.cpp connects them).
        QSignalSpy appearance(&w, &MainWindow::appearanceChanged);
        d->findChild<QCheckBox*>(QStringLiteral("largeType"))->setChecked(true);
        d->save();
        QCOMPARE(appearance.count(), 1);
        QVERIFY(w.firstRunPage()->findChild<QLabel*>(QStringLiteral("firstRunSaved"))->text().contains(QStringLiteral("start WardWatch again")));
        // Built again in another language (View > Language), the window keeps the page and what it said.
        QSignalSpy rebuilt(&w, &MainWindow::retranslated);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&w, &change);
        QTRY_COMPARE(rebuilt.count(), 1);
        QTRY_VERIFY(w.firstRunPage()->isVisible()); // the new central widget is shown from the event loop
        QVERIFY(!w.tabs()->isVisible());
        QVERIFY(w.firstRunPage()->findChild<QLabel*>(QStringLiteral("firstRunSaved"))->text().contains(QStringLiteral("start WardWatch again")));
        QVERIFY(w.findChild<QAction*>(QStringLiteral("openSettings")));
        w.firstRunPage()->findChild<QPushButton*>(QStringLiteral("firstRunDismiss"))->click();
        QVERIFY(!w.firstRunPage()->isVisible());
        QVERIFY(w.tabs()->isVisible());
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
