#include "ui/mainwindow.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace ww {

MainWindow::MainWindow(const QString& siteName, WardModels& models, const IngestStats& stats, QWidget* parent)
    : QMainWindow(parent), m_stats(stats), m_tabs(new QTabWidget(this)), m_connection(new QLabel(this)),
      m_rate(new QLabel(this)), m_rejected(new QLabel(this))
{
    setWindowTitle(tr("WardWatch – %1").arg(siteName));
    setCentralWidget(m_tabs);
    addTable(&models.patients, tr("Census"));
    addTable(&models.staff, tr("Staff"));
    addTable(&models.assets, tr("Assets"));
    addTable(&models.environment, tr("Environment"));
    addTable(&models.devices, tr("Devices"));

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
