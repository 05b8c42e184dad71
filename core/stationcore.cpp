#include "core/stationcore.h"
#include "core/logging.h"

namespace ww {

namespace {

QByteArray presencePayload(const QString& stationId, const QString& siteHash, bool online, qint64 nowMs, bool engine,
                           qint64 pausedUntilMs = 0, const QString& pausedBy = {})
{
    StationPresenceMsg p;
    p.stationId = stationId;
    p.online = online;
    p.siteHash = siteHash;
    p.deviceTimeMs = nowMs;
    p.engine = engine;
    if (online && pausedUntilMs > nowMs) {
        p.audioPausedUntilMs = pausedUntilMs;
        p.audioPausedBy = pausedBy;
    }
    return encode(p);
}

} // namespace

void MqttOutputs::send(const QString& topic, const QByteArray& body, int qos, bool retain)
{
    m_mqtt.publish(topic, m_signer ? m_signer->sign(topic, body) : body, qos, retain);
}

void MqttOutputs::publishAlarm(const AlarmState& a)
{
    send(m_topics.alarm(a.id), encode(a, m_clock.nowMs()), 1, !a.closed());
}

void MqttOutputs::clearAlarm(const QString& id)
{
    m_mqtt.publish(m_topics.alarm(id), {}, 1, true); // an empty retained message clears the topic
}

void MqttOutputs::escalate(const AlarmState& a, const EscalationStep& step)
{
    // A person's badge is called (it vibrates, shows the text and answers on cmdack/); any other
    // target gets the escalation step.
    const QByteArray body = step.callText.isEmpty()
                                ? encodeEscalation(a, a.escalationStep, step.target, m_stationId, m_clock.nowMs())
                                : encodeBadgeCall(a, a.escalationStep, step.callText, m_stationId, m_clock.nowMs());
    send(m_topics.command(step.target), body, 1, false);
}

void MqttOutputs::publishCare(const CareEntryMsg& e)
{
    send(m_topics.care(e.patientId), encode(e), 1, true);
}

void MqttOutputs::publishRole(const ShiftRoleMsg& r)
{
    send(m_topics.role(r.role), encode(r), 1, true);
}

void MqttOutputs::helpComing(const AlarmState& a, const QString& responderName)
{
    send(m_topics.command(a.source), encodeHelpComing(a, responderName, m_stationId, m_clock.nowMs()), 1, false);
}

void MqttOutputs::sendSetpoint(const QString& bmsDevice, const ClimateSetpointMsg& setpoint)
{
    send(m_topics.command(bmsDevice), encode(setpoint), 1, false);
}

void MqttOutputs::publishCensus(const CensusEntryMsg& e)
{
    send(m_topics.census(e.bed), encode(e), 1, true);
}

void MqttOutputs::publishPosition(const PositionMsg& p)
{
    send(m_topics.position(p.tagId), encode(p), 0, false);
}

StationCore::StationCore(const Site& site, const Clock& clock, StationOptions options, QObject* parent)
    : QObject(parent), m_site(site), m_clock(clock), m_options(std::move(options)), m_directory(site),
      m_core(new WardCore(site, m_directory, clock, m_stats, m_options.ingest))
{
    qRegisterMetaType<ww::MqttState>();
    m_coreThread.setObjectName(QStringLiteral("ww-core"));
    m_core->moveToThread(&m_coreThread);
    connect(&m_coreThread, &QThread::finished, m_core, &QObject::deleteLater);
    connect(&m_coreThread, &QThread::started, m_core, &WardCore::start);

    const Topics& t = m_core->topics();
    if (m_options.engine)
        m_options.alarmLogPath.clear(); // an engine raises no alarms: the stations do
    MqttSettings mqtt = m_options.mqtt;
    mqtt.will = MqttWill{t.station(m_options.stationId),
                         presencePayload(m_options.stationId, site.hash, false, 0, m_options.engine), 1, true};
    // Messages over the payload limit are dropped at the broker (MQTT 5), not read into memory:
    // the limit, the longest topic and the properties.
    if (mqtt.maxPacketBytes == 0 && m_options.ingest.maxPayloadBytes > 0)
        mqtt.maxPacketBytes = m_options.ingest.maxPayloadBytes + 65'535 + 1024;
    if (mqtt.clientId.isEmpty())
        mqtt.clientId = (m_options.engine ? QStringLiteral("wardwatch-engine-") : QStringLiteral("wardwatch-")) + m_options.stationId;
    m_mqtt = std::make_unique<MqttClient>(mqtt);
    m_outputs = std::make_unique<MqttOutputs>(*m_mqtt, t, clock, m_options.stationId, m_options.signer);
    if (!m_options.positioningMemoryPath.isEmpty())
        m_core->enablePositioningMemory(m_options.positioningMemoryPath);
    if (m_options.engine)
        m_core->enableEngine(m_options.stationId, m_outputs.get());
    else
        m_core->setPositionSource(m_options.positionSource);
    if (!m_options.alarmLogPath.isEmpty())
        m_core->enableAlarms(m_options.stationId, m_options.alarmLogPath, StationOutputs{m_outputs.get(), m_outputs.get(), m_outputs.get()},
                              m_options.sealKey);

    const QString p = t.prefix();
    // An engine needs the adverts and who else is online; a station everything.
    m_mqtt->addSubscription(p + QStringLiteral("gw/+/adv"), 0);
    m_mqtt->addSubscription(p + QStringLiteral("station/+"), 1);
    if (!m_options.engine) {
        m_mqtt->addSubscription(p + QStringLiteral("dev/+/+"), 1);
        m_mqtt->addSubscription(p + QStringLiteral("alarm/+"), 1);
        m_mqtt->addSubscription(p + QStringLiteral("pos/+"), 0);
        m_mqtt->addSubscription(p + QStringLiteral("census/+"), 1);
        m_mqtt->addSubscription(p + QStringLiteral("care/+"), 1);
        m_mqtt->addSubscription(p + QStringLiteral("role/+"), 1);
        m_mqtt->addSubscription(p + QStringLiteral("cmdack/+"), 1);
    }
    if (!m_options.ingest.mokoFilter.isEmpty())
        m_mqtt->addSubscription(m_options.ingest.mokoFilter, 0);
    // The network thread only copies frames; the core thread decodes and applies them.
    m_steady.start();
    m_mqtt->setMessageHandler([core = m_core, echo = m_lastEchoMs, steady = m_steady,
                               own = t.station(m_options.stationId).toUtf8()](const char* topic, std::span<const std::byte> payload,
                                                                             qint64 rx) {
        if (own == topic)
            echo->store(steady.elapsed(), std::memory_order_relaxed);
        core->receive(topic, payload, rx);
    });
    connect(m_mqtt.get(), &MqttClient::stateChanged, this, [this](MqttState s, const QString& detail) {
        m_answering = false;
        if (s == MqttState::Connected) {
            m_connectedAtMs = m_steady.elapsed();
            announcePresence(true);
            // A session the broker did not keep: its retained alarm states may be gone too.
            if (!m_mqtt->sessionPresent())
                QMetaObject::invokeMethod(m_core, "republishAlarms", Qt::QueuedConnection);
            // tech.broker ends when the presence comes back through this connection (watchBroker).
        } else {
            m_connectedAtMs = -1;
            // Losing the broker is a technical alarm of this station (after the rule's delay).
            setBrokerLost(true, detail);
        }
        Q_EMIT connectionChanged(s, detail);
    });
    // This station's AUDIO PAUSED goes out with its presence at once and every second while it lasts.
    connect(m_core, &WardCore::audioPaused, this, [this](qint64 untilMs, const QString& by) {
        m_pausedUntilMs = untilMs;
        m_pausedBy = by;
        if (m_connectedAtMs >= 0)
            announcePresence(true);
    });
    // Twice a second: a broker that sent nothing for SilentBrokerMs, though connected, counted as
    // lost; every second, the presence re-announced (it comes back through a working broker).
    m_watch.setInterval(PresenceEveryMs / 2);
    connect(&m_watch, &QTimer::timeout, this, &StationCore::watchBroker);
}

StationCore::~StationCore()
{
    stop();
    m_coreThread.quit();
    m_coreThread.wait();
}

void StationCore::start()
{
    if (!m_coreThread.isRunning())
        m_coreThread.start();
    m_mqtt->start();
    m_watch.start();
}

void StationCore::stop()
{
    m_watch.stop();
    if (m_mqtt->state() == MqttState::Connected)
        announcePresence(false); // a clean exit says so; the will covers the unclean one
    m_mqtt->stop();
}

void StationCore::setBrokerLost(bool lost, const QString& detail)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, lost, detail] {
        core->setLocalCondition(QStringLiteral("tech.broker"), QStringLiteral("broker"), lost,
                                QStringLiteral("station.broker-lost"), {detail});
    }, Qt::QueuedConnection);
}

void StationCore::watchBroker()
{
    if (m_connectedAtMs < 0)
        return;
    if ((m_watchTicks++ % 2) == 0)
        announcePresence(true);
    const qint64 now = m_steady.elapsed();
    const qint64 echo = m_lastEchoMs->load(std::memory_order_relaxed);
    if (echo >= m_connectedAtMs) { // this connection carries the station's own QoS 1 traffic
        m_deafInARow = 0;
        if (!m_answering) {
            m_answering = true;
            setBrokerLost(false, QString());
            if (m_silent) {
                m_silent = false;
                Q_EMIT connectionChanged(MqttState::Connected, QString());
            }
        }
    }
    const qint64 since = std::max(m_connectedAtMs, echo);
    if (now - since <= SilentBrokerMs)
        return;
    // Deaf: raised, and the connection left. The first deaf connection is left with its session
    // kept (a dead link or a hung broker loses nothing that way); a resumed session that is deaf
    // again is ended, so that the next connection starts a fresh one.
    const bool endSession = m_deafInARow > 0 && m_mqtt->sessionPresent();
    ++m_deafInARow;
    ++m_deafLeft;
    const QString why = QStringLiteral("no answer for %1 s").arg((now - since) / 1000);
    if (!m_silent) {
        m_silent = true;
        Q_EMIT connectionChanged(MqttState::Connecting, tr("broker not answering"));
    }
    m_answering = false;
    setBrokerLost(true, why);
    qCWarning(lcCore).noquote() << QStringLiteral("broker connection deaf (%1): leaving it and %2")
                                       .arg(why, endSession ? QStringLiteral("ending its session")
                                                            : QStringLiteral("resuming the session"));
    m_connectedAtMs = now; // should the connection not close, it is found deaf again in SilentBrokerMs
    m_mqtt->dropConnection(endSession);
}

void StationCore::announcePresence(bool online)
{
    m_mqtt->publish(m_core->topics().station(m_options.stationId),
                    presencePayload(m_options.stationId, m_site.hash, online, m_clock.nowMs(), m_options.engine,
                                    m_pausedUntilMs, m_pausedBy),
                    1, true);
}

} // namespace ww
