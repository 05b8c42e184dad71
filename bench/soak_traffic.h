#pragma once
// The soak benchmark's ward traffic: the simulator (tools/wardsim) on the default ward, in simulated
// time, in steps of 0.1 s. Its radio model costs more per simulated hour than the whole station (24 h
// would take 6-15 min of one core alone), so by default only the first loop period (an hour) is
// simulated; its frames are kept in a file (outside this process's RSS) and replayed after it, each
// round moved on by whole periods: every device time by the round's offset, and every device's boot
// number (events and statuses) by BootsPerRound, as if each device had restarted: its events count
// from 1 again, so none is a duplicate and none looks lost. loopMs 0: the simulator throughout.
#include "domain/clock.h"
#include "transport/topics.h"
#include "transport/wirecodec.h"
#include "wardsimulation.h"

#include <QDataStream>
#include <QFile>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace ww::bench {

struct SoakFrame
{
    QByteArray topic; // UTF-8, NUL-terminated (QByteArray always is)
    QByteArray payload;
};

class SoakTraffic
{
public:
    static constexpr qint64 StepMs = 100;
    static constexpr quint32 BootsPerRound = 1000; // a device's boot number moves on by this per round

    struct Options
    {
        quint64 seed = 1;
        QString vitalsDir;  // PhysioNet records; empty: synthetic vitals
        qint64 loopMs = 0;  // 0: simulate throughout
        QString recordPath; // where the loop's frames are kept (loopMs > 0)
    };

    SoakTraffic(const Site& site, qint64 startMs, Options options)
        : m_site(site), m_options(std::move(options)), m_topics(site.id), m_directory(site),
          m_startMs(startMs)
    {
        sim::SimOptions so;
        so.seed = m_options.seed;
        so.vitalsDir = m_options.vitalsDir;
        m_world = std::make_unique<sim::WardSimulation>(site, so, startMs,
                                                        [this](sim::Outgoing&& o) { take(std::move(o)); });
        m_replayingVitals = m_world->replaying();
        if (m_options.loopMs > 0) {
            m_options.loopMs = std::max(StepMs, m_options.loopMs / StepMs * StepMs);
            m_record.setFileName(m_options.recordPath);
            m_recordOk = m_record.open(QIODevice::WriteOnly | QIODevice::Truncate);
            m_stream.setDevice(&m_record);
        }
        m_world->publishStatuses(); // as wardsim does at its start
    }

    [[nodiscard]] bool ok() const { return m_options.loopMs == 0 || m_recordOk; }
    [[nodiscard]] QString error() const { return m_record.errorString(); }
    [[nodiscard]] bool vitalsReplayed() const { return m_replayingVitals; }
    [[nodiscard]] int tagCount() const { return m_world ? m_world->tagCount() : m_tags; }
    [[nodiscard]] qint64 loopMs() const { return m_options.loopMs; }
    [[nodiscard]] qint64 recordBytes() const { return m_recordBytes; }
    [[nodiscard]] quint64 framesSimulated() const { return m_simulated; }
    [[nodiscard]] quint64 framesReplayed() const { return m_replayed; }
    [[nodiscard]] quint64 replayDropped() const { return m_dropped; }

    // The frames devices send in the next step (simulated time moves on by StepMs), in order.
    std::vector<SoakFrame>& step()
    {
        m_out.clear();
        ++m_step;
        const qint64 stepsPerLoop = m_options.loopMs / StepMs;
        if (m_options.loopMs == 0 || m_step <= stepsPerLoop) {
            m_world->step(double(StepMs) / 1000.0);
            if (m_options.loopMs > 0 && m_step == stepsPerLoop)
                endRecording();
        } else {
            replay(m_step - (m_step - 1) / stepsPerLoop * stepsPerLoop, (m_step - 1) / stepsPerLoop);
        }
        return m_out;
    }

private:
    // A frame from the simulator: the station sees it (not the ground truth), and the loop keeps it.
    void take(sim::Outgoing&& o)
    {
        if (o.topic.contains(QStringLiteral("/truth/")))
            return;
        SoakFrame f{o.topic.toUtf8(), std::move(o.payload)};
        ++m_simulated;
        if (m_options.loopMs > 0 && m_recordOk) {
            m_stream << qint32(m_step) << f.topic << f.payload;
            m_recordBytes += 16 + f.topic.size() + f.payload.size();
        }
        m_out.push_back(std::move(f));
    }

    void endRecording()
    {
        m_tags = m_world->tagCount();
        m_world.reset(); // its memory is the traffic's, not the station's
        m_stream.setDevice(nullptr);
        m_record.close();
        m_recordOk = m_record.open(QIODevice::ReadOnly);
        m_stream.setDevice(&m_record);
    }

    // The frames of loop step `at` (1-based) in round `round` (1, 2, ...), moved on by round periods.
    void replay(qint64 at, qint64 round)
    {
        if (at == 1) { // a new round: from the file's start
            m_record.seek(0);
            m_stream.resetStatus();
            m_pending.reset();
        }
        while (true) {
            if (!m_pending) {
                if (m_stream.atEnd())
                    return;
                qint32 s = 0;
                SoakFrame f;
                m_stream >> s >> f.topic >> f.payload;
                if (m_stream.status() != QDataStream::Ok)
                    return;
                m_pending = std::make_unique<std::pair<qint32, SoakFrame>>(s, std::move(f));
            }
            if (m_pending->first > at)
                return;
            if (auto moved = retime(m_pending->second, round)) {
                m_out.push_back(std::move(*moved));
                ++m_replayed;
            } else {
                ++m_dropped;
            }
            m_pending.reset();
        }
    }

    // The frame as its device would send it `round` periods later.
    std::optional<SoakFrame> retime(const SoakFrame& f, qint64 round) const
    {
        const qint64 shift = round * m_options.loopMs;
        const ParsedTopic parsed =
            m_topics.parse(std::string_view(f.topic.constData(), size_t(f.topic.size())));
        DecodeContext ctx;
        ctx.directory = &m_directory;
        ctx.nowMs = ctx.receiveTimeMs = m_startMs + m_options.loopMs; // the recording's times lie before it
        const auto r = decodeWire(
            parsed.kind, parsed.id,
            {reinterpret_cast<const std::byte*>(f.payload.constData()), size_t(f.payload.size())}, ctx);
        if (r.error || r.messages.size() != 1)
            return std::nullopt;
        QByteArray payload;
        std::visit(
            [&](auto m) {
                using T = std::decay_t<decltype(m)>;
                if constexpr (std::is_same_v<T, BeaconBatch>) {
                    m.deviceTimeMs += shift;
                    for (auto& rep : m.reports)
                        rep.timeMs += shift;
                    payload = encode(m, m_directory);
                } else if constexpr (std::is_same_v<T, VitalsUpdate>) {
                    m.deviceTimeMs += shift;
                    for (auto& s : m.samples)
                        s.timeMs += shift;
                    payload = encode(m);
                } else if constexpr (std::is_same_v<T, DeviceEventMsg>) {
                    m.deviceTimeMs += shift;
                    m.boot += quint32(round) * BootsPerRound;
                    payload = encode(m);
                } else if constexpr (std::is_same_v<T, DeviceStatusMsg>) {
                    m.deviceTimeMs += shift;
                    m.boot += quint32(round) * BootsPerRound;
                    payload = encode(m);
                } else if constexpr (std::is_same_v<T, EnvUpdate>) {
                    m.deviceTimeMs += shift;
                    payload = encode(m);
                }
            },
            r.messages.front());
        if (payload.isEmpty())
            return std::nullopt;
        return SoakFrame{f.topic, payload};
    }

    const Site& m_site;
    Options m_options;
    Topics m_topics;
    DeviceDirectory m_directory; // the site's, as the station's decoder resolves adverts with
    qint64 m_startMs;
    std::unique_ptr<sim::WardSimulation> m_world;
    bool m_replayingVitals = false;
    int m_tags = 0;
    qint64 m_step = 0;
    std::vector<SoakFrame> m_out;
    QFile m_record;
    QDataStream m_stream;
    bool m_recordOk = false;
    qint64 m_recordBytes = 0;
    std::unique_ptr<std::pair<qint32, SoakFrame>> m_pending;
    quint64 m_simulated = 0, m_replayed = 0, m_dropped = 0;
};

} // namespace ww::bench
