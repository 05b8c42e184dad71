#include "ui/shiftdialogs.h"
#include "ui/language.h"
#include "ui/theme.h"
#include "models/alarmcontroller.h"
#include "models/stationfilter.h"
#include "models/wardmodels.h"
#include "ui/alarmwidgets.h"
#include "ui/shiftreportview.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QApplication>
#include <QPainter>
#include <QPushButton>
#include <algorithm>
#include <QSettings>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ww {

std::vector<const StaffMember*> nursesOf(const Site& site)
{
    std::vector<const StaffMember*> out;
    for (const StaffMember& s : site.staff)
        if (s.role.contains(QLatin1String("nurse"), Qt::CaseInsensitive))
            out.push_back(&s);
    return out;
}

// --- risk chips -----------------------------------------------------------------------------

namespace {

QColor chipColour(int i)
{
    // Fall amber, elopement violet, bed exit teal: none of them an alarm colour.
    static const QColor colours[] = {QColor(0xb3, 0x5c, 0x00), QColor(0x6a, 0x1b, 0x9a), QColor(0x00, 0x69, 0x5c)};
    return colours[std::clamp(i, 0, 2)];
}

} // namespace

void RiskChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    (opt.widget ? opt.widget->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QModelIndex i = index.siblingAtColumn(0);
    const bool flags[] = {i.data(PatientModel::FallRiskRole).toBool(), i.data(PatientModel::ElopementRiskRole).toBool(),
                          i.data(PatientModel::BedExitArmedRole).toBool()};
    const QStringList chips = index.data(PatientModel::RiskFlagsRole).toStringList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont f = option.font;
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    painter->setFont(f);
    const QFontMetrics fm(f);
    int x = option.rect.left() + 3;
    int chip = 0;
    for (int k = 0; k < 3; ++k) {
        if (!flags[k] || chip >= chips.size())
            continue;
        const QString text = chips.at(chip++);
        const QRect r(x, option.rect.center().y() - fm.height() / 2 - 1, fm.horizontalAdvance(text) + 10, fm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(chipColour(k));
        painter->drawRoundedRect(r, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(r, Qt::AlignCenter, text);
        x = r.right() + 4;
    }
    painter->restore();
}

QSize RiskChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QFont f = option.font;
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.9);
    const QFontMetrics fm(f);
    int w = 6;
    for (const QString& c : index.data(PatientModel::RiskFlagsRole).toStringList())
        w += fm.horizontalAdvance(c) + 14;
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(w, fm.horizontalAdvance(PatientModel::tr("Risk")) + 12), std::max(base.height(), fm.height() + 6)};
}

// --- take patients --------------------------------------------------------------------------

TakePatientsDialog::TakePatientsDialog(AlarmController& alarms, const WardModels& models, QWidget* parent)
    : QDialog(parent), m_alarms(alarms), m_list(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("takePatients"));
    const QString me = alarms.operatorId();
    for (const PatientRow& p : models.patients.rows()) {
        if (p.vacant())
            continue;
        auto* box = new QStandardItem;
        box->setCheckable(true);
        box->setCheckState(p.nurseId == me ? Qt::Checked : Qt::Unchecked);
        box->setData(p.id, Qt::UserRole);
        box->setData(p.nurseId == me, Qt::UserRole + 1);
        box->setEditable(false);
        auto* nurse = new QStandardItem(p.nurseId.isEmpty() ? QString() : p.nurseName.isEmpty() ? p.nurseId : p.nurseName);
        if (p.nurseId.isEmpty()) {
            nurse->setForeground(mutedColour());
            QFont italic;
            italic.setItalic(true);
            nurse->setFont(italic);
        }
        QList<QStandardItem*> row{box, new QStandardItem(p.bed), new QStandardItem(p.name), nurse, new QStandardItem};
        for (QStandardItem* i : row)
            i->setEditable(false);
        m_list->appendRow(row);
    }
    auto* view = new QTableView(this);
    view->setObjectName(QStringLiteral("patients"));
    view->setModel(m_list);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    // A click anywhere on a row ticks its box.
    connect(view, &QTableView::clicked, this, [this](const QModelIndex& i) {
        if (i.column() == 0)
            return;
        QStandardItem* box = m_list->item(i.row(), 0);
        box->setCheckState(box->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    auto* hint = new QLabel(this);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        submit();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* v = new QVBoxLayout(this);
    v->addWidget(hint);
    v->addWidget(view, 1);
    v->addWidget(buttons);
    resize(620, 560);
    // The texts in the language shown, now and after a switch; the ticks stay.
    onLanguageChange(this, [this, &models = std::as_const(models), hint] {
        setWindowTitle(tr("Take patients as %1").arg(m_alarms.operatorName()));
        m_list->setHorizontalHeaderLabels({tr("Mine"), tr("Bed"), tr("Patient"), tr("Nurse now"), tr("Risk")});
        for (int r = 0; r < m_list->rowCount(); ++r) {
            const int row = models.patients.rowOf(m_list->item(r, 0)->data(Qt::UserRole).toString());
            if (row < 0)
                continue;
            const PatientRow& p = models.patients.rowAt(row);
            if (p.nurseId.isEmpty())
                m_list->item(r, 3)->setText(tr("unassigned"));
            m_list->item(r, 4)->setText(riskChips(p).join(QStringLiteral(" · ")));
        }
        hint->setText(tr("Tick the patients you look after this shift. A patient another nurse has moves to you."));
    });
}

int TakePatientsDialog::submit()
{
    int sent = 0;
    for (int r = 0; r < m_list->rowCount(); ++r) {
        const QStandardItem* box = m_list->item(r, 0);
        const bool was = box->data(Qt::UserRole + 1).toBool();
        const bool now = box->checkState() == Qt::Checked;
        if (was == now)
            continue;
        const QString id = box->data(Qt::UserRole).toString();
        if (now)
            m_alarms.takePatient(id);
        else
            m_alarms.assignPatient(id, {}); // given up: unassigned
        ++sent;
    }
    return sent;
}

// --- assign ---------------------------------------------------------------------------------

AssignDialog::AssignDialog(AlarmController& alarms, const WardModels& models, const Site& site, QWidget* parent)
    : QDialog(parent), m_patient(new QComboBox(this)), m_nurse(new QComboBox(this)), m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("assignDialog"));
    m_patient->setObjectName(QStringLiteral("patient"));
    m_nurse->setObjectName(QStringLiteral("nurse"));
    for (const PatientRow& p : models.patients.rows())
        if (!p.vacant())
            m_patient->addItem(QString(), p.id);
    m_nurse->addItem(QString(), QString()); // nobody
    for (const StaffMember* s : nursesOf(site))
        m_nurse->addItem(QStringLiteral("%1 (%2)").arg(s->name, s->role), s->id);
    m_result->setWordWrap(true);
    auto* form = new QFormLayout(this);
    auto *patientLabel = new QLabel(this), *nurseLabel = new QLabel(this);
    patientLabel->setBuddy(m_patient);
    nurseLabel->setBuddy(m_nurse);
    form->addRow(patientLabel, m_patient);
    form->addRow(nurseLabel, m_nurse);
    form->addRow(m_result);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* assign = buttons->addButton(QString(), QDialogButtonBox::ApplyRole);
    assign->setObjectName(QStringLiteral("assign"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(assign, &QPushButton::clicked, this, [this, &alarms] {
        m_result->setText(tr("Sending…"));
        alarms.assignPatient(m_patient->currentData().toString(), m_nurse->currentData().toString());
    });
    connect(&alarms, &AlarmController::careResult, this, [this](bool ok, const QString& text) {
        m_result->setText(text);
        setTextTone(m_result, ok ? TextTone::Normal : TextTone::Error, !ok);
    });
    // The texts in the language shown, now and after a switch; the choices stay.
    onLanguageChange(this, [this, &models = std::as_const(models), patientLabel, nurseLabel, assign] {
        setWindowTitle(tr("Assign a patient"));
        for (int i = 0; i < m_patient->count(); ++i)
            if (const int row = models.patients.rowOf(m_patient->itemData(i).toString()); row >= 0) {
                const PatientRow& p = models.patients.rowAt(row);
                m_patient->setItemText(i, tr("%1, bed %2 (%3)").arg(p.name, p.bed, p.nurseId.isEmpty() ? tr("unassigned") : p.nurseName));
            }
        m_nurse->setItemText(0, tr("nobody (unassigned)"));
        patientLabel->setText(tr("Patient"));
        nurseLabel->setText(tr("Nurse"));
        assign->setText(tr("Assign"));
    });
}

// --- menus and status -----------------------------------------------------------------------

ShiftControls::ShiftControls(QMainWindow& window, AlarmController& alarms, WardModels& models, const Site& site, StationFilter& filter)
    : QObject(&window), m_window(window), m_alarms(alarms), m_models(models), m_site(site), m_filter(filter),
      m_charge(new QLabel(&window)), m_remote(new QLabel(&window))
{
    QMenu* shift = window.menuBar()->addMenu(tr("&Shift"));
    m_takeCharge = shift->addAction(tr("Take charge"), this, [this] { m_alarms.takeCharge(); });
    m_takeCharge->setObjectName(QStringLiteral("takeCharge"));
    m_takePatients = shift->addAction(tr("Take patients…"), this, [this] {
        auto* d = new TakePatientsDialog(m_alarms, m_models, &m_window);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    m_takePatients->setObjectName(QStringLiteral("takePatients"));
    m_assign = shift->addAction(tr("Assign…"), this, [this] {
        auto* d = new AssignDialog(m_alarms, m_models, m_site, &m_window);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    m_assign->setObjectName(QStringLiteral("assign"));
    // Handover: the last 12 hours from this station's log, the beds occupied now taken as occupied
    // at the start (a bed changed since is in the census record, which the report reads).
    m_report = shift->addAction(tr("Shift report…"), this, [this] {
        if (m_alarms.logPath().isEmpty())
            return;
        auto* report = new ShiftReportView;
        report->setAttribute(Qt::WA_DeleteOnClose);
        report->setWindowTitle(tr("Shift report"));
        report->resize(980, 820);
        ShiftReportOptions options;
        for (const PatientRow& p : m_models.patients.rows())
            if (!p.vacant())
                options.occupiedAtStart << p.bed;
        options.occupiedAtStartGiven = true;
        const qint64 now = m_alarms.clock().nowMs();
        report->load(m_alarms.logPath(), now - ShiftReportHours * 3'600'000LL, now, options);
        report->show();
    });
    m_report->setObjectName(QStringLiteral("shiftReport"));
    shift->addSeparator();
    m_mine = shift->addAction(tr("My patients only"));
    m_mine->setObjectName(QStringLiteral("myPatients"));
    m_mine->setCheckable(true);
    m_mine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_mine->setToolTip(tr("The census, the alarm list and the plan show your patients (alarms of no patient stay)"));
    connect(m_mine, &QAction::toggled, &m_filter, &StationFilter::setMyPatients);

    QMenu* view = window.menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QMenu* scope = view->addMenu(tr("Station scope"));
    scope->setObjectName(QStringLiteral("scopeMenu"));
    m_scopes = new QActionGroup(this);
    m_scopes->setExclusive(true);
    for (const auto& [key, text] : filter.scopes()) {
        QAction* a = scope->addAction(text);
        a->setCheckable(true);
        a->setData(key);
        m_scopes->addAction(a);
    }
    connect(m_scopes, &QActionGroup::triggered, this, [this](QAction* a) { setScope(a->data().toString()); });
    // Help stays last.
    for (QAction* a : window.menuBar()->actions())
        if (a->menu() && a->menu() != shift && a->menu() != view) {
            window.menuBar()->removeAction(a);
            window.menuBar()->addAction(a);
        }
    setScope(QSettings().value(QLatin1String(ScopeKey)).toString());

    m_charge->setObjectName(QStringLiteral("chargeNurse"));
    m_remote->setObjectName(QStringLiteral("remotePauses"));
    setTextTone(m_remote, TextTone::Warning, true);
    window.statusBar()->addPermanentWidget(m_remote);
    window.statusBar()->addPermanentWidget(m_charge);
    connect(&alarms, &AlarmController::operatorChanged, this, &ShiftControls::refreshOperator);
    connect(&alarms, &AlarmController::chargeNurseChanged, this, [this](const QString&, const QString& name) {
        m_charge->setText(name.isEmpty() ? tr("Charge: nobody") : tr("Charge: %1").arg(name));
        refreshOperator();
    });
    connect(&alarms, &AlarmController::remotePausesChanged, this, &ShiftControls::refreshRemotePauses);
    // A nurse who just took their first patients sees them at once; the menu follows the switch
    // wherever it was made (here or over the alarm list).
    connect(&filter, &StationFilter::changed, this, [this] {
        const bool have = !m_filter.myPatientIds().isEmpty();
        const bool first = have && !m_hadMine;
        m_hadMine = have;
        if (first && m_autoMine)
            m_filter.setMyPatients(true);
        const QSignalBlocker b(m_mine);
        m_mine->setChecked(m_filter.myPatients());
    });
    connect(m_mine, &QAction::triggered, this, [this] { m_autoMine = false; });
    // Built again on a language change: the charge nurse already known is shown at once.
    const StaffMember* charge = m_site.staffMember(alarms.chargeNurseId());
    m_charge->setText(charge ? tr("Charge: %1").arg(charge->name) : tr("Charge: nobody"));
    refreshOperator();
    refreshRemotePauses();
}

void ShiftControls::setScope(const QString& scope)
{
    m_filter.setScope(scope);
    QSettings().setValue(QLatin1String(ScopeKey), m_filter.scope());
    for (QAction* a : m_scopes->actions())
        a->setChecked(a->data().toString() == m_filter.scope());
}

void ShiftControls::refreshOperator()
{
    const QString me = m_alarms.operatorId();
    const bool in = !me.isEmpty();
    const bool charge = in && me == m_alarms.chargeNurseId();
    m_takeCharge->setEnabled(in && !charge);
    m_takePatients->setEnabled(in);
    m_assign->setEnabled(charge);
    m_assign->setToolTip(charge ? QString() : tr("Only the charge nurse assigns patients"));
    m_mine->setEnabled(in);
    if (me == m_lastOperator)
        return;
    // A new operator: "my patients" on for a nurse with patients; a charge nurse looks at everyone.
    m_lastOperator = me;
    const StaffMember* s = in ? m_site.staffMember(me) : nullptr;
    const bool nurse = s && s->role.contains(QLatin1String("nurse"), Qt::CaseInsensitive) && !charge &&
                       !s->role.contains(QLatin1String("charge"), Qt::CaseInsensitive);
    m_autoMine = false;
    m_filter.setNurse(me);
    m_autoMine = nurse; // taking the first patients turns it on too
    m_filter.setMyPatients(nurse && !m_filter.myPatientIds().isEmpty());
}

void ShiftControls::refreshRemotePauses()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList parts;
    for (const AlarmController::RemotePause& p : m_alarms.remotePauses()) {
        const qint64 s = (p.untilMs - now + 999) / 1000;
        if (s <= 0)
            continue;
        parts << tr("AUDIO PAUSED at %1 by %2, %3:%4 left")
                     .arg(p.stationId, p.operatorName.isEmpty() ? tr("nobody signed in") : p.operatorName)
                     .arg(s / 60)
                     .arg(s % 60, 2, 10, QChar(u'0'));
    }
    m_remote->setText(parts.join(QStringLiteral(" · ")));
    m_remote->setVisible(!parts.isEmpty());
}

} // namespace ww
