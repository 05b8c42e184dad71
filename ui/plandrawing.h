#pragma once
// What never moves on the floor plan: each floor's rooms (filled from the palette, named through
// tr() in the "site" context), beds, the SVG plan's lines tinted with the palette's text colour (or,
// without a plan, the site's walls) and the geofences. The scene draws it as its background, which
// the view caches until the zoom, the floor, the palette or the geofence layer changes; alarms,
// climate tints and everything that moves are items above it.
#include "domain/site.h"

#include <QImage>
#include <QPalette>
#include <QPolygonF>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

class QPainter;
class QSvgRenderer;

namespace ww {

// A room's name as the plan shows it (a site may ship translations of its rooms' names).
[[nodiscard]] QString planRoomName(const Room& room);

class PlanDrawing
{
public:
    // A floor of the site, its (0, 0) at origin (scene units); siteDir: where relative plans are.
    void addFloor(const Site& site, const Floor& floor, QPointF origin, const QString& siteDir);
    // shownFloor: the one floor shown (nullopt: all); geofences: the layer is on.
    void draw(QPainter* painter, const QRectF& exposed, std::optional<int> shownFloor, bool geofences, const QPalette& palette);
    // What the drawing has at a scene point for a tooltip (beds, geofences).
    [[nodiscard]] QStringList toolTipAt(QPointF at, std::optional<int> shownFloor, bool geofences) const;
    // Forgets the rendered plans of the floors not shown.
    void dropHiddenCaches(std::optional<int> shownFloor);

private:
    struct BedMark
    {
        QRectF rect;
        QString id;
    };
    struct Fence
    {
        QPolygonF polygon;
        GeofenceKind kind;
        QString name;
    };
    struct FloorDrawing
    {
        int level = 0;
        QRectF rect;
        QString title;
        std::vector<std::pair<const Room*, QPolygonF>> rooms;
        std::shared_ptr<QSvgRenderer> svg;
        QImage cache; // the SVG at the last zoom, tinted
        QColor cacheInk;
        std::vector<BedMark> beds;
        std::vector<Fence> geofences;
    };
    const Site* m_site = nullptr;
    std::vector<FloorDrawing> m_floors;
};

} // namespace ww
