#pragma once
// The ward as a graphics scene: every floor of the site (its SVG plan tinted from the palette, the
// site's rooms with names through tr(), beds, gateways, reference beacons, geofences) laid out one
// above the other, and the markers of patients, staff and assets over them. The scene reads the
// GUI-thread models only; positions and routes come from the core, already computed.
//
// Units: 20 scene units per metre (the plans' own scale). Markers and their labels keep their size
// on screen at every zoom (ItemIgnoresTransformations); rooms and labels of rooms scale with it.
// Markers that would overlap on screen are drawn as one cluster with a count (setPixelScale tells
// the scene the view's zoom); a cluster splits as one zooms in.
#include "core/positionhistory.h"
#include "core/responders.h"
#include "domain/site.h"
#include "ui/plandrawing.h"
#include "ui/plansearch.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QImage>
#include <QPalette>
#include <QPointer>
#include <QTimer>
#include <array>
#include <memory>
#include <optional>

class QSvgRenderer;

namespace ww {

class WardModels;
class AlarmListModel;
class FlashClock;
struct AlarmState;

// What the user can show or hide on the plan (remembered by the station).
enum class PlanLayer { Patients, Staff, Assets, Infrastructure, Geofences, Accuracy, Climate };
inline constexpr int PlanLayerCount = 7;
[[nodiscard]] QString layerName(PlanLayer layer); // translated
[[nodiscard]] QString layerKey(PlanLayer layer);  // settings key

class PlanMarker;
class PlanRoom;
class PlanCluster;
class PlanNearRing;

class FloorPlanScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr double PxPerM = 20;
    static constexpr double MarkerPx = 18;  // markers' size on screen
    static constexpr double ClusterPx = 16; // markers closer than this on screen form a cluster
    static constexpr double RoomFontPx = 11; // scene units: >= 14 px at a floor's fit zoom on 1920 px

    // alarms, clock: may be null (no alarms drawn).
    FloorPlanScene(const Site& site, WardModels& models, AlarmListModel* alarms, FlashClock* clock, QObject* parent = nullptr);
    ~FloorPlanScene() override;

    [[nodiscard]] const Site& site() const { return m_site; }
    // Scene point of a point of the site frame on a floor; the floor's rectangle.
    [[nodiscard]] QPointF toScene(int floor, QPointF sitePoint) const;
    [[nodiscard]] QRectF floorRect(int floor) const;
    [[nodiscard]] QRectF overviewRect() const;
    // One floor shown (the others hidden), or every floor (nullopt: the overview).
    void setFloor(std::optional<int> level);
    [[nodiscard]] std::optional<int> floor() const { return m_floor; }
    // The view's pixels per scene unit: clusters are made at this zoom.
    void setPixelScale(double pixelsPerUnit);
    [[nodiscard]] double pixelScale() const { return m_pixelScale; }

    // The colours of the names and titles (rooms and plans follow the view's palette as they paint).
    void applyPalette(const QPalette& palette);

    // Patients drawn faint (another nurse's, outside the station's scope); every other marker as is.
    void setDimmedPatients(const QSet<QString>& patientIds);
    [[nodiscard]] int dimmedMarkers() const;
    // The patient whose marker is at a scene point (empty: none); viewTransform: the view's
    // viewportTransform (markers keep their size on screen).
    [[nodiscard]] QString patientAt(QPointF scenePoint, const QTransform& viewTransform) const;
    // The shown markers of patients, staff or assets at a scene point: a marker, or the members of
    // a cluster or of a room's "unknown, near" ring there (empty: none).
    [[nodiscard]] QList<PlanMarker*> markersAt(QPointF scenePoint, const QTransform& viewTransform) const;
    void setLayerVisible(PlanLayer layer, bool visible);
    [[nodiscard]] bool layerVisible(PlanLayer layer) const { return m_layers[size_t(layer)]; }

    // Look back: markers at their recorded positions (tag id -> where) instead of the live ones,
    // and the rooms whose alarms were open then (room id -> priority), drawn steady; live view
    // returns with setLive(). The models keep updating underneath.
    void showRecorded(qint64 timeMs, const QVector<TagPosition>& positions, const QHash<QString, Priority>& alarmRooms);
    void setLive();
    [[nodiscard]] bool live() const { return !m_replayMs; }

    // The nearest usable asset found for an alarm or a room: ringed, with its route (nullopt: none).
    void showNearestAsset(const std::optional<NearbyAsset>& asset);
    // The alarm whose nearest staff member is ringed with the route drawn: the one chosen while it
    // signals and nothing more urgent does, otherwise the banner's top alarm.
    void setFocusAlarm(const QString& alarmId);
    [[nodiscard]] QString focusAlarm() const;

    // Things to find: patients, staff, assets (name, id or tag), beds and rooms (name or id).
    using Found = PlanFindable;
    [[nodiscard]] std::optional<Found> find(const QString& query) const;
    [[nodiscard]] QStringList completions() const;
    // A brief pulse ring at a scene point (the find result).
    void pulseAt(QPointF scenePoint);
    [[nodiscard]] bool pulsing() const;

    // What tests and the bench read.
    [[nodiscard]] PlanRoom* room(const QString& roomId) const { return m_rooms.value(roomId); }
    [[nodiscard]] PlanMarker* marker(const QString& id) const; // by row id (patient, staff or asset id)
    [[nodiscard]] QList<PlanCluster*> clusters() const;
    // The ring of the tags "unknown, near" a room (null: none was ever needed there).
    [[nodiscard]] PlanNearRing* nearRing(const QString& roomId) const { return m_nearRings.value(roomId); }
    [[nodiscard]] int visibleMarkers() const;
    [[nodiscard]] QGraphicsItem* route() const;      // the nearest staff member's route (null: none)
    [[nodiscard]] QGraphicsItem* assetRoute() const; // the nearest asset's route (null: none)
    [[nodiscard]] const std::optional<NearbyAsset>& nearestAsset() const { return m_nearestAsset; }
    // Alarm at a scene point (its room or its subject's marker), or empty.
    [[nodiscard]] QString alarmAt(QPointF scenePoint) const;
    [[nodiscard]] QString roomAt(QPointF scenePoint) const;
    // Open alarms on a floor, per priority (high, medium, low).
    [[nodiscard]] std::array<int, 3> alarmCounts(int floor) const;
    // Where an alarm is (its room's or subject's floor and scene point); nullopt: nowhere on the plan.
    [[nodiscard]] std::optional<std::pair<int, QPointF>> alarmPlace(const QString& alarmId) const;

    static QColor patientColour();
    static QColor staffColour(const QString& role);
    static QColor assetColour();

Q_SIGNALS:
    void alarmsChanged(); // the floors' counts may have changed
    void clustered();     // clusters were made anew
    void backgroundChanged(); // the static drawing changed (floor, geofence layer, palette)
    void identitiesChanged(); // the census changed who is in a patient row: names to find change

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    // Tooltips of what the background draws (beds, geofences) where no item has one.
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void buildFloors();
    void buildMarkers();
    void applyRows();
    void applyAlarms();
    void applyFlash();
    void applyClimate();
    void applyInfrastructure();
    void applyFocus();
    void recluster();
    void scheduleRecluster();
    void animate();
    void updateVisibility();
    void applyNearRings();
    // Whether the marker is drawn on what the plan shows (its layer on, its floor shown, placed).
    [[nodiscard]] bool onShownFloor(const PlanMarker& m) const;
    [[nodiscard]] QPointF markerTarget(const PlanMarker& m) const;
    [[nodiscard]] QPainterPath routePath(const Route& route) const;

    const Site& m_site;
    WardModels& m_models;
    AlarmListModel* m_alarms;
    FlashClock* m_clock;
    QHash<int, QPointF> m_origins; // floor level -> scene point of the site's (0, 0)
    QHash<int, QGraphicsItem*> m_floorItems;
    QHash<QString, PlanRoom*> m_rooms;
    QList<QGraphicsItem*> m_infrastructure;
    PlanDrawing m_drawing; // what never moves: the scene's background
    QPalette m_palette;
    QHash<QString, QGraphicsItem*> m_gatewayItems; // gateway id -> its mark (drawn by the device's health)
    std::vector<PlanMarker*> m_markers; // patients, staff, assets (model order)
    QHash<QString, PlanMarker*> m_byId;
    QList<PlanCluster*> m_clusters;
    QHash<QString, PlanNearRing*> m_nearRings; // room id -> its ring, made when first needed
    QGraphicsPathItem* m_route = nullptr;
    QGraphicsPathItem* m_assetRoute = nullptr;
    QGraphicsEllipseItem* m_pulse = nullptr;
    std::optional<NearbyAsset> m_nearestAsset;
    std::optional<int> m_floor;
    double m_pixelScale = 1;
    std::array<bool, PlanLayerCount> m_layers{true, true, true, true, true, false, false};
    QString m_focusAlarm;
    QSet<QString> m_dimmed;
    QHash<QString, Priority> m_recordedAlarms;
    std::optional<qint64> m_replayMs;
    QTimer m_animation; // markers gliding to their new fixes, and the find pulse
    QTimer m_reclusterTimer;
    qint64 m_pulseUntil = 0;
};

} // namespace ww
