// wardctl record and wardctl replay on a real broker: what was recorded is replayed byte for byte, in
// order, with its spacing, and retained where the wire contract retains it; damaged recordings stop
// replay with the file, the frame and the reason.
#include "brokerfixture.h"
#include "transport/mqttclient.h"
#include "transport/recording.h"

#include <QElapsedTimer>
#include <QtEndian>
#include <QTemporaryDir>

#include <algorithm>
#include <mutex>

using namespace ww;

namespace {

const QString Wardctl = QStringLiteral(WW_BINARY_DIR "/tools/wardctl");

// A subscriber that keeps every (topic, payload) it receives, in order.
struct Listener
{
    explicit Listener(int port, const QString& id) : client([&] {
        MqttSettings s;
        s.port = port;
        s.clientId = id;
        s.persistentSession = false;
        return s;
    }())
    {
        client.addSubscription(QStringLiteral("ww/v1/#"), 1);
        client.setMessageHandler([this](const char* topic, std::span<const std::byte> payload, qint64) {
            std::lock_guard lock(mutex);
            got.emplace_back(QByteArray(topic), QByteArray(reinterpret_cast<const char*>(payload.data()), qsizetype(payload.size())));
        });
        client.start();
    }
    std::vector<std::pair<QByteArray, QByteArray>> received()
    {
        std::lock_guard lock(mutex);
        return got;
    }
    bool heard(const QString& topic)
    {
        std::lock_guard lock(mutex);
        return std::any_of(got.begin(), got.end(), [&](const auto& m) { return m.first == topic.toUtf8(); });
    }
    void forget()
    {
        std::lock_guard lock(mutex);
        got.clear();
    }
    MqttClient client;
    std::mutex mutex;
    std::vector<std::pair<QByteArray, QByteArray>> got;
};

// Whole frames in a recording being written (a frame cut short, still being written, is not counted).
int framesIn(const QString& file)
{
    RecordingReader reader;
    QString error;
    if (!reader.open(file, error))
        return 0;
    int n = 0;
    while (reader.next(error))
        ++n;
    return n;
}

QByteArray binary(int seed, int size)
{
    QByteArray b(size, '\0');
    for (int i = 0; i < size; ++i)
        b[i] = char((seed * 131 + i * 7) & 0xff); // zeros, newlines and every other byte
    return b;
}

} // namespace

class TestRecordReplay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayIsWhatWasRecorded()
    {
        QTemporaryDir dir;
        test::PrivateBroker broker(dir.filePath(QStringLiteral("broker")));
        const int port = broker.start();
        QVERIFY(port > 0);
        MqttSettings ps;
        ps.port = port;
        ps.clientId = QStringLiteral("rr-publisher");
        MqttClient publisher(ps);
        publisher.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(publisher.state()), int(MqttState::Connected), 10000);
        const Topics t(QStringLiteral("rr"));
        // Retained before the recorder starts: recorded as the broker hands it over.
        const QByteArray status = binary(1, 40);
        publisher.publish(t.status(QStringLiteral("gw-1")), status, 1, true);
        QTRY_COMPARE_WITH_TIMEOUT(publisher.unacknowledged(), 0, 5000); // the broker keeps it

        const QString file = dir.filePath(QStringLiteral("night.wwrec"));
        QProcess recorder;
        recorder.start(Wardctl, {QStringLiteral("record"), QStringLiteral("--port"), QString::number(port), QStringLiteral("--out"),
                                 file, QStringLiteral("--count"), QStringLiteral("6")});
        QVERIFY(recorder.waitForStarted());
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT((said += recorder.readAllStandardOutput()).contains("recording"),
                                  qPrintable(said + recorder.readAllStandardError()), 10000);
        // Its subscription is in place once it has recorded the retained status, which the broker
        // sends with the subscription's acknowledgement.
        QTRY_COMPARE_WITH_TIMEOUT(framesIn(file), 1, 10000);
        const std::vector<std::pair<QString, QByteArray>> live{
            {t.adverts(QStringLiteral("gw-1")), binary(2, 300)},
            {t.event(QStringLiteral("wb-1")), binary(3, 60)},
            {t.adverts(QStringLiteral("gw-2")), binary(4, 1)},
            {t.alarm(QStringLiteral("event.panic:wb-1:1-1")), binary(5, 90)},
            {t.env(QStringLiteral("fr-1")), QByteArray()},
        };
        QElapsedTimer span;
        span.start();
        for (const auto& [topic, payload] : live) {
            publisher.publish(topic, payload, 1, false);
            QTest::qWait(250); // the spacing under test: recorded, then kept by replay (recordedSpan)
        }
        QTRY_VERIFY_WITH_TIMEOUT(recorder.state() == QProcess::NotRunning, 10000); // six frames: done
        QCOMPARE(recorder.exitCode(), 0);

        // The file: six frames, the retained status first.
        RecordingReader reader;
        QString error;
        QVERIFY2(reader.open(file, error), qPrintable(error));
        std::vector<RecordedFrame> frames;
        while (auto f = reader.next(error))
            frames.push_back(*f);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(int(frames.size()), 6);
        QCOMPARE(frames[0].topic, t.status(QStringLiteral("gw-1")).toUtf8());
        QCOMPARE(frames[0].payload, status);
        for (size_t i = 0; i < live.size(); ++i) {
            QCOMPARE(frames[i + 1].topic, live[i].first.toUtf8());
            QCOMPARE(frames[i + 1].payload, live[i].second);
        }
        const qint64 recordedSpan = frames.back().rxMs - frames[1].rxMs;
        QVERIFY(recordedSpan >= 900);

        // Replayed into the same broker (its retained messages cleared first).
        publisher.publish(t.status(QStringLiteral("gw-1")), {}, 1, true);
        QTRY_COMPARE_WITH_TIMEOUT(publisher.unacknowledged(), 0, 5000);
        Listener listener(port, QStringLiteral("rr-listener"));
        QTRY_VERIFY_WITH_TIMEOUT(listener.client.allSubscribed(), 10000);
        // Nothing retained: a message published now comes after anything the subscription brought.
        const QString marker = t.prefix() + QStringLiteral("test/marker");
        publisher.publish(marker, "marker", 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(listener.heard(marker), 5000);
        QCOMPARE(int(listener.received().size()), 1);
        listener.forget();
        QProcess replay;
        QElapsedTimer replayClock;
        replayClock.start();
        replay.start(Wardctl, {QStringLiteral("replay"), QStringLiteral("--in"), file, QStringLiteral("--port"), QString::number(port)});
        QVERIFY(replay.waitForFinished(20000));
        QCOMPARE(replay.exitCode(), 0);
        QVERIFY(replayClock.elapsed() >= recordedSpan); // at speed 1 the spacing is kept (a lower bound only)
        QTRY_COMPARE_WITH_TIMEOUT(int(listener.received().size()), 6, 5000);
        const auto got = listener.received();
        for (size_t i = 0; i < frames.size(); ++i) {
            QCOMPARE(got[i].first, frames[i].topic);
            QCOMPARE(got[i].second, frames[i].payload);
        }
        // Retained as the contract says: a late subscriber gets the status and the alarm, not the rest.
        Listener late(port, QStringLiteral("rr-late"));
        QTRY_VERIFY_WITH_TIMEOUT(late.client.allSubscribed(), 10000);
        publisher.publish(marker, "marker", 1, false); // after the retained messages
        QTRY_VERIFY_WITH_TIMEOUT(late.heard(marker), 5000);
        auto lateGot = late.received();
        QCOMPARE(int(lateGot.size()), 3);
        QCOMPARE(lateGot.back().first, marker.toUtf8());
        lateGot.pop_back();
        QStringList retained;
        for (const auto& [topic, payload] : lateGot)
            retained << QString::fromUtf8(topic);
        retained.sort();
        QCOMPARE(retained, (QStringList{t.alarm(QStringLiteral("event.panic:wb-1:1-1")), t.status(QStringLiteral("gw-1"))}));
        late.client.stop();
        listener.client.stop();
        publisher.stop();
    }

    // Not a recording, a recording cut short, impossible lengths: exit 2, the file, the frame, the reason.
    void damagedRecordings_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QByteArray good("WWREC 1\n");
        auto frame = [](qint64 t, const QByteArray& topic, const QByteArray& payload) {
            QByteArray h(14, '\0');
            qToLittleEndian(t, h.data());
            qToLittleEndian(quint16(topic.size()), h.data() + 8);
            qToLittleEndian(quint32(payload.size()), h.data() + 10);
            return h + topic + payload;
        };
        const QByteArray one = frame(1000, "ww/v1/rr/gw/gw-1/adv", "abc");
        QTest::newRow("not a recording") << QByteArray("time_s,tag\n1,2\n") << QStringLiteral("not a WardWatch recording");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a WardWatch recording");
        QTest::newRow("header cut") << good + one + one.left(9) << QStringLiteral("frame 2: cut short in its header");
        QTest::newRow("payload cut") << good + one + one.left(one.size() - 1) << QStringLiteral("frame 2: cut short");
        QTest::newRow("empty topic") << good + frame(1000, "", "abc") << QStringLiteral("frame 1: empty topic");
        QByteArray huge = frame(1000, "ww/v1/rr/gw/gw-1/adv", "");
        qToLittleEndian(quint32(0xffffffff), huge.data() + 10);
        QTest::newRow("impossible length") << good + huge << QStringLiteral("frame 1: payload of 4294967295 bytes");
    }
    void damagedRecordings()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.wwrec"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        // No broker is needed to find the damage in the header; frames are checked as they come,
        // so a private broker takes the frames before it.
        test::PrivateBroker broker(dir.filePath(QStringLiteral("broker")));
        const int port = broker.start();
        QProcess replay;
        replay.start(Wardctl, {QStringLiteral("replay"), QStringLiteral("--in"), file, QStringLiteral("--port"), QString::number(port),
                               QStringLiteral("--speed"), QStringLiteral("0")});
        QVERIFY(replay.waitForFinished(20000));
        const QString err = QString::fromUtf8(replay.readAllStandardError());
        QCOMPARE(replay.exitCode(), 2);
        QVERIFY2(err.contains(file) && err.contains(mentions), qPrintable(err));
    }
};

QTEST_MAIN(TestRecordReplay)
#include "tst_record_replay.moc"
