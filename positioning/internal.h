#pragma once
// Constants shared by the engine's translation units (not part of its interface).

namespace ww::pos {

inline constexpr double HuberK = 1.5; // Huber loss: quadratic within 1.5 sigma, linear beyond

} // namespace ww::pos
