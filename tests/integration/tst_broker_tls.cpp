// The production broker example (installer/broker/mosquitto.conf and wardwatch.acl: only its file
// paths and ports changed, and its debug-log line turned on) against a throwaway PKI made here with
// openssl (a CA, the broker's certificate for localhost and 127.0.0.1, client certificates whose
// common name is the user name) and a mosquitto_passwd password file:
// - two real stations (wardwatch-headless) connect over TLS, one with its certificate, one with a
//   user name and --password-file, and raise the alarm of a panic sent by a device account;
// - a gateway account's publish on alarm/{id} (an acknowledgement forged in a nurse's name) is
//   refused by the broker: MQTT 5 says "Not authorized", the broker's log says "Denied PUBLISH",
//   and no station ever sees it (a marker sent after it arrives, the forgery does not), though the
//   same message from a station account does change the alarm at both;
// - clients without a valid certificate, with a wrong password or none cannot connect, and the
//   broker logs each refusal;
// - a station given a CA that did not sign the broker's certificate, or a CA file that is not
//   there, never connects (fail closed) and raises tech.broker saying why;
// - the building-management system's account (bms-1, password listener) reads the setpoint a
//   signed-in facilities engineer sends from a station and answers it, but receives nothing else of
//   the site and may write neither commands nor alarm state;
// - a MOKO gateway's account writes its JSON on moko/{id}/send, read by the stations, and not on
//   another gateway's topic;
// - the charge nurse's role, an assignment and a discharge made at station-1 reach the others
//   through the ACL;
// - and the ACL refused the stations nothing of what they did (presence, alarm state, commands,
//   census, care plan, roles).
// Every wait is for a state or a message (QTRY, qWaitFor), never for a time.
#include "brokerfixture.h"
#include "deviceanswers.h"
#include "domain/site.h"
#include "transport/mqttclient.h"
#include "transport/signing.h"
#include "transport/topics.h"
#include "wardwatch.pb.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ww;

namespace {

// The site the example ACL is written for: the default ward's.
const QString SiteId = QStringLiteral("stmarys-w7");

// n distinct free TCP ports on the loopback interface.
QList<int> freeLoopbackPorts(int n)
{
    QList<int> ports;
    std::vector<int> fds;
    for (int i = 0; i < n; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            ports << 0;
        else
            ports << int(ntohs(a.sin_port));
        fds.push_back(fd);
    }
    for (const int fd : fds)
        if (fd >= 0)
            ::close(fd);
    return ports;
}

QByteArray firstLineWith(const QByteArray& text, const QByteArray& needle)
{
    for (const QByteArray& line : text.split('\n'))
        if (line.contains(needle))
            return line;
    return {};
}

bool listening(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(quint16(port));
    const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    if (fd >= 0)
        ::close(fd);
    return ok;
}

// A station without a window (wardwatch-headless): its JSON lines and what it wrote on stderr.
class Station
{
public:
    Station(const QString& id, const QStringList& brokerArgs, const QString& dir) : m_id(id)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir); // its own settings and data
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir + QStringLiteral("/data"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ww.*.info=false"));
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            while (m_process.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
                if (!o.isEmpty())
                    m_lines.push_back(o);
            }
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] { m_errors += m_process.readAllStandardError(); });
        m_process.start(QStringLiteral(WW_HEADLESS), QStringList{QStringLiteral("--station-id"), id, QStringLiteral("--alarm-log"),
                                                                 dir + QStringLiteral("/") + id + QStringLiteral(".sqlite")} +
                                                         brokerArgs);
    }
    ~Station() { quit(); }
    Station(const Station&) = delete;
    Station& operator=(const Station&) = delete;

    // Ends the station the way an operator would; its exit code (-1 when it had to be killed).
    int quit()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.write("quit\n");
        if (m_process.waitForFinished(10000))
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.kill();
        m_process.waitForFinished(3000);
        return -1;
    }
    [[nodiscard]] bool running() const { return m_process.state() == QProcess::Running; }
    // Every alarm line about this alarm, oldest first.
    [[nodiscard]] std::vector<QJsonObject> alarmLines(const QString& alarmId) const
    {
        std::vector<QJsonObject> out;
        for (const QJsonObject& o : m_lines)
            if (o.value(u"event").toString() == u"alarm" && o.value(u"id").toString() == alarmId)
                out.push_back(o);
        return out;
    }
    [[nodiscard]] std::optional<QJsonObject> alarm(const QString& alarmId) const
    {
        const auto lines = alarmLines(alarmId);
        return lines.empty() ? std::nullopt : std::optional<QJsonObject>(lines.back());
    }
    // The last line of an alarm of this rule (a technical alarm of the station itself, say).
    [[nodiscard]] std::optional<QJsonObject> alarmOfRule(const QString& rule) const
    {
        for (auto it = m_lines.rbegin(); it != m_lines.rend(); ++it)
            if (it->value(u"event").toString() == u"alarm" && it->value(u"rule").toString() == rule)
                return *it;
        return std::nullopt;
    }
    // Whoever this station shows as having acknowledged the alarm, in any of its lines.
    [[nodiscard]] QStringList acknowledgedBy(const QString& alarmId) const
    {
        QStringList who;
        for (const QJsonObject& o : alarmLines(alarmId))
            if (const QString by = o.value(u"ackedBy").toString(); !by.isEmpty() && !who.contains(by))
                who << by;
        return who;
    }
    [[nodiscard]] const QByteArray& errors() const { return m_errors; }
    [[nodiscard]] const QString& id() const { return m_id; }
    void send(const QByteArray& line) { m_process.write(line + '\n'); }
    // Whether a line of this event says ok (or not) with a message containing text.
    [[nodiscard]] bool said(const QString& event, bool ok, const QString& text = {}) const
    {
        return std::any_of(m_lines.begin(), m_lines.end(), [&](const QJsonObject& o) {
            return o.value(u"event").toString() == event && o.value(u"ok").toBool() == ok &&
                   o.value(u"message").toString().contains(text);
        });
    }

private:
    QString m_id;
    QProcess m_process;
    std::vector<QJsonObject> m_lines;
    QByteArray m_errors;
};

// Everything a client received, by topic, in order (filled on the client's network thread).
struct Inbox
{
    mutable std::mutex mutex;
    std::vector<std::pair<QString, QByteArray>> messages;
    void attach(MqttClient& c)
    {
        c.setMessageHandler([this](const char* topic, std::span<const std::byte> p, qint64) {
            std::lock_guard lock(mutex);
            messages.emplace_back(QString::fromUtf8(topic), QByteArray(reinterpret_cast<const char*>(p.data()), qsizetype(p.size())));
        });
    }
    [[nodiscard]] std::vector<QByteArray> on(const QString& topic) const
    {
        std::lock_guard lock(mutex);
        std::vector<QByteArray> out;
        for (const auto& [t, payload] : messages)
            if (t == topic)
                out.push_back(payload);
        return out;
    }
    [[nodiscard]] bool has(const QString& topic, const QByteArray& payload) const
    {
        const auto all = on(topic);
        return std::find(all.begin(), all.end(), payload) != all.end();
    }
};

// Records a client's connection attempts (on its network thread).
struct Attempts
{
    std::mutex mutex;
    QStringList details;
    std::atomic<bool> connected{false};
    void attach(MqttClient& c)
    {
        QObject::connect(&c, &MqttClient::stateChanged, &c, [this](MqttState s, const QString& detail) {
            if (s == MqttState::Connected)
                connected = true;
            std::lock_guard lock(mutex);
            details << toString(s) + QStringLiteral(": ") + detail;
        }, Qt::DirectConnection);
    }
    QString text()
    {
        std::lock_guard lock(mutex);
        return details.join(QStringLiteral(" | "));
    }
};

} // namespace

class TestBrokerTls : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_dir;
    const Topics m_topics{SiteId};
    QProcess m_broker;
    int m_certPort = 0;     // the example's 8883: TLS, client certificate, its common name the user name
    int m_passwordPort = 0; // the example's 8884: TLS, user name and password from the password file
    std::map<QString, QString> m_passwords; // the password file's accounts
    std::unique_ptr<MqttClient> m_observer; // a station account's client: reads everything of the site
    Inbox m_seen;
    std::map<QString, std::unique_ptr<MqttClient>> m_devices;
    std::unique_ptr<Station> m_station1, m_station2;
    std::map<QString, quint32> m_seq; // each device's last event number (from 1, as after a start)

    QString file(const QString& name) const { return m_dir + QStringLiteral("/") + name; }

    bool openssl(const QStringList& args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("openssl %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }
    // A certificate authority of the test's own: NAME.pem and NAME.key.
    bool makeCa(const QString& name, const QString& commonName)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".pem"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName});
    }
    // NAME.pem and NAME.key, signed by the CA named ca, with the given extensions.
    bool makeCertificate(const QString& name, const QString& commonName, const QString& ca, const QByteArray& extensions)
    {
        QFile ext(file(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly) || ext.write(extensions) != extensions.size())
            return false;
        ext.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                        name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=") + commonName}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                        QStringLiteral("-CA"), ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"), ca + QStringLiteral(".key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
    }
    bool makeClientCertificate(const QString& commonName, const QString& ca = QStringLiteral("ca"),
                               const QString& name = QString())
    {
        return makeCertificate(name.isEmpty() ? commonName : name, commonName, ca, "extendedKeyUsage=clientAuth\n");
    }

    static bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions = {})
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
            return false;
        f.close();
        return permissions == QFileDevice::Permissions() || f.setPermissions(permissions);
    }

    QByteArray brokerLog() const
    {
        QFile f(file(QStringLiteral("log/mosquitto.log")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QByteArray brokerLogSince(qsizetype mark) const { return brokerLog().mid(mark); }

    MqttSettings overTls(int port, const QString& certificate, const QString& user = {}, const QString& password = {}) const
    {
        MqttSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.tls = true;
        s.caFile = file(QStringLiteral("ca.pem"));
        if (!certificate.isEmpty()) {
            s.certFile = file(certificate + QStringLiteral(".pem"));
            s.keyFile = file(certificate + QStringLiteral(".key"));
        }
        s.username = user;
        s.password = password;
        s.reconnectMinMs = 100;
        s.reconnectMaxMs = 400;
        return s;
    }

    // A device of the password file, connected over TLS (the example's password listener).
    MqttClient* device(const QString& id)
    {
        auto& client = m_devices[id];
        if (!client) {
            client = std::make_unique<MqttClient>(overTls(m_passwordPort, {}, id, m_passwords.at(id)));
            client->start();
            if (!QTest::qWaitFor([&] { return client->state() == MqttState::Connected; }, 10000))
                qWarning("device %s did not connect", qPrintable(id));
        }
        return client.get();
    }

    // A press of the device's panic button, published by the device's own account; returns the id
    // the stations give its alarm.
    QString panic(const QString& deviceId)
    {
        v1::DeviceEvent ev;
        ev.set_schema_version(1);
        ev.set_device_time_ms(quint64(QDateTime::currentMSecsSinceEpoch()));
        ev.set_device_id(deviceId.toStdString());
        ev.set_boot(7);
        const quint32 seq = ++m_seq[deviceId];
        ev.set_seq(seq);
        ev.set_kind(v1::DeviceEvent::PANIC);
        const std::string bytes = ev.SerializeAsString();
        device(deviceId)->publish(m_topics.event(deviceId), QByteArray(bytes.data(), qsizetype(bytes.size())), 1, false);
        return QStringLiteral("event.panic:%1:7-%2").arg(deviceId).arg(seq);
    }

    bool online(const QString& stationId) const
    {
        const auto presences = m_seen.on(m_topics.station(stationId));
        if (presences.empty())
            return false;
        v1::StationPresence p;
        return p.ParseFromArray(presences.back().constData(), int(presences.back().size())) && p.online();
    }

    // The last state of the alarm a station published, as the observer received it.
    std::optional<v1::AlarmState> publishedState(const QString& alarmId) const
    {
        const auto states = m_seen.on(m_topics.alarm(alarmId));
        for (auto it = states.rbegin(); it != states.rend(); ++it) {
            v1::AlarmState s;
            if (!it->isEmpty() && s.ParseFromArray(it->constData(), int(it->size())))
                return s;
        }
        return std::nullopt;
    }

    // The alarm's state as a station would publish it had nurse S02 acknowledged it there (at a
    // station-3 that neither station is: each takes its own states for echoes): what a stolen
    // gateway credential would like to write.
    QByteArray forgedAcknowledgement(const QString& alarmId) const
    {
        std::optional<v1::AlarmState> s = publishedState(alarmId);
        if (!s)
            return {};
        const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch());
        s->set_device_time_ms(now);
        s->set_acked_by("S02");
        s->set_acked_by_name("Martha Silva");
        s->set_acked_station("station-3");
        s->set_acked_at_ms(now);
        if (s->ends_on_ack() && s->ended_ms() == 0)
            s->set_ended_ms(now);
        s->set_station_id("station-3");
        s->set_revision(s->revision() + 1);
        s->set_phase(s->ends_on_ack() ? v1::AlarmState::RESOLVED : v1::AlarmState::ACKNOWLEDGED);
        const std::string bytes = s->SerializeAsString();
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    }

    struct Published
    {
        int exitCode = -1;
        QByteArray output; // stdout and stderr (-d: the packets, and what the broker answered)
    };
    // mosquitto_pub over TLS with a client certificate, as a stolen gateway's credentials would be used.
    Published mosquittoPub(const QString& certificate, const QString& topic, const QByteArray& payload, const QString& protocol,
                           bool retain)
    {
        const QString payloadFile = file(QStringLiteral("payload-%1.bin").arg(QUuid::createUuid().toString(QUuid::Id128)));
        writeFile(payloadFile, payload);
        QStringList args{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_certPort),
                         QStringLiteral("--cafile"), file(QStringLiteral("ca.pem")), QStringLiteral("--cert"),
                         file(certificate + QStringLiteral(".pem")), QStringLiteral("--key"), file(certificate + QStringLiteral(".key")),
                         QStringLiteral("-V"), protocol, QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-d"),
                         QStringLiteral("-t"), topic, QStringLiteral("-f"), payloadFile};
        if (retain)
            args << QStringLiteral("-r");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("mosquitto_pub"), args);
        Published r;
        if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit)
            r.exitCode = p.exitCode();
        r.output = p.readAll();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_dir = m_tmp.path();
        // mosquitto started as root reads its key, password file and ACL, and writes its database
        // and log, as the user "mosquitto" (as on a production host): it must reach this folder.
        QVERIFY(QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                 QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                                 QFileDevice::ExeGroup));
        QElapsedTimer made;
        made.start();

        // The PKI: the site's CA, the broker's certificate (both names a client may use), the
        // clients' certificates (common name = user name); and a second CA nobody trusts, with a
        // certificate in a station's name.
        QVERIFY(makeCa(QStringLiteral("ca"), QStringLiteral("WardWatch test CA")));
        QVERIFY(makeCertificate(QStringLiteral("broker"), QStringLiteral("localhost"), QStringLiteral("ca"),
                                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"));
        for (const QString& who : {QStringLiteral("station-1"), QStringLiteral("station-2"), QStringLiteral("gw-r101")})
            QVERIFY(makeClientCertificate(who));
        QVERIFY(makeCa(QStringLiteral("rogue-ca"), QStringLiteral("Some other CA")));
        QVERIFY(makeClientCertificate(QStringLiteral("station-1"), QStringLiteral("rogue-ca"), QStringLiteral("rogue-station-1")));

        // The password file: devices without a certificate, and station-2, which has none either.
        QByteArray plain;
        for (const QString& who : {QStringLiteral("wb-001"), QStringLiteral("wb-002"), QStringLiteral("wb-003"),
                                   QStringLiteral("wb-004"), QStringLiteral("station-2"), QStringLiteral("bms-1"),
                                   QStringLiteral("moko-gw1")}) {
            m_passwords[who] = QUuid::createUuid().toString(QUuid::Id128);
            plain += who.toUtf8() + ':' + m_passwords[who].toUtf8() + '\n';
        }
        QVERIFY(writeFile(file(QStringLiteral("wardwatch.passwd")), plain, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(QProcess::execute(QStringLiteral("mosquitto_passwd"), {QStringLiteral("-U"), file(QStringLiteral("wardwatch.passwd"))}), 0);
        {
            QFile hashed(file(QStringLiteral("wardwatch.passwd")));
            QVERIFY(hashed.open(QIODevice::ReadOnly));
            QVERIFY2(!hashed.readAll().contains(m_passwords[QStringLiteral("wb-001")].toUtf8()), "mosquitto_passwd -U left it in clear");
        }
        QVERIFY(writeFile(file(QStringLiteral("station-2.password")), m_passwords[QStringLiteral("station-2")].toUtf8() + '\n',
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        // The example configuration, its paths and ports replaced (each exactly where expected, so a
        // change of the example shows here), and its ACL as it is.
        QFile example(QStringLiteral(WW_SOURCE_DIR "/installer/broker/mosquitto.conf"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QString conf = QString::fromUtf8(example.readAll());
        const QList<int> ports = freeLoopbackPorts(2);
        m_certPort = ports[0];
        m_passwordPort = ports[1];
        QVERIFY(m_certPort > 0 && m_passwordPort > 0);
        QVERIFY(QDir().mkpath(file(QStringLiteral("persist"))));
        QVERIFY(QDir().mkpath(file(QStringLiteral("log"))));
        const std::vector<std::tuple<QString, QString, int>> substitutions{
            {QStringLiteral("\npersistence_location /var/lib/mosquitto/\n"),
             QStringLiteral("\npersistence_location %1/\n").arg(file(QStringLiteral("persist"))), 1},
            {QStringLiteral("\nacl_file /etc/mosquitto/wardwatch.acl\n"), QStringLiteral("\nacl_file %1\n").arg(file(QStringLiteral("wardwatch.acl"))), 1},
            {QStringLiteral("\ncafile /etc/mosquitto/ca/wardwatch-ca.pem\n"), QStringLiteral("\ncafile %1\n").arg(file(QStringLiteral("ca.pem"))), 2},
            {QStringLiteral("\ncertfile /etc/mosquitto/certs/broker.pem\n"), QStringLiteral("\ncertfile %1\n").arg(file(QStringLiteral("broker.pem"))), 2},
            {QStringLiteral("\nkeyfile /etc/mosquitto/certs/broker.key\n"), QStringLiteral("\nkeyfile %1\n").arg(file(QStringLiteral("broker.key"))), 2},
            {QStringLiteral("\npassword_file /etc/mosquitto/wardwatch.passwd\n"),
             QStringLiteral("\npassword_file %1\n").arg(file(QStringLiteral("wardwatch.passwd"))), 1},
            {QStringLiteral("\nlistener 8883\n"), QStringLiteral("\nlistener %1 127.0.0.1\n").arg(m_certPort), 1},
            {QStringLiteral("\nlistener 8884\n"), QStringLiteral("\nlistener %1 127.0.0.1\n").arg(m_passwordPort), 1},
            {QStringLiteral("\nlog_dest syslog\n"), QStringLiteral("\nlog_dest file %1\n").arg(file(QStringLiteral("log/mosquitto.log"))), 1},
            // The example's own line for investigating refusals: the denials are logged at debug level.
            {QStringLiteral("\n#log_type debug\n"), QStringLiteral("\nlog_type debug\n"), 1},
        };
        for (const auto& [from, to, times] : substitutions) {
            QVERIFY2(conf.count(from) == times, qPrintable(QStringLiteral("the example has %1 times (not %2): %3")
                                                               .arg(conf.count(from)).arg(times).arg(from.trimmed())));
            conf.replace(from, to);
        }
        for (const QString& line : conf.split(u'\n'))
            QVERIFY2(line.startsWith(u'#') || (!line.contains(QStringLiteral("/etc/")) && !line.contains(QStringLiteral("/var/"))),
                     qPrintable(QStringLiteral("a production path left in the test's configuration: ") + line));
        QVERIFY(writeFile(file(QStringLiteral("mosquitto.conf")), conf.toUtf8()));
        QVERIFY(QFile::copy(QStringLiteral(WW_SOURCE_DIR "/installer/broker/wardwatch.acl"), file(QStringLiteral("wardwatch.acl"))));
        QVERIFY(QFile::setPermissions(file(QStringLiteral("broker.key")), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("mosquitto");
            QVERIFY2(pw, "mosquitto started as root drops to the user mosquitto, and there is none");
            for (const QString& path : {file(QStringLiteral("broker.key")), file(QStringLiteral("wardwatch.passwd")),
                                        file(QStringLiteral("persist")), file(QStringLiteral("log"))})
                QCOMPARE(::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid), 0);
        }

        m_broker.setProcessChannelMode(QProcess::MergedChannels);
        m_broker.start(QStringLiteral("mosquitto"), {QStringLiteral("-c"), file(QStringLiteral("mosquitto.conf"))});
        QVERIFY(m_broker.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return m_broker.state() != QProcess::Running || (listening(m_certPort) && listening(m_passwordPort)); },
                                15000));
        QVERIFY2(m_broker.state() == QProcess::Running,
                 qPrintable(QString::fromUtf8(m_broker.readAll() + '\n' + brokerLog())));
        qInfo("PKI, password file and broker ready in %lld ms (TLS listeners on %d and %d)", static_cast<long long>(made.elapsed()),
              m_certPort, m_passwordPort);

        // The observer: a client with station-2's certificate, subscribed to all of the site and the
        // MOKO gateways' reports.
        MqttSettings os = overTls(m_certPort, QStringLiteral("station-2"));
        os.clientId = QStringLiteral("tls-observer");
        os.persistentSession = false;
        m_observer = std::make_unique<MqttClient>(os);
        m_seen.attach(*m_observer);
        m_observer->addSubscription(m_topics.prefix() + QStringLiteral("#"), 1);
        m_observer->addSubscription(QStringLiteral("moko/+/send"), 0);
        m_observer->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_observer->allSubscribed(), 10000);

        // The stations: station-1 with its certificate (user name station-1), station-2 with a user
        // name and a password file on the password listener.
        QElapsedTimer started;
        started.start();
        m_station1 = std::make_unique<Station>(
            QStringLiteral("station-1"),
            QStringList{QStringLiteral("--host"), QStringLiteral("localhost"), QStringLiteral("--port"), QString::number(m_certPort),
                        QStringLiteral("--tls"), QStringLiteral("--ca"), file(QStringLiteral("ca.pem")), QStringLiteral("--cert"),
                        file(QStringLiteral("station-1.pem")), QStringLiteral("--key"), file(QStringLiteral("station-1.key"))},
            m_dir);
        m_station2 = std::make_unique<Station>(
            QStringLiteral("station-2"),
            QStringList{QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_passwordPort),
                        QStringLiteral("--tls"), QStringLiteral("--ca"), file(QStringLiteral("ca.pem")), QStringLiteral("--username"),
                        QStringLiteral("station-2"), QStringLiteral("--password-file"), file(QStringLiteral("station-2.password"))},
            m_dir);
        // A station announces itself after it has subscribed: once online, it hears what follows.
        QTRY_VERIFY2_WITH_TIMEOUT(online(QStringLiteral("station-1")) && online(QStringLiteral("station-2")),
                                  qPrintable(QString::fromUtf8(m_station1->errors() + m_station2->errors() + brokerLog())), 30000);
        qInfo("both stations online over TLS after %lld ms", static_cast<long long>(started.elapsed()));
        const QByteArray log = brokerLog();
        QVERIFY2(log.contains("as wardwatch-station-1") && log.contains("u'station-1'"), log.constData());
        QVERIFY2(log.contains("as wardwatch-station-2") && log.contains("u'station-2'"), log.constData());
    }

    void cleanupTestCase()
    {
        if (m_station1)
            QCOMPARE(m_station1->quit(), 0);
        if (m_station2)
            QCOMPARE(m_station2->quit(), 0);
        m_devices.clear();
        m_observer.reset();
        m_broker.terminate();
        if (!m_broker.waitForFinished(10000))
            m_broker.kill();
    }

    // (1) A device account's panic reaches both stations over TLS, and both raise its alarm.
    void stationsOverTlsRaiseADevicesPanic()
    {
        QElapsedTimer sent;
        sent.start();
        const QString id = panic(QStringLiteral("wb-001"));
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->alarm(id) && m_station2->alarm(id), 15000);
        qInfo("panic -> alarm at both stations in %lld ms", static_cast<long long>(sent.elapsed()));
        for (const Station* s : {m_station1.get(), m_station2.get()}) {
            QCOMPARE(s->alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
            QCOMPARE(s->alarm(id)->value(u"priority").toString(), QStringLiteral("high"));
        }
        // The stations' accounts may write alarm state: it went out through the broker.
        QTRY_VERIFY_WITH_TIMEOUT(publishedState(id).has_value(), 10000);
        QVERIFY(publishedState(id)->acked_by().empty());
    }

    // (2) A gateway's account writes alarm state (a nurse's acknowledgement, forged): the broker
    // refuses it and no station ever sees it; the same message from a station account changes the
    // alarm at both, so it was not the message that made the difference.
    void gatewayCannotWriteAlarmState()
    {
        const QString id = panic(QStringLiteral("wb-002"));
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->alarm(id) && m_station2->alarm(id) && publishedState(id), 15000);
        const QByteArray forged = forgedAcknowledgement(id);
        QVERIFY(!forged.isEmpty());
        const qsizetype mark = brokerLog().size();

        // MQTT 5: the broker answers "Not authorized" (PUBACK reason 135). MQTT 3.1.1 has no way to
        // say so: the publisher is acknowledged, the message dropped all the same.
        const Published v5 = mosquittoPub(QStringLiteral("gw-r101"), m_topics.alarm(id), forged, QStringLiteral("mqttv5"), true);
        QVERIFY2(v5.output.contains("Not authorized") && v5.output.contains("RC:135"), v5.output.constData());
        const Published v311 = mosquittoPub(QStringLiteral("gw-r101"), m_topics.alarm(id), forged, QStringLiteral("mqttv311"), true);
        QVERIFY2(v311.exitCode == 0 && v311.output.contains("received PUBACK"), v311.output.constData());
        // The gateway's credentials themselves work: its own adverts pass.
        v1::AdvBatch adv;
        adv.set_schema_version(1);
        adv.set_device_time_ms(quint64(QDateTime::currentMSecsSinceEpoch()));
        adv.set_gateway_id("gw-r101");
        const std::string advBytes = adv.SerializeAsString();
        const QByteArray advPayload(advBytes.data(), qsizetype(advBytes.size()));
        const Published own = mosquittoPub(QStringLiteral("gw-r101"), m_topics.adverts(QStringLiteral("gw-r101")), advPayload,
                                           QStringLiteral("mqttv5"), false);
        QVERIFY2(own.exitCode == 0 && !own.output.contains("Not authorized"), own.output.constData());

        // Each mosquitto_pub returned after its PUBACK: the broker had decided about the forgery by
        // then, and had it passed, it would be queued for every subscriber before anything published
        // from now on. A marker published now: once it is here, the forgery would be here too.
        const QString marker = panic(QStringLiteral("wb-003"));
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->alarm(marker) && m_station2->alarm(marker), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_seen.on(m_topics.event(QStringLiteral("wb-003"))).empty(), 10000);
        QVERIFY(m_seen.has(m_topics.adverts(QStringLiteral("gw-r101")), advPayload));
        for (const Station* s : {m_station1.get(), m_station2.get()}) {
            QVERIFY2(s->acknowledgedBy(id).isEmpty(), qPrintable(s->id() + QStringLiteral(": ") + s->acknowledgedBy(id).join(u',')));
            QCOMPARE(s->alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
            QVERIFY2(!s->alarmOfRule(QStringLiteral("tech.refused")), qPrintable(s->id())); // nothing arrived to refuse
        }
        for (const QByteArray& payload : m_seen.on(m_topics.alarm(id))) {
            QVERIFY(payload != forged);
            v1::AlarmState s;
            QVERIFY(s.ParseFromArray(payload.constData(), int(payload.size())));
            QVERIFY2(s.acked_by().empty(), s.DebugString().c_str());
        }
        // The broker's log names the refusal, client and topic, once per attempt.
        const QByteArray denied = "Denied PUBLISH from ";
        QTRY_VERIFY_WITH_TIMEOUT(brokerLogSince(mark).count(denied) >= 2, 5000);
        const QByteArray log = brokerLogSince(mark);
        QCOMPARE(log.count(denied), 2);
        QVERIFY2(log.count(("'" + m_topics.alarm(id) + "'").toUtf8()) >= 2, log.constData());
        QVERIFY2(log.contains("u'gw-r101'"), log.constData());
        for (const QByteArray& line : log.split('\n'))
            if (line.contains(denied))
                qInfo("broker: %s", line.constData());

        // Control: the very same bytes from a station's account pass, and both stations show S02's
        // acknowledgement (the site takes unsigned state).
        QVERIFY(m_observer->publish(m_topics.alarm(id), forged, 1, true));
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->acknowledgedBy(id).contains(QStringLiteral("S02")) &&
                                     m_station2->acknowledgedBy(id).contains(QStringLiteral("S02")),
                                 15000);
    }

    // A stolen station account: it may write alarm state, but an acknowledgement signed with a key
    // the site does not list is refused by every station, and each says so (tech.refused naming the
    // signer and the topic); the alarm stays active. (A bad signature is refused even by a site that
    // still takes unsigned state, as this one does.)
    void signedAcknowledgementFromAnUnknownKeyIsRefusedByEveryStation()
    {
        const QString id = panic(QStringLiteral("wb-004"));
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->alarm(id) && m_station2->alarm(id) && publishedState(id), 15000);
        const QByteArray forged = forgedAcknowledgement(id);
        QVERIFY(!forged.isEmpty());
        MessageSigner unlisted(QStringLiteral("station-3"), SigningKey::generate());
        const QString topic = m_topics.alarm(id);
        QVERIFY(m_observer->publish(topic, unlisted.sign(topic, forged), 1, true));
        auto refused = [&](const Station* s) {
            const auto r = s->alarmOfRule(QStringLiteral("tech.refused"));
            return r && r->value(u"condition").toString().contains(QStringLiteral("station-3")) &&
                   r->value(u"condition").toString().contains(topic);
        };
        QTRY_VERIFY_WITH_TIMEOUT(refused(m_station1.get()) && refused(m_station2.get()), 15000);
        for (const Station* s : {m_station1.get(), m_station2.get()}) {
            QVERIFY2(s->acknowledgedBy(id).isEmpty(), qPrintable(s->id() + QStringLiteral(": ") + s->acknowledgedBy(id).join(u',')));
            QCOMPARE(s->alarm(id)->value(u"phase").toString(), QStringLiteral("active"));
        }
        qInfo("%s", qPrintable(m_station2->alarmOfRule(QStringLiteral("tech.refused"))->value(u"condition").toString()));
    }

    // (3) Without a valid certificate, with a wrong password or none, a client does not get in; the
    // broker logs each refusal.
    void clientsWithoutValidCredentialsCannotConnect()
    {
        struct Case
        {
            const char* what;
            MqttSettings settings;
            QByteArray logSays;
        };
        std::vector<Case> cases;
        cases.push_back({"no client certificate", overTls(m_certPort, {}), "peer did not return a certificate"});
        cases.push_back({"a station's certificate from another CA", overTls(m_certPort, QStringLiteral("rogue-station-1")),
                         "certificate verify failed"});
        cases.push_back({"a device's wrong password",
                         overTls(m_passwordPort, {}, QStringLiteral("wb-001"), QStringLiteral("not-the-password")), "not authorised"});
        cases.push_back({"no user name", overTls(m_passwordPort, {}), "not authorised"});
        cases.push_back({"a user name not in the password file",
                         overTls(m_passwordPort, {}, QStringLiteral("station-1"), QStringLiteral("guess")), "not authorised"});
        MqttSettings clear = overTls(m_passwordPort, {}, QStringLiteral("wb-001"), m_passwords.at(QStringLiteral("wb-001")));
        clear.tls = false; // the right password, in clear text, to a TLS port
        cases.push_back({"the right password without TLS", clear, "Protocol error"});
        for (Case& c : cases) {
            const qsizetype mark = brokerLog().size();
            c.settings.clientId = QStringLiteral("tls-refused");
            c.settings.persistentSession = false;
            MqttClient client(c.settings);
            Attempts attempts;
            attempts.attach(client);
            client.start();
            // Two attempts answered, none connected; and the broker says why.
            QTRY_VERIFY2_WITH_TIMEOUT(client.reconnects() >= 2 && brokerLogSince(mark).contains(c.logSays),
                                      qPrintable(QStringLiteral("%1: %2\nbroker: %3")
                                                     .arg(QLatin1String(c.what), attempts.text(), QString::fromUtf8(brokerLogSince(mark)))),
                                      15000);
            client.stop();
            QVERIFY2(!attempts.connected.load(), c.what);
            QVERIFY2(!brokerLogSince(mark).contains("as tls-refused"), c.what); // never "New client connected ... as"
            qInfo("%s: refused (client: %s)", c.what, qPrintable(attempts.text().section(QStringLiteral(" | "), 0, 2)));
        }
    }

    // (4) TLS fails closed at the station: a CA that did not sign the broker's certificate, or a CA
    // file that is not there, and the station never connects; it raises tech.broker with the reason.
    void stationRefusesABrokerItsCaDidNotSign()
    {
        const QStringList tls{QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_certPort),
                              QStringLiteral("--tls"), QStringLiteral("--cert"), file(QStringLiteral("station-1.pem")),
                              QStringLiteral("--key"), file(QStringLiteral("station-1.key"))};
        {
            const qsizetype mark = brokerLog().size();
            Station wrong(QStringLiteral("wrong-ca"), tls + QStringList{QStringLiteral("--ca"), file(QStringLiteral("rogue-ca.pem"))}, m_dir);
            // It tried (the broker saw the handshake fail) and says the broker is lost.
            QTRY_VERIFY2_WITH_TIMEOUT(wrong.alarmOfRule(QStringLiteral("tech.broker")) && brokerLogSince(mark).contains("OpenSSL Error"),
                                      qPrintable(QString::fromUtf8(wrong.errors() + brokerLogSince(mark))), 30000);
            const QJsonObject alarm = *wrong.alarmOfRule(QStringLiteral("tech.broker"));
            qInfo("wrong CA: the station says \"%s\"; the broker: %s", qPrintable(alarm.value(u"shown").toString()),
                  firstLineWith(brokerLogSince(mark), "OpenSSL").constData());
            QCOMPARE(alarm.value(u"priority").toString(), QStringLiteral("high"));
            QVERIFY2(alarm.value(u"shown").toString().contains(QStringLiteral("TLS")), qPrintable(alarm.value(u"shown").toString()));
            QVERIFY(!brokerLogSince(mark).contains("as wardwatch-wrong-ca"));
            QVERIFY(!online(QStringLiteral("wrong-ca")));
            QVERIFY(m_seen.on(m_topics.station(QStringLiteral("wrong-ca"))).empty());
            QCOMPARE(wrong.quit(), 0);
        }
        {
            const qsizetype mark = brokerLog().size();
            const QString missing = file(QStringLiteral("no-such-ca.pem"));
            Station none(QStringLiteral("no-ca"), tls + QStringList{QStringLiteral("--ca"), missing}, m_dir);
            QTRY_VERIFY2_WITH_TIMEOUT(none.alarmOfRule(QStringLiteral("tech.broker")) && none.errors().contains("TLS set-up failed"),
                                      none.errors().constData(), 30000);
            const QByteArray err = none.errors();
            QVERIFY2(err.contains(QFile::encodeName(missing)) && err.contains("not connecting"), err.constData());
            const QString shown = none.alarmOfRule(QStringLiteral("tech.broker"))->value(u"shown").toString();
            qInfo("missing CA file: the station says \"%s\"", qPrintable(shown));
            QVERIFY2(shown.contains(QStringLiteral("TLS set-up failed")) && shown.contains(missing), qPrintable(shown));
            QVERIFY(none.running());
            QCOMPARE(none.quit(), 0);
            QVERIFY(!brokerLogSince(mark).contains("as wardwatch-no-ca"));
            QVERIFY(m_seen.on(m_topics.station(QStringLiteral("no-ca"))).empty());
        }
    }

    // (5) The BMS's account: it subscribes to the whole site, as a curious stolen credential would,
    // yet receives only its own commands; it answers the setpoint a facilities engineer sends from
    // station-1, and station-1 says the BMS accepted it; its publishes on cmd/ and alarm/ are denied.
    void bmsReadsItsSetpointsAndWritesOnlyItsAnswers()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        QCOMPARE(loaded.site->bms.device, QStringLiteral("bms-1"));
        sim::DeviceAnswers answers(*loaded.site, 200);
        MqttSettings bs = overTls(m_passwordPort, {}, QStringLiteral("bms-1"), m_passwords.at(QStringLiteral("bms-1")));
        bs.clientId = QStringLiteral("bms-1-tls");
        bs.persistentSession = false;
        MqttClient bms(bs);
        Inbox heard;
        const QString cmd = m_topics.prefix() + QStringLiteral("cmd/");
        bms.setMessageHandler([&](const char* topic, std::span<const std::byte> p, qint64 rx) {
            {
                std::lock_guard lock(heard.mutex);
                heard.messages.emplace_back(QString::fromUtf8(topic), QByteArray(reinterpret_cast<const char*>(p.data()), qsizetype(p.size())));
            }
            if (const QString t = QString::fromUtf8(topic); t.startsWith(cmd))
                answers.onCommand(t.mid(cmd.size()), p, rx);
        });
        bms.addSubscription(m_topics.prefix() + QStringLiteral("#"), 1);
        bms.start();
        QTRY_VERIFY_WITH_TIMEOUT(bms.state() == MqttState::Connected && bms.allSubscribed(), 10000);

        // The facilities engineer signs in at station-1 and asks for 23.5 °C in Room 103.
        m_station1->send("signin S13 246813");
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->said(QStringLiteral("signin"), true), 20000);
        m_station1->send("setpoint R103 23.5 - - afternoon too warm");
        QTRY_VERIFY_WITH_TIMEOUT(!heard.on(cmd + QStringLiteral("bms-1")).empty(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const sim::Answer& a : answers.due(QDateTime::currentMSecsSinceEpoch()))
                    bms.publish(a.topic, a.payload, 1, false);
                return m_station1->said(QStringLiteral("setpoint"), true, QStringLiteral("accepted"));
            }(),
            20000);
        // Its answers went out on cmdack/bms-1 (the observer, a station account, read them).
        QVERIFY(!m_seen.on(m_topics.prefix() + QStringLiteral("cmdack/bms-1")).empty());

        // It may write neither a command nor alarm state: both denied, neither reaches the observer.
        const qsizetype mark = brokerLog().size();
        const QByteArray forged("not a real command");
        bms.publish(cmd + QStringLiteral("bms-1"), forged, 1, false);
        bms.publish(m_topics.alarm(QStringLiteral("bms-forged")), forged, 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(brokerLogSince(mark).count("Denied PUBLISH from bms-1-tls") >= 2, 10000);
        // A marker from a device account after them: once the observer has it, the denied ones would be there too.
        const QString marker = panic(QStringLiteral("wb-001"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_seen.on(m_topics.event(QStringLiteral("wb-001"))).empty() && m_station1->alarm(marker), 15000);
        QVERIFY(!m_seen.has(cmd + QStringLiteral("bms-1"), forged));
        QVERIFY(m_seen.on(m_topics.alarm(QStringLiteral("bms-forged"))).empty());
        // Of everything on the site (adverts, alarm state, presence, the panic just sent), the BMS
        // received its commands only.
        QVERIFY(bms.publish(m_topics.prefix() + QStringLiteral("cmdack/bms-1"), QByteArray("marker"), 1, false));
        QTRY_VERIFY_WITH_TIMEOUT(m_seen.has(m_topics.prefix() + QStringLiteral("cmdack/bms-1"), QByteArray("marker")), 10000);
        std::lock_guard lock(heard.mutex);
        QVERIFY(!heard.messages.empty());
        for (const auto& [topic, payload] : heard.messages)
            QVERIFY2(topic == cmd + QStringLiteral("bms-1"), qPrintable(topic));
        qInfo("the BMS account received %zu message(s), all on its cmd/bms-1; its cmd/ and alarm/ writes were denied",
              heard.messages.size());
    }

    // (6) A MOKO gateway's account: its own topic passes and reaches the stations' accounts; another
    // gateway's topic is denied.
    void mokoGatewayWritesItsOwnTopicOnly()
    {
        const QByteArray report = R"([{"type":"iBeacon","mac":"AC233FA0B1C2","rssi":-61,"timestamp":1795737600000}])";
        MqttClient* gw = device(QStringLiteral("moko-gw1"));
        QVERIFY(gw->state() == MqttState::Connected);
        const qsizetype mark = brokerLog().size();
        QVERIFY(gw->publish(QStringLiteral("moko/moko-gw1/send"), report, 1, false));
        QVERIFY(gw->publish(QStringLiteral("moko/moko-gw9/send"), report, 1, false));
        QTRY_VERIFY_WITH_TIMEOUT(firstLineWith(brokerLogSince(mark), "'moko/moko-gw9/send'").contains("Denied PUBLISH"), 10000);
        QVERIFY2(!firstLineWith(brokerLogSince(mark), "'moko/moko-gw1/send'").contains("Denied"), brokerLogSince(mark).constData());
        // Read by a station account (the observer holds station-2's certificate).
        QTRY_VERIFY_WITH_TIMEOUT(m_seen.has(QStringLiteral("moko/moko-gw1/send"), report), 10000);
        QVERIFY(m_seen.on(QStringLiteral("moko/moko-gw9/send")).empty());
    }

    // (7) What the shift writes: the charge nurse takes charge (role/), assigns a patient (care/)
    // and discharges another (census/) at station-1; station-2 and the observer see each, and the
    // broker refused none (theStationsWereRefusedNothing reads its log).
    void shiftStateGoesThroughTheAcl()
    {
        const auto loaded = SiteLoader::loadDefault();
        QVERIFY(loaded.site);
        const StaffMember& charge = loaded.site->staff[0];
        QCOMPARE(charge.role, QStringLiteral("charge nurse"));
        const StaffMember& nurse = loaded.site->staff[1];
        const Patient& assigned = loaded.site->patients[5];
        const Patient& discharged = loaded.site->patients[6];
        m_station1->send("signin " + charge.id.toUtf8() + " 246801");
        QTRY_VERIFY_WITH_TIMEOUT(m_station1->said(QStringLiteral("signin"), true, charge.name), 20000);
        m_station1->send("charge");
        m_station1->send("assign " + assigned.id.toUtf8() + ' ' + nurse.id.toUtf8());
        m_station1->send("discharge " + discharged.id.toUtf8());
        const QString p = m_topics.prefix();
        QTRY_VERIFY_WITH_TIMEOUT(!m_seen.on(p + QStringLiteral("role/charge")).empty() &&
                                     !m_seen.on(p + QStringLiteral("care/") + assigned.id).empty() &&
                                     !m_seen.on(p + QStringLiteral("census/") + discharged.bed).empty(),
                                 20000);
    }

    // The ACL lets the stations do what they did here (their presence and alarm state on either
    // listener, escalation commands): the broker refused them nothing.
    void theStationsWereRefusedNothing()
    {
        const QList<QByteArray> lines = brokerLog().split('\n');
        auto published = [&](const QByteArray& client, const QString& topic) {
            return std::any_of(lines.begin(), lines.end(), [&](const QByteArray& line) {
                return line.contains("Received PUBLISH from " + client + " (") && line.contains(("'" + topic).toUtf8());
            });
        };
        for (const char* station : {"station-1", "station-2"}) {
            const QByteArray client = QByteArray("wardwatch-") + station;
            QVERIFY2(published(client, m_topics.station(QLatin1String(station))), station);
            QVERIFY2(published(client, m_topics.prefix() + QStringLiteral("alarm/")), station);
        }
        QVERIFY(published("wardwatch-station-1", m_topics.prefix() + QStringLiteral("cmd/")) ||
                published("wardwatch-station-2", m_topics.prefix() + QStringLiteral("cmd/")));
        for (const char* kind : {"role/", "care/", "census/"})
            QVERIFY2(published("wardwatch-station-1", m_topics.prefix() + QLatin1String(kind)), kind);
        for (const QByteArray& line : lines)
            QVERIFY2(!(line.contains("Denied") && line.contains("wardwatch-")), line.constData());
    }
};

QTEST_GUILESS_MAIN(TestBrokerTls)
#include "tst_broker_tls.moc"
