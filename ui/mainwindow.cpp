#include "ui/mainwindow.h"
#include "ui/floorplanview.h"
#include "ui/alarmwidgets.h"

#include <QAction>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ww {

MainWindow::MainWindow(const QString& siteName, WardModels& models, const IngestStats& stats, AlarmController* alarms,
                       const Site* site, QWidget* parent)
    : QMainWindow(parent), m_stats(stats), m_tabs(new QTabWidget(this)), m_connection(new QLabel(this)),
      m_rate(new QLabel(this)), m_rejected(new QLabel(this))
{
    setWindowTitle(tr("WardWatch – %1").arg(siteName));
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
        m_floorPlan = new FloorPlanView(*site, models, alarms ? &alarms->alarms() : nullptr, m_tabs);
        m_floorPlan->setObjectName(QStringLiteral("floorplan"));
        m_tabs->addTab(m_floorPlan, tr("Floor plan"));
    }
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    QTableView* census = addTable(&models.patients, tr("Census"));
    census->setObjectName(QStringLiteral("census"));
    if (alarms) {
        // NEWS2 observations and per-patient limits: right-click or double-click a patient.
        census->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* edit = new QAction(tr("NEWS2 inputs and alarm limits…"), census);
        census->addAction(edit);
        auto open = [this, census, alarms] {
            const QModelIndex i = census->currentIndex();
            if (!i.isValid())
                return;
            PatientAlarmDialog d(*alarms, i.data(PatientModel::IdRole).toString(), i.data(PatientModel::NameRole).toString(), this);
            d.exec();
        };
        connect(edit, &QAction::triggered, this, open);
        connect(census, &QTableView::doubleClicked, this, open);
    }
    addTable(&models.staff, tr("Staff"))->setObjectName(QStringLiteral("staff"));
    addTable(&models.assets, tr("Assets"))->setObjectName(QStringLiteral("assets"));
    addTable(&models.environment, tr("Environment"))->setObjectName(QStringLiteral("environment"));
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

    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_rate->setObjectName(QStringLiteral("messageRate"));
    m_rejected->setObjectName(QStringLiteral("rejectedPayloads"));
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_rate);
    statusBar()->addPermanentWidget(m_rejected);
    setConnectionState(MqttState::Disconnected, {});
    connect(&m_rateTimer, &QTimer::timeout, this, &MainWindow::refreshRates);
    m_rateTimer.start(1000);
    refreshRates();
    resize(1280, 800);
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

void MainWindow::showTab(const QString& name)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == name)
            m_tabs->setCurrentIndex(i);
}

void MainWindow::setConnectionState(MqttState state, const QString& detail)
{
    const QString text = detail.isEmpty() ? toString(state) : QStringLiteral("%1 (%2)").arg(toString(state), detail);
    m_connection->setText(tr("Broker: %1").arg(text));
    m_connection->setStyleSheet(state == MqttState::Connected ? QString() : QStringLiteral("color: #b00000; font-weight: bold"));
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
    m_rejected->setToolTip(reasons.join(u'\n'));
}

} // namespace ww
