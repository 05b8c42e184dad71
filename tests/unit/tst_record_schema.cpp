// The records' schema versions and migrations (records/sqlitedb.h): a file from before versions
// were recorded is migrated with its rows; the alarm log's chain and seal find changed, removed,
// cut and rewritten rows; the fridges' readings move out of the alarm log's
// file into their own, once; a file of a newer program is refused and left as it was; migrations
// run in order, each atomic with its version.
#include "records/alarmlog.h"
#include "records/censusrecord.h"
#include "records/envrecord.h"
#include "records/sqlitedb.h"
#include "transport/signing.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QProcess>
#include <QTest>
#include <cmath>

using namespace ww;

namespace {

constexpr qint64 T0 = 1'795'737'600'000; // 2026-11-27T00:00:00Z

// Runs statements on the file with a connection of its own; the last query's first column.
QVariant sql(const QString& path, const QStringList& statements)
{
    QVariant last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot open");
        QSqlQuery q(db);
        for (const QString& s : statements) {
            if (!q.exec(s))
                last = QStringLiteral("error: ") + q.lastError().text();
            else
                last = q.next() ? q.value(0) : QVariant();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return last;
}

// Makes a file look as it did before versions were recorded (the schema was version 1's).
void makeLegacy(const QString& path)
{
    QCOMPARE(sql(path, {QStringLiteral("DROP TABLE record_schema"),
                        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'record_schema'")})
                 .toInt(),
             0);
}

LogEntry entry(qint64 t, const QString& id)
{
    LogEntry e;
    e.utcMs = t;
    e.kind = QStringLiteral("raised");
    e.state.id = id;
    e.state.rule = QStringLiteral("event.panic");
    e.station = QStringLiteral("st-1");
    return e;
}

} // namespace

class TestRecordSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newFilesCarryTheirVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), -1); // no file yet
        {
            AlarmLog log(path);
            QVERIFY2(log.append(entry(T0, QStringLiteral("a1"))), qPrintable(log.lastError()));
            CensusRecord census(path);
            QVERIFY2(census.append({}), qPrintable(census.lastError()));
        }
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 4);
        QCOMPARE(sqlite::versionOf(path, "census_record"), 1);
        // Readable and writable by the station's account only.
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(QFileInfo(path).permissions() & QFile::ReadOwner);
        QCOMPARE(sqlite::versionOf(path, "env_record"), 0); // not in this file
    }

    void legacyLogMigratesWithItsRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        // A log as written before versions were recorded: its table and triggers, one row, no versions.
        QVERIFY(sql(path, {QStringLiteral("CREATE TABLE alarm_log(seq INTEGER PRIMARY KEY AUTOINCREMENT, utc_ms INTEGER NOT NULL,"
                                          " kind TEXT NOT NULL, alarm_id TEXT, rule TEXT, priority TEXT, phase TEXT, subject TEXT,"
                                          " place TEXT, condition TEXT, value REAL, limit_value REAL, onset_ms INTEGER, late INTEGER,"
                                          " step INTEGER, operator TEXT, operator_name TEXT, station TEXT, detail TEXT, state TEXT)"),
                           QStringLiteral("CREATE TRIGGER alarm_log_no_delete BEFORE DELETE ON alarm_log"
                                          " BEGIN SELECT RAISE(ABORT, 'the alarm log is append-only'); END"),
                           QStringLiteral("INSERT INTO alarm_log(utc_ms, kind, alarm_id, state) VALUES (1, 'raised', 'a1', '{\"id\":\"a1\"}')")})
                    .isNull());
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 0);
        {
            AlarmLog log(path);
            QVERIFY2(log.append(entry(T0 + 1000, QStringLiteral("a2"))), qPrintable(log.lastError()));
        }
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 4); // version 1 (nothing to do), then 2 (columns added), 3 (chained), 4 (the seal table)
        const auto entries = AlarmLog::query(path, LogFilter{});
        QCOMPARE(entries.size(), size_t(2));
        QCOMPARE(entries.back().state.id, QStringLiteral("a1"));
        // Still append-only after the migration (its chaining was the only update), and chained.
        QVERIFY(sql(path, {QStringLiteral("DELETE FROM alarm_log")}).toString().startsWith(QStringLiteral("error")));
        QVERIFY(sql(path, {QStringLiteral("UPDATE alarm_log SET detail = 'x'")}).toString().startsWith(QStringLiteral("error")));
        const AlarmLog::ChainCheck check = AlarmLog::verifyChain(path);
        QVERIFY2(!check.brokenAtSeq && check.error.isEmpty(), qPrintable(check.error));
        QCOMPARE(check.rows, qint64(2));
    }

    // Every row is hash-chained to the one before: a row changed or removed behind the station's
    // back (its triggers dropped first) is found by AlarmLog::verifyChain, at the next opening
    // (fileProblem, hence tech.log) and by wardctl verify-log.
    void logRowsAreHashChained()
    {
        QTemporaryDir dir;
        auto fill = [&](const QString& path) {
            AlarmLog log(path);
            log.setSealer(LogSealer{QStringLiteral("st-1"),
                                    [](const QByteArray& m) { return QCryptographicHash::hash(m, QCryptographicHash::Sha256); }, {}});
            for (int i = 0; i < 5; ++i) {
                LogEntry e = entry(T0 + i * 1000, QStringLiteral("c%1").arg(i));
                e.state.value = i == 2 ? std::nan("") : 90.5 + i; // NaN is stored as NULL
                e.detail = i == 1 ? QString() : QStringLiteral("detail %1").arg(i);
                QVERIFY2(log.append(e), qPrintable(log.lastError()));
            }
            QVERIFY(log.fileProblem().isEmpty());
        };
        const QString intact = dir.filePath(QStringLiteral("intact.sqlite"));
        fill(intact);
        AlarmLog::ChainCheck check = AlarmLog::verifyChain(intact);
        QVERIFY2(!check.brokenAtSeq && check.error.isEmpty(), qPrintable(check.error));
        QCOMPARE(check.rows, qint64(5));
        {
            AlarmLog reopened(intact); // a later start goes on with the chain
            reopened.setSealer(LogSealer{QStringLiteral("st-1"),
                                         [](const QByteArray& m) { return QCryptographicHash::hash(m, QCryptographicHash::Sha256); }, {}});
            QVERIFY(reopened.append(entry(T0 + 9000, QStringLiteral("c9"))));
            QVERIFY(reopened.fileProblem().isEmpty());
        }
        QCOMPARE(AlarmLog::verifyChain(intact).rows, qint64(6));
        QVERIFY(!AlarmLog::verifyChain(intact).brokenAtSeq);

        const QString changed = dir.filePath(QStringLiteral("changed.sqlite"));
        fill(changed);
        QVERIFY(sql(changed, {QStringLiteral("DROP TRIGGER alarm_log_no_update"),
                              QStringLiteral("UPDATE alarm_log SET detail = 'nothing happened' WHERE seq = 3")})
                    .isNull());
        QCOMPARE(AlarmLog::verifyChain(changed).brokenAtSeq, std::optional<qint64>(3));

        const QString removed = dir.filePath(QStringLiteral("removed.sqlite"));
        fill(removed);
        QVERIFY(sql(removed, {QStringLiteral("DROP TRIGGER alarm_log_no_delete"), QStringLiteral("DELETE FROM alarm_log WHERE seq = 2")})
                    .isNull());
        QCOMPARE(AlarmLog::verifyChain(removed).brokenAtSeq, std::optional<qint64>(3));
        {
            AlarmLog log(removed);
            QVERIFY(log.append(entry(T0 + 9000, QStringLiteral("c9"))));
            QVERIFY2(log.fileProblem().contains(QStringLiteral("row 3 does not follow")), qPrintable(log.fileProblem()));
        }

        // wardctl verify-log: 0 and the row count when intact, 1 naming the row when not.
        QProcess ctl;
        ctl.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), {QStringLiteral("verify-log"), intact});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 0);
        QVERIFY2(ctl.readAllStandardOutput().contains("6 rows, hash chain intact, sealed by st-1"), "intact log");
        ctl.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), {QStringLiteral("verify-log"), changed});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 1);
        QVERIFY(ctl.readAllStandardError().contains("row 3 does not follow"));
    }

    void logIsSealedSoCutsAndRewritesShow()
    {
        QTemporaryDir dir;
        const SigningKey key = *SigningKey::fromSeed(QByteArray(32, 's'));
        const SigningKey other = *SigningKey::fromSeed(QByteArray(32, 'o'));
        auto sealer = [](const SigningKey& k) {
            return LogSealer{QStringLiteral("st-1"), [k](const QByteArray& m) { return signDetached(k, m); },
                             [k](const QByteArray& m, const QByteArray& sig) { return verifyDetached(k.publicKey(), m, sig); }};
        };
        auto verifyWith = [](const SigningKey& k) {
            return [k](const QByteArray& m, const QByteArray& sig) { return verifyDetached(k.publicKey(), m, sig); };
        };
        auto fill = [&](const QString& path, int from, int to, bool sealed = true) {
            AlarmLog log(path);
            if (sealed)
                log.setSealer(sealer(key));
            for (int i = from; i < to; ++i)
                QVERIFY2(log.append(entry(T0 + i * 1000, QStringLiteral("c%1").arg(i))), qPrintable(log.lastError()));
            QVERIFY2(log.fileProblem().isEmpty(), qPrintable(log.fileProblem()));
        };
        auto problemOf = [&](const QString& path, const SigningKey& k) {
            return AlarmLog::sealProblem(AlarmLog::verifyChain(path), verifyWith(k));
        };
        auto openedProblem = [&](const QString& path) {
            AlarmLog log(path);
            log.setSealer(sealer(key));
            log.append(entry(T0 + 99'000, QStringLiteral("next start")));
            return log.fileProblem();
        };

        // Intact: the seal covers the last row and verifies with the station's key, not another.
        const QString intact = dir.filePath(QStringLiteral("intact.sqlite"));
        fill(intact, 0, 10);
        const AlarmLog::ChainCheck check = AlarmLog::verifyChain(intact);
        QVERIFY(check.seal && check.sealable);
        QCOMPARE(check.seal->seq, qint64(10));
        QCOMPARE(check.seal->signer, QStringLiteral("st-1"));
        QVERIFY2(problemOf(intact, key).isEmpty(), qPrintable(problemOf(intact, key)));
        QVERIFY(problemOf(intact, other).contains(QStringLiteral("does not verify with st-1's key")));
        QVERIFY(openedProblem(intact).isEmpty()); // a later start goes on sealing
        QCOMPARE(AlarmLog::verifyChain(intact).seal->seq, qint64(11));

        // The last three rows cut off: the chain of what is left holds, the seal does not.
        const QString cut = dir.filePath(QStringLiteral("cut.sqlite"));
        fill(cut, 0, 10);
        QVERIFY(sql(cut, {QStringLiteral("DROP TRIGGER alarm_log_no_delete"), QStringLiteral("DELETE FROM alarm_log WHERE seq > 7")}).isNull());
        QVERIFY(!AlarmLog::verifyChain(cut).brokenAtSeq);
        QVERIFY2(problemOf(cut, key).contains(QStringLiteral("rows after 7 were removed (the seal of st-1 covers row 10)")),
                 qPrintable(problemOf(cut, key)));
        const QString cutAtStart = openedProblem(cut);
        QVERIFY2(cutAtStart.contains(QStringLiteral("rows after 7 were removed")), qPrintable(cutAtStart));
        // The station found it and left the seal as it was: the log is still not vouched for.
        QVERIFY2(problemOf(cut, key).contains(QStringLiteral("without the seal (st-1 sealed row 10)")), qPrintable(problemOf(cut, key)));

        // Rewritten with a chain recomputed from the start (row 5 says something else), the old seal kept.
        const QString original = dir.filePath(QStringLiteral("original.sqlite"));
        fill(original, 0, 10);
        const QString rewritten = dir.filePath(QStringLiteral("rewritten.sqlite"));
        {
            AlarmLog log(rewritten);
            for (int i = 0; i < 10; ++i) {
                LogEntry e = entry(T0 + i * 1000, QStringLiteral("c%1").arg(i));
                if (i == 4)
                    e.detail = QStringLiteral("nothing happened");
                QVERIFY(log.append(e));
            }
        }
        QVERIFY(sql(rewritten, {QStringLiteral("ATTACH DATABASE '%1' AS o").arg(original), QStringLiteral("DELETE FROM alarm_seal"),
                                QStringLiteral("INSERT INTO alarm_seal SELECT * FROM o.alarm_seal")})
                    .isNull());
        QVERIFY(!AlarmLog::verifyChain(rewritten).brokenAtSeq);
        QVERIFY2(problemOf(rewritten, key).contains(QStringLiteral("rows were rewritten")), qPrintable(problemOf(rewritten, key)));
        // Sealed again, in the station's name, with a key that is not the station's: the signature gives it away.
        {
            const AlarmLog::ChainCheck c = AlarmLog::verifyChain(rewritten);
            const QByteArray signature = signDetached(other, sealMessage(c.lastSeq, c.lastChain));
            QVERIFY(sql(rewritten, {QStringLiteral("INSERT OR REPLACE INTO alarm_seal VALUES (1, %1, '%2', 'st-1', '%3')")
                                        .arg(c.lastSeq)
                                        .arg(QString::fromLatin1(c.lastChain), QString::fromLatin1(signature.toHex()))})
                        .isNull());
        }
        QVERIFY(AlarmLog::sealProblem(AlarmLog::verifyChain(rewritten), {}).isEmpty()); // what it covers is right
        QVERIFY2(problemOf(rewritten, key).contains(QStringLiteral("does not verify")), qPrintable(problemOf(rewritten, key)));
        QVERIFY(openedProblem(rewritten).contains(QStringLiteral("does not verify")));

        // The seal itself removed.
        const QString unsealed = dir.filePath(QStringLiteral("unsealed.sqlite"));
        fill(unsealed, 0, 4);
        QVERIFY(sql(unsealed, {QStringLiteral("DELETE FROM alarm_seal")}).isNull());
        QVERIFY(problemOf(unsealed, key).contains(QStringLiteral("carries no seal")));

        // A log from before seals (version 3): migrated and sealed at the next start, no problem.
        const QString old = dir.filePath(QStringLiteral("v3.sqlite"));
        fill(old, 0, 4, false);
        QVERIFY(sql(old, {QStringLiteral("DROP TABLE alarm_seal"),
                          QStringLiteral("UPDATE record_schema SET version = 3 WHERE component = 'alarm_log'")})
                    .isNull());
        QVERIFY(problemOf(old, key).isEmpty()); // nothing to check yet
        QVERIFY(openedProblem(old).isEmpty());
        QCOMPARE(sqlite::versionOf(old, "alarm_log"), 4);
        QCOMPARE(AlarmLog::verifyChain(old).seal->seq, qint64(5));
        QVERIFY(problemOf(old, key).isEmpty());

        // wardctl verify-log: the signature checked with --key; the cut log refused.
        QProcess ctl;
        ctl.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), {QStringLiteral("verify-log"), intact, QStringLiteral("--key"), key.publicKeyBase64()});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 0);
        QVERIFY2(ctl.readAllStandardOutput().contains("11 rows, hash chain intact, sealed by st-1 at its last row, signature verified"),
                 "intact, sealed");
        ctl.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), {QStringLiteral("verify-log"), intact, QStringLiteral("--key"), other.publicKeyBase64()});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 1);
        ctl.start(QStringLiteral(WW_BINARY_DIR "/tools/wardctl"), {QStringLiteral("verify-log"), cut});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 1);
        QVERIFY(ctl.readAllStandardError().contains("added without the seal (st-1 sealed row 10)"));
    }

    void readingsMoveOutOfTheLogOnce()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("station.sqlite"));
        {
            // Before the readings had a file of their own, they were in the log's file.
            EnvRecord old(log);
            for (int i = 0; i < 5; ++i)
                old.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0 + i * 60'000, 4.0 + i, std::nullopt);
            QVERIFY(old.commit());
        }
        makeLegacy(log);
        const QString readings = readingsPathFor(log);
        QCOMPARE(readings, dir.filePath(QStringLiteral("station-readings.sqlite")));
        for (int run = 0; run < 2; ++run) { // a second start imports nothing again
            EnvRecord r(readings, log);
            r.add(QStringLiteral("FR-11"), QStringLiteral("fr-11"), T0 + (10 + run) * 60'000, 6.0, std::nullopt);
            QVERIFY2(r.commit(), qPrintable(r.lastError()));
        }
        QCOMPARE(sqlite::versionOf(readings, "env_record"), 1);
        const auto s = EnvRecord::query(readings, QStringLiteral("FR-11"), T0, T0 + 3'600'000);
        QVERIFY(s);
        QCOMPARE(s->temperatures.size(), size_t(7));
        QCOMPARE(s->temperatures[0].temperatureC, 4.0);
        QCOMPARE(s->temperatures[4].temperatureC, 8.0);
    }

    void newerFileIsRefusedAndLeftAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        {
            AlarmLog log(path);
            QVERIFY(log.append(entry(T0, QStringLiteral("a1"))));
        }
        QVERIFY(sql(path, {QStringLiteral("UPDATE record_schema SET version = 99 WHERE component = 'alarm_log'")}).isNull());
        {
            AlarmLog log(path);
            QVERIFY(!log.append(entry(T0 + 1000, QStringLiteral("a2"))));
            QVERIFY2(log.lastError().contains(path) && log.lastError().contains(QStringLiteral("99")) &&
                         log.lastError().contains(QStringLiteral("alarm_log")),
                     qPrintable(log.lastError()));
        }
        QCOMPARE(sql(path, {QStringLiteral("SELECT count(*) FROM alarm_log")}).toInt(), 1);
        QCOMPARE(sqlite::versionOf(path, "alarm_log"), 99);
    }

    void migrationsRunInOrderEachAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.sqlite"));
        const sqlite::Migration steps[] = {
            {1, {"CREATE TABLE t(a INTEGER)"}},
            {2, {"ALTER TABLE t ADD COLUMN b TEXT", "UPDATE t SET b = 'migrated'"}},
            {3, {"CREATE TABLE u(x INTEGER)", "THIS IS NOT SQL"}},
        };
        auto open = [&](int steps_, int* from, QString& error) {
            const QString c = sqlite::connectionName("test", "schema");
            const bool ok = sqlite::openForAppend(path, c, sqlite::Schema{"test", std::span(steps, size_t(steps_))}, error, from);
            if (ok)
                sqlite::close(c);
            return ok;
        };
        int from = -1;
        QString error;
        QVERIFY2(open(1, &from, error), qPrintable(error));
        QCOMPARE(from, 0);
        QVERIFY(sql(path, {QStringLiteral("INSERT INTO t(a) VALUES (7)")}).isNull());
        QVERIFY2(open(2, &from, error), qPrintable(error));
        QCOMPARE(from, 1);
        QCOMPARE(sqlite::versionOf(path, "test"), 2);
        QCOMPARE(sql(path, {QStringLiteral("SELECT b FROM t WHERE a = 7")}).toString(), QStringLiteral("migrated"));
        // Step 3 fails half-way: nothing of it stays, the version stays 2, the error names the step.
        QVERIFY(!open(3, &from, error));
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("test schema 3")), qPrintable(error));
        QCOMPARE(sqlite::versionOf(path, "test"), 2);
        QCOMPARE(sql(path, {QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'u'")}).toInt(), 0);
        QCOMPARE(sql(path, {QStringLiteral("SELECT count(*) FROM t")}).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordSchema)
#include "tst_record_schema.moc"
