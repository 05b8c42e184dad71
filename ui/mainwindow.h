#pragma once
// The main window wires views to models and shows the connection in the status bar; nothing more.
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"
#include "transport/ingest.h"
#include "transport/mqttclient.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>

class QLabel;
class QTabWidget;
class QTableView;

namespace ww {

class PatientView;
class SettingsDialog;
class StationFilter;
class ShiftControls;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // alarms may be null (views without the alarm engine, e.g. the GUI smoke test of the tables);
    // without a site there is no floor plan.
    MainWindow(const QString& siteName, WardModels& models, const IngestStats& stats, AlarmController* alarms = nullptr,
               const Site* site = nullptr, QWidget* parent = nullptr);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] QList<QTableView*> tables() const { return m_tables; }
    [[nodiscard]] class AlarmBanner* banner() const { return m_banner; }
    [[nodiscard]] class AlarmPanel* alarmPanel() const { return m_alarmPanel; }
    [[nodiscard]] class HistoryView* history() const { return m_history; }
    [[nodiscard]] class FloorPlanView* floorPlan() const { return m_floorPlan; }
    // Tab by its object name ("alarms", "floorplan", "census", "staff", "assets", "environment",
    // "devices", "history").
    void showTab(const QString& name);
    // Selects a row of a table by the table's name ("census", "environment", ...): its chart follows.
    void selectRow(const QString& table, int row);
    [[nodiscard]] class VitalsTrendView* vitalsTrend() const { return m_vitalsTrend; }
    [[nodiscard]] class EnvironmentChartView* environmentChart() const { return m_envChart; }
    [[nodiscard]] QLabel* parSummary() const { return m_parSummary; }
    // The shift: what this station filters (my patients, scope) and its menus (null without alarms or site).
    [[nodiscard]] StationFilter* stationFilter() const { return m_filter; }
    [[nodiscard]] ShiftControls* shift() const { return m_shift; }
    // One patient's view, opened (or raised) from wherever the patient appears: the census, the
    // plan, the alarm list. Null: not in the census, or no alarms at this station.
    PatientView* showPatient(const QString& patientId);
    [[nodiscard]] PatientView* patientView(const QString& patientId) const;

    // Nothing configured yet (AppSettings::firstRun): a page that says what to do takes the tabs'
    // place, with a button that opens the settings.
    void setFirstRun(bool on);
    [[nodiscard]] QWidget* firstRunPage() const { return m_firstRun; }

    // The About box's text: version, intended use, the site and its configuration hash.
    [[nodiscard]] static QString aboutText(const Site* site);

public Q_SLOTS:
    void setConnectionState(ww::MqttState state, const QString& detail);
    // A station fed by positioning engines: which are online ("none" in red). Hidden otherwise.
    void setPositioningEngines(const QStringList& engines);
    // The broker is reached without TLS over the network (the site allows it): shown until the end.
    void setClearText(const QString& host);
    // The site takes unsigned state (signing.acceptUnsigned, a migration): said in red, all the time.
    void setUnsignedAccepted();
    void showUserGuide();
    void showOperationsGuide();
    // File > Settings: the settings dialog, window-modal; its signals are passed on below.
    SettingsDialog* openSettings();

Q_SIGNALS:
    // The settings dialog saved a new appearance or language (ui/settingsdialog.h).
    void appearanceChanged(const QString& theme, bool largeType);
    void languageChanged(const QString& code);
    // The window was built again in the language just installed (View > Language, or
    // switchLanguage from elsewhere): pointers to its views taken before are stale.
    void retranslated();

protected:
    void changeEvent(QEvent* event) override;

private:
    // title: the window's title in the language shown (asked again after a switch).
    void showDocument(const QString& resource, const std::function<QString()>& title, const QString& name);
    QWidget* makeFirstRunPage();
    // Builds the tabs, menus and status bar from the models in the installed language.
    void build();
    // On a language change: the window built again, keeping the tab, the selected rows, the
    // patients' windows and what the status bar said.
    void rebuild();
    QTableView* addTable(QAbstractItemModel* model, const QString& title);
    void refreshRates();
    // Puts the table's tab into a vertical splitter: the table above, the chart below.
    // above: a bar over the table (the census's actions).
    void withChart(QTableView* table, QWidget* chart, const QString& name, QWidget* above = nullptr);
    // The census rows the station's filter leaves out are hidden (rows keep their model numbers).
    void filterCensus();
    // Patients the plan draws faint: not the filter's.
    void filterPlan();

    const IngestStats& m_stats;
    QString m_siteName;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_firstRun = nullptr;
    QLabel* m_firstRunSaved = nullptr;
    bool m_firstRunShown = false; // kept when the window is built again in another language
    bool m_settingsSaved = false;
    QList<QTableView*> m_tables;
    class AlarmBanner* m_banner = nullptr;
    class AlarmPanel* m_alarmPanel = nullptr;
    class HistoryView* m_history = nullptr;
    class FloorPlanView* m_floorPlan = nullptr;
    class VitalsTrendView* m_vitalsTrend = nullptr;
    class EnvironmentChartView* m_envChart = nullptr;
    QLabel* m_parSummary = nullptr;
    WardModels& m_models;
    AlarmController* m_alarms = nullptr;
    const Site* m_site = nullptr;
    QTableView* m_census = nullptr;
    StationFilter* m_filter = nullptr;
    ShiftControls* m_shift = nullptr;
    QHash<QString, QPointer<PatientView>> m_patientViews;
    QLabel* m_connection = nullptr;
    QLabel* m_engines = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_rejected = nullptr;
    MqttState m_connectionState = MqttState::Disconnected;
    QString m_connectionDetail;
    bool m_enginesShown = false;
    QStringList m_enginesOnline;
    QString m_clearTextHost;
    bool m_unsignedAccepted = false;
    bool m_rebuildQueued = false;
    QTimer m_rateTimer;
    quint64 m_lastReceived = 0;
    qint64 m_lastRateMs = 0;
};

} // namespace ww
