#include "ui/mainwindow.h"
#include "records/climaterecord.h"
#include "ui/floorplanview.h"
#include "ui/language.h"
#include "ui/alarmwidgets.h"
#include "ui/censusdialogs.h"
#include "models/stationfilter.h"
#include "ui/patientview.h"
#include "ui/settingsdialog.h"
#include "ui/shiftdialogs.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"
#include "ui/trendviews.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QScrollBar>
#include <QStyle>
#include <QVBoxLayout>

namespace ww {

namespace {

// A table beside its chart gets the width its columns need, so that no column (a patient's
// "unknown, near Room 115" at the far right) is behind a sideways scroll; the chart keeps the
// rest, at least a quarter of the split. It follows the columns as their texts change, until the
// nurse drags the handle: from then on the split is theirs.
class TableFirst final : public QObject
{
public:
    TableFirst(QSplitter* split, QTableView* table, QWidget* chart) : QObject(split), m_split(split), m_table(table), m_chart(chart)
    {
        m_fit.setSingleShot(true);
        m_fit.setInterval(0);
        connect(&m_fit, &QTimer::timeout, this, &TableFirst::fit);
        connect(table->horizontalHeader(), &QHeaderView::sectionResized, &m_fit, qOverload<>(&QTimer::start));
        connect(split, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
        split->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_split && event->type() == QEvent::Show)
            fit(); // before it is first painted
        if (watched == m_split && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
            m_fit.start();
        return false;
    }

private:
    void fit()
    {
        if (m_userSized)
            return;
        const QList<int> sizes = m_split->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (total <= 0)
            return;
        // The columns' own widths (the last one stretches: its contents' instead, at least the
        // header's default section, below which it does not shrink), the frame, the grid's last
        // line and the vertical scroll bar.
        const QHeaderView* h = m_table->horizontalHeader();
        int need = 2 * m_table->frameWidth() + m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table->verticalScrollBar()) + (m_table->showGrid() ? 1 : 0);
        for (int c = 0; c < h->count(); ++c)
            if (!h->isSectionHidden(c))
                need += c == h->count() - 1 ? std::max({h->sectionSizeHint(c), h->defaultSectionSize(),
                                                        static_cast<const QAbstractItemView*>(m_table)->sizeHintForColumn(c)})
                                            : h->sectionSize(c);
        const int chartMin = std::max(m_chart->minimumSizeHint().width(), total / 4);
        const int left = std::min(need, total - chartMin);
        if (left > 0 && left != sizes.value(0))
            m_split->setSizes({left, total - left});
    }

    QSplitter* m_split;
    QTableView* m_table;
    QWidget* m_chart;
    QTimer m_fit;
    bool m_userSized = false;
};

} // namespace

MainWindow::MainWindow(const QString& siteName, WardModels& models, const IngestStats& stats, AlarmController* alarms,
                       const Site* site, QWidget* parent)
    : QMainWindow(parent), m_stats(stats), m_siteName(siteName), m_models(models), m_alarms(alarms), m_site(site)
{
    if (alarms && site)
        m_filter = new StationFilter(*site, models.patients, this);
    build();
    connect(&m_rateTimer, &QTimer::timeout, this, &MainWindow::refreshRates);
    m_rateTimer.start(1000);
    resize(1280, 800);
}

void MainWindow::changeEvent(QEvent* event)
{
    // A translator removed and another installed are two events: one rebuild, after both.
    if (event->type() == QEvent::LanguageChange && !m_rebuildQueued) {
        m_rebuildQueued = true;
        QMetaObject::invokeMethod(this, &MainWindow::rebuild, Qt::QueuedConnection);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::rebuild()
{
    m_rebuildQueued = false;
    // What the nurse was looking at: the tab, the rows selected, the plan's floor and zoom, the
    // patients' windows open.
    const QString tab = m_tabs->currentWidget() ? m_tabs->currentWidget()->objectName() : QString();
    QHash<QString, int> selected;
    for (QTableView* t : std::as_const(m_tables))
        if (t->currentIndex().isValid())
            selected.insert(t->objectName(), t->currentIndex().row());
    const bool mine = m_filter && m_filter->myPatients();
    const std::optional<FloorPlanView::ViewState> plan = m_floorPlan ? std::optional(m_floorPlan->viewState()) : std::nullopt;
    QStringList patients;
    for (auto it = m_patientViews.cbegin(); it != m_patientViews.cend(); ++it)
        if (it.value() && it.value()->isVisible()) {
            patients << it.key();
            it.value()->close(); // deletes itself on close
        }
    m_patientViews.clear();
    // The old widgets may be inside their own event handlers: deleted later, hidden now; the shift's
    // controls are a QObject whose menus and labels go with the old bars.
    delete m_shift;
    m_shift = nullptr;
    setMenuBar(new QMenuBar(this)); // Qt hides the old bars and deletes them later
    setStatusBar(new QStatusBar(this));
    m_tables.clear();
    m_banner = nullptr;
    m_alarmPanel = nullptr;
    m_history = nullptr;
    m_floorPlan = nullptr;
    m_vitalsTrend = nullptr;
    m_envChart = nullptr;
    m_parSummary = nullptr;
    m_census = nullptr;
    m_engines = nullptr;
    build(); // a new central widget: Qt deletes the old one later
    if (m_filter && m_filter->myPatients() != mine)
        m_filter->setMyPatients(mine);
    if (plan && m_floorPlan)
        m_floorPlan->setViewState(*plan);
    showTab(tab);
    for (auto it = selected.cbegin(); it != selected.cend(); ++it)
        selectRow(it.key(), it.value());
    for (const QString& id : std::as_const(patients))
        showPatient(id);
    // Views outside this window (and proxies that cache) hear of the new texts from the models.
    m_models.retranslate();
    if (m_alarms)
        m_alarms->alarms().retranslate();
    Q_EMIT retranslated();
}

void MainWindow::build()
{
    WardModels& models = m_models;
    AlarmController* alarms = m_alarms;
    const Site* site = m_site;
    m_tabs = new QTabWidget(this);
    m_connection = new ElidedLabel(this);
    m_rate = new QLabel(this);
    m_rejected = new QLabel(this);
    setWindowTitle(tr("WardWatch – %1").arg(m_siteName));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (alarms) {
        // The banner sits above every tab: the highest active priority is always in view.
        m_banner = new AlarmBanner(*alarms, central);
        layout->addWidget(m_banner);
        m_alarmPanel = new AlarmPanel(*alarms, m_tabs);
        m_alarmPanel->setObjectName(QStringLiteral("alarms"));
        m_tabs->addTab(m_alarmPanel, tr("Alarms"));
    }
    if (site) {
        m_floorPlan = new FloorPlanView(*site, models, alarms, m_tabs);
        m_floorPlan->setObjectName(QStringLiteral("floorplan"));
        m_tabs->addTab(m_floorPlan, tr("Floor plan"));
        if (alarms) {
            // The banner or "Show on plan": the plan, on the alarm's floor, centred on it; a row
            // selected in the list moves the plan there too, without leaving the list.
            auto show = [this](const QString& id) {
                showTab(QStringLiteral("floorplan"));
                m_floorPlan->showAlarm(id);
            };
            connect(m_banner, &AlarmBanner::clicked, this, show);
            connect(m_alarmPanel, &AlarmPanel::showOnPlan, this, show);
            connect(m_alarmPanel, &AlarmPanel::selected, m_floorPlan, &FloorPlanView::showAlarm);
            connect(m_floorPlan, &FloorPlanView::patientActivated, this, &MainWindow::showPatient);
        }
    }
    layout->addWidget(m_tabs, 1);
    m_firstRun = makeFirstRunPage();
    layout->addWidget(m_firstRun, 1);
    setFirstRun(m_firstRunShown);
    setCentralWidget(central);
    // The census with the selected patient's trends below it.
    QTableView* census = addTable(&models.patients, tr("Census"));
    census->setObjectName(QStringLiteral("census"));
    m_census = census;
    census->setItemDelegateForColumn(PatientModel::RiskCol, new RiskChipDelegate(census));
    m_vitalsTrend = new VitalsTrendView(models, m_tabs);
    // Admissions, transfers, devices and discharges: buttons above the table.
    QWidget* actions = alarms && site ? new CensusActions(*alarms, models, *site, census, m_tabs) : nullptr;
    withChart(census, m_vitalsTrend, QStringLiteral("census"), actions);
    connect(census->selectionModel(), &QItemSelectionModel::currentRowChanged, m_vitalsTrend,
            [this](const QModelIndex& current) { m_vitalsTrend->setPatient(current.isValid() ? current.row() : -1); });
    if (alarms) {
        // Double-click a patient: their view; right-click: the view, NEWS2 inputs and alarm limits.
        census->setContextMenuPolicy(Qt::ActionsContextMenu);
        if (site) {
            auto current = [census]() -> QString {
                const QModelIndex i = census->currentIndex();
                return i.isValid() && !i.data(PatientModel::VacantRole).toBool() ? i.data(PatientModel::IdRole).toString() : QString();
            };
            auto* view = new QAction(tr("Patient view…"), census);
            census->addAction(view);
            connect(view, &QAction::triggered, this, [this, current] {
                if (const QString id = current(); !id.isEmpty())
                    showPatient(id);
            });
            connect(census, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
                if (i.isValid() && !i.data(PatientModel::VacantRole).toBool())
                    showPatient(i.data(PatientModel::IdRole).toString());
            });
        }
        auto* edit = new QAction(tr("NEWS2 inputs and alarm limits…"), census);
        census->addAction(edit);
        connect(edit, &QAction::triggered, this, [this, census, alarms] {
            const QModelIndex i = census->currentIndex();
            if (!i.isValid() || i.data(PatientModel::VacantRole).toBool())
                return;
            PatientAlarmDialog d(*alarms, i.data(PatientModel::IdRole).toString(), i.data(PatientModel::NameRole).toString(), this);
            d.exec();
        });
    }
    addTable(&models.staff, tr("Staff"))->setObjectName(QStringLiteral("staff"));
    QTableView* assets = addTable(&models.assets, tr("Assets"));
    assets->setObjectName(QStringLiteral("assets"));
    if (site && !site->parLevels.empty()) {
        // PAR levels above the table: available now against target, red below critical.
        m_parSummary = new QLabel(m_tabs);
        m_parSummary->setObjectName(QStringLiteral("parSummary"));
        m_parSummary->setTextFormat(Qt::RichText);
        m_parSummary->setContentsMargins(6, 4, 6, 4);
        const int index = m_tabs->indexOf(assets);
        auto* box = new QWidget(m_tabs);
        box->setObjectName(QStringLiteral("assets"));
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        m_tabs->removeTab(index);
        v->addWidget(m_parSummary);
        v->addWidget(assets, 1);
        assets->show();
        m_tabs->insertTab(index, box, tr("Assets"));
        auto refresh = [this, site, &models] {
            QStringList parts;
            for (const ParCount& c : parCounts(*site, models.assets.rows())) {
                const QString text = tr("%1: %2 available (target %3, critical %4)")
                                         .arg(c.level->name.toHtmlEscaped())
                                         .arg(c.available)
                                         .arg(c.level->target)
                                         .arg(c.level->critical);
                parts << (c.critical() ? QStringLiteral("<b style=\"color:%1\">%2</b>").arg(errorTextColour().name(), text)
                                       : c.available < c.level->target ? QStringLiteral("<b>%1</b>").arg(text) : text);
            }
            m_parSummary->setText(tr("PAR levels now: %1").arg(parts.join(QStringLiteral(" · "))));
        };
        refresh();
        // At most twice a second, and only when an asset row changed.
        auto* throttle = new QTimer(m_parSummary);
        throttle->setSingleShot(true);
        throttle->setInterval(500);
        connect(throttle, &QTimer::timeout, m_parSummary, refresh);
        connect(&models.assets, &QAbstractItemModel::dataChanged, throttle, [throttle] {
            if (!throttle->isActive())
                throttle->start();
        });
    }
    QTableView* environment = addTable(&models.environment, tr("Environment"));
    environment->setObjectName(QStringLiteral("environment"));
    if (site) {
        // The selected place's temperature against its target; fridges also open their compliance report.
        m_envChart = new EnvironmentChartView(*site, models, alarms ? alarms->readingsPath() : QString(), m_tabs);
        withChart(environment, m_envChart, QStringLiteral("environment"));
        if (alarms && !alarms->logPath().isEmpty())
            m_envChart->setClimateRecord(climatePathFor(alarms->logPath()), alarms->logPath(), [alarms] { return alarms->clock().nowMs(); });
        m_envChart->setSetpoints(alarms);
        connect(environment->selectionModel(), &QItemSelectionModel::currentRowChanged, m_envChart,
                [this](const QModelIndex& current) { m_envChart->setPlace(current.isValid() ? current.row() : -1); });
    }
    addTable(&models.devices, tr("Devices"))->setObjectName(QStringLiteral("devices"));
    if (alarms) {
        m_history = new HistoryView(*alarms, m_tabs);
        m_history->setObjectName(QStringLiteral("history"));
        m_tabs->addTab(m_history, tr("History"));
        connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
            if (m_tabs->widget(i) == m_history)
                m_history->refresh();
        });
    }

    if (m_filter) {
        // The shift: its menu, "my patients" and the scope over the census, the alarm list and the plan.
        m_shift = new ShiftControls(*this, *alarms, models, *site, *m_filter);
        m_alarmPanel->addFilters(*site, *m_filter);
        connect(m_alarmPanel, &AlarmPanel::patientActivated, this, &MainWindow::showPatient);
        connect(m_filter, &StationFilter::changed, this, [this] {
            filterCensus();
            filterPlan();
        });
        // Rows that change may change who is shown (an assignment, an admission).
        connect(&models.patients, &QAbstractItemModel::dataChanged, this, [this] {
            if (m_filter->active())
                filterCensus();
        });
        filterCensus();
        filterPlan();
    }

    // The alarm actions and find, each with its key (ui/shortcuts.h), from any tab.
    if (alarms || m_floorPlan) {
        QMenu* alarmMenu = menuBar()->addMenu(tr("&Alarms"));
        alarmMenu->setObjectName(QStringLiteral("alarmMenu"));
        auto add = [this, alarmMenu](const QString& text, const QKeySequence& key, const QString& name, auto slot) {
            QAction* a = alarmMenu->addAction(text, this, slot);
            a->setObjectName(name);
            a->setShortcut(key);
            a->setShortcutContext(Qt::WindowShortcut);
            a->setToolTip(shortcuts::withKey(text, key));
            return a;
        };
        if (alarms) {
            add(tr("Acknowledge the top alarm"), shortcuts::acknowledgeTop(), QStringLiteral("actionAcknowledgeTop"),
                [this] { m_banner->acknowledgeTop(); });
            add(tr("Acknowledge the selected alarm"), shortcuts::acknowledgeSelected(), QStringLiteral("actionAcknowledgeSelected"),
                [this] { m_alarmPanel->acknowledgeSelected(); });
            add(tr("Pause alarm audio"), shortcuts::pauseAudio(), QStringLiteral("actionPauseAudio"), [this] { m_banner->pauseAudio(); });
        }
        if (m_floorPlan) {
            alarmMenu->addSeparator();
            add(tr("Find on the floor plan"), shortcuts::findOnPlan(), QStringLiteral("actionFindOnPlan"), [this] {
                showTab(QStringLiteral("floorplan"));
                m_floorPlan->focusFind();
            });
        }
    }

    // File first: the settings.
    auto* file = new QMenu(tr("&File"), this);
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("openSettings"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    menuBar()->insertMenu(menuBar()->actions().value(0), file);

    // View > Language: the shift's View menu when there is one.
    QMenu* view = nullptr;
    for (QAction* a : menuBar()->actions())
        if (a->menu() && a->menu()->objectName() == u"viewMenu")
            view = a->menu();
    if (!view) {
        view = menuBar()->addMenu(tr("&View"));
        view->setObjectName(QStringLiteral("viewMenu"));
    }
    view->addMenu(languageMenu(view));

    // Help: the user guide and the About box, both stating the intended use.
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User guide"), this, &MainWindow::showUserGuide);
    help->addAction(tr("&About WardWatch"), this, [this, site] {
        QMessageBox::about(this, tr("About WardWatch"), aboutText(site));
    });

    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_rate->setObjectName(QStringLiteral("messageRate"));
    m_rejected->setObjectName(QStringLiteral("rejectedPayloads"));
    statusBar()->addWidget(m_connection, 1);
    m_engines = new QLabel(this);
    m_engines->setObjectName(QStringLiteral("positioningEngines"));
    m_engines->setVisible(false);
    statusBar()->addPermanentWidget(m_engines);
    statusBar()->addPermanentWidget(m_rate);
    statusBar()->addPermanentWidget(m_rejected);
    // What the station said about itself stays said in the new language.
    setConnectionState(m_connectionState, m_connectionDetail);
    if (m_enginesShown)
        setPositioningEngines(m_enginesOnline);
    if (!m_clearTextHost.isEmpty())
        setClearText(m_clearTextHost);
    if (m_unsignedAccepted)
        setUnsignedAccepted();
    m_lastRateMs = 0;
    refreshRates();
}

void MainWindow::filterCensus()
{
    if (!m_filter || !m_census)
        return;
    for (int r = 0; r < m_models.patients.rowCount(); ++r)
        m_census->setRowHidden(r, !m_filter->showsPatient(m_models.patients.rowAt(r)));
}

void MainWindow::filterPlan()
{
    if (!m_filter || !m_floorPlan)
        return;
    QSet<QString> faint;
    if (m_filter->active())
        for (const PatientRow& p : m_models.patients.rows())
            if (!p.vacant() && !m_filter->showsPatient(p))
                faint.insert(p.id);
    m_floorPlan->scene()->setDimmedPatients(faint);
}

PatientView* MainWindow::patientView(const QString& patientId) const
{
    return m_patientViews.value(patientId);
}

PatientView* MainWindow::showPatient(const QString& patientId)
{
    if (!m_alarms || !m_site || m_models.patients.rowOf(patientId) < 0)
        return nullptr;
    if (PatientView* open = m_patientViews.value(patientId)) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* view = new PatientView(patientId, *m_alarms, m_models, *m_site, this);
    m_patientViews.insert(patientId, view);
    // A stay of the track: the plan as it was then (look-back); time 0: the plan live, on the patient.
    connect(view, &PatientView::showOnPlan, this, [this](const QString& id, qint64 timeMs) {
        if (!m_floorPlan)
            return;
        showTab(QStringLiteral("floorplan"));
        const int row = m_models.patients.rowOf(id);
        if (timeMs > 0)
            m_floorPlan->replayTo(timeMs);
        else
            m_floorPlan->goLive();
        if (row >= 0)
            m_floorPlan->find(m_models.patients.rowAt(row).name);
    });
    view->show();
    return view;
}

QString MainWindow::aboutText(const Site* site)
{
    QString text = tr("<h3>WardWatch %1</h3>"
                      "<p><b>Intended use.</b> WardWatch is a secondary alarm-notification and situational-awareness "
                      "system for a hospital ward. It never replaces the alarms of bedside monitors or of any other "
                      "medical device.</p>")
                       .arg(QCoreApplication::applicationVersion().toHtmlEscaped());
    if (site)
        text += tr("<p>Site: %1 (%2), configuration %3</p>")
                    .arg(site->name.toHtmlEscaped(), site->id.toHtmlEscaped(), site->hash.left(12));
    text += tr("<p>Built with Qt %1. The demo replays vital signs from the PhysioNet/Computing in Cardiology "
               "Challenge 2012 (Open Data Commons Attribution 1.0).</p>")
                .arg(QLatin1String(qVersion()));
    return text;
}

void MainWindow::showUserGuide()
{
    showDocument(QStringLiteral(":/docs/user-guide.md"), [] { return tr("WardWatch user guide"); }, QStringLiteral("userGuide"));
}

void MainWindow::showOperationsGuide()
{
    showDocument(QStringLiteral(":/docs/operations.md"), [] { return tr("Operating WardWatch"); }, QStringLiteral("operationsGuide"));
}

void MainWindow::showDocument(const QString& resource, const std::function<QString()>& title, const QString& name)
{
    QFile f(resource);
    QString text = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : tr("%1 is missing from this build.").arg(resource);
    text.remove(QRegularExpression(QStringLiteral("^!\\[[^\n]*\\n"), QRegularExpression::MultilineOption)); // pictures: in docs/
    auto* d = new QDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setObjectName(name);
    onLanguageChange(d, [d, title] { d->setWindowTitle(title()); });
    auto* browser = new QTextBrowser(d);
    browser->setMarkdown(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, d);
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    auto* v = new QVBoxLayout(d);
    v->addWidget(browser);
    v->addWidget(buttons);
    d->resize(760, 680);
    d->show();
}

QWidget* MainWindow::makeFirstRunPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("firstRun"));
    auto* v = new QVBoxLayout(page);
    v->setContentsMargins(48, 36, 48, 36);
    auto* title = new QLabel(tr("<h2>WardWatch is not set up yet</h2>"), page);
    auto* text = new QLabel(tr("<p>No broker is configured for this station, so there is nothing to show: the ward's "
                               "tables stay empty until WardWatch knows where its broker is.</p>"
                               "<p><b>Open the settings</b> and fill in the broker's host and port, its TLS files and "
                               "the user name and password the ward's IT team gave you, the site file of the ward and "
                               "this station's id; then start WardWatch again.</p>"
                               "<p>Or start it with the connection on the command line, for example<br>"
                               "<code>wardwatch --host broker.ward.example --tls --site /etc/wardwatch/site.json "
                               "--station-id nurse-1</code></p>"
                               "<p>How a ward is set up (broker, site file, signing keys): "
                               "<a href=\"operations\">docs/operations.md</a>.</p>"),
                            page);
    text->setObjectName(QStringLiteral("firstRunText"));
    text->setWordWrap(true);
    text->setMaximumWidth(900); // lines a person can read
    text->setTextFormat(Qt::RichText);
    connect(text, &QLabel::linkActivated, this, &MainWindow::showOperationsGuide);
    auto* open = new QPushButton(tr("Open settings…"), page);
    open->setObjectName(QStringLiteral("firstRunSettings"));
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &MainWindow::openSettings);
    auto* dismiss = new QPushButton(tr("Show the ward anyway"), page);
    dismiss->setObjectName(QStringLiteral("firstRunDismiss"));
    connect(dismiss, &QPushButton::clicked, this, [this] { setFirstRun(false); });
    m_firstRunSaved = new QLabel(page);
    m_firstRunSaved->setObjectName(QStringLiteral("firstRunSaved"));
    m_firstRunSaved->setWordWrap(true);
    if (m_settingsSaved)
        m_firstRunSaved->setText(tr("Settings saved: start WardWatch again to connect with them."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(dismiss);
    buttons->addStretch(1);
    v->addWidget(title);
    v->addWidget(text);
    v->addLayout(buttons);
    v->addWidget(m_firstRunSaved);
    v->addStretch(1);
    return page;
}

void MainWindow::setFirstRun(bool on)
{
    m_firstRunShown = on;
    m_firstRun->setVisible(on);
    m_tabs->setVisible(!on);
}

SettingsDialog* MainWindow::openSettings()
{
    if (auto* open = findChild<SettingsDialog*>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* d = new SettingsDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &SettingsDialog::appearanceChanged, this, &MainWindow::appearanceChanged);
    connect(d, &SettingsDialog::languageChanged, this, &MainWindow::languageChanged);
    connect(d, &SettingsDialog::saved, this, [this] {
        m_settingsSaved = true;
        m_firstRunSaved->setText(tr("Settings saved: start WardWatch again to connect with them."));
    });
    d->setWindowModality(Qt::WindowModal);
    d->show();
    return d;
}

QTableView* MainWindow::addTable(QAbstractItemModel* model, const QString& title)
{
    auto* view = new QTableView(m_tabs);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setObjectName(title);
    m_tabs->addTab(view, title);
    m_tables << view;
    return view;
}

void MainWindow::withChart(QTableView* table, QWidget* chart, const QString& name, QWidget* above)
{
    const int index = m_tabs->indexOf(table);
    const QString title = m_tabs->tabText(index);
    QWidget* left = table;
    if (above) {
        left = new QWidget(m_tabs);
        auto* v = new QVBoxLayout(left);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        v->addWidget(above);
        v->addWidget(table, 1);
    }
    // Side by side, the table as wide as its columns need (TableFirst); the chart has the full
    // height (five stacked trend panels need it).
    auto* split = new QSplitter(Qt::Horizontal, m_tabs);
    split->setObjectName(name);
    m_tabs->removeTab(index);
    split->addWidget(left);
    split->addWidget(chart);
    table->show(); // the tab widget hid it when it was not the current tab
    split->setChildrenCollapsible(false);
    split->setSizes({550, 450});
    new TableFirst(split, table, chart);
    m_tabs->insertTab(index, split, title);
}

void MainWindow::selectRow(const QString& tab, int row)
{
    for (QTableView* t : std::as_const(m_tables))
        if (t->objectName() == tab && row >= 0 && row < t->model()->rowCount())
            t->selectRow(row);
}

void MainWindow::showTab(const QString& name)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == name)
            m_tabs->setCurrentIndex(i);
}

void MainWindow::setConnectionState(MqttState state, const QString& detail)
{
    m_connectionState = state;
    m_connectionDetail = detail;
    const QString text = detail.isEmpty() ? toString(state) : QStringLiteral("%1 (%2)").arg(toString(state), detail);
    m_connection->setText(tr("Broker: %1").arg(text));
    m_connection->setToolTip(m_connection->text()); // elided when the status bar is short
    const bool fault = state != MqttState::Connected;
    setTextTone(m_connection, fault ? TextTone::Error : TextTone::Normal, fault);
}

void MainWindow::setPositioningEngines(const QStringList& engines)
{
    m_enginesShown = true;
    m_enginesOnline = engines;
    m_engines->setVisible(true);
    m_engines->setText(engines.isEmpty() ? tr("Locations: no positioning engine online")
                                         : tr("Locations: engines %1").arg(engines.join(QStringLiteral(", "))));
    setTextTone(m_engines, engines.isEmpty() ? TextTone::Error : TextTone::Normal, engines.isEmpty());
}

void MainWindow::setClearText(const QString& host)
{
    m_clearTextHost = host;
    auto* label = new QLabel(tr("CLEAR TEXT to %1 (no TLS)").arg(host), this);
    label->setObjectName(QStringLiteral("clearText"));
    label->setToolTip(tr("The site file allows this station to reach the broker without TLS (network.allowClearText): "
                         "passwords and acknowledgements cross the network unencrypted."));
    setTextTone(label, TextTone::Error, true);
    statusBar()->insertPermanentWidget(0, label);
}

void MainWindow::setUnsignedAccepted()
{
    m_unsignedAccepted = true;
    auto* label = new QLabel(tr("UNSIGNED STATE ACCEPTED"), this);
    label->setObjectName(QStringLiteral("unsignedAccepted"));
    label->setToolTip(tr("The site file takes alarm state and census changes without a station's signature "
                         "(signing.acceptUnsigned): any client of the broker could acknowledge an alarm. "
                         "List the stations' keys in signing.keys and remove acceptUnsigned."));
    setTextTone(label, TextTone::Error, true);
    statusBar()->insertPermanentWidget(0, label);
}

void MainWindow::refreshRates()
{
    const IngestCounters c = m_stats.snapshot();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastRateMs > 0 && now > m_lastRateMs) {
        const double rate = double(c.received - m_lastReceived) * 1000.0 / double(now - m_lastRateMs);
        m_rate->setText(tr("%1 msg/s").arg(rate, 0, 'f', 0));
    } else {
        m_rate->setText(tr("– msg/s"));
    }
    m_lastReceived = c.received;
    m_lastRateMs = now;
    QStringList reasons;
    for (int i = 0; i < RejectReasonCount; ++i)
        if (c.byReason[size_t(i)])
            reasons << QStringLiteral("%1 %2").arg(toString(RejectReason(i))).arg(c.byReason[size_t(i)]);
    m_rejected->setText(tr("rejected: %1").arg(c.rejected));
    // The second tick that already runs counts the alarms' "open for" and other stations' pauses.
    if (m_alarms)
        m_alarms->alarms().setNow(now);
    if (m_shift)
        m_shift->refreshRemotePauses();
    m_rejected->setToolTip(reasons.join(u'\n'));
}

} // namespace ww
