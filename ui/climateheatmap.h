#pragma once
// Which rooms of a floor were out of range, and when: rooms (rows) x time buckets (columns), each
// cell coloured by its compliance (grey no data, green in range, amber a brief excursion inside
// the bucket, red out of range), drawn with QCustomPlot's QCPColorMap. Each row is labelled with
// the room and its share of time in range; a click on a cell asks for that room's chart then.
#include "records/climatereview.h"

#include <QWidget>

class QCustomPlot;
class QCPColorMap;

namespace ww {

struct Site;

class ClimateHeatMap : public QWidget
{
    Q_OBJECT
public:
    ClimateHeatMap(const Site& site, QWidget* parent = nullptr);
    void show(const ComplianceMatrix& m);
    [[nodiscard]] const ComplianceMatrix& matrix() const { return m_matrix; }
    [[nodiscard]] QCustomPlot* plot() const { return m_plot; }
    // Replots now (benchmarks and screenshots; the widget replots on its own otherwise).
    void replotNow();

Q_SIGNALS:
    void cellClicked(const QString& roomId, qint64 fromMs, qint64 toMs);

private:
    const Site& m_site;
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    ComplianceMatrix m_matrix;
};

} // namespace ww
