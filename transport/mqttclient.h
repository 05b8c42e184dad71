#pragma once
// A small Qt-friendly wrapper around libmosquitto (Debian ships no Qt MQTT module).
// The network runs on the client's own thread; the message handler is called there, so it must
// not touch widgets. Signals reach receivers in other threads as queued calls.
//
// Subscriptions (addSubscription) are sent again on every connect; the broker answers each with a
// SUBACK: subscribed() reports each answer, and once every subscription of the connection is
// granted, allSubscribed() turns true and subscriptionsAcknowledged() is emitted. From then on a
// message published by another client to a subscribed topic reaches this one, so tests wait for that
// (not for a time) before they publish. Signals are emitted on the network thread: a QSignalSpy
// (a direct connection) must not wait() on them from another thread (Qt 6.4's is not thread-safe);
// poll allSubscribed() (QTRY_VERIFY) or connect a receiver that lives in the waiting thread.
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

struct mosquitto;
struct mosquitto_message;
typedef struct mqtt5__property mosquitto_property;

namespace ww {

struct MqttWill
{
    QString topic;
    QByteArray payload;
    int qos = 1;
    bool retain = true;
};

struct MqttSettings
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    QString clientId;             // empty: random, and no persistent session
    QString username, password;
    bool tls = false;              // a TLS set-up that fails stops the client (setupError), never clear text
    QString caFile, certFile, keyFile; // no CA file with TLS: the system's trusted certificates
    int keepAliveS = 20;
    bool persistentSession = true; // QoS 1 traffic is queued by the broker while we are away
    quint32 sessionExpiryS = 24 * 3600;
    int protocolVersion = 5;       // 5, falling back to 3 (3.1.1) when the broker refuses MQTT 5
    int reconnectMinMs = 500;
    int reconnectMaxMs = 2'000;    // capped: a broker back after an outage is found within 2 s
    int maxPacketBytes = 0;        // MQTT 5: the largest packet the broker may send us (0: no limit)
    MqttWill will;                 // the station's own presence, published by the broker if we vanish
};

enum class MqttState { Disconnected, Connecting, Connected, WaitingToReconnect };
[[nodiscard]] QString toString(MqttState state);

class MqttClient : public QObject
{
    Q_OBJECT
public:
    // topic, payload, receive time (UTC ms). Called on the network thread.
    using MessageHandler = std::function<void(const char* topic, std::span<const std::byte> payload, qint64 rxMs)>;

    explicit MqttClient(MqttSettings settings, QObject* parent = nullptr);
    ~MqttClient() override;
    MqttClient(const MqttClient&) = delete;
    MqttClient& operator=(const MqttClient&) = delete;

    void setMessageHandler(MessageHandler handler); // before start()
    void addSubscription(const QString& filter, int qos); // before start(); renewed on every connect
    void start();
    // Clean disconnect (the broker does not publish the will), after what was published is written
    // and, at QoS 1, acknowledged; at most 10 s while connected.
    void stop();
    // Leaves the current connection (a clean DISCONNECT) and connects again after the usual
    // back-off: for a connection that stays up but carries nothing (see StationCore::watchBroker).
    // endSession (MQTT 5 with a persistent session): the DISCONNECT sets the session expiry to 0,
    // so the broker discards this client's session, with whatever it holds queued for it, and the
    // next connection starts a fresh one (sessionPresent() false) and subscribes again. Over MQTT
    // 3.1.1 there is no such property: the connection is left and the session resumed. Thread-safe;
    // nothing happens unless connected.
    void dropConnection(bool endSession);

    // Thread-safe. Returns false when the client library refused the message (it is then lost).
    bool publish(const QString& topic, const QByteArray& payload, int qos, bool retain);
    // Publishes the library still holds: at QoS 0 not yet written, at QoS 1 not yet acknowledged by
    // the broker (PUBACK: it has the message, and keeps it if retained). Thread-safe; counts a
    // publish() once it has returned. Tests wait for 0 before a step that needs the broker to have it.
    [[nodiscard]] int unacknowledged() const { return std::max(m_unsent.load(), 0); }

    [[nodiscard]] MqttState state() const { return m_state.load(); }
    // Whether the broker kept this client's session at the last connection (CONNACK): false on a
    // first connection, or when the broker lost it (restarted without persistence, expired).
    [[nodiscard]] bool sessionPresent() const { return m_sessionPresent.load(); }
    [[nodiscard]] int protocolInUse() const { return m_protocol.load(); }
    [[nodiscard]] quint64 reconnects() const { return m_reconnects.load(); }
    [[nodiscard]] const MqttSettings& settings() const { return m_settings; }
    // True while connected and every subscription has been granted by the broker on this connection
    // (also with no subscription at all, once connected). Thread-safe.
    [[nodiscard]] bool allSubscribed() const { return m_allSubscribed.load(); }
    // Why the client does not connect at all (a TLS set-up that failed), empty when it tries.
    [[nodiscard]] const QString& setupError() const { return m_setupError; }
    static constexpr const char* SystemCaPath = "/etc/ssl/certs";

Q_SIGNALS:
    void stateChanged(ww::MqttState state, const QString& detail);
    // A SUBACK: mid is the subscription's packet id, grantedQos the QoS granted for each of its
    // filters, or the broker's refusal (a reason code of 128 or more; also logged). Network thread.
    void subscribed(int mid, const QList<int>& grantedQos);
    // Every subscription is granted (allSubscribed() just turned true): once per connection, after
    // stateChanged(Connected). Not emitted on a connection where one was refused. Network thread.
    void subscriptionsAcknowledged();

private:
    void run();
    bool connectOnce(bool first);
    void setState(MqttState s, const QString& detail);
    void waitBackoff();
    static void onConnect(mosquitto*, void* self, int rc, int flags, const mosquitto_property*);
    static void onDisconnect(mosquitto*, void* self, int rc, const mosquitto_property*);
    static void onMessage(mosquitto*, void* self, const mosquitto_message* msg, const mosquitto_property*);
    static void onPublish(mosquitto*, void* self, int mid, int reasonCode, const mosquitto_property*);
    static void onSubscribe(mosquitto*, void* self, int mid, int count, const int* granted, const mosquitto_property*);
    int loopOnce();

    MqttSettings m_settings;
    MessageHandler m_handler;
    std::vector<std::pair<QByteArray, int>> m_subscriptions;
    mosquitto* m_mosq = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    QString m_setupError; // set in the constructor, read-only afterwards
    std::atomic<MqttState> m_state{MqttState::Disconnected};
    std::atomic<int> m_protocol{5};
    std::atomic<bool> m_refusedProtocol{false};
    std::atomic<bool> m_sessionPresent{false};
    std::atomic<quint64> m_reconnects{0};
    int m_backoffMs = 0;
    quint64 m_delivered = 0; // messages handed to the handler (network thread only)
    // This connection's subscriptions not yet granted, by packet id, and whether one failed or was
    // refused (network thread only).
    std::vector<int> m_pendingSubacks;
    bool m_subscribeFailed = false;
    std::atomic<bool> m_allSubscribed{false};
    // Publishes the library holds: QoS 0 not yet written, QoS 1 not yet acknowledged.
    std::atomic<int> m_unsent{0};
    std::mutex m_waitMutex;
    std::condition_variable m_wake;
};

} // namespace ww
