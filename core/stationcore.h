#pragma once
// The station's data path, wired once for the app, the server executables, the integration tests
// and the benchmarks: MQTT client (network thread: reads, copies the frame) -> WardCore (core
// thread: classifies, decodes, updates the state, runs the rules) -> whoever connects to the
// core's signals (the item models on the GUI thread, the headless station's output). What the core
// sends goes back out through MqttOutputs (alarm state, escalations, census entries, positions).
#include "core/outputs.h"
#include "core/wardcore.h"
#include "domain/clock.h"
#include "domain/site.h"
#include "transport/ingest.h"
#include "transport/mqttclient.h"
#include "transport/signing.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>

namespace ww {

struct StationOptions
{
    QString stationId = QStringLiteral("station-1");
    MqttSettings mqtt;
    IngestConfig ingest;
    QString alarmLogPath; // SQLite alarm log; empty: no alarm engine
    QString positioningMemoryPath; // WardCore::enablePositioningMemory; empty: none kept
    PositionSource positionSource = PositionSource::Own; // a station's: its own fixes or the engines'
    // A positioning engine (wardwatch-engine), stationId its engine id: no alarms, no census; it
    // publishes the fixes of the tags it owns on pos/{tag} and its presence with engine = true.
    bool engine = false;
    // Signs what the station publishes on alarm/, census/ and cmd/ and an engine on pos/; none: the
    // state goes out unsigned (taken only by sites that accept unsigned state).
    std::shared_ptr<MessageSigner> signer;
    // The station's signing key, listed or not: it seals the alarm log (records/alarmlog.h).
    std::shared_ptr<const SigningKey> sealKey;
};

// The core's outputs as MQTT messages: shared alarm state retained (QoS 1) so a station that starts
// late sees it, a closed alarm's last state once and then its retained message cleared; escalations
// as commands; one retained census entry per bed; an engine's fixes on pos/{tag}. All of it signed
// when the station has a key.
class MqttOutputs final : public AlarmPublisher, public CensusPublisher, public PositionPublisher, public CarePublisher
{
public:
    MqttOutputs(MqttClient& mqtt, const Topics& topics, const Clock& clock, QString stationId,
                std::shared_ptr<MessageSigner> signer)
        : m_mqtt(mqtt), m_topics(topics), m_clock(clock), m_stationId(std::move(stationId)), m_signer(std::move(signer))
    {
    }
    void publishAlarm(const AlarmState& state) override;
    void clearAlarm(const QString& id) override;
    void escalate(const AlarmState& state, const EscalationStep& step) override;
    void publishCensus(const CensusEntryMsg& entry) override;
    void publishPosition(const PositionMsg& fix) override;
    void publishCare(const CareEntryMsg& entry) override;
    void publishRole(const ShiftRoleMsg& entry) override;
    void helpComing(const AlarmState& alarm, const QString& responderName) override;
    void sendSetpoint(const QString& bmsDevice, const ClimateSetpointMsg& setpoint) override;

private:
    void send(const QString& topic, const QByteArray& body, int qos, bool retain);

    MqttClient& m_mqtt;
    const Topics& m_topics;
    const Clock& m_clock;
    QString m_stationId;
    std::shared_ptr<MessageSigner> m_signer;
};

class StationCore : public QObject
{
    Q_OBJECT
public:
    StationCore(const Site& site, const Clock& clock, StationOptions options, QObject* parent = nullptr);
    ~StationCore() override;

    void start(); // core thread, then the network
    void stop();

    [[nodiscard]] WardCore& core() { return *m_core; }
    [[nodiscard]] IngestStats& stats() { return m_stats; }
    [[nodiscard]] MqttClient& mqtt() { return *m_mqtt; }
    [[nodiscard]] const StationOptions& options() const { return m_options; }
    [[nodiscard]] MqttState connectionState() const { return m_mqtt->state(); }

    // The broker answers when the station's own presence, re-announced every PresenceEveryMs at
    // QoS 1 and subscribed to at QoS 1 (station/+), comes back through it. Any other traffic is no
    // proof: a broker can go on sending QoS 0 adverts to a session whose QoS 1 delivery has stalled
    // (mosquitto 2.0.11 resuming a session from a database saved before a crash sends it no QoS 1
    // message at all: not the events queued for it, not the station's own retained presence). A
    // connection without that echo for SilentBrokerMs is deaf (hung broker, dead link, stalled
    // session): tech.broker is raised and the station leaves the connection and resumes its
    // session on a new one. If that resumed session is deaf too, the station leaves it and ends
    // the session (MqttClient::dropConnection): the next connection starts a fresh session, its
    // subscriptions are made again and the core republishes its open alarms (as for any session
    // the broker did not keep). What the broker held queued for the old session is gone; device
    // events among it show as a gap in their sequence numbers and are counted lost and raised
    // (tech.events-lost). tech.broker ends once the presence comes back.
    static constexpr qint64 SilentBrokerMs = 3000;
    static constexpr int PresenceEveryMs = 1000;
    [[nodiscard]] bool brokerSilent() const { return m_silent; }
    // Connections left because they were deaf (counted on the station's thread).
    [[nodiscard]] quint64 deafConnectionsLeft() const { return m_deafLeft; }

Q_SIGNALS:
    void connectionChanged(ww::MqttState state, const QString& detail);


private:
    void announcePresence(bool online);
    void watchBroker();
    void setBrokerLost(bool lost, const QString& detail);

    const Site& m_site;
    const Clock& m_clock;
    StationOptions m_options;
    DeviceDirectory m_directory; // read by the network thread, never changed after construction
    IngestStats m_stats;
    QThread m_coreThread;
    WardCore* m_core; // lives on m_coreThread, deleted when it finishes
    std::unique_ptr<MqttClient> m_mqtt;
    std::unique_ptr<MqttOutputs> m_outputs;
    // Steady milliseconds of the last echo of the station's own presence (set on the network thread).
    std::shared_ptr<std::atomic<qint64>> m_lastEchoMs = std::make_shared<std::atomic<qint64>>(-1);
    QElapsedTimer m_steady;
    QTimer m_watch;
    qint64 m_connectedAtMs = -1; // the current connection's start (steady ms), -1 while not connected
    quint64 m_watchTicks = 0;
    bool m_silent = false;      // a connection was found deaf and none has answered since
    bool m_answering = false;   // the current connection has echoed the presence, tech.broker ended
    int m_deafInARow = 0;       // consecutive connections found deaf
    quint64 m_deafLeft = 0;
    qint64 m_pausedUntilMs = 0; // this station's AUDIO PAUSED, announced with its presence
    QString m_pausedBy;
};

} // namespace ww
