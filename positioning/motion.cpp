// The motion filter (constant-velocity Kalman with a speed bound, and the wall check on a step)
// and stillness: whether a tag moves, has come to rest, or has left the place it rested at, and
// its levels at rest.
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace ww::pos {

void predictCovariance(double P[4][4], double dt, double q)
{
    // P = F P F' + Q with F = [I  dt I; 0  I], by 2x2 blocks (position p, velocity v). Every
    // block, the cross-axis terms included: a measurement with correlated x and y correlates them.
    double n[4][4];
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            const double pp = P[i][j], pv = P[i][j + 2], vp = P[i + 2][j], vv = P[i + 2][j + 2];
            n[i][j] = pp + dt * (pv + vp) + dt * dt * vv;
            n[i][j + 2] = pv + dt * vv;
            n[i + 2][j] = vp + dt * vv;
            n[i + 2][j + 2] = vv;
        }
    // White acceleration of spectral density q on each axis.
    for (int a = 0; a < 2; ++a) {
        n[a][a] += q * dt * dt * dt * dt / 4;
        n[a][a + 2] += q * dt * dt * dt / 2;
        n[a + 2][a] += q * dt * dt * dt / 2;
        n[a + 2][a + 2] += q * dt * dt;
    }
    std::copy(&n[0][0], &n[0][0] + 16, &P[0][0]);
}

bool correctPosition(double state[4], double P[4][4], double x, double y, const double R[2][2])
{
    // Kalman update with H = [I 0]: S = P_pp + R, K = P[:, p] S^-1.
    double S[2][2] = {{P[0][0] + R[0][0], P[0][1] + R[0][1]}, {P[1][0] + R[1][0], P[1][1] + R[1][1]}}, Si[2][2];
    if (!invert2(S, Si))
        return false;
    double K[4][2];
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 2; ++j)
            K[i][j] = P[i][0] * Si[0][j] + P[i][1] * Si[1][j];
    const double ix = x - state[0], iy = y - state[1];
    for (int i = 0; i < 4; ++i)
        state[i] += K[i][0] * ix + K[i][1] * iy;
    // Joseph form, P = (I - K H) P (I - K H)' + K R K': symmetric and positive whatever the
    // rounding (the lattice's R is a quarter cell against a P of metres after a silence).
    double A[4][4], AP[4][4], n[4][4];
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            A[i][j] = (i == j ? 1.0 : 0.0) - (j < 2 ? K[i][j] : 0.0);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            double v = 0;
            for (int k = 0; k < 4; ++k)
                v += A[i][k] * P[k][j];
            AP[i][j] = v;
        }
    for (int i = 0; i < 4; ++i)
        for (int j = i; j < 4; ++j) {
            double v = 0;
            for (int k = 0; k < 4; ++k)
                v += AP[i][k] * A[j][k];
            for (int a = 0; a < 2; ++a)
                for (int b = 0; b < 2; ++b)
                    v += K[i][a] * R[a][b] * K[j][b];
            n[i][j] = n[j][i] = v;
        }
    std::copy(&n[0][0], &n[0][0] + 16, &P[0][0]);
    return true;
}

void Engine::predict(Kinematics& s, double tS) const
{
    const double dt = std::clamp(tS - s.t, 0.0, 30.0);
    s.t = tS;
    if (dt <= 0)
        return;
    s.x += s.vx * dt;
    s.y += s.vy * dt;
    predictCovariance(s.P, dt, m_config.accelNoise * m_config.accelNoise);
}

void Engine::correct(Kinematics& s, double x, double y, const double R[2][2]) const
{
    double state[4] = {s.x, s.y, s.vx, s.vy};
    if (!correctPosition(state, s.P, x, y, R))
        return;
    s.x = state[0];
    s.y = state[1];
    s.vx = state[2];
    s.vy = state[3];
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

void Engine::updateMotion(TagState& s, double tS, const std::vector<Level>& window) const
{
    // Per receiver among the six strongest: the recent average against the older one, less the
    // common offset (the median difference: body shadowing moves every level alike). A tag that
    // stands still leaves only noise, which the averages make small; one that walks changes its
    // near receivers by many dB.
    // The six strongest by the older average: a choice by the current levels would favour
    // receivers that happen to be up, and their recent average with them.
    std::pair<float, float> top[6]; // (slow, fast - slow)
    int n = 0;
    for (size_t r = 0; r < s.heard.size(); ++r) {
        const auto& tr = s.heard[r].trend;
        if (tr.t < tS - 4 * m_config.motionSlowS * intervalScale(s) || m_receivers[r].floor != s.floor)
            continue;
        const std::pair<float, float> v{tr.slow, tr.fast - tr.slow};
        if (n < 6)
            top[n++] = v;
        else if (const auto weakest = std::min_element(top, top + 6); weakest->first < v.first)
            *weakest = v;
    }
    double stat = 0;
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
    // Recalled from before a restart (Engine::recall): its fades, and whether it stood still.
    auto* recalled = s.certainty.recalled.get();
    const bool recalledStill = recalled && recalled->tag.stillForS > 0 && !recalled->told && (!s.tracking || s.floor == recalled->tag.floor);
    // The tag's own fades: the running median of its statistic sets the thresholds. A radio whose
    // levels fade slowly, per receiver, moves the statistic of a tag at rest well above fixed ones.
    // Only a tag that seems at rest adds to it (below the threshold, its track slower than
    // motionNoiseMaxSpeedMps): a walker's statistic must not raise the bar for its next walk.
    if (m_config.motionNoiseFactor > 0 && n >= 3) {
        if (s.motionNoiseDb < 0)
            s.motionNoiseDb = recalled && recalled->tag.noiseDb >= 0 ? recalled->tag.noiseDb : m_config.motionNoiseInitDb;
        else if (stat < s.moveDb && std::hypot(s.vx, s.vy) < m_config.motionNoiseMaxSpeedMps)
            s.motionNoiseDb = std::max(0.0, s.motionNoiseDb + (stat > s.motionNoiseDb ? 1 : -1) * m_config.motionNoiseRateDbPerS *
                                                                    std::clamp(tS - s.motionT, 0.0, 5.0));
    }
    const double noise = std::max(0.0, s.motionNoiseDb);
    s.moveDb = std::max(m_config.motionThresholdDb, m_config.motionNoiseFactor * noise);
    s.settleDb = std::max(m_config.motionSettleDb, m_config.motionSettleNoiseFactor * noise);
    // Too few receivers: cannot tell, taken as moving; but a tag recalled standing still
    // (Engine::recall) stays still until its statistic can tell.
    s.motionDb = n >= 3 ? stat : recalledStill ? 0.0 : s.moveDb;
    if (s.motionTruth >= 0) // evaluation: the truth in place of the statistic
        s.motionDb = s.motionTruth ? 10 * s.moveDb : 0.0;
    s.motionT = tS;
    // Settled after settleAfterS below the threshold; unsettled once above it for motionConfirmS
    // (a single noisy update does not undo minutes of rest).
    if (s.motionDb < s.moveDb) {
        s.aboveSince = 1e18;
        if (s.motionDb >= s.settleDb)
            ; // between the thresholds: neither settling nor moving
        else if (s.stillSince > tS) {
            // A tag recalled standing still (Engine::recall) stands still as long again at once.
            s.stillSince = recalledStill ? tS - std::min(recalled->tag.stillForS, m_config.restedLongS) : tS;
        }
    } else {
        s.aboveSince = std::min(s.aboveSince, tS);
        // A tag at rest for long (a patient in bed, a parked pump) needs the change confirmed.
        const bool restedLong = tS - s.stillSince >= m_config.restedLongS;
        const bool confirmed = tS - s.aboveSince >= (restedLong ? m_config.motionConfirmS : 0.0) * intervalScale(s);
        if (confirmed && !(n >= 3 && restHoldsAgainst(s, window, tS)))
            s.stillSince = 1e18;
    }
    if (n >= 3 && recalled) // the statistic tells from now on
        recalled->told = true;
}

bool Engine::restHoldsAgainst(const TagState& s, const std::vector<Level>& window, double tS) const
{
    // A tag whose levels at rest are old enough to position it, and whose window still agrees with
    // them: a statistic above the moving threshold by less than motionAgreeFactor, for less than
    // motionAgreeHoldS, is a slow fade at some receivers (a body, a trolley), not a move. A walk
    // soon leaves the levels at rest, or the statistic far behind.
    return m_config.motionAgreeFactor > 1 && s.motionDb < m_config.motionAgreeFactor * s.moveDb &&
           tS - s.aboveSince < m_config.motionAgreeHoldS * intervalScale(s) && s.restStart <= tS && s.restOf == s.stillSince &&
           tS - s.restStart >= m_config.restLevelsAfterS * intervalScale(s) && restAgreement(s, window) == Agreement::Agrees;
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
        const double a = 1 - std::exp(-std::max(0.0, tS - s.restT) / (m_config.restAnchorS * intervalScale(s)));
        s.restX += a * (s.x - s.restX);
        s.restY += a * (s.y - s.restY);
    }
    s.restT = tS;
    // A window that still agrees with the levels at rest moved the fix by a fade: only a longer
    // way counts then.
    const bool levelsStay = s.restConfirmed && s.heldStart > 1e17;
    const double unsettleDistance = m_config.unsettleDistanceM * (levelsStay ? std::max(1.0, m_config.unsettleAgreeFactor) : 1.0);
    if (std::hypot(s.x - s.restX, s.y - s.restY) <= unsettleDistance) {
        s.awaySince = 1e18;
    } else if (s.awaySince > tS) {
        s.awaySince = tS;
    } else if (tS - s.awaySince >= m_config.unsettleConfirmS * intervalScale(s)) {
        s.stillSince = tS; // at rest again only after settleAfterS, here
        s.restX = s.x;
        s.restY = s.y;
        s.awaySince = 1e18;
    }
}

std::vector<Engine::Level> Engine::restLevels(TagState& s, const std::vector<Level>& window, double tS) const
{
    std::vector<Level> out;
    s.restConfirmed = false;
    if (m_config.restLevelsAfterS <= 0)
        return out;
    // hold: keep the sums, to be taken back if the window returns to them.
    auto restart = [&](bool hold) {
        if (hold)
            s.held.resize(s.heard.size());
        else
            s.held.clear();
        for (size_t r = 0; r < s.heard.size(); ++r) {
            auto& h = s.heard[r];
            if (hold)
                s.held[r] = {h.restSum, h.restCount};
            h.restSum = 0;
            h.restCount = 0;
        }
        s.heldEvidence = hold ? std::move(s.restEvidence) : TagState::RestEvidence{};
        s.restEvidence = {};
        s.heldStart = hold ? s.restStart : 1e18;
        s.restStart = tS;
        s.disagreeSince = s.backSince = 1e18;
    };
    // The sums follow the tag's rest: they start again when it comes to rest anew (or moves).
    if (s.restStart > tS || s.restOf != s.stillSince) {
        restart(false);
        s.restOf = s.stillSince;
        // A tag standing still since before a restart, on its recalled floor: its recalled levels at
        // rest are its levels at rest again (checked below once its window has filled).
        if (auto* r = s.certainty.recalled.get(); r && !r->rest.empty() && !r->restInUse && s.tracking && s.floor == r->tag.floor &&
                                                   s.stillSince <= tS && s.stillSince < r->since) {
            for (size_t g = 0; g < s.heard.size() && g < r->rest.size(); ++g) {
                s.heard[g].restSum = r->rest[g].sum;
                s.heard[g].restCount = r->rest[g].count;
            }
            s.restStart = tS - std::max(0.0, r->tag.restForS);
            r->restInUse = true;
        }
        return out;
    }
    // Levels at rest recalled from before a restart (Engine::recall), taken at once (above), are
    // checked against the tag's first full window: agreeing for restBreakS, it is where it was;
    // not agreeing for restBreakS (disagreeing, or too few of its old receivers hear it to tell),
    // it moved meanwhile. (The sums themselves take in the window's levels as they go: the check
    // is against the levels as recalled.)
    if (auto* r = s.certainty.recalled.get(); r && r->restInUse && s.heldStart > 1e17 && tS - r->since >= windowFor(s)) {
        s.held = r->rest;
        s.held.resize(s.heard.size());
        const bool agrees = restAgreement(s, window, true) == Agreement::Agrees;
        s.held.clear();
        double& since = agrees ? r->agreeSince : r->disagreeSince;
        (agrees ? r->disagreeSince : r->agreeSince) = 1e18;
        since = std::min(since, tS);
        if (tS - since >= m_config.restBreakS * intervalScale(s)) {
            if (!agrees) {
                forgetRecalled(s, tS, true);
                return out;
            }
            r->rest.clear(); // checked: where it was; from here its levels at rest are as any tag's
            r->restInUse = false;
        }
    }
    if (s.stillSince > tS)
        return out;
    // A window that disagreed for restBreakS started the sums again, and now agrees with the old
    // ones for as long: a slow fade at a receiver (a trolley parked for a minute), not a move,
    // broke them. The old sums come back; the new ones hold the fade and would place the tag by
    // it for minutes.
    if (s.heldStart < 1e17) {
        if (restAgreement(s, window, true) != Agreement::Disagrees) { // cannot tell: no reason to doubt them
            s.backSince = std::min(s.backSince, tS);
            if (tS - s.backSince >= m_config.restBreakS * intervalScale(s)) {
                for (size_t r = 0; r < s.heard.size(); ++r) {
                    s.heard[r].restSum = s.held[r].sum;
                    s.heard[r].restCount = s.held[r].count;
                }
                s.held.clear();
                s.restEvidence = std::move(s.heldEvidence);
                s.heldEvidence = {};
                s.restStart = s.heldStart;
                s.heldStart = s.disagreeSince = s.backSince = 1e18;
            }
        } else {
            s.backSince = 1e18;
        }
    }
    const Agreement agreement = restAgreement(s, window);
    s.restConfirmed = agreement == Agreement::Agrees;
    if (agreement == Agreement::Disagrees) {
        // A tag that moved: the window leaves its old levels. Once that has lasted restBreakS the
        // sums start again; until then its fixes are the window's.
        s.disagreeSince = std::min(s.disagreeSince, tS);
        if (tS - s.disagreeSince >= m_config.restBreakS * intervalScale(s)) {
            restart(true);
            // The levels recalled from before a restart: it moved meanwhile.
            if (const auto* r = s.certainty.recalled.get(); r && r->restInUse)
                forgetRecalled(s, tS, true);
        }
        return out;
    }
    s.disagreeSince = 1e18;
    if (tS - s.restStart < m_config.restLevelsAfterS * intervalScale(s) || s.motionDb >= m_config.motionThresholdDb)
        return out;
    // A receiver that heard few of the tag's adverts at rest heard only its lucky ones (the others
    // fell below its sensitivity): that mean would lie high for as long as the rest lasts. Counted:
    // receivers with at least a tenth of the best-heard receiver's samples. (On the simulated ward
    // a receiver heard once in 946 adverts, at -71 dBm, took a resting wristband 15 m away.)
    qint32 most = 0;
    for (const auto& h : s.heard)
        most = std::max(most, h.restCount);
    const qint32 least = std::max<qint32>(1, most / 10);
    for (size_t r = 0; r < s.heard.size(); ++r)
        if (const auto& h = s.heard[r]; h.restCount >= least)
            out.push_back({int(r), double(h.restSum) / h.restCount, h.restCount});
    std::sort(out.begin(), out.end(), [](const Level& a, const Level& b) { return a.rssi > b.rssi; });
    return out;
}

Engine::Agreement Engine::restAgreement(const TagState& s, const std::vector<Level>& window, bool held) const
{
    // The window's six strongest receivers that heard the tag at rest too: their differences from
    // the levels at rest, less the common one (the weighted mean), against their noise (sigmaDb per
    // sample) and a slow fade of restFadeSdDb each. Disagreement: chi-squared three of its standard
    // deviations above its mean.
    if (held && s.held.size() != s.heard.size())
        return Agreement::Disagrees; // none held
    double d[6], v[6];
    int m = 0;
    const double var = m_config.sigmaDb * m_config.sigmaDb, fade = m_config.restFadeSdDb * m_config.restFadeSdDb;
    for (const auto& l : window) {
        if (m == 6)
            break;
        const auto& h = s.heard[size_t(l.receiver)];
        const double sum = held ? s.held[size_t(l.receiver)].sum : h.restSum;
        const qint32 count = held ? s.held[size_t(l.receiver)].count : h.restCount;
        if (count < 2)
            continue;
        d[m] = l.rssi - sum / count;
        v[m] = var * (1.0 / std::max(1, l.samples) + 1.0 / count) + fade;
        ++m;
    }
    if (m < 3)
        return Agreement::CannotTell;
    double sw = 0, swd = 0;
    for (int i = 0; i < m; ++i) {
        sw += 1 / v[i];
        swd += d[i] / v[i];
    }
    const double common = swd / sw;
    double stat = 0;
    for (int i = 0; i < m; ++i)
        stat += (d[i] - common) * (d[i] - common) / v[i];
    const double dof = m - 1;
    return stat <= dof + 3 * std::sqrt(2 * dof) ? Agreement::Agrees : Agreement::Disagrees;
}

} // namespace ww::pos
