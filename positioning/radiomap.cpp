#include "positioning/radiomap.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ww::pos {

RadioMap::RadioMap(int receivers, const std::vector<RadioMapSample>& samples, double bandwidthM, double shrinkage, double cellM)
    : m_cell(cellM)
{
    if (samples.empty() || receivers <= 0 || bandwidthM <= 0 || cellM <= 0)
        return;
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    for (const auto& s : samples) {
        x0 = std::min(x0, s.x);
        y0 = std::min(y0, s.y);
        x1 = std::max(x1, s.x);
        y1 = std::max(y1, s.y);
    }
    const double margin = 3 * bandwidthM; // beyond it the kernel weights are negligible: the field is 0
    m_x0 = x0 - margin;
    m_y0 = y0 - margin;
    m_w = int(std::ceil((x1 + margin - m_x0) / cellM)) + 1;
    m_h = int(std::ceil((y1 + margin - m_y0) / cellM)) + 1;
    if (size_t(m_w) * size_t(m_h) > 4'000'000) { // a calibration spread over kilometres: no map
        m_w = m_h = 0;
        return;
    }
    std::vector<std::vector<const RadioMapSample*>> byReceiver(static_cast<size_t>(receivers));
    for (const auto& s : samples)
        if (s.receiver >= 0 && s.receiver < receivers && std::isfinite(s.residualDb))
            byReceiver[size_t(s.receiver)].push_back(&s);
    m_field.resize(size_t(receivers));
    m_support.resize(size_t(receivers));
    const double inv2h2 = 1.0 / (2 * bandwidthM * bandwidthM);
    const int reach = int(std::ceil(margin / cellM));
    std::vector<double> num, den;
    for (int r = 0; r < receivers; ++r) {
        const auto& mine = byReceiver[size_t(r)];
        if (mine.empty())
            continue;
        num.assign(size_t(m_w) * size_t(m_h), 0);
        den.assign(num.size(), 0);
        // Each sample spreads over the cells within its kernel's reach; the Gaussian is separable,
        // so the weights are products of one row and one column of exponentials.
        std::vector<double> kx(size_t(2 * reach + 1)), ky(kx.size());
        for (const RadioMapSample* s : mine) {
            const int cx = int(std::lround((s->x - m_x0) / cellM)), cy = int(std::lround((s->y - m_y0) / cellM));
            for (int d = -reach; d <= reach; ++d) {
                const double ddx = m_x0 + (cx + d) * cellM - s->x, ddy = m_y0 + (cy + d) * cellM - s->y;
                kx[size_t(d + reach)] = std::exp(-ddx * ddx * inv2h2);
                ky[size_t(d + reach)] = std::exp(-ddy * ddy * inv2h2);
            }
            for (int y = std::max(0, cy - reach); y <= std::min(m_h - 1, cy + reach); ++y) {
                const double wy = ky[size_t(y - cy + reach)];
                for (int x = std::max(0, cx - reach); x <= std::min(m_w - 1, cx + reach); ++x) {
                    const double k = wy * kx[size_t(x - cx + reach)];
                    const size_t i = size_t(y) * size_t(m_w) + size_t(x);
                    num[i] += k * s->residualDb;
                    den[i] += k;
                }
            }
        }
        auto& field = m_field[size_t(r)];
        auto& support = m_support[size_t(r)];
        field.resize(num.size());
        support.resize(num.size());
        for (size_t i = 0; i < num.size(); ++i) {
            const bool any = den[i] + shrinkage > 1e-12;
            field[i] = any ? float(num[i] / (den[i] + shrinkage)) : 0.0f;
            support[i] = any ? float(den[i] / (den[i] + shrinkage)) : 0.0f;
        }
    }
}

double RadioMap::lookup(const std::vector<std::vector<float>>& layer, int receiver, double x, double y, double* dx,
                        double* dy) const
{
    if (dx)
        *dx = 0;
    if (dy)
        *dy = 0;
    if (receiver < 0 || size_t(receiver) >= layer.size() || layer[size_t(receiver)].empty())
        return 0;
    const double fx = (x - m_x0) / m_cell, fy = (y - m_y0) / m_cell;
    if (!(fx >= 0 && fy >= 0 && fx < m_w - 1 && fy < m_h - 1))
        return 0; // outside the grid, whose border is beyond the kernels' reach
    const int ix = int(fx), iy = int(fy);
    const double u = fx - ix, v = fy - iy;
    const auto& f = layer[size_t(receiver)];
    const size_t i = size_t(iy) * size_t(m_w) + size_t(ix);
    const double a = f[i], b = f[i + 1], c = f[i + size_t(m_w)], d = f[i + size_t(m_w) + 1];
    if (dx)
        *dx = ((b - a) * (1 - v) + (d - c) * v) / m_cell;
    if (dy)
        *dy = ((c - a) * (1 - u) + (d - b) * u) / m_cell;
    return a * (1 - u) * (1 - v) + b * u * (1 - v) + c * (1 - u) * v + d * u * v;
}

double RadioMap::at(int receiver, double x, double y, double* dx, double* dy) const
{
    return lookup(m_field, receiver, x, y, dx, dy);
}

double RadioMap::support(int receiver, double x, double y) const
{
    return lookup(m_support, receiver, x, y);
}

} // namespace ww::pos
