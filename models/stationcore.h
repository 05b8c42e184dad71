#pragma once
// The station's data path, wired once for the app, the integration tests and the benchmarks:
// MQTT client (network thread: reads, classifies the topic, copies the frame) -> WardCore (core
// thread: ingest decodes, then the state is updated) -> WardModels (the thread that owns this
// object, the GUI thread in the app), in coalesced batches.
#include "domain/clock.h"
#include "domain/site.h"
#include "models/wardcore.h"
#include "models/wardmodels.h"
#include "transport/ingest.h"
#include "transport/mqttclient.h"

#include <QThread>
#include <memory>

namespace ww {

struct StationOptions
{
    QString stationId = QStringLiteral("station-1");
    MqttSettings mqtt;
    IngestConfig ingest;
    QString alarmLogPath; // SQLite alarm log; empty: no alarm engine
    PositionSource positionSource = PositionSource::Own; // a station's: its own fixes or the engines'
    // A positioning engine (wardwatch --engine), stationId its engine id: no alarms, no census; it
    // publishes the fixes of the tags it owns on pos/{tag} and its presence with engine = true.
    bool engine = false;
};

class StationCore : public QObject
{
    Q_OBJECT
public:
    StationCore(const Site& site, const Clock& clock, StationOptions options, QObject* parent = nullptr);
    ~StationCore() override;

    void start(); // core thread, then the network
    void stop();

    [[nodiscard]] WardModels& models() { return m_models; }
    [[nodiscard]] WardCore& core() { return *m_core; }
    [[nodiscard]] IngestStats& stats() { return m_stats; }
    [[nodiscard]] MqttClient& mqtt() { return *m_mqtt; }
    [[nodiscard]] const StationOptions& options() const { return m_options; }
    [[nodiscard]] MqttState connectionState() const { return m_mqtt->state(); }

Q_SIGNALS:
    void connectionChanged(ww::MqttState state, const QString& detail);

private:
    void announcePresence(bool online);

    const Site& m_site;
    const Clock& m_clock;
    StationOptions m_options;
    DeviceDirectory m_directory; // read by the network thread, never changed after construction
    IngestStats m_stats;
    Ingest m_ingest;
    WardModels m_models;
    QThread m_coreThread;
    WardCore* m_core; // lives on m_coreThread, deleted when it finishes
    std::string m_mokoFilterUtf8;
    std::unique_ptr<MqttClient> m_mqtt;
};

} // namespace ww
