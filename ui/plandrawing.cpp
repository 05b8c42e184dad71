#include "ui/plandrawing.h"

#include "ui/floorplanscene.h"
#include "ui/planitems.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPainter>
#include <QSvgRenderer>
#include <cmath>

Q_LOGGING_CATEGORY(lcPlan, "ww.plan")

namespace ww {

QString planRoomName(const Room& room)
{
    return QCoreApplication::translate("site", room.name.toUtf8().constData());
}

void PlanDrawing::addFloor(const Site& site, const Floor& floor, QPointF origin, const QString& siteDir)
{
    m_site = &site;
    constexpr double PxPerM = FloorPlanScene::PxPerM;
    auto inScene = [&origin](const Polygon& polygon) {
        QPolygonF poly;
        for (const QPointF& p : polygon)
            poly << origin + p * PxPerM;
        return poly;
    };
    FloorDrawing f;
    f.level = floor.level;
    f.rect = QRectF(origin, QSizeF(floor.width, floor.height) * PxPerM);
    f.title = QCoreApplication::translate("site", floor.name.toUtf8().constData());
    for (const Room& room : site.rooms)
        if (room.floor == floor.level)
            f.rooms.emplace_back(&room, inScene(room.polygon));
    // The plan's structure from its SVG; without one (or one that does not load), the site's walls.
    QString plan = floor.plan;
    if (!plan.isEmpty() && !plan.startsWith(u':') && QFileInfo(plan).isRelative())
        plan = QDir(siteDir).filePath(plan);
    auto svg = plan.isEmpty() ? nullptr : std::make_shared<QSvgRenderer>(plan);
    if (svg && svg->isValid())
        f.svg = svg;
    else if (!plan.isEmpty())
        qCWarning(lcPlan) << "floor" << floor.level << ": plan" << plan << "does not load; drawing the site's walls";
    for (const Bed& bed : site.beds)
        if (const Room* room = site.room(bed.room); room && room->floor == floor.level)
            f.beds.push_back({QRectF(origin + bed.pos * PxPerM - QPointF(9, 18), QSizeF(18, 36)), bed.id});
    for (const Geofence& g : site.geofences)
        if (g.floor == floor.level)
            f.geofences.push_back({inScene(g.polygon), g.kind, g.name});
    m_floors.push_back(std::move(f));
}

void PlanDrawing::dropHiddenCaches(std::optional<int> shownFloor)
{
    for (FloorDrawing& f : m_floors)
        if (shownFloor && f.level != *shownFloor)
            f.cache = QImage(); // a hidden floor's rendered plan: drawn anew when shown
}

void PlanDrawing::draw(QPainter* painter, const QRectF& exposed, std::optional<int> shownFloor, bool geofences, const QPalette& palette)
{
    const QPalette& pal = palette;
    painter->fillRect(exposed, pal.color(QPalette::Base));
    painter->setRenderHint(QPainter::Antialiasing);
    // Device pixels per scene unit (a HiDPI screen's ratio included): the SVG is rendered at it.
    const QTransform device = painter->deviceTransform();
    const double scale = std::hypot(device.m11(), device.m12());
    QColor ink = pal.color(QPalette::Text);
    QColor nameColour = ink;
    nameColour.setAlpha(170);
    QFont titleFont;
    titleFont.setPixelSize(16);
    titleFont.setBold(true);
    QFont nameFont;
    nameFont.setPixelSize(int(FloorPlanScene::RoomFontPx));
    for (FloorDrawing& f : m_floors) {
        if (shownFloor && *shownFloor != f.level)
            continue;
        if (!exposed.intersects(f.rect.adjusted(-40, -40, 40, 40)))
            continue;
        painter->setFont(titleFont);
        painter->setPen(ink);
        painter->drawText(QRectF(f.rect.left(), f.rect.top() - 24, f.rect.width(), 22), Qt::AlignLeft | Qt::AlignVCenter, f.title);
        for (const auto& [room, polygon] : f.rooms) {
            const QColor fill = planRoomFill(room->kind, pal);
            painter->setPen(QPen(planMix(fill, ink, 0.25), 0));
            painter->setBrush(fill);
            painter->drawPolygon(polygon);
        }
        QPen bedPen(planMix(pal.color(QPalette::Base), ink, 0.35), 0);
        painter->setPen(bedPen);
        painter->setBrush(Qt::NoBrush);
        for (const BedMark& b : f.beds)
            painter->drawRect(b.rect);
        if (f.svg) {
            // Rendered at the plan's size on screen (at most 4096 px a side), tinted, and kept for
            // the next repaint at the same zoom.
            const double factor = std::min(scale, 4096.0 / std::max(f.rect.width(), f.rect.height()));
            const QSize size((f.rect.size() * factor).toSize().expandedTo(QSize(1, 1)));
            QColor lines = ink;
            lines.setAlpha(200);
            if (f.cache.size() != size || f.cacheInk != lines) {
                f.cache = QImage(size, QImage::Format_ARGB32_Premultiplied);
                f.cache.fill(Qt::transparent);
                QPainter p(&f.cache);
                p.setRenderHint(QPainter::Antialiasing);
                f.svg->render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
                p.setCompositionMode(QPainter::CompositionMode_SourceIn);
                p.fillRect(f.cache.rect(), lines);
                f.cacheInk = lines;
            }
            painter->drawImage(f.rect, f.cache);
        } else {
            QPen wall(planMix(pal.color(QPalette::Base), ink, 0.8), 3);
            painter->setPen(wall);
            const QPointF origin = f.rect.topLeft();
            for (const WallSegment& w : m_site->walls)
                if (w.floor == f.level)
                    painter->drawLine(QLineF(origin + w.a * FloorPlanScene::PxPerM, origin + w.b * FloorPlanScene::PxPerM));
        }
        painter->setFont(nameFont);
        painter->setPen(nameColour);
        for (const auto& [room, polygon] : f.rooms) {
            const QRectF b = polygon.boundingRect();
            painter->drawText(QRectF(b.left(), b.top() + 3, b.width(), FloorPlanScene::RoomFontPx * 1.6), Qt::AlignHCenter | Qt::AlignTop,
                              planRoomName(*room));
        }
        if (geofences)
            for (const auto& [poly, kind, name] : f.geofences) {
                const QColor c = kind == GeofenceKind::Exit ? QColor(200, 60, 20) : QColor(130, 40, 160);
                QPen edge(c, 1.5, Qt::DashDotLine);
                edge.setCosmetic(true);
                painter->setPen(edge);
                QColor hatch = c;
                hatch.setAlpha(90);
                painter->setBrush(QBrush(hatch, Qt::BDiagPattern));
                painter->drawPolygon(poly);
            }
    }
}

QStringList PlanDrawing::toolTipAt(QPointF at, std::optional<int> shownFloor, bool geofences) const
{
    QStringList lines;
    for (const FloorDrawing& f : m_floors) {
        if (shownFloor && *shownFloor != f.level)
            continue;
        for (const BedMark& b : f.beds)
            if (b.rect.contains(at))
                lines << QCoreApplication::translate("ww::FloorPlanScene", "Bed %1").arg(b.id);
        if (geofences)
            for (const Fence& fence : f.geofences)
                if (fence.polygon.containsPoint(at, Qt::OddEvenFill))
                    lines << (fence.kind == GeofenceKind::Exit ? QCoreApplication::translate("ww::FloorPlanScene", "Exit zone: %1").arg(fence.name)
                                                               : QCoreApplication::translate("ww::FloorPlanScene", "Restricted zone: %1").arg(fence.name));
    }
    return lines;
}

} // namespace ww
