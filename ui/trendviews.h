#pragma once
// Charts: a patient's vital-sign trends (QCustomPlot, stacked panels on one time axis) and a place's
// temperature against its target (Qt Charts; a fridge's from the station's record).
#include "models/wardmodels.h"

#include <QChart>
#include <array>
#include <QTimer>
#include <QWidget>
#include <functional>

class QComboBox;
class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QLabel;
class QPushButton;
class QChartView;
class QLineSeries;
class QDateTimeAxis;
class QValueAxis;

namespace ww {

class AlarmController;

// Time windows a chart offers, in minutes.
inline constexpr int TrendWindowsMin[] = {15, 60, 240, 480};

class VitalsTrendView : public QWidget
{
    Q_OBJECT
public:
    explicit VitalsTrendView(WardModels& models, QWidget* parent = nullptr);
    void setPatient(int row); // -1: none
    [[nodiscard]] int patient() const { return m_row; }
    void setWindowMinutes(int minutes);
    // Points drawn per panel (tests).
    [[nodiscard]] int points(VitalKind kind) const;
    [[nodiscard]] int news2Points() const;
    // Each panel's name as shown, top to bottom ("Temp °F" in Fahrenheit).
    [[nodiscard]] QStringList panelNames() const;
    void refreshNow();

private:
    void scheduleRefresh();
    WardModels& m_models;
    QCustomPlot* m_plot;
    QLabel* m_title;
    QComboBox* m_window;
    std::array<QCPGraph*, VitalKindCount> m_graphs{};
    QCPGraph* m_news2 = nullptr;
    std::vector<QCPItemText*> m_names; // each panel's name, inside it
    QTimer m_throttle;
    int m_row = -1;
    int m_minutes = 60;
};

// A temperature line against its target range (dashed), on a time axis whose labels suit the span.
class TemperatureChart : public QChart
{
    Q_OBJECT
public:
    TemperatureChart();
    // x: ms since epoch, y and target in °C; drawn in the unit shown (domain/units.h).
    void show(const QList<QPointF>& points, const Range& target, qint64 startMs, qint64 endMs);
    void clear();
    [[nodiscard]] int points() const;

private:
    QLineSeries* m_temperature;
    QLineSeries* m_low;
    QLineSeries* m_high;
    QDateTimeAxis* m_time;
    QValueAxis* m_value;
};

class EnvironmentChartView : public QWidget
{
    Q_OBJECT
public:
    // recordPath: the station database with the fridges' record (empty: no report).
    EnvironmentChartView(const Site& site, WardModels& models, QString recordPath, QWidget* parent = nullptr);
    void setPlace(int row); // -1: none
    [[nodiscard]] int points() const;
    [[nodiscard]] QPushButton* reportButton() const { return m_report; }
    [[nodiscard]] QPushButton* reviewButton() const { return m_review; }
    // The station's climate record (empty: no review); nowMs: the station's clock for the review.
    void setClimateRecord(QString path, QString logPath, std::function<qint64()> now);
    // Setpoint changes for the selected room go through the station's controller (null: none).
    void setSetpoints(AlarmController* alarms);
    [[nodiscard]] QPushButton* setpointButton() const { return m_setpoint; }
    void refreshNow();

Q_SIGNALS:
    void drawn(int points);

private:
    void scheduleRefresh();
    void draw(const QList<QPointF>& points, qint64 end, const QString& what);
    const Site& m_site;
    WardModels& m_models;
    QString m_recordPath;
    QChartView* m_view;
    TemperatureChart* m_chart;
    QLabel* m_title;
    QComboBox* m_window;
    QPushButton* m_report;
    QPushButton* m_review;
    QPushButton* m_setpoint;
    AlarmController* m_alarms = nullptr;
    QString m_climatePath, m_logPath;
    std::function<qint64()> m_now;
    QTimer m_throttle;
    int m_row = -1;
    int m_generation = 0;
};

} // namespace ww
