#pragma once
// The census at the station: admit a patient into a vacant bed, transfer, change the wristband or
// monitor, discharge. The signed-in operator makes the change; the core checks, records, audits and
// publishes it to every station, and a dialog closes only when the core took the change.
#include <QDialog>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ww {

class AlarmController;
class WardModels;
struct Site;

class CensusDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Admit, Transfer, Devices };
    // row: the census row the nurse selected (Admit: its bed if vacant; Transfer/Devices: the patient).
    CensusDialog(Mode mode, AlarmController& alarms, const WardModels& models, const Site& site, int row,
                 QWidget* parent = nullptr);

    // Fields, for tests and the demo: ids, as the combo boxes' data.
    [[nodiscard]] QComboBox* bedBox() const { return m_bed; }
    [[nodiscard]] QComboBox* wristbandBox() const { return m_wristband; }
    [[nodiscard]] QComboBox* monitorBox() const { return m_monitor; }
    [[nodiscard]] QLineEdit* idEdit() const { return m_id; }
    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QLabel* errorLabel() const { return m_error; }
    // Sends the change; the dialog accepts when the core took it and shows the reason when not.
    void submit();

private:
    Mode m_mode;
    AlarmController& m_alarms;
    QString m_patientId;
    QComboBox* m_bed = nullptr;
    QComboBox* m_wristband = nullptr;
    QComboBox* m_monitor = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_ok = nullptr;
    bool m_waiting = false;
};

// The census tab's buttons: Admit…, Transfer…, Devices…, Discharge…, for the selected row.
class CensusActions : public QWidget
{
    Q_OBJECT
public:
    CensusActions(AlarmController& alarms, const WardModels& models, const Site& site, QTableView* census,
                  QWidget* parent = nullptr);

private:
    void updateButtons();
    void open(CensusDialog::Mode mode);
    void discharge();

    AlarmController& m_alarms;
    const WardModels& m_models;
    const Site& m_site;
    QTableView* m_census;
    QPushButton* m_admit;
    QPushButton* m_transfer;
    QPushButton* m_devices;
    QPushButton* m_discharge;
};

} // namespace ww
