#include "core/positionhistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww {

PositionHistory::PositionHistory(const std::vector<QString>& roomIds, int tagCount, Config config)
    : m_rooms(roomIds), m_tags(size_t(std::max(0, tagCount))), m_config(config)
{
    for (int i = 0; i < int(m_rooms.size()); ++i)
        m_roomIndex.insert(m_rooms[size_t(i)], i);
}

void PositionHistory::record(int tag, const Location& loc)
{
    if (tag < 0 || size_t(tag) >= m_tags.size() || !loc.known)
        return;
    if (m_baseMs == 0)
        m_baseMs = loc.timeMs;
    auto& samples = m_tags[size_t(tag)];
    const int room = m_roomIndex.value(loc.roomId, -1);
    auto dm = [](double m) { return qint16(std::clamp<long>(std::lround(m * 10), -32768, 32767)); };
    const qint64 ds = (loc.timeMs - m_baseMs) / 100;
    if (ds < std::numeric_limits<qint32>::min() || ds > std::numeric_limits<qint32>::max())
        return; // years away from the first sample: not a time this history keeps
    const Sample s{qint32(ds), dm(loc.x), dm(loc.y), qint16(room),
                   qint8(std::clamp(loc.floor, -128, 127)), quint8(std::clamp<long>(std::lround(loc.accuracyM * 10), 0, 255))};
    const qint64 spacingDs = m_config.minSpacingMs / 100;
    if (!samples.empty()) {
        Sample& last = samples.back();
        if (s.timeDs < last.timeDs)
            return; // older than what is kept
        // The last sample came within the spacing of the one before it, and this one in the same
        // room and floor: this one replaces it, so the newest position is always kept and the
        // others lie at least the spacing apart.
        if (s.room == last.room && s.floor == last.floor && samples.size() >= 2 &&
            last.timeDs - samples[samples.size() - 2].timeDs < spacingDs) {
            last = s;
            return;
        }
        // Still since the sample before the last: this one replaces the last, until stillSpacingMs
        // after the one before it.
        if (samples.size() >= 2) {
            const Sample& before = samples[samples.size() - 2];
            auto near = [&](const Sample& a) {
                return a.room == before.room && a.floor == before.floor &&
                       std::hypot(double(a.xDm - before.xDm), double(a.yDm - before.yDm)) <=
                           std::max(m_config.stillM * 10, double(before.accuracyDm));
            };
            if (near(last) && near(s) && s.timeDs - before.timeDs < m_config.stillSpacingMs / 100) {
                last = s;
                return;
            }
        }
    }
    samples.push_back(s);
    const qint64 oldest = s.timeDs - m_config.retentionMs / 100;
    while (!samples.empty() && samples.front().timeDs < oldest)
        samples.pop_front();
}

TrackPoint PositionHistory::point(const Sample& s) const
{
    return TrackPoint{timeOf(s), s.floor, s.xDm / 10.0, s.yDm / 10.0, s.accuracyDm / 10.0,
                      s.room >= 0 ? m_rooms[size_t(s.room)] : QString()};
}

std::optional<TrackPoint> PositionHistory::at(int tag, qint64 timeMs, qint64 maxAgeMs) const
{
    if (tag < 0 || size_t(tag) >= m_tags.size())
        return std::nullopt;
    const auto& samples = m_tags[size_t(tag)];
    // The first sample after timeMs; the one before it is where the tag was.
    const auto after = std::upper_bound(samples.begin(), samples.end(), timeMs,
                                        [this](qint64 t, const Sample& s) { return t < timeOf(s); });
    if (after == samples.begin())
        return std::nullopt;
    const Sample& s = *std::prev(after);
    if (maxAgeMs >= 0 && timeMs - timeOf(s) > maxAgeMs)
        return std::nullopt;
    return point(s);
}

std::vector<TrackPoint> PositionHistory::track(int tag, qint64 fromMs, qint64 toMs) const
{
    std::vector<TrackPoint> out;
    if (tag < 0 || size_t(tag) >= m_tags.size())
        return out;
    for (const Sample& s : m_tags[size_t(tag)])
        if (timeOf(s) >= fromMs && timeOf(s) <= toMs)
            out.push_back(point(s));
    return out;
}

size_t PositionHistory::samples() const
{
    size_t n = 0;
    for (const auto& t : m_tags)
        n += t.size();
    return n;
}

} // namespace ww
