#pragma once
// The shift at the station: taking patients (the census with a box per patient for the signed-in
// nurse), the charge nurse's assignments, the census's risk chips, and the Shift and View menus
// with "my patients" and the station's scope.
#include <QDialog>
#include <QObject>
#include <QStyledItemDelegate>
#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMainWindow;
class QMenu;
class QStandardItemModel;
class QTableView;

namespace ww {

class AlarmController;
class StationFilter;
class WardModels;
struct Site;
struct StaffMember;

// Staff who can be given patients: every role with "nurse" in it (nurse, charge nurse).
[[nodiscard]] std::vector<const StaffMember*> nursesOf(const Site& site);

// The census's risk column drawn as chips ("Fall", "Elope", "Bed exit"); the tooltip says what each means.
class RiskChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

// Every patient with a box: checked, the signed-in nurse's. OK takes the newly checked and gives up
// the unchecked (each a care-plan change, answered by careResult).
class TakePatientsDialog : public QDialog
{
    Q_OBJECT
public:
    TakePatientsDialog(AlarmController& alarms, const WardModels& models, QWidget* parent = nullptr);
    [[nodiscard]] QStandardItemModel* list() const { return m_list; } // column 0 checkable, UserRole: patient id
    // Sends the changes; returns how many.
    int submit();

private:
    AlarmController& m_alarms;
    QStandardItemModel* m_list;
};

// The charge nurse: a patient to a nurse.
class AssignDialog : public QDialog
{
    Q_OBJECT
public:
    AssignDialog(AlarmController& alarms, const WardModels& models, const Site& site, QWidget* parent = nullptr);
    [[nodiscard]] QComboBox* patientBox() const { return m_patient; }
    [[nodiscard]] QComboBox* nurseBox() const { return m_nurse; }

private:
    QComboBox* m_patient;
    QComboBox* m_nurse;
    QLabel* m_result;
};

// The Shift menu (take charge, take patients, assign, my patients), the View menu's scope and the
// status bar's charge nurse and other stations' audio pauses.
class ShiftControls : public QObject
{
    Q_OBJECT
public:
    static inline const char* const ScopeKey = "station/scope";

    ShiftControls(QMainWindow& window, AlarmController& alarms, WardModels& models, const Site& site, StationFilter& filter);
    [[nodiscard]] QAction* myPatientsAction() const { return m_mine; }
    [[nodiscard]] QAction* takeChargeAction() const { return m_takeCharge; }
    [[nodiscard]] QAction* takePatientsAction() const { return m_takePatients; }
    [[nodiscard]] QAction* assignAction() const { return m_assign; }
    [[nodiscard]] QAction* shiftReportAction() const { return m_report; }
    static constexpr int ShiftReportHours = 12; // what Shift report… covers, up to now
    [[nodiscard]] QLabel* remotePauseLabel() const { return m_remote; }
    void setScope(const QString& scope); // remembered in the station's settings
    // The remote pauses' countdown: called each second.
    void refreshRemotePauses();

private:
    void refreshOperator();
    QMainWindow& m_window;
    AlarmController& m_alarms;
    WardModels& m_models;
    const Site& m_site;
    StationFilter& m_filter;
    QAction* m_mine;
    QAction* m_takeCharge;
    QAction* m_takePatients;
    QAction* m_assign;
    QAction* m_report;
    QActionGroup* m_scopes;
    QLabel* m_charge;
    QLabel* m_remote;
    QString m_lastOperator;
    bool m_autoMine = false; // turn "my patients" on when the nurse takes their first patients
    bool m_hadMine = false;
};

} // namespace ww
