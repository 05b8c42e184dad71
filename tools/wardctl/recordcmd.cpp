#include "recordcmd.h"

#include "offline.h"
#include "transport/mqttclient.h"
#include "transport/recording.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <cmath>
#include <map>
#include <mutex>

namespace ww::offline {

namespace {

QCommandLineOption value(const char* name) { return {QLatin1String(name), QString(), QStringLiteral("value")}; }

// A command's options: the broker's (--port, --host), its file (required) and its own; false, with
// the reason on err, when they are not all right.
bool parseCommand(QCommandLineParser& p, const QStringList& args, const char* command, const char* file,
                  std::initializer_list<const char*> own, MqttSettings& s, QTextStream& err)
{
    p.addOptions({value("port"), value("host"), value(file)});
    for (const char* o : own)
        p.addOption(value(o));
    if (!p.parse(args) || !p.positionalArguments().isEmpty() || !p.isSet(QLatin1String(file)) ||
        !p.isSet(QStringLiteral("port"))) {
        const QString why = !p.errorText().isEmpty()                 ? p.errorText()
                            : !p.positionalArguments().isEmpty() ? QStringLiteral("unexpected argument \"%1\"")
                                                                       .arg(p.positionalArguments().constFirst())
                                                                 : QStringLiteral("--port and --%1 are needed").arg(QLatin1String(file));
        err << command << ": " << why << Qt::endl;
        return false;
    }
    bool ok = false;
    s.port = p.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || s.port <= 0 || s.port > 65535) {
        err << command << ": --port: \"" << p.value(QStringLiteral("port")) << "\" is not a port number" << Qt::endl;
        return false;
    }
    if (p.isSet(QStringLiteral("host")))
        s.host = p.value(QStringLiteral("host"));
    s.clientId.clear(); // random, no persistent session: a recorder leaves nothing behind at the broker
    s.persistentSession = false;
    return true;
}

bool waitConnected(MqttClient& c, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (c.state() != MqttState::Connected && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return c.state() == MqttState::Connected;
}

} // namespace

int recordCommand(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    MqttSettings settings;
    if (!parseCommand(p, args, "record", "out", {"topic", "count", "duration"}, settings, err))
        return BadInput;
    bool ok = true;
    const qint64 count = p.isSet(QStringLiteral("count")) ? p.value(QStringLiteral("count")).toLongLong(&ok) : 0;
    const double durationS = p.isSet(QStringLiteral("duration")) && ok ? p.value(QStringLiteral("duration")).toDouble(&ok) : 0;
    if (!ok || count < 0 || durationS < 0) {
        err << "record: --count and --duration take a number >= 0" << Qt::endl;
        return BadInput;
    }
    RecordingWriter writer;
    QString error;
    if (!writer.open(p.value(QStringLiteral("out")), error)) {
        err << "record: " << error << Qt::endl;
        return Failure;
    }
    QStringList filters = p.values(QStringLiteral("topic"));
    if (filters.isEmpty())
        filters << QStringLiteral("ww/v1/#");
    MqttClient client(settings);
    for (const QString& f : filters)
        client.addSubscription(f, 1);
    std::atomic<qint64> frames{0}, bytes{0};
    std::atomic<bool> failed{false};
    client.setMessageHandler([&](const char* topic, std::span<const std::byte> payload, qint64 rxMs) {
        if (failed || (count > 0 && frames >= count))
            return;
        const RecordedFrame f{rxMs, QByteArray(topic),
                              QByteArray(reinterpret_cast<const char*>(payload.data()), qsizetype(payload.size()))};
        if (!writer.write(f)) {
            failed = true;
            return;
        }
        bytes += f.topic.size() + f.payload.size();
        ++frames;
    });
    client.start();
    if (!waitConnected(client, 10'000)) {
        err << "record: no broker at " << settings.host << ':' << settings.port << Qt::endl;
        return Failure;
    }
    QTextStream(stdout) << "recording " << filters.join(QStringLiteral(" ")) << " from " << settings.host << ':' << settings.port
                        << Qt::endl;
    QElapsedTimer clock;
    clock.start();
    while (!failed && (count == 0 || frames < count) && (durationS == 0 || clock.elapsed() < qint64(durationS * 1000)))
        QThread::msleep(20);
    client.stop();
    if (failed) {
        err << "record: " << p.value(QStringLiteral("out")) << ": " << writer.errorString() << Qt::endl;
        return Failure;
    }
    QTextStream(stdout) << "recorded " << frames.load() << " frames, " << bytes.load() << " bytes in "
                        << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;
    return Done;
}

int replayCommand(const QStringList& args, QTextStream& err)
{
    QCommandLineParser p;
    MqttSettings settings;
    if (!parseCommand(p, args, "replay", "in", {"speed"}, settings, err))
        return BadInput;
    bool ok = true;
    const double speed = p.isSet(QStringLiteral("speed")) ? p.value(QStringLiteral("speed")).toDouble(&ok) : 1.0;
    if (!ok || !std::isfinite(speed) || speed < 0) {
        err << "replay: --speed: \"" << p.value(QStringLiteral("speed")) << "\" is not a number >= 0" << Qt::endl;
        return BadInput;
    }
    RecordingReader reader;
    QString error;
    if (!reader.open(p.value(QStringLiteral("in")), error)) {
        err << "replay: " << error << Qt::endl;
        return BadInput;
    }
    MqttClient client(settings);
    client.start();
    if (!waitConnected(client, 10'000)) {
        err << "replay: no broker at " << settings.host << ':' << settings.port << Qt::endl;
        return Failure;
    }
    std::map<QByteArray, Topics> bySite; // topics are classified per site: ww/v1/{site}/...
    QElapsedTimer clock;
    clock.start();
    qint64 first = 0, published = 0;
    while (auto f = reader.next(error)) {
        if (published == 0)
            first = f->rxMs;
        if (speed > 0) { // the recorded spacing, scaled
            const qint64 due = qint64(double(f->rxMs - first) / speed);
            while (clock.elapsed() < due)
                QThread::msleep(quint64(std::min<qint64>(due - clock.elapsed(), 50)));
        }
        const QByteArray site = f->topic.split('/').value(2);
        const Topics& topics = bySite.try_emplace(site, QString::fromUtf8(site)).first->second;
        const Delivery d = contractDelivery(topics.parse(std::string_view(f->topic.constData(), size_t(f->topic.size()))).kind);
        int tries = 0;
        while (!client.publish(QString::fromUtf8(f->topic), f->payload, d.qos, d.retain) && ++tries < 10'000)
            QThread::msleep(1); // the client's queue is full, or the link is down for a moment: wait
        if (tries == 10'000) {
            err << "replay: the broker took no frame for 10 s; " << published << " frames were replayed" << Qt::endl;
            return Failure;
        }
        ++published;
    }
    client.stop(); // returns when the queue is written out
    QTextStream(stdout) << "replayed " << published << " frames in " << QString::number(clock.elapsed() / 1000.0, 'f', 1)
                        << " s" << Qt::endl;
    if (!error.isEmpty()) {
        err << "replay: " << error << "; the frames before it were replayed" << Qt::endl;
        return BadInput;
    }
    return Done;
}

} // namespace ww::offline
