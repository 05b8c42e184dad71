#pragma once
// One quantity of one room over a period, from the climate record (Qt Charts): the mean as a line,
// the min-max band when the points are aggregates (minutes or hours), the room kind's target as
// dashed lines, the spans whose mean was out of range shaded, door openings marked along the top,
// and a crosshair that shows the time and the values under the mouse.
#include "records/climatereview.h"

#include <QChartView>

class QAreaSeries;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace ww {

class ClimateChart : public QChartView
{
    Q_OBJECT
public:
    explicit ClimateChart(QWidget* parent = nullptr);
    // points: the quantity's series (time order); stepMs: the tier's step (raw: the reading interval).
    // doorOpenings: times a door of the room opened (marked; isolation rooms).
    void show(ClimateQuantity q, const std::vector<ClimatePoint>& points, ClimateTier tier, const Range& target, qint64 fromMs,
              qint64 toMs, const std::vector<qint64>& doorOpenings = {});
    [[nodiscard]] int points() const;
    [[nodiscard]] int shadedSpans() const { return m_spans; }
    [[nodiscard]] int doorMarks() const; // door openings marked
    [[nodiscard]] bool bandShown() const;
    // The crosshair's text at a time (what the mouse shows there), for tests.
    [[nodiscard]] QString valuesAt(qint64 timeMs) const;

protected:
    void mouseMoveEvent(QMouseEvent* e) override;
    void leaveEvent(QEvent* e) override;

private:
    QLineSeries* m_mean;
    QLineSeries* m_min;
    QLineSeries* m_max;
    QAreaSeries* m_band;
    QLineSeries* m_low;
    QLineSeries* m_high;
    QLineSeries* m_outUpper;
    QLineSeries* m_outLower;
    QAreaSeries* m_out;
    QScatterSeries* m_doors;
    QDateTimeAxis* m_time;
    QValueAxis* m_value;
    QGraphicsLineItem* m_cross = nullptr;
    QGraphicsSimpleTextItem* m_crossText = nullptr;
    std::vector<ClimatePoint> m_points;
    ClimateQuantity m_quantity = ClimateQuantity::Temperature;
    ClimateTier m_tier = ClimateTier::Raw;
    int m_spans = 0;
};

// A quantity's name and unit as charts and reports show them ("Temperature", "°C").
[[nodiscard]] QString quantityName(ClimateQuantity q);
[[nodiscard]] QString quantityUnit(ClimateQuantity q);

} // namespace ww
