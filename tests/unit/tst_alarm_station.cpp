// What a station does for itself, in simulated time: operators' PINs and lockout, audio signalling
// (priority, repeat, acknowledgement, pause), and its own timing across a step of the wall clock.
// Fakes only for what leaves the process (the publisher, the sound device).
#include "alarm_support.h"
#include "alarms/alarmaudio.h"
#include "alarms/operators.h"
#include "fakes.h"
#include "records/operatorrecord.h"
#include "records/sqlitedb.h"

#include <QFile>
#include <QScopeGuard>
#include <QProcess>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace ww;
using test::CoreFixture;
using test::Published;
using test::RecordingSound;
using test::panic;

class TestAlarmStation : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    AlarmSettings m_settings = defaultAlarmSettings();

private Q_SLOTS:
    void operatorsPinAndLockout()
    {
        auto loaded = SiteLoader::loadDefault();
        Site site = *loaded.site;
        // Argon2id, at the policy's cost (its parameters in the hash).
        const QString argon = pin::hash(QStringLiteral("482913"));
        QVERIFY2(argon.startsWith(QStringLiteral("$argon2id$v=19$m=262144,t=3,p=1$")), qPrintable(argon));
        QVERIFY(pin::verify(QStringLiteral("482913"), argon));
        QVERIFY(!pin::verify(QStringLiteral("482914"), argon));
        QVERIFY(!pin::needsRehash(argon));
        QVERIFY(pin::needsRehash(pin::hash(QStringLiteral("482913"), 1, 8 * 1024 * 1024))); // cheaper than the policy
        QVERIFY(!pin::verify(QStringLiteral("482913"), argon.left(argon.size() - 2) + QStringLiteral("AA"))); // damaged
        // The older PBKDF2 format of existing site files is still verified.
        site.staff[0].pinHash = pin::hashPbkdf2(QStringLiteral("482913"), QByteArrayLiteral("salt-of-test"), 1000);
        site.staff[1].pinHash.clear();
        QVERIFY(pin::verify(QStringLiteral("482913"), site.staff[0].pinHash));
        QVERIFY(!pin::verify(QStringLiteral("482914"), site.staff[0].pinHash));
        QVERIFY(pin::needsRehash(site.staff[0].pinHash));
        // PBKDF2-HMAC-SHA256 test vector (RFC 7914 section 11).
        QCOMPARE(pin::pbkdf2Sha256("passwd", "salt", 1, 64).toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
        ManualClock clock;
        OperatorRegistry ops(site, clock);
        const QString id = site.staff[0].id;
        QVERIFY(ops.signIn(id, QStringLiteral("482913")).ok);
        QVERIFY(!ops.signIn(site.staff[1].id, QStringLiteral("123456")).ok);
        QVERIFY(!ops.signIn(QStringLiteral("nobody"), QStringLiteral("123456")).ok);
        const SignInResult shortPin = ops.signIn(id, QStringLiteral("4829"));
        QVERIFY(!shortPin.ok);
        QVERIFY(shortPin.message.contains(QStringLiteral("6 digits")));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!ops.signIn(id, QStringLiteral("000000")).ok);
        const SignInResult locked = ops.signIn(id, QStringLiteral("000001"));
        QVERIFY(locked.message.contains(QStringLiteral("locked")));
        QVERIFY(!ops.signIn(id, QStringLiteral("482913")).ok); // even the right PIN, while locked
        clock.advance(qint64(site.alarms.operators.lockoutS) * 1000 + 1);
        QVERIFY(ops.signIn(id, QStringLiteral("482913")).ok);

        // With the station's operators' record: the first sign-in rehashes the site's PBKDF2 PIN
        // with Argon2id into it; a lockout survives a restart (a new registry on the same record).
        const QString recordPath = OperatorRecord::pathFor(m_dir.filePath(QStringLiteral("ops-log.sqlite")));
        QVERIFY(recordPath.endsWith(QStringLiteral("ops-log-operators.sqlite")));
        {
            OperatorRegistry first(site, clock, recordPath);
            QVERIFY(first.signIn(id, QStringLiteral("482913")).ok);
            OperatorRecord record(recordPath);
            QString error;
            const auto rehashed = record.pinHash(id, site.staff[0].pinHash, &error);
            QVERIFY2(rehashed && rehashed->startsWith(QStringLiteral("$argon2id$")), qPrintable(error));
            QVERIFY(pin::verify(QStringLiteral("482913"), *rehashed));
            QVERIFY(!record.pinHash(id, QStringLiteral("another site hash"), &error)); // the site's PIN changed: not used
            for (int i = 0; i < site.alarms.operators.maxFailures; ++i)
                QVERIFY(!first.signIn(id, QStringLiteral("000000")).ok);
        }
        {
            OperatorRegistry restarted(site, clock, recordPath);
            const SignInResult stillLocked = restarted.signIn(id, QStringLiteral("482913"));
            QVERIFY(!stillLocked.ok);
            QVERIFY2(stillLocked.message.contains(QStringLiteral("locked")), qPrintable(stillLocked.message));
            clock.advance(qint64(site.alarms.operators.lockoutS) * 1000 + 1);
            QVERIFY(restarted.signIn(id, QStringLiteral("482913")).ok); // after the lockout, against the rehashed PIN
        }
        // The record is versioned like every record, and readable by this account only.
        QCOMPARE(sqlite::versionOf(recordPath, "operator_record"), 1);
        QCOMPARE(QFile(recordPath).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    }

    // The wall clock stepped (NTP, an operator, a resumed VM): escalation, "no signal", the audio
    // pause and onset delays are timed by the steady clock, so a step back delays none of them and
    // a step forward silences no device. With the wall clock, a step back of an hour held each of
    // them for an hour.
    void wallClockStepsNeitherDelayNorSilence()
    {
        const qint64 Hour = 3'600'000;
        ManualClock clock;
        Published out;
        AlarmEngine engine(m_settings, clock, QStringLiteral("st-1"), nullptr, &out);
        engine.raise(panic(clock.nowMs()));
        engine.tick();
        QCOMPARE(out.escalations.size(), size_t(1));
        clock.set(clock.nowMs() - Hour);
        clock.advance(60'000); // step 1's time-to-live
        engine.tick();
        QCOMPARE(out.escalations.size(), size_t(2));

        RecordingSound sound;
        AlarmAudio audio(sound, clock, 120);
        audio.pause();
        clock.set(clock.nowMs() - Hour);
        clock.advance(120'000);
        audio.tick();
        QVERIFY(!audio.paused());

        CoreFixture fx(m_dir.filePath(QStringLiteral("clock-step.sqlite")));
        const Patient& pt = fx.site.patients[3];
        auto report = [&] {
            VitalsUpdate v;
            v.deviceId = pt.monitor;
            v.deviceTimeMs = v.receiveTimeMs = fx.clock.nowMs();
            v.samples = {{VitalKind::HeartRate, 70, fx.clock.nowMs()}};
            fx.core.apply(QVector<Decoded>{v});
        };
        const qint64 silentAfter = qint64(fx.site.timingFor(DeviceKind::VitalsMonitor).silentAfterS * 1000);
        report();
        fx.clock.set(fx.clock.nowMs() + Hour); // forward: the monitor reported a moment ago
        fx.core.checkSignals();
        fx.core.evaluateAlarms();
        QVERIFY(!fx.last(QStringLiteral("tech.silent")));
        report();
        fx.clock.set(fx.clock.nowMs() - 2 * Hour); // back: the monitor then stops
        fx.clock.advance(silentAfter + 1000);
        fx.core.checkSignals();
        fx.core.evaluateAlarms();
        const auto silent = fx.last(QStringLiteral("tech.silent"));
        QVERIFY(silent);
        QCOMPARE(silent->source, pt.monitor);

        // A condition's onset delay (broker lost: 2 s) is not lengthened by a step back either.
        fx.core.setLocalCondition(QStringLiteral("tech.broker"), QStringLiteral("broker"), true, QStringLiteral("lost"));
        fx.clock.set(fx.clock.nowMs() - Hour);
        fx.clock.advance(1000);
        fx.core.evaluateAlarms();
        QVERIFY(!fx.last(QStringLiteral("tech.broker")));
        fx.clock.advance(1000);
        fx.core.evaluateAlarms();
        QVERIFY(fx.last(QStringLiteral("tech.broker")));
        // Losing the broker means no device reaches this station: high, above every other
        // technical alarm.
        QCOMPARE(int(fx.last(QStringLiteral("tech.broker"))->priority), int(Priority::High));
    }

    // Shared state from the wire that names nobody on the staff list is refused whole: an
    // acknowledgement "by" an unknown id does not acknowledge, a census change by nobody does not
    // empty a bed; each is counted and raised as tech.refused naming topic, sender and reason.
    void stateByUnknownStaffIsRefused()
    {
        CoreFixture fx(m_dir.filePath(QStringLiteral("refused.sqlite")));
        const Patient& p = fx.site.patients[3];
        const qint64 t = fx.clock.nowMs();
        fx.core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Panic, t, t, 1, 4)});
        const auto panic = fx.last(QStringLiteral("event.panic"));
        QVERIFY(panic && panic->signalling());
        AlarmState forged = *panic;
        forged.ackedBy = QStringLiteral("X99");
        forged.ackedByName = QStringLiteral("Nobody");
        forged.ackedAtMs = t + 1000;
        forged.ackedStation = QStringLiteral("intruder");
        forged.stationId = QStringLiteral("intruder");
        forged.revision = panic->revision + 5;
        AlarmStateMsg msg;
        msg.state = forged;
        fx.core.apply(QVector<Decoded>{msg});
        QVERIFY(fx.core.alarmEngine()->find(panic->id)->signalling());
        QVERIFY(!fx.core.alarmEngine()->find(panic->id)->acknowledged());
        QCOMPARE(fx.core.refusedStates(), quint64(1));
        const auto refused = fx.last(QStringLiteral("tech.refused"));
        QVERIFY(refused);
        QVERIFY2(refused->condition.contains(QStringLiteral("alarm/") + panic->id) && refused->condition.contains(QStringLiteral("intruder")) &&
                     refused->condition.contains(QStringLiteral("X99")),
                 qPrintable(refused->condition));
        // The same acknowledgement by a real member of staff is taken.
        forged.ackedBy = fx.site.staff[1].id;
        msg.state = forged;
        fx.core.apply(QVector<Decoded>{msg});
        QVERIFY(fx.core.alarmEngine()->find(panic->id)->acknowledged());
        QCOMPARE(fx.core.refusedStates(), quint64(1));

        // A census entry emptying an occupied bed, by nobody on the staff list: the bed keeps its patient.
        CensusEntryMsg empty;
        empty.bed = p.bed;
        empty.timeMs = t + 5000;
        empty.stationId = QStringLiteral("intruder");
        empty.operatorId = QStringLiteral("X99");
        empty.action = QStringLiteral("discharge");
        fx.core.apply(QVector<Decoded>{empty});
        const auto& rows = fx.core.rows().patients;
        const bool stillThere = std::any_of(rows.begin(), rows.end(), [&](const PatientRow& r) { return r.id == p.id && r.bed == p.bed; });
        QVERIFY(stillThere);
        QCOMPARE(fx.core.refusedStates(), quint64(2));
        empty.operatorId.clear();
        fx.core.apply(QVector<Decoded>{empty});
        QCOMPARE(fx.core.refusedStates(), quint64(3));
        // Signed by a member of staff, the same discharge is taken.
        empty.operatorId = fx.site.staff[0].id;
        fx.core.apply(QVector<Decoded>{empty});
        const bool gone = std::none_of(rows.begin(), rows.end(), [&](const PatientRow& r) { return r.id == p.id; });
        QVERIFY(gone);
    }

    // Events whose sequence numbers never arrived: nothing within the grace (they may come late),
    // then one tech.events-lost naming the device, how many and which; counted.
    void lostEventsAreRaised()
    {
        CoreFixture fx(m_dir.filePath(QStringLiteral("lost.sqlite")));
        const Patient& p = fx.site.patients[3];
        const qint64 t = fx.clock.nowMs();
        for (quint32 seq : {1u, 2u, 6u})
            fx.core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Fall, t, t, 5, seq)});
        fx.clock.advance(WardCore::EventGapGraceMs - 1000);
        fx.core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Fall, t, t, 5, 4)}); // late
        fx.core.evaluateAlarms();
        QVERIFY(!fx.last(QStringLiteral("tech.events-lost")));
        fx.clock.advance(2000);
        fx.core.evaluateAlarms();
        const auto lost = fx.last(QStringLiteral("tech.events-lost"));
        QVERIFY(lost && lost->signalling());
        QVERIFY2(lost->condition.contains(p.wristband) && lost->condition.contains(QStringLiteral("3-5")) &&
                     lost->condition.startsWith(QStringLiteral("2 events")),
                 qPrintable(lost->condition));
        QCOMPARE(fx.core.eventsLost(), quint64(2));
        const size_t before = fx.changes.size();
        fx.clock.advance(60'000);
        fx.core.evaluateAlarms();
        QCOMPARE(std::count_if(fx.changes.begin() + qsizetype(before), fx.changes.end(),
                               [](const AlarmState& a) { return a.rule == u"tech.events-lost" && a.revision == 1; }),
                 0); // raised once
    }

    // The log's file removed, replaced or truncated under the running station: tech.log at the
    // next second's evaluation, naming the file; before that, nothing.
    void logFileRemovedOrReplacedIsAnAlarm()
    {
        for (const char* how : {"removed", "replaced", "truncated"}) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("st.sqlite"));
            CoreFixture fx(path);
            fx.core.start(); // opens the log (restore)
            fx.core.evaluateAlarms();
            QVERIFY(!fx.last(QStringLiteral("tech.log")));
            QVERIFY(QFile::exists(path));
            if (qstrcmp(how, "removed") == 0) {
                QVERIFY(QFile::remove(path));
            } else if (qstrcmp(how, "replaced") == 0) {
                QVERIFY(QFile::rename(path, path + QStringLiteral(".old")));
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
            } else {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadWrite));
                QVERIFY(f.resize(0));
            }
            fx.core.evaluateAlarms();
            const auto a = fx.last(QStringLiteral("tech.log"));
            QVERIFY2(a, how);
            QCOMPARE(a->conditionCode, QStringLiteral("station.log-file"));
            QVERIFY2(a->condition.contains(path) && a->condition.contains(QLatin1String(how)), qPrintable(a->condition));
            QVERIFY(a->priority == Priority::High);
        }
    }

    // The log's file system fills up under the running station, or is read-only (a small tmpfs,
    // remounted read-only before the station opens its log: the kernel refuses to remount a file
    // system with files open for writing; CI runs as root, so file modes alone would prove
    // nothing): the write fails, tech.log (high) is raised at once, and the alarms go on being shown.
    void logDiskFullOrReadOnlyIsAnAlarm()
    {
        for (const char* how : {"full", "read-only"}) {
            QTemporaryDir dir;
            const QString mountPoint = dir.filePath(QStringLiteral("fs"));
            QVERIFY(QDir().mkpath(mountPoint));
            QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                                 QStringLiteral("size=256k"), QStringLiteral("tmpfs"), mountPoint}),
                     0);
            auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint}); });
            const QString path = mountPoint + QStringLiteral("/st.sqlite");
            const bool readOnly = qstrcmp(how, "read-only") == 0;
            if (readOnly)
                QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro"), mountPoint}), 0);
            CoreFixture fx(path);
            fx.core.start();
            fx.core.evaluateAlarms();
            QVERIFY(!fx.last(QStringLiteral("tech.log")) || readOnly);
            // Falls of every patient, over and over, until a write fails (a full disk takes a few hundred).
            int raised = 0;
            for (int i = 0; i < 3000 && (i == 0 || fx.core.alarmEngine()->logHealthy()); ++i) {
                const Patient& p = fx.site.patients[size_t(i) % fx.site.patients.size()];
                const qint64 t = fx.clock.nowMs();
                fx.core.apply(QVector<Decoded>{test::deviceEvent(p.wristband, DeviceEventKind::Fall, t, t, 1, quint32(100 + i))});
                ++raised;
            }
            QVERIFY2(!fx.core.alarmEngine()->logHealthy(), how);
            QCoreApplication::processEvents(); // the core's queued reaction to the failed write
            fx.core.evaluateAlarms();
            const auto a = fx.last(QStringLiteral("tech.log"));
            QVERIFY2(a && a->signalling(), how);
            QCOMPARE(int(a->priority), int(Priority::High));
            // The alarm whose write failed is shown all the same.
            const auto fall = fx.last(QStringLiteral("event.fall"));
            QVERIFY(fall && fx.core.alarmEngine()->find(fall->id));
            qInfo("%s: the log failed after %d falls: %s", how, raised, qPrintable(a->condition.left(160)));
        }
    }

    void audioPriorityRepeatAckAndPause()
    {
        ManualClock clock;
        RecordingSound sound;
        AlarmAudio audio(sound, clock, 120);
        AlarmState high;
        high.id = QStringLiteral("h");
        high.priority = Priority::High;
        audio.update(high);
        QCOMPARE(sound.bursts.size(), size_t(1));
        QCOMPARE(int(sound.bursts.back()), int(Priority::High));
        clock.advance(AlarmAudio::RepeatHighMs - 1);
        audio.tick();
        QCOMPARE(sound.bursts.size(), size_t(1));
        clock.advance(1);
        audio.tick();
        QCOMPARE(sound.bursts.size(), size_t(2));
        // AUDIO PAUSED: silent for its duration, visible as paused.
        audio.pause();
        QVERIFY(audio.paused());
        QCOMPARE(audio.pauseRemainingMs(), qint64(120'000));
        clock.advance(30'000);
        audio.tick();
        QCOMPARE(sound.bursts.size(), size_t(2));
        QVERIFY(!audio.sounding());
        // A new alarm during the pause sounds normally.
        AlarmState medium;
        medium.id = QStringLiteral("m");
        medium.priority = Priority::Medium;
        audio.update(medium);
        QCOMPARE(int(sound.bursts.back()), int(Priority::Medium));
        // The pause expires: the high alarm sounds again.
        clock.advance(90'000);
        audio.tick();
        QCOMPARE(int(sound.bursts.back()), int(Priority::High));
        // Acknowledging silences what is active now.
        high.ackedAtMs = clock.nowMs();
        high.ackedBy = QStringLiteral("s01");
        audio.update(high);
        QCOMPARE(int(*audio.sounding()), int(Priority::Medium));
        medium.ackedAtMs = clock.nowMs();
        medium.ackedBy = QStringLiteral("s01");
        audio.update(medium);
        QVERIFY(!audio.sounding());
        QVERIFY(sound.stops >= 1);
        // Low: one burst, no repeat.
        AlarmState low;
        low.id = QStringLiteral("l");
        low.priority = Priority::Low;
        const size_t n = sound.bursts.size();
        audio.update(low);
        clock.advance(60'000);
        audio.tick();
        QCOMPARE(sound.bursts.size(), n + 1);
    }
};

QTEST_GUILESS_MAIN(TestAlarmStation)
#include "tst_alarm_station.moc"
