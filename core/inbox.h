#pragma once
// What other threads hand the core: raw frames from the network thread (their topic classified
// there, copied into one growing buffer) and decoded messages (tests, replay). The core thread takes
// everything in one swap per drain; the buffers' capacities are reused.
#include "domain/messages.h"
#include "transport/topics.h"

#include <QVector>
#include <mutex>
#include <span>
#include <vector>

namespace ww {

class Inbox
{
public:
    static constexpr int WakeBacklog = 1024; // waiting before live readings wake the core too

    struct Frame
    {
        const char* topic;
        ParsedTopic parsed; // its id views into topic
        std::span<const std::byte> payload;
        qint64 rxMs;
    };

    // Thread-safe. True when the caller should wake the core now: the input is urgent or the backlog
    // large, and no wake-up is pending yet.
    bool addFrame(const char* topic, const ParsedTopic& parsed, std::span<const std::byte> payload, qint64 rxMs,
                  bool urgent);
    bool addDecoded(QVector<Decoded>&& messages, bool urgent);

    // Core thread: takes what has arrived; calls eachFrame(const Frame&) for every frame in arrival
    // order, then returns the decoded messages (frames first: a message posted later never overtakes
    // a frame received earlier).
    template <typename F> QVector<Decoded> take(F&& eachFrame)
    {
        QVector<Decoded> decoded;
        {
            std::lock_guard lock(m_mutex);
            decoded.swap(m_decoded);
            std::swap(m_frames, m_draining);
            m_wakePending = false;
        }
        for (const Stored& f : m_draining.frames) {
            const char* topic = m_draining.bytes.data() + f.topic;
            eachFrame(Frame{topic, ParsedTopic{f.kind, std::string_view(topic + f.idOffset, f.idSize)},
                            {reinterpret_cast<const std::byte*>(m_draining.bytes.data() + f.payload), f.payloadSize}, f.rxMs});
        }
        m_draining.bytes.clear();
        m_draining.frames.clear();
        return decoded;
    }

private:
    struct Stored
    {
        size_t topic, payload, payloadSize;
        qint64 rxMs;
        TopicKind kind;
        size_t idOffset, idSize;
    };
    struct Buffer
    {
        std::vector<char> bytes;
        std::vector<Stored> frames;
    };
    std::mutex m_mutex;
    QVector<Decoded> m_decoded;
    Buffer m_frames, m_draining; // swapped on each take
    bool m_wakePending = false;
};

} // namespace ww
