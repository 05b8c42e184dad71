#include "positioning/qtplugin/tagpositionreader.h"
#include "positioning/georef.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace ww::qtpos {

namespace {

const QLatin1String Prefix("wardwatch.");

// A file parameter: empty when not given; an error when given but not a readable file.
QString readableFile(const QVariantMap& p, const char* name, QString* error)
{
    const QString path = p.value(QLatin1String(name)).toString().trimmed();
    if (!path.isEmpty() && !QFileInfo(path).isReadable())
        *error = QObject::tr("%1: %2 cannot be read (no such file, or not readable by this user)")
                     .arg(QLatin1String(name), path);
    return path;
}

// true/false, yes/no, 1/0 (QML passes strings, C++ may pass a bool).
std::optional<bool> flag(const QVariant& v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    const QString s = v.toString().trimmed().toLower();
    if (s == u"true" || s == u"yes" || s == u"1" || s == u"on")
        return true;
    if (s == u"false" || s == u"no" || s == u"0" || s == u"off")
        return false;
    return std::nullopt;
}

bool isLoopback(const QString& host)
{
    const QString h = host.trimmed().toLower();
    return h == u"localhost" || h.startsWith(u"127.") || h == u"::1";
}

} // namespace

bool hasOwnParameters(const QVariantMap& parameters)
{
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        if (it.key().startsWith(Prefix))
            return true;
    return false;
}

FeedSettingsResult readParameters(const QVariantMap& p)
{
    static const QStringList known{
        QLatin1String(param::Host),     QLatin1String(param::Port),         QLatin1String(param::Tls),
        QLatin1String(param::CaFile),   QLatin1String(param::CertFile),     QLatin1String(param::KeyFile),
        QLatin1String(param::Username), QLatin1String(param::PasswordFile), QLatin1String(param::ClientId),
        QLatin1String(param::Site),     QLatin1String(param::Tag)};
    auto fail = [](const QString& why) { return FeedSettingsResult{std::nullopt, why}; };
    for (auto it = p.cbegin(); it != p.cend(); ++it)
        if (it.key().startsWith(Prefix) && !known.contains(it.key()))
            return fail(QObject::tr("%1: not a parameter of the wardwatch plugin (it takes %2)")
                            .arg(it.key(), known.join(u", ")));

    FeedSettings s;
    const QString sitePath = p.value(QLatin1String(param::Site)).toString().trimmed();
    if (sitePath.isEmpty())
        return fail(
            QObject::tr("%1: missing: the site file (its geo-reference, floors, tags and signing keys)")
                .arg(QLatin1String(param::Site)));
    SiteLoadResult loaded = SiteLoader::loadFile(sitePath);
    if (!loaded.site)
        return fail(QObject::tr("%1: %2").arg(QLatin1String(param::Site), loaded.errors.join(u"; ")));
    if (loaded.site->signingKeys.isEmpty() && !loaded.site->acceptUnsigned)
        return fail(
            QObject::tr(
                "%1: %2 lists no signing keys and takes no unsigned state: no position could be trusted")
                .arg(QLatin1String(param::Site), sitePath));
    s.site = std::make_shared<const Site>(std::move(*loaded.site));

    s.tagId = p.value(QLatin1String(param::Tag)).toString().trimmed();
    if (s.tagId.isEmpty())
        return fail(
            QObject::tr(
                "%1: missing: the id of the tag to follow (a wristband, badge or asset tag of the site)")
                .arg(QLatin1String(param::Tag)));
    if (DeviceDirectory(*s.site).tag(s.tagId.toStdString()) < 0)
        return fail(QObject::tr("%1: \"%2\" is not a tag of the site %3 (%4)")
                        .arg(QLatin1String(param::Tag), s.tagId, s.site->id, sitePath));

    MqttSettings& m = s.mqtt;
    m.persistentSession = false; // a reader of QoS 0 positions: nothing to keep while away
    if (const QString host = p.value(QLatin1String(param::Host)).toString().trimmed(); !host.isEmpty())
        m.host = host;
    QString error;
    m.caFile = readableFile(p, param::CaFile, &error);
    m.certFile = readableFile(p, param::CertFile, &error);
    m.keyFile = readableFile(p, param::KeyFile, &error);
    if (!error.isEmpty())
        return fail(error);
    if (m.certFile.isEmpty() != m.keyFile.isEmpty())
        return fail(QObject::tr("%1 and %2: a client certificate needs its key, and a key its certificate")
                        .arg(QLatin1String(param::CertFile), QLatin1String(param::KeyFile)));
    m.tls = !m.caFile.isEmpty() || !m.certFile.isEmpty();
    if (p.contains(QLatin1String(param::Tls))) {
        const std::optional<bool> tls = flag(p.value(QLatin1String(param::Tls)));
        if (!tls)
            return fail(QObject::tr("%1: \"%2\" is not true or false")
                            .arg(QLatin1String(param::Tls), p.value(QLatin1String(param::Tls)).toString()));
        if (!*tls && m.tls)
            return fail(QObject::tr("%1 is false but TLS files were given (%2, %3)")
                            .arg(QLatin1String(param::Tls), QLatin1String(param::CaFile),
                                 QLatin1String(param::CertFile)));
        m.tls = *tls;
    }
    m.port = m.tls ? 8883 : 1883;
    if (p.contains(QLatin1String(param::Port))) {
        bool ok = false;
        const int port = p.value(QLatin1String(param::Port)).toString().trimmed().toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return fail(QObject::tr("%1: \"%2\" is not a port number (1 to 65535)")
                            .arg(QLatin1String(param::Port), p.value(QLatin1String(param::Port)).toString()));
        m.port = port;
    }
    // As for a station: never the password in clear text across the network, unless the site says so.
    if (!m.tls && !isLoopback(m.host) && !s.site->allowClearText)
        return fail(
            QObject::tr(
                "%1: the broker %2 would be reached without TLS (give %3, or set %1 to true); the site "
                "allows clear text only with network.allowClearText")
                .arg(QLatin1String(param::Tls), m.host, QLatin1String(param::CaFile)));

    m.username = p.value(QLatin1String(param::Username)).toString();
    if (const QString secret = p.value(QLatin1String(param::PasswordFile)).toString().trimmed();
        !secret.isEmpty()) {
        QFile f(secret);
        if (!f.open(QIODevice::ReadOnly))
            return fail(QObject::tr("%1: %2 cannot be read (%3)")
                            .arg(QLatin1String(param::PasswordFile), secret, f.errorString()));
        if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return fail(QObject::tr("%1: %2 is readable by other users; chmod 600 it")
                            .arg(QLatin1String(param::PasswordFile), secret));
        m.password = QString::fromUtf8(f.readLine()).trimmed();
        if (m.password.isEmpty())
            return fail(QObject::tr("%1: the first line of %2 is empty")
                            .arg(QLatin1String(param::PasswordFile), secret));
    }
    m.clientId = p.value(QLatin1String(param::ClientId)).toString().trimmed();
    return {std::move(s), {}};
}

TagPositionReader::TagPositionReader(std::shared_ptr<const Site> site, QString tagId)
    : m_site(std::move(site)), m_tagId(std::move(tagId)), m_tagUtf8(m_tagId.toStdString()),
      m_directory(*m_site),
      m_ingest(IngestConfig{.siteId = m_site->id,
                            .trust = TrustSettings{.keys = m_site->signingKeys,
                                                   .acceptUnsigned = m_site->acceptUnsigned}},
               m_directory, m_clock, m_stats)
{
}

TagReading TagPositionReader::read(const char* topic, std::span<const std::byte> payload,
                                   qint64 receiveTimeMs) const
{
    TagReading r;
    const ParsedTopic parsed = m_ingest.classify(topic);
    if (parsed.kind != TopicKind::Position || parsed.id != m_tagUtf8)
        return r;
    if (!m_ingest.admits(topic, parsed, payload.size())) {
        r.refused = QObject::tr("%1: a message over the size limit").arg(QString::fromUtf8(topic));
        return r;
    }
    const IngestCounters before = m_stats.snapshot();
    const QVector<Decoded> messages = m_ingest.decode(topic, parsed, payload, receiveTimeMs);
    for (const Decoded& d : messages) {
        if (const auto* refused = std::get_if<RefusedMsg>(&d)) {
            r.refused = QObject::tr("%1: refused: %2").arg(refused->topic, refused->why);
            return r;
        }
        if (const auto* p = std::get_if<PositionMsg>(&d)) {
            const Floor* floor = m_site->floor(p->floor);
            if (!floor) {
                r.refused = QObject::tr("%1: floor %2 is not a floor of the site %3")
                                .arg(QString::fromUtf8(topic))
                                .arg(p->floor)
                                .arg(m_site->id);
                return r;
            }
            // The one conversion to WGS-84 (positioning/georef.h), as wardctl geojson makes it.
            QGeoPositionInfo info(pos::toGeoCoordinate(*m_site, p->x, p->y, p->floor),
                                  QDateTime::fromMSecsSinceEpoch(p->timeMs, Qt::UTC));
            info.setAttribute(QGeoPositionInfo::HorizontalAccuracy, p->accuracyM);
            r.position = info;
            r.floor = p->floor;
            r.floorName = floor->name;
            r.room = p->room;
            r.engineId = p->engineId;
            static const char* const States[] = {"known", "unknown-near", "stale", "locating"};
            r.roomState = QString::fromLatin1(States[int(p->roomState)]);
            r.nearRoom = p->nearRoom;
            return r;
        }
    }
    // Nothing came out: a replay or redelivery (ignored), or a message the decoder rejected.
    const IngestCounters after = m_stats.snapshot();
    for (int reason = 0; reason < RejectReasonCount; ++reason)
        if (after.byReason[size_t(reason)] > before.byReason[size_t(reason)] &&
            RejectReason(reason) != RejectReason::Replayed)
            r.refused = QObject::tr("%1: not taken: %2 (the log category ww.ingest says more)")
                            .arg(QString::fromUtf8(topic), toString(RejectReason(reason)));
    return r;
}

} // namespace ww::qtpos
