#pragma once
// What this station looks at: the signed-in nurse's own patients ("my patients") and the station's
// scope (all of the ward, one pod or one floor; settings key station/scope). The census, the alarm
// list and the floor plan all ask it, so the three views always agree.
//
// Alarms that concern no patient (a fridge, a door, a gateway, a staff member's duress button) stay
// visible with "my patients": they are anybody's to answer. An alarm of one of my patients stays
// visible whatever the scope: my patient walking out of my pod is exactly what I must see.
#include "models/wardmodels.h"

#include <QObject>
#include <QSet>
#include <optional>

namespace ww {

class StationFilter : public QObject
{
    Q_OBJECT
public:
    StationFilter(const Site& site, const PatientModel& patients, QObject* parent = nullptr);

    // "" (the whole ward), "pod:<name>" or "floor:<level>"; anything else is taken as "".
    void setScope(const QString& scope);
    [[nodiscard]] QString scope() const { return m_scope; }
    // Every scope the site offers, with its text ("All of the ward", "Pod A", "Floor 1").
    [[nodiscard]] QList<std::pair<QString, QString>> scopes() const;
    [[nodiscard]] QString scopeText(const QString& scope) const;
    // Whether a room is in the scope (an empty room id: yes).
    [[nodiscard]] bool inScope(const QString& roomId) const;

    // The signed-in nurse whose patients "my patients" shows (empty: nobody signed in).
    void setNurse(const QString& staffId);
    [[nodiscard]] QString nurse() const { return m_nurse; }
    void setMyPatients(bool on);
    // On only with a nurse signed in.
    [[nodiscard]] bool myPatients() const { return m_mine && !m_nurse.isEmpty(); }
    [[nodiscard]] const QSet<QString>& myPatientIds() const { return m_myIds; }

    [[nodiscard]] bool showsPatient(const PatientRow& p) const;
    [[nodiscard]] bool showsAlarm(const AlarmState& a) const;
    // Whether anything is filtered at all.
    [[nodiscard]] bool active() const { return myPatients() || m_rooms.has_value(); }

Q_SIGNALS:
    void changed(); // what the views show may differ: filter again

private:
    void refreshMine();
    [[nodiscard]] QString bedRoom(const QString& patientId) const;
    const Site& m_site;
    const PatientModel& m_patients;
    QString m_scope, m_nurse;
    bool m_mine = false;
    std::optional<QSet<QString>> m_rooms; // the scope's rooms (none: all)
    QSet<QString> m_myIds;
};

} // namespace ww
