#include "ui/climateheatmap.h"
#include "ui/chartpalette.h"
#include "domain/site.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace ww {

ClimateHeatMap::ClimateHeatMap(const Site& site, QWidget* parent)
    : QWidget(parent), m_site(site), m_plot(new QCustomPlot(this)), m_map(new QCPColorMap(m_plot->xAxis, m_plot->yAxis))
{
    setObjectName(QStringLiteral("climateHeatMap"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(m_plot);
    // Four levels, each its colour: no data, in range, brief excursion, out of range.
    QCPColorGradient g;
    g.setLevelCount(4);
    g.setColorStops({{0.0, QColor(0xd8, 0xd8, 0xd8)}, {0.3333, QColor(0x4c, 0xaf, 0x50)}, {0.6667, QColor(0xff, 0xb3, 0x00)},
                     {1.0, QColor(0xd3, 0x2f, 0x2f)}});
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    m_map->setGradient(g);
    m_map->setDataRange(QCPRange(0, 3));
    m_map->setInterpolate(false);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerDateTime>::create());
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->grid()->setVisible(false);
    setMinimumSize(480, 240);
    followPalette(m_plot);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (m_matrix.buckets == 0 || m_matrix.rooms.isEmpty())
            return;
        const double x = m_plot->xAxis->pixelToCoord(e->position().x()) * 1000.0;
        const double y = m_plot->yAxis->pixelToCoord(e->position().y());
        const int room = int(std::lround(y));
        const qint64 bucket = qint64(std::floor((x - double(m_matrix.fromMs)) / double(m_matrix.bucketMs)));
        if (room < 0 || room >= m_matrix.rooms.size() || bucket < 0 || bucket >= m_matrix.buckets)
            return;
        const qint64 from = m_matrix.fromMs + bucket * m_matrix.bucketMs;
        Q_EMIT cellClicked(m_matrix.rooms[room], from, from + m_matrix.bucketMs);
    });
}

void ClimateHeatMap::show(const ComplianceMatrix& m)
{
    m_matrix = m;
    const int rooms = int(m.rooms.size());
    // Cell centres: x in seconds (QCustomPlot's date-time ticker), y the room's row.
    const double x0 = (double(m.fromMs) + double(m.bucketMs) / 2) / 1000.0;
    const double x1 = (double(m.fromMs) + double(m.bucketMs) * (double(m.buckets) - 0.5)) / 1000.0;
    m_map->data()->setSize(std::max(1, m.buckets), std::max(1, rooms));
    m_map->data()->setRange(QCPRange(x0, std::max(x1, x0 + 1)), QCPRange(0, std::max(1, rooms - 1)));
    for (int r = 0; r < rooms; ++r)
        for (int b = 0; b < m.buckets; ++b)
            m_map->data()->setCell(b, r, double(int(m.at(r, b))));
    // Rows labelled with the room's name and its share of time in range.
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int r = 0; r < rooms; ++r) {
        const Room* room = m_site.room(m.rooms[r]);
        const QString name = room ? QCoreApplication::translate("site", room->name.toUtf8().constData()) : m.rooms[r];
        const double share = m.inRangeShare(r);
        ticker->addTick(r, std::isnan(share) ? tr("%1 (no data)").arg(name)
                                             : tr("%1 (%2 % in range)").arg(name).arg(share * 100, 0, 'f', 0));
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.5, rooms - 0.5);
    m_plot->xAxis->setRange(double(m.fromMs) / 1000.0, double(m.fromMs + m.bucketMs * m.buckets) / 1000.0);
    auto* dt = static_cast<QCPAxisTickerDateTime*>(m_plot->xAxis->ticker().data());
    dt->setDateTimeFormat(m.bucketMs * m.buckets > 2LL * 86'400'000 ? QStringLiteral("ddd dd.MM") : QStringLiteral("HH:mm"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ClimateHeatMap::replotNow()
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace ww
