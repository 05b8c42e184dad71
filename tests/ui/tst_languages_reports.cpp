// The climate compliance report and the shift report in each language, offscreen: opened in German
// and in Chinese, no English source string of the .ts files and none of the reports' own English
// words are left, their numbers follow the locale and the temperatures the unit; back in English
// they read as before.
#include "language_support.h"
#include "domain/conditiontext.h"
#include "domain/units.h"
#include "records/alarmlog.h"
#include "records/climaterecord.h"
#include "records/shiftreport.h"
#include "ui/climatereportview.h"
#include "ui/shiftreportview.h"

#include <QDateTime>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace ww;
using namespace ww::test;

class TestLanguageReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings(m_settings.path());
        setTranslationsDirectory(QStringLiteral(WW_QM_DIR));
    }

    // The climate compliance report as the station shows it (a room with an excursion of its
    // temperature and pressure while its door opened), opened in German and in Chinese: no English
    // source string of the .ts files and none of the report's English words are left; its
    // temperatures follow the unit (°F in Chinese here), its numbers the locale. In English it
    // reads as before. WW_LANGUAGE_SCREENSHOTS=DIR saves DIR/climate-report-de.png.
    void theClimateReportInEachLanguage()
    {
        const auto loaded = SiteLoader::loadDefault();
        const Site& site = *loaded.site;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("climate.sqlite"));
        constexpr qint64 Hour = 3'600'000;
        const qint64 now = (QDateTime::currentMSecsSinceEpoch() / Hour) * Hour;
        const QString room = QStringLiteral("R211");
        QVERIFY(site.room(room) && site.room(room)->kind == RoomKind::Isolation);
        const auto door = std::find_if(site.sensors.begin(), site.sensors.end(),
                                       [&](const Sensor& s) { return s.kind == SensorKind::Door && s.room == room; });
        QVERIFY(door != site.sensors.end());
        std::vector<ClimateReading> batch;
        for (qint64 t = now - 6 * Hour; t < now; t += 60'000) {
            // The door open for ten minutes three hours ago; the room 26.5 °C for an hour before that.
            const bool open = t >= now - 3 * Hour && t < now - 3 * Hour + 600'000;
            const bool hot = t >= now - 4 * Hour && t < now - 3 * Hour;
            ClimateReading r{QStringLiteral("env-r211"), room, t, {}, {}};
            r.values[int(ClimateQuantity::Temperature)] = hot ? 26.5 : 22.0;
            r.values[int(ClimateQuantity::Humidity)] = 45;
            r.values[int(ClimateQuantity::DiffPressure)] = open ? -0.5 : -6.0;
            batch.push_back(r);
            batch.push_back(ClimateReading{door->id, room, t, {}, open});
        }
        {
            ClimateRecord rec(path);
            QVERIFY2(rec.write(batch), qPrintable(rec.lastError()));
        }
        // The report as a person sees it: opened, loaded, its text field.
        auto shown = [&](QString* out) {
            auto* d = new ClimateReportDialog(site, path, {}, {room}, now - 6 * Hour, now, now);
            d->resize(1100, 640);
            QSignalSpy loadedSpy(d, &ClimateReportDialog::loaded);
            QVERIFY(loadedSpy.wait(20000));
            QCOMPARE(loadedSpy.back().at(0).toInt(), 1);
            *out = d->findChild<QPlainTextEdit*>()->toPlainText();
            QVERIFY(saveLanguageShot(d, QStringLiteral("climate-report")));
            delete d;
        };
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString english;
        shown(&english);
        QVERIFY(!english.isEmpty());
        QVERIFY2(english.contains(QStringLiteral("Room climate compliance: ")) && english.contains(QStringLiteral("(isolation)")),
                 qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("temperature above from")), qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("peak 26.5 °C")), qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("Door openings: 1, 1 longer than 5 min")), qPrintable(english));

        // English words of the report that a translated one must not keep (besides the .ts's sources).
        static const QRegularExpression words(QStringLiteral(
            "\\b(above|below|from|peak|acknowledged|Excursions|Period|readings|covered|quantity|target|Door|door|opened|times|"
            "temperature|humidity|pressure|difference|patient|isolation|still outside|longer than|in all|longest|holds|Room climate)\\b"));
        const struct
        {
            const char* code;
            TemperatureUnit unit;
            const char* kind;
            const char* peak;
        } languages[] = {{"de", TemperatureUnit::Celsius, "Isolierzimmer", "26,5 °C"}, {"zh_CN", TemperatureUnit::Fahrenheit, "隔离病房", "79.7 °F"}};
        for (const auto& language : languages) {
            const QList<Message> messages = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_%1.ts").arg(QLatin1String(language.code)));
            QVERIFY(!messages.isEmpty());
            QVERIFY(switchLanguage(QString::fromLatin1(language.code)));
            setTemperatureUnit(language.unit);
            QString text;
            shown(&text);
            setTemperatureUnit(TemperatureUnit::Celsius);
            QVERIFY(!text.isEmpty());
            const EnglishDetector detector(messages);
            QStringList left;
            for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
                if (const QString why = detector.english(line); !why.isEmpty())
                    left << why;
                if (const QRegularExpressionMatch m = words.match(line); m.hasMatch())
                    left << QStringLiteral("\"%1\" in \"%2\"").arg(m.captured(1), line);
            }
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left:\n%2\n\n%3").arg(QLatin1String(language.code), left.join(u'\n'), text)));
            QVERIFY2(text.contains(QString::fromUtf8(language.kind)), qPrintable(text));
            QVERIFY2(text.contains(QString::fromUtf8(language.peak)), qPrintable(text));
        }
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString again;
        shown(&again);
        QCOMPARE(again, english);
    }

    // The shift report of a log with a fall, a low SpO2 (acknowledged after 75 s), a high heart
    // rate that ended by itself in 2.5 s and a reminder, all with condition codes and arguments,
    // opened in German and in Chinese: no English source string of the .ts files, none of the
    // conditions as logged in English and none of the report's English words are left; its numbers
    // follow the locale (a decimal comma in German). The PDF prints the view's text. In English it
    // reads as before. WW_LANGUAGE_SCREENSHOTS=DIR saves DIR/shift-report-de.png.
    void theShiftReportInEachLanguage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shift.sqlite"));
        constexpr qint64 Hour = 3'600'000;
        const qint64 from = (QDateTime::currentMSecsSinceEpoch() / Hour) * Hour - 12 * Hour, to = from + 12 * Hour;
        const QString patient = QStringLiteral("P-lang"), subject = QStringLiteral("Anna Berg (bed 3-A)");
        QStringList logged; // the conditions' English texts, as the log keeps them
        QList<std::pair<QString, QStringList>> coded; // and their codes and arguments
        {
            AlarmLog log(path);
            auto write = [&](qint64 at, const char* kind, const AlarmState& s) {
                LogEntry e;
                e.utcMs = at;
                e.kind = QLatin1String(kind);
                e.state = s;
                e.station = QStringLiteral("st-lang");
                return log.append(e);
            };
            auto alarmOf = [&](const char* id, const char* rule, Priority p, const QString& code, const QStringList& args, qint64 onset) {
                AlarmRaise r;
                r.setCondition(code, args);
                AlarmState s;
                s.id = QLatin1String(id);
                s.rule = QLatin1String(rule);
                s.priority = p;
                s.condition = r.condition;
                s.conditionCode = r.conditionCode;
                s.conditionArgs = r.conditionArgs;
                s.subject = subject;
                s.place = QStringLiteral("Room 3");
                s.patientId = patient;
                s.onsetMs = onset;
                logged << r.condition;
                coded.append({code, args});
                return s;
            };
            AlarmState fall = alarmOf("f1", "event.fall", Priority::High, QStringLiteral("event"),
                                      {QStringLiteral("fall"), QStringLiteral("wb-001")}, from + Hour);
            QVERIFY(write(fall.onsetMs, "raised", fall));
            fall.ackedAtMs = fall.onsetMs + 30'000;
            fall.ackedBy = QStringLiteral("N1");
            fall.ackedByName = QStringLiteral("Nora Lind");
            QVERIFY(write(fall.ackedAtMs, "acknowledged", fall));
            AlarmState spo2 = alarmOf("v1", "vital.spo2", Priority::High, QStringLiteral("vital.low"),
                                      {QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")}, from + 2 * Hour);
            QVERIFY(write(spo2.onsetMs, "raised", spo2));
            spo2.ackedAtMs = spo2.onsetMs + 75'000;
            spo2.ackedBy = QStringLiteral("N1");
            spo2.ackedByName = QStringLiteral("Nora Lind");
            QVERIFY(write(spo2.ackedAtMs, "acknowledged", spo2));
            AlarmState hr = alarmOf("v2", "vital.hr", Priority::Medium, QStringLiteral("vital.high"),
                                    {QStringLiteral("HR"), QStringLiteral("131"), QStringLiteral("130")}, from + 3 * Hour);
            QVERIFY(write(hr.onsetMs, "raised", hr));
            hr.endedMs = hr.onsetMs + 2'500;
            QVERIFY(write(hr.endedMs, "ended", hr));
            AlarmState due = alarmOf("r1", "reminder.obs", Priority::Low, QStringLiteral("reminder"),
                                     {QStringLiteral("NEWS2 3: observations 4-hourly")}, from + 4 * Hour);
            QVERIFY(write(due.onsetMs, "raised", due));
        }
        QCOMPARE(logged.size(), 4);
        ShiftReportOptions options;
        options.occupiedAtStart = {QStringLiteral("3-A")};
        options.occupiedAtStartGiven = true; // one bed for 12 hours: 0.50 bed-days, 6.00 alarms per bed-day
        // The report as a person sees it: loaded, its text, status and buttons; the PDF's text.
        auto shown = [&](QString* out) {
            auto* view = new ShiftReportView;
            view->resize(1000, 980);
            QSignalSpy loadedSpy(view, &ShiftReportView::loaded);
            view->load(path, from, to, options);
            QVERIFY(loadedSpy.wait(20000));
            QCOMPARE(loadedSpy.back().at(0).toBool(), true);
            QCOMPARE(view->report().alarmsRaised, 3);
            const QString text = view->findChild<QTextBrowser*>()->toPlainText();
            QTextDocument printed;
            printed.setHtml(ShiftReportView::toHtml(view->report()));
            QCOMPARE(printed.toPlainText(), text);
            QStringList all{view->windowTitle(), text};
            for (QLabel* l : view->findChildren<QLabel*>())
                all << l->text();
            for (QPushButton* b : view->findChildren<QPushButton*>())
                all << b->text();
            *out = all.join(u'\n');
            QVERIFY(saveLanguageShot(view, QStringLiteral("shift-report")));
            delete view;
        };
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString english;
        shown(&english);
        for (const QString& c : std::as_const(logged))
            QVERIFY2(english.contains(c), qPrintable(c + QStringLiteral("\n\n") + english));
        for (const char* t : {"0.50", "6.00", "2.5 s", "1 min 15 s", "Anna Berg (bed 3-A)", "census record"})
            QVERIFY2(english.contains(QLatin1String(t)), qPrintable(QLatin1String(t) + QStringLiteral("\n\n") + english));

        // English words of the report that a translated one must not keep (besides the .ts's sources);
        // ids ("reminder.obs") are not words. Units (s, min) are the same in German.
        static const QRegularExpression words(QStringLiteral(
            "(?<![.\\w])(bed|beds|census|record|station|start|entry|occupied|reminders?|done|missed|never|from|observations|"
            "hourly|Due|acknowledged)(?![.\\w])"));
        const struct
        {
            const char* code;
            const char* decimals[3]; // bed-days, alarms per bed-day, the nuisance alarm's 2.5 s
        } languages[] = {{"de", {"0,50", "6,00", "2,5"}}, {"zh_CN", {"0.50", "6.00", "2.5"}}};
        for (const auto& language : languages) {
            const QString code = QString::fromLatin1(language.code);
            const QList<Message> messages = readTs(QStringLiteral(WW_SOURCE_DIR "/translations/wardwatch_%1.ts").arg(code));
            QVERIFY(!messages.isEmpty());
            QVERIFY(switchLanguage(code));
            QString text;
            shown(&text);
            QVERIFY(!text.isEmpty());
            const EnglishDetector detector(messages);
            QStringList translated; // the logged texts that read otherwise in this language ("SpO2 84 < 90" does not)
            for (qsizetype i = 0; i < logged.size(); ++i)
                if (renderCondition(coded[i].first, coded[i].second) != logged[i])
                    translated << logged[i];
            QVERIFY(translated.size() >= 2);
            QStringList left;
            for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
                if (const QString why = detector.english(line); !why.isEmpty())
                    left << why;
                if (const QRegularExpressionMatch m = words.match(line); m.hasMatch())
                    left << QStringLiteral("\"%1\" in \"%2\"").arg(m.captured(1), line);
                for (const QString& c : std::as_const(translated))
                    if (line.contains(c))
                        left << QStringLiteral("logged \"%1\" in \"%2\"").arg(c, line);
            }
            QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("%1: English left:\n%2\n\n%3").arg(code, left.join(u'\n'), text)));
            // The conditions rendered from their codes, as the alarm lists show them; the subject too.
            for (const auto& [c, args] : {std::pair(QStringLiteral("event"), QStringList{QStringLiteral("fall"), QStringLiteral("wb-001")}),
                                          std::pair(QStringLiteral("vital.low"), QStringList{QStringLiteral("SpO2"), QStringLiteral("84"), QStringLiteral("90")})})
                QVERIFY2(text.contains(renderCondition(c, args)), qPrintable(renderCondition(c, args) + QStringLiteral("\n\n") + text));
            QVERIFY2(text.contains(shownData(subject)) && shownData(subject) != subject, qPrintable(text));
            for (const char* d : language.decimals)
                QVERIFY2(text.contains(QLatin1String(d)), qPrintable(code + QStringLiteral(": no ") + QLatin1String(d) + QStringLiteral("\n\n") + text));
        }
        QVERIFY(switchLanguage(QStringLiteral("en")));
        QString again;
        shown(&again);
        QCOMPARE(again, english);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLanguageReports)
#include "tst_languages_reports.moc"
