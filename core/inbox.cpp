#include "core/inbox.h"

#include <cstring>
#include <utility>

namespace ww {

bool Inbox::addFrame(const char* topic, const ParsedTopic& parsed, std::span<const std::byte> payload, qint64 rxMs,
                     bool urgent)
{
    const size_t topicLen = std::strlen(topic) + 1;
    const size_t idOffset = parsed.id.empty() ? 0 : size_t(parsed.id.data() - topic);
    std::lock_guard lock(m_mutex);
    auto& b = m_frames.bytes;
    const size_t at = b.size();
    b.resize(at + topicLen + payload.size());
    std::memcpy(b.data() + at, topic, topicLen);
    if (!payload.empty())
        std::memcpy(b.data() + at + topicLen, payload.data(), payload.size());
    m_frames.frames.push_back({at, at + topicLen, payload.size(), rxMs, parsed.kind, idOffset, parsed.id.size()});
    return (urgent || m_frames.frames.size() >= size_t(WakeBacklog)) && !std::exchange(m_wakePending, true);
}

bool Inbox::addDecoded(QVector<Decoded>&& messages, bool urgent)
{
    std::lock_guard lock(m_mutex);
    if (m_decoded.isEmpty())
        m_decoded = std::move(messages);
    else
        for (auto& m : messages)
            m_decoded.push_back(std::move(m));
    return (urgent || m_decoded.size() >= WakeBacklog) && !std::exchange(m_wakePending, true);
}

} // namespace ww
