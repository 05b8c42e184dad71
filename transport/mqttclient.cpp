#include "transport/mqttclient.h"
#include "transport/logging.h"

#include <QDateTime>
#include <QUuid>
#include <algorithm>
#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <pthread.h>

namespace ww {

QString toString(MqttState state)
{
    switch (state) {
    case MqttState::Disconnected: return QObject::tr("disconnected");
    case MqttState::Connecting: return QObject::tr("connecting");
    case MqttState::Connected: return QObject::tr("connected");
    case MqttState::WaitingToReconnect: return QObject::tr("reconnecting");
    }
    return {};
}

MqttClient::MqttClient(MqttSettings settings, QObject* parent) : QObject(parent), m_settings(std::move(settings))
{
    static std::once_flag libInit;
    std::call_once(libInit, [] { mosquitto_lib_init(); });
    const bool persistent = m_settings.persistentSession && !m_settings.clientId.isEmpty();
    if (m_settings.clientId.isEmpty())
        m_settings.clientId = QStringLiteral("ww-") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    m_settings.persistentSession = persistent;
    m_mosq = mosquitto_new(m_settings.clientId.toUtf8().constData(), !persistent, this);
    m_protocol = m_settings.protocolVersion == 5 ? 5 : 4;
    mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, m_protocol == 5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    // Incoming QoS 1 messages in flight at once (MQTT 5): as many as the protocol allows, not
    // libmosquitto's 20. Each is acknowledged as soon as it is handed on, so this costs nothing,
    // and mosquitto 2.0.11 with queue_qos0_messages loses QoS 1 messages of a resumed session
    // whose queue holds more of them than this among QoS 0 ones (docs/operations.md).
    mosquitto_int_option(m_mosq, MOSQ_OPT_RECEIVE_MAXIMUM, 65535);
    // We run the network loop on our own thread rather than mosquitto_loop_start(), to own the
    // back-off and the protocol fallback; tell the library so that publish() only queues.
    mosquitto_threaded_set(m_mosq, true);
    // Alarms and acknowledgements are small packets that must not wait for Nagle's algorithm and the
    // peer's delayed ACK (about 40 ms on Linux).
    mosquitto_int_option(m_mosq, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_v5_callback_set(m_mosq, &MqttClient::onConnect);
    mosquitto_disconnect_v5_callback_set(m_mosq, &MqttClient::onDisconnect);
    mosquitto_message_v5_callback_set(m_mosq, &MqttClient::onMessage);
    mosquitto_publish_v5_callback_set(m_mosq, &MqttClient::onPublish);
    mosquitto_subscribe_v5_callback_set(m_mosq, &MqttClient::onSubscribe);
    if (!m_settings.username.isEmpty())
        mosquitto_username_pw_set(m_mosq, m_settings.username.toUtf8().constData(),
                                  m_settings.password.isEmpty() ? nullptr : m_settings.password.toUtf8().constData());
    if (m_settings.tls) {
        // Without a CA file of the site's own, the system's trusted certificates. A set-up that fails
        // stops the client: it never falls back to clear text (the password would go with it).
        const QByteArray ca = m_settings.caFile.toLocal8Bit(), cert = m_settings.certFile.toLocal8Bit(),
                         key = m_settings.keyFile.toLocal8Bit();
        const int rc = mosquitto_tls_set(m_mosq, ca.isEmpty() ? nullptr : ca.constData(), ca.isEmpty() ? SystemCaPath : nullptr,
                                         cert.isEmpty() ? nullptr : cert.constData(), key.isEmpty() ? nullptr : key.constData(),
                                         nullptr);
        if (rc != MOSQ_ERR_SUCCESS) {
            m_setupError = tr("TLS set-up failed (%1): %2; not connecting")
                               .arg(ca.isEmpty() ? QString::fromLatin1(SystemCaPath) : m_settings.caFile,
                                    QString::fromLatin1(mosquitto_strerror(rc)));
            qCCritical(lcMqtt).noquote() << m_setupError;
        }
    }
    if (!m_settings.will.topic.isEmpty())
        mosquitto_will_set(m_mosq, m_settings.will.topic.toUtf8().constData(), int(m_settings.will.payload.size()),
                           m_settings.will.payload.constData(), m_settings.will.qos, m_settings.will.retain);
}

MqttClient::~MqttClient()
{
    stop();
    mosquitto_destroy(m_mosq);
}

void MqttClient::setMessageHandler(MessageHandler handler)
{
    m_handler = std::move(handler);
}

void MqttClient::addSubscription(const QString& filter, int qos)
{
    m_subscriptions.emplace_back(filter.toUtf8(), qos);
}

void MqttClient::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void MqttClient::stop()
{
    if (!m_thread.joinable())
        return;
    // QoS 1 messages beyond the broker's receive maximum wait in the library for the
    // acknowledgements of earlier ones; a DISCONNECT now would leave them unsent (a station that
    // quits right after a burst of acknowledgements would lose some). Bounded: the broker may be gone.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (m_unsent.load() > 0 && state() == MqttState::Connected && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    m_stopping = true;
    mosquitto_disconnect(m_mosq);
    m_wake.notify_all();
    m_thread.join();
    setState(MqttState::Disconnected, tr("stopped"));
}

void MqttClient::dropConnection(bool endSession)
{
    if (state() != MqttState::Connected || m_stopping)
        return;
    int rc = MOSQ_ERR_SUCCESS;
    if (endSession && m_protocol == 5 && m_settings.persistentSession) {
        mosquitto_property* props = nullptr;
        mosquitto_property_add_int32(&props, MQTT_PROP_SESSION_EXPIRY_INTERVAL, 0);
        rc = mosquitto_disconnect_v5(m_mosq, MQTT_RC_NORMAL_DISCONNECTION, props);
        mosquitto_property_free_all(&props);
    } else {
        rc = mosquitto_disconnect(m_mosq);
    }
    qCInfo(lcMqtt).noquote() << (endSession ? "leaving the connection and ending the session:" : "leaving the connection:")
                             << mosquitto_strerror(rc);
    // The network thread writes the DISCONNECT, finds the connection closed and reconnects.
}

bool MqttClient::publish(const QString& topic, const QByteArray& payload, int qos, bool retain)
{
    const int rc = mosquitto_publish(m_mosq, nullptr, topic.toUtf8().constData(), int(payload.size()),
                                     payload.constData(), qos, retain);
    if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_NO_CONN) {
        qCWarning(lcMqtt) << "publish to" << topic << "failed:" << mosquitto_strerror(rc);
        return false;
    }
    // With no connection, QoS 1 messages stay queued in the client and go out on reconnect.
    const bool queued = rc == MOSQ_ERR_SUCCESS || qos > 0;
    if (queued)
        m_unsent.fetch_add(1); // onPublish may have run already: the count dips below zero meanwhile
    return queued;
}

void MqttClient::setState(MqttState s, const QString& detail)
{
    if (s != MqttState::Connected)
        m_allSubscribed = false; // subscriptions are sent again, and acknowledged again, on the next connect
    if (m_state.exchange(s) != s || s == MqttState::WaitingToReconnect)
        Q_EMIT stateChanged(s, detail);
}

bool MqttClient::connectOnce(bool first)
{
    setState(MqttState::Connecting, QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port));
    int rc = MOSQ_ERR_SUCCESS;
    if (first || m_refusedProtocol) {
        if (m_refusedProtocol.exchange(false) && m_protocol == 5) {
            qCInfo(lcMqtt) << "broker refused MQTT 5; falling back to MQTT 3.1.1";
            m_protocol = 4;
            mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
        }
        mosquitto_property* props = nullptr;
        if (m_protocol == 5 && m_settings.persistentSession)
            mosquitto_property_add_int32(&props, MQTT_PROP_SESSION_EXPIRY_INTERVAL, m_settings.sessionExpiryS);
        // The largest packet the broker may send: larger messages are dropped at the broker, never
        // read into this process's memory (MQTT 5 only; the station's own check catches the rest).
        if (m_protocol == 5 && m_settings.maxPacketBytes > 0)
            mosquitto_property_add_int32(&props, MQTT_PROP_MAXIMUM_PACKET_SIZE, quint32(m_settings.maxPacketBytes));
        rc = mosquitto_connect_bind_v5(m_mosq, m_settings.host.toUtf8().constData(), m_settings.port,
                                       m_settings.keepAliveS, nullptr, props);
        mosquitto_property_free_all(&props);
    } else {
        rc = mosquitto_reconnect(m_mosq);
    }
    if (rc != MOSQ_ERR_SUCCESS) {
        const QString why = rc == MOSQ_ERR_ERRNO ? QString::fromLocal8Bit(strerror(errno))
                                                 : QString::fromLatin1(mosquitto_strerror(rc));
        setState(MqttState::WaitingToReconnect, why);
        return false;
    }
    return true;
}

void MqttClient::waitBackoff()
{
    m_backoffMs = m_backoffMs == 0 ? m_settings.reconnectMinMs : std::min(m_backoffMs * 2, m_settings.reconnectMaxMs);
    std::unique_lock lock(m_waitMutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(m_backoffMs), [this] { return m_stopping.load(); });
}

void MqttClient::run()
{
    pthread_setname_np(pthread_self(), "ww-mqtt"); // named in top -H, perf and the ingest benchmark
    bool first = true;
    bool linkUp = false;
    if (!m_setupError.isEmpty()) { // never connects: says why (the state stays Disconnected) and waits to be stopped
        Q_EMIT stateChanged(MqttState::Disconnected, m_setupError);
        std::unique_lock lock(m_waitMutex);
        m_wake.wait(lock, [this] { return m_stopping.load(); });
        return;
    }
    while (!m_stopping) {
        if (!linkUp) {
            if (!first)
                ++m_reconnects;
            linkUp = connectOnce(first);
            first = false;
            if (!linkUp) {
                waitBackoff();
                continue;
            }
        }
        const int rc = loopOnce();
        if (rc != MOSQ_ERR_SUCCESS && !m_stopping) {
            linkUp = false;
            setState(MqttState::WaitingToReconnect, QString::fromLatin1(mosquitto_strerror(rc)));
            waitBackoff();
        }
    }
    // Let what is queued, and then a clean DISCONNECT, go out (bounded: the broker may be gone).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (mosquitto_want_write(m_mosq) && std::chrono::steady_clock::now() < deadline)
        if (mosquitto_loop(m_mosq, 10, 1) != MOSQ_ERR_SUCCESS)
            break;
}

int MqttClient::loopOnce()
{
    // mosquitto_loop waits for the socket (or for a publish from another thread), then reads one
    // packet. Under load, read on while packets keep coming: a read that finds nothing costs one
    // system call, where the wait costs a select and its set-up per packet. Writes wait at most
    // MaxBurst packets.
    constexpr int MaxBurst = 64;
    int rc = mosquitto_loop(m_mosq, 100, 1);
    for (int i = 0; rc == MOSQ_ERR_SUCCESS && i < MaxBurst; ++i) {
        const quint64 before = m_delivered;
        rc = mosquitto_loop_read(m_mosq, 1);
        if (m_delivered == before)
            break; // nothing more to read now, or a packet that is not a message: back to waiting
    }
    if (rc == MOSQ_ERR_SUCCESS && mosquitto_want_write(m_mosq))
        rc = mosquitto_loop_write(m_mosq, 1);
    return rc;
}

void MqttClient::onPublish(mosquitto*, void* obj, int, int, const mosquitto_property*)
{
    static_cast<MqttClient*>(obj)->m_unsent.fetch_sub(1);
}

void MqttClient::onConnect(mosquitto* mosq, void* obj, int rc, int flags, const mosquitto_property*)
{
    auto* self = static_cast<MqttClient*>(obj);
    if (rc == MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION || rc == CONNACK_REFUSED_PROTOCOL_VERSION) {
        self->m_refusedProtocol = true;
        mosquitto_disconnect(mosq);
        return;
    }
    if (rc != 0) {
        // MQTT 5 answers with a reason code (135: not authorized), 3.1.1 with a CONNACK code.
        self->setState(MqttState::WaitingToReconnect,
                       QString::fromLatin1(self->m_protocol == 5 ? mosquitto_reason_string(rc) : mosquitto_connack_string(rc)));
        return;
    }
    self->m_backoffMs = 0;
    self->m_sessionPresent = (flags & 0x01) != 0; // CONNACK's session-present flag
    self->m_allSubscribed = false;
    self->m_pendingSubacks.clear();
    self->m_subscribeFailed = false;
    for (const auto& [filter, qos] : self->m_subscriptions) {
        int mid = 0;
        const int src = mosquitto_subscribe(mosq, &mid, filter.constData(), qos);
        if (src == MOSQ_ERR_SUCCESS) {
            self->m_pendingSubacks.push_back(mid);
        } else {
            self->m_subscribeFailed = true;
            qCWarning(lcMqtt) << "subscribe to" << filter << "failed:" << mosquitto_strerror(src);
        }
    }
    self->setState(MqttState::Connected, QStringLiteral("MQTT %1").arg(self->m_protocol == 5 ? QStringLiteral("5")
                                                                                              : QStringLiteral("3.1.1")));
    // The SUBACKs are read on this thread, after this returns.
    if (self->m_subscriptions.empty()) {
        self->m_allSubscribed = true;
        Q_EMIT self->subscriptionsAcknowledged();
    }
}

void MqttClient::onSubscribe(mosquitto*, void* obj, int mid, int count, const int* granted, const mosquitto_property*)
{
    auto* self = static_cast<MqttClient*>(obj);
    QList<int> grantedQos(granted, granted + std::max(count, 0));
    for (const int q : std::as_const(grantedQos))
        if (q >= 0x80) {
            self->m_subscribeFailed = true;
            qCWarning(lcMqtt) << "the broker refused a subscription (packet" << mid << "), reason code" << q;
        }
    Q_EMIT self->subscribed(mid, grantedQos);
    const auto it = std::find(self->m_pendingSubacks.begin(), self->m_pendingSubacks.end(), mid);
    if (it == self->m_pendingSubacks.end())
        return; // not one of this connection's
    self->m_pendingSubacks.erase(it);
    if (self->m_pendingSubacks.empty() && !self->m_subscribeFailed && self->state() == MqttState::Connected) {
        self->m_allSubscribed = true;
        Q_EMIT self->subscriptionsAcknowledged();
    }
}

void MqttClient::onDisconnect(mosquitto*, void* obj, int rc, const mosquitto_property*)
{
    auto* self = static_cast<MqttClient*>(obj);
    if (!self->m_stopping && !self->m_refusedProtocol)
        self->setState(MqttState::WaitingToReconnect, rc == 0 ? tr("disconnected by request")
                                                               : QString::fromLatin1(mosquitto_strerror(rc)));
}

void MqttClient::onMessage(mosquitto*, void* obj, const mosquitto_message* msg, const mosquitto_property*)
{
    auto* self = static_cast<MqttClient*>(obj);
    ++self->m_delivered;
    if (self->m_handler)
        self->m_handler(msg->topic, {static_cast<const std::byte*>(msg->payload), size_t(msg->payloadlen)},
                        QDateTime::currentMSecsSinceEpoch());
}

} // namespace ww
