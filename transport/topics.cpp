#include "transport/topics.h"

#include <QList>

namespace ww {

QString toString(TopicKind kind)
{
    static const char* names[TopicKindCount] = {"adv", "vitals", "event", "env", "status", "alarm",
                                                "pos", "cmd", "station", "moko", "truth", "unknown"};
    return QLatin1String(names[int(kind)]);
}

bool Topics::matchesFilter(QStringView filter, QStringView topic)
{
    const auto f = filter.split(u'/');
    const auto t = topic.split(u'/');
    for (qsizetype i = 0; i < f.size(); ++i) {
        if (f[i] == u"#")
            return true;
        if (i >= t.size())
            return false;
        if (f[i] != u"+" && f[i] != t[i])
            return false;
    }
    return f.size() == t.size();
}

ParsedTopic Topics::parse(QStringView topic, QStringView mokoFilter) const
{
    if (!topic.startsWith(m_prefix)) {
        if (!mokoFilter.isEmpty() && matchesFilter(mokoFilter, topic))
            return {TopicKind::Moko, {}};
        return {};
    }
    const auto parts = topic.mid(m_prefix.size()).split(u'/');
    const auto n = parts.size();
    if (n == 3 && parts[0] == u"gw" && parts[2] == u"adv")
        return {TopicKind::Adverts, parts[1].toString()};
    if (n == 3 && parts[0] == u"dev") {
        const QStringView leaf = parts[2];
        const TopicKind k = leaf == u"vitals" ? TopicKind::Vitals
                            : leaf == u"event" ? TopicKind::Event
                            : leaf == u"env"   ? TopicKind::Env
                            : leaf == u"status" ? TopicKind::Status
                                                : TopicKind::Unknown;
        return {k, k == TopicKind::Unknown ? QString() : parts[1].toString()};
    }
    if (n == 2 && parts[0] == u"alarm")
        return {TopicKind::Alarm, parts[1].toString()};
    if (n == 2 && parts[0] == u"pos")
        return {TopicKind::Position, parts[1].toString()};
    if (n == 2 && parts[0] == u"cmd")
        return {TopicKind::Command, parts[1].toString()};
    if (n == 2 && parts[0] == u"station")
        return {TopicKind::Station, parts[1].toString()};
    if (n >= 1 && parts[0] == u"truth")
        return {TopicKind::Truth, {}};
    return {};
}

} // namespace ww
