#pragma once
#include <QString>

namespace ww {

enum class VitalKind { HeartRate, PulseRate, SpO2, RespRate, SystolicBp, DiastolicBp, MeanBp, Temperature };
inline constexpr int VitalKindCount = 8;
[[nodiscard]] QString toString(VitalKind kind);

} // namespace ww
