// The measurement from the likelihood over a lattice around a seed and the track's prediction.
// The seed is the valley the weighted least-squares cost has nearest the weighted centroid,
// found by descending the lattice from the centroid's node (Levenberg-Marquardt seeds it instead
// where the lattice has no tables). Where a radio map bends the model the cost has several
// valleys; a fit lands in one of them, the likelihood's mean weighs them all (as fingerprinting
// with many neighbours does) and its spread is the honest covariance.
//
// With a track, each lattice node stands for a Gaussian of sd cell/2 around it (so the lattice
// represents a smooth likelihood), and the nodes are weighted by the prediction too:
// L_i N(x_i; p, P + S). The posterior of that mixture is exact: a Kalman update with the weighted
// mean of the nodes as the measurement and S as its covariance gives its mean, and the nodes'
// weighted spread, carried through the gain, completes its covariance. It picks the valley the
// track is in and still moves a track whose prediction is narrower than a cell (a plain
// posterior on the nodes cannot).
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <algorithm>
#include <cmath>

namespace ww::pos {



void Engine::buildLattice()
{
    const double cell = m_config.gridCellM;
    m_logDist.clear();
    m_latCorr.clear();
    if (!m_config.gridPosterior || cell <= 0)
        return;
    m_latX0 = m_area[0];
    m_latY0 = m_area[1];
    m_latW = int(std::floor((m_area[2] - m_area[0]) / cell)) + 1;
    m_latH = int(std::floor((m_area[3] - m_area[1]) / cell)) + 1;
    if (double(m_latW) * m_latH * double(m_receivers.size()) > 1e7) // beyond 80 MB: compute per node
        return;
    m_logDist.resize(m_receivers.size());
    for (size_t r = 0; r < m_receivers.size(); ++r) {
        const Receiver& g = m_receivers[r];
        const double dz = g.z - m_config.tagHeightM;
        auto& lat = m_logDist[r];
        lat.resize(size_t(m_latW) * size_t(m_latH));
        for (int iy = 0; iy < m_latH; ++iy)
            for (int ix = 0; ix < m_latW; ++ix) {
                const double dx = m_latX0 + ix * cell - g.x, dy = m_latY0 + iy * cell - g.y;
                lat[size_t(iy) * size_t(m_latW) + size_t(ix)] = float(-5 * std::log10(std::max(dx * dx + dy * dy + dz * dz, 0.01)));
            }
    }
    buildLatticeCorrections();
}

void Engine::buildLatticeCorrections()
{
    // Per receiver and node, what the model adds to the log-distance part: the radio map, less
    // the walls it lacks support for. Fixed until the next radio map; the receivers' levels and
    // exponents (which self-calibration moves) are applied per fix.
    m_latCorr.clear();
    if (m_logDist.empty())
        return;
    m_latCorr.resize(m_receivers.size());
    for (size_t r = 0; r < m_receivers.size(); ++r) {
        const Receiver& g = m_receivers[r];
        auto& corr = m_latCorr[r];
        corr.resize(size_t(m_latW) * size_t(m_latH));
        for (int iy = 0; iy < m_latH; ++iy)
            for (int ix = 0; ix < m_latW; ++ix) {
                const double x = m_latX0 + ix * m_config.gridCellM, y = m_latY0 + iy * m_config.gridCellM;
                corr[size_t(iy) * size_t(m_latW) + size_t(ix)] = float(modelledWith(int(r), 0.0, x, y) - g.rssiAt1m);
            }
    }
}

void Engine::addLatticeSpread(Kinematics& s, const double R[2][2], const double spread[2][2]) const
{
    // P_pos += C R^-1 Spread R^-1 C, C the updated position covariance and R the measurement's
    // (the nodes' own S, or S widened for a step through a wall).
    double Ri[2][2], A[2][2];
    if (!invert2(R, Ri))
        return;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            A[i][j] = s.P[i][0] * Ri[0][j] + s.P[i][1] * Ri[1][j]; // C R^-1
    double add[2][2];
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            add[i][j] = A[i][0] * (spread[0][0] * A[j][0] + spread[0][1] * A[j][1]) + A[i][1] * (spread[1][0] * A[j][0] + spread[1][1] * A[j][1]);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            s.P[i][j] += add[i][j];
}

bool Engine::gridPosterior(const std::vector<Level>& lv, double& x, double& y, double cov[2][2], const Prior* prior,
                           double spread[2][2], bool shadow) const
{
    const bool seek = !std::isfinite(x) || !std::isfinite(y); // no seed given: descend from the weighted centroid
    if (lv.size() < 3 || (seek && m_latCorr.empty()))
        return false;
    const double cell = m_config.gridCellM, radius = m_config.gridRadiusM;
    const double sigma2 = m_config.sigmaDb * m_config.sigmaDb, k = HuberK * m_config.sigmaDb;
    const bool withOffset = m_config.commonOffsetSdDb > 0 && lv.size() >= 4;
    const double offsetPrecision = withOffset ? 1.0 / (m_config.commonOffsetSdDb * m_config.commonOffsetSdDb) : 0;
    const size_t n = lv.size();
    std::vector<double> w(n);
    double wSum = 0;
    for (size_t i = 0; i < n; ++i) {
        w[i] = 1.0 / (sigma2 * (0.5 + 0.5 / lv[i].samples));
        wSum += w[i];
    }
    const int reach = int(std::ceil(radius / cell));
    const double nodeVar = cell * cell / 4; // S = (cell / 2)^2 I
    double wide[2][2] = {}; // (P + S)^-1
    if (prior) {
        const double PS[2][2] = {{prior->cov[0][0] + nodeVar, prior->cov[0][1]}, {prior->cov[1][0], prior->cov[1][1] + nodeVar}};
        if (!invert2(PS, wide))
            prior = nullptr;
    }
    auto node = [&](double v, double origin) { return int(std::lround((v - origin) / cell)); };
    // The nodes evaluated: the seed's box (the receivers used, plus gridSeedMarginM) or the disc
    // around the given seed, and the disc around the prediction.
    int bx0, bx1, by0, by1;
    if (seek) {
        double a[4] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
        for (const auto& l : lv) {
            const Receiver& g = m_receivers[size_t(l.receiver)];
            a[0] = std::min(a[0], g.x);
            a[1] = std::min(a[1], g.y);
            a[2] = std::max(a[2], g.x);
            a[3] = std::max(a[3], g.y);
        }
        const double m = m_config.gridSeedMarginM;
        bx0 = std::max(0, int(std::floor((a[0] - m - m_latX0) / cell)));
        by0 = std::max(0, int(std::floor((a[1] - m - m_latY0) / cell)));
        bx1 = std::min(m_latW - 1, int(std::ceil((a[2] + m - m_latX0) / cell)));
        by1 = std::min(m_latH - 1, int(std::ceil((a[3] + m - m_latY0) / cell)));
    } else {
        const int ci = node(x, m_latX0), cj = node(y, m_latY0);
        bx0 = std::max(0, ci - reach);
        by0 = std::max(0, cj - reach);
        bx1 = std::min(m_latW - 1, ci + reach);
        by1 = std::min(m_latH - 1, cj + reach);
    }
    if (bx0 > bx1 || by0 > by1)
        return false;
    // The nodes that may be needed: the seed's disc wherever in the box the seed ends, and the
    // prediction's disc.
    const int grow = seek ? reach : 0;
    int rx0 = std::max(0, bx0 - grow), rx1 = std::min(m_latW - 1, bx1 + grow), ry0 = std::max(0, by0 - grow),
        ry1 = std::min(m_latH - 1, by1 + grow);
    const int pi = prior ? node(prior->x, m_latX0) : 0, pj = prior ? node(prior->y, m_latY0) : 0;
    if (prior) {
        rx0 = std::max(0, std::min(rx0, pi - reach));
        ry0 = std::max(0, std::min(ry0, pj - reach));
        rx1 = std::min(m_latW - 1, std::max(rx1, pi + reach));
        ry1 = std::min(m_latH - 1, std::max(ry1, pj + reach));
    }
    const int rw = rx1 - rx0 + 1, rh = ry1 - ry0 + 1;
    // The likelihood's cost per node: Huber, with the common offset that fits the node best
    // (closed form of the quadratic part). Along a span of a row, receiver by receiver, in float:
    // the tables are contiguous along a row, and the loops vectorise. Only the nodes needed are
    // computed: the descent's neighbourhoods, then the discs.
    // Scratch per thread, kept between fixes (allocations were a tenth of a fix).
    thread_local std::vector<float> cost, resid, wr;
    cost.resize(size_t(rw) * size_t(rh));
    resid.resize(n * size_t(rw));
    wr.resize(size_t(rw));
    const float huberK = float(k), offsetShare = float(withOffset ? 1.0 / (wSum + offsetPrecision) : 0.0),
                offsetCost = float(offsetPrecision);
    // With the shadow: per node the offset and the shadow's two terms by weighted least squares
    // with their priors (a 3 x 3 system), then Huber on what is left.
    const double shadowPrecision = m_config.bodyShadowSdDb > 0 ? 1.0 / (m_config.bodyShadowSdDb * m_config.bodyShadowSdDb) : 1e9;
    auto shadowSpan = [&](int iy, int x0, int len, float* row) {
        const double qy = m_latY0 + iy * cell, offsetP = offsetPrecision > 0 ? offsetPrecision : 1e9;
        auto bearing = [&](size_t i, double qx, double u[3]) {
            const Receiver& g = m_receivers[size_t(lv[i].receiver)];
            const double dx = g.x - qx, dy = g.y - qy, d = std::max(std::hypot(dx, dy), 1e-6);
            u[0] = 1;
            u[1] = dx / d;
            u[2] = dy / d;
        };
        for (int c = 0; c < len; ++c) {
            const double qx = m_latX0 + (x0 + c) * cell;
            double M[3][3] = {{offsetP, 0, 0}, {0, shadowPrecision, 0}, {0, 0, shadowPrecision}}, b[3] = {}, u[3];
            for (size_t i = 0; i < n; ++i) {
                bearing(i, qx, u);
                const double r = resid[i * size_t(rw) + size_t(c)];
                for (int j = 0; j < 3; ++j) {
                    b[j] += w[i] * u[j] * r;
                    for (int k2 = 0; k2 < 3; ++k2)
                        M[j][k2] += w[i] * u[j] * u[k2];
                }
            }
            double sol[3] = {};
            if (!solveLinear(M, b, sol, 3))
                std::fill(sol, sol + 3, 0.0);
            double total = sol[0] * sol[0] * offsetP + (sol[1] * sol[1] + sol[2] * sol[2]) * shadowPrecision;
            for (size_t i = 0; i < n; ++i) {
                bearing(i, qx, u);
                const double a = std::abs(resid[i * size_t(rw) + size_t(c)] - sol[0] - sol[1] * u[1] - sol[2] * u[2]);
                const double mm = std::min(a, k);
                total += w[i] * mm * (2 * a - mm);
            }
            row[c] = float(total);
        }
    };
    auto span = [&](int iy, int x0, int x1) {
        x0 = std::max(x0, rx0);
        x1 = std::min(x1, rx1);
        const int len = x1 - x0 + 1;
        if (iy < ry0 || iy > ry1 || len <= 0)
            return;
        std::fill(wr.begin(), wr.begin() + len, 0.0f);
        for (size_t i = 0; i < n; ++i) {
            const Receiver& g = m_receivers[size_t(lv[i].receiver)];
            float* ri = resid.data() + i * size_t(rw);
            if (m_latCorr.empty()) {
                for (int c = 0; c < len; ++c)
                    ri[c] = float(lv[i].rssi - modelled(lv[i].receiver, m_latX0 + (x0 + c) * cell, m_latY0 + iy * cell));
            } else {
                const size_t at = size_t(iy) * size_t(m_latW) + size_t(x0);
                const float* logd = m_logDist[size_t(lv[i].receiver)].data() + at;
                const float* corr = m_latCorr[size_t(lv[i].receiver)].data() + at;
                const float level = float(lv[i].rssi - g.rssiAt1m), slope = float(g.exponent);
                for (int c = 0; c < len; ++c)
                    ri[c] = level - slope * logd[c] - corr[c];
            }
            const float wi = float(w[i]);
            for (int c = 0; c < len; ++c)
                wr[size_t(c)] += wi * ri[c];
        }
        float* row = cost.data() + size_t(iy - ry0) * size_t(rw) + size_t(x0 - rx0);
        if (shadow) {
            shadowSpan(iy, x0, len, row);
            return;
        }
        for (int c = 0; c < len; ++c) {
            wr[size_t(c)] *= offsetShare; // the offset
            row[c] = wr[size_t(c)] * wr[size_t(c)] * offsetCost;
        }
        for (size_t i = 0; i < n; ++i) {
            const float wi = float(w[i]);
            const float* ri = resid.data() + i * size_t(rw);
            for (int c = 0; c < len; ++c) {
                const float a = std::abs(ri[c] - wr[size_t(c)]), m = std::min(a, huberK);
                row[c] += wi * m * (2 * a - m); // a^2 within k, 2ka - k^2 beyond
            }
        }
    };
    auto at = [&](int ix, int iy) { return cost[size_t(iy - ry0) * size_t(rw) + size_t(ix - rx0)]; };
    int ci = seek ? 0 : node(x, m_latX0), cj = seek ? 0 : node(y, m_latY0);
    if (seek) {
        // Down the lattice from the weighted centroid of the four strongest to the first node
        // none of whose neighbours is better: the valley least squares from the centroid would
        // find. The box's best node would be the wrong choice: far from every receiver the levels
        // flatten, and an edge of the area can fit a little better than the right valley.
        double cx = 0, cy = 0, ws = 0;
        for (size_t i = 0; i < n && i < 4; ++i) {
            const Receiver& g = m_receivers[size_t(lv[i].receiver)];
            const double wi = powerOfDb(lv[i].rssi / 2); // amplitude
            cx += wi * g.x;
            cy += wi * g.y;
            ws += wi;
        }
        ci = std::clamp(node(cx / ws, m_latX0), bx0, bx1);
        cj = std::clamp(node(cy / ws, m_latY0), by0, by1);
        for (bool moved = true; moved;) {
            const int x0 = std::max(bx0, ci - 1), x1 = std::min(bx1, ci + 1);
            for (int iy = std::max(by0, cj - 1); iy <= std::min(by1, cj + 1); ++iy)
                span(iy, x0, x1);
            int bi = ci, bj = cj;
            for (int iy = std::max(by0, cj - 1); iy <= std::min(by1, cj + 1); ++iy)
                for (int ix = x0; ix <= x1; ++ix)
                    if (at(ix, iy) < at(bi, bj)) {
                        bi = ix;
                        bj = iy;
                    }
            moved = bi != ci || bj != cj;
            ci = bi;
            cj = bj;
        }
    }
    // The discs, row by row: the span that covers both in the row.
    for (int iy = ry0; iy <= ry1; ++iy) {
        int x0 = std::numeric_limits<int>::max(), x1 = std::numeric_limits<int>::min();
        auto cover = [&](int cx, int cy) {
            const int dy = iy - cy;
            if (dy * dy > reach * reach)
                return;
            const int half = int(std::sqrt(double(reach * reach - dy * dy)));
            x0 = std::min(x0, cx - half);
            x1 = std::max(x1, cx + half);
        };
        cover(ci, cj);
        if (prior)
            cover(pi, pj);
        if (x0 <= x1)
            span(iy, x0, x1);
    }
    // Weighted exp(-cost / 2) over the nodes within the radius of the seed or of the prediction
    // (a disc that missed the prediction would hand the filter the disc's edge); negligible beyond
    // 80 nats.
    struct Node
    {
        double x, y, cost;
    };
    thread_local std::vector<Node> nodes;
    nodes.clear();
    double best = std::numeric_limits<double>::infinity();
    for (int iy = ry0; iy <= ry1; ++iy)
        for (int ix = rx0; ix <= rx1; ++ix) {
            const int i = ix - ci, j = iy - cj, u = ix - pi, v = iy - pj;
            if (i * i + j * j > reach * reach && (!prior || u * u + v * v > reach * reach))
                continue;
            const double qx = m_latX0 + ix * cell, qy = m_latY0 + iy * cell;
            double c = at(ix, iy);
            if (prior) {
                const double dx = qx - prior->x, dy = qy - prior->y;
                c += dx * dx * wide[0][0] + 2 * dx * dy * wide[0][1] + dy * dy * wide[1][1];
            }
            nodes.push_back({qx, qy, c});
            best = std::min(best, c);
        }
    if (nodes.empty())
        return false;
    thread_local std::vector<double> wt;
    wt.resize(nodes.size());
    double sw = 0, mx = 0, my = 0;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const double d = nodes[i].cost - best;
        wt[i] = d < 80 ? expNeg(d / 2) : 0.0;
        sw += wt[i];
        mx += wt[i] * nodes[i].x;
        my += wt[i] * nodes[i].y;
    }
    mx /= sw;
    my /= sw;
    double sxx = 0, sxy = 0, syy = 0;
    for (size_t i = 0; i < nodes.size(); ++i) {
        sxx += wt[i] * (nodes[i].x - mx) * (nodes[i].x - mx);
        sxy += wt[i] * (nodes[i].x - mx) * (nodes[i].y - my);
        syy += wt[i] * (nodes[i].y - my) * (nodes[i].y - my);
    }
    x = mx;
    y = my;
    spread[0][0] = sxx / sw;
    spread[0][1] = spread[1][0] = sxy / sw;
    spread[1][1] = syy / sw;
    // Without a track the measurement carries the whole spread; with one, it is the nodes' own S
    // (the Kalman update is then the mixture's exact mean) and the spread is added afterwards.
    const double keep = prior ? 0.0 : 1.0;
    cov[0][0] = keep * spread[0][0] + nodeVar;
    cov[0][1] = cov[1][0] = keep * spread[0][1];
    cov[1][1] = keep * spread[1][1] + nodeVar;
    return true;
}

} // namespace ww::pos
