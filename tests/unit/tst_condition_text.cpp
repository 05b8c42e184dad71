// Alarm conditions as data (domain/conditiontext.h): the core raises a code with its arguments and
// their English text; every station renders the code in its reader's language, the history too
// (the log keeps code and arguments); an unknown code shows the English text.
#include "alarm_support.h"
#include "domain/conditiontext.h"
#include "records/alarmlog.h"
#include "records/sqlitedb.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ww;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

// The pattern of a code: its placeholders filled with themselves.
QString pattern(const QString& code)
{
    QStringList self;
    for (int i = 1; i <= 9; ++i)
        self << QStringLiteral("%%1").arg(i);
    return renderCondition(code, self, false);
}

} // namespace

class TestConditionText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCodeRendersInEnglishAndGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(WW_QM_DIR "/wardwatch_de.qm")));
        QVERIFY(conditionCodes().size() >= 25);
        for (const QString& code : conditionCodes()) {
            const QString source = pattern(code);
            QVERIFY2(!source.isEmpty(), qPrintable(code));
            QVERIFY2(!german.translate("ww::Condition", source.toUtf8().constData()).isEmpty(),
                     qPrintable(QStringLiteral("%1: no German for \"%2\"").arg(code, source)));
        }
        AlarmRaise r;
        r.setCondition(QStringLiteral("vital.low"), {QStringLiteral("RR"), QStringLiteral("8"), QStringLiteral("10")});
        QCOMPARE(r.condition, QStringLiteral("RR 8 < 10"));
        AlarmState a;
        a.condition = r.condition;
        a.conditionCode = r.conditionCode;
        a.conditionArgs = r.conditionArgs;
        QCOMPARE(shownCondition(a), QStringLiteral("RR 8 < 10"));
        QCoreApplication::installTranslator(&german);
        // In German "RR" is blood pressure: the respiratory rate is "AF".
        QCOMPARE(shownCondition(a), QStringLiteral("AF 8 < 10"));
        a.conditionCode = QStringLiteral("event");
        a.conditionArgs = {QStringLiteral("fall"), QStringLiteral("wb-01")};
        QCOMPARE(shownCondition(a), QStringLiteral("Sturz von wb-01"));
        QCOMPARE(a.condition, QStringLiteral("RR 8 < 10")); // the English text is data, not rendered
        // A code this program does not know (a newer station's): its English text.
        a.conditionCode = QStringLiteral("bed.rails-down");
        QCOMPARE(shownCondition(a), QStringLiteral("RR 8 < 10"));
        QCoreApplication::removeTranslator(&german);
        // The English texts are those of before the codes (logs, exports and older stations show them).
        QCOMPARE(renderCondition(QStringLiteral("climate.out-of-range"), {QStringLiteral("T 25.1 > 24")}, false),
                 QStringLiteral("T 25.1 > 24"));
        QCOMPARE(renderCondition(QStringLiteral("door.open"), {QStringLiteral("75"), QStringLiteral("60")}, false),
                 QStringLiteral("Door open 75 s > 60 s"));
        // A code this program cannot render still gives a text.
        AlarmRaise unknown;
        unknown.setCondition(QStringLiteral("bed.rails-down"), {QStringLiteral("R101-A")});
        QCOMPARE(unknown.condition, QStringLiteral("bed.rails-down R101-A"));
        // An argument holding a placeholder is not filled again.
        QCOMPARE(renderCondition(QStringLiteral("location.exit"), {QStringLiteral("Exit %2")}, false),
                 QStringLiteral("Patient near exit: Exit %2"));
    }

    void theCoreRaisesCodesTheLogKeepsThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        test::CoreFixture f(path);
        f.clock.set(T0);
        f.core.start();
        const Patient& p = f.site.patients.front();
        const DeviceEventMsg fall{p.wristband, T0, T0, 1, 7, DeviceEventKind::Fall, false};
        f.core.apply(QVector<Decoded>{fall});
        const auto raised = f.last(QStringLiteral("event.fall"));
        QVERIFY(raised);
        QCOMPARE(raised->conditionCode, QStringLiteral("event"));
        QCOMPARE(raised->conditionArgs, (QStringList{QStringLiteral("fall"), p.wristband}));
        QCOMPARE(raised->condition, QStringLiteral("fall from ") + p.wristband);
        // The log: code and arguments in their columns and in the state the history reads.
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 4);
        const auto entries = AlarmLog::query(path, LogFilter{}); // newest first
        const auto logged = std::find_if(entries.begin(), entries.end(), [](const LogEntry& e) { return e.state.rule == u"event.fall"; });
        QVERIFY(logged != entries.end());
        QCOMPARE(logged->state.conditionCode, QStringLiteral("event"));
        QCOMPARE(logged->state.conditionArgs, raised->conditionArgs);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT condition_code, condition_args, condition FROM alarm_log "
                                          "WHERE rule = 'event.fall' ORDER BY seq DESC LIMIT 1")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("event"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("[\"fall\",\"%1\"]").arg(p.wristband));
            QCOMPARE(q.value(2).toString(), raised->condition);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("read"));
        // The history's search finds the condition as the reader sees it, and in English.
        auto search = [&](const QString& text) {
            LogFilter filter;
            filter.text = text;
            const auto found = AlarmLog::query(path, filter);
            return std::count_if(found.begin(), found.end(), [](const LogEntry& e) { return e.state.rule == u"event.fall"; });
        };
        QVERIFY(search(QStringLiteral("fall from")) > 0);
        QCOMPARE(search(QStringLiteral("Sturz")), 0);
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(WW_QM_DIR "/wardwatch_de.qm")));
        QCoreApplication::installTranslator(&german);
        QVERIFY(search(QStringLiteral("Sturz von")) > 0);
        QVERIFY(search(QStringLiteral("fall from")) > 0);
        QCOMPARE(search(QStringLiteral("Notruf")), 0);
        QCoreApplication::removeTranslator(&german);
    }

    void aVersion1LogGainsTheColumns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        // A log as version 1 wrote it: the table without the condition's columns.
        const sqlite::Migration v1[] = {{1,
                                         {"CREATE TABLE alarm_log(seq INTEGER PRIMARY KEY AUTOINCREMENT, utc_ms INTEGER NOT NULL,"
                                          " kind TEXT NOT NULL, alarm_id TEXT, rule TEXT, priority TEXT, phase TEXT, subject TEXT,"
                                          " place TEXT, condition TEXT, value REAL, limit_value REAL, onset_ms INTEGER, late INTEGER,"
                                          " step INTEGER, operator TEXT, operator_name TEXT, station TEXT, detail TEXT, state TEXT)",
                                          "INSERT INTO alarm_log(utc_ms, kind, alarm_id, condition, state) VALUES"
                                          " (1, 'raised', 'a:b:1', 'panic from wb-01', '{\"id\":\"a:b:1\",\"condition\":\"panic from wb-01\"}')"}}};
        QString error;
        const QString c = sqlite::connectionName("test", "v1");
        QVERIFY2(sqlite::openForAppend(path, c, sqlite::Schema{"alarm_log", v1}, error), qPrintable(error));
        sqlite::close(c);
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 1);
        {
            AlarmLog log(path);
            LogEntry e;
            e.utcMs = 2;
            e.kind = QStringLiteral("raised");
            e.state.id = QStringLiteral("c:d:1");
            e.state.conditionCode = QStringLiteral("station.alone");
            e.state.condition = renderCondition(e.state.conditionCode, {}, false);
            QVERIFY2(log.append(e), qPrintable(log.lastError()));
        }
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 4);
        const auto entries = AlarmLog::query(path, LogFilter{});
        QCOMPARE(entries.size(), size_t(2));
        // Newest first: the new row with its code, then the old one as it was.
        QCOMPARE(entries.front().state.conditionCode, QStringLiteral("station.alone"));
        QCOMPARE(entries.back().state.condition, QStringLiteral("panic from wb-01"));
        QVERIFY(entries.back().state.conditionCode.isEmpty());
        QCOMPARE(shownCondition(entries.back().state), QStringLiteral("panic from wb-01"));
    }
};

QTEST_GUILESS_MAIN(TestConditionText)
#include "tst_condition_text.moc"
