#pragma once
// The alarm list as the nurse narrows it: technical or clinical, unacknowledged only, a minimum
// priority, one kind (category), one floor, one patient, rules by prefix (reminders), and the
// station's filter (my patients, scope). Rows keep the list's order (priority, then age).
#include "models/alarmlistmodel.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace ww {

class StationFilter;
struct Site;

class AlarmFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Group { All, Clinical, Technical };
    // site: for floors (null: the floor filter passes every alarm).
    explicit AlarmFilterProxy(AlarmListModel& alarms, const Site* site = nullptr, QObject* parent = nullptr);

    void setSite(const Site* site);
    void setGroup(Group group);
    // Not yet acknowledged (active, or ended and waiting for an acknowledgement).
    void setUnacknowledgedOnly(bool on);
    void setMinPriority(std::optional<Priority> priority);
    void setCategory(std::optional<AlarmCategory> category);
    // Alarms in a room on this floor, or of a patient whose bed is on it (nullopt: any floor).
    void setFloor(std::optional<int> level);
    // Only this patient's alarms (empty: anyone's).
    void setPatient(const QString& patientId);
    // Only rules starting with include (empty: any), none starting with exclude (empty: none left out).
    void setRulePrefixes(const QString& include, const QString& exclude);
    // My patients and the scope (null: not applied).
    void setStationFilter(const StationFilter* filter);

    [[nodiscard]] const AlarmState* alarmAt(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();
    AlarmListModel& m_alarms;
    const Site* m_site;
    Group m_group = Group::All;
    bool m_unacked = false;
    std::optional<Priority> m_minPriority;
    std::optional<AlarmCategory> m_category;
    std::optional<int> m_floor;
    QString m_patient, m_include, m_exclude;
    const StationFilter* m_station = nullptr;
};

} // namespace ww
