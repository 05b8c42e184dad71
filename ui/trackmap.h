#pragma once
// Where one patient went: the floor plan of the floor they are on now (drawn as the main plan draws
// it) with their track over the look-back drawn as a path, older parts fainter, a hollow ring where
// the look-back starts and a filled dot where they are now. Time ticks along the path give its
// pace. Parts of the track on other floors are named under the map. A click on the path asks to
// see the whole plan at that moment.
#include "core/positionhistory.h"
#include "ui/plandrawing.h"

#include <QVector>
#include <QWidget>
#include <optional>

namespace ww {

class TrackMap : public QWidget
{
    Q_OBJECT
public:
    TrackMap(const Site& site, QWidget* parent = nullptr);
    // The track, oldest first (as the core answers).
    void setTrack(const QVector<TrackPoint>& points);
    // The floor drawn (the newest point's), and how many of the track's points lie on it.
    [[nodiscard]] std::optional<int> shownFloor() const { return m_floor; }
    [[nodiscard]] int pathPoints() const { return int(m_path.size()); }
    // Where the path's i-th point is drawn (widget pixels).
    [[nodiscard]] QPointF drawnAt(int i) const;
    [[nodiscard]] QSize sizeHint() const override { return {420, 240}; }

Q_SIGNALS:
    // A point of the path was clicked: its time.
    void pointClicked(qint64 timeMs);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

private:
    // Plan (scene) coordinates to the widget and back; the floor fitted with a margin.
    [[nodiscard]] QTransform toWidget() const;

    const Site& m_site;
    PlanDrawing m_drawing;
    std::optional<int> m_floor;
    QVector<TrackPoint> m_path;   // the points on the floor shown, oldest first
    QStringList m_elsewhere;      // "floor 2: 10:02–10:15"
    QRectF m_floorRect;           // scene units
};

} // namespace ww
