#include "models/trends.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww {

TrendSeries::TrendSeries(size_t capacity, qint64 minSpacingMs) : m_capacity(capacity), m_minSpacingMs(minSpacingMs) {}

void TrendSeries::append(qint64 timeMs, double value)
{
    if (m_capacity == 0 || !std::isfinite(value))
        return;
    if (m_count == 0) {
        m_baseMs = timeMs;
    } else {
        const qint64 last = lastTimeMs();
        if (timeMs <= last || timeMs - last < m_minSpacingMs)
            return;
    }
    if (timeMs - m_baseMs > qint64(std::numeric_limits<quint32>::max()))
        rebase(timeMs);
    const Sample s{quint32(timeMs - m_baseMs), float(value)};
    if (m_buffer.size() < m_capacity) {
        m_buffer.push_back(s);
        ++m_count;
        return;
    }
    m_buffer[(m_head + m_count) % m_capacity] = s; // full: the oldest makes room
    m_head = (m_head + 1) % m_capacity;
}

// Offsets past 49 days: the base moves to the oldest sample kept, or to now when nothing older is
// within reach; samples that no offset can reach any more are dropped.
void TrendSeries::rebase(qint64 timeMs)
{
    const qint64 limit = qint64(std::numeric_limits<quint32>::max());
    while (m_count > 0 && timeMs - timeAt(0) > limit) {
        m_head = (m_head + 1) % m_capacity;
        --m_count;
    }
    const qint64 newBase = m_count ? timeAt(0) : timeMs;
    std::vector<Sample> kept;
    kept.reserve(m_buffer.capacity());
    for (size_t i = 0; i < m_count; ++i)
        kept.push_back({quint32(timeAt(i) - newBase), at(i).value});
    m_buffer = std::move(kept);
    m_head = 0;
    m_baseMs = newBase;
}

QList<QPointF> chartPoints(const std::vector<coldchain::Sample>& samples, qint64 fromMs)
{
    std::vector<const coldchain::Sample*> kept;
    kept.reserve(samples.size());
    for (const coldchain::Sample& s : samples)
        if (s.timeMs >= fromMs && std::isfinite(s.temperatureC))
            kept.push_back(&s);
    std::stable_sort(kept.begin(), kept.end(),
                     [](const auto* a, const auto* b) { return a->timeMs < b->timeMs; });
    QList<QPointF> points;
    points.reserve(qsizetype(kept.size()));
    for (const coldchain::Sample* s : kept)
        if (points.isEmpty() || qint64(points.back().x()) != s->timeMs) // the first of a time stands
            points.append(QPointF(double(s->timeMs), s->temperatureC));
    return points;
}

TrendStore::TrendStore(size_t patients, size_t environment)
    : m_vitals(patients * VitalKindCount, TrendSeries(VitalCapacity, VitalSpacingMs)),
      m_news2(patients, TrendSeries(VitalCapacity, VitalSpacingMs)), m_patientIds(patients), m_env(environment)
{
}

void TrendStore::apply(const WardUpdate& update)
{
    for (const auto& [row, p] : update.patients) {
        if (p.id != m_patientIds[size_t(row)]) { // another patient in this row: never their predecessor's trends
            m_patientIds[size_t(row)] = p.id;
            for (int k = 0; k < VitalKindCount; ++k)
                m_vitals[size_t(row) * VitalKindCount + size_t(k)] = TrendSeries(VitalCapacity, VitalSpacingMs);
            m_news2[size_t(row)] = TrendSeries(VitalCapacity, VitalSpacingMs);
        }
        qint64 newest = 0;
        for (int k = 0; k < VitalKindCount; ++k)
            if (p.vitals[size_t(k)].valid) {
                m_vitals[size_t(row) * VitalKindCount + size_t(k)].append(p.vitals[size_t(k)].timeMs, p.vitals[size_t(k)].value);
                newest = std::max(newest, p.vitals[size_t(k)].timeMs);
            }
        if (p.news2 >= 0 && newest > 0)
            m_news2[size_t(row)].append(newest, p.news2);
    }
    for (const auto& [row, e] : update.environment) {
        Env& env = m_env[size_t(row)];
        if (e.temperatureC)
            env.temperature.append(e.timeMs, *e.temperatureC);
        if (e.humidityPct)
            env.humidity.append(e.timeMs, *e.humidityPct);
        if (e.co2Ppm)
            env.co2.append(e.timeMs, *e.co2Ppm);
        if (e.door != DoorState::Unknown && e.door != env.door) {
            env.door = e.door;
            env.doors.push_back({e.doorSinceMs, e.door == DoorState::Open});
            if (env.doors.size() > DoorCapacity)
                env.doors.pop_front();
        }
    }
}

size_t TrendStore::bytes() const
{
    size_t b = 0;
    for (const TrendSeries& s : m_vitals)
        b += s.bytes();
    for (const TrendSeries& s : m_news2)
        b += s.bytes();
    for (const Env& e : m_env)
        b += e.temperature.bytes() + e.humidity.bytes() + e.co2.bytes() + e.doors.size() * sizeof(coldchain::DoorSample);
    return b;
}

} // namespace ww
