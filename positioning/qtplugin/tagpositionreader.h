#pragma once
// The Qt Positioning plugin's work apart from Qt's plugin machinery (positioning/qtplugin): its
// parameters read into broker settings, the site and the tag to follow; and one tag's positions
// read off the engines' topic, checked as a station checks them (transport/ingest.h: the site's
// signing keys, the wire contract's decoder) and turned into WGS-84 through the site's
// geo-reference (positioning/georef.h).
#include "domain/clock.h"
#include "domain/devicedirectory.h"
#include "domain/site.h"
#include "transport/ingest.h"
#include "transport/mqttclient.h"

#include <QGeoPositionInfo>
#include <QVariantMap>
#include <memory>
#include <optional>
#include <span>

namespace ww::qtpos {

// The parameters' names (QGeoPositionInfoSource::createSource's map, QML's PluginParameter).
namespace param {
inline constexpr auto Host = "wardwatch.host";
inline constexpr auto Port = "wardwatch.port";
inline constexpr auto Tls = "wardwatch.tls";
inline constexpr auto CaFile = "wardwatch.caFile";
inline constexpr auto CertFile = "wardwatch.certFile";
inline constexpr auto KeyFile = "wardwatch.keyFile";
inline constexpr auto Username = "wardwatch.username";
inline constexpr auto PasswordFile = "wardwatch.passwordFile";
inline constexpr auto ClientId = "wardwatch.clientId";
inline constexpr auto Site = "wardwatch.site";
inline constexpr auto Tag = "wardwatch.tag";
} // namespace param

struct FeedSettings
{
    MqttSettings mqtt;
    std::shared_ptr<const Site> site;
    QString tagId;
};

struct FeedSettingsResult
{
    std::optional<FeedSettings> settings;
    QString error; // names the parameter at fault and what is wrong with it
};

// Whether any "wardwatch." parameter was given: without one (createDefaultSource, or an
// application that never meant this plugin) the plugin makes no source and Qt tries the next one.
[[nodiscard]] bool hasOwnParameters(const QVariantMap& parameters);
// Reads the parameters: the site file loaded, the tag one of its tags, the files readable, the
// password from its file (readable by its owner only). No TLS to a broker on another host only
// where the site allows clear text, as for a station.
[[nodiscard]] FeedSettingsResult readParameters(const QVariantMap& parameters);

// One message on the tag's topic, read.
struct TagReading
{
    std::optional<QGeoPositionInfo>
        position; // coordinate with the floor's altitude, time (UTC), horizontal accuracy
    int floor = 0;
    QString floorName, room, engineId;
    QString roomState = QStringLiteral("known"); // "known", "unknown-near", "stale", "locating"
    QString nearRoom;                            // the last or likeliest room when not known
    QString refused; // why the message was not taken (signature, decoding, a floor the site lacks); empty
                     // otherwise
};

class TagPositionReader
{
public:
    TagPositionReader(std::shared_ptr<const Site> site, QString tagId);

    // The engines' topic of the tag (ww/v1/{site}/pos/{tag}).
    [[nodiscard]] QString topic() const { return m_ingest.topics().position(m_tagId); }
    // A message from the broker. Nothing (no position, nothing refused) for another topic and for a
    // replayed or redelivered one. Called on the MQTT client's network thread, one at a time.
    [[nodiscard]] TagReading read(const char* topic, std::span<const std::byte> payload,
                                  qint64 receiveTimeMs) const;

private:
    std::shared_ptr<const Site> m_site;
    QString m_tagId;
    std::string m_tagUtf8;
    DeviceDirectory m_directory;
    SystemClock m_clock;
    mutable IngestStats m_stats;
    Ingest m_ingest;
};

} // namespace ww::qtpos
