#pragma once
// Shared by the libFuzzer targets (docs/fuzzing.md): the fixed clock, ids and device directory the
// decoders are given (the seed corpora use the same, see seeds.cpp), what every decoded message
// must satisfy, and a file the decoders that read files are pointed at.
#include "domain/devicedirectory.h"
#include "transport/signing.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"

#include <QByteArray>
#include <QtGlobal>

#include <google/protobuf/stubs/logging.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

namespace ww::fuzz {

// The decoders' clock: 2026-05-28, as tst_robustness.
inline constexpr qint64 NowMs = 1'780'000'000'000;

// Ids the seeds use: the topic's id per kind, the site's gateways (ids and MOKO MACs), tags and a
// sensor a MOKO scan report names by MAC.
inline constexpr std::string_view GatewayId = "GW-1", DeviceId = "WB-1", AlarmId = "fall-WB-1-1",
                                  TagId = "WB-1", StationId = "station-2", BedId = "B-101";
inline constexpr std::string_view GatewayMac = "AC233FC0A1B2", TagMac = "AC233FA0B1C2", SensorMac = "AC233FB0C1D2";
inline constexpr const char* SiteId = "ward-1";

inline std::span<const std::byte> bytes(const uint8_t* data, size_t size)
{
    return {reinterpret_cast<const std::byte*>(data), size};
}

inline QString qs(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

inline const DeviceDirectory& directory()
{
    static const DeviceDirectory d(
        {qs(GatewayId), QStringLiteral("GW-2"), QStringLiteral("GW-3"), qs(GatewayMac)},
        {qs(TagId), QStringLiteral("WB-2"), QStringLiteral("BD-1"), QStringLiteral("AT-1"), qs(TagMac)},
        {qs(SensorMac)});
    return d;
}

inline DecodeContext context()
{
    DecodeContext ctx;
    ctx.receiveTimeMs = ctx.nowMs = NowMs;
    ctx.directory = &directory();
    return ctx;
}

// The id a topic of this kind carries (what the wire target decodes each kind with).
inline std::string_view topicId(TopicKind kind)
{
    switch (kind) {
    case TopicKind::Adverts:
        return GatewayId;
    case TopicKind::Alarm:
        return AlarmId;
    case TopicKind::Position:
        return TagId;
    case TopicKind::Station:
        return StationId;
    case TopicKind::Census:
        return BedId;
    default:
        return DeviceId;
    }
}

// The key station-2 signs with (fixed: the seeds' signatures verify), listed as the site lists keys.
inline const SigningKey& stationKey()
{
    static const SigningKey key = *SigningKey::fromSeed(QByteArray(SigningKey::SeedBytes, '\x2a'));
    return key;
}

// The topic the signed kinds are published on, with the ids above.
inline std::string topicOf(TopicKind kind)
{
    const Topics topics(QString::fromLatin1(SiteId));
    const QString id = qs(topicId(kind));
    switch (kind) {
    case TopicKind::Alarm:
        return topics.alarm(id).toStdString();
    case TopicKind::Census:
        return topics.census(id).toStdString();
    case TopicKind::Position:
        return topics.position(id).toStdString();
    default:
        return topics.command(id).toStdString();
    }
}

// A finding that no sanitizer sees: a decoder broke its own contract. Aborts, so libFuzzer keeps
// the input and prints the stack.
[[noreturn]] inline void finding(const char* what, const QString& detail = {})
{
    std::fprintf(stderr, "==WW-FUZZ== contract broken: %s%s%s\n", what, detail.isEmpty() ? "" : ": ",
                 qPrintable(detail));
    std::abort();
}

// Library chatter off: libprotobuf logs every refused string, Qt's warnings every odd value; a
// fatal message (Q_ASSERT, qFatal) still prints and aborts.
inline void quiet()
{
    google::protobuf::SetLogHandler(
        [](google::protobuf::LogLevel level, const char* file, int line, const std::string& m) {
            if (level == google::protobuf::LOGLEVEL_FATAL)
                std::fprintf(stderr, "protobuf FATAL %s:%d: %s\n", file, line, m.c_str());
        });
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& m) {
        if (type == QtFatalMsg)
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(m));
    });
}

// What a decoder delivers must be usable by everything after it (as tst_robustness checks, and
// what the decoders say they check): finite numbers, device times within the accepted window
// (retained state may be older, never ahead); a rejection names its fault and delivers nothing.
inline void check(const DecodeResult& r, const DecodeContext& ctx)
{
    if (r.error) {
        if (!r.messages.isEmpty())
            finding("a rejected payload also delivered messages", r.error->detail);
        if (r.error->detail.isEmpty())
            finding("a rejection without a reason", toString(r.error->reason));
        return;
    }
    const qint64 earliest = ctx.nowMs - ctx.maxPastMs, latest = ctx.nowMs + ctx.maxFutureMs;
    auto badTime = [&](qint64 t) { return t < earliest || t > latest; };
    for (const Decoded& d : r.messages)
        std::visit(
            [&](const auto& m) {
                using T = std::decay_t<decltype(m)>;
                if constexpr (std::is_same_v<T, BeaconBatch>) {
                    if (badTime(m.deviceTimeMs))
                        finding("beacon batch time out of range", QString::number(m.deviceTimeMs));
                    if (m.gateway < 0 || m.gateway >= ctx.directory->gatewayCount())
                        finding("beacon batch of an unknown gateway", QString::number(m.gateway));
                    for (const auto& b : m.reports)
                        if (b.rssi < -127 || b.rssi > 20 || b.timeMs < earliest - 600'000 ||
                            b.timeMs > latest || b.tag < 0 || b.tag >= ctx.directory->tagCount())
                            finding(
                                "advert out of range",
                                QStringLiteral("tag %1 rssi %2 at %3").arg(b.tag).arg(b.rssi).arg(b.timeMs));
                } else if constexpr (std::is_same_v<T, VitalsUpdate>) {
                    if (badTime(m.deviceTimeMs))
                        finding("vitals time out of range", QString::number(m.deviceTimeMs));
                    for (const auto& s : m.samples)
                        if (!std::isfinite(s.value) || badTime(s.timeMs))
                            finding("vital sample out of range",
                                    QStringLiteral("%1 at %2").arg(s.value).arg(s.timeMs));
                } else if constexpr (std::is_same_v<T, DeviceEventMsg>) {
                    // Events are taken from a device clock up to EventMaxFutureMs ahead.
                    if (m.deviceTimeMs < earliest || m.deviceTimeMs > ctx.nowMs + std::max(ctx.maxFutureMs, EventMaxFutureMs))
                        finding("event time out of range", QString::number(m.deviceTimeMs));
                } else if constexpr (std::is_same_v<T, DeviceStatusMsg>) {
                    if (m.deviceTimeMs < 0 || m.deviceTimeMs > latest) // retained: may be old, never ahead
                        finding("status time out of range", QString::number(m.deviceTimeMs));
                } else if constexpr (std::is_same_v<T, CensusEntryMsg> || std::is_same_v<T, CareEntryMsg> ||
                                     std::is_same_v<T, ShiftRoleMsg>) {
                    if (m.timeMs <= 0 || m.timeMs > latest) // retained: may be old, never ahead, never 0
                        finding("shared entry time out of range", QString::number(m.timeMs));
                    if constexpr (std::is_same_v<T, CareEntryMsg>) {
                        if (m.repositionEveryMin < 0 || m.repositionEveryMin > 24 * 60)
                            finding("care entry interval out of range", QString::number(m.repositionEveryMin));
                        for (const QString& t : m.medicationTimes)
                            if (!isTimeOfDay(t))
                                finding("care entry time of day not HH:MM", t);
                    }
                } else if constexpr (std::is_same_v<T, BedUpdate>) {
                    if (badTime(m.deviceTimeMs))
                        finding("bed time out of range", QString::number(m.deviceTimeMs));
                    if (m.headAngleDeg && (!std::isfinite(*m.headAngleDeg) || *m.headAngleDeg < 0 || *m.headAngleDeg > 90))
                        finding("bed head angle out of range", QString::number(*m.headAngleDeg));
                    if (m.railsUp && (*m.railsUp < 0 || *m.railsUp > 4))
                        finding("bed rails out of range", QString::number(*m.railsUp));
                } else if constexpr (std::is_same_v<T, AlarmStateMsg>) {
                    constexpr qint64 Year = 365LL * 86'400'000;
                    if (!m.cleared && (m.state.onsetMs < ctx.nowMs - Year || m.state.onsetMs > latest))
                        finding("alarm onset out of range", QString::number(m.state.onsetMs));
                } else if constexpr (std::is_same_v<T, PositionMsg>) {
                    if (badTime(m.timeMs))
                        finding("position time out of range", QString::number(m.timeMs));
                    if (!std::isfinite(m.x) || !std::isfinite(m.y) || !std::isfinite(m.accuracyM) ||
                        !std::isfinite(m.confidence))
                        finding("position not finite", QStringLiteral("x %1 y %2 accuracy %3 confidence %4")
                                                           .arg(m.x)
                                                           .arg(m.y)
                                                           .arg(m.accuracyM)
                                                           .arg(m.confidence));
                } else if constexpr (std::is_same_v<T, EnvUpdate>) {
                    if (badTime(m.deviceTimeMs))
                        finding("environment time out of range", QString::number(m.deviceTimeMs));
                    for (const auto& v :
                         {m.temperatureC, m.humidityPct, m.co2Ppm, m.pm25, m.tvoc, m.diffPressurePa})
                        if (v && !std::isfinite(*v))
                            finding("environment value not finite", QString::number(*v));
                }
            },
            d);
}

// A file that the file-reading decoders (CSV, recordings) are given, rewritten for every input: an
// in-memory file (memfd) opened by its /proc path, so no disk is touched between inputs.
class InputFile
{
public:
    explicit InputFile(const char* name) : m_fd(::memfd_create(name, MFD_CLOEXEC))
    {
        if (m_fd < 0) {
            std::perror("memfd_create");
            std::abort(); // the harness's own failure, not the decoder's: stop loudly
        }
        m_path = QStringLiteral("/proc/self/fd/%1").arg(m_fd);
    }
    ~InputFile() { ::close(m_fd); }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // The file's path, holding exactly these bytes.
    [[nodiscard]] const QString& write(const uint8_t* data, size_t size) const
    {
        if (::ftruncate(m_fd, 0) != 0 || (size && ::pwrite(m_fd, data, size, 0) != ssize_t(size))) {
            std::perror("memfd write");
            std::abort();
        }
        return m_path;
    }

private:
    int m_fd;
    QString m_path;
};

} // namespace ww::fuzz
