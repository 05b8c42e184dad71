#pragma once
// The floor plan the nurse looks up at: one floor at a time (or the overview of all floors) on a
// QGraphicsView with zoom (wheel, pinch, + and −), pan and fit; the floor switcher with each floor's
// open alarms by priority; Find (Ctrl+F) with completion; the layers the station remembers; the
// nearest available asset of a type; and the look-back timeline under the plan. The scene
// (ui/floorplanscene.h) reads the GUI-thread models; routes and recorded positions come from the
// core as answers to queued questions: this widget never computes them nor waits for them.
#include "ui/floorplanscene.h"

#include <QGraphicsView>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QComboBox;
class QSlider;
class QToolButton;
class QPushButton;

namespace ww {

class AlarmController;
class WardModels;

// The view: wheel and pinch zoom about the pointer, drag to pan, click to ask the plan (an alarm's
// details, a cluster's members).
class PlanGraphicsView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PlanGraphicsView(FloorPlanScene* scene, QWidget* parent = nullptr);
    void zoomBy(double factor, std::optional<QPoint> about = std::nullopt);
    // Pixels per scene unit.
    [[nodiscard]] double scale() const { return transform().m11(); }

Q_SIGNALS:
    void zoomed(double pixelsPerUnit);
    void clickedAt(QPointF scenePoint, QPoint viewportPoint);
    void doubleClickedAt(QPointF scenePoint);
    void contextMenuAt(QPointF scenePoint, QPoint globalPoint);

protected:
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override; // pinch
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QPoint m_pressAt;
};

class FloorPlanView : public QWidget
{
    Q_OBJECT
public:
    // alarms may be null (no alarms, no questions to the core).
    FloorPlanView(const Site& site, WardModels& models, AlarmController* alarms = nullptr, QWidget* parent = nullptr);

    [[nodiscard]] FloorPlanScene* scene() const { return m_scene; }
    [[nodiscard]] PlanGraphicsView* view() const { return m_view; }
    // One floor (nullopt: the overview of all floors), fitted to the view.
    void showFloor(std::optional<int> level);
    [[nodiscard]] std::optional<int> floor() const { return m_scene->floor(); }
    void fit();
    [[nodiscard]] double pixelsPerMetre() const { return m_view->scale() * FloorPlanScene::PxPerM; }
    // The scene point at the view's centre; the viewport point of a site point on a floor.
    [[nodiscard]] QPointF centre() const;
    [[nodiscard]] QPoint toViewport(int floor, QPointF sitePoint) const;

    // Switches to the alarm's floor, centres on it and makes it the plan's focus (its nearest
    // staff member ringed, the route drawn). False: the alarm has no place on the plan.
    bool showAlarm(const QString& alarmId);
    // Finds a patient, staff member, asset, tag, bed or room; centres on it and pulses it.
    bool find(const QString& query);
    // The search field, focused with its text selected (the window's Find, Ctrl+F).
    void focusFind();
    void setLayerVisible(PlanLayer layer, bool visible); // remembered in the station's settings
    // Asks the core for the nearest usable asset of a type to a room; shown when it answers.
    void findNearestAsset(const QString& roomId, const QString& type);

    // Look back: the plan as it was at timeMs (positions from the core's history, alarms from the
    // log); live() again with goLive(). The models and the banner stay live underneath.
    void replayTo(qint64 timeMs);
    void goLive();
    [[nodiscard]] bool live() const { return m_scene->live(); }
    // The alarm's details with Acknowledge and "nearest available"; non-modal.
    class QDialog* showAlarmDetails(const QString& alarmId);
    // The plan's context menu for a scene point (what the right mouse button opens there).
    [[nodiscard]] std::unique_ptr<class QMenu> contextMenu(QPointF scenePoint);
    // "Explain position" of a tag (ui/explainwindow.h), non-modal, a child of the plan's window (it
    // stays open when the plan is built again in another language); one per tag, refreshed and
    // raised when asked again. Null without a core to ask.
    class ExplainPositionWindow* explainPosition(const QString& tagId, const QString& subject);

    // What the nurse made of the plan: the floor, the zoom, the scene point at the centre, the
    // alarm in focus and its details if open. A plan built again (the window in another language) takes it over; applied
    // when the plan is shown if it is hidden now (a hidden view has no size to centre in).
    struct ViewState
    {
        std::optional<int> floor;
        double scale = 0; // pixels per scene unit; 0: the plan was never shown, fitted when it is
        QPointF centre;
        QString focusAlarm;
        QString detailsAlarm, detailsComment; // an alarm's details open, and the comment typed in them
    };
    [[nodiscard]] ViewState viewState() const;
    void setViewState(const ViewState& state);

Q_SIGNALS:
    void replayed(qint64 timeMs); // the recorded positions are on the plan
    void nearestAssetShown(bool found, const QString& text);
    void patientActivated(const QString& patientId); // a double-click on a patient's marker

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refreshFloorButtons();
    void centreOn(QPointF scenePoint);
    void zoomTo(const ViewState& state);
    void requestReplay(qint64 timeMs);
    void applyReplay(qint64 timeMs, const QVector<TagPosition>& positions);
    void loadLogForReplay();
    void onTimelineTick();
    [[nodiscard]] QStringList assetTypes() const;

    const Site& m_site;
    AlarmController* m_alarms;
    FloorPlanScene* m_scene;
    PlanGraphicsView* m_view;
    QButtonGroup* m_floors;
    QToolButton* m_overview;
    QLineEdit* m_find;
    class ElidedLabel* m_found;
    QToolButton* m_layers;
    QSlider* m_timeline;
    QComboBox* m_speed;
    QToolButton* m_play;
    QPushButton* m_liveButton;
    QLabel* m_timeLabel;
    QTimer m_playTimer;
    bool m_shown = false;
    std::optional<QPointF> m_pendingCentre; // asked for while hidden: the view has no size yet
    std::optional<ViewState> m_pendingState; // likewise
    QString m_replayRequest;   // the look-back question in flight (answers to others are dropped)
    bool m_replayInFlight = false;
    QString m_assetRequest;
    int m_requests = 0;
    qint64 m_replayMs = 0;
    // The alarm log's alarms of the last hours, for look-back: id -> (room, priority, onset, closed).
    struct LoggedAlarm
    {
        QString roomId;
        Priority priority = Priority::Low;
        qint64 onsetMs = 0, closedMs = 0;
    };
    QHash<QString, LoggedAlarm> m_logged;

    qint64 m_loggedUntil = 0;
};

} // namespace ww
