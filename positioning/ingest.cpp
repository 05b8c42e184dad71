// From reports to levels: a tag's state, its reports held back for reordering and then taken in time
// order (advert clock, per-receiver windows, motion averages), and each receiver's level over the window.
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace ww::pos {

Engine::TagState& Engine::state(int tag)
{
    if (tag >= int(m_tags.size()))
        m_tags.resize(size_t(tag) + 1);
    TagState& s = m_tags[size_t(tag)];
    if (s.heard.empty())
        s.heard.resize(m_receivers.size());
    return s;
}

size_t Engine::bytesPerTag() const
{
    // State, the motion averages and room beliefs, plus the windows at the rate seen so far
    // (deques hold the samples of one window).
    size_t samples = 0, tags = 0, heap = 0;
    for (const auto& t : m_tags) {
        if (t.heard.empty())
            continue;
        ++tags;
        for (const auto& h : t.heard)
            samples += h.window.capacity();
        heap += (t.roomLogP.capacity() + t.roomJumpT.capacity() + t.restEvidence.sum.capacity() + t.heldEvidence.sum.capacity()) * sizeof(double) +
                t.held.capacity() * sizeof(TagState::HeldSum) +
                t.votes.capacity() * sizeof(std::pair<QString, double>);
    }
    const size_t perTagFixed = sizeof(TagState) + m_receivers.size() * sizeof(TagState::Heard);
    return perTagFixed + (tags ? (samples * sizeof(Sample) + heap) / tags : 0);
}

void Engine::addReport(int tag, int receiver, double tS, double rssi, double txPower)
{
    // What no decoder should pass, the engine still refuses: a NaN time would never leave the window.
    if (tag < 0 || receiver < 0 || receiver >= int(m_receivers.size()) || !std::isfinite(rssi) || !std::isfinite(tS))
        return;
    if (m_config.txRef != 0 && txPower != 0)
        rssi -= txPower - m_config.txRef; // tags of mixed power, brought to the models' reference
    noteReceiver(receiver, tS); // heard, whatever becomes of the report
    TagState& s = state(tag);
    if (tS < s.newestT - m_config.reorderWindowS) {
        ++m_lateReports; // too old to take its place: the fixes around it are made
        return;
    }
    s.newestT = std::max(s.newestT, tS);
    s.pending.push_back({tS, rssi, qint32(receiver)});
    // A tag nobody asks a fix of (another engine's, a reference beacon) keeps only the window's
    // worth, and reports that all carry one time (a stuck clock) go in as they came.
    if (s.pending.size() >= MaxWindowSamples) {
        takePending(s, s.newestT - m_config.reorderWindowS);
        if (s.pending.size() >= MaxWindowSamples)
            takePending(s);
    }
}

// The motion averages' gains for one time step and advert interval: receivers that stamp one
// advert alike (one clock, as in the simulator and recordings resampled to it) see the same step
// since the last and share the two exponentials; any other step computes its own.
struct Engine::MotionGains
{
    double dt = -1, scale = 0;
    double fast = 0, slow = 0;
};

void Engine::takePending(TagState& s, double upToT)
{
    if (s.pending.empty())
        return;
    const auto earlier = [](const TagState::Pending& a, const TagState::Pending& b) { return a.t < b.t; };
    if (!std::is_sorted(s.pending.begin(), s.pending.end(), earlier)) // mostly they came in order
        std::stable_sort(s.pending.begin(), s.pending.end(), earlier);
    size_t n = 0;
    while (n < s.pending.size() && s.pending[n].t <= upToT)
        ++n;
    // Each report touches its receiver's state and a slot of its ring, both seldom in cache (the
    // other tags' reports come between two adverts of one). Asked for all at once, the misses
    // overlap instead of following one another: the states first, then the slots they point to.
    for (size_t i = 0; i < n; ++i) {
        const auto* heard = reinterpret_cast<const char*>(&s.heard[size_t(s.pending[i].receiver)]);
        __builtin_prefetch(heard);
        __builtin_prefetch(heard + sizeof(TagState::Heard) - 1);
    }
    for (size_t i = 0; i < n; ++i)
        s.heard[size_t(s.pending[i].receiver)].window.prefetchBack();
    MotionGains gains;
    for (size_t i = 0; i < n; ++i)
        takeReport(s, s.pending[i].receiver, s.pending[i].t, s.pending[i].rssi, gains);
    s.pending.erase(s.pending.begin(), s.pending.begin() + qsizetype(n));
}

void Engine::takeReport(TagState& s, int receiver, double tS, double rssi, MotionGains& gains)
{
    // One advert reaches several receivers within a few ms: a gap of more than 0.2 s is the next one.
    if (tS - s.lastAdvertT > 0.2) {
        auto& c = s.certainty;
        if (s.lastAdvertT > -1e17)
            s.advertInterval = 0.8 * s.advertInterval + 0.2 * std::min(tS - s.lastAdvertT, 30.0);
        if (s.lastAdvertT > -1e17 && tS - s.lastAdvertT >= m_config.staleGapS) {
            c.resumedT = tS;
            c.advertsSinceResume = 0;
        }
        c.firstReportT = std::min(c.firstReportT, tS);
        ++c.adverts;
        ++c.advertsSinceResume;
        s.lastAdvertT = tS;
    }
    TagState::Heard& heard = s.heard[size_t(receiver)];
    // Bounded by count here: reports that all carry one time (a gateway with a stuck clock, a
    // replayed batch) never age out. Bounded by age in levels(), which reads it: reading the oldest
    // sample here would cost a cache miss on every report.
    if (heard.window.size() >= MaxWindowSamples)
        heard.window.pop_front();
    heard.window.insert({tS, rssi});
    {
        // Deep fades are clipped before they move the level at rest, as the motion averages are.
        const double k = 2 * m_config.sigmaDb, mean = heard.restCount ? heard.restSum / heard.restCount : rssi;
        heard.restSum += float(mean + std::clamp(rssi - mean, -k, k));
        ++heard.restCount;
    }
    // The motion averages: time constants grow for tags that advertise slowly.
    auto& tr = heard.trend;
    if (tr.t < -1e17 || tS - tr.t > 4 * m_config.motionSlowS) {
        tr.fast = tr.slow = float(rssi);
    } else {
        // Outliers (deep fades) are clipped to 2 sigma before they move the averages.
        const double scale = intervalScale(s), dt = std::max(0.0, tS - tr.t), k = 2 * m_config.sigmaDb;
        if (dt != gains.dt || scale != gains.scale)
            gains = {dt, scale, 1 - expNeg(dt / (m_config.motionFastS * scale)),
                     1 - expNeg(dt / (m_config.motionSlowS * scale))};
        tr.fast += float(gains.fast * std::clamp(rssi - tr.fast, -k, k));
        tr.slow += float(gains.slow * std::clamp(rssi - tr.slow, -k, k));
    }
    tr.t = tS;
}

static_assert(Engine::MaxWindowSamples <= 128, "a window's head, count and capacity are bytes");

Engine::Window& Engine::Window::operator=(const Window& o)
{
    if (this == &o)
        return *this;
    m_data = o.m_capacity ? std::make_unique_for_overwrite<Sample[]>(o.m_capacity) : nullptr;
    for (quint32 i = 0; i < o.m_count; ++i)
        m_data[i] = o[i];
    m_capacity = o.m_capacity;
    m_count = o.m_count;
    m_head = 0;
    m_newestT = o.m_newestT;
    return *this;
}

void Engine::Window::insertEarlier(const Sample& smp)
{
    if (m_count == m_capacity)
        grow();
    m_data[(m_head + m_count++) & (m_capacity - 1)] = smp;
    const quint32 mask = m_capacity - 1;
    for (quint32 i = m_count - 1; i > 0; --i) {
        Sample& later = m_data[(m_head + i) & mask];
        Sample& earlier = m_data[(m_head + i - 1) & mask];
        if (earlier.t <= later.t)
            break;
        std::swap(earlier, later);
    }
}

void Engine::Window::grow()
{
    const quint32 capacity = m_capacity ? 2 * m_capacity : 4;
    auto data = std::make_unique_for_overwrite<Sample[]>(capacity); // slots are read only once written
    for (quint32 i = 0; i < m_count; ++i)
        data[i] = (*this)[i];
    m_data = std::move(data);
    m_capacity = quint8(capacity);
    m_head = 0;
}

double Engine::windowFor(const TagState& s) const
{
    // At least a few adverts per window: a tag advertising every 5 s needs more than 2.5 s.
    return std::clamp(2.5 * s.advertInterval, m_config.windowS, 15.0);
}

std::vector<Engine::Level> Engine::levels(TagState& s, double tS)
{
    std::vector<Level> out;
    std::pair<double, double> buf[MaxWindowSamples]; // (level, weight)
    const double window = windowFor(s);
    // A tag whose levels change (motion statistic at or above motionSettleDb) weighs its recent
    // samples more, exp(-age / tau): a walker's older ones are behind it. A still one keeps equal
    // weights, the least noisy level. It follows the motion statistic, not 'settled': 'settled' also
    // depends on the fix, so a noisy fix would weigh recent samples more and make the next one noisier.
    const double tau = m_config.levelTimeConstantWindows * window;
    const bool weigh = tau > 0 && s.motionDb >= m_config.motionSettleDb;
    for (size_t r = 0; r < s.heard.size(); ++r) {
        auto& w = s.heard[r].window;
        while (!w.empty() && w.front().t < tS - window)
            w.pop_front();
        int n = 0;
        for (size_t i = 0; i < w.size(); ++i)
            if (const Sample& smp = w[i]; smp.t <= tS && n < MaxWindowSamples)
                buf[n++] = {smp.rssi, weigh ? expNeg((tS - smp.t) / tau) : 1.0};
        if (n == 0)
            continue;
        // Deep fades pull a plain mean down: average the strongest three quarters.
        std::sort(buf, buf + n, [](const auto& a, const auto& b) {
            return a.first > b.first || (a.first == b.first && a.second > b.second); // ties: the recent first
        });
        const int keep = std::max(1, (3 * n + 3) / 4);
        double sum = 0, sw = 0, sw2 = 0;
        for (int i = 0; i < keep; ++i) {
            sum += buf[i].first * buf[i].second;
            sw += buf[i].second;
            sw2 += buf[i].second * buf[i].second;
        }
        // Unequal weights count as fewer samples (Kish's effective number).
        const int eff = weigh ? std::max(1, int(std::lround(double(n) * (sw * sw / sw2) / keep))) : n;
        out.push_back({int(r), sum / sw, eff});
    }
    std::sort(out.begin(), out.end(), [](const Level& a, const Level& b) { return a.rssi > b.rssi; });
    return out;
}

} // namespace ww::pos
