#pragma once
// What the log-distance model gets wrong, learnt from calibration reports: per receiver, a smooth
// field of the residuals (measured minus modelled level) over the area the calibration covered,
// zero beyond it. The residuals are taken against the model without wall losses: where the walk
// went it measured the walls, and a sharp wall step on top of a smoothed field would overshoot.
// The engine adds it to the model and charges walls only as far as the map lacks support, so a
// calibration walk corrects furniture, antenna patterns and reflections where the walk went, and
// changes nothing elsewhere.
#include <vector>

namespace ww::pos {

struct RadioMapSample
{
    int receiver;
    double x, y, residualDb;
};

class RadioMap
{
public:
    RadioMap() = default;
    // Nadaraya–Watson smoothing with a Gaussian kernel of bandwidthM, shrunk towards zero by
    // shrinkage (in reports at the point): sparse data correct little. Grid of cellM.
    RadioMap(int receivers, const std::vector<RadioMapSample>& samples, double bandwidthM = 1.0, double shrinkage = 5.0,
             double cellM = 0.5);

    [[nodiscard]] bool empty() const { return m_field.empty(); }
    // Correction in dB at (x, y) for a receiver, bilinear between cells; the gradient when asked.
    [[nodiscard]] double at(int receiver, double x, double y, double* dx = nullptr, double* dy = nullptr) const;
    // How much the calibration says there, 0..1: den / (den + shrinkage). Where it is 1 the
    // corrected model is the measurement; where it is 0 the bare model stands (walls included).
    [[nodiscard]] double support(int receiver, double x, double y) const;

private:
    // Bilinear in one layer (field or support) of a receiver, with the gradient when asked.
    [[nodiscard]] double lookup(const std::vector<std::vector<float>>& layer, int receiver, double x, double y, double* dx = nullptr,
                                double* dy = nullptr) const;
    double m_x0 = 0, m_y0 = 0, m_cell = 0.5;
    int m_w = 0, m_h = 0;
    std::vector<std::vector<float>> m_field;   // per receiver, row-major; empty: no correction
    std::vector<std::vector<float>> m_support; // likewise
};

} // namespace ww::pos
