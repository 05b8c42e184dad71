#pragma once
// Constants and helpers shared by the engine's translation units (not part of its interface).
#include "positioning/engine.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace ww::pos {

inline constexpr double HuberK = 1.5; // Huber loss: quadratic within 1.5 sigma, linear beyond

// exp(-v) for v >= 0, to about 2e-6 relative: 2^-(v log2 e) split into a power of two and a
// polynomial on the fraction. The weights of a few hundred lattice nodes per fix need no more,
// and the library's exp took a third of a fix. Deterministic like any arithmetic.
inline double expNeg(double v)
{
    const double t = -v * 1.4426950408889634; // log2(e)
    const double k = std::floor(t);
    const double u = (t - k) * 0.6931471805599453; // 2^f = e^(f ln 2), f in [0, 1)
    const double p = 1 + u * (1 + u * (0.5 + u * (1.0 / 6 + u * (1.0 / 24 + u * (1.0 / 120 + u * (1.0 / 720 + u / 5040))))));
    if (!(k >= -1000))
        return 0.0; // underflow (or NaN)
    if (k < -1022 || k > 1023)
        return std::ldexp(p, int(k)); // subnormal or overflow: the library's care
    // p * 2^k with 2^k built from its exponent bits: exact, as ldexp is, without its call.
    return p * std::bit_cast<double>(std::uint64_t(1023 + int(k)) << 52);
}

// 10^(dB / 10) for levels at or below 0 dB (dBm as received), through expNeg.
inline double powerOfDb(double db)
{
    return db <= 0 ? expNeg(-db * 0.23025850929940458) : std::pow(10.0, db / 10);
}

// The inverse of a 2x2 matrix; false when singular.
bool invert2(const double a[2][2], double out[2][2]);
// Solves M s = b for the first n (2 or 3) unknowns (Gaussian elimination, partial pivoting); false
// when singular.
bool solveLinear(const double M[3][3], const double b[3], double s[3], int n);

// The constant-velocity filter's steps on a state (x, y, vx, vy) and its covariance: the
// prediction over dt with white acceleration of spectral density q (m^2/s^4), and the update by a
// measured position with covariance R (Joseph form). correctPosition is false when P + R is
// singular, and then changes nothing.
void predictCovariance(double P[4][4], double dt, double q);
bool correctPosition(double state[4], double P[4][4], double x, double y, const double R[2][2]);

// Walls of a floor crossed on the way from a to b (parallel faces closer than 0.3 m count once).
int wallsCrossed(const std::vector<WallShape>& walls, int floor, QPointF a, QPointF b);

} // namespace ww::pos
