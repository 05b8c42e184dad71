#include "ui/trackmap.h"
#include "models/wardmodels.h"
#include "ui/floorplanscene.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace ww {

namespace {
constexpr double Px = FloorPlanScene::PxPerM;
constexpr int Margin = 8;     // widget pixels around the floor
constexpr int TitleRoom = 28; // scene units above the floor for its title
constexpr int CaptionPx = 18; // widget pixels under the map for the other floors
constexpr qint64 TickMs = 30 * 60'000;
} // namespace

TrackMap::TrackMap(const Site& site, QWidget* parent) : QWidget(parent), m_site(site)
{
    setObjectName(QStringLiteral("trackMap"));
    setMinimumSize(260, 150);
    setToolTip(tr("Where the patient went: fainter is longer ago, the ring is where the look-back starts, the dot is now. "
                  "Click the path to see the plan at that moment."));
    const QString siteDir = QFileInfo(site.sourceFile).path();
    for (const Floor& f : site.floors)
        m_drawing.addFloor(site, f, QPointF(0, 0), siteDir);
}

void TrackMap::setTrack(const QVector<TrackPoint>& points)
{
    m_path.clear();
    m_elsewhere.clear();
    m_floor.reset();
    m_floorRect = {};
    if (!points.isEmpty()) {
        m_floor = points.back().floor;
        for (const TrackPoint& p : points)
            if (p.floor == *m_floor)
                m_path.push_back(p);
        // The other floors' visits, as time spans.
        for (int i = 0; i < points.size();) {
            int j = i;
            while (j + 1 < points.size() && points[j + 1].floor == points[i].floor)
                ++j;
            if (points[i].floor != *m_floor)
                m_elsewhere << tr("floor %1: %2–%3").arg(points[i].floor).arg(formatTime(points[i].timeMs), formatTime(points[j].timeMs));
            i = j + 1;
        }
        if (const Floor* f = m_site.floor(*m_floor))
            m_floorRect = QRectF(0, -TitleRoom, f->width * Px, f->height * Px + TitleRoom);
    }
    update();
}

QTransform TrackMap::toWidget() const
{
    const QRectF area = QRectF(rect()).adjusted(Margin, Margin, -Margin, -Margin - (m_elsewhere.isEmpty() ? 0 : CaptionPx));
    if (m_floorRect.isEmpty() || area.width() <= 0 || area.height() <= 0)
        return {};
    const double s = std::min(area.width() / m_floorRect.width(), area.height() / m_floorRect.height());
    const QPointF offset = area.center() - m_floorRect.center() * s;
    return QTransform(s, 0, 0, s, offset.x(), offset.y());
}

QPointF TrackMap::drawnAt(int i) const
{
    return toWidget().map(QPointF(m_path[i].x * Px, m_path[i].y * Px));
}

void TrackMap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_floor || m_floorRect.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Not located in the look-back"));
        return;
    }
    const QTransform t = toWidget();
    painter.save();
    painter.setTransform(t);
    m_drawing.draw(&painter, m_floorRect, m_floor, false, palette());
    painter.restore();
    painter.setRenderHint(QPainter::Antialiasing);

    // The path: each leg's colour from faint (the look-back's start) to full (now).
    const QColor ink = palette().color(QPalette::Highlight);
    const qint64 first = m_path.front().timeMs, last = m_path.back().timeMs;
    auto at = [&](const TrackPoint& p) { return t.map(QPointF(p.x * Px, p.y * Px)); }; // drawnAt, for a point
    auto age = [&](qint64 ms) { return last > first ? double(ms - first) / double(last - first) : 1.0; };
    for (int i = 1; i < m_path.size(); ++i) {
        QColor c = ink;
        c.setAlphaF(0.25 + 0.75 * age(m_path[i].timeMs));
        painter.setPen(QPen(c, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawLine(at(m_path[i - 1]), at(m_path[i]));
    }
    // Ticks every half hour along the path, labelled with the time.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8); // follows large type
    painter.setFont(small);
    const qint64 firstTick = (first / TickMs + 1) * TickMs;
    int k = 0;
    for (qint64 tick = firstTick; tick < last; tick += TickMs) {
        while (k + 1 < m_path.size() && m_path[k + 1].timeMs <= tick)
            ++k;
        const QPointF p = at(m_path[k]);
        painter.setPen(QPen(palette().color(QPalette::Text), 1));
        painter.setBrush(palette().color(QPalette::Base));
        painter.drawRect(QRectF(p - QPointF(2.5, 2.5), QSizeF(5, 5)));
        painter.drawText(p + QPointF(5, -4), QDateTime::fromMSecsSinceEpoch(tick).toLocalTime().toString(QStringLiteral("HH:mm")));
    }
    // Start: a hollow ring; now: a filled dot with a halo.
    painter.setPen(QPen(ink, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(at(m_path.front()), 6, 6);
    painter.setPen(QPen(palette().color(QPalette::Base), 2));
    painter.setBrush(ink);
    painter.drawEllipse(at(m_path.back()), 7, 7);
    if (!m_elsewhere.isEmpty()) {
        painter.setPen(palette().color(QPalette::Text));
        painter.setFont(font());
        painter.drawText(QRectF(Margin, height() - CaptionPx - 2, width() - 2 * Margin, CaptionPx), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Also: %1").arg(m_elsewhere.join(QStringLiteral("; "))));
    }
}

void TrackMap::mousePressEvent(QMouseEvent* e)
{
    if (m_path.isEmpty())
        return;
    // The nearest point of the path within 12 px.
    int best = -1;
    double bestD = 12;
    for (int i = 0; i < m_path.size(); ++i) {
        const QPointF d = drawnAt(i) - e->position();
        const double dist = std::hypot(d.x(), d.y());
        if (dist <= bestD) {
            bestD = dist;
            best = i;
        }
    }
    if (best >= 0)
        Q_EMIT pointClicked(m_path[best].timeMs);
}

} // namespace ww
