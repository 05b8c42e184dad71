#pragma once
// Timings of a benchmark (milliseconds) and their percentiles.
#include <QString>
#include <algorithm>
#include <vector>

namespace ww::bench {

struct Samples
{
    std::vector<double> v;
    // The p-quantile (0..1) of the samples; -1 with none.
    double pct(double p)
    {
        if (v.empty())
            return -1;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
    }
    QString line()
    {
        return QStringLiteral("p50 %1 ms, p95 %2 ms, p99 %3 ms, max %4 ms")
            .arg(pct(0.5), 0, 'f', 2).arg(pct(0.95), 0, 'f', 2).arg(pct(0.99), 0, 'f', 2).arg(pct(1.0), 0, 'f', 2);
    }
};

} // namespace ww::bench
