#include "transport/topics.h"

namespace ww {

QString toString(TopicKind kind)
{
    static const char* names[TopicKindCount] = {"adv", "vitals", "event", "env", "status", "alarm",
                                                "pos", "cmd", "station", "moko", "truth", "census", "care", "role", "cmdack", "bed", "unknown"};
    return QLatin1String(names[int(kind)]);
}

namespace {

// Splits off the next level of a topic.
std::string_view nextLevel(std::string_view& rest)
{
    const size_t slash = rest.find('/');
    const std::string_view level = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    return level;
}

} // namespace

bool Topics::matchesFilter(std::string_view filter, std::string_view topic)
{
    bool topicDone = false;
    while (!filter.empty()) {
        const std::string_view f = nextLevel(filter);
        if (f == "#")
            return true;
        if (topicDone)
            return false;
        const bool last = topic.find('/') == std::string_view::npos;
        const std::string_view t = nextLevel(topic);
        topicDone = last;
        if (f != "+" && f != t)
            return false;
    }
    return topicDone;
}

ParsedTopic Topics::parse(std::string_view topic, std::string_view mokoFilter) const
{
    if (topic.substr(0, m_prefixUtf8.size()) != m_prefixUtf8) {
        if (!mokoFilter.empty() && matchesFilter(mokoFilter, topic))
            return {TopicKind::Moko, {}};
        return {};
    }
    std::string_view rest = topic.substr(m_prefixUtf8.size());
    const std::string_view head = nextLevel(rest);
    if (head == "truth")
        return {TopicKind::Truth, {}};
    const std::string_view id = nextLevel(rest);
    if (id.empty())
        return {};
    if (head == "gw")
        return rest == "adv" ? ParsedTopic{TopicKind::Adverts, id} : ParsedTopic{};
    if (head == "dev") {
        const TopicKind k = rest == "vitals" ? TopicKind::Vitals
                            : rest == "event" ? TopicKind::Event
                            : rest == "env"   ? TopicKind::Env
                            : rest == "status" ? TopicKind::Status
                            : rest == "bed"   ? TopicKind::Bed
                                               : TopicKind::Unknown;
        return k == TopicKind::Unknown ? ParsedTopic{} : ParsedTopic{k, id};
    }
    if (!rest.empty())
        return {};
    if (head == "alarm")
        return {TopicKind::Alarm, id};
    if (head == "pos")
        return {TopicKind::Position, id};
    if (head == "cmd")
        return {TopicKind::Command, id};
    if (head == "station")
        return {TopicKind::Station, id};
    if (head == "census")
        return {TopicKind::Census, id};
    if (head == "care")
        return {TopicKind::Care, id};
    if (head == "role")
        return {TopicKind::Role, id};
    if (head == "cmdack")
        return {TopicKind::CommandAck, id};
    return {};
}

} // namespace ww
