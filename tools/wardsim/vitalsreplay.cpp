#include "vitalsreplay.h"

#include <QDir>
#include <QFile>
#include <algorithm>

namespace ww::sim {

std::vector<VitalsRecord> loadPhysioNetRecords(const QString& dir, QStringList& errors)
{
    std::vector<VitalsRecord> records;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            errors << f.fileName() + QStringLiteral(": ") + f.errorString();
            continue;
        }
        VitalsRecord rec;
        rec.name = name;
        int line = 0;
        while (!f.atEnd()) {
            const QByteArray text = f.readLine().trimmed();
            ++line;
            if (line == 1 || text.isEmpty())
                continue;
            const QList<QByteArray> cols = text.split(',');
            const QList<QByteArray> hm = cols.value(0).split(':');
            bool okH = false, okM = false, okV = false;
            const double minute = hm.size() == 2 ? hm[0].toInt(&okH) * 60.0 + hm[1].toInt(&okM) : 0;
            const double value = cols.value(2).toDouble(&okV);
            if (cols.size() != 3 || !okH || !okM || !okV) {
                errors << QStringLiteral("%1:%2: expected \"hh:mm,Parameter,Value\"").arg(f.fileName()).arg(line);
                continue;
            }
            const QByteArray p = cols[1];
            std::optional<VitalKind> kind;
            if (p == "HR")
                kind = VitalKind::HeartRate;
            else if (p == "RespRate")
                kind = VitalKind::RespRate;
            else if (p == "NISysABP")
                kind = VitalKind::SystolicBp;
            else if (p == "NIDiasABP")
                kind = VitalKind::DiastolicBp;
            else if (p == "NIMAP")
                kind = VitalKind::MeanBp;
            else if (p == "Temp")
                kind = VitalKind::Temperature;
            if (!kind || value <= 0 || !vitalInRange(*kind, value))
                continue; // labs, descriptors and the record's own -1 "missing" markers
            rec.series[size_t(*kind)].emplace_back(minute, value);
            rec.lengthMin = std::max(rec.lengthMin, minute);
        }
        for (auto& s : rec.series)
            std::stable_sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        if (!rec.series[size_t(VitalKind::HeartRate)].empty() && rec.lengthMin > 60)
            records.push_back(std::move(rec));
    }
    return records;
}

VitalsSource::VitalsSource(const VitalsRecord* record, double startMin, Rng rng)
    : m_record(record), m_startMin(startMin), m_rng(rng), m_nextEpisodeS(m_rng.exponential(3600))
{
}

std::optional<double> VitalsSource::interpolate(VitalKind kind, double minute) const
{
    const auto& s = m_record->series[size_t(kind)];
    if (s.empty())
        return std::nullopt;
    if (minute <= s.front().first)
        return s.front().second;
    if (minute >= s.back().first)
        return s.back().second;
    const auto hi = std::lower_bound(s.begin(), s.end(), minute, [](const auto& p, double m) { return p.first < m; });
    const auto lo = hi - 1;
    const double f = (minute - lo->first) / std::max(1e-9, hi->first - lo->first);
    return lo->second + f * (hi->second - lo->second);
}

std::vector<VitalSample> VitalsSource::sample(double simS, double replaySpeed, qint64 timeMs)
{
    double hr, rr, sbp, dbp, temp;
    if (m_record) {
        const double minute = std::fmod(m_startMin + simS / 60.0 * replaySpeed, std::max(1.0, m_record->lengthMin));
        hr = interpolate(VitalKind::HeartRate, minute).value_or(80);
        rr = interpolate(VitalKind::RespRate, minute).value_or(16);
        sbp = interpolate(VitalKind::SystolicBp, minute).value_or(120);
        dbp = interpolate(VitalKind::DiastolicBp, minute).value_or(70);
        temp = interpolate(VitalKind::Temperature, minute).value_or(36.8);
    } else {
        // Synthetic: a stable patient with deterioration episodes (tachycardia, tachypnoea, desaturation).
        if (simS >= m_nextEpisodeS && m_episodeUntilS < simS) {
            m_episodeUntilS = simS + m_rng.uniform(300, 900);
            m_nextEpisodeS = m_episodeUntilS + m_rng.exponential(3600);
        }
        const double e = simS < m_episodeUntilS ? 1.0 : 0.0;
        hr = 78 + 40 * e;
        rr = 15 + 12 * e;
        sbp = 124 - 25 * e;
        dbp = 74 - 10 * e;
        temp = 36.9 + 1.3 * e;
    }
    // Beat-to-beat and breath-to-breath variation around the interpolated trend.
    hr = std::clamp(hr + 1.5 * m_rng.normal(), 25.0, 250.0);
    rr = std::clamp(rr + 0.7 * m_rng.normal(), 4.0, 60.0);
    m_spo2Noise = 0.8 * m_spo2Noise + 0.45 * m_rng.normal();
    const double spo2 = std::clamp(97.2 - 0.35 * std::max(0.0, rr - 20) - 0.04 * std::max(0.0, hr - 100) + m_spo2Noise, 70.0, 100.0);
    return {
        {VitalKind::HeartRate, std::round(hr), timeMs},
        {VitalKind::SpO2, std::round(spo2), timeMs},
        {VitalKind::RespRate, std::round(rr), timeMs},
        {VitalKind::SystolicBp, std::round(sbp), timeMs},
        {VitalKind::DiastolicBp, std::round(dbp), timeMs},
        {VitalKind::Temperature, std::round(temp * 10) / 10, timeMs},
    };
}

} // namespace ww::sim
