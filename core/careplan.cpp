// CarePlan (core/careplan.h): checks, records, audits, applies and publishes care-plan and
// shift-role entries; merges other stations' entries by (time, station).
#include "core/careplan.h"
#include "core/alarmrules.h"
#include "core/logging.h"
#include "transport/wirecodec.h"

namespace ww {

CarePlan::CarePlan(const Site& site, const Clock& clock, WardState& state, QObject* parent)
    : QObject(parent), m_site(site), m_clock(clock), m_state(state)
{
}

void CarePlan::enable(const QString& stationId, CareRecord* record, AlarmRules* rules, CarePublisher* publisher)
{
    m_stationId = stationId;
    m_record = record;
    m_rules = rules;
    m_publisher = publisher;
}

QString CarePlan::badgeOf(const QString& staffId) const
{
    const StaffMember* s = staffId.isEmpty() ? nullptr : m_site.staffMember(staffId);
    return s ? s->badge : QString();
}

QString CarePlan::nameOf(const QString& staffId) const
{
    const StaffMember* s = staffId.isEmpty() ? nullptr : m_site.staffMember(staffId);
    return s ? s->name : staffId;
}

CareEntryMsg CarePlan::entry(const QString& patientId) const
{
    CareEntryMsg e = m_care.value(patientId);
    e.patientId = patientId;
    return e;
}

QString CarePlan::holder(const QString& role) const
{
    return m_roles.value(role).staffId;
}

void CarePlan::refreshRows()
{
    bool any = false;
    for (int row = 0; row < int(m_state.rows().patients.size()); ++row) {
        PatientRow& p = m_state.rows().patients[size_t(row)];
        const CareEntryMsg e = p.vacant() ? CareEntryMsg{} : entry(p.id);
        const QString nurseName = e.nurseId.isEmpty() ? QString() : nameOf(e.nurseId);
        if (p.nurseId == e.nurseId && p.nurseName == nurseName && p.fallRisk == e.fallRisk &&
            p.elopementRisk == e.elopementRisk && p.bedExitArmed == e.bedExitArmed &&
            p.repositionEveryMin == e.repositionEveryMin && p.medicationTimes == e.medicationTimes)
            continue;
        p.nurseId = e.nurseId;
        p.nurseName = nurseName;
        p.fallRisk = e.fallRisk;
        p.elopementRisk = e.elopementRisk;
        p.bedExitArmed = e.bedExitArmed;
        p.repositionEveryMin = e.repositionEveryMin;
        p.medicationTimes = e.medicationTimes;
        m_state.markPatient(row);
        any = true;
    }
    if (any)
        Q_EMIT changed();
}

void CarePlan::place(const CareEntryMsg& e)
{
    m_care.insert(e.patientId, e);
    refreshRows();
}

void CarePlan::apply(const CareEntryMsg& entryIn)
{
    CareEntryMsg m = entryIn;
    m.fillVersions();
    const CareEntryMsg held = entry(m.patientId);
    CareEntryMsg merged = held;
    QStringList replaced; // parts this station changed that the entry replaces with something else
    int taken = 0;
    bool keptOwn = false; // a part of this station's is newer than the entry's
    auto part = [&](PartVersion CareEntryMsg::*version, bool same, auto copy, const QString& name) {
        const PartVersion& mine = held.*version;
        const PartVersion& theirs = m.*version;
        if (theirs.newerThan(mine)) {
            copy(merged);
            merged.*version = theirs;
            ++taken;
            if (!m_stationId.isEmpty() && mine.stationId == m_stationId && theirs.stationId != m_stationId && !same)
                replaced << name;
        } else if (mine.newerThan(theirs) && !m_stationId.isEmpty() && mine.stationId == m_stationId) {
            keptOwn = true;
        }
    };
    part(&CareEntryMsg::assignmentVersion, held.sameAssignment(m), [&](CareEntryMsg& e) { e.nurseId = m.nurseId; },
         tr("assignment"));
    part(&CareEntryMsg::flagsVersion, held.sameFlags(m),
         [&](CareEntryMsg& e) {
             e.fallRisk = m.fallRisk;
             e.elopementRisk = m.elopementRisk;
             e.bedExitArmed = m.bedExitArmed;
         },
         tr("risk flags"));
    part(&CareEntryMsg::scheduleVersion, held.sameSchedule(m),
         [&](CareEntryMsg& e) {
             e.repositionEveryMin = m.repositionEveryMin;
             e.medicationTimes = m.medicationTimes;
         },
         tr("schedules"));
    if (taken == 0) {
        // Nothing newer than what is in force. When a part of this station's is newer than the
        // entry (the broker's retained copy lost our last publish), it is published again; our own
        // entry coming back has equal parts and publishes nothing.
        if (keptOwn && m_publisher) {
            CareEntryMsg out = held;
            out.stationId = m_stationId;
            m_publisher->publishCare(out);
        }
        return;
    }
    if (m.newerThan(held.timeMs, held.stationId)) {
        merged.timeMs = m.timeMs;
        merged.stationId = m.stationId;
        merged.operatorId = m.operatorId;
        merged.action = m.action;
    }
    // An entry that replaces every part starts the plan afresh (a discharge ends it with 0);
    // otherwise the plan began at the first of the two.
    if (taken == 3 || held.planSinceMs == 0)
        merged.planSinceMs = m.planSinceMs;
    else if (m.planSinceMs != 0)
        merged.planSinceMs = std::min(held.planSinceMs, m.planSinceMs);
    if (m_record && !m_record->append(merged))
        Q_EMIT recordFailed(QStringLiteral("station.census-failed"), m_record->lastError());
    // Another station's change over one this station made: its operator is told, by name.
    if (!replaced.isEmpty())
        Q_EMIT result(false, tr("%1's %2 changed at %3 by %4 after your change: %5 now")
                                 .arg(m.patientId, replaced.join(QStringLiteral(", ")), m.stationId, nameOf(m.operatorId),
                                      merged.nurseId.isEmpty() ? tr("unassigned") : tr("assigned to %1").arg(nameOf(merged.nurseId))));
    place(merged);
    // The broker keeps one retained entry per patient: when this station holds a newer part of its
    // own than the entry just merged, it publishes the merged plan, so a station that starts later
    // reads both changes.
    if (keptOwn && m_publisher) {
        CareEntryMsg out = merged;
        out.stationId = m_stationId;
        m_publisher->publishCare(out);
    }
}

void CarePlan::apply(const ShiftRoleMsg& m)
{
    const ShiftRoleMsg before = m_roles.value(m.role);
    if (!m.newerThan(before.timeMs, before.stationId))
        return;
    if (m_record && !m_record->append(m))
        Q_EMIT recordFailed(QStringLiteral("station.census-failed"), m_record->lastError());
    if (!m_stationId.isEmpty() && before.stationId == m_stationId && m.stationId != m_stationId && before.staffId != m.staffId)
        Q_EMIT result(false, tr("%1 took the %2 role at %3 after your change").arg(nameOf(m.staffId), m.role, m.stationId));
    m_roles.insert(m.role, m);
    refreshRows();
}

void CarePlan::restore()
{
    if (!m_record)
        return;
    for (const CareEntryMsg& e : m_record->latestCare())
        m_care.insert(e.patientId, e);
    for (const ShiftRoleMsg& r : m_record->latestRoles())
        m_roles.insert(r.role, r);
    if (!m_record->lastError().isEmpty())
        Q_EMIT recordFailed(QStringLiteral("station.census-unreadable"), m_record->lastError());
    refreshRows();
}

void CarePlan::refuse(const QString& why, const QString& operatorId)
{
    // A change nobody may make here is logged (ww.core) and, with a log, audited.
    qCWarning(lcCore).noquote() << "care plan change refused:" << why;
    if (m_rules)
        m_rules->audit(QStringLiteral("care refused: ") + why, operatorId, {});
    Q_EMIT result(false, why);
}

QString CarePlan::refusal(const QString& operatorId) const
{
    if (!m_record || !m_rules)
        return tr("This station keeps no record: care-plan changes are made at a station with a log");
    if (operatorId.isEmpty() || !m_site.staffMember(operatorId))
        return tr("Sign in first: care-plan changes are recorded with the operator's name");
    return {};
}

// Records, audits, shows and publishes a new entry for its patient with the changed parts' versions
// set; false (said) when it cannot.
bool CarePlan::commit(CareEntryMsg e, Parts parts, const QString& what, const QString& operatorName)
{
    // Its time is its revision: after the entry in force, whatever this station's clock says.
    const CareEntryMsg before = m_care.value(e.patientId);
    e.timeMs = std::max(m_clock.nowMs(), before.timeMs + 1);
    e.stationId = m_stationId;
    const PartVersion version{e.timeMs, m_stationId};
    if (parts & Assignment)
        e.assignmentVersion = version;
    if (parts & Flags)
        e.flagsVersion = version;
    if (parts & Schedule)
        e.scheduleVersion = version;
    // An entry that replaces the whole plan (a discharge) ends it: the next one starts afresh.
    e.planSinceMs = parts == AllParts ? 0 : before.planSinceMs != 0 ? before.planSinceMs : e.timeMs;
    if (!m_record->append(e)) {
        Q_EMIT recordFailed(QStringLiteral("station.census-failed"), m_record->lastError());
        Q_EMIT result(false, tr("The care record cannot be written (%1); nothing was changed.").arg(m_record->lastError()));
        return false;
    }
    m_rules->audit(what, e.operatorId, operatorName);
    place(e);
    if (m_publisher)
        m_publisher->publishCare(e);
    Q_EMIT result(true, what);
    return true;
}

void CarePlan::assign(const QString& patientId, const QString& nurseId, const QString& operatorId, const QString& operatorName)
{
    if (const QString why = refusal(operatorId); !why.isEmpty()) {
        refuse(why, operatorId);
        return;
    }
    const int row = m_state.rowOfPatient(patientId);
    if (patientId.isEmpty() || row < 0) {
        Q_EMIT result(false, tr("%1 is not in the census").arg(patientId));
        return;
    }
    if (!nurseId.isEmpty() && !m_site.staffMember(nurseId)) {
        refuse(tr("%1 is not on the staff list").arg(nurseId), operatorId);
        return;
    }
    // Patients are assigned to nurses (a role naming "nurse"): the first escalation step calls them.
    if (!nurseId.isEmpty() && !m_site.staffMember(nurseId)->role.contains(QStringLiteral("nurse"), Qt::CaseInsensitive)) {
        refuse(tr("%1 (%2) is not a nurse: patients are assigned to nurses")
                   .arg(m_site.staffMember(nurseId)->name, m_site.staffMember(nurseId)->role),
               operatorId);
        return;
    }
    CareEntryMsg e = entry(patientId);
    const bool charge = holder(ChargeRole) == operatorId;
    // A nurse takes an unassigned patient, or gives up their own; anything else (another nurse's
    // patient, for anyone) is the charge nurse's to do.
    const bool own = (nurseId == operatorId && (e.nurseId.isEmpty() || e.nurseId == operatorId)) ||
                     (nurseId.isEmpty() && e.nurseId == operatorId);
    if (!own && !charge) {
        const QString chargeNurse = holder(ChargeRole);
        refuse(chargeNurse.isEmpty() ? tr("Only the charge nurse assigns other nurses' patients, and nobody has taken charge")
                                     : tr("Only the charge nurse (%1) assigns other nurses' patients").arg(nameOf(chargeNurse)),
               operatorId);
        return;
    }
    if (e.nurseId == nurseId) {
        Q_EMIT result(true, tr("No change: %1 is already %2").arg(patientId, nurseId.isEmpty() ? tr("unassigned") : nameOf(nurseId)));
        return;
    }
    const QString previous = e.nurseId;
    e.nurseId = nurseId;
    e.operatorId = operatorId;
    e.action = nurseId == operatorId ? QStringLiteral("take") : QStringLiteral("assign");
    const QString name = m_state.rows().patients[size_t(row)].name;
    commit(e, Assignment,
           nurseId.isEmpty() ? QStringLiteral("care: %1 (%2) unassigned from %3").arg(patientId, name, previous)
                             : QStringLiteral("care: %1 (%2) assigned to %3 (%4)%5")
                                   .arg(patientId, name, nurseId, nameOf(nurseId),
                                        previous.isEmpty() ? QString() : QStringLiteral(", was %1").arg(previous)),
           operatorName);
}

void CarePlan::setFlags(const QString& patientId, bool fallRisk, bool elopementRisk, bool bedExitArmed,
                        const QString& operatorId, const QString& operatorName)
{
    if (const QString why = refusal(operatorId); !why.isEmpty()) {
        refuse(why, operatorId);
        return;
    }
    if (patientId.isEmpty() || m_state.rowOfPatient(patientId) < 0) {
        Q_EMIT result(false, tr("%1 is not in the census").arg(patientId));
        return;
    }
    CareEntryMsg e = entry(patientId);
    if (e.fallRisk == fallRisk && e.elopementRisk == elopementRisk && e.bedExitArmed == bedExitArmed) {
        Q_EMIT result(true, tr("No change to %1's flags").arg(patientId));
        return;
    }
    e.fallRisk = fallRisk;
    e.elopementRisk = elopementRisk;
    e.bedExitArmed = bedExitArmed;
    e.operatorId = operatorId;
    e.action = QStringLiteral("flags");
    auto yes = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    commit(e, Flags,
           QStringLiteral("care: %1 flags: fall risk %2, elopement risk %3, bed exit armed %4")
               .arg(patientId, yes(fallRisk), yes(elopementRisk), yes(bedExitArmed)),
           operatorName);
}

void CarePlan::setSchedule(const QString& patientId, int repositionEveryMin, const QStringList& medicationTimes,
                           const QString& operatorId, const QString& operatorName)
{
    if (const QString why = refusal(operatorId); !why.isEmpty()) {
        refuse(why, operatorId);
        return;
    }
    if (patientId.isEmpty() || m_state.rowOfPatient(patientId) < 0) {
        Q_EMIT result(false, tr("%1 is not in the census").arg(patientId));
        return;
    }
    if (repositionEveryMin < 0 || repositionEveryMin > 24 * 60) {
        Q_EMIT result(false, tr("reposition every: %1 min is not between 0 (none) and 1440").arg(repositionEveryMin));
        return;
    }
    for (int i = 0; i < medicationTimes.size(); ++i)
        if (!isTimeOfDay(medicationTimes[i])) {
            Q_EMIT result(false, tr("medication times[%1]: \"%2\" is not a time of day (HH:MM, 00:00 to 23:59)")
                                     .arg(i)
                                     .arg(medicationTimes[i]));
            return;
        }
    CareEntryMsg e = entry(patientId);
    e.repositionEveryMin = repositionEveryMin;
    e.medicationTimes = medicationTimes;
    e.operatorId = operatorId;
    e.action = QStringLiteral("schedule");
    commit(e, Schedule,
           QStringLiteral("care: %1 schedule: reposition every %2 min, medication at %3")
               .arg(patientId)
               .arg(repositionEveryMin)
               .arg(medicationTimes.isEmpty() ? QStringLiteral("(none)") : medicationTimes.join(QStringLiteral(", "))),
           operatorName);
}

void CarePlan::endPlan(const QString& patientId, const QString& operatorId, const QString& operatorName)
{
    if (!m_record || !m_rules || !m_care.contains(patientId))
        return;
    const CareEntryMsg before = m_care.value(patientId);
    const CareEntryMsg none;
    if (before.nurseId.isEmpty() && before.sameFlags(none) && before.sameSchedule(none))
        return;
    CareEntryMsg e;
    e.patientId = patientId;
    e.operatorId = operatorId;
    e.action = QStringLiteral("discharge");
    commit(e, AllParts,
           QStringLiteral("care: %1's plan ended at discharge (was: nurse %2, fall risk %3, elopement risk %4, "
                          "reposition every %5 min, medication at %6)")
               .arg(patientId, before.nurseId.isEmpty() ? QStringLiteral("none") : before.nurseId,
                    before.fallRisk ? QStringLiteral("yes") : QStringLiteral("no"),
                    before.elopementRisk ? QStringLiteral("yes") : QStringLiteral("no"))
               .arg(before.repositionEveryMin)
               .arg(before.medicationTimes.isEmpty() ? QStringLiteral("(none)") : before.medicationTimes.join(QStringLiteral(", "))),
           operatorName);
}

void CarePlan::takeRole(const QString& role, const QString& operatorId, const QString& operatorName)
{
    if (const QString why = refusal(operatorId); !why.isEmpty()) {
        refuse(why, operatorId);
        return;
    }
    const ShiftRoleMsg before = m_roles.value(role);
    if (before.staffId == operatorId) {
        Q_EMIT result(true, tr("You already hold the %1 role").arg(role));
        return;
    }
    ShiftRoleMsg r{role, operatorId, std::max(m_clock.nowMs(), before.timeMs + 1), m_stationId, operatorId};
    if (!m_record->append(r)) {
        Q_EMIT recordFailed(QStringLiteral("station.census-failed"), m_record->lastError());
        Q_EMIT result(false, tr("The care record cannot be written (%1); nothing was changed.").arg(m_record->lastError()));
        return;
    }
    const QString what = QStringLiteral("shift: %1 (%2) took the %3 role%4")
                             .arg(operatorId, operatorName, role,
                                  before.staffId.isEmpty() ? QString() : QStringLiteral(" from %1").arg(before.staffId));
    m_rules->audit(what, operatorId, operatorName);
    m_roles.insert(role, r);
    if (m_publisher)
        m_publisher->publishRole(r);
    refreshRows();
    Q_EMIT result(true, what);
}

} // namespace ww
