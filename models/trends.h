#pragma once
// Trends for the charts: fixed-size ring buffers of compact samples (a 32-bit millisecond offset and a
// float, 8 bytes), fed on the GUI thread from the coalesced batches the models already receive. They
// hold what this station has seen since it started; the fridge's compliance record is the core's
// (EnvRecord), not these.
#include "domain/coldchain.h"
#include "core/rows.h"

#include <QList>
#include <QPointF>
#include <deque>
#include <vector>

namespace ww {

class TrendSeries
{
public:
    // capacity: samples kept (the oldest go first); minSpacingMs: a sample closer than this to the
    // last one kept is dropped, so a fast device cannot shorten the span the buffer covers.
    explicit TrendSeries(size_t capacity = 0, qint64 minSpacingMs = 0);

    // Samples must come in time order; an older or equal time is ignored, so a line never goes
    // back in time and a repeated sample is never a second point.
    void append(qint64 timeMs, double value);
    [[nodiscard]] size_t size() const { return m_count; }
    [[nodiscard]] bool empty() const { return m_count == 0; }
    [[nodiscard]] size_t capacity() const { return m_capacity; }
    // Oldest first.
    [[nodiscard]] qint64 timeAt(size_t i) const { return m_baseMs + qint64(at(i).offsetMs); }
    [[nodiscard]] double valueAt(size_t i) const { return double(at(i).value); }
    [[nodiscard]] qint64 lastTimeMs() const { return m_count ? timeAt(m_count - 1) : 0; }
    [[nodiscard]] size_t bytes() const { return m_buffer.capacity() * sizeof(Sample); }

private:
    struct Sample
    {
        quint32 offsetMs;
        float value;
    };
    [[nodiscard]] const Sample& at(size_t i) const { return m_buffer[(m_head + i) % m_capacity]; }
    void rebase(qint64 timeMs);

    std::vector<Sample> m_buffer;
    size_t m_capacity, m_head = 0, m_count = 0;
    qint64 m_minSpacingMs, m_baseMs = 0;
};

// A record's temperatures from fromMs on as chart points (x: ms since the epoch): in time order, one
// per time, so a reading recorded twice (a repeated message) is one point and a late one sits in its
// place, never drawing the line back.
[[nodiscard]] QList<QPointF> chartPoints(const std::vector<coldchain::Sample>& samples, qint64 fromMs);

class TrendStore
{
public:
    // Vitals: 8 h at one sample per 5 s; environment: 7 days at one per minute; door changes: 5000.
    static constexpr size_t VitalCapacity = 8 * 720, EnvCapacity = 7 * 1440, DoorCapacity = 5000;
    static constexpr qint64 VitalSpacingMs = 5000, EnvSpacingMs = 60'000;

    TrendStore(size_t patients, size_t environment);
    void apply(const WardUpdate& update);

    [[nodiscard]] const TrendSeries& vital(int patientRow, VitalKind kind) const
    {
        return m_vitals[size_t(patientRow) * VitalKindCount + size_t(kind)];
    }
    // The NEWS2 aggregate at the time of the vitals it was scored from (partial scores included).
    [[nodiscard]] const TrendSeries& news2(int patientRow) const { return m_news2[size_t(patientRow)]; }
    [[nodiscard]] const TrendSeries& temperature(int envRow) const { return m_env[size_t(envRow)].temperature; }
    [[nodiscard]] const TrendSeries& humidity(int envRow) const { return m_env[size_t(envRow)].humidity; }
    [[nodiscard]] const TrendSeries& co2(int envRow) const { return m_env[size_t(envRow)].co2; }
    [[nodiscard]] const std::deque<coldchain::DoorSample>& doors(int envRow) const { return m_env[size_t(envRow)].doors; }
    [[nodiscard]] size_t bytes() const;

private:
    struct Env
    {
        TrendSeries temperature{EnvCapacity, EnvSpacingMs}, humidity{EnvCapacity, EnvSpacingMs}, co2{EnvCapacity, EnvSpacingMs};
        std::deque<coldchain::DoorSample> doors;
        DoorState door = DoorState::Unknown;
    };
    std::vector<TrendSeries> m_vitals, m_news2;
    std::vector<QString> m_patientIds; // per row: whose trends these are (a discharge or admission starts anew)
    std::vector<Env> m_env;
};

} // namespace ww
