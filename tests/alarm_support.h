#pragma once
// Alarm-test helpers: publish hooks that record what an engine sends, a panic press, and the core
// with its alarm engine on the test's thread in simulated time.
#include "alarms/alarmengine.h"
#include "core/wardcore.h"
#include "transport/ingest.h"

#include <functional>
#include <optional>
#include <vector>

namespace ww::test {

// Records what an engine or a core publishes (drop: the states are not kept, as if lost on the way).
struct Published : AlarmPublisher, CensusPublisher
{
    explicit Published(bool dropStates = false) : drop(dropStates) {}
    bool drop;
    std::vector<AlarmState> states;
    QStringList cleared;
    std::vector<std::pair<QString, int>> escalations;
    std::vector<std::pair<QString, QString>> escalationTargets; // alarm id, target
    std::vector<CensusEntryMsg> census;
    void publishAlarm(const AlarmState& s) override
    {
        if (!drop)
            states.push_back(s);
    }
    void clearAlarm(const QString& id) override { cleared << id; }
    void escalate(const AlarmState& s, const EscalationStep& step) override
    {
        escalations.emplace_back(s.id, s.escalationStep);
        escalationTargets.emplace_back(s.id, step.target);
    }
    void publishCensus(const CensusEntryMsg& e) override { census.push_back(e); }
    StationOutputs outputs() { return StationOutputs{this, this}; }
};

inline AlarmRaise panic(qint64 onset, const QString& device = QStringLiteral("wb-01"), int seq = 1)
{
    AlarmRaise r;
    r.rule = QStringLiteral("event.panic");
    r.subjectKey = device;
    r.occurrence = QStringLiteral("1-%1").arg(seq);
    r.onsetMs = onset;
    r.subject = QStringLiteral("Patient");
    r.condition = QStringLiteral("panic");
    r.endsOnAck = true;
    return r;
}


// The core with its alarm engine on this thread, in simulated time; every alarm change recorded.
struct CoreFixture
{
    // adjust: changes to the default ward's site before the core is made of it.
    explicit CoreFixture(const QString& logPath, StationOutputs output = {}, const QString& station = QStringLiteral("st-1"),
                         const std::function<void(Site&)>& adjust = {})
        : loaded(adjusted(SiteLoader::loadDefault(), adjust)), site(*loaded.site), directory(site), core(site, directory, clock, stats)
    {
        QObject::connect(&core, &WardCore::alarmChanged, &core, [this](const AlarmState& s) { changes.push_back(s); });
        core.enableAlarms(station, logPath, output);
    }
    static SiteLoadResult adjusted(SiteLoadResult r, const std::function<void(Site&)>& adjust)
    {
        if (adjust && r.site)
            adjust(*r.site);
        return r;
    }
    std::optional<AlarmState> last(const QString& rule) const
    {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it)
            if (it->rule == rule)
                return *it;
        return std::nullopt;
    }
    SiteLoadResult loaded;
    const Site& site;
    ManualClock clock;
    IngestStats stats;
    DeviceDirectory directory;
    WardCore core;
    std::vector<AlarmState> changes;
};

} // namespace ww::test
