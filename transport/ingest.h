#pragma once
// The ingest stage: a frame's topic is classified (on the network thread, to decide its urgency)
// and its payload decoded (on the core thread, WardCore), with counters per topic and reason and a
// rate-limited log of what was rejected. Both are const and thread-safe.
#include "domain/clock.h"
#include "transport/signing.h"
#include "transport/wirecodec.h"

#include <QHash>
#include <QString>
#include <array>
#include <memory>
#include <atomic>
#include <mutex>

namespace ww {

struct IngestCounters
{
    quint64 received = 0;
    quint64 accepted = 0;
    quint64 rejected = 0;
    quint64 beaconReports = 0;  // adverts of the site's tags
    quint64 foreignAdverts = 0; // adverts of tags that are not the site's: dropped
    // Parts of accepted payloads not taken: a site sensor's damaged frame in a MOKO scan report
    // (logged with its reason and path, as rejections are); the rest of the report is taken.
    quint64 droppedParts = 0;
    quint64 unknownFrames = 0; // a site sensor's adverts with no frame WardWatch reads: counted, not guessed
    std::array<quint64, RejectReasonCount> byReason{};
    std::array<quint64, TopicKindCount> rejectedByTopic{};
};

class IngestStats
{
public:
    void countReceived() { m_received.fetch_add(1, std::memory_order_relaxed); }
    void countAccepted(quint64 beaconReports, quint64 foreignAdverts = 0)
    {
        m_accepted.fetch_add(1, std::memory_order_relaxed);
        if (beaconReports)
            m_beaconReports.fetch_add(beaconReports, std::memory_order_relaxed);
        if (foreignAdverts)
            m_foreign.fetch_add(foreignAdverts, std::memory_order_relaxed);
    }
    // Logs at most one line per reason every few seconds, with how many were not logged.
    void countRejected(TopicKind topic, RejectReason reason, const QString& where, const QString& detail);
    // A part of an accepted payload not taken (DecodeResult::droppedParts); logged like a rejection.
    void countDroppedPart(RejectReason reason, const QString& where, const QString& detail);
    void countUnknownFrames(quint64 n) { m_unknownFrames.fetch_add(n, std::memory_order_relaxed); }
    [[nodiscard]] IngestCounters snapshot() const;

private:
    void logRejection(RejectReason reason, const char* what, const QString& where, const QString& detail);

    std::atomic<quint64> m_received{0}, m_accepted{0}, m_beaconReports{0}, m_foreign{0}, m_droppedParts{0},
        m_unknownFrames{0};
    std::array<std::atomic<quint64>, RejectReasonCount> m_byReason{};
    std::array<std::atomic<quint64>, TopicKindCount> m_byTopic{};
    std::mutex m_logMutex;
    std::array<qint64, RejectReasonCount> m_lastLogMs{};
    std::array<quint64, RejectReasonCount> m_suppressed{};
};

struct IngestConfig
{
    QString siteId;
    QString mokoFilter = QStringLiteral("moko/+/send"); // where MOKO gateways publish their JSON
    int maxPayloadBytes = 256 * 1024;
    // Whose signatures the state topics (alarm/, census/, care/, role/, pos/) must carry (transport/signing.h).
    // Not set: nothing is verified (tools reading recordings, decoder tests); a station always sets
    // it from its site file.
    std::optional<TrustSettings> trust;
};

class Ingest
{
public:
    // The directory must outlive the ingest stage; decode() reads it on the core thread.
    Ingest(IngestConfig config, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats);
    // What a topic is (an id within it is a view into topic).
    [[nodiscard]] ParsedTopic classify(std::string_view topic) const { return m_topics.parse(topic, m_mokoFilter); }
    // Whether a frame of this size is taken at all: one over the payload limit is counted (received,
    // rejected as oversized) and dropped before anyone copies it. Thread-safe.
    [[nodiscard]] bool admits(const char* topic, const ParsedTopic& parsed, size_t payloadSize) const;
    // Decodes a frame classified as parsed; counts it (received, accepted or rejected with its
    // reason) and returns its messages (none when rejected or nothing for the station). State that
    // fails its signature check comes back as one RefusedMsg, for the core to raise.
    [[nodiscard]] QVector<Decoded> decode(const char* topic, const ParsedTopic& parsed, std::span<const std::byte> payload,
                                          qint64 receiveTimeMs) const;
    // Both steps at once (tests and tools).
    [[nodiscard]] QVector<Decoded> decode(const char* topic, std::span<const std::byte> payload, qint64 receiveTimeMs) const
    {
        return decode(topic, classify(topic), payload, receiveTimeMs);
    }
    [[nodiscard]] const Topics& topics() const { return m_topics; }
    [[nodiscard]] const IngestConfig& config() const { return m_config; }

private:
    IngestConfig m_config;
    std::string m_mokoFilter;
    const DeviceDirectory& m_directory;
    Topics m_topics;
    const Clock& m_clock;
    IngestStats& m_stats;
    std::unique_ptr<SignatureCheck> m_signatures;
};

} // namespace ww
