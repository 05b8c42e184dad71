// Positions from one window's levels alone, without the track: the weighted least-squares fit of the
// path-loss model (Levenberg-Marquardt), the weighted centroid, and a layout's Cramér-Rao bound.
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww::pos {

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
