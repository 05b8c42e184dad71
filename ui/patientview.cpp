#include "ui/patientview.h"
#include "ui/theme.h"
#include "core/wardcore.h"
#include "domain/conditiontext.h"
#include "domain/units.h"
#include "models/alarmcontroller.h"
#include "models/alarmfilter.h"
#include "models/wardmodels.h"
#include "ui/alarmwidgets.h"
#include "ui/shiftdialogs.h"
#include "ui/trackmap.h"
#include "ui/trendviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QThreadPool>
#include <QUuid>
#include <QVBoxLayout>
#include <algorithm>

namespace ww {

namespace {

QGroupBox* group(const QString& title, const QString& name, QWidget* parent)
{
    auto* g = new QGroupBox(title, parent);
    g->setObjectName(name);
    return g;
}

QTableView* table(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* t = new QTableView(parent);
    t->setObjectName(name);
    t->setModel(model);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

// The open-alarm columns that matter for one patient: what, how urgent, for how long, handled or not.
void alarmColumns(QTableView* t)
{
    for (int c = 0; c < AlarmListModel::ColumnCount; ++c)
        t->setColumnHidden(c, c != AlarmListModel::PriorityCol && c != AlarmListModel::ConditionCol &&
                                  c != AlarmListModel::OpenCol && c != AlarmListModel::StateCol);
    t->horizontalHeader()->setSectionResizeMode(AlarmListModel::ConditionCol, QHeaderView::Stretch);
    t->horizontalHeader()->setStretchLastSection(false);
}

QString durationText(qint64 ms)
{
    const qint64 min = ms / 60'000;
    return min < 60 ? PatientView::tr("%1 min").arg(min) : PatientView::tr("%1 h %2 min").arg(min / 60).arg(min % 60);
}

} // namespace

PatientView::PatientView(const QString& patientId, AlarmController& alarms, WardModels& models, const Site& site, QWidget* parent)
    : QDialog(parent), m_patientId(patientId), m_alarms(alarms), m_models(models), m_site(site),
      m_row(models.patients.rowOf(patientId)), m_title(new QLabel(this)), m_trends(new VitalsTrendView(models, this)),
      m_openProxy(new AlarmFilterProxy(alarms.alarms(), &site, this)),
      m_reminderProxy(new AlarmFilterProxy(alarms.alarms(), &site, this)), m_noReminders(new QLabel(this)),
      m_pastModel(new QStandardItemModel(this)), m_pastStatus(new QLabel(this)), m_trackModel(new QStandardItemModel(this)),
      m_trackStatus(new QLabel(this)), m_map(new TrackMap(site, this)), m_devices(new QLabel(this)), m_fall(new QCheckBox(tr("Fall risk"), this)),
      m_elope(new QCheckBox(tr("Elopement risk (exit alarm)"), this)), m_bedExit(new QCheckBox(tr("Bed-exit alarm armed"), this)),
      m_nurse(new QLabel(this)), m_take(new QPushButton(tr("Take patient"), this)), m_assignTo(new QComboBox(this)),
      m_assign(new QPushButton(tr("Assign"), this)), m_reposition(new QSpinBox(this)), m_medication(new QLineEdit(this)),
      m_saveSchedule(new QPushButton(tr("Save schedule"), this)), m_scheduleError(new QLabel(this))
{
    setObjectName(QStringLiteral("patientView"));
    setAttribute(Qt::WA_DeleteOnClose);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() / fontScale() + 4); // written unscaled: large type scales it (ui/theme.h)
    big.setBold(true);
    m_title->setFont(big);
    m_title->setObjectName(QStringLiteral("patientTitle"));

    // Left: the trends with NEWS2.
    auto* trendBox = group(tr("Vital signs and NEWS2"), QStringLiteral("trends"), this);
    (new QVBoxLayout(trendBox))->addWidget(m_trends);
    m_trends->setPatient(m_row);

    // Right, top: the care plan (who, risk flags).
    auto* assignment = group(tr("Assigned nurse"), QStringLiteral("assignment"), this);
    auto* al = new QGridLayout(assignment);
    m_nurse->setObjectName(QStringLiteral("nurse"));
    m_take->setObjectName(QStringLiteral("take"));
    m_assignTo->setObjectName(QStringLiteral("assignTo"));
    m_assign->setObjectName(QStringLiteral("assign"));
    for (const StaffMember* s : nursesOf(site))
        m_assignTo->addItem(QStringLiteral("%1 (%2)").arg(s->name, s->role), s->id);
    al->addWidget(m_nurse, 0, 0, 1, 2);
    al->addWidget(m_take, 0, 2);
    al->addWidget(m_assignTo, 1, 0, 1, 2);
    al->addWidget(m_assign, 1, 2);
    al->setColumnStretch(0, 1);
    connect(m_take, &QPushButton::clicked, this, [this] { m_alarms.takePatient(m_patientId); });
    connect(m_assign, &QPushButton::clicked, this, [this] { m_alarms.assignPatient(m_patientId, m_assignTo->currentData().toString()); });
    connect(&alarms, &AlarmController::operatorChanged, this, &PatientView::refreshAssignment);
    connect(&alarms, &AlarmController::chargeNurseChanged, this, &PatientView::refreshAssignment);

    auto* flags = group(tr("Risk flags"), QStringLiteral("flags"), this);
    auto* fl = new QVBoxLayout(flags);
    m_fall->setObjectName(QStringLiteral("fallRisk"));
    m_elope->setObjectName(QStringLiteral("elopementRisk"));
    m_bedExit->setObjectName(QStringLiteral("bedExitArmed"));
    for (QCheckBox* c : {m_fall, m_elope, m_bedExit}) {
        fl->addWidget(c);
        // A click sends all three (recorded and shared); the boxes follow the census row as it comes back.
        connect(c, &QCheckBox::clicked, this, &PatientView::applyFlags);
    }
    auto* limits = new QPushButton(tr("NEWS2 inputs and alarm limits…"), flags);
    limits->setObjectName(QStringLiteral("limits"));
    fl->addWidget(limits);
    connect(limits, &QPushButton::clicked, this, [this] {
        const PatientRow* p = row();
        // The main window's when there is one: it stays open when this view is built again in
        // another language.
        auto* d = new PatientAlarmDialog(m_alarms, m_patientId, p ? p->name : m_patientId, parentWidget() ? parentWidget() : this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    // A refused change (not signed in): the boxes show the plan in force again.
    connect(&alarms, &AlarmController::careResult, this, [this](bool ok) {
        if (!ok)
            refreshPatient();
    });
    connect(&alarms, &AlarmController::censusResult, this, [this](bool ok) {
        if (!ok)
            refreshPatient();
    });

    auto* devices = group(tr("Devices"), QStringLiteral("devices"), this);
    m_devices->setObjectName(QStringLiteral("deviceState"));
    m_devices->setTextFormat(Qt::RichText);
    m_devices->setWordWrap(true);
    (new QVBoxLayout(devices))->addWidget(m_devices);

    // Open alarms (reminders apart) and reminders, live from the station's list.
    auto* open = group(tr("Open alarms"), QStringLiteral("alarms"), this);
    m_openProxy->setPatient(patientId);
    m_openProxy->setRulePrefixes({}, QStringLiteral("reminder."));
    m_open = table(m_openProxy, QStringLiteral("openAlarms"), open);
    alarmColumns(m_open);
    (new QVBoxLayout(open))->addWidget(m_open);
    auto* reminders = group(tr("Reminders"), QStringLiteral("reminders"), this);
    m_reminderProxy->setPatient(patientId);
    m_reminderProxy->setRulePrefixes(QStringLiteral("reminder."), {});
    m_reminders = table(m_reminderProxy, QStringLiteral("reminderList"), reminders);
    alarmColumns(m_reminders);
    m_noReminders->setText(tr("No reminder due."));
    m_noReminders->setObjectName(QStringLiteral("noReminders"));
    auto* rl = new QVBoxLayout(reminders);
    rl->addWidget(m_noReminders);
    rl->addWidget(m_reminders);
    // The patient's schedules: repositioning interval and own medication times (the ward's rounds
    // when empty), recorded and shared like the rest of the plan.
    auto* schedule = new QGridLayout;
    m_reposition->setObjectName(QStringLiteral("repositionEvery"));
    m_reposition->setRange(0, 24 * 60);
    m_reposition->setSingleStep(30);
    m_reposition->setSuffix(tr(" min"));
    m_reposition->setSpecialValueText(tr("no repositioning"));
    m_medication->setObjectName(QStringLiteral("medicationTimes"));
    m_medication->setPlaceholderText(tr("the ward's rounds"));
    m_medication->setToolTip(tr("Times of day, HH:MM, separated by commas, in the ward's time zone"));
    m_saveSchedule->setObjectName(QStringLiteral("saveSchedule"));
    m_scheduleError->setObjectName(QStringLiteral("scheduleError"));
    setTextTone(m_scheduleError, TextTone::Error);
    m_scheduleError->setWordWrap(true);
    m_scheduleError->hide();
    schedule->addWidget(new QLabel(tr("Reposition every"), reminders), 0, 0);
    schedule->addWidget(m_reposition, 0, 1);
    schedule->addWidget(new QLabel(tr("Medication at"), reminders), 1, 0);
    schedule->addWidget(m_medication, 1, 1);
    schedule->addWidget(m_saveSchedule, 1, 2);
    schedule->setColumnStretch(1, 1);
    rl->addLayout(schedule);
    rl->addWidget(m_scheduleError);
    connect(m_saveSchedule, &QPushButton::clicked, this, &PatientView::applySchedule);
    connect(m_medication, &QLineEdit::returnPressed, this, &PatientView::applySchedule);
    auto showReminders = [this] {
        const bool any = m_reminderProxy->rowCount() > 0;
        m_noReminders->setVisible(!any);
        m_reminders->setVisible(any);
    };
    connect(m_reminderProxy, &QAbstractItemModel::rowsInserted, this, showReminders);
    connect(m_reminderProxy, &QAbstractItemModel::rowsRemoved, this, showReminders);
    connect(m_reminderProxy, &QAbstractItemModel::modelReset, this, showReminders);
    showReminders();
    // Past alarms (the log, last 24 h) and where the patient was (last 4 h).
    auto* past = group(tr("Past alarms (24 h)"), QStringLiteral("pastAlarms"), this);
    m_past = table(m_pastModel, QStringLiteral("pastAlarmList"), past);
    auto* pl = new QVBoxLayout(past);
    pl->addWidget(m_past);
    pl->addWidget(m_pastStatus);
    auto* where = group(tr("Where (4 h): click the path or double-click a stay to see the plan then"), QStringLiteral("locations"), this);
    m_track = table(m_trackModel, QStringLiteral("locationList"), where);
    auto* wl = new QGridLayout(where);
    wl->addWidget(m_map, 0, 0, 2, 1);
    wl->addWidget(m_track, 0, 1);
    wl->addWidget(m_trackStatus, 1, 1);
    wl->setColumnStretch(0, 3);
    wl->setColumnStretch(1, 2);
    connect(m_map, &TrackMap::pointClicked, this, [this](qint64 timeMs) { Q_EMIT showOnPlan(m_patientId, timeMs); });
    connect(m_track, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
        if (i.row() >= 0 && i.row() < int(m_stays.size()))
            Q_EMIT showOnPlan(m_patientId, m_stays[size_t(i.row())].first);
    });
    if (WardCore* core = alarms.core())
        connect(core, &WardCore::track, this, [this](const QString& id, const QString&, const QVector<TrackPoint>& points) {
            if (id == m_trackRequest)
                showTrack(points);
        });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* onPlan = buttons->addButton(tr("Show on plan"), QDialogButtonBox::ActionRole);
    onPlan->setObjectName(QStringLiteral("showOnPlan"));
    auto* refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(onPlan, &QPushButton::clicked, this, [this] { Q_EMIT showOnPlan(m_patientId, 0); });
    connect(refresh, &QPushButton::clicked, this, &PatientView::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    // Layout: trends left (the full height), the rest in two columns right.
    auto* right = new QWidget(this);
    auto* grid = new QGridLayout(right);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(assignment, 0, 0);
    grid->addWidget(flags, 1, 0);
    grid->addWidget(devices, 2, 0);
    grid->addWidget(open, 0, 1, 2, 1);
    grid->addWidget(reminders, 2, 1);
    grid->addWidget(past, 3, 0, 1, 2);
    grid->addWidget(where, 4, 0, 1, 2);
    grid->setRowStretch(3, 1);
    grid->setRowStretch(4, 2);
    grid->setColumnStretch(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(trendBox);
    split->addWidget(right);
    split->setChildrenCollapsible(false);
    split->setSizes({480, 720});
    auto* v = new QVBoxLayout(this);
    v->addWidget(m_title);
    v->addWidget(split, 1);
    v->addWidget(buttons);

    connect(&models.patients, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        if (m_row >= from.row() && m_row <= to.row())
            refreshPatient();
    });
    connect(&models.devices, &QAbstractItemModel::dataChanged, this, &PatientView::refreshDevices);
    refreshPatient();
    resize(1240, 820);
    // Past alarms' conditions show temperatures in the unit of the moment.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &PatientView::reload);
    reload();
}

QGroupBox* PatientView::section(const QString& name) const
{
    return findChild<QGroupBox*>(name);
}

const PatientRow* PatientView::row() const
{
    if (m_row < 0 || m_row >= m_models.patients.rowCount() || m_models.patients.rowAt(m_row).id != m_patientId)
        return nullptr;
    return &m_models.patients.rowAt(m_row);
}

void PatientView::refreshPatient()
{
    const PatientRow* p = row();
    if (!p) { // discharged: the view says so and offers nothing to change
        m_title->setText(tr("%1: no longer in the census").arg(m_patientId));
        setWindowTitle(m_title->text());
        for (QWidget* w : std::initializer_list<QWidget*>{m_fall, m_elope, m_bedExit, m_take, m_assign, m_assignTo, m_reposition,
                                                          m_medication, m_saveSchedule})
            w->setEnabled(false);
        return;
    }
    QString title = tr("%1 – bed %2").arg(p->name, p->bed);
    if (p->news2 >= 0)
        title += tr(" – NEWS2 %1%2").arg(p->news2).arg(p->news2Partial ? tr(" (partial)") : QString());
    const QStringList chips = riskChips(*p);
    if (!chips.isEmpty())
        title += QStringLiteral(" – ") + chips.join(QStringLiteral(" · "));
    m_title->setText(title);
    setWindowTitle(tr("Patient: %1").arg(p->name));
    const QSignalBlocker b1(m_fall), b2(m_elope), b3(m_bedExit);
    // The schedule fields follow the plan in force unless the nurse is editing them.
    if (!m_medication->hasFocus() && !m_reposition->hasFocus()) {
        m_reposition->setValue(p->repositionEveryMin);
        m_medication->setText(p->medicationTimes.join(QStringLiteral(", ")));
    }
    m_fall->setChecked(p->fallRisk);
    m_elope->setChecked(p->elopementRisk);
    m_bedExit->setChecked(p->bedExitArmed);
    refreshAssignment();
    refreshDevices();
}

void PatientView::refreshAssignment()
{
    const PatientRow* p = row();
    if (!p)
        return;
    m_nurse->setText(p->nurseId.isEmpty() ? QStringLiteral("<i style=\"color:%1\">%2</i>").arg(mutedColour().name(), tr("unassigned"))
                                          : tr("<b>%1</b>").arg((p->nurseName.isEmpty() ? p->nurseId : p->nurseName).toHtmlEscaped()));
    const QString me = m_alarms.operatorId();
    m_take->setEnabled(!me.isEmpty() && p->nurseId != me);
    m_take->setToolTip(me.isEmpty() ? tr("Sign in to take this patient") : tr("Take this patient as %1").arg(m_alarms.operatorName()));
    // Only the charge nurse assigns other nurses' patients.
    const bool charge = !me.isEmpty() && me == m_alarms.chargeNurseId();
    m_assignTo->setVisible(charge);
    m_assign->setVisible(charge);
    for (QWidget* w : std::initializer_list<QWidget*>{m_fall, m_elope, m_bedExit, m_assignTo, m_assign, m_reposition, m_medication,
                                                      m_saveSchedule})
        w->setEnabled(true);
}

void PatientView::refreshDevices()
{
    const PatientRow* p = row();
    if (!p)
        return;
    QStringList lines;
    for (const QString& id : {p->wristband, p->monitor}) {
        if (id.isEmpty())
            continue;
        const DeviceRow* d = nullptr;
        for (const DeviceRow& r : m_models.devices.rows())
            if (r.id == id)
                d = &r;
        if (!d) {
            lines << tr("%1: not known to the site").arg(id.toHtmlEscaped());
            continue;
        }
        const QString kind = d->kind == DeviceKind::Wristband ? tr("Wristband") : tr("Monitor");
        const QString battery = d->batteryPct ? tr("battery %1 %").arg(*d->batteryPct) : tr("battery –");
        const bool low = d->batteryPct && *d->batteryPct < 20;
        const bool silent = d->signal == SignalState::NoSignal;
        lines << QStringLiteral("%1 <b>%2</b>: %3, %4").arg(kind, id.toHtmlEscaped(),
                                                           low ? QStringLiteral("<b style=\"color:%1\">%2</b>").arg(errorTextColour().name(), battery) : battery,
                                                           silent ? QStringLiteral("<b style=\"color:%1\">%2</b>").arg(errorTextColour().name(), signalText(d->signal))
                                                                  : signalText(d->signal)) +
                 (d->lastSeenMs ? tr(" (last heard %1)").arg(formatTime(d->lastSeenMs)) : QString());
    }
    m_devices->setText(lines.isEmpty() ? tr("No wristband or monitor") : lines.join(QStringLiteral("<br>")));
}

void PatientView::applyFlags()
{
    m_alarms.setRiskFlags(m_patientId, m_fall->isChecked(), m_elope->isChecked(), m_bedExit->isChecked());
}

void PatientView::applySchedule()
{
    // "08:00, 20:00" (commas or spaces); each must be a time of day, the field named when not.
    QStringList times;
    const QStringList parts = m_medication->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        if (!isTimeOfDay(parts[i])) {
            m_scheduleError->setText(tr("Medication at, time %1: \"%2\" is not a time of day (HH:MM, 00:00 to 23:59). Nothing was saved.")
                                         .arg(i + 1)
                                         .arg(parts[i].left(16)));
            m_scheduleError->show();
            return;
        }
        times << parts[i];
    }
    times.sort();
    times.removeDuplicates();
    m_scheduleError->hide();
    m_alarms.setCareSchedule(m_patientId, m_reposition->value(), times);
}

void PatientView::reload()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Past alarms: the log on a worker, as the history does.
    const QString path = m_alarms.logPath();
    const int generation = ++m_generation;
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        m_pastStatus->setText(path.isEmpty() ? tr("No alarm log at this station.") : tr("Nothing logged at this station yet."));
        m_pastModel->clear();
        Q_EMIT pastAlarmsLoaded(0);
    } else {
        LogFilter f;
        f.fromMs = now - PastAlarmsMs;
        f.patientId = m_patientId;
        f.alarmsOnly = true;
        m_pastStatus->setText(tr("Loading…"));
        QPointer<PatientView> self(this);
        QThreadPool::globalInstance()->start([self, path, f, generation] {
            QString error;
            auto entries = AlarmLog::query(path, f, &error);
            QMetaObject::invokeMethod(qApp, [self, entries = std::move(entries), error, generation] {
                if (!self || generation != self->m_generation)
                    return;
                QStandardItemModel* m = self->m_pastModel;
                m->clear();
                m->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("Priority"), tr("Condition"), tr("Operator"), tr("Comment")});
                for (const LogEntry& e : entries) {
                    const AlarmState& s = e.state;
                    m->appendRow({new QStandardItem(QDateTime::fromMSecsSinceEpoch(e.utcMs).toLocalTime().toString(QStringLiteral("MM-dd HH:mm:ss"))),
                                  new QStandardItem(e.kind),
                                  new QStandardItem(prioritySymbol(s.priority) + QChar(u' ') + priorityText(s.priority)),
                                  new QStandardItem(shownCondition(s)),
                                  new QStandardItem(e.operatorName.isEmpty() ? e.operatorId : e.operatorName),
                                  new QStandardItem(e.kind == QLatin1String("acknowledged") ? s.ackComment : QString())});
                }
                self->m_pastStatus->setText(error.isEmpty() ? tr("%n entries", nullptr, int(entries.size())) : error);
                Q_EMIT self->pastAlarmsLoaded(int(entries.size()));
            }, Qt::QueuedConnection);
        });
    }
    // Where: the wristband's track from the core.
    const PatientRow* p = row();
    WardCore* core = m_alarms.core();
    if (!core || !p || p->wristband.isEmpty()) {
        m_trackStatus->setText(!p || p->wristband.isEmpty() ? tr("No wristband: no locations") : tr("No locations at this station"));
        showTrack({});
        return;
    }
    m_trackRequest = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_trackStatus->setText(tr("Loading…"));
    QMetaObject::invokeMethod(core, [core, id = m_trackRequest, tag = p->wristband, now] {
        core->queryTrack(id, tag, now - TrackMs, now);
    }, Qt::QueuedConnection);
}

void PatientView::showTrack(const QVector<TrackPoint>& points)
{
    m_map->setTrack(points);
    // Consecutive points in one room are one stay; newest first.
    struct Stay
    {
        QString roomId;
        int floor = 0;
        qint64 from = 0, to = 0;
    };
    std::vector<Stay> stays;
    for (const TrackPoint& p : points) {
        if (!stays.empty() && stays.back().roomId == p.roomId && stays.back().floor == p.floor) {
            stays.back().to = p.timeMs;
            continue;
        }
        if (!stays.empty())
            stays.back().to = p.timeMs;
        stays.push_back({p.roomId, p.floor, p.timeMs, p.timeMs});
    }
    std::reverse(stays.begin(), stays.end());
    m_trackModel->clear();
    m_trackModel->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("For"), tr("Where")});
    m_stays.clear();
    for (const Stay& s : stays) {
        const Room* room = m_site.room(s.roomId);
        const QString where = room ? tr("%1 (floor %2)").arg(QCoreApplication::translate("site", room->name.toUtf8().constData())).arg(s.floor)
                                   : tr("corridor (floor %1)").arg(s.floor);
        m_trackModel->appendRow({new QStandardItem(formatTime(s.from)), new QStandardItem(formatTime(s.to)),
                                 new QStandardItem(durationText(s.to - s.from)), new QStandardItem(where)});
        m_stays.emplace_back(s.from, s.to);
    }
    if (!m_trackRequest.isEmpty())
        m_trackStatus->setText(stays.empty() ? tr("Not located in the last 4 h") : tr("%n stay(s)", nullptr, int(stays.size())));
    Q_EMIT trackLoaded(int(stays.size()));
}

} // namespace ww
