#pragma once
// A room's climate setpoint change for the building-management system: temperature, humidity
// and ventilation mode (each may stay as it is), with why. Sent by the signed-in operator when the
// site's setpointRoles allow their role (the core checks and refuses otherwise); the dialog then
// follows the command: sent, received by the BMS, accepted (or declined, failed, or no answer
// within the site's timeout), each as the station logged it.
#include "domain/units.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ww {

class AlarmController;
struct Room;

class SetpointDialog : public QDialog
{
    Q_OBJECT
public:
    SetpointDialog(AlarmController& alarms, const Room& room, QWidget* parent = nullptr);
    [[nodiscard]] QCheckBox* temperatureOn() const { return m_tempOn; }
    // The temperature is typed in the unit shown (domain/units.h) and sent in °C.
    [[nodiscard]] QDoubleSpinBox* temperature() const { return m_temp; }
    [[nodiscard]] double temperatureC() const; // what send() sends, to 0.1 °C
    [[nodiscard]] QCheckBox* humidityOn() const { return m_rhOn; }
    [[nodiscard]] QDoubleSpinBox* humidity() const { return m_rh; }
    [[nodiscard]] QComboBox* ventilation() const { return m_mode; }
    [[nodiscard]] QLineEdit* reason() const { return m_reason; }
    [[nodiscard]] QPushButton* sendButton() const { return m_send; }
    [[nodiscard]] QLabel* status() const { return m_status; }

private:
    void send();
    void showIn(TemperatureUnit unit); // the field in unit, the value kept

    AlarmController& m_alarms;
    QString m_roomId;
    QString m_commandId; // the command this dialog follows (empty: none sent yet)
    TemperatureUnit m_unit = TemperatureUnit::Celsius; // of the temperature field
    QCheckBox* m_tempOn;
    QDoubleSpinBox* m_temp;
    QCheckBox* m_rhOn;
    QDoubleSpinBox* m_rh;
    QComboBox* m_mode;
    QLineEdit* m_reason;
    QPushButton* m_send;
    QLabel* m_status;
};

} // namespace ww
