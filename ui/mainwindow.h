#pragma once
// The main window wires views to models and shows the connection in the status bar; nothing more.
#include "models/wardmodels.h"
#include "transport/ingest.h"
#include "transport/mqttclient.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QTabWidget;
class QTableView;

namespace ww {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QString& siteName, WardModels& models, const IngestStats& stats, QWidget* parent = nullptr);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] QList<QTableView*> tables() const { return m_tables; }

public Q_SLOTS:
    void setConnectionState(ww::MqttState state, const QString& detail);

private:
    QTableView* addTable(QAbstractItemModel* model, const QString& title);
    void refreshRates();

    const IngestStats& m_stats;
    QTabWidget* m_tabs;
    QList<QTableView*> m_tables;
    QLabel* m_connection;
    QLabel* m_rate;
    QLabel* m_rejected;
    QTimer m_rateTimer;
    quint64 m_lastReceived = 0;
    qint64 m_lastRateMs = 0;
};

} // namespace ww
