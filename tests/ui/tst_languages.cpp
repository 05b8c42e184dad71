// The main window in each language, offscreen: live models and alarms of each kind (a fall through
// the core, a refusal, the station's own technical alarms, vital signs, NEWS2, fridge, door, room
// climate and pressure, locations, devices, census), switched at run time to German and to Chinese;
// every tab's widgets, menus, headers, the alarm list's cells, the plan's labels and the charts'
// axes are walked, and no English source string of the .ts files may be left (English in the other
// language is allowed where the .ts says so: units, ids, symbols). Back in English, English is
// shown again. The View > Language menu switches, keeps the tab and is remembered.
#include "language_support.h"
#include "app/appsettings.h"
#include "domain/conditiontext.h"

#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTest>

using namespace ww;
using namespace ww::test;

class TestLanguages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        setTranslationsDirectory(QStringLiteral(WW_QM_DIR));
    }

    void everyTabInEachLanguage()
    {
        test::UiStation st(QStringLiteral("lang-station"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setPositioningEngines({});
        w.setConnectionState(MqttState::Connecting, {});
        raiseAlarms(st);
        AlarmListModel& list = st.alarms.alarms();
        QVERIFY(list.rowCount() >= 12);
        // Conditions in the reader's language, their arguments too (a list of inputs, a decimal).
        auto shown = [&](const QString& id) { return shownCondition(*list.find(id)); };

        const QList<Message> german = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_de.ts"));
        const QList<Message> chinese = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_zh_CN.ts"));
        QVERIFY(german.size() > 500);
        QVERIFY(chinese.size() == german.size());

        Walker english;
        english.window(w);
        const QString alarmsTab = w.tabs()->tabText(0);
        QCOMPARE(alarmsTab, QStringLiteral("Alarms"));

        const struct
        {
            const char* code;
            const QList<Message>& messages;
            const char* alarmsTab;
        } languages[] = {{"de", german, "Alarme"}, {"zh_CN", chinese, "报警"}};
        for (const auto& language : languages) {
            QSignalSpy rebuilt(&w, &MainWindow::retranslated);
            QVERIFY(switchLanguage(QString::fromLatin1(language.code)));
            QVERIFY(rebuilt.wait(5000));
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCOMPARE(w.tabs()->tabText(0), QString::fromUtf8(language.alarmsTab));
            QVERIFY(QLocale().name().startsWith(QLatin1String(language.code)));
            if (QLatin1String(language.code) == u"de") {
                QCOMPARE(shown(QStringLiteral("a2")), QStringLiteral("NEWS2 6 ≥ 5 (unvollständig: ohne RRsys, Puls, Temp)"));
                QCOMPARE(shown(QStringLiteral("a3")), QStringLiteral("Kühlschrank 9,1 °C > 8,0 °C"));
            }
            Walker walked;
            walked.window(w);
            QVERIFY2(walked.texts.size() > english.texts.size() / 2, qPrintable(QString::number(walked.texts.size())));
            const QStringList left = englishLeft(walked, EnglishDetector(language.messages));
            // WW_LANGUAGE_SCREENSHOTS=DIR: the alarm list in this language as DIR/ui-CODE.png (docs/);
            // the night theme's pictures are taken by tst_languages_layout's largeTypeFitsA1280PixelScreen.
            if (const QString dir = qEnvironmentVariable("WW_LANGUAGE_SCREENSHOTS"); !dir.isEmpty()) {
                w.showTab(QStringLiteral("alarms"));
                QCoreApplication::processEvents();
                QVERIFY(w.grab().save(dir + QStringLiteral("/ui-%1.png").arg(QLatin1String(language.code))));
            }
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left in %2 places:\n%3")
                                                    .arg(QLatin1String(language.code)).arg(left.size()).arg(left.join(u'\n'))));
        }
        // Back to English: English again, as before the switches.
        QSignalSpy rebuilt(&w, &MainWindow::retranslated);
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QVERIFY(rebuilt.wait(5000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(w.tabs()->tabText(0), QStringLiteral("Alarms"));
        Walker again;
        again.window(w);
        const QSet<QString> before(english.texts.begin(), english.texts.end()), after(again.texts.begin(), again.texts.end());
        QVERIFY(after.contains(QStringLiteral("menu &Help: &Help")));
        QVERIFY2(after.size() * 10 >= before.size() * 9, qPrintable(QStringLiteral("%1 of %2").arg(after.size()).arg(before.size())));
    }

    // The View > Language menu switches, and the window keeps the tab that was shown.
    void theMenuSwitchesAndKeepsTheTab()
    {
        test::UiStation st(QStringLiteral("lang-menu"));
        MainWindow w(st.site.name, st.models, st.stats, &st.alarms, &st.site);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTab(QStringLiteral("environment"));
        auto* german = w.findChild<QAction*>(QStringLiteral("language_de"));
        QVERIFY(german);
        QSignalSpy rebuilt(&w, &MainWindow::retranslated);
        german->trigger();
        QVERIFY(rebuilt.wait(5000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(w.tabs()->currentWidget()->objectName(), QStringLiteral("environment"));
        QCOMPARE(installedLanguage(), QStringLiteral("de"));
        // Remembered: the next start reads it from the settings (ui/language) and installs it.
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        {
            QCommandLineParser parser;
            AppSettings next;
            QCOMPARE(AppSettings::load(parser, {QStringLiteral("wardwatch")}, next), QString());
            QCOMPARE(next.language, QStringLiteral("de"));
        }
        auto* checked = w.findChild<QAction*>(QStringLiteral("language_de"));
        QVERIFY(checked && checked->isChecked());
        // Numbers by the locale: a German decimal comma.
        QCOMPARE(QLocale().toString(36.5, 'f', 1), QStringLiteral("36,5"));
        QVERIFY(!switchLanguage(QStringLiteral("xx")));
        QCOMPARE(installedLanguage(), QStringLiteral("en"));
        QVERIFY(rebuilt.wait(5000));
        // The system's language from the menu is remembered as "" (follow the system; the test's C
        // locale is English as now, so nothing is rebuilt).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        auto* system = w.findChild<QAction*>(QStringLiteral("language_system"));
        QVERIFY(system);
        system->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("ui/language"), QStringLiteral("unset")).toString(), QString());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
