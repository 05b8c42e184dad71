// Calibration: the fit of the log-distance model (and the radio map) to reports at known
// positions, and the live self-calibration from settled tags and reference beacons.
#include "positioning/engine.h"
#include "positioning/internal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww::pos {

void Engine::startSelfCalibration()
{
    auto& c = m_selfCal;
    if (c.base.size() == m_receivers.size())
        return;
    c.count.assign(m_receivers.size(), 0);
    c.residual = c.learnt = c.count;
    c.base.clear();
    for (const auto& g : m_receivers)
        c.base.push_back(g.rssiAt1m);
    for (double b : c.base)
        c.baseCommon += b / double(c.base.size());
}

void Engine::selfCalibrationSample(const TagState& s, const std::vector<Level>& used, double tS, int nearest, double weight)
{
    startSelfCalibration();
    auto& c = m_selfCal;
    for (size_t i = 0; i < used.size() && int(i) < nearest; ++i) {
        const size_t r = size_t(used[i].receiver);
        c.count[r] += weight;
        const double model = s.known ? modelledWith(used[i].receiver, logDistance(used[i].receiver, s.x, s.y, s.knownZ), s.x, s.y)
                                     : modelled(used[i].receiver, s.x, s.y);
        c.residual[r] += weight * (used[i].rssi - model);
    }
    if (tS < c.nextFitT)
        return;
    c.nextFitT = tS + m_config.selfCalibrationEveryS;
    // Residuals are taken against the current model (with what was learnt so far): add it back.
    double total = 0, n = 0;
    std::vector<double> mean(c.count.size(), 0);
    for (size_t r = 0; r < c.count.size(); ++r)
        if (c.count[r] > 0) {
            mean[r] = c.residual[r] / c.count[r] + c.learnt[r];
            total += c.residual[r] + c.learnt[r] * c.count[r];
            n += c.count[r];
        }
    if (n <= 0)
        return;
    const double common = total / n;
    for (size_t r = 0; r < c.count.size(); ++r) {
        const double learnt = std::clamp(c.count[r] * (mean[r] - common) / (c.count[r] + m_config.selfCalibrationPrior), -8.0, 8.0);
        // Residuals pooled so far were against the old level: move them to the new one.
        c.residual[r] -= (learnt - c.learnt[r]) * c.count[r];
        c.learnt[r] = learnt;
        m_receivers[r].rssiAt1m = c.base[r] + c.shift + learnt;
        // Older levels were explained by positions the old model gave: they count half as much at
        // each refit, so that the levels converge instead of averaging the whole history.
        c.count[r] *= 0.5;
        c.residual[r] *= 0.5;
    }
    if (c.refW >= 100) {
        const double mu = c.refU / c.refW, my = c.refY / c.refW, varU = c.refUU / c.refW - mu * mu;
        if (varU > 0.5) {
            const double slope = std::clamp((c.refUY / c.refW - mu * my) / varU, 1.0, 4.0);
            c.shift = std::clamp(my - slope * mu - c.baseCommon, -15.0, 15.0);
            c.exponent = slope;
            for (size_t r = 0; r < m_receivers.size(); ++r) {
                m_receivers[r].exponent = slope;
                m_receivers[r].rssiAt1m = c.base[r] + c.shift + c.learnt[r];
            }
        }
        c.refW *= 0.5;
        c.refU *= 0.5;
        c.refY *= 0.5;
        c.refUU *= 0.5;
        c.refUY *= 0.5;
    }
    if (m_config.roomHmm && m_config.roomModelWeight > 0)
        buildRoomModel();
}

void Engine::setKnownPosition(int tag, double x, double y, int floor, double z, int ownReceiver)
{
    TagState& s = state(tag);
    s.known = true;
    s.knownZ = std::isfinite(z) ? z : m_config.tagHeightM;
    s.ownReceiver = ownReceiver;
    s.tracking = true;
    s.x = x;
    s.y = y;
    s.floor = floor;
}

Fix Engine::referenceFix(TagState& s, const std::vector<Level>& lv, double tS)
{
    // Where it was surveyed; every receiver of its floor that hears it teaches the model.
    std::vector<Level> used;
    for (const auto& l : lv)
        if (m_receivers[size_t(l.receiver)].floor == s.floor && l.receiver != s.ownReceiver && int(used.size()) < m_config.maxGateways)
            used.push_back(l);
    if (m_config.selfCalibrate && used.size() >= 3) {
        selfCalibrationSample(s, used, tS, int(used.size()), m_config.referenceWeight);
        auto& c = m_selfCal;
        for (size_t r = 0; r < s.heard.size() && m_config.referenceLearnsModel; ++r) {
            const auto& tr = s.heard[r].trend;
            const Receiver& g = m_receivers[r];
            if (g.floor != s.floor || int(r) == s.ownReceiver || tr.t < tS - 10 * intervalScale(s) ||
                tr.slow < m_config.weakDbm + 6)
                continue;
            const double u = logDistance(int(r), s.x, s.y, s.knownZ);
            const double y = double(tr.slow) - (c.base[r] - c.baseCommon) - c.learnt[r] +
                             m_config.wallLossDb * wallsBetween(int(r), s.x, s.y) - m_map.at(int(r), s.x, s.y);
            c.refW += 1;
            c.refU += u;
            c.refY += y;
            c.refUU += u * u;
            c.refUY += u * y;
        }
    }
    Fix f;
    f.t = tS;
    f.x = s.x;
    f.y = s.y;
    f.floor = s.floor;
    f.gatewaysUsed = int(used.size());
    f.confidence = 1;
    f.moving = false;
    f.settled = true;
    for (const auto& r : m_rooms)
        if (r.floor == s.floor && r.polygon.contains(QPointF(s.x, s.y)))
            f.room = r.id;
    return f;
}

namespace {

// Median distance from a surveyed place to the nearest other one (places rounded to 1 cm; at
// most 2000 of them are asked, spread evenly, against all).
double medianSpacing(const std::vector<RadioMapSample>& samples)
{
    std::vector<std::pair<qint64, qint64>> cm;
    cm.reserve(samples.size());
    for (const auto& s : samples)
        cm.emplace_back(std::llround(s.x * 100), std::llround(s.y * 100));
    std::sort(cm.begin(), cm.end());
    cm.erase(std::unique(cm.begin(), cm.end()), cm.end());
    if (cm.size() < 2)
        return 0;
    const size_t stride = std::max<size_t>(1, cm.size() / 2000);
    std::vector<double> nearest;
    for (size_t i = 0; i < cm.size(); i += stride) {
        double best = std::numeric_limits<double>::infinity();
        for (size_t j = 0; j < cm.size(); ++j)
            if (j != i)
                best = std::min(best, std::hypot(double(cm[i].first - cm[j].first), double(cm[i].second - cm[j].second)));
        nearest.push_back(best / 100);
    }
    std::nth_element(nearest.begin(), nearest.begin() + long(nearest.size() / 2), nearest.end());
    return nearest[nearest.size() / 2];
}

// Folds for the bandwidth's cross-validation: whole recordings (split where the reports pause for
// mapSessionGapS), up to 5; a single recording by blocks of place instead.
std::vector<int> crossValidationFolds(const std::vector<RadioMapSample>& samples, const std::vector<double>& times,
                                      const CalibrationOptions& options, int& folds)
{
    std::vector<int> fold(samples.size());
    std::vector<size_t> byTime(samples.size());
    for (size_t i = 0; i < byTime.size(); ++i)
        byTime[i] = i;
    std::stable_sort(byTime.begin(), byTime.end(), [&](size_t i, size_t j) { return times[i] < times[j]; });
    int sessions = 0;
    for (size_t k = 0; k < byTime.size(); ++k) {
        if (k == 0 || times[byTime[k]] - times[byTime[k - 1]] > options.mapSessionGapS)
            ++sessions;
        fold[byTime[k]] = sessions - 1;
    }
    folds = std::min(sessions, 5);
    if (folds >= 2) {
        for (int& f : fold)
            f %= folds;
        return fold;
    }
    folds = 5;
    const double block = std::max(0.1, options.mapCrossValidationBlockM);
    for (size_t i = 0; i < samples.size(); ++i) {
        const auto bx = qint64(std::floor(samples[i].x / block)), by = qint64(std::floor(samples[i].y / block));
        fold[i] = int(quint64(bx * 73856093 ^ by * 19349663) % quint64(folds));
    }
    return fold;
}

} // namespace

CalibrationResult calibrate(std::vector<Receiver>& receivers, const std::vector<CalibrationReport>& reports,
                            const std::vector<WallShape>& walls, const CalibrationOptions& options)
{
    CalibrationResult out;
    // rssi = a + n * u - L * w, with u = -10 log10(d) and w the walls crossed: least squares over
    // all reports for a common (a, n, L); L only when walls are known, kept within 0..10 dB.
    struct Row
    {
        double u, w, y;
        int g;
        double x, yPos, t;
    };
    std::vector<Row> rows;
    for (const auto& r : reports) {
        if (r.receiver < 0 || r.receiver >= int(receivers.size()))
            continue;
        const Receiver& g = receivers[size_t(r.receiver)];
        const double d = std::max(0.1, std::sqrt((r.x - g.x) * (r.x - g.x) + (r.y - g.y) * (r.y - g.y) + (r.z - g.z) * (r.z - g.z)));
        const int n = walls.empty() ? 0 : wallsCrossed(walls, g.floor, {r.x, r.y}, {g.x, g.y});
        rows.push_back({-10 * std::log10(d), double(n), r.rssi, r.receiver, r.x, r.y, r.t});
    }
    const int n = int(rows.size());
    if (n < 10)
        return out;
    auto fit = [&](bool withWalls, double fixedL, double& a, double& slope, double& L) {
        // Normal equations of y + fixedL*w = a + slope*u - L*w (3 or 2 unknowns).
        const int k = withWalls ? 3 : 2;
        double M[3][3] = {}, v[3] = {};
        for (const auto& r : rows) {
            const double x[3] = {1, r.u, -r.w};
            const double y = r.y + (withWalls ? 0 : fixedL * r.w);
            for (int i = 0; i < k; ++i) {
                v[i] += x[i] * y;
                for (int j = 0; j < k; ++j)
                    M[i][j] += x[i] * x[j];
            }
        }
        // Gaussian elimination.
        for (int c = 0; c < k; ++c) {
            if (std::abs(M[c][c]) < 1e-9)
                return false;
            for (int r = c + 1; r < k; ++r) {
                const double f = M[r][c] / M[c][c];
                for (int j = c; j < k; ++j)
                    M[r][j] -= f * M[c][j];
                v[r] -= f * v[c];
            }
        }
        double sol[3] = {};
        for (int r = k - 1; r >= 0; --r) {
            double acc = v[r];
            for (int j = r + 1; j < k; ++j)
                acc -= M[r][j] * sol[j];
            sol[r] = acc / M[r][r];
        }
        a = sol[0];
        slope = sol[1];
        L = withWalls ? sol[2] : fixedL;
        return true;
    };
    double a = 0, slope = 0, L = 0;
    const bool anyWall = std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.w > 0; });
    if (!fit(anyWall, 0, a, slope, L))
        return out;
    if (anyWall && (L < 0 || L > 10)) // out of physical range: fix it at the bound and refit the rest
        fit(false, std::clamp(L, 0.0, 10.0), a, slope, L);
    if (slope < 1 || slope > 6) { // likewise for the exponent
        slope = std::clamp(slope, 1.0, 6.0);
        double sum = 0;
        for (const auto& r : rows)
            sum += r.y + L * r.w - slope * r.u;
        a = sum / n;
    }
    // Per receiver: its mean residual, shrunk towards 0 where it has few reports.
    std::vector<double> sum(receivers.size(), 0);
    std::vector<int> count(receivers.size(), 0);
    double ss = 0;
    for (const auto& r : rows) {
        const double res = r.y - (a + slope * r.u - L * r.w);
        sum[size_t(r.g)] += res;
        ++count[size_t(r.g)];
        ss += res * res;
    }
    for (size_t g = 0; g < receivers.size(); ++g) {
        const double shrink = count[g] / (count[g] + 30.0);
        receivers[g].rssiAt1m = a + (count[g] ? shrink * sum[g] / count[g] : 0);
        receivers[g].exponent = slope;
    }
    // What the fitted model without its wall losses gets wrong, as a smooth field per receiver
    // (the engine charges walls only where the map lacks support).
    if (options.mapBandwidthM != 0) {
        std::vector<RadioMapSample> samples;
        samples.reserve(rows.size());
        for (const auto& r : rows)
            samples.push_back({r.g, r.x, r.yPos, r.y - (receivers[size_t(r.g)].rssiAt1m + slope * r.u)});
        // Residual of a sample against a map: walls charged where the map lacks support.
        auto residual = [&](const RadioMap& map, size_t i) {
            const auto& s = samples[i];
            return s.residualDb - map.at(s.receiver, s.x, s.y) + L * rows[i].w * (1 - map.support(s.receiver, s.x, s.y));
        };
        double bandwidth = options.mapBandwidthM;
        if (bandwidth < 0) {
            std::vector<double> times;
            times.reserve(rows.size());
            for (const auto& r : rows)
                times.push_back(r.t);
            int folds = 0;
            std::vector<int> fold = crossValidationFolds(samples, times, options, folds);
            out.mapCrossValidationFolds = folds;
            // A kernel narrower than the distance between the surveyed places interpolates nothing
            // (a field of spikes at the points): candidates start at the median spacing.
            const double spacing = medianSpacing(samples);
            out.mapSpacingM = spacing;
            std::vector<double> candidates;
            for (double h : options.mapBandwidthCandidatesM)
                if (h >= spacing)
                    candidates.push_back(h);
            if (candidates.empty() && !options.mapBandwidthCandidatesM.empty())
                candidates.push_back(*std::max_element(options.mapBandwidthCandidatesM.begin(), options.mapBandwidthCandidatesM.end()));
            double bestSs = std::numeric_limits<double>::infinity();
            for (double h : candidates) {
                double heldOut = 0;
                for (int k = 0; k < folds; ++k) {
                    std::vector<RadioMapSample> train;
                    for (size_t i = 0; i < samples.size(); ++i)
                        if (fold[i] != k)
                            train.push_back(samples[i]);
                    const RadioMap map(int(receivers.size()), train, h, options.mapShrinkage);
                    for (size_t i = 0; i < samples.size(); ++i)
                        if (fold[i] == k)
                            heldOut += residual(map, i) * residual(map, i);
                }
                out.mapCrossValidation.emplace_back(h, std::sqrt(heldOut / n));
                if (heldOut < bestSs) {
                    bestSs = heldOut;
                    bandwidth = h;
                }
            }
        }
        if (bandwidth > 0) {
            out.map = RadioMap(int(receivers.size()), samples, bandwidth, options.mapShrinkage);
            out.mapBandwidthM = bandwidth;
            double mss = 0;
            for (size_t i = 0; i < samples.size(); ++i)
                mss += residual(out.map, i) * residual(out.map, i);
            out.mappedResidualSdDb = std::sqrt(mss / n);
        }
    }
    out.commonRssiAt1m = a;
    out.commonExponent = slope;
    out.wallLossDb = L;
    out.residualSdDb = std::sqrt(ss / n);
    out.reports = n;
    return out;
}

} // namespace ww::pos
