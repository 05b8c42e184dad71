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
    PositionSource positionSource = PositionSource::Own; // a station's: its own fixes or the engines'
    // A positioning engine (wardwatch-engine), stationId its engine id: no alarms, no census; it
    // publishes the fixes of the tags it owns on pos/{tag} and its presence with engine = true.
    bool engine = false;
    // Signs what the station publishes on alarm/, census/ and cmd/ and an engine on pos/; none: the
    // state goes out unsigned (taken only by sites that accept unsigned state).
    std::shared_ptr<MessageSigner> signer;
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

    // A connected broker that stopped answering (hung, or a dead link the TCP stack has not noticed)
    // is taken as lost after this long without any message from it; the station's own presence,
    // re-announced every PresenceEveryMs, comes back through it when it works.
    static constexpr qint64 SilentBrokerMs = 3000;
    static constexpr int PresenceEveryMs = 1000;
    [[nodiscard]] bool brokerSilent() const { return m_silent; }

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
    // Steady milliseconds of the last message from the broker (set on the network thread).
    std::shared_ptr<std::atomic<qint64>> m_lastRxMs = std::make_shared<std::atomic<qint64>>(0);
    QElapsedTimer m_steady;
    QTimer m_watch;
    qint64 m_connectedAtMs = -1;
    quint64 m_watchTicks = 0;
    bool m_silent = false;
};

} // namespace ww
