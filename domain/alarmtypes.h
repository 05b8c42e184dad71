#pragma once
// Alarm vocabulary shared by the site configuration (rules), the wire (alarm state) and the alarm
// engine. Plain values; the behaviour lives in alarms/.
#include "domain/vitals.h"

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ww {

// IEC 60601-1-8 priorities. Colour, flashing and audio per priority are in alarms/presentation.h.
enum class Priority { Low = 1, Medium = 2, High = 3 };
[[nodiscard]] QString toString(Priority p);
[[nodiscard]] std::optional<Priority> priorityFromString(const QString& text);

// Derived from monotonic facts (see AlarmState::phase): never stored on its own.
enum class Phase { Active = 1, ResolvedUnacked = 2, Acknowledged = 3, Resolved = 4, Closed = 5 };
[[nodiscard]] QString toString(Phase p);

enum class AlarmCategory { Patient, Event, Environment, Location, Technical };
[[nodiscard]] QString toString(AlarmCategory c);

struct EscalationStep
{
    QString target; // "assigned-nurse", "charge-nurse", "all-stations", a staff id or a role
    int ttlS = 60;  // time to wait for an acknowledgement before the next step
    // Set when the step is sent: non-empty when the target is a person's badge, called with this
    // text (BadgeBuzz) instead of an escalation command.
    QString callText;
};

struct AlarmRule
{
    QString id;
    AlarmCategory category = AlarmCategory::Technical;
    Priority priority = Priority::Low;
    bool latching = false; // decided by the site (the responsible organisation), never by an operator
    int delayS = 0;        // onset delay: the condition must hold this long
    bool enabled = true;
    std::vector<EscalationStep> escalation;
};

// A vital-sign limit: kind below `below` or above `above` for delayS seconds.
struct VitalLimit
{
    QString id; // rule id, e.g. "vitals.spo2-low"
    VitalKind kind = VitalKind::SpO2;
    std::optional<double> below, above;
    int delayS = 10;
    Priority priority = Priority::High;
    bool latching = false;
    // The same rule with other bounds; NaN means no limit on that side.
    [[nodiscard]] VitalLimit withBounds(double newBelow, double newAbove) const
    {
        VitalLimit l = *this;
        l.below = newBelow == newBelow ? std::optional<double>(newBelow) : std::nullopt;
        l.above = newAbove == newAbove ? std::optional<double>(newAbove) : std::nullopt;
        return l;
    }
};

struct News2Settings
{
    bool enabled = true;
    Priority single3 = Priority::Low;   // a 3 in any one parameter: "low-medium" in the RCP chart
    Priority urgent = Priority::Medium; // aggregate 5-6
    Priority emergency = Priority::High; // aggregate >= 7
    int vitalsMaxAgeS = 900;             // a device reading older than this makes the score partial
    int stationInputMaxAgeS = 4 * 3600;  // consciousness, oxygen, scale 2: entered at the station
};

struct OperatorSettings
{
    int pinMinDigits = 6;
    int maxFailures = 5;
    int lockoutS = 300;
    int autoSignOutS = 900; // a shared station signs its operator out after this long without an action
};

struct AlarmSettings
{
    QHash<QString, AlarmRule> rules; // by rule id; every built-in rule is present (defaults filled in)
    std::vector<VitalLimit> vitalLimits;
    News2Settings news2;
    OperatorSettings operators;
    int audioPauseS = 120;          // AUDIO PAUSED duration, disclosed on screen
    int closeAfterS = 60;           // resolved alarms stay listed this long, then close
    int lowBatteryPct = 20;
    int climateGraceS = 600;        // room climate out of target this long
    int roomDoorOpenLimitS = 300;   // doors that are not fridge doors
    QStringList exitRoomKinds{QStringLiteral("exit"), QStringLiteral("stairs")};
    QStringList restrictedRoomKinds{QStringLiteral("pharmacy"), QStringLiteral("utility-dirty"), QStringLiteral("staff")};
    double nearExitM = 3.0;         // made-up exit fences reach this far beyond the exit room
    // Who is nearest to an alarm (docs/alarms.md): staff of these roles (empty: every role), and
    // what a change of floor by the stairs counts as, in metres of walking.
    QStringList responderRoles;
    double floorChangeM = 15.0;
    [[nodiscard]] const AlarmRule& rule(const QString& id) const;
};

// The built-in rules and their documented defaults (docs/alarms.md).
[[nodiscard]] AlarmSettings defaultAlarmSettings();

// One alarm occurrence as every station sees it. Phase is derived from facts that only ever move
// forward (ended, acknowledged, closed), so merging two stations' views is a join: see mergeAlarm.
struct AlarmState
{
    QString id;        // deterministic: rule, subject, onset or device event (boot, seq)
    QString rule;
    AlarmCategory category = AlarmCategory::Technical;
    Priority priority = Priority::Low;
    QString source;    // device or engine rule that raised it
    QString subject;   // patient, room, fridge or device, for display
    QString place;     // room name and floor, when known
    QString roomId;    // the site room it is in, when known: who is nearest is measured to it
    QString condition; // "SpO2 84 < 90": the condition in English (domain/conditiontext.h)
    QString conditionCode;     // "vital.low": rendered in the reader's language where shown
    QStringList conditionArgs; // {"SpO2", "84", "90"}
    double value = 0, limit = 0;
    qint64 onsetMs = 0;
    qint64 endedMs = 0;   // cause ended (0: still present)
    QString patientId; // the census patient it concerns (vitals, NEWS2, events of their devices); empty: none
    QString ackedBy, ackedByName, ackedStation;
    qint64 ackedAtMs = 0; // 0: not acknowledged
    QString ackComment;   // what the acknowledging nurse wrote (goes with the acknowledgement that wins)
    qint64 closedMs = 0;
    int escalationStep = 0;
    QString stationId;    // who published this revision
    quint64 revision = 0;
    bool late = false;
    bool latching = false;
    bool local = false;   // this station's own technical alarms: logged, never published
    bool endsOnAck = false; // a press or a fall has no duration: acknowledging resolves it (kept in the log and sent)

    [[nodiscard]] bool ended() const { return endedMs != 0; }
    [[nodiscard]] bool acknowledged() const { return ackedAtMs != 0; }
    [[nodiscard]] bool closed() const { return closedMs != 0; }
    [[nodiscard]] Phase phase() const
    {
        if (closed())
            return Phase::Closed;
        if (acknowledged())
            return ended() ? Phase::Resolved : Phase::Acknowledged;
        return ended() ? Phase::ResolvedUnacked : Phase::Active;
    }
    // Visual and audible signalling: active alarms, and latching ones until acknowledged.
    [[nodiscard]] bool signalling() const
    {
        return !closed() && !acknowledged() && (!ended() || latching);
    }
};

// The merge rule (DESIGN.md): phase facts only move forward, the earliest acknowledgement wins
// (ties: the smaller station id), the escalation step is the highest seen, the revision the
// highest; descriptive fields follow the higher revision. Returns true when `into` changed.
bool mergeAlarm(AlarmState& into, const AlarmState& other);

// alarm/{id} off the wire: a state, or (empty retained payload) the alarm was closed and cleared.
struct AlarmStateMsg
{
    AlarmState state;
    bool cleared = false;
    qint64 receiveTimeMs = 0;
};

} // namespace ww

Q_DECLARE_METATYPE(ww::AlarmState)
