#pragma once
// Alarm-test helpers: publish hooks that record what an engine sends, a panic press, and the core
// with its alarm engine on the test's thread in simulated time.
#include "alarms/alarmengine.h"
#include "models/wardcore.h"
#include "transport/ingest.h"

#include <optional>
#include <vector>

namespace ww::test {

struct Published
{
    std::vector<AlarmState> states;
    QStringList cleared;
    std::vector<std::pair<QString, int>> escalations;
    AlarmEngine::Hooks hooks(bool drop = false)
    {
        AlarmEngine::Hooks h;
        h.publish = [this, drop](const AlarmState& s) {
            if (!drop)
                states.push_back(s);
        };
        h.clearRetained = [this](const QString& id) { cleared << id; };
        h.escalate = [this](const AlarmState& s, const EscalationStep&) { escalations.emplace_back(s.id, s.escalationStep); };
        return h;
    }
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
    explicit CoreFixture(const QString& logPath, AlarmOutput output = {}, const QString& station = QStringLiteral("st-1"))
        : loaded(SiteLoader::loadDefault()), site(*loaded.site), directory(site), core(site, directory, clock, stats)
    {
        QObject::connect(&core, &WardCore::alarmChanged, &core, [this](const AlarmState& s) { changes.push_back(s); });
        core.enableAlarms(station, logPath, std::move(output));
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
