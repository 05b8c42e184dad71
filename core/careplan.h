#pragma once
// The care plan on the core thread: which nurse looks after which patient, who holds the charge
// role, each patient's risk flags (fall, elopement), bed-exit arming and reminder schedules. Shared
// like the census: every change is an entry (CareEntryMsg per patient, ShiftRoleMsg per role),
// checked, written to the care record, audited, applied to the rows and published retained; other
// stations' entries merge part by part (assignment, flags, schedules), each by its (time, station),
// the later one winning. When another station's entry replaces a part this station made, this
// station's operator is told (result with ok false).
//
// Who may change what (docs/alarms.md, "The shift"):
// - a signed-in nurse takes unassigned patients for themself, or gives one of theirs up;
// - the charge nurse (whoever took the charge role) assigns and reassigns anyone's patients;
// - any signed-in member of staff may take the charge role (the previous holder is recorded);
// - any signed-in member of staff sets risk flags, bed-exit arming and schedules (audited).
#include "core/outputs.h"
#include "core/wardstate.h"
#include "records/carerecord.h"

#include <QHash>
#include <QObject>

namespace ww {

class AlarmRules;

inline const QString ChargeRole = QStringLiteral("charge");

class CarePlan : public QObject
{
    Q_OBJECT
public:
    CarePlan(const Site& site, const Clock& clock, WardState& state, QObject* parent = nullptr);

    // A station with a record makes changes; without it, the plan follows other stations' entries.
    void enable(const QString& stationId, CareRecord* record, AlarmRules* rules, CarePublisher* publisher);
    void restore();
    void apply(const CareEntryMsg& m);
    void apply(const ShiftRoleMsg& m);
    // Copies the plan onto the patients' rows (after the census moved or replaced patients).
    void refreshRows();

    // Operator actions: refused, with the reason in result(), unless allowed (see above); then
    // recorded, audited, shown and published.
    void assign(const QString& patientId, const QString& nurseId, const QString& operatorId, const QString& operatorName);
    void setFlags(const QString& patientId, bool fallRisk, bool elopementRisk, bool bedExitArmed,
                  const QString& operatorId, const QString& operatorName);
    void setSchedule(const QString& patientId, int repositionEveryMin, const QStringList& medicationTimes,
                     const QString& operatorId, const QString& operatorName);
    void takeRole(const QString& role, const QString& operatorId, const QString& operatorName);
    // A discharge ends the patient's plan (nurse, flags, schedules): a readmission starts a new one.
    // Made by the station that discharged, recorded, audited and published like any change.
    void endPlan(const QString& patientId, const QString& operatorId, const QString& operatorName);

    // The plan in force for a patient (a default one: unassigned, no flags, when none was made).
    [[nodiscard]] CareEntryMsg entry(const QString& patientId) const;
    // The staff id holding a role (empty: nobody).
    [[nodiscard]] QString holder(const QString& role) const;
    // A staff member's badge (empty: none, or not on the staff list).
    [[nodiscard]] QString badgeOf(const QString& staffId) const;
    [[nodiscard]] QString nameOf(const QString& staffId) const;

Q_SIGNALS:
    void result(bool ok, const QString& message);
    void changed(); // rows changed: the core sends them
    void recordFailed(const QString& code, const QString& error);

private:
    [[nodiscard]] QString refusal(const QString& operatorId) const;
    void refuse(const QString& why, const QString& operatorId);
    enum Part { Assignment = 1, Flags = 2, Schedule = 4, AllParts = 7 };
    using Parts = int;
    bool commit(CareEntryMsg e, Parts parts, const QString& what, const QString& operatorName);
    void place(const CareEntryMsg& e);

    const Site& m_site;
    const Clock& m_clock;
    WardState& m_state;
    QString m_stationId;
    CareRecord* m_record = nullptr;
    AlarmRules* m_rules = nullptr;
    CarePublisher* m_publisher = nullptr;
    QHash<QString, CareEntryMsg> m_care;  // by patient id
    QHash<QString, ShiftRoleMsg> m_roles; // by role
};

} // namespace ww
