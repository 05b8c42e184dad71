#pragma once
// Deterministic random numbers with the same sequence on every platform (the standard
// distributions are implementation-defined), so a seed names one simulated day.
#include <cmath>
#include <cstdint>

namespace ww::sim {

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed ^ 0x9E3779B97F4A7C15ULL) {}
    std::uint64_t next()
    {
        // splitmix64
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int index(int n) { return int(uniform() * n) % n; }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-300), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Student t with nu degrees of freedom: heavy tails, as real RSSI has.
    double studentT(int nu)
    {
        double chi2 = 0;
        for (int i = 0; i < nu; ++i) {
            const double z = normal();
            chi2 += z * z;
        }
        return normal() / std::sqrt(chi2 / nu);
    }
    double exponential(double mean) { return -mean * std::log(std::max(uniform(), 1e-300)); }

private:
    std::uint64_t m_state;
};

} // namespace ww::sim
