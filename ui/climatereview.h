#pragma once
// Facilities' review of room climate from the station's climate record: one room's quantity over
// 24 h, 7 days, 30 days or a chosen range against its room kind's target (ClimateChart), and a
// floor's rooms x hours compliance over a week (ClimateHeatMap: "which rooms were out of range
// last week"; a click on a cell opens that room and day in the chart). Queries run on a worker; the
// dialog says when the record cannot be read.
#include "records/climatereview.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace ww {

class ClimateChart;
class ClimateHeatMap;
struct Site;

class ClimateReviewDialog : public QDialog
{
    Q_OBJECT
public:
    enum Period { Day = 0, Week = 1, Month = 2, Range = 3 };
    // nowMs: the station's clock (tests pass theirs).
    ClimateReviewDialog(const Site& site, QString climatePath, const QString& roomId, qint64 nowMs, QWidget* parent = nullptr);

    void setRoom(const QString& roomId);
    void setQuantity(ClimateQuantity q);
    void setPeriod(Period p, qint64 fromMs = 0, qint64 toMs = 0);
    void setFloor(int level, qint64 weekFromMs);
    // The station's alarm log: who acknowledged the excursions in the compliance reports.
    void setLogPath(const QString& path) { m_logPath = path; }
    [[nodiscard]] ClimateChart* chart() const { return m_chart; }
    [[nodiscard]] ClimateHeatMap* heatMap() const { return m_heatMap; }
    [[nodiscard]] QLabel* status() const { return m_status; }

Q_SIGNALS:
    void chartLoaded(int points);
    void heatMapLoaded(int rooms);

private:
    void loadChart();
    void loadHeatMap();
    [[nodiscard]] QString roomId() const;

    const Site& m_site;
    QString m_path, m_logPath;
    qint64 m_nowMs;
    qint64 m_chartFrom = 0, m_chartTo = 0; // the chart's period (the room report's)
    QComboBox* m_room;
    QComboBox* m_quantity;
    QComboBox* m_period;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QComboBox* m_floor;
    QDateTimeEdit* m_week;
    ClimateChart* m_chart;
    ClimateHeatMap* m_heatMap;
    QLabel* m_status;
    QLabel* m_heatStatus;
    int m_chartGeneration = 0, m_heatGeneration = 0;
};

} // namespace ww
