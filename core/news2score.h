#pragma once
// A patient's NEWS2 now (REFERENCE.md): from the latest readings of their monitor and what a nurse
// entered at the station (consciousness, oxygen, SpO2 scale), each with a maximum age. A missing or
// stale parameter scores 0: the total is then a lower bound, flagged partial with what is missing.
#include "alarms/news2.h"
#include "core/rows.h"
#include "domain/alarmtypes.h"

#include <optional>

namespace ww {

// What a nurse enters at the station for NEWS2 (no device measures it).
struct News2StationInputs
{
    news2::Consciousness consciousness = news2::Consciousness::Alert;
    bool onOxygen = false;
    bool scale2 = false;
    qint64 enteredMs = 0; // 0: never entered
    QString enteredBy;
};

struct News2Now
{
    bool any = false;    // any reading at all (else no score)
    int total = 0;
    bool partial = false;
    QStringList missing; // "RR", "SpO2", "SBP", "pulse", "temp", "ACVPU/O2"
    qint64 sampleMs = 0; // the newest reading's time
    QString detail;      // per-parameter scores and what is missing
    news2::Response band = news2::Response::Routine;
    std::optional<Priority> bandPriority; // the site's priority for the band (none below the bands)
};

[[nodiscard]] News2Now news2Now(const PatientRow& p, const News2StationInputs& in, const News2Settings& settings, qint64 now);

} // namespace ww
