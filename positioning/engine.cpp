#include "positioning/engine.h"
#include "positioning/internal.h"
#include "domain/devicedirectory.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ww::pos {

bool invert2(const double a[2][2], double out[2][2])
{
    const double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    if (!(std::abs(det) > 1e-12))
        return false;
    out[0][0] = a[1][1] / det;
    out[1][1] = a[0][0] / det;
    out[0][1] = -a[0][1] / det;
    out[1][0] = -a[1][0] / det;
    return true;
}

bool solveLinear(const double M[3][3], const double b[3], double s[3], int n)
{
    double a[3][4];
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            a[i][j] = M[i][j];
        a[i][3] = b[i];
    }
    for (int c = 0; c < n; ++c) {
        int p = c;
        for (int r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c]))
                p = r;
        if (!(std::abs(a[p][c]) > 1e-15))
            return false;
        for (int j = 0; j < 4; ++j)
            std::swap(a[c][j], a[p][j]);
        for (int r = 0; r < n; ++r)
            if (r != c) {
                const double f = a[r][c] / a[c][c];
                for (int j = c; j < 4; ++j)
                    a[r][j] -= f * a[c][j];
            }
    }
    for (int i = 0; i < n; ++i)
        s[i] = a[i][3] / a[i][i];
    return true;
}

namespace {

constexpr double Ln10 = 2.302585092994046;

bool invertLinear(const double M[3][3], double out[3][3], int n)
{
    for (int c = 0; c < n; ++c) {
        double e[3] = {}, col[3] = {};
        e[c] = 1;
        if (!solveLinear(M, e, col, n))
            return false;
        for (int r = 0; r < n; ++r)
            out[r][c] = col[r];
    }
    return true;
}

} // namespace

// Walls crossed on the way from a to b. Crossings closer than 0.3 m along the way are one wall:
// plans often trace a wall as two parallel lines (both faces).
int wallsCrossed(const std::vector<WallShape>& walls, int floor, QPointF a, QPointF b)
{
    const QLineF ray(a, b);
    const double len = std::max(ray.length(), 1e-9);
    double at[64];
    int n = 0;
    for (const auto& w : walls) {
        QPointF p;
        if (w.floor == floor && n < 64 && ray.intersects(w.line, &p) == QLineF::BoundedIntersection)
            at[n++] = QLineF(a, p).length() / len;
    }
    std::sort(at, at + n);
    int count = 0;
    for (int i = 0; i < n; ++i)
        if (i == 0 || (at[i] - at[i - 1]) * len > 0.3)
            ++count;
    return count;
}

Engine::Engine(std::vector<Receiver> receivers, EngineConfig config, std::vector<RoomShape> rooms,
               std::vector<WallShape> walls)
    : m_receivers(std::move(receivers)), m_config(config), m_rooms(std::move(rooms)), m_walls(std::move(walls))
{
    m_bounds[0] = m_bounds[1] = std::numeric_limits<double>::infinity();
    m_bounds[2] = m_bounds[3] = -std::numeric_limits<double>::infinity();
    for (const auto& g : m_receivers) {
        m_bounds[0] = std::min(m_bounds[0], g.x);
        m_bounds[1] = std::min(m_bounds[1], g.y);
        m_bounds[2] = std::max(m_bounds[2], g.x);
        m_bounds[3] = std::max(m_bounds[3], g.y);
    }
    // Where a tag can be: inside the walls and rooms of the site when it has any (a fix outside
    // the building is impossible), else the receivers' box plus 1 m: receivers hang on the walls
    // and ceilings of the space they cover, and a posterior mean is pulled by every empty metre
    // the area adds (3 m moved UJI's median from 1.79 to 1.91 m).
    std::copy(m_bounds, m_bounds + 4, m_area);
    m_area[0] -= 1;
    m_area[1] -= 1;
    m_area[2] += 1;
    m_area[3] += 1;
    if (!m_walls.empty() || !m_rooms.empty()) {
        double a[4] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
        auto grow = [&](QPointF p) {
            a[0] = std::min(a[0], p.x());
            a[1] = std::min(a[1], p.y());
            a[2] = std::max(a[2], p.x());
            a[3] = std::max(a[3], p.y());
        };
        for (const auto& w : m_walls) {
            grow(w.line.p1());
            grow(w.line.p2());
        }
        for (const auto& r : m_rooms)
            for (const QPointF& p : r.polygon)
                grow(p);
        if (a[2] - a[0] > 1 && a[3] - a[1] > 1) {
            m_area[0] = a[0] - 0.2;
            m_area[1] = a[1] - 0.2;
            m_area[2] = a[2] + 0.2;
            m_area[3] = a[3] + 0.2;
        }
    }
    for (const auto& g : m_receivers) {
        int room = -1;
        for (int i = 0; i < int(m_rooms.size()); ++i)
            if (m_rooms[size_t(i)].floor == g.floor && m_rooms[size_t(i)].polygon.contains(QPointF(g.x, g.y)))
                room = i;
        m_receiverRoom.push_back(room);
    }
    m_roomHasReceiver.assign(m_rooms.size(), 0);
    m_roomReceivers.resize(m_rooms.size());
    for (int g = 0; g < int(m_receiverRoom.size()); ++g)
        if (const int r = m_receiverRoom[size_t(g)]; r >= 0) {
            m_roomHasReceiver[size_t(r)] = 1;
            m_roomReceivers[size_t(r)].push_back(g);
        }
    m_receiverSeen.resize(m_receivers.size());
    buildRoomGraph();
    if (!m_walls.empty() && !m_receivers.empty() && m_config.wallLossDb > 0)
        buildWallGrid();
    buildLattice();
    if (m_config.roomHmm && m_config.roomModelWeight > 0)
        buildRoomModel();
}

void Engine::buildWallGrid()
{
    m_gridX0 = m_bounds[0] - 3;
    m_gridY0 = m_bounds[1] - 3;
    m_gridW = int(std::ceil((m_bounds[2] + 3 - m_gridX0) / CellM)) + 1;
    m_gridH = int(std::ceil((m_bounds[3] + 3 - m_gridY0) / CellM)) + 1;
    m_wallCount.resize(m_receivers.size());
    for (size_t r = 0; r < m_receivers.size(); ++r) {
        const Receiver& g = m_receivers[r];
        std::vector<WallShape> own;
        for (const auto& w : m_walls)
            if (w.floor == g.floor)
                own.push_back(w);
        auto& grid = m_wallCount[r];
        grid.assign(size_t(m_gridW) * size_t(m_gridH), 0);
        for (int cy = 0; cy < m_gridH; ++cy)
            for (int cx = 0; cx < m_gridW; ++cx) {
                const int n = wallsCrossed(own, g.floor, {g.x, g.y}, {m_gridX0 + (cx + 0.5) * CellM, m_gridY0 + (cy + 0.5) * CellM});
                grid[size_t(cy) * size_t(m_gridW) + size_t(cx)] = (unsigned char)std::min(n, 255);
            }
    }
}

int Engine::wallsBetween(int receiver, double x, double y) const
{
    if (m_wallCount.empty())
        return 0;
    const int cx = std::clamp(int((x - m_gridX0) / CellM), 0, m_gridW - 1);
    const int cy = std::clamp(int((y - m_gridY0) / CellM), 0, m_gridH - 1);
    return m_wallCount[size_t(receiver)][size_t(cy) * size_t(m_gridW) + size_t(cx)];
}

double Engine::logDistance(int receiver, double x, double y, double z) const
{
    const Receiver& g = m_receivers[size_t(receiver)];
    const double dx = x - g.x, dy = y - g.y, dz = g.z - z;
    return -5 * std::log10(std::max(dx * dx + dy * dy + dz * dz, 0.01));
}

double Engine::modelled(int receiver, double x, double y) const
{
    return modelledWith(receiver, logDistance(receiver, x, y, m_config.tagHeightM), x, y);
}

double Engine::modelledWith(int receiver, double logDistance, double x, double y) const
{
    // Walls are charged only as far as the radio map lacks support: where it has, it measured them.
    const Receiver& g = m_receivers[size_t(receiver)];
    const int walls = wallsBetween(receiver, x, y);
    return g.rssiAt1m + g.exponent * logDistance - (walls ? m_config.wallLossDb * walls * (1 - m_map.support(receiver, x, y)) : 0.0) +
           m_map.at(receiver, x, y);
}

void Engine::setRadioMap(RadioMap map)
{
    m_map = std::move(map);
    buildLatticeCorrections();
    if (m_config.roomHmm && m_config.roomModelWeight > 0)
        buildRoomModel();
}

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
        heap += t.roomLogP.capacity() * sizeof(double) +
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

void Engine::takePending(TagState& s, double upToT)
{
    if (s.pending.empty())
        return;
    const auto earlier = [](const TagState::Pending& a, const TagState::Pending& b) { return a.t < b.t; };
    if (!std::is_sorted(s.pending.begin(), s.pending.end(), earlier)) // mostly they came in order
        std::stable_sort(s.pending.begin(), s.pending.end(), earlier);
    size_t n = 0;
    while (n < s.pending.size() && s.pending[n].t <= upToT) {
        takeReport(s, s.pending[n].receiver, s.pending[n].t, s.pending[n].rssi);
        ++n;
    }
    s.pending.erase(s.pending.begin(), s.pending.begin() + qsizetype(n));
}

void Engine::takeReport(TagState& s, int receiver, double tS, double rssi)
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
    // Bounded by count here (reports that all carry one time, from a gateway with a stuck clock or a
    // replayed batch, never age out: the window grew without bound, 1667 samples per receiver in the
    // ingest benchmark); by age in levels(), which reads it. Reading the oldest sample here was a
    // cache miss on every report, a third of this function's time.
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
        tr.fast += float((1 - expNeg(dt / (m_config.motionFastS * scale))) * std::clamp(rssi - tr.fast, -k, k));
        tr.slow += float((1 - expNeg(dt / (m_config.motionSlowS * scale))) * std::clamp(rssi - tr.slow, -k, k));
    }
    tr.t = tS;
}

Engine::Window& Engine::Window::operator=(const Window& o)
{
    if (this == &o)
        return *this;
    m_data = o.m_capacity ? std::make_unique<Sample[]>(o.m_capacity) : nullptr;
    for (quint32 i = 0; i < o.m_count; ++i)
        m_data[i] = o[i];
    m_capacity = o.m_capacity;
    m_count = o.m_count;
    m_head = 0;
    return *this;
}

void Engine::Window::insert(const Sample& smp)
{
    push_back(smp);
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
    auto data = std::make_unique<Sample[]>(capacity);
    for (quint32 i = 0; i < m_count; ++i)
        data[i] = (*this)[i];
    m_data = std::move(data);
    m_capacity = capacity;
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

bool Engine::solve(const std::vector<Level>& lv, double& x, double& y, double cov[2][2]) const
{
    // Wall losses make the cost piecewise: start from the prediction and from the centroid, keep
    // the better end.
    if (std::isfinite(x) && !m_wallCount.empty()) {
        double x1 = x, y1 = y, c1[2][2], x2 = std::numeric_limits<double>::quiet_NaN(), y2 = x2, c2[2][2], cost1 = 0, cost2 = 0;
        const bool ok1 = solveFrom(lv, x1, y1, c1, cost1), ok2 = solveFrom(lv, x2, y2, c2, cost2);
        const bool first = ok1 && (!ok2 || cost1 <= cost2);
        if (!ok1 && !ok2)
            return false;
        x = first ? x1 : x2;
        y = first ? y1 : y2;
        std::copy(&(first ? c1 : c2)[0][0], &(first ? c1 : c2)[0][0] + 4, &cov[0][0]);
        return true;
    }
    double cost = 0;
    return solveFrom(lv, x, y, cov, cost);
}

bool Engine::solveFrom(const std::vector<Level>& lv, double& x, double& y, double cov[2][2], double& finalCost) const
{
    // Start: weighted centroid of the four strongest (amplitude weights).
    double cx = 0, cy = 0, ws = 0;
    for (size_t i = 0; i < lv.size() && i < 4; ++i) {
        const Receiver& g = m_receivers[size_t(lv[i].receiver)];
        const double w = powerOfDb(lv[i].rssi / 2); // amplitude
        cx += w * g.x;
        cy += w * g.y;
        ws += w;
    }
    cx /= ws;
    cy /= ws;
    // A weak prior at the centroid keeps one or two collinear receivers solvable: the answer then
    // stays near the centroid with a wide covariance instead of running off along the line.
    // With three or more receivers the data decide alone (a prior would bias the answer).
    const double priorVar = lv.size() >= 3 ? 1e4 : 16.0;
    const double sigma2 = m_config.sigmaDb * m_config.sigmaDb;
    // Optionally a level offset common to every receiver (the body or the tag's orientation
    // changes what it sends, not where it is), with a prior of commonOffsetSdDb; needs four levels.
    const bool withOffset = m_config.commonOffsetSdDb > 0 && lv.size() >= 4;
    const double offsetVar = withOffset ? m_config.commonOffsetSdDb * m_config.commonOffsetSdDb : 1.0;
    double px = std::isfinite(x) ? x : cx, py = std::isfinite(y) ? y : cy, pc = 0;
    double lambda = 1e-3;
    auto cost = [&](double qx, double qy, double qc) {
        double c = ((qx - cx) * (qx - cx) + (qy - cy) * (qy - cy)) / priorVar + (withOffset ? qc * qc / offsetVar : 0);
        for (const auto& l : lv) {
            const double r = l.rssi - modelled(l.receiver, qx, qy) - qc;
            const double w = 1.0 / (sigma2 * (0.5 + 0.5 / l.samples));
            // Huber: quadratic within 1.5 sigma, linear beyond (walls and bodies make outliers).
            const double a = std::abs(r), k = HuberK * m_config.sigmaDb;
            c += w * (a <= k ? r * r : 2 * k * a - k * k);
        }
        return c;
    };
    const int dim = withOffset ? 3 : 2;
    double A[3][3] = {}, current = cost(px, py, pc);
    for (int iter = 0; iter < 25; ++iter) {
        double b[3] = {(cx - px) / priorVar, (cy - py) / priorVar, withOffset ? -pc / offsetVar : 0};
        for (auto& row : A)
            for (double& v : row)
                v = 0;
        A[0][0] = A[1][1] = 1.0 / priorVar;
        A[2][2] = 1.0 / offsetVar;
        for (const auto& l : lv) {
            const Receiver& g = m_receivers[size_t(l.receiver)];
            const double dx = px - g.x, dy = py - g.y, dz = g.z - m_config.tagHeightM;
            const double d2 = std::max(dx * dx + dy * dy + dz * dz, 0.01);
            // Wall losses are piecewise constant: in the model, not in the Jacobian.
            const double r = l.rssi - modelled(l.receiver, px, py) - pc;
            const double k = -10 * g.exponent / Ln10 / d2; // d(model)/dx = k * dx
            double mx = 0, my = 0;
            (void)m_map.at(l.receiver, px, py, &mx, &my);
            const double j[3] = {k * dx + mx, k * dy + my, 1.0};
            const double huber = std::min(1.0, HuberK * m_config.sigmaDb / std::max(std::abs(r), 1e-9));
            const double w = huber / (sigma2 * (0.5 + 0.5 / l.samples));
            for (int u = 0; u < dim; ++u) {
                b[u] += w * j[u] * r;
                for (int v = 0; v < dim; ++v)
                    A[u][v] += w * j[u] * j[v];
            }
        }
        double damped[3][3], step[3] = {};
        for (int u = 0; u < 3; ++u)
            for (int v = 0; v < 3; ++v)
                damped[u][v] = A[u][v] * (u == v ? 1 + lambda : 1);
        if (!solveLinear(damped, b, step, dim))
            break;
        const double next = cost(px + step[0], py + step[1], pc + step[2]);
        if (next < current) {
            px += step[0];
            py += step[1];
            pc += step[2];
            current = next;
            lambda = std::max(lambda / 4, 1e-6);
            if (step[0] * step[0] + step[1] * step[1] < 1e-4)
                break;
        } else {
            lambda *= 8;
            if (lambda > 1e6)
                break;
        }
    }
    finalCost = current;
    // The position's covariance: the x, y block of the inverse (the offset marginalised out).
    double inv[3][3];
    if (!invertLinear(A, inv, dim) || !std::isfinite(px) || !std::isfinite(py))
        return false;
    cov[0][0] = inv[0][0];
    cov[0][1] = inv[0][1];
    cov[1][0] = inv[1][0];
    cov[1][1] = inv[1][1];
    // Never outside the area the receivers cover (plus a margin): beyond it the model only guesses.
    px = std::clamp(px, m_area[0], m_area[2]);
    py = std::clamp(py, m_area[1], m_area[3]);
    x = px;
    y = py;
    return true;
}

std::optional<Fix> Engine::update(int tag, double tS)
{
    if (tag < 0 || !std::isfinite(tS))
        return std::nullopt;
    TagState& s = state(tag);
    if (!s.explaining || m_config.keepExplanations)
        return fix(s, tS);
    // One tag explained: its fix runs as with keepExplanations (the room assignment reads the switch).
    struct Explaining
    {
        bool& on;
        explicit Explaining(bool& flag) : on(flag) { on = true; }
        ~Explaining() { on = false; }
    } explaining(m_config.keepExplanations);
    return fix(s, tS);
}

void Engine::setExplaining(int tag, bool on)
{
    if (tag < 0)
        return;
    TagState& s = state(tag);
    s.explaining = on;
    if (!on && !m_config.keepExplanations)
        s.explained.reset();
}

std::optional<Fix> Engine::fix(TagState& s, double tS)
{
    takePending(s);
    std::vector<Level> lv = levels(s, tS);
    if (lv.empty())
        return std::nullopt;
    if (s.known)
        return referenceFix(s, lv, tS);
    // Floor from all the evidence (power summed per floor: one strong packet through the slab must
    // not decide), with hysteresis once the tag has a floor.
    updateMotion(s, tS);
    const bool moving = s.motionDb >= s.moveDb;
    bool atRest = false;
    if (auto rest = restLevels(s, lv, tS); !rest.empty()) {
        lv = std::move(rest);
        atRest = true;
    }
    std::map<int, double> floorPower;
    for (const auto& l : lv)
        floorPower[m_receivers[size_t(l.receiver)].floor] += powerOfDb(l.rssi);
    int bestFloor = std::max_element(floorPower.begin(), floorPower.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    const double floorDwell = m_config.floorDwellS * intervalScale(s);
    if (s.floorProvisional && tS - s.floorSince >= floorDwell)
        s.floorProvisional = false;
    if (s.tracking && bestFloor != s.floor && s.floorProvisional) {
        s.pendingFloor = std::numeric_limits<int>::min(); // not yet confirmed: the evidence decides
    } else if (s.tracking && bestFloor != s.floor) {
        const auto own = floorPower.find(s.floor);
        const double ownDb = own == floorPower.end() ? -200 : 10 * std::log10(own->second);
        if (10 * std::log10(floorPower[bestFloor]) < ownDb + m_config.floorMarginDb) {
            bestFloor = s.floor;
            s.pendingFloor = std::numeric_limits<int>::min();
        } else if (s.pendingFloor != bestFloor) { // the other floor must lead for floorDwellS
            s.pendingFloor = bestFloor;
            s.pendingFloorSince = tS;
            bestFloor = s.floor;
        } else if (tS - s.pendingFloorSince < floorDwell) {
            bestFloor = s.floor;
        }
    } else {
        s.pendingFloor = std::numeric_limits<int>::min();
    }
    // A body-worn tag at rest: its levels are positioned with the holder's body shadow fitted, from
    // every receiver of the floor (the strongest alone lie on the unshadowed side).
    bool shadow = atRest && m_config.bodyShadowSdDb > 0 && (m_config.worn || s.worn);
    std::vector<Level> used;
    for (const auto& l : lv)
        if (m_receivers[size_t(l.receiver)].floor == bestFloor && (shadow || int(used.size()) < m_config.maxGateways))
            used.push_back(l);
    shadow = shadow && used.size() >= 4;

    std::optional<Prior> prior;
    if (s.tracking && bestFloor == s.floor) {
        Kinematics ahead = s;
        predict(ahead, tS);
        prior = Prior{ahead.x, ahead.y, {{ahead.P[0][0], ahead.P[0][1]}, {ahead.P[1][0], ahead.P[1][1]}}};
    }
    // The lattice seeds itself (down its own costs from the weighted centroid) when its tables
    // exist; otherwise least squares from the centroid seeds it (the lattice covers the
    // prediction's surroundings as well). Fewer than three receivers, or no lattice: least
    // squares alone, started from the prediction and the centroid.
    double x = std::numeric_limits<double>::quiet_NaN(), y = x, cov[2][2], spread[2][2] = {};
    bool lattice = m_config.gridPosterior && gridPosterior(used, x, y, cov, prior ? &*prior : nullptr, spread, shadow);
    if (!lattice) {
        x = prior && !m_config.gridPosterior ? prior->x : std::numeric_limits<double>::quiet_NaN();
        y = prior && !m_config.gridPosterior ? prior->y : std::numeric_limits<double>::quiet_NaN();
        if (!solve(used, x, y, cov))
            return std::nullopt;
        lattice = m_config.gridPosterior && gridPosterior(used, x, y, cov, prior ? &*prior : nullptr, spread, shadow);
    }
    lattice = lattice && prior;
    // Covariance of the snapshot: inflated by the model's own mismatch, never tighter than 0.5 m.
    for (auto& row : cov)
        for (double& v : row)
            v = std::isfinite(v) ? v : 100.0;
    cov[0][0] = std::clamp(cov[0][0], 0.25, 400.0);
    cov[1][1] = std::clamp(cov[1][1], 0.25, 400.0);

    if (!s.tracking || bestFloor != s.floor) {
        // A track's first floor is provisional; correcting it keeps the first one's clock.
        const bool provisional = !s.tracking || s.floorProvisional;
        const double floorSince = s.tracking ? s.floorSince : tS;
        TagState fresh;
        fresh.heard = std::move(s.heard);
        fresh.lastAdvertT = s.lastAdvertT;
        fresh.advertInterval = s.advertInterval;
        fresh.motionDb = s.motionDb;
        fresh.motionT = s.motionT;
        fresh.stillSince = s.stillSince;
        fresh.aboveSince = s.aboveSince;
        fresh.worn = s.worn;
        fresh.explained = std::move(s.explained);
        fresh.explaining = s.explaining;
        fresh.certainty = std::move(s.certainty);
        s = std::move(fresh);
        s.tracking = true;
        s.t = tS;
        s.x = x;
        s.y = y;
        s.floor = bestFloor;
        s.floorProvisional = provisional;
        s.floorSince = floorSince;
        s.P[0][0] = cov[0][0];
        s.P[1][1] = cov[1][1];
        s.P[0][1] = s.P[1][0] = cov[0][1];
        s.P[2][2] = s.P[3][3] = 1.0;
    } else {
        const Kinematics before = s;
        predict(s, tS);
        correct(s, x, y, cov);
        // Through a wall in one step is impossible: trust that measurement far less.
        if (!m_walls.empty() && crossesWall(s.floor, before.x, before.y, s.x, s.y)) {
            const double wide[2][2] = {{cov[0][0] * 9, cov[0][1] * 9}, {cov[1][0] * 9, cov[1][1] * 9}};
            static_cast<Kinematics&>(s) = before;
            predict(s, tS);
            correct(s, x, y, wide);
            std::copy(&wide[0][0], &wide[0][0] + 4, &cov[0][0]); // the measurement's covariance, below
        }
        if (lattice)
            addLatticeSpread(s, cov, spread);
    }

    Fix f;
    f.t = tS;
    // The filter's prediction may carry the track out of the building: stop it at the edge.
    if (s.x < m_area[0] || s.x > m_area[2]) {
        s.x = std::clamp(s.x, m_area[0], m_area[2]);
        s.vx = 0;
    }
    if (s.y < m_area[1] || s.y > m_area[3]) {
        s.y = std::clamp(s.y, m_area[1], m_area[3]);
        s.vy = 0;
    }
    f.x = s.x;
    f.y = s.y;
    if (m_config.centroidBlend > 0)
        if (const auto c = centroidOf(s, tS, 4); c && c->floor == s.floor) {
            f.x += m_config.centroidBlend * (c->x - f.x);
            f.y += m_config.centroidBlend * (c->y - f.y);
        }
    f.floor = s.floor;
    f.gatewaysUsed = int(used.size());
    f.moving = moving;
    f.motionDb = s.motionDb;
    trackRest(s, tS);
    f.settled = tS - s.stillSince >= m_config.settleAfterS;
    // 68 % circle of a 2-D Gaussian: 1.515 sigma (sigma^2 the mean of the two variances).
    f.accuracyM = 1.515 * std::sqrt(std::max(0.0, (s.P[0][0] + s.P[1][1]) / 2));
    std::vector<Level> floorLevels;
    for (const auto& l : lv)
        if (m_receivers[size_t(l.receiver)].floor == s.floor && int(floorLevels.size()) < m_config.roomModelGateways)
            floorLevels.push_back(l);
    if (m_config.selfCalibrate && f.settled && used.size() >= 4)
        selfCalibrationSample(s, used, tS, m_config.selfCalibrationNearest, 1.0);
    assignRoom(s, f, used, floorLevels);
    const QString assigned = f.room;
    if (lv[0].rssi < m_config.weakDbm) {
        f.room.clear();
        f.unknownReason = QStringLiteral("weak: strongest receiver %1 dBm").arg(lv[0].rssi, 0, 'f', 0);
    } else if (used.size() < 2 && f.accuracyM > 4 &&
               (lv[0].rssi < m_config.nearDbm || m_receiverRoom[size_t(used[0].receiver)] < 0)) {
        f.room.clear();
        f.unknownReason = QStringLiteral("only one receiver hears the tag");
    }
    assignRoomState(s, f, tS, assigned, lv[0].receiver);
    // A moving tag's fix trails it (the levels are the window's, and the filter smooths them): the
    // circle reported includes lagWindows windows' (at most lagMaxS) travel at the filter's speed,
    // and what the calibration's self-check found (accuracyScale). After the room: the room's
    // evidence uses the filter's own spread.
    const double lag = !f.moving ? 0.0 : std::hypot(s.vx, s.vy) * std::min(m_config.lagWindows * windowFor(s), m_config.lagMaxS);
    f.accuracyM = std::hypot(f.accuracyM, lag) * m_config.accuracyScale;
    f.confidence = std::clamp(std::exp(-f.accuracyM / 4.0) * std::min(1.0, used.size() / 3.0), 0.0, 1.0);
    if (m_config.keepExplanations) {
        auto& e = explained(s);
        e.fix = f;
        e.atRest = atRest;
        e.levels.clear();
        e.samples.clear();
        for (const auto& l : used) {
            e.levels.emplace_back(l.receiver, l.rssi);
            e.samples.push_back(l.samples);
        }
    }
    return f;
}

Engine::TagState::Explained& Engine::explained(TagState& s) const
{
    if (!s.explained)
        s.explained = std::make_shared<TagState::Explained>();
    return *s.explained;
}

void Engine::noteDecision(TagState& s, double tS, int from, int to, QString reason) const
{
    if (!m_config.keepExplanations)
        return;
    auto& d = explained(s).decisions;
    d.push_back({tS, from >= 0 ? m_rooms[size_t(from)].id : QString(), to >= 0 ? m_rooms[size_t(to)].id : QString(), std::move(reason)});
    const auto old = std::find_if(d.begin(), d.end(), [&](const Explanation::Decision& x) { return x.t >= tS - m_config.explanationHistoryS; });
    d.erase(d.begin(), old);
}

std::optional<Explanation> Engine::explain(int tag) const
{
    if (tag < 0 || tag >= int(m_tags.size()) || !m_tags[size_t(tag)].explained)
        return std::nullopt;
    const TagState& s = m_tags[size_t(tag)];
    const TagState::Explained& x = *s.explained;
    Explanation e;
    e.fix = x.fix;
    e.atRest = x.atRest;
    e.moveThresholdDb = s.moveDb;
    e.settleThresholdDb = s.settleDb;
    e.stillForS = s.stillSince <= x.fix.t ? x.fix.t - s.stillSince : 0;
    if (s.pendingRoom >= 0 && size_t(s.pendingRoom) < m_rooms.size()) {
        e.pendingRoom = m_rooms[size_t(s.pendingRoom)].id;
        e.pendingForS = x.fix.t - s.pendingSince;
    }
    for (size_t i = 0; i < x.levels.size(); ++i) {
        const auto [r, level] = x.levels[i];
        const int room = m_receiverRoom[size_t(r)];
        e.gateways.push_back({m_receivers[size_t(r)].id, level, x.samples[i], modelled(r, x.fix.x, x.fix.y),
                              room >= 0 ? m_rooms[size_t(room)].id : QString()});
    }
    if (s.roomLogP.size() == m_rooms.size() && x.emission.size() == m_rooms.size())
        for (size_t j = 0; j < m_rooms.size(); ++j)
            if (m_rooms[j].floor == x.fix.floor && s.roomLogP[j] > -59)
                e.rooms.push_back({m_rooms[j].id, x.emission[j], s.roomLogP[j]});
    std::sort(e.rooms.begin(), e.rooms.end(), [](const auto& a, const auto& b) { return a.belief > b.belief; });
    e.decisions = x.decisions;
    return e;
}

std::optional<Fix> Engine::centroid(int tag, double tS, int k)
{
    TagState& s = state(tag);
    takePending(s);
    return centroidOf(s, tS, k);
}

std::optional<Fix> Engine::centroidOf(const TagState& s, double tS, int k) const
{
    // Its own 2 s window, whatever the engine's.
    std::vector<Level> lv;
    for (size_t r = 0; r < s.heard.size(); ++r) {
        double sum = 0;
        int n = 0;
        const Window& w = s.heard[r].window;
        for (size_t i = 0; i < w.size(); ++i)
            if (const Sample& smp = w[i]; smp.t <= tS && smp.t > tS - 2.0) {
                sum += smp.rssi;
                ++n;
            }
        if (n)
            lv.push_back({int(r), sum / n, n});
    }
    if (lv.empty())
        return std::nullopt;
    std::sort(lv.begin(), lv.end(), [](const Level& a, const Level& b) { return a.rssi > b.rssi; });
    Fix f;
    f.t = tS;
    double ws = 0;
    for (int i = 0; i < k && i < int(lv.size()); ++i) {
        const Receiver& g = m_receivers[size_t(lv[size_t(i)].receiver)];
        const double w = std::pow(10.0, lv[size_t(i)].rssi / 10.0);
        f.x += w * g.x;
        f.y += w * g.y;
        ws += w;
    }
    f.x /= ws;
    f.y /= ws;
    f.floor = m_receivers[size_t(lv[0].receiver)].floor;
    return f;
}

Engine engineForSite(const Site& site, EngineConfig config, const DeviceDirectory* directory)
{
    std::vector<Receiver> receivers;
    for (const auto& g : site.gateways)
        receivers.push_back({g.id, g.x, g.y, g.z, g.floor, g.rssiAt1m, g.exponent});
    std::vector<RoomShape> rooms;
    for (const auto& r : site.rooms)
        rooms.push_back({r.id, r.floor, r.polygon, r.kind == RoomKind::Corridor ? config.corridorVoteWeight : 1.0,
                         r.door.isNull() ? std::nullopt : std::optional<QPointF>(r.door)});
    std::vector<WallShape> walls;
    for (const auto& w : site.walls)
        walls.push_back({w.floor, QLineF(w.a, w.b)});
    if (site.centroidBlend > 0)
        config.centroidBlend = site.centroidBlend;
    config.reorderWindowS = site.reorderWindowS;
    Engine engine(std::move(receivers), config, std::move(rooms), std::move(walls));
    if (directory)
        for (const auto& b : site.referenceBeacons)
            if (const int tag = directory->tag(b.id.toStdString()); tag >= 0)
                engine.setKnownPosition(tag, b.x, b.y, b.floor, b.z, site.gatewayIndex(b.gateway));
    if (directory && site.bodyShadow) {
        auto worn = [&](const QString& id) {
            if (const int tag = directory->tag(id.toStdString()); tag >= 0)
                engine.setWorn(tag, true);
        };
        for (const auto& p : site.patients)
            worn(p.wristband);
        for (const auto& w : site.spareWristbands)
            worn(w);
        for (const auto& m : site.staff)
            worn(m.badge);
    }
    return engine;
}

double cramerRaoBound(const std::vector<Receiver>& receivers, double x, double y, double sigmaDb, double exponent,
                      double tagHeightM)
{
    const double b = std::pow(10 * exponent / (sigmaDb * Ln10), 2);
    double F[2][2] = {};
    for (const auto& g : receivers) {
        const double dx = x - g.x, dy = y - g.y, dz = g.z - tagHeightM;
        const double d2 = dx * dx + dy * dy + dz * dz;
        const double d4 = d2 * d2;
        F[0][0] += b * dx * dx / d4;
        F[0][1] += b * dx * dy / d4;
        F[1][1] += b * dy * dy / d4;
    }
    F[1][0] = F[0][1];
    double inv[2][2];
    if (!invert2(F, inv) || inv[0][0] + inv[1][1] <= 0)
        return std::numeric_limits<double>::infinity();
    return std::sqrt(inv[0][0] + inv[1][1]);
}

} // namespace ww::pos
