// The position as the mean of the posterior over a grid around the least-squares answer, instead
// of the answer alone. Where a radio map bends the model the cost has several valleys; the
// least-squares fit lands in one of them, the posterior mean weighs them all (as fingerprinting
// with many neighbours does) and its spread is the honest covariance.
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <algorithm>
#include <cmath>

namespace ww::pos {

void Engine::buildLattice()
{
    const double cell = m_config.gridCellM;
    m_logDist.clear();
    if (!m_config.gridPosterior || cell <= 0)
        return;
    m_latX0 = m_area[0];
    m_latY0 = m_area[1];
    m_latW = int(std::floor((m_area[2] - m_area[0]) / cell)) + 1;
    m_latH = int(std::floor((m_area[3] - m_area[1]) / cell)) + 1;
    if (double(m_latW) * m_latH * double(m_receivers.size()) > 2e7) // beyond 80 MB: compute per node
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
}

double Engine::modelledAt(int receiver, int ix, int iy) const
{
    const double x = m_latX0 + ix * m_config.gridCellM, y = m_latY0 + iy * m_config.gridCellM;
    if (m_logDist.empty())
        return modelled(receiver, x, y);
    const Receiver& g = m_receivers[size_t(receiver)];
    const int walls = wallsBetween(receiver, x, y);
    return g.rssiAt1m + g.exponent * m_logDist[size_t(receiver)][size_t(iy) * size_t(m_latW) + size_t(ix)] -
           (walls ? m_config.wallLossDb * walls * (1 - m_map.support(receiver, x, y)) : 0.0) +
           (m_map.empty() ? 0.0 : m_map.at(receiver, x, y));
}

Engine::GridResult Engine::gridPosterior(const std::vector<Level>& lv, double& x, double& y, double cov[2][2], const Prior* prior) const
{
    if (lv.size() < 3 || !std::isfinite(x) || !std::isfinite(y))
        return GridResult::None;
    const double cell = m_config.gridCellM, radius = m_config.gridRadiusM;
    const double sigma2 = m_config.sigmaDb * m_config.sigmaDb, k = HuberK * m_config.sigmaDb;
    const bool withOffset = m_config.commonOffsetSdDb > 0 && lv.size() >= 4;
    const double offsetPrecision = withOffset ? 1.0 / (m_config.commonOffsetSdDb * m_config.commonOffsetSdDb) : 0;
    std::vector<double> w(lv.size());
    double wSum = 0;
    for (size_t i = 0; i < lv.size(); ++i) {
        w[i] = 1.0 / (sigma2 * (0.5 + 0.5 / lv[i].samples));
        wSum += w[i];
    }
    const int reach = int(std::ceil(radius / cell));
    struct Cell
    {
        double x, y, cost, priorCost;
    };
    std::vector<Cell> cells;
    cells.reserve(size_t(2 * reach + 1) * size_t(2 * reach + 1));
    std::vector<double> r(lv.size());
    double best = std::numeric_limits<double>::infinity(), bestWithPrior = best;
    // Nodes of the area's lattice within the radius of the least-squares answer.
    const int ci = int(std::lround((x - m_latX0) / cell)), cj = int(std::lround((y - m_latY0) / cell));
    for (int j = -reach; j <= reach; ++j)
        for (int i = -reach; i <= reach; ++i) {
            const int ix = ci + i, iy = cj + j;
            if (i * i + j * j > reach * reach || ix < 0 || iy < 0 || ix >= m_latW || iy >= m_latH)
                continue;
            const double qx = m_latX0 + ix * cell, qy = m_latY0 + iy * cell;
            // The common offset that fits this cell best (closed form of the quadratic part).
            double wr = 0;
            for (size_t n = 0; n < lv.size(); ++n) {
                r[n] = lv[n].rssi - modelledAt(lv[n].receiver, ix, iy);
                wr += w[n] * r[n];
            }
            const double c = withOffset ? wr / (wSum + offsetPrecision) : 0;
            double cost = c * c * offsetPrecision;
            for (size_t n = 0; n < lv.size(); ++n) {
                const double a = std::abs(r[n] - c);
                cost += w[n] * (a <= k ? a * a : 2 * k * a - k * k);
            }
            double priorCost = 0;
            if (prior) {
                const double dx = qx - prior->x, dy = qy - prior->y;
                priorCost = dx * dx * prior->inv[0][0] + 2 * dx * dy * prior->inv[0][1] + dy * dy * prior->inv[1][1];
            }
            cells.push_back({qx, qy, cost, priorCost});
            best = std::min(best, cost);
            bestWithPrior = std::min(bestWithPrior, cost + priorCost);
        }
    if (cells.empty())
        return GridResult::None;
    // Mean and covariance of the cells weighted exp(-cost / 2) (negligible beyond 40 nats).
    std::vector<double> wt(cells.size());
    auto moments = [&](bool withPrior, double m[2], double C[2][2]) {
        double sw = 0, mx = 0, my = 0;
        for (size_t i = 0; i < cells.size(); ++i) {
            const auto& c = cells[i];
            const double d = withPrior ? c.cost + c.priorCost - bestWithPrior : c.cost - best;
            wt[i] = d < 80 ? std::exp(-d / 2) : 0.0;
            sw += wt[i];
            mx += wt[i] * c.x;
            my += wt[i] * c.y;
        }
        mx /= sw;
        my /= sw;
        double sxx = 0, sxy = 0, syy = 0;
        for (size_t i = 0; i < cells.size(); ++i) {
            const auto& c = cells[i];
            sxx += wt[i] * (c.x - mx) * (c.x - mx);
            sxy += wt[i] * (c.x - mx) * (c.y - my);
            syy += wt[i] * (c.y - my) * (c.y - my);
        }
        const double q = cell * cell / 12; // within a cell
        m[0] = mx;
        m[1] = my;
        C[0][0] = sxx / sw + q;
        C[0][1] = C[1][0] = sxy / sw;
        C[1][1] = syy / sw + q;
    };
    double m[2], C[2][2];
    if (prior) {
        // The posterior with the track's prediction picks the valley the track is in. Handed to
        // the Kalman filter as the measurement that turns its prediction into that posterior:
        // R = (C^-1 - P^-1)^-1, z = R (C^-1 m - P^-1 p). When the grid's posterior is not tighter
        // than the prediction (it cut the prior off at its edge), the likelihood alone is used.
        moments(true, m, C);
        double Ci[2][2];
        if (invert2(C, Ci)) {
            const double Ri[2][2] = {{Ci[0][0] - prior->inv[0][0], Ci[0][1] - prior->inv[0][1]},
                                     {Ci[1][0] - prior->inv[1][0], Ci[1][1] - prior->inv[1][1]}};
            double R[2][2];
            const double det = Ri[0][0] * Ri[1][1] - Ri[0][1] * Ri[1][0];
            if (Ri[0][0] > 0 && Ri[1][1] > 0 && det > 1e-9 * Ri[0][0] * Ri[1][1] && invert2(Ri, R)) {
                const double v[2] = {Ci[0][0] * m[0] + Ci[0][1] * m[1] - prior->inv[0][0] * prior->x - prior->inv[0][1] * prior->y,
                                     Ci[1][0] * m[0] + Ci[1][1] * m[1] - prior->inv[1][0] * prior->x - prior->inv[1][1] * prior->y};
                x = R[0][0] * v[0] + R[0][1] * v[1];
                y = R[1][0] * v[0] + R[1][1] * v[1];
                std::copy(&R[0][0], &R[0][0] + 4, &cov[0][0]);
                return GridResult::Measurement;
            }
        }
    }
    moments(false, m, C);
    x = m[0];
    y = m[1];
    std::copy(&C[0][0], &C[0][0] + 4, &cov[0][0]);
    return GridResult::Snapshot;
}

} // namespace ww::pos
