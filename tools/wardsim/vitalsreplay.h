#pragma once
// Vital signs for the simulated patients: PhysioNet 2012 ICU records replayed (interpolated to the
// device rate; SpO2, absent from those records, synthesised from respiration and heart rate), or a
// synthetic generator with deterioration episodes when the records are not available.
#include "domain/messages.h"
#include "random.h"

#include <QString>
#include <array>
#include <optional>
#include <vector>

namespace ww::sim {

struct VitalsRecord
{
    QString name;
    // Per parameter: (minute since admission, value), sorted.
    std::array<std::vector<std::pair<double, double>>, VitalKindCount> series;
    double lengthMin = 0;
};

// Loads every *.txt record of a PhysioNet 2012 set; errors name the file and line.
[[nodiscard]] std::vector<VitalsRecord> loadPhysioNetRecords(const QString& dir, QStringList& errors);

class VitalsSource
{
public:
    // record == nullptr: synthetic generator.
    VitalsSource(const VitalsRecord* record, double startMin, Rng rng);
    // Values at simulated seconds since start; replaySpeed = record minutes per simulated minute.
    std::vector<VitalSample> sample(double simS, double replaySpeed, qint64 timeMs);
    [[nodiscard]] bool replaying() const { return m_record != nullptr; }

private:
    [[nodiscard]] std::optional<double> interpolate(VitalKind kind, double minute) const;

    const VitalsRecord* m_record;
    double m_startMin;
    Rng m_rng;
    double m_spo2Noise = 0;
    double m_episodeUntilS = -1, m_nextEpisodeS;
};

} // namespace ww::sim
