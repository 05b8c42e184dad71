#include "ui/setpointdialog.h"
#include "domain/site.h"
#include "models/alarmcontroller.h"
#include "models/stationcolours.h"
#include "ui/language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace ww {

SetpointDialog::SetpointDialog(AlarmController& alarms, const Room& room, QWidget* parent)
    : QDialog(parent), m_alarms(alarms), m_roomId(room.id), m_tempOn(new QCheckBox(this)),
      m_temp(new QDoubleSpinBox(this)), m_rhOn(new QCheckBox(this)), m_rh(new QDoubleSpinBox(this)),
      m_mode(new QComboBox(this)), m_reason(new QLineEdit(this)), m_send(new QPushButton(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("setpointDialog"));
    m_temp->setObjectName(QStringLiteral("setpointTemperature"));
    m_temp->setDecimals(1);
    m_temp->setRange(SetpointLimits::MinTemperatureC, SetpointLimits::MaxTemperatureC);
    m_temp->setValue(22.0);
    showIn(temperatureUnit());
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &SetpointDialog::showIn);
    m_rh->setRange(SetpointLimits::MinHumidityPct, SetpointLimits::MaxHumidityPct);
    m_rh->setDecimals(0);
    m_rh->setSuffix(QStringLiteral(" %"));
    m_rh->setValue(45);
    for (VentilationMode mode : {VentilationMode::Unchanged, VentilationMode::Normal, VentilationMode::Boost, VentilationMode::Setback})
        m_mode->addItem(QString(), int(mode));
    m_reason->setMaxLength(200);
    m_tempOn->setChecked(true);
    m_rh->setEnabled(false);
    connect(m_tempOn, &QCheckBox::toggled, m_temp, &QWidget::setEnabled);
    connect(m_rhOn, &QCheckBox::toggled, m_rh, &QWidget::setEnabled);
    m_status->setObjectName(QStringLiteral("setpointStatus"));
    m_status->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("sendSetpoint"));

    auto* form = new QFormLayout;
    auto* roomName = new QLabel(this);
    auto *roomLabel = new QLabel(this), *modeLabel = new QLabel(this), *reasonLabel = new QLabel(this);
    form->addRow(roomLabel, roomName);
    form->addRow(m_tempOn, m_temp);
    form->addRow(m_rhOn, m_rh);
    form->addRow(modeLabel, m_mode);
    form->addRow(reasonLabel, m_reason);
    modeLabel->setBuddy(m_mode);
    reasonLabel->setBuddy(m_reason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_send, &QPushButton::clicked, this, &SetpointDialog::send);
    auto* v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_status);
    v->addWidget(buttons);
    // The texts in the language shown, now and after a switch (the values typed stay).
    onLanguageChange(this, [this, roomName, roomLabel, modeLabel, reasonLabel, siteName = room.name] {
        const QString name = QCoreApplication::translate("site", siteName.toUtf8().constData());
        setWindowTitle(tr("Climate setpoint: %1").arg(name));
        roomName->setText(name);
        m_tempOn->setText(tr("Temperature"));
        m_rhOn->setText(tr("Relative humidity"));
        m_send->setText(tr("Send to the BMS"));
        const QString modes[] = {tr("unchanged"), tr("normal (occupied)"), tr("boost (purge)"), tr("setback (unoccupied)")};
        for (int i = 0; i < m_mode->count(); ++i)
            m_mode->setItemText(i, modes[i]);
        m_reason->setPlaceholderText(tr("Why (logged with your name)"));
        roomLabel->setText(tr("Room"));
        modeLabel->setText(tr("Ventilation"));
        reasonLabel->setText(tr("Reason"));
    });

    // The command's progress as the station logs it; a refusal of this dialog's request too.
    connect(&alarms, &AlarmController::setpointProgress, this,
            [this](const QString& commandId, const QString& roomId, bool ok, const QString& text) {
                if (roomId != m_roomId || (!commandId.isEmpty() && !m_commandId.isEmpty() && commandId != m_commandId))
                    return;
                if (!commandId.isEmpty())
                    m_commandId = commandId;
                m_status->setText(ok ? text : QStringLiteral("<b style=\"color:%1\">%2</b>").arg(errorTextColour().name(), text.toHtmlEscaped()));
            });
}

void SetpointDialog::showIn(TemperatureUnit unit)
{
    const double c = toCelsius(m_temp->value(), m_unit);
    m_unit = unit;
    // The limits in the unit, rounded inwards to the field's 0.1 so that none lies outside the core's.
    m_temp->setRange(std::ceil(fromCelsius(SetpointLimits::MinTemperatureC, unit) * 10) / 10,
                     std::floor(fromCelsius(SetpointLimits::MaxTemperatureC, unit) * 10) / 10);
    m_temp->setSingleStep(unit == TemperatureUnit::Fahrenheit ? 1.0 : 0.5);
    m_temp->setSuffix(u' ' + temperatureUnitSymbol(unit));
    m_temp->setValue(fromCelsius(c, unit));
}

double SetpointDialog::temperatureC() const
{
    return std::round(toCelsius(m_temp->value(), m_unit) * 10) / 10;
}

void SetpointDialog::send()
{
    ClimateSetpointRequest r;
    r.roomId = m_roomId;
    if (m_tempOn->isChecked())
        r.temperatureC = temperatureC();
    if (m_rhOn->isChecked())
        r.humidityPct = m_rh->value();
    r.ventilation = VentilationMode(m_mode->currentData().toInt());
    r.reason = m_reason->text().simplified();
    m_commandId.clear();
    m_status->setText(tr("Sending…"));
    m_alarms.sendSetpoint(r);
}

} // namespace ww
