#include "core/news2score.h"

#include <algorithm>

namespace ww {

News2Now news2Now(const PatientRow& p, const News2StationInputs& in, const News2Settings& cfg, qint64 now)
{
    News2Now out;
    const qint64 maxAge = qint64(cfg.vitalsMaxAgeS) * 1000;
    const bool live = p.vitalsSignal == SignalState::Live;
    const Reading& pulse = p.vitals[size_t(VitalKind::PulseRate)].valid ? p.vitals[size_t(VitalKind::PulseRate)]
                                                                         : p.vitals[size_t(VitalKind::HeartRate)];
    const std::pair<const char*, const Reading*> device[] = {
        {"RR", &p.vitals[size_t(VitalKind::RespRate)]},     {"SpO2", &p.vitals[size_t(VitalKind::SpO2)]},
        {"SBP", &p.vitals[size_t(VitalKind::SystolicBp)]}, {"pulse", &pulse},
        {"temp", &p.vitals[size_t(VitalKind::Temperature)]}};
    QStringList missing;
    qint64 sampleMs = 0;
    bool any = false;
    for (const auto& [name, r] : device) {
        if (!(live && r->valid && now - r->timeMs <= maxAge))
            missing << QLatin1String(name);
        if (r->valid) {
            any = true;
            sampleMs = std::max(sampleMs, r->timeMs);
        }
    }
    if (in.enteredMs == 0 || now - in.enteredMs > qint64(cfg.stationInputMaxAgeS) * 1000)
        missing << QStringLiteral("ACVPU/O2");
    out.any = any;
    out.sampleMs = sampleMs;
    out.missing = missing;
    if (!any)
        return out;
    news2::Inputs n;
    // A missing parameter scores 0: the total is a lower bound, flagged partial.
    auto value = [&](const Reading* r, double normal) { return r->valid ? r->value : normal; };
    n.respRate = news2::roundHalfUpToInt(value(device[0].second, 16));
    n.spo2 = news2::roundHalfUpToInt(value(device[1].second, 97));
    n.systolicBp = news2::roundHalfUpToInt(value(device[2].second, 120));
    n.pulse = news2::roundHalfUpToInt(value(device[3].second, 70));
    n.temperatureC = news2::roundHalfUpToTenth(value(device[4].second, 37.0));
    if (in.enteredMs != 0) {
        n.consciousness = in.consciousness;
        n.onOxygen = in.onOxygen;
        n.scale2 = in.scale2;
    }
    const news2::Score sc = news2::score(n);
    out.total = sc.total();
    out.partial = !missing.isEmpty();
    out.detail = QStringLiteral("RR %1, SpO2 %2, O2 %3, SBP %4, pulse %5, ACVPU %6, temp %7")
                               .arg(sc.respRate).arg(sc.spo2).arg(sc.oxygen).arg(sc.systolicBp).arg(sc.pulse)
                               .arg(sc.consciousness).arg(sc.temperature) +
                           (out.partial ? QStringLiteral("; missing or stale: ") + missing.join(QStringLiteral(", ")) : QString());
    out.band = news2::response(sc);
    out.bandPriority = out.band == news2::Response::Emergency            ? std::optional(cfg.emergency)
                       : out.band == news2::Response::Urgent             ? std::optional(cfg.urgent)
                       : out.band == news2::Response::UrgentWardResponse ? std::optional(cfg.single3)
                                                                         : std::nullopt;
    return out;
}

} // namespace ww
