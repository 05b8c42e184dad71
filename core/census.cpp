// Census (core/census.h): checks, records, audits, applies and publishes bed entries; merges
// other stations' entries by (time, station).
#include "core/census.h"
#include "core/alarmrules.h"
#include "core/logging.h"

#include <algorithm>

namespace ww {

Census::Census(const Site& site, const Clock& clock, WardState& state, QObject* parent)
    : QObject(parent), m_site(site), m_clock(clock), m_state(state)
{
}

void Census::enable(const QString& stationId, CensusRecord* record, AlarmRules* rules, CensusPublisher* publisher)
{
    m_stationId = stationId;
    m_record = record;
    m_rules = rules;
    m_publisher = publisher;
}

// Why a device cannot go on the patient of row (-1: a new patient); empty when it can.
QString Census::deviceProblem(const QString& deviceId, DeviceKind kind, int row) const
{
    if (deviceId.isEmpty())
        return {};
    const DeviceRef* it = m_state.find(deviceId);
    if (!it || it->device < 0 || m_state.rows().devices[size_t(it->device)].kind != kind)
        return tr("%1 is not a %2 of this ward").arg(deviceId, toString(kind));
    if (it->patient >= 0 && it->patient != row) {
        const PatientRow& other = m_state.rows().patients[size_t(it->patient)];
        return tr("%1 is on %2 (bed %3)").arg(deviceId, other.name, other.bed);
    }
    return {};
}

// The refusals every census change shares: this station keeps no record, nobody is signed in.
QString Census::refusal(const QString& operatorId, const QString& signIn) const
{
    if (!m_record || !m_rules)
        return tr("This station keeps no record: census changes are made at a station with a log");
    return operatorId.isEmpty() ? signIn : QString();
}

// Why a change to the patient of row (found by patientId) cannot be made; empty when it can.
QString Census::patientRefusal(int row, const QString& patientId) const
{
    if (row < 0)
        return tr("%1 is not in the census").arg(patientId);
    if (m_state.rows().patients[size_t(row)].bed.isEmpty())
        return tr("%1 has no bed in the census").arg(patientId);
    return {};
}

// Says why a census change is refused (when why is not empty) and returns whether it was.
bool Census::refused(const QString& why)
{
    if (why.isEmpty())
        return false;
    Q_EMIT result(false, why);
    return true;
}

// Puts a device on row's patient (or takes it off: deviceId empty), taking it off anyone else.
void Census::pairDevice(int row, QString& slot, const QString& deviceId)
{
    if (slot == deviceId)
        return;
    PatientRow& p = m_state.rows().patients[size_t(row)];
    auto setDeviceRow = [this](const QString& id, int patient, const QString& subject) {
        DeviceRef* it = m_state.find(id);
        if (!it || it->device < 0)
            return false;
        it->patient = patient;
        DeviceRow& d = m_state.rows().devices[size_t(it->device)];
        d.subject = subject;
        d.inService = patient >= 0;
        m_state.markDevice(it->device);
        return true;
    };
    if (!slot.isEmpty())
        setDeviceRow(slot, -1, {});
    if (!deviceId.isEmpty()) {
        const DeviceRef* it = m_state.find(deviceId);
        if (it && it->patient >= 0) { // another station's newer word: it moves
            PatientRow& other = m_state.rows().patients[size_t(it->patient)];
            for (QString* s : {&other.wristband, &other.monitor})
                if (*s == deviceId && s != &slot)
                    s->clear();
            m_state.markPatient(it->patient);
        }
        if (!setDeviceRow(deviceId, row, p.name))
            qCWarning(lcCore) << "census: device" << deviceId << "of patient" << p.id << "is not in this site";
    }
    slot = deviceId;
    m_state.markPatient(row);
}

void Census::setDevices(int row, const QString& wristband, const QString& monitor)
{
    PatientRow& p = m_state.rows().patients[size_t(row)];
    if (p.wristband != wristband) {
        p.location = {};
        pairDevice(row, p.wristband, wristband);
        p.tagSignal = m_state.deviceSignal(wristband);
    }
    if (p.monitor != monitor) {
        p.vitals = {};
        pairDevice(row, p.monitor, monitor);
        p.vitalsSignal = m_state.deviceSignal(monitor);
    }
}

void Census::vacate(int row)
{
    PatientRow& p = m_state.rows().patients[size_t(row)];
    if (p.vacant())
        return;
    if (m_rules)
        m_rules->forgetPatient(row, p.id);
    setDevices(row, {}, {});
    PatientRow empty;
    empty.bed = p.bed;
    p = empty;
    m_state.markPatient(row);
}

// Applies one bed's entry to the rows (its revision already checked and recorded).
void Census::placeEntry(const CensusEntryMsg& e)
{
    int row = m_state.rowOfBed(e.bed);
    if (row < 0) {
        qCWarning(lcCore) << "census: entry for unknown bed" << e.bed << "from station" << e.stationId << "ignored";
        return;
    }
    if (e.patientId.isEmpty()) {
        vacate(row);
        return;
    }
    const int current = m_state.rowOfPatient(e.patientId);
    if (current != row) {
        vacate(row); // a newer entry displaces whoever another station had in this bed
        if (current >= 0) {
            // A transfer: the patient's row takes the bed, the emptied row the patient's old bed.
            std::swap(m_state.rows().patients[size_t(current)].bed, m_state.rows().patients[size_t(row)].bed);
            m_state.markPatient(row);
            row = current;
        } else {
            m_state.rows().patients[size_t(row)].id = e.patientId;
        }
    }
    PatientRow& p = m_state.rows().patients[size_t(row)];
    p.name = e.patientName;
    setDevices(row, e.wristband, e.monitor);
    for (const QString& id : {p.wristband, p.monitor}) // the devices table names the wearer
        if (const DeviceRef* it = m_state.find(id); !id.isEmpty() && it && it->device >= 0 &&
                                                  m_state.rows().devices[size_t(it->device)].subject != p.name) {
            m_state.rows().devices[size_t(it->device)].subject = p.name;
            m_state.markDevice(it->device);
        }
    m_state.markPatient(row);
    if (m_rules)
        m_rules->evaluatePatient(row, m_clock.nowMs());
}

void Census::apply(const CensusEntryMsg& m)
{
    const auto rev = m_rev.value(m.bed, {0, QString()});
    if (!m.newerThan(rev.first, rev.second))
        return; // our own entry coming back, or older than what is in force
    if (m_state.rowOfBed(m.bed) < 0) {
        qCWarning(lcCore) << "census: entry for unknown bed" << m.bed << "from station" << m.stationId << "ignored";
        return;
    }
    if (m_record && !m_record->append({m}))
        Q_EMIT recordFailed(QStringLiteral("station.census-failed"), m_record->lastError());
    // Someone else into a bed whose occupant this station placed: two admissions crossed, or this
    // station missed a discharge. The displaced patient leaves this census; a nurse must know.
    const PatientRow& before = m_state.rows().patients[size_t(m_state.rowOfBed(m.bed))];
    if (m_rules && rev.second == m_stationId && !before.vacant() && !m.patientId.isEmpty() && before.id != m.patientId) {
        AlarmRaise a;
        a.rule = QStringLiteral("tech.census-conflict");
        a.subjectKey = before.id + QChar(u'-') + m.bed;
        a.occurrence = QString::number(m.timeMs);
        a.onsetMs = m.timeMs;
        a.subject = QStringLiteral("%1 (%2)").arg(before.name, before.id);
        placeAt(a, before, m_site);
        a.source = m.stationId;
        a.setCondition(QStringLiteral("census.conflict"), {before.name, m.bed, m.stationId, m.patientName, m.patientId});
        a.endsOnAck = true;
        m_rules->raise(a);
    }
    m_rev.insert(m.bed, {m.timeMs, m.stationId});
    placeEntry(m);
}

void Census::restore()
{
    if (!m_record)
        return;
    std::vector<CensusEntryMsg> entries = m_record->latest();
    if (!m_record->lastError().isEmpty())
        Q_EMIT recordFailed(QStringLiteral("station.census-unreadable"), m_record->lastError());
    // In the order they were made, so a transfer finds the patient where the earlier entry put them.
    std::sort(entries.begin(), entries.end(), [](const CensusEntryMsg& a, const CensusEntryMsg& b) {
        return b.newerThan(a.timeMs, a.stationId);
    });
    for (const CensusEntryMsg& e : entries) {
        if (m_state.rowOfBed(e.bed) < 0)
            continue;
        m_rev.insert(e.bed, {e.timeMs, e.stationId});
        placeEntry(e);
    }
}

void Census::commit(std::vector<CensusEntryMsg> entries, const QString& what, const QString& operatorId,
                            const QString& operatorName)
{
    qint64 now = m_clock.nowMs();
    for (const CensusEntryMsg& e : entries) // strictly newer than what is in force, whatever the clock did
        now = std::max(now, m_rev.value(e.bed, {0, QString()}).first + 1);
    for (CensusEntryMsg& e : entries) {
        e.timeMs = now;
        e.stationId = m_stationId;
        e.operatorId = operatorId;
    }
    if (!m_record->append(entries)) {
        Q_EMIT result(false, tr("Not recorded, nothing changed: %1").arg(m_record->lastError()));
        return;
    }
    m_rules->audit(what, operatorId, operatorName);
    for (const CensusEntryMsg& e : entries) {
        m_rev.insert(e.bed, {e.timeMs, e.stationId});
        placeEntry(e);
        if (m_publisher)
            m_publisher->publishCensus(e);
    }
    Q_EMIT committed();
    Q_EMIT result(true, what);
}

namespace {

// The audit's words (the log is kept in one language, as every other audited action).
QString none(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("none") : s;
}

CensusEntryMsg entryFor(const PatientRow& p, const QString& action)
{
    CensusEntryMsg e;
    e.bed = p.bed;
    e.patientId = p.id;
    e.patientName = p.name;
    e.wristband = p.wristband;
    e.monitor = p.monitor;
    e.action = action;
    return e;
}

} // namespace

void Census::admit(const QString& bed, const QString& patientId, const QString& name, const QString& wristband,
                            const QString& monitor, const QString& operatorId, const QString& operatorName)
{
    const QString id = patientId.trimmed(), who = name.trimmed();
    const int row = m_state.rowOfBed(bed);
    const QString why = [&]() -> QString {
        if (QString r = refusal(operatorId, tr("Sign in to admit a patient")); !r.isEmpty())
            return r;
        if (row < 0)
            return tr("Unknown bed \"%1\"").arg(bed);
        if (!m_state.rows().patients[size_t(row)].vacant())
            return tr("Bed %1 is taken by %2").arg(bed, m_state.rows().patients[size_t(row)].name);
        if (id.isEmpty() || who.isEmpty())
            return tr("A patient needs an id and a name");
        if (const int other = m_state.rowOfPatient(id); other >= 0)
            return tr("%1 is already in bed %2").arg(id, m_state.rows().patients[size_t(other)].bed);
        if (m_site.staffMember(id) ||
            std::any_of(m_site.assets.begin(), m_site.assets.end(), [&](const Asset& a) { return a.id == id; }))
            return tr("\"%1\" is the id of a staff member or an asset").arg(id);
        if (QString r = deviceProblem(wristband, DeviceKind::Wristband, -1); !r.isEmpty())
            return r;
        return deviceProblem(monitor, DeviceKind::VitalsMonitor, -1);
    }();
    if (refused(why))
        return;
    PatientRow p;
    p.bed = bed;
    p.id = id;
    p.name = who;
    p.wristband = wristband;
    p.monitor = monitor;
    commit({entryFor(p, QStringLiteral("admit"))},
                 QStringLiteral("admitted %1 (%2) to bed %3, wristband %4, monitor %5")
                     .arg(who, id, bed, none(wristband), none(monitor)),
                 operatorId, operatorName);
}

void Census::transfer(const QString& patientId, const QString& bed, const QString& operatorId,
                               const QString& operatorName)
{
    const int row = m_state.rowOfPatient(patientId), to = m_state.rowOfBed(bed);
    const QString why = [&]() -> QString {
        if (QString r = refusal(operatorId, tr("Sign in to transfer a patient")); !r.isEmpty())
            return r;
        if (row < 0)
            return tr("%1 is not in the census").arg(patientId);
        if (to < 0)
            return tr("Unknown bed \"%1\"").arg(bed);
        if (to == row)
            return tr("%1 is already in bed %2").arg(m_state.rows().patients[size_t(row)].name, bed);
        if (!m_state.rows().patients[size_t(to)].vacant())
            return tr("Bed %1 is taken by %2").arg(bed, m_state.rows().patients[size_t(to)].name);
        return {};
    }();
    if (refused(why))
        return;
    const PatientRow& p = m_state.rows().patients[size_t(row)];
    CensusEntryMsg arrive = entryFor(p, QStringLiteral("transfer"));
    arrive.bed = bed;
    PatientRow left;
    left.bed = p.bed;
    const QString what = QStringLiteral("transferred %1 (%2) from bed %3 to bed %4").arg(p.name, p.id, none(p.bed), bed);
    std::vector<CensusEntryMsg> entries{arrive};
    if (!left.bed.isEmpty())
        entries.push_back(entryFor(left, QStringLiteral("transfer")));
    commit(std::move(entries), what, operatorId, operatorName);
}

void Census::discharge(const QString& patientId, const QString& operatorId, const QString& operatorName)
{
    const int row = m_state.rowOfPatient(patientId);
    if (refused(refusal(operatorId, tr("Sign in to discharge a patient"))) || refused(patientRefusal(row, patientId)))
        return;
    const PatientRow& p = m_state.rows().patients[size_t(row)];
    PatientRow left;
    left.bed = p.bed;
    commit({entryFor(left, QStringLiteral("discharge"))},
                 QStringLiteral("discharged %1 (%2) from bed %3; wristband %4 and monitor %5 back in stock")
                     .arg(p.name, p.id, p.bed, none(p.wristband), none(p.monitor)),
                 operatorId, operatorName);
}

void Census::pairDevices(const QString& patientId, const QString& wristband, const QString& monitor,
                           const QString& operatorId, const QString& operatorName)
{
    const int row = m_state.rowOfPatient(patientId);
    if (refused(refusal(operatorId, tr("Sign in to change a patient's devices"))) ||
        refused(patientRefusal(row, patientId)) || refused(deviceProblem(wristband, DeviceKind::Wristband, row)) ||
        refused(deviceProblem(monitor, DeviceKind::VitalsMonitor, row)))
        return;
    const PatientRow& p = m_state.rows().patients[size_t(row)];
    if (p.wristband == wristband && p.monitor == monitor && refused(tr("Nothing changed")))
        return;
    CensusEntryMsg e = entryFor(p, QStringLiteral("devices"));
    e.wristband = wristband;
    e.monitor = monitor;
    commit({e},
                 QStringLiteral("devices of %1 (%2): wristband %3 -> %4, monitor %5 -> %6")
                     .arg(p.name, p.id, none(p.wristband), none(wristband), none(p.monitor), none(monitor)),
                 operatorId, operatorName);
}

} // namespace ww
