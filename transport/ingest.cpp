#include "transport/ingest.h"
#include "transport/logging.h"

#include <google/protobuf/stubs/logging.h>

#include <mutex>

namespace ww {

namespace {
// libprotobuf writes every payload it refuses (invalid UTF-8 in a string field) to stderr, one line
// each and unthrottled: one bad device would flood the station's log. The ingest stage counts and
// logs those frames itself (rate-limited), so the library's lines go to ww.ingest's debug level.
void protobufLog(google::protobuf::LogLevel level, const char* file, int line, const std::string& message)
{
    if (level == google::protobuf::LOGLEVEL_FATAL)
        qCCritical(lcIngest).noquote() << "protobuf:" << QString::fromStdString(message) << file << line;
    else
        qCDebug(lcIngest).noquote() << "protobuf:" << QString::fromStdString(message) << file << line;
}
} // namespace

void IngestStats::countRejected(TopicKind topic, RejectReason reason, const QString& where, const QString& detail)
{
    m_byReason[size_t(reason)].fetch_add(1, std::memory_order_relaxed);
    m_byTopic[size_t(topic)].fetch_add(1, std::memory_order_relaxed);
    logRejection(reason, "rejected", where, detail);
}

void IngestStats::countDroppedPart(RejectReason reason, const QString& where, const QString& detail)
{
    m_droppedParts.fetch_add(1, std::memory_order_relaxed);
    logRejection(reason, "dropped part", where, detail);
}

void IngestStats::logRejection(RejectReason reason, const char* what, const QString& where, const QString& detail)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::lock_guard lock(m_logMutex);
    auto& last = m_lastLogMs[size_t(reason)];
    if (now - last < 5000) {
        ++m_suppressed[size_t(reason)];
        return;
    }
    last = now;
    const quint64 more = std::exchange(m_suppressed[size_t(reason)], 0);
    qCWarning(lcIngest).noquote() << what << toString(reason) << "on" << where << "-" << detail
                                  << (more ? QStringLiteral("(%1 more %2 since the last line)").arg(more).arg(toString(reason))
                                           : QString());
}

IngestCounters IngestStats::snapshot() const
{
    IngestCounters c;
    c.received = m_received.load(std::memory_order_relaxed);
    c.accepted = m_accepted.load(std::memory_order_relaxed);
    c.beaconReports = m_beaconReports.load(std::memory_order_relaxed);
    c.foreignAdverts = m_foreign.load(std::memory_order_relaxed);
    c.droppedParts = m_droppedParts.load(std::memory_order_relaxed);
    c.unknownFrames = m_unknownFrames.load(std::memory_order_relaxed);
    for (size_t i = 0; i < c.byReason.size(); ++i) {
        c.byReason[i] = m_byReason[i].load(std::memory_order_relaxed);
        c.rejected += c.byReason[i];
    }
    for (size_t i = 0; i < c.rejectedByTopic.size(); ++i)
        c.rejectedByTopic[i] = m_byTopic[i].load(std::memory_order_relaxed);
    return c;
}

Ingest::Ingest(IngestConfig config, const DeviceDirectory& directory, const Clock& clock, IngestStats& stats)
    : m_config(std::move(config)), m_mokoFilter(m_config.mokoFilter.toStdString()), m_directory(directory),
      m_topics(m_config.siteId), m_clock(clock), m_stats(stats),
      m_signatures(m_config.trust ? std::make_unique<SignatureCheck>(*m_config.trust) : nullptr)
{
    static std::once_flag once; // SetLogHandler is not thread-safe: the first stage, before any frame
    std::call_once(once, [] { google::protobuf::SetLogHandler(&protobufLog); });
}

namespace {

// Who a signed message says made it, where that must be its signer: a census entry's station, a
// position's engine. Alarm state may be re-published by any listed station (its revision names the
// station that made it), so it names nobody here.
QString actingAs(const QVector<Decoded>& messages)
{
    for (const Decoded& m : messages) {
        if (const auto* c = std::get_if<CensusEntryMsg>(&m))
            return c->stationId;
        if (const auto* c = std::get_if<CareEntryMsg>(&m))
            return c->stationId;
        if (const auto* r = std::get_if<ShiftRoleMsg>(&m))
            return r->stationId;
        if (const auto* p = std::get_if<PositionMsg>(&m))
            return p->engineId.isEmpty() ? QStringLiteral("(no engine)") : p->engineId;
    }
    return {};
}

} // namespace

bool Ingest::admits(const char* topic, const ParsedTopic& parsed, size_t payloadSize) const
{
    if (payloadSize <= size_t(m_config.maxPayloadBytes))
        return true;
    m_stats.countReceived();
    m_stats.countRejected(parsed.kind, RejectReason::Oversized, QString::fromUtf8(topic),
                          QStringLiteral("%1 bytes > limit %2").arg(payloadSize).arg(m_config.maxPayloadBytes));
    return false;
}

QVector<Decoded> Ingest::decode(const char* topicText, const ParsedTopic& parsed, std::span<const std::byte> payload,
                                qint64 receiveTimeMs) const
{
    m_stats.countReceived();
    auto topic = [topicText] { return QString::fromUtf8(topicText); }; // only for error messages
    if (parsed.kind == TopicKind::Truth)
        return {}; // ground truth of the simulator is for scoring tools, never for the station
    if (payload.size() > size_t(m_config.maxPayloadBytes)) {
        m_stats.countRejected(parsed.kind, RejectReason::Oversized, topic(),
                              QStringLiteral("%1 bytes > limit %2").arg(payload.size()).arg(m_config.maxPayloadBytes));
        return {};
    }
    if (payload.empty() && parsed.kind == TopicKind::Status) {
        m_stats.countAccepted(0); // an empty retained message clears the topic
        return {};
    }
    // State from stations and engines carries its signer's signature; it is checked before the
    // message inside is decoded. (An empty retained alarm message only closes what is resolved.)
    SignatureCheck::Result verified;
    const bool checked = m_signatures && !payload.empty() &&
                         (parsed.kind == TopicKind::Alarm || parsed.kind == TopicKind::Census || parsed.kind == TopicKind::Position ||
                          parsed.kind == TopicKind::Care || parsed.kind == TopicKind::Role);
    if (checked) {
        verified = m_signatures->check(topicText, payload);
        if (verified.outcome == SignatureCheck::Outcome::Replayed) {
            m_stats.countRejected(parsed.kind, RejectReason::Replayed, topic(), verified.why);
            return {};
        }
        if (verified.outcome == SignatureCheck::Outcome::Refused) {
            m_stats.countRejected(parsed.kind, SignatureCheck::hasEnvelope(payload) ? RejectReason::BadSignature : RejectReason::Unsigned,
                                  topic(), verified.why);
            return {RefusedMsg{topic(), verified.signer, verified.why}};
        }
    }
    DecodeContext ctx;
    ctx.receiveTimeMs = receiveTimeMs;
    ctx.nowMs = m_clock.nowMs();
    ctx.directory = &m_directory;
    DecodeResult result = decodeWire(parsed.kind, parsed.id, checked ? verified.body() : payload, ctx);
    if (result.error) {
        m_stats.countRejected(parsed.kind, result.error->reason, topic(), result.error->detail);
        return {};
    }
    if (checked && verified.isSigned)
        if (QString who = actingAs(result.messages); !who.isEmpty() && who != verified.signer) {
            const QString why = QStringLiteral("signed by '%1' but made in the name of '%2'").arg(verified.signer, who);
            m_stats.countRejected(parsed.kind, RejectReason::BadSignature, topic(), why);
            return {RefusedMsg{topic(), verified.signer, why}};
        }
    for (const DecodeError& d : result.droppedParts)
        m_stats.countDroppedPart(d.reason, topic(), d.detail);
    if (result.unknownFrames > 0)
        m_stats.countUnknownFrames(quint64(result.unknownFrames));
    quint64 reports = 0, foreign = 0;
    for (const auto& m : result.messages)
        if (const auto* b = std::get_if<BeaconBatch>(&m)) {
            reports += quint64(b->reports.size());
            foreign += quint64(b->foreignAdverts);
        }
    m_stats.countAccepted(reports, foreign);
    return std::move(result.messages);
}

} // namespace ww
