#include "ui/censusdialogs.h"
#include "ui/theme.h"
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

namespace ww {

namespace {

// Beds nobody lies in, "Bed (room)", id as data; selected first if vacant.
void fillVacantBeds(QComboBox* box, const WardModels& models, const Site& site, const QString& selected)
{
    for (const PatientRow& p : models.patients.rows()) {
        if (!p.vacant() || p.bed.isEmpty())
            continue;
        const Bed* bed = site.bed(p.bed);
        const Room* room = bed ? site.room(bed->room) : nullptr;
        box->addItem(room ? QStringLiteral("%1 (%2)").arg(p.bed, room->name) : p.bed, p.bed);
    }
    if (const int i = box->findData(selected); i >= 0)
        box->setCurrentIndex(i);
}

// Devices of a kind that no patient wears, plus the patient's own (current), plus "none".
void fillDevices(QComboBox* box, DeviceKind kind, const WardModels& models, const QString& current)
{
    box->addItem(CensusDialog::tr("none"), QString());
    QSet<QString> worn;
    for (const PatientRow& p : models.patients.rows())
        worn << p.wristband << p.monitor;
    for (const DeviceRow& d : models.devices.rows())
        if (d.kind == kind && (d.id == current || !worn.contains(d.id)))
            box->addItem(d.id == current ? CensusDialog::tr("%1 (now)").arg(d.id) : d.id, d.id);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    if (current.isEmpty() && box->count() > 1 && kind == DeviceKind::Wristband)
        box->setCurrentIndex(1); // a new patient gets a wristband unless the nurse says none
}

} // namespace

CensusDialog::CensusDialog(Mode mode, AlarmController& alarms, const WardModels& models, const Site& site, int row,
                           QWidget* parent)
    : QDialog(parent), m_mode(mode), m_alarms(alarms)
{
    const PatientRow* p = row >= 0 && row < models.patients.rowCount() ? &models.patients.rowAt(row) : nullptr;
    auto* form = new QFormLayout;
    if (mode == Mode::Admit) {
        setWindowTitle(tr("Admit a patient"));
        m_bed = new QComboBox(this);
        fillVacantBeds(m_bed, models, site, p ? p->bed : QString());
        m_id = new QLineEdit(this);
        m_id->setPlaceholderText(tr("hospital number"));
        m_name = new QLineEdit(this);
        form->addRow(tr("Bed"), m_bed);
        form->addRow(tr("Patient id"), m_id);
        form->addRow(tr("Name"), m_name);
    } else {
        m_patientId = p ? p->id : QString();
        const QString who = p ? tr("%1 (%2), bed %3").arg(p->name, p->id, p->bed) : QString();
        form->addRow(tr("Patient"), new QLabel(who, this));
        if (mode == Mode::Transfer) {
            setWindowTitle(tr("Transfer to another bed"));
            m_bed = new QComboBox(this);
            fillVacantBeds(m_bed, models, site, {});
            form->addRow(tr("To bed"), m_bed);
        } else {
            setWindowTitle(tr("Wristband and monitor"));
        }
    }
    if (mode != Mode::Transfer) {
        m_wristband = new QComboBox(this);
        fillDevices(m_wristband, DeviceKind::Wristband, models, p && mode == Mode::Devices ? p->wristband : QString());
        m_monitor = new QComboBox(this);
        fillDevices(m_monitor, DeviceKind::VitalsMonitor, models, p && mode == Mode::Devices ? p->monitor : QString());
        form->addRow(tr("Wristband"), m_wristband);
        form->addRow(tr("Vitals monitor"), m_monitor);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("censusError"));
    setTextTone(m_error, TextTone::Error);
    m_error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(mode == Mode::Admit ? tr("Admit") : mode == Mode::Transfer ? tr("Transfer") : tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CensusDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_error);
    v->addWidget(buttons);
    if (m_bed && m_bed->count() == 0) {
        m_error->setText(tr("No bed is vacant."));
        m_ok->setEnabled(false);
    }
    // The core's answer to what this dialog sent (one change at a time per dialog).
    connect(&m_alarms, &AlarmController::censusResult, this, [this](bool ok, const QString& message) {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_ok->setEnabled(true);
        if (ok)
            accept();
        else
            m_error->setText(message);
    });
}

void CensusDialog::submit()
{
    m_error->clear();
    m_waiting = true;
    m_ok->setEnabled(false);
    const QString bed = m_bed ? m_bed->currentData().toString() : QString();
    const QString wristband = m_wristband ? m_wristband->currentData().toString() : QString();
    const QString monitor = m_monitor ? m_monitor->currentData().toString() : QString();
    switch (m_mode) {
    case Mode::Admit: m_alarms.admitPatient(bed, m_id->text(), m_name->text(), wristband, monitor); break;
    case Mode::Transfer: m_alarms.transferPatient(m_patientId, bed); break;
    case Mode::Devices: m_alarms.pairDevices(m_patientId, wristband, monitor); break;
    }
}

CensusActions::CensusActions(AlarmController& alarms, const WardModels& models, const Site& site, QTableView* census,
                             QWidget* parent)
    : QWidget(parent), m_alarms(alarms), m_models(models), m_site(site), m_census(census),
      m_admit(new QPushButton(tr("Admit…"), this)), m_transfer(new QPushButton(tr("Transfer…"), this)),
      m_devices(new QPushButton(tr("Wristband and monitor…"), this)), m_discharge(new QPushButton(tr("Discharge…"), this))
{
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(6, 4, 6, 4);
    for (QPushButton* b : {m_admit, m_transfer, m_devices, m_discharge})
        h->addWidget(b);
    h->addStretch(1);
    m_admit->setObjectName(QStringLiteral("admit"));
    m_transfer->setObjectName(QStringLiteral("transfer"));
    m_devices->setObjectName(QStringLiteral("devices"));
    m_discharge->setObjectName(QStringLiteral("discharge"));
    connect(m_admit, &QPushButton::clicked, this, [this] { open(CensusDialog::Mode::Admit); });
    connect(m_transfer, &QPushButton::clicked, this, [this] { open(CensusDialog::Mode::Transfer); });
    connect(m_devices, &QPushButton::clicked, this, [this] { open(CensusDialog::Mode::Devices); });
    connect(m_discharge, &QPushButton::clicked, this, &CensusActions::discharge);
    connect(m_census->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CensusActions::updateButtons);
    connect(&m_models.patients, &QAbstractItemModel::dataChanged, this, &CensusActions::updateButtons);
    updateButtons();
}

void CensusActions::updateButtons()
{
    const int row = m_census->currentIndex().row();
    const bool patient = row >= 0 && !m_models.patients.rowAt(row).vacant();
    m_transfer->setEnabled(patient);
    m_devices->setEnabled(patient);
    m_discharge->setEnabled(patient);
}

void CensusActions::open(CensusDialog::Mode mode)
{
    CensusDialog d(mode, m_alarms, m_models, m_site, m_census->currentIndex().row(), this);
    d.exec();
}

void CensusActions::discharge()
{
    const int row = m_census->currentIndex().row();
    if (row < 0 || m_models.patients.rowAt(row).vacant())
        return;
    const PatientRow& p = m_models.patients.rowAt(row);
    const QString id = p.id;
    if (QMessageBox::question(this, tr("Discharge"),
                              tr("Discharge %1 (%2) from bed %3? Their alarms end and their wristband and monitor go back "
                                 "to the ward's stock.").arg(p.name, p.id, p.bed)) == QMessageBox::Yes)
        m_alarms.dischargePatient(id);
}

} // namespace ww
