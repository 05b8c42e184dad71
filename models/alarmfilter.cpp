#include "models/alarmfilter.h"
#include "models/stationfilter.h"

namespace ww {

AlarmFilterProxy::AlarmFilterProxy(AlarmListModel& alarms, const Site* site, QObject* parent)
    : QSortFilterProxyModel(parent), m_alarms(alarms), m_site(site)
{
    setSourceModel(&alarms);
}

void AlarmFilterProxy::refilter()
{
    // Qt 6.4: invalidateFilter() is the way to say the filter itself changed.
    invalidateFilter();
}

void AlarmFilterProxy::setSite(const Site* site)
{
    m_site = site;
    refilter();
}

void AlarmFilterProxy::setGroup(Group group)
{
    m_group = group;
    refilter();
}

void AlarmFilterProxy::setUnacknowledgedOnly(bool on)
{
    m_unacked = on;
    refilter();
}

void AlarmFilterProxy::setMinPriority(std::optional<Priority> priority)
{
    m_minPriority = priority;
    refilter();
}

void AlarmFilterProxy::setCategory(std::optional<AlarmCategory> category)
{
    m_category = category;
    refilter();
}

void AlarmFilterProxy::setFloor(std::optional<int> level)
{
    m_floor = level;
    refilter();
}

void AlarmFilterProxy::setPatient(const QString& patientId)
{
    m_patient = patientId;
    refilter();
}

void AlarmFilterProxy::setRulePrefixes(const QString& include, const QString& exclude)
{
    m_include = include;
    m_exclude = exclude;
    refilter();
}

void AlarmFilterProxy::setStationFilter(const StationFilter* filter)
{
    if (m_station)
        disconnect(m_station, nullptr, this, nullptr);
    m_station = filter;
    if (m_station)
        connect(m_station, &StationFilter::changed, this, &AlarmFilterProxy::refilter);
    refilter();
}

const AlarmState* AlarmFilterProxy::alarmAt(int proxyRow) const
{
    return m_alarms.at(mapToSource(index(proxyRow, 0)).row());
}

bool AlarmFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const AlarmState* a = m_alarms.at(sourceRow);
    if (!a)
        return false;
    const bool technical = a->category == AlarmCategory::Technical;
    if ((m_group == Group::Clinical && technical) || (m_group == Group::Technical && !technical))
        return false;
    if (m_unacked && a->acknowledged())
        return false;
    if (m_minPriority && a->priority < *m_minPriority)
        return false;
    if (m_category && a->category != *m_category)
        return false;
    if (!m_patient.isEmpty() && a->patientId != m_patient)
        return false;
    if (!m_include.isEmpty() && !a->rule.startsWith(m_include))
        return false;
    if (!m_exclude.isEmpty() && a->rule.startsWith(m_exclude))
        return false;
    if (m_floor && m_site) {
        QString roomId = a->roomId;
        if (roomId.isEmpty() && !a->patientId.isEmpty())
            if (const Patient* p = m_site->patient(a->patientId))
                if (const Bed* b = m_site->bed(p->bed))
                    roomId = b->room;
        const Room* room = m_site->room(roomId);
        if (!room || room->floor != *m_floor)
            return false;
    }
    return !m_station || m_station->showsAlarm(*a);
}

} // namespace ww
