#include "ui/chartpalette.h"
#include "ui/theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QPointer>
#include <qcustomplot.h>

namespace ww {

namespace {

void paint(QCustomPlot* plot)
{
    const QPalette pal = QApplication::palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.25f);
    plot->setBackground(pal.color(QPalette::Base));
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(pal.color(QPalette::Base));
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(text, 1));
            axis->setTickPen(QPen(text, 1));
            axis->setSubTickPen(QPen(text, 1));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->setTickLabelFont(plot->font()); // large type too
            axis->setLabelFont(plot->font());
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        }
    }
    if (plot->legend) {
        plot->legend->setBrush(pal.color(QPalette::Base));
        plot->legend->setTextColor(text);
        plot->legend->setBorderPen(QPen(grid));
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void paint(QChart* chart)
{
    const QPalette pal = QApplication::palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.2f);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
}

} // namespace

void followPalette(QCustomPlot* plot)
{
    paint(plot);
    QObject::connect(&AppearanceNotifier::instance(), &AppearanceNotifier::changed, plot, [plot] { paint(plot); });
}

void followPalette(QChart* chart)
{
    paint(chart);
    QObject::connect(&AppearanceNotifier::instance(), &AppearanceNotifier::changed, chart, [chart] { paint(chart); });
}

} // namespace ww
