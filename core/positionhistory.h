#pragma once
// Where every tag was: a per-tag history of its located positions over the last hours (12 h by
// default), for looking back on the floor plan ("where was everyone when the fall happened") and
// for one patient's view. Core thread only; the GUI asks the core (WardCore::queryPositionsAt).
//
// Compact: a sample is 12 bytes (time in tenths of a second, x, y and accuracy in decimetres, floor,
// room). A tag keeps at most one sample per minSpacingMs besides its newest unless it changed room
// or floor, so a tag walking all day costs at most retention / minSpacing samples (21 600 for 12 h
// at 2 s: 259 KB); one that stays where it is (the same room, within its accuracy) keeps one per
// stillSpacingMs, so a patient in bed or a parked pump costs 720 samples in 12 h. Samples older
// than the retention are dropped as new ones come.
#include "core/rows.h"

#include <QHash>
#include <QString>
#include <deque>
#include <optional>
#include <vector>

namespace ww {

struct TrackPoint
{
    qint64 timeMs = 0;
    int floor = 0;
    double x = 0, y = 0, accuracyM = 0;
    QString roomId;
    bool operator==(const TrackPoint&) const = default;
};

// A tag's position in a look-back answer.
struct TagPosition
{
    QString tagId;
    TrackPoint at;
    bool operator==(const TagPosition&) const = default;
};

class PositionHistory
{
public:
    struct Config
    {
        qint64 retentionMs = 12LL * 3600 * 1000;
        qint64 minSpacingMs = 2000;
        // A tag within its accuracy (at least stillM) of its sample before the last, in the same
        // room and floor, is still: its newest replaces the last until stillSpacingMs after that one.
        qint64 stillSpacingMs = 60'000;
        double stillM = 1.5;
    };
    // rooms: the site's rooms (a sample stores its room's index).
    PositionHistory(const std::vector<QString>& roomIds, int tagCount, Config config);
    PositionHistory(const std::vector<QString>& roomIds, int tagCount) : PositionHistory(roomIds, tagCount, Config{}) {}

    // A located position of a tag (an unknown one is not recorded). Times need not arrive in order:
    // a sample older than the tag's newest is left out.
    void record(int tag, const Location& loc);
    // Where the tag was at timeMs: its last sample at or before it, if one lies within the retention
    // and not more than maxAgeMs before timeMs (default: any age).
    [[nodiscard]] std::optional<TrackPoint> at(int tag, qint64 timeMs, qint64 maxAgeMs = -1) const;
    // The tag's samples in [fromMs, toMs], oldest first.
    [[nodiscard]] std::vector<TrackPoint> track(int tag, qint64 fromMs, qint64 toMs) const;
    [[nodiscard]] size_t samples() const;
    [[nodiscard]] size_t bytes() const { return samples() * sizeof(Sample); }
    [[nodiscard]] const Config& config() const { return m_config; }

private:
    struct Sample
    {
        qint32 timeDs;  // tenths of a second since m_baseMs
        qint16 xDm, yDm; // decimetres, site frame (+-3.2 km)
        qint16 room;    // index in m_rooms, -1: none
        qint8 floor;
        quint8 accuracyDm;
    };
    static_assert(sizeof(Sample) == 12, "a sample stays small");
    [[nodiscard]] qint64 timeOf(const Sample& s) const { return m_baseMs + qint64(s.timeDs) * 100; }
    [[nodiscard]] TrackPoint point(const Sample& s) const;
    std::vector<QString> m_rooms;
    QHash<QString, int> m_roomIndex;
    std::vector<std::deque<Sample>> m_tags;
    Config m_config;
    qint64 m_baseMs = 0; // the first sample's time (0: none yet)
};

} // namespace ww

Q_DECLARE_METATYPE(ww::TrackPoint)
Q_DECLARE_METATYPE(ww::TagPosition)
