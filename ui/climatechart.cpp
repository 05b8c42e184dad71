#include "ui/climatechart.h"
#include "ui/language.h"
#include "ui/chartpalette.h"
#include "domain/units.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ww {

QString quantityName(ClimateQuantity q)
{
    switch (q) {
    case ClimateQuantity::Temperature: return ClimateChart::tr("Temperature");
    case ClimateQuantity::Humidity: return ClimateChart::tr("Relative humidity");
    case ClimateQuantity::Co2: return ClimateChart::tr("CO₂");
    case ClimateQuantity::Pm25: return ClimateChart::tr("PM2.5");
    case ClimateQuantity::Tvoc: return ClimateChart::tr("TVOC");
    case ClimateQuantity::DiffPressure: return ClimateChart::tr("Pressure difference");
    }
    return {};
}

QString quantityUnit(ClimateQuantity q)
{
    switch (q) {
    case ClimateQuantity::Temperature: return shownTemperatureSymbol();
    case ClimateQuantity::Humidity: return QStringLiteral("%");
    case ClimateQuantity::Co2: return QStringLiteral("ppm");
    case ClimateQuantity::Pm25: return QStringLiteral("µg/m³");
    case ClimateQuantity::Tvoc: return QStringLiteral("ppb");
    case ClimateQuantity::DiffPressure: return QStringLiteral("Pa");
    }
    return {};
}

ClimateChart::ClimateChart(QWidget* parent)
    : QChartView(new QChart, parent), m_mean(new QLineSeries), m_min(new QLineSeries), m_max(new QLineSeries),
      m_band(new QAreaSeries(m_max, m_min)), m_low(new QLineSeries), m_high(new QLineSeries), m_outUpper(new QLineSeries),
      m_outLower(new QLineSeries), m_out(new QAreaSeries(m_outUpper, m_outLower)), m_doors(new QScatterSeries),
      m_time(new QDateTimeAxis), m_value(new QValueAxis)
{
    setObjectName(QStringLiteral("climateChart"));
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    QChart* c = chart();
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    // The legend in the language shown (a review dialog stays open across a switch).
    onLanguageChange(this, [this] {
        m_out->setName(tr("Out of range"));
        m_band->setName(tr("Min–max"));
        m_low->setName(tr("Target"));
        m_doors->setName(tr("Door opened"));
    });
    // Drawn bottom to top: out-of-range shading, the band, the target, the mean, the doors.
    m_out->setBrush(QColor(0xd0, 0x20, 0x20, 40));
    m_out->setPen(Qt::NoPen);
    m_band->setBrush(QColor(0x00, 0x55, 0xaa, 50));
    m_band->setPen(Qt::NoPen);
    for (QLineSeries* limit : {m_low, m_high})
        limit->setPen(QPen(QColor(0xc0, 0x00, 0x00), 1, Qt::DashLine));
    m_mean->setPen(QPen(QColor(0x00, 0x55, 0xaa), 2));
    m_doors->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_doors->setMarkerSize(7);
    m_doors->setColor(QColor(0x6a, 0x3d, 0x9a));
    m_doors->setBorderColor(QColor(0x6a, 0x3d, 0x9a));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{m_out, m_band, m_low, m_high, m_mean, m_doors})
        c->addSeries(s);
    m_time->setTickCount(8);
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_value, Qt::AlignLeft);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{m_out, m_band, m_low, m_high, m_mean, m_doors}) {
        s->attachAxis(m_time);
        s->attachAxis(m_value);
    }
    followPalette(c);
    c->legend()->markers(m_high).constFirst()->setVisible(false);
    m_cross = new QGraphicsLineItem(c);
    m_cross->setPen(QPen(QColor(0x40, 0x40, 0x40), 1, Qt::DotLine));
    m_cross->setZValue(20);
    m_cross->hide();
    m_crossText = new QGraphicsSimpleTextItem(c);
    m_crossText->setZValue(21);
    m_crossText->setBrush(palette().color(QPalette::Text));
    m_crossText->hide();
}

int ClimateChart::points() const
{
    return int(m_mean->count());
}

int ClimateChart::doorMarks() const
{
    return int(m_doors->count());
}

bool ClimateChart::bandShown() const
{
    return m_band->isVisible() && m_max->count() > 0;
}

void ClimateChart::show(ClimateQuantity q, const std::vector<ClimatePoint>& recorded, ClimateTier tier, const Range& recordedTarget,
                        qint64 fromMs, qint64 toMs, const std::vector<qint64>& doorOpenings)
{
    // A temperature in the unit shown (recorded in °C): points, target and crosshair alike.
    std::vector<ClimatePoint> points = recorded;
    Range target = recordedTarget;
    if (q == ClimateQuantity::Temperature) {
        for (ClimatePoint& p : points) {
            p.mean = shownTemperatureNumber(p.mean);
            p.min = shownTemperatureNumber(p.min);
            p.max = shownTemperatureNumber(p.max);
        }
        for (std::optional<double>* limit : {&target.min, &target.max})
            if (*limit)
                **limit = shownTemperatureNumber(**limit);
    }
    m_value->setTitleText(quantityUnit(q));
    m_points = points;
    m_quantity = q;
    m_tier = tier;
    chart()->setTitle(QStringLiteral("%1 (%2)").arg(quantityName(q), quantityUnit(q)));
    m_mean->setName(tier == ClimateTier::Raw ? tr("Reading") : tier == ClimateTier::Minute ? tr("Mean per minute") : tr("Mean per hour"));
    QList<QPointF> mean, lo, hi;
    mean.reserve(qsizetype(points.size()));
    double yMin = std::numeric_limits<double>::max(), yMax = std::numeric_limits<double>::lowest();
    for (const ClimatePoint& p : points) {
        mean << QPointF(double(p.timeMs), p.mean);
        lo << QPointF(double(p.timeMs), p.min);
        hi << QPointF(double(p.timeMs), p.max);
        yMin = std::min(yMin, p.min);
        yMax = std::max(yMax, p.max);
    }
    for (const std::optional<double>& t : {target.min, target.max})
        if (t) {
            yMin = std::min(yMin, *t);
            yMax = std::max(yMax, *t);
        }
    if (yMin > yMax) { // nothing to show
        yMin = 0;
        yMax = 1;
    }
    const double pad = std::max(0.5, (yMax - yMin) * 0.08);
    const double axisLo = yMin - pad, axisHi = yMax + pad;
    m_mean->replace(mean);
    // The band only where points are aggregates: a reading's min and max are itself.
    const bool band = tier != ClimateTier::Raw;
    m_min->replace(band ? lo : QList<QPointF>{});
    m_max->replace(band ? hi : QList<QPointF>{});
    m_band->setVisible(band);
    for (QLegendMarker* marker : chart()->legend()->markers(m_band))
        marker->setVisible(band);
    m_low->replace(target.min ? QList<QPointF>{{double(fromMs), *target.min}, {double(toMs), *target.min}} : QList<QPointF>{});
    m_high->replace(target.max ? QList<QPointF>{{double(fromMs), *target.max}, {double(toMs), *target.max}} : QList<QPointF>{});
    // Out-of-range spans: a step shape, the axis's full height inside a span, its floor outside.
    const qint64 step = points.size() >= 2 ? points[1].timeMs - points[0].timeMs
                        : tier == ClimateTier::Hour ? 3'600'000 : tier == ClimateTier::Minute ? 60'000 : 10'000;
    const auto spans = outOfRangeSpans(points, target, step);
    m_spans = int(spans.size());
    QList<QPointF> upper, lower{{double(fromMs), axisLo}, {double(toMs), axisLo}};
    upper << QPointF(double(fromMs), axisLo);
    for (const Span& s : spans)
        upper << QPointF(double(s.fromMs), axisLo) << QPointF(double(s.fromMs), axisHi) << QPointF(double(s.toMs), axisHi)
              << QPointF(double(s.toMs), axisLo);
    upper << QPointF(double(toMs), axisLo);
    m_outUpper->replace(upper);
    m_outLower->replace(lower);
    QList<QPointF> doors;
    for (qint64 t : doorOpenings)
        if (t >= fromMs && t < toMs)
            doors << QPointF(double(t), axisHi - pad * 0.4);
    m_doors->replace(doors);
    for (QLegendMarker* marker : chart()->legend()->markers(m_doors))
        marker->setVisible(!doors.isEmpty());
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    m_time->setFormat(toMs - fromMs > 3LL * 86'400'000 ? QStringLiteral("dd.MM") : toMs - fromMs > 86'400'000 ? QStringLiteral("dd.MM HH:mm")
                                                                                                           : QStringLiteral("HH:mm"));
    m_value->setRange(axisLo, axisHi);
    m_value->applyNiceNumbers();
    m_value->setLabelFormat(q == ClimateQuantity::Co2 || q == ClimateQuantity::Tvoc ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
}

QString ClimateChart::valuesAt(qint64 timeMs) const
{
    if (m_points.empty())
        return {};
    // The point at or before the time (the last one before it covers it).
    auto it = std::upper_bound(m_points.begin(), m_points.end(), timeMs,
                               [](qint64 t, const ClimatePoint& p) { return t < p.timeMs; });
    if (it == m_points.begin())
        return {};
    const ClimatePoint& p = *std::prev(it);
    const QString when = QDateTime::fromMSecsSinceEpoch(p.timeMs).toString(QStringLiteral("dd.MM HH:mm"));
    const int decimals = m_quantity == ClimateQuantity::Co2 || m_quantity == ClimateQuantity::Tvoc ? 0 : 1;
    const QString unit = quantityUnit(m_quantity);
    if (m_tier == ClimateTier::Raw)
        return QStringLiteral("%1  %2 %3").arg(when).arg(p.mean, 0, 'f', decimals).arg(unit);
    return tr("%1  mean %2 %5 (min %3, max %4, %6 readings)")
        .arg(when)
        .arg(p.mean, 0, 'f', decimals)
        .arg(p.min, 0, 'f', decimals)
        .arg(p.max, 0, 'f', decimals)
        .arg(unit)
        .arg(p.count);
}

void ClimateChart::mouseMoveEvent(QMouseEvent* e)
{
    QChartView::mouseMoveEvent(e);
    const QPointF scenePos = mapToScene(e->position().toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    const QRectF area = chart()->plotArea();
    if (!area.contains(chartPos) || m_points.empty()) {
        m_cross->hide();
        m_crossText->hide();
        return;
    }
    const QPointF value = chart()->mapToValue(chartPos, m_mean);
    const QString text = valuesAt(qint64(value.x()));
    m_cross->setLine(QLineF(chartPos.x(), area.top(), chartPos.x(), area.bottom()));
    m_cross->show();
    m_crossText->setText(text);
    const QRectF box = m_crossText->boundingRect();
    const double x = chartPos.x() + 8 + box.width() > area.right() ? chartPos.x() - 8 - box.width() : chartPos.x() + 8;
    m_crossText->setPos(x, area.top() + 4);
    m_crossText->setVisible(!text.isEmpty());
}

void ClimateChart::leaveEvent(QEvent* e)
{
    QChartView::leaveEvent(e);
    m_cross->hide();
    m_crossText->hide();
}

} // namespace ww
