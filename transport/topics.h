#pragma once
// Topic tree of wire contract v1: ww/v1/{site}/...
#include <QString>
#include <QStringView>
#include <string>
#include <string_view>

namespace ww {

enum class TopicKind { Adverts, Vitals, Event, Env, Status, Alarm, Position, Command, Station, Moko, Truth, Census, Care,
                       Role, CommandAck, Bed, Unknown };
inline constexpr int TopicKindCount = 17;
[[nodiscard]] QString toString(TopicKind kind);

struct ParsedTopic
{
    TopicKind kind = TopicKind::Unknown;
    std::string_view id; // gateway, device, alarm, tag or station id: a view into the topic
};

class Topics
{
public:
    explicit Topics(QString siteId)
        : m_prefix(QStringLiteral("ww/v1/") + siteId + QChar(u'/')), m_prefixUtf8(m_prefix.toStdString())
    {
    }

    [[nodiscard]] const QString& prefix() const { return m_prefix; }
    [[nodiscard]] QString adverts(const QString& gateway) const { return m_prefix + QStringLiteral("gw/") + gateway + QStringLiteral("/adv"); }
    [[nodiscard]] QString vitals(const QString& device) const { return m_prefix + QStringLiteral("dev/") + device + QStringLiteral("/vitals"); }
    [[nodiscard]] QString event(const QString& device) const { return m_prefix + QStringLiteral("dev/") + device + QStringLiteral("/event"); }
    [[nodiscard]] QString env(const QString& device) const { return m_prefix + QStringLiteral("dev/") + device + QStringLiteral("/env"); }
    [[nodiscard]] QString bed(const QString& device) const { return m_prefix + QStringLiteral("dev/") + device + QStringLiteral("/bed"); }
    [[nodiscard]] QString status(const QString& device) const { return m_prefix + QStringLiteral("dev/") + device + QStringLiteral("/status"); }
    [[nodiscard]] QString alarm(const QString& id) const { return m_prefix + QStringLiteral("alarm/") + id; }
    [[nodiscard]] QString position(const QString& tag) const { return m_prefix + QStringLiteral("pos/") + tag; }
    [[nodiscard]] QString command(const QString& device) const { return m_prefix + QStringLiteral("cmd/") + device; }
    [[nodiscard]] QString station(const QString& id) const { return m_prefix + QStringLiteral("station/") + id; }
    [[nodiscard]] QString census(const QString& bed) const { return m_prefix + QStringLiteral("census/") + bed; }
    [[nodiscard]] QString care(const QString& patient) const { return m_prefix + QStringLiteral("care/") + patient; }
    [[nodiscard]] QString role(const QString& role) const { return m_prefix + QStringLiteral("role/") + role; }
    [[nodiscard]] QString commandAck(const QString& device) const { return m_prefix + QStringLiteral("cmdack/") + device; }
    [[nodiscard]] QString truth(const QString& sub) const { return m_prefix + QStringLiteral("truth/") + sub; }

    // Classifies a topic (UTF-8, as it comes off the wire) without allocating. mokoFilter is an MQTT
    // filter (+ and # allowed) for MOKO gateway JSON.
    [[nodiscard]] ParsedTopic parse(std::string_view topic, std::string_view mokoFilter = {}) const;

    [[nodiscard]] static bool matchesFilter(std::string_view filter, std::string_view topic);

private:
    QString m_prefix;
    std::string m_prefixUtf8;
};

} // namespace ww
