#pragma once
// QGeoPositionInfoSource "wardwatch": one tag's positions from the positioning engines, through the
// broker (docs/positioning.md, "Qt and QML applications"). The MQTT client reads on a thread of its
// own; positions reach the source's thread as queued calls, so the application's GUI thread never
// waits on the network.
#include "positioning/qtplugin/tagpositionreader.h"

#include <QElapsedTimer>
#include <QGeoPositionInfoSource>
#include <QLoggingCategory>
#include <QTimer>
#include <memory>
#include <mutex>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcQtPosition)

namespace ww::qtpos {

class WardWatchPositionSource final : public QGeoPositionInfoSource
{
    Q_OBJECT
public:
    // Bad parameters make a source that says why (backendProperty("errorString")) and reports
    // UnknownSourceError on startUpdates() and requestUpdate(), never one that waits for nothing.
    WardWatchPositionSource(const QVariantMap& parameters, QObject* parent);
    ~WardWatchPositionSource() override;

    void setUpdateInterval(int msec) override;
    [[nodiscard]] QGeoPositionInfo
    lastKnownPosition(bool fromSatellitePositioningMethodsOnly = false) const override;
    [[nodiscard]] PositioningMethods supportedPositioningMethods() const override
    {
        return NonSatellitePositioningMethods;
    }
    [[nodiscard]] int minimumUpdateInterval() const override
    {
        return 0;
    } // each position as the engine sends it
    [[nodiscard]] Error error() const override { return m_error; }
    // "floor" (int, the level of the last position), "floorName", "room", "roomState" ("known",
    // "unknown-near", "stale", "locating"), "nearRoom", "engine", "tag", "site",
    // "errorString" (why the last error was reported), "refused" (messages refused so far).
    [[nodiscard]] QVariant backendProperty(const QString& name) const override;

    // How long updates may stay away before UpdateTimeoutError (3 update intervals, at least 30 s),
    // and how long requestUpdate(0) waits.
    static constexpr int SilenceMs = 30'000;
    static constexpr int DefaultRequestMs = 15'000;

public Q_SLOTS:
    void startUpdates() override;
    void stopUpdates() override;
    void requestUpdate(int timeout = 0) override;

private:
    // The network thread's way to the source, cut when the source goes.
    struct Link
    {
        std::mutex mutex;
        WardWatchPositionSource* source = nullptr;
    };

    bool connectToBroker(); // false when the source cannot work (its error is reported)
    void take(const TagReading& reading);
    void deliver();
    void fail(Error error, const QString& why);
    [[nodiscard]] QString brokerText() const;

    std::optional<FeedSettings> m_settings;
    QString m_setupError; // bad parameters: the source never connects
    std::shared_ptr<const TagPositionReader> m_reader;
    std::shared_ptr<Link> m_link;
    std::unique_ptr<MqttClient> m_client;
    QString m_brokerState;
    Error m_error = NoError;
    QString m_errorString;
    TagReading m_last;      // its position is lastKnownPosition()
    bool m_pending = false; // a position held back by the update interval
    bool m_updating = false;
    bool m_refusalReported = false; // once until the next position taken: a flood is not a flood of errors
    quint64 m_refused = 0;
    QTimer m_request, m_silence, m_interval;
    QElapsedTimer m_sinceDelivered;
};

} // namespace ww::qtpos
