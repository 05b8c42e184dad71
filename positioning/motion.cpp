// The motion filter (constant-velocity Kalman with a speed bound, and the wall check on a step)
// and stillness: whether a tag moves, has come to rest, or has left the place it rested at.
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace ww::pos {

void Engine::predict(Kinematics& s, double tS) const
{
    const double dt = std::clamp(tS - s.t, 0.0, 30.0);
    s.t = tS;
    if (dt <= 0)
        return;
    s.x += s.vx * dt;
    s.y += s.vy * dt;
    // P = F P F' + Q, per axis (x, vx) and (y, vy); the axes stay uncorrelated.
    const double q = m_config.accelNoise * m_config.accelNoise;
    for (int a = 0; a < 2; ++a) {
        const int p = a, v = a + 2;
        const double ppp = s.P[p][p] + 2 * dt * s.P[p][v] + dt * dt * s.P[v][v];
        const double ppv = s.P[p][v] + dt * s.P[v][v];
        s.P[p][p] = ppp + q * dt * dt * dt * dt / 4;
        s.P[p][v] = s.P[v][p] = ppv + q * dt * dt * dt / 2;
        s.P[v][v] += q * dt * dt;
    }
}

void Engine::correct(Kinematics& s, double x, double y, const double R[2][2]) const
{
    // Kalman update with H = [I 0]: S = P_pp + R, K = P[:, p] S^-1.
    double S[2][2] = {{s.P[0][0] + R[0][0], s.P[0][1] + R[0][1]}, {s.P[1][0] + R[1][0], s.P[1][1] + R[1][1]}}, Si[2][2];
    if (!invert2(S, Si))
        return;
    double K[4][2];
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 2; ++j)
            K[i][j] = s.P[i][0] * Si[0][j] + s.P[i][1] * Si[1][j];
    const double ix = x - s.x, iy = y - s.y;
    s.x += K[0][0] * ix + K[0][1] * iy;
    s.y += K[1][0] * ix + K[1][1] * iy;
    s.vx += K[2][0] * ix + K[2][1] * iy;
    s.vy += K[3][0] * ix + K[3][1] * iy;
    double P[4][4];
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            P[i][j] = s.P[i][j] - (K[i][0] * s.P[0][j] + K[i][1] * s.P[1][j]);
    std::copy(&P[0][0], &P[0][0] + 16, &s.P[0][0]);
    const double speed = std::hypot(s.vx, s.vy);
    if (speed > m_config.maxSpeedMps) {
        s.vx *= m_config.maxSpeedMps / speed;
        s.vy *= m_config.maxSpeedMps / speed;
    }
}

bool Engine::crossesWall(int floor, double x0, double y0, double x1, double y1) const
{
    const QLineF step(x0, y0, x1, y1);
    for (const auto& w : m_walls)
        if (w.floor == floor && step.intersects(w.line, nullptr) == QLineF::BoundedIntersection)
            return true;
    return false;
}

void Engine::updateMotion(TagState& s, double tS) const
{
    // Per receiver among the six strongest: the recent average against the older one, less the
    // common offset (the median difference: body shadowing moves every level alike). A tag that
    // stands still leaves only noise, which the averages make small; one that walks changes its
    // near receivers by many dB.
    // The six strongest by the older average: a choice by the current levels would favour
    // receivers that happen to be up, and their recent average with them.
    std::pair<float, float> top[6]; // (slow, fast - slow)
    int n = 0;
    for (size_t r = 0; r < s.trend.size(); ++r) {
        const auto& tr = s.trend[r];
        if (tr.t < tS - 4 * m_config.motionSlowS * std::max(1.0, s.advertInterval) || m_receivers[r].floor != s.floor)
            continue;
        const std::pair<float, float> v{tr.slow, tr.fast - tr.slow};
        if (n < 6)
            top[n++] = v;
        else if (const auto weakest = std::min_element(top, top + 6); weakest->first < v.first)
            *weakest = v;
    }
    double stat = m_config.motionThresholdDb; // too few receivers: cannot tell
    if (n >= 3) {
        double d[6];
        for (int i = 0; i < n; ++i)
            d[i] = top[i].second;
        std::nth_element(d, d + n / 2, d + n);
        const double common = d[n / 2];
        for (int i = 0; i < n; ++i)
            d[i] = std::abs(double(top[i].second) - common);
        // The median change: one receiver blocked by a passer-by does not make the tag move.
        std::nth_element(d, d + n / 2, d + n);
        stat = d[n / 2];
    }
    s.motionDb = stat;
    s.motionT = tS;
    // Settled after settleAfterS below the threshold; unsettled once above it for motionConfirmS
    // (a single noisy update does not undo minutes of rest).
    if (s.motionDb < m_config.motionThresholdDb) {
        s.aboveSince = 1e18;
        if (s.motionDb >= m_config.motionSettleDb)
            ; // between the thresholds: neither settling nor moving
        else if (s.stillSince > tS)
            s.stillSince = tS;
    } else {
        s.aboveSince = std::min(s.aboveSince, tS);
        // A tag at rest for long (a patient in bed, a parked pump) needs the change confirmed.
        const bool restedLong = tS - s.stillSince >= m_config.restedLongS;
        if (tS - s.aboveSince >= (restedLong ? m_config.motionConfirmS : 0.0) * std::max(1.0, s.advertInterval))
            s.stillSince = 1e18;
    }
}

void Engine::trackRest(TagState& s, double tS) const
{
    if (s.stillSince > tS || m_config.unsettleDistanceM <= 0) {
        s.restX = s.restY = std::numeric_limits<double>::quiet_NaN();
        s.awaySince = 1e18;
        return;
    }
    if (!std::isfinite(s.restX)) {
        s.restX = s.x;
        s.restY = s.y;
    } else {
        const double a = 1 - std::exp(-std::max(0.0, tS - s.restT) / (m_config.restAnchorS * std::max(1.0, s.advertInterval)));
        s.restX += a * (s.x - s.restX);
        s.restY += a * (s.y - s.restY);
    }
    s.restT = tS;
    if (std::hypot(s.x - s.restX, s.y - s.restY) <= m_config.unsettleDistanceM) {
        s.awaySince = 1e18;
    } else if (s.awaySince > tS) {
        s.awaySince = tS;
    } else if (tS - s.awaySince >= m_config.unsettleConfirmS * std::max(1.0, s.advertInterval)) {
        s.stillSince = tS; // at rest again only after settleAfterS, here
        s.restX = s.x;
        s.restY = s.y;
        s.awaySince = 1e18;
    }
}

} // namespace ww::pos
