#include "positioning/qtplugin/wardwatchpositionsource.h"

#include <thread>

Q_LOGGING_CATEGORY(lcQtPosition, "ww.qtposition", QtWarningMsg)

namespace ww::qtpos {

WardWatchPositionSource::WardWatchPositionSource(const QVariantMap& parameters, QObject* parent)
    : QGeoPositionInfoSource(parent), m_link(std::make_shared<Link>())
{
    m_link->source = this;
    FeedSettingsResult read = readParameters(parameters);
    if (read.settings) {
        m_settings = std::move(read.settings);
        m_reader = std::make_shared<const TagPositionReader>(m_settings->site, m_settings->tagId);
    } else {
        m_setupError = read.error;
        m_error = UnknownSourceError;
        m_errorString = read.error;
    }
    m_request.setSingleShot(true);
    m_silence.setSingleShot(true);
    m_interval.setSingleShot(true);
    connect(&m_request, &QTimer::timeout, this, [this] {
        fail(UpdateTimeoutError, tr("No position of tag %1 within %2 ms (%3)")
                                     .arg(m_settings->tagId)
                                     .arg(m_request.interval())
                                     .arg(brokerText()));
    });
    connect(&m_silence, &QTimer::timeout, this, [this] {
        fail(UpdateTimeoutError, tr("No position of tag %1 for %2 s (%3)")
                                     .arg(m_settings->tagId)
                                     .arg(m_silence.interval() / 1000)
                                     .arg(brokerText()));
    });
    connect(&m_interval, &QTimer::timeout, this, [this] {
        if (m_pending && m_updating)
            deliver();
    });
}

WardWatchPositionSource::~WardWatchPositionSource()
{
    {
        std::lock_guard lock(m_link->mutex);
        m_link->source = nullptr;
    }
    if (!m_client)
        return;
    disconnect(m_client.get(), nullptr, this, nullptr);
    if (m_client->state() == MqttState::Connecting) {
        // A connection attempt may wait for a host that does not answer (the system's connect
        // timeout: minutes): the client ends on a thread of its own, not the application's.
        std::thread([client = std::move(m_client)]() mutable { client.reset(); }).detach();
    }
}

void WardWatchPositionSource::setUpdateInterval(int msec)
{
    QGeoPositionInfoSource::setUpdateInterval(std::max(msec, 0));
    if (m_silence.isActive())
        m_silence.start(std::max(3 * updateInterval(), SilenceMs));
}

QGeoPositionInfo WardWatchPositionSource::lastKnownPosition(bool fromSatellitePositioningMethodsOnly) const
{
    if (fromSatellitePositioningMethodsOnly || !m_last.position)
        return {};
    return *m_last.position;
}

QVariant WardWatchPositionSource::backendProperty(const QString& name) const
{
    const bool have = m_last.position.has_value();
    if (name == u"floor")
        return have ? QVariant(m_last.floor) : QVariant();
    if (name == u"floorName")
        return have ? QVariant(m_last.floorName) : QVariant();
    if (name == u"room")
        return have ? QVariant(m_last.room) : QVariant();
    if (name == u"roomState")
        return have ? QVariant(m_last.roomState) : QVariant();
    if (name == u"nearRoom")
        return have ? QVariant(m_last.nearRoom) : QVariant();
    if (name == u"engine")
        return have ? QVariant(m_last.engineId) : QVariant();
    if (name == u"tag")
        return m_settings ? QVariant(m_settings->tagId) : QVariant();
    if (name == u"site")
        return m_settings ? QVariant(m_settings->site->id) : QVariant();
    if (name == u"errorString")
        return m_errorString;
    if (name == u"refused")
        return QVariant::fromValue(m_refused);
    return QGeoPositionInfoSource::backendProperty(name);
}

void WardWatchPositionSource::startUpdates()
{
    if (!m_setupError.isEmpty()) {
        fail(UnknownSourceError, m_setupError);
        return;
    }
    if (m_updating)
        return;
    m_error = NoError;
    m_errorString.clear();
    if (!connectToBroker())
        return;
    m_updating = true;
    m_silence.start(std::max(3 * updateInterval(), SilenceMs));
}

void WardWatchPositionSource::stopUpdates()
{
    // The connection stays: a later start or request has positions at once, and nothing here waits
    // for the network. It ends with the source.
    m_updating = false;
    m_pending = false;
    m_silence.stop();
    m_interval.stop();
}

void WardWatchPositionSource::requestUpdate(int timeout)
{
    if (!m_setupError.isEmpty()) {
        fail(UnknownSourceError, m_setupError);
        return;
    }
    if (timeout < 0) {
        fail(UpdateTimeoutError, tr("requestUpdate: the timeout %1 ms is negative").arg(timeout));
        return;
    }
    if (m_request.isActive())
        return; // one request at a time: the one running answers this one too
    m_error = NoError;
    m_errorString.clear();
    if (!connectToBroker())
        return;
    m_request.start(timeout > 0 ? timeout : DefaultRequestMs);
}

bool WardWatchPositionSource::connectToBroker()
{
    if (m_client)
        return true;
    m_client = std::make_unique<MqttClient>(m_settings->mqtt);
    if (!m_client->setupError().isEmpty()) {
        // The TLS files were read, but the library took them not (not PEM, a key not of the certificate).
        m_setupError = tr("%1, %2, %3: the TLS set-up failed: %4")
                           .arg(QLatin1String(param::CaFile), QLatin1String(param::CertFile),
                                QLatin1String(param::KeyFile), m_client->setupError());
        m_client.reset();
        fail(UnknownSourceError, m_setupError);
        return false;
    }
    m_client->addSubscription(m_reader->topic(), 0);
    connect(m_client.get(), &MqttClient::stateChanged, this, [this](MqttState state, const QString& detail) {
        // The detail of a connection attempt is the broker's address, already said.
        m_brokerState = detail.isEmpty() || state == MqttState::Connecting
                            ? toString(state)
                            : toString(state) + QStringLiteral(": ") + detail;
    });
    m_client->setMessageHandler([reader = m_reader, link = m_link](
                                    const char* topic, std::span<const std::byte> payload, qint64 rxMs) {
        TagReading r = reader->read(topic, payload, rxMs);
        if (!r.position && r.refused.isEmpty())
            return;
        std::lock_guard lock(link->mutex);
        if (WardWatchPositionSource* source = link->source)
            QMetaObject::invokeMethod(
                source, [source, r = std::move(r)] { source->take(r); }, Qt::QueuedConnection);
    });
    m_client->start();
    return true;
}

void WardWatchPositionSource::take(const TagReading& reading)
{
    if (!reading.refused.isEmpty()) {
        ++m_refused;
        if (!m_refusalReported) {
            m_refusalReported = true;
            fail(UnknownSourceError, reading.refused);
        } else {
            qCWarning(lcQtPosition).noquote() << "wardwatch:" << reading.refused;
        }
        return;
    }
    m_refusalReported = false;
    m_last = reading;
    if (m_request.isActive()) {
        m_request.stop();
        deliver();
        return;
    }
    if (!m_updating)
        return; // kept as the last known position
    const qint64 wait = updateInterval() > 0 && m_sinceDelivered.isValid()
                            ? updateInterval() - m_sinceDelivered.elapsed()
                            : 0;
    if (wait > 0) {
        m_pending = true;
        if (!m_interval.isActive())
            m_interval.start(int(wait));
        return;
    }
    deliver();
}

void WardWatchPositionSource::deliver()
{
    m_pending = false;
    m_interval.stop();
    m_sinceDelivered.start();
    if (m_updating)
        m_silence.start(std::max(3 * updateInterval(), SilenceMs));
    emit positionUpdated(*m_last.position);
}

void WardWatchPositionSource::fail(Error error, const QString& why)
{
    m_error = error;
    m_errorString = why;
    qCWarning(lcQtPosition).noquote() << "wardwatch:" << why;
    emit errorOccurred(error);
}

QString WardWatchPositionSource::brokerText() const
{
    const MqttSettings& m = m_settings->mqtt;
    return tr("broker %1:%2, %3")
        .arg(m.host)
        .arg(m.port)
        .arg(m_brokerState.isEmpty() ? toString(MqttState::Connecting) : m_brokerState);
}

} // namespace ww::qtpos
