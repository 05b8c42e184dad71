#include "models/stationfilter.h"

namespace ww {

StationFilter::StationFilter(const Site& site, const PatientModel& patients, QObject* parent)
    : QObject(parent), m_site(site), m_patients(patients)
{
    // An assignment or a census change may change who is mine.
    connect(&patients, &QAbstractItemModel::dataChanged, this, &StationFilter::refreshMine);
}

QList<std::pair<QString, QString>> StationFilter::scopes() const
{
    QList<std::pair<QString, QString>> list{{QString(), scopeText(QString())}};
    for (const Pod& p : m_site.pods)
        list.emplace_back(QStringLiteral("pod:") + p.name, scopeText(QStringLiteral("pod:") + p.name));
    for (const Floor& f : m_site.floors)
        list.emplace_back(QStringLiteral("floor:%1").arg(f.level), scopeText(QStringLiteral("floor:%1").arg(f.level)));
    return list;
}

QString StationFilter::scopeText(const QString& scope) const
{
    if (scope.startsWith(QLatin1String("pod:")))
        return scope.mid(4);
    if (scope.startsWith(QLatin1String("floor:")))
        return tr("Floor %1").arg(scope.mid(6));
    return tr("All of the ward");
}

void StationFilter::setScope(const QString& scope)
{
    std::optional<QSet<QString>> rooms;
    QString known;
    if (scope.startsWith(QLatin1String("pod:"))) {
        for (const Pod& p : m_site.pods)
            if (p.name == scope.mid(4)) {
                rooms = QSet<QString>(p.rooms.begin(), p.rooms.end());
                known = scope;
            }
    } else if (scope.startsWith(QLatin1String("floor:"))) {
        bool ok = false;
        const int level = scope.mid(6).toInt(&ok);
        if (ok && m_site.floor(level)) {
            rooms = QSet<QString>();
            for (const Room& r : m_site.rooms)
                if (r.floor == level)
                    rooms->insert(r.id);
            known = scope;
        }
    }
    if (known == m_scope)
        return;
    m_scope = known;
    m_rooms = rooms;
    Q_EMIT changed();
}

bool StationFilter::inScope(const QString& roomId) const
{
    return !m_rooms || roomId.isEmpty() || m_rooms->contains(roomId);
}

void StationFilter::setNurse(const QString& staffId)
{
    if (staffId == m_nurse)
        return;
    m_nurse = staffId;
    m_myIds.clear();
    refreshMine();
    Q_EMIT changed(); // the same patients may be mine and yours: filter again anyway
}

void StationFilter::setMyPatients(bool on)
{
    if (on == m_mine)
        return;
    m_mine = on;
    Q_EMIT changed();
}

void StationFilter::refreshMine()
{
    QSet<QString> mine;
    if (!m_nurse.isEmpty())
        for (const PatientRow& p : m_patients.rows())
            if (!p.vacant() && p.nurseId == m_nurse)
                mine.insert(p.id);
    if (mine == m_myIds)
        return;
    m_myIds = mine;
    Q_EMIT changed();
}

QString StationFilter::bedRoom(const QString& patientId) const
{
    const int row = m_patients.rowOf(patientId);
    const Bed* bed = row >= 0 ? m_site.bed(m_patients.rowAt(row).bed) : nullptr;
    return bed ? bed->room : QString();
}

bool StationFilter::showsPatient(const PatientRow& p) const
{
    if (myPatients())
        return !p.vacant() && m_myIds.contains(p.id);
    const Bed* bed = m_site.bed(p.bed);
    return inScope(bed ? bed->room : QString());
}

bool StationFilter::showsAlarm(const AlarmState& a) const
{
    if (!a.patientId.isEmpty() && m_myIds.contains(a.patientId))
        return true;
    if (myPatients() && !a.patientId.isEmpty())
        return false;
    return inScope(!a.roomId.isEmpty() ? a.roomId : bedRoom(a.patientId));
}

} // namespace ww
