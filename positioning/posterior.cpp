// The measurement from the likelihood over a lattice around the least-squares answer and the
// track's prediction, instead of the answer alone. Where a radio map bends the model the cost has several valleys; least squares
// lands in one of them, the likelihood's mean weighs them all (as fingerprinting with many
// neighbours does) and its spread is the honest covariance.
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
    return modelledWith(receiver, m_logDist[size_t(receiver)][size_t(iy) * size_t(m_latW) + size_t(ix)], x, y);
}

void Engine::addLatticeSpread(TagState& s, const double R[2][2], const double spread[2][2]) const
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
                           double spread[2][2]) const
{
    if (lv.size() < 3 || !std::isfinite(x) || !std::isfinite(y))
        return false;
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
    const double nodeVar = cell * cell / 4; // S = (cell / 2)^2 I
    double wide[2][2] = {}; // (P + S)^-1
    if (prior) {
        const double PS[2][2] = {{prior->cov[0][0] + nodeVar, prior->cov[0][1]}, {prior->cov[1][0], prior->cov[1][1] + nodeVar}};
        if (!invert2(PS, wide))
            prior = nullptr;
    }
    struct Cell
    {
        double x, y, cost;
    };
    std::vector<Cell> cells;
    cells.reserve(size_t(2 * reach + 1) * size_t(2 * reach + 1));
    std::vector<double> r(lv.size());
    double best = std::numeric_limits<double>::infinity();
    // Nodes of the area's lattice within the radius of the least-squares answer. With a track, the nodes around its prediction too: the weights are the likelihood times
    // the prediction, and a disc that missed the prediction would hand the filter the disc's edge.
    const int ci = int(std::lround((x - m_latX0) / cell)), cj = int(std::lround((y - m_latY0) / cell));
    const int pi = prior ? int(std::lround((prior->x - m_latX0) / cell)) : ci;
    const int pj = prior ? int(std::lround((prior->y - m_latY0) / cell)) : cj;
    for (int iy = std::max(0, std::min(cj, pj) - reach); iy <= std::min(m_latH - 1, std::max(cj, pj) + reach); ++iy)
        for (int ix = std::max(0, std::min(ci, pi) - reach); ix <= std::min(m_latW - 1, std::max(ci, pi) + reach); ++ix) {
            const int i = ix - ci, j = iy - cj, u = ix - pi, v = iy - pj;
            if (i * i + j * j > reach * reach && u * u + v * v > reach * reach)
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
                priorCost = dx * dx * wide[0][0] + 2 * dx * dy * wide[0][1] + dy * dy * wide[1][1];
            }
            cells.push_back({qx, qy, cost + priorCost});
            best = std::min(best, cost + priorCost);
        }
    if (cells.empty())
        return false;
    // Weighted exp(-cost / 2) (negligible beyond 40 nats): mean and spread of the nodes.
    std::vector<double> wt(cells.size());
    double sw = 0, mx = 0, my = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        const double d = cells[i].cost - best;
        wt[i] = d < 80 ? std::exp(-d / 2) : 0.0;
        sw += wt[i];
        mx += wt[i] * cells[i].x;
        my += wt[i] * cells[i].y;
    }
    mx /= sw;
    my /= sw;
    double sxx = 0, sxy = 0, syy = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        sxx += wt[i] * (cells[i].x - mx) * (cells[i].x - mx);
        sxy += wt[i] * (cells[i].x - mx) * (cells[i].y - my);
        syy += wt[i] * (cells[i].y - my) * (cells[i].y - my);
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
