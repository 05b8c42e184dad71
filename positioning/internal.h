#pragma once
// Constants and helpers shared by the engine's translation units (not part of its interface).
#include "positioning/engine.h"

namespace ww::pos {

inline constexpr double HuberK = 1.5; // Huber loss: quadratic within 1.5 sigma, linear beyond

// The inverse of a 2x2 matrix; false when singular.
bool invert2(const double a[2][2], double out[2][2]);

// Walls of a floor crossed on the way from a to b (parallel faces closer than 0.3 m count once).
int wallsCrossed(const std::vector<WallShape>& walls, int floor, QPointF a, QPointF b);

} // namespace ww::pos
