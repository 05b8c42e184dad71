#pragma once
// A WardWatch station process without a window (wardwatch-headless) for integration tests: its JSON
// lines collected as they come, commands written to its standard input.
#include "transport/mqttclient.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"
#include "wardwatch.pb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace ww::test {

class HeadlessStation
{
public:
    // dir: its HOME (settings) and where its alarm log ID.sqlite is; extra: more options (--site,
    // --signing-key); faulty: the build that ends between an acknowledgement's log write and its
    // publication (exit code 3).
    HeadlessStation(const QString& id, int port, const QString& dir, const QStringList& extra = {}, bool faulty = false)
        : m_id(id)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), dir);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ww.*.info=false"));
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            while (m_process.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
                if (!o.isEmpty())
                    m_lines.push_back(o);
            }
        });
        m_process.start(faulty ? QStringLiteral(WW_FAULTY_HEADLESS) : QStringLiteral(WW_HEADLESS),
                        QStringList{QStringLiteral("--port"), QString::number(port), QStringLiteral("--station-id"), id,
                                    QStringLiteral("--alarm-log"), logPath(dir, id)} +
                            extra);
    }
    ~HeadlessStation()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            if (!m_process.waitForFinished(3000))
                m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    HeadlessStation(const HeadlessStation&) = delete;
    HeadlessStation& operator=(const HeadlessStation&) = delete;

    static QString logPath(const QString& dir, const QString& id) { return dir + QStringLiteral("/") + id + QStringLiteral(".sqlite"); }
    void send(const QByteArray& line) { m_process.write(line + '\n'); }
    QProcess& process() { return m_process; }
    const std::vector<QJsonObject>& lines() const { return m_lines; }
    // The last line about this alarm, if any.
    std::optional<QJsonObject> alarm(const QString& id) const
    {
        for (auto it = m_lines.rbegin(); it != m_lines.rend(); ++it)
            if (it->value(u"event").toString() == u"alarm" && it->value(u"id").toString() == id)
                return *it;
        return std::nullopt;
    }
    // The last line of each alarm of a rule.
    std::vector<QJsonObject> alarmsOf(const QString& rule) const
    {
        std::vector<QJsonObject> out;
        for (const QJsonObject& o : m_lines)
            if (o.value(u"event").toString() == u"alarm" && o.value(u"rule").toString() == rule) {
                auto same = std::find_if(out.begin(), out.end(), [&](const QJsonObject& x) { return x.value(u"id") == o.value(u"id"); });
                if (same != out.end())
                    *same = o;
                else
                    out.push_back(o);
            }
        return out;
    }
    bool said(const QString& text) const // a message line containing text
    {
        return std::any_of(m_lines.begin(), m_lines.end(), [&](const QJsonObject& o) {
            return o.value(u"event").toString() == u"message" && o.value(u"message").toString().contains(text);
        });
    }
    // The last "bed" line for a bed: who lies there now, as this station shows it.
    std::optional<QJsonObject> bed(const QString& id) const
    {
        for (auto it = m_lines.rbegin(); it != m_lines.rend(); ++it)
            if (it->value(u"event").toString() == u"bed" && it->value(u"bed").toString() == id)
                return *it;
        return std::nullopt;
    }
    QString patientIn(const QString& bedId) const { return bed(bedId) ? bed(bedId)->value(u"patient").toString() : QString(); }
    bool saw(const QString& event, bool ok) const
    {
        return std::any_of(m_lines.begin(), m_lines.end(), [&](const QJsonObject& o) {
            return o.value(u"event").toString() == event && o.value(u"ok").toBool() == ok;
        });
    }

private:
    QString m_id;
    QProcess m_process;
    std::vector<QJsonObject> m_lines;
};

// The ward's devices and a watch on the stations' presence, as one MQTT client: it publishes device
// events (a panic, returning the id of the alarm it raises) and tells which stations say they are
// online. A station publishes its presence after its subscriptions, and the broker handles one
// client's packets in order: a station online here hears what is published next.
class WardClient
{
public:
    WardClient(int port, const QString& siteId, const QString& clientId, quint32 boot, quint32 firstSeq = 0)
        : m_topics(siteId), m_boot(boot), m_seq(firstSeq)
    {
        MqttSettings s;
        s.port = port;
        s.clientId = clientId;
        m_client = std::make_unique<MqttClient>(s);
        m_client->addSubscription(m_topics.prefix() + QStringLiteral("station/+"), 1);
        m_client->setMessageHandler([this](const char*, std::span<const std::byte> p, qint64) {
            v1::StationPresence m;
            if (!m.ParseFromArray(p.data(), int(p.size())))
                return;
            std::lock_guard lock(m_mutex);
            if (m.online())
                m_online.insert(QString::fromStdString(m.station_id()));
            else
                m_online.remove(QString::fromStdString(m.station_id()));
        });
        m_client->start();
    }
    [[nodiscard]] bool subscribed() const { return m_client->allSubscribed(); }
    [[nodiscard]] bool online(const QStringList& ids)
    {
        std::lock_guard lock(m_mutex);
        return std::all_of(ids.begin(), ids.end(), [&](const QString& id) { return m_online.contains(id); });
    }
    // A press of the device's panic button (QoS 1); the id of the alarm the stations raise for it.
    QString panic(const QString& device)
    {
        DeviceEventMsg ev;
        ev.deviceId = device;
        ev.deviceTimeMs = QDateTime::currentMSecsSinceEpoch();
        ev.boot = m_boot;
        ev.seq = ++m_seq;
        ev.kind = DeviceEventKind::Panic;
        m_client->publish(m_topics.event(device), encode(ev), 1, false);
        return QStringLiteral("event.panic:%1:%2-%3").arg(device).arg(m_boot).arg(ev.seq);
    }
    MqttClient& mqtt() { return *m_client; }

private:
    Topics m_topics;
    quint32 m_boot, m_seq;
    std::unique_ptr<MqttClient> m_client;
    std::mutex m_mutex;
    QSet<QString> m_online;
};

} // namespace ww::test
