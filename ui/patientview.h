#pragma once
// One patient on one screen: vital-sign trends with NEWS2, the open alarms and reminders, the past
// alarms (the log, queried on a worker), where the patient was over the last hours (the core's
// track drawn as a path on the plan and listed as stays; either opens the floor plan's look-back
// at that moment), the wristband's and monitor's battery and
// signal, the risk flags (editable) and who looks after the patient. Non-modal; the main window
// opens one per patient and raises it again when asked twice.
#include "core/positionhistory.h"
#include "records/alarmlog.h"

#include <QDialog>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QSpinBox;
class QLineEdit;

namespace ww {

class AlarmController;
class AlarmFilterProxy;
class TrackMap;
class VitalsTrendView;
class WardModels;
struct PatientRow;
struct Site;

class PatientView : public QDialog
{
    Q_OBJECT
public:
    static constexpr qint64 PastAlarmsMs = 24LL * 3600 * 1000;
    static constexpr qint64 TrackMs = 4LL * 3600 * 1000;

    PatientView(const QString& patientId, AlarmController& alarms, WardModels& models, const Site& site, QWidget* parent = nullptr);
    [[nodiscard]] QString patientId() const { return m_patientId; }
    // Sections by object name: "trends", "assignment", "flags", "alarms", "reminders", "pastAlarms",
    // "locations", "devices".
    [[nodiscard]] QGroupBox* section(const QString& name) const;
    [[nodiscard]] QTableView* openAlarms() const { return m_open; }
    [[nodiscard]] QTableView* reminders() const { return m_reminders; }
    [[nodiscard]] QTableView* pastAlarms() const { return m_past; }
    [[nodiscard]] QTableView* locations() const { return m_track; }
    [[nodiscard]] TrackMap* trackMap() const { return m_map; }
    [[nodiscard]] QCheckBox* fallRisk() const { return m_fall; }
    [[nodiscard]] QCheckBox* elopementRisk() const { return m_elope; }
    [[nodiscard]] QCheckBox* bedExitArmed() const { return m_bedExit; }
    [[nodiscard]] QLabel* nurseLabel() const { return m_nurse; }
    [[nodiscard]] QPushButton* takeButton() const { return m_take; }
    [[nodiscard]] QLabel* devicesLabel() const { return m_devices; }
    [[nodiscard]] QSpinBox* repositionEvery() const { return m_reposition; }
    [[nodiscard]] QLineEdit* medicationTimes() const { return m_medication; }
    [[nodiscard]] QPushButton* saveSchedule() const { return m_saveSchedule; }
    [[nodiscard]] QLabel* scheduleError() const { return m_scheduleError; }
    [[nodiscard]] VitalsTrendView* trends() const { return m_trends; }

    // Asks again: the log (on a worker) and the core (the track).
    void reload();

Q_SIGNALS:
    void pastAlarmsLoaded(int rows);
    void trackLoaded(int stays);
    // Look back on the floor plan at a time (a stay of the track); live: timeMs 0.
    void showOnPlan(const QString& patientId, qint64 timeMs);

private:
    [[nodiscard]] const PatientRow* row() const;
    void refreshPatient();
    void refreshDevices();
    void refreshAssignment();
    void applyFlags();
    void applySchedule();
    void showTrack(const QVector<TrackPoint>& points);

    QString m_patientId;
    AlarmController& m_alarms;
    WardModels& m_models;
    const Site& m_site;
    int m_row = -1;
    QLabel* m_title;
    VitalsTrendView* m_trends;
    AlarmFilterProxy* m_openProxy;
    AlarmFilterProxy* m_reminderProxy;
    QTableView* m_open;
    QTableView* m_reminders;
    QLabel* m_noReminders;
    QTableView* m_past;
    QStandardItemModel* m_pastModel;
    QLabel* m_pastStatus;
    QTableView* m_track;
    QStandardItemModel* m_trackModel;
    QLabel* m_trackStatus;
    TrackMap* m_map;
    QLabel* m_devices;
    QCheckBox* m_fall;
    QCheckBox* m_elope;
    QCheckBox* m_bedExit;
    QLabel* m_nurse;
    QPushButton* m_take;
    QComboBox* m_assignTo;
    QPushButton* m_assign;
    QSpinBox* m_reposition;
    QLineEdit* m_medication;
    QPushButton* m_saveSchedule;
    QLabel* m_scheduleError;
    QString m_trackRequest;
    int m_generation = 0;
    std::vector<std::pair<qint64, qint64>> m_stays; // the track's stays (from, to), in the table's order
};

} // namespace ww
