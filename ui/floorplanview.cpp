#include "ui/floorplanview.h"

#include "core/wardcore.h"
#include "alarms/alarmengine.h"
#include "models/alarmcontroller.h"
#include "models/wardmodels.h"
#include "ui/alarmwidgets.h"
#include "ui/explainwindow.h"
#include "ui/planitems.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QGestureEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSlider>
#include <QStringListModel>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>
#include <utility>

namespace ww {

namespace {

constexpr double MinPxPerUnit = 0.15, MaxPxPerUnit = 12; // 3 .. 240 px per metre
constexpr qint64 LookBackMs = 3'600'000;                 // the timeline's span: the last hour

QString settingsKey(PlanLayer layer)
{
    return QStringLiteral("floorplan/layers/") + layerKey(layer);
}

} // namespace

// ---- the view ----

PlanGraphicsView::PlanGraphicsView(FloorPlanScene* scene, QWidget* parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    // A resize (the window, large type, a plan built again and laid out) keeps what is at the
    // centre there: an alarm centred stays centred.
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // One rectangle around everything that changed: with hundreds of markers gliding, building an
    // exact region of their rectangles costs more than repainting the area they span.
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    // The plan's static drawing (the scene's background) is kept as a pixmap until the zoom, the
    // floor, the palette or the geofence layer changes.
    setCacheMode(QGraphicsView::CacheBackground);
    // The background covers every pixel: no clearing of the viewport before each paint.
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAttribute(Qt::WA_AcceptTouchEvents);
    viewport()->grabGesture(Qt::PinchGesture);
}

void PlanGraphicsView::zoomBy(double factor, std::optional<QPoint> about)
{
    const double now = scale();
    const double next = std::clamp(now * factor, MinPxPerUnit, MaxPxPerUnit);
    if (qFuzzyCompare(now, next))
        return;
    const QPointF anchor = about ? mapToScene(*about) : mapToScene(viewport()->rect().center());
    QTransform t;
    t.scale(next, next);
    setTransform(t);
    // The point under the pointer (or the centre) stays where it was.
    const QPoint after = mapFromScene(anchor);
    const QPoint delta = after - (about ? *about : viewport()->rect().center());
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + delta.y());
    Q_EMIT zoomed(next);
}

void PlanGraphicsView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.2, steps), event->position().toPoint());
    event->accept();
}

bool PlanGraphicsView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Gesture) { // a pinch on a touch screen
        auto* g = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(g->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomBy(pinch->scaleFactor(), mapFromGlobal(pinch->centerPoint().toPoint()));
            g->accept(pinch);
            return true;
        }
    }
    if (event->type() == QEvent::NativeGesture) { // a pinch on a touchpad
        auto* g = static_cast<QNativeGestureEvent*>(event);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + g->value(), mapFromGlobal(g->globalPosition().toPoint()));
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void PlanGraphicsView::mousePressEvent(QMouseEvent* event)
{
    m_pressAt = event->pos();
    QGraphicsView::mousePressEvent(event);
}

void PlanGraphicsView::mouseReleaseEvent(QMouseEvent* event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // A click, not the end of a drag.
    if (event->button() == Qt::LeftButton && (event->pos() - m_pressAt).manhattanLength() < 6)
        Q_EMIT clickedAt(mapToScene(event->pos()), event->pos());
}

void PlanGraphicsView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QGraphicsView::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton)
        Q_EMIT doubleClickedAt(mapToScene(event->pos()));
}

void PlanGraphicsView::contextMenuEvent(QContextMenuEvent* event)
{
    Q_EMIT contextMenuAt(mapToScene(event->pos()), event->globalPos());
}

void PlanGraphicsView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    Q_EMIT zoomed(scale());
}

// ---- the plan ----

FloorPlanView::FloorPlanView(const Site& site, WardModels& models, AlarmController* alarms, QWidget* parent)
    : QWidget(parent), m_site(site), m_alarms(alarms),
      m_scene(new FloorPlanScene(site, models, alarms ? &alarms->alarms() : nullptr, alarms ? &alarms->flashClock() : nullptr, this)),
      m_view(new PlanGraphicsView(m_scene, this)), m_floors(new QButtonGroup(this)), m_overview(new QToolButton(this)),
      m_find(new QLineEdit(this)), m_found(new ElidedLabel(this)), m_layers(new QToolButton(this)), m_timeline(new QSlider(Qt::Horizontal, this)),
      m_speed(new QComboBox(this)), m_play(new QToolButton(this)), m_liveButton(new QPushButton(tr("Live"), this)),
      m_timeLabel(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("planView"));
    // The switcher: each floor with its open alarms, highest level first; then the overview.
    // Two rows, so that large type and longer languages fit a 1280-pixel screen: the floors and
    // what was found above; the view's tools and the search field below.
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    auto* tools = new QHBoxLayout;
    tools->setContentsMargins(4, 0, 4, 2);
    std::vector<const Floor*> floors;
    for (const Floor& f : site.floors)
        floors.push_back(&f);
    std::sort(floors.begin(), floors.end(), [](const Floor* a, const Floor* b) { return a->level > b->level; });
    // Buttons carry their floor's level as a property (a level may be negative: a basement; a
    // button group's id may not); the overview's has none.
    for (const Floor* f : floors) {
        auto* b = new QToolButton(this);
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("floor%1").arg(f->level));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setProperty("level", f->level);
        m_floors->addButton(b);
        bar->addWidget(b);
    }
    m_overview->setCheckable(true);
    m_overview->setText(tr("All floors"));
    m_overview->setObjectName(QStringLiteral("overview"));
    m_floors->addButton(m_overview);
    m_floors->setExclusive(true);
    bar->addWidget(m_overview);
    connect(m_floors, &QButtonGroup::buttonClicked, this, [this](QAbstractButton* b) {
        const QVariant level = b->property("level");
        showFloor(level.isValid() ? std::optional<int>(level.toInt()) : std::nullopt);
    });
    auto tool = [this, tools](const QString& text, const QString& tip, const QString& name) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        tools->addWidget(b);
        return b;
    };
    connect(tool(QStringLiteral("−"), tr("Zoom out (Ctrl+−)"), QStringLiteral("zoomOut")), &QToolButton::clicked, this, [this] { m_view->zoomBy(1 / 1.25); });
    connect(tool(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), QStringLiteral("zoomIn")), &QToolButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(tool(tr("Fit"), tr("Fit the floor to the view"), QStringLiteral("fit")), &QToolButton::clicked, this, &FloorPlanView::fit);
    auto* zoomIn = new QShortcut(QKeySequence::ZoomIn, this);
    connect(zoomIn, &QShortcut::activated, this, [this] { m_view->zoomBy(1.25); });
    auto* zoomOut = new QShortcut(QKeySequence::ZoomOut, this);
    connect(zoomOut, &QShortcut::activated, this, [this] { m_view->zoomBy(1 / 1.25); });

    // Layers, remembered by the station.
    m_layers->setText(tr("Layers"));
    m_layers->setObjectName(QStringLiteral("layers"));
    m_layers->setPopupMode(QToolButton::InstantPopup);
    auto* layerMenu = new QMenu(m_layers);
    QSettings settings;
    for (int i = 0; i < PlanLayerCount; ++i) {
        const auto layer = PlanLayer(i);
        QAction* a = layerMenu->addAction(layerName(layer));
        a->setCheckable(true);
        a->setObjectName(layerKey(layer));
        const bool on = settings.value(settingsKey(layer), m_scene->layerVisible(layer)).toBool();
        a->setChecked(on);
        m_scene->setLayerVisible(layer, on);
        connect(a, &QAction::toggled, this, [this, layer](bool visible) { setLayerVisible(layer, visible); });
    }
    m_layers->setMenu(layerMenu);
    tools->addWidget(m_layers);

    // Nearest available asset of a type, to the focus alarm's room.
    if (alarms) {
        auto* nearest = new QToolButton(this);
        nearest->setText(tr("Nearest available"));
        nearest->setObjectName(QStringLiteral("nearestAsset"));
        nearest->setPopupMode(QToolButton::InstantPopup);
        auto* menu = new QMenu(nearest);
        for (const QString& type : assetTypes())
            menu->addAction(type, this, [this, type] {
                const AlarmState* a = m_alarms->alarms().find(m_scene->focusAlarm());
                if (a && !a->roomId.isEmpty())
                    findNearestAsset(a->roomId, type);
                else
                    Q_EMIT nearestAssetShown(false, tr("No alarm with a room: right-click a room on the plan instead."));
            });
        nearest->setMenu(menu);
        tools->addWidget(nearest);
    }
    m_found->setObjectName(QStringLiteral("findResult"));
    m_found->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar->addWidget(m_found, 1); // the free space: elided when short
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setPlaceholderText(shortcuts::withKey(tr("Find patient, staff, asset, bed, room"), shortcuts::findOnPlan()));
    m_find->setAccessibleName(tr("Find on the floor plan"));
    m_find->setAccessibleDescription(tr("A patient, staff member, asset, bed or room by name, id or tag; Enter shows it on the plan"));
    m_find->setClearButtonEnabled(true);
    m_find->setToolTip(m_find->placeholderText());
    m_find->setMinimumWidth(m_find->fontMetrics().averageCharWidth() * 16);
    auto* names = new QStringListModel(m_scene->completions(), m_find);
    auto* completer = new QCompleter(names, m_find);
    connect(m_scene, &FloorPlanScene::identitiesChanged, names, [this, names] { names->setStringList(m_scene->completions()); });
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_find->setCompleter(completer);
    tools->addStretch(1);
    tools->addWidget(m_find, 3);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { find(m_find->text()); });
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& text) { find(text); });

    // The look-back timeline: the last hour, at a chosen speed; Live returns.
    auto* timeline = new QHBoxLayout;
    timeline->setContentsMargins(4, 2, 4, 4);
    auto* lookBack = new QLabel(tr("Look back:"), this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setRange(-int(LookBackMs / 1000), 0);
    m_timeline->setValue(0);
    m_timeline->setPageStep(60);
    m_timeline->setToolTip(tr("Drag to see where everyone was in the last hour"));
    m_play->setText(QStringLiteral("▶"));
    m_play->setObjectName(QStringLiteral("play"));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Replay from the chosen time"));
    m_speed->setObjectName(QStringLiteral("speed"));
    for (int s : {1, 10, 30, 60})
        m_speed->addItem(tr("%1×").arg(s), s);
    m_speed->setCurrentIndex(1);
    m_liveButton->setObjectName(QStringLiteral("live"));
    m_liveButton->setEnabled(false);
    m_timeLabel->setObjectName(QStringLiteral("timelineTime"));
    m_timeLabel->setMinimumWidth(200);
    m_timeLabel->setText(tr("Live"));
    timeline->addWidget(lookBack);
    timeline->addWidget(m_timeline, 1);
    timeline->addWidget(m_play);
    timeline->addWidget(m_speed);
    timeline->addWidget(m_timeLabel);
    timeline->addWidget(m_liveButton);
    auto* timelineBox = new QWidget(this);
    timelineBox->setLayout(timeline);
    timelineBox->setVisible(alarms && alarms->core());
    connect(m_timeline, &QSlider::sliderReleased, this, [this] {
        if (m_timeline->value() >= 0)
            goLive();
        else
            replayTo(QDateTime::currentMSecsSinceEpoch() + qint64(m_timeline->value()) * 1000);
    });
    connect(m_timeline, &QSlider::actionTriggered, this, [this](int action) {
        if (action == QAbstractSlider::SliderPageStepAdd || action == QAbstractSlider::SliderPageStepSub ||
            action == QAbstractSlider::SliderSingleStepAdd || action == QAbstractSlider::SliderSingleStepSub)
            QTimer::singleShot(0, this, [this] {
                if (m_timeline->value() >= 0)
                    goLive();
                else
                    replayTo(QDateTime::currentMSecsSinceEpoch() + qint64(m_timeline->value()) * 1000);
            });
    });
    connect(m_liveButton, &QPushButton::clicked, this, &FloorPlanView::goLive);
    m_playTimer.setInterval(250);
    connect(&m_playTimer, &QTimer::timeout, this, &FloorPlanView::onTimelineTick);
    connect(m_play, &QToolButton::toggled, this, [this](bool on) {
        if (on && live())
            replayTo(QDateTime::currentMSecsSinceEpoch() - LookBackMs);
        on ? m_playTimer.start() : m_playTimer.stop();
        m_play->setText(on ? QStringLiteral("⏸") : QStringLiteral("▶"));
    });

    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addLayout(bar);
    v->addLayout(tools);
    v->addWidget(m_view, 1);
    v->addWidget(timelineBox);

    connect(m_view, &PlanGraphicsView::zoomed, m_scene, &FloorPlanScene::setPixelScale);
    // The scene's background changed (floor, layer, palette): the view's cached copy goes.
    connect(m_scene, &FloorPlanScene::backgroundChanged, m_view, &QGraphicsView::resetCachedContent);
    connect(m_scene, &FloorPlanScene::alarmsChanged, this, &FloorPlanView::refreshFloorButtons);
    connect(m_view, &PlanGraphicsView::clickedAt, this, [this](QPointF at, QPoint) {
        for (QGraphicsItem* item : m_view->items(m_view->mapFromScene(at)))
            if (item->type() == PlanCluster::Type) { // a cluster: zoom in on its members
                const QRectF r = static_cast<PlanCluster*>(item)->membersRect().adjusted(-60, -60, 60, 60);
                const double wanted = std::min(m_view->viewport()->width() / r.width(), m_view->viewport()->height() / r.height());
                m_view->zoomBy(wanted / m_view->scale()); // within the zoom's limits
                m_view->centerOn(r.center());
                return;
            }
        const QString alarm = m_scene->alarmAt(at);
        if (!alarm.isEmpty())
            showAlarmDetails(alarm);
    });
    connect(m_view, &PlanGraphicsView::doubleClickedAt, this, [this](QPointF at) {
        const QString patient = m_scene->patientAt(at, m_view->viewportTransform());
        if (!patient.isEmpty())
            Q_EMIT patientActivated(patient);
    });
    connect(m_view, &PlanGraphicsView::contextMenuAt, this, [this](QPointF at, QPoint global) { contextMenu(at)->exec(global); });
    if (alarms && alarms->core()) {
        WardCore* core = alarms->core();
        connect(core, &WardCore::positionsAt, this, [this](const QString& id, qint64 timeMs, const QVector<TagPosition>& positions) {
            if (id != m_replayRequest)
                return;
            m_replayInFlight = false;
            applyReplay(timeMs, positions);
            // One question at a time: a time chosen meanwhile is asked now.
            if (m_replayMs != timeMs && !live())
                requestReplay(m_replayMs);
        });
        connect(core, &WardCore::nearestAsset, this, [this](const QString& id, bool found, const NearbyAsset& asset) {
            if (id != m_assetRequest)
                return;
            m_scene->showNearestAsset(found ? std::optional(asset) : std::nullopt);
            const QString text = found ? tr("Nearest available %1: %2 in %3, %4 m")
                                             .arg(asset.type, asset.name, asset.roomName)
                                             .arg(asset.distanceM)
                                       : tr("No available %1 located").arg(m_assetRequest.section(u'|', 2));
            m_found->setText(text);
            if (found) { // on its floor, centred on its marker
                if (m_scene->floor() && *m_scene->floor() != asset.floor)
                    showFloor(asset.floor);
                if (const PlanMarker* m = m_scene->marker(asset.assetId))
                    centreOn(m->to);
            }
            Q_EMIT nearestAssetShown(found, text);
        });
        // A new alarm while looking back: said on the Live button, which returns to it.
        connect(&alarms->alarms(), &AlarmListModel::alarmsChanged, this, [this] {
            if (!live())
                m_liveButton->setText(m_alarms->alarms().signallingCount() ? tr("Live (%n alarm(s))", nullptr, m_alarms->alarms().signallingCount())
                                                                           : tr("Live"));
        });
    }
    m_scene->applyPalette(palette());
    refreshFloorButtons();
    // The lowest floor first.
    showFloor(floors.empty() ? std::nullopt : std::optional<int>(floors.back()->level));
}

std::unique_ptr<QMenu> FloorPlanView::contextMenu(QPointF at)
{
    auto menu = std::make_unique<QMenu>(this);
    // A tag's marker (or a cluster's, or a near ring's tags): why it is placed there. The live plan
    // only: a recorded position is no fix.
    if (m_alarms && m_alarms->core() && live()) {
        QList<const PlanMarker*> tagged;
        for (const PlanMarker* m : m_scene->markersAt(at, m_view->viewportTransform()))
            if (!m->tag.isEmpty())
                tagged << m;
        QMenu* into = tagged.size() > 1 ? menu->addMenu(tr("Explain position")) : menu.get();
        for (const PlanMarker* m : std::as_const(tagged)) {
            const QString tag = m->tag, subject = m->name;
            into->addAction(tr("Explain position of %1…").arg(subject), this, [this, tag, subject] { explainPosition(tag, subject); })
                ->setObjectName(QStringLiteral("explain-position"));
        }
    }
    const QString roomId = m_scene->roomAt(at);
    const Room* room = m_site.room(roomId);
    if (room && m_alarms && m_alarms->core()) {
        QMenu* sub = menu->addMenu(tr("Nearest available to %1").arg(room->name));
        for (const QString& type : assetTypes())
            sub->addAction(type, this, [this, roomId, type] { findNearestAsset(roomId, type); });
    }
    const QString alarm = m_scene->alarmAt(at);
    if (!alarm.isEmpty())
        menu->addAction(tr("Alarm details…"), this, [this, alarm] { showAlarmDetails(alarm); });
    menu->addAction(tr("Fit"), this, &FloorPlanView::fit);
    return menu;
}

ExplainPositionWindow* FloorPlanView::explainPosition(const QString& tagId, const QString& subject)
{
    if (!m_alarms || !m_alarms->core())
        return nullptr;
    for (ExplainPositionWindow* open : window()->findChildren<ExplainPositionWindow*>())
        if (open->tagId() == tagId) {
            open->refresh();
            open->raise();
            open->activateWindow();
            return open;
        }
    auto* w = new ExplainPositionWindow(m_site, m_alarms->core(), tagId, subject, window());
    w->show();
    return w;
}

QStringList FloorPlanView::assetTypes() const
{
    QStringList types;
    for (const Asset& a : m_site.assets)
        if (!types.contains(a.type))
            types << a.type;
    types.sort();
    return types;
}

void FloorPlanView::refreshFloorButtons()
{
    for (QAbstractButton* b : m_floors->buttons()) {
        const QVariant levelProperty = b->property("level");
        const Floor* f = levelProperty.isValid() ? m_site.floor(levelProperty.toInt()) : nullptr;
        if (!f)
            continue;
        const int level = f->level;
        const auto n = m_scene->alarmCounts(level);
        QString text = QCoreApplication::translate("site", f->name.toUtf8().constData());
        static const char* const symbols[] = {"!!!", "!!", "!"};
        for (int p = 0; p < 3; ++p)
            if (n[size_t(p)])
                text += QStringLiteral("  %1 %2").arg(QLatin1String(symbols[p])).arg(n[size_t(p)]);
        b->setText(text);
        b->setToolTip(tr("%1: %2 high, %3 medium, %4 low priority alarms open").arg(f->name).arg(n[0]).arg(n[1]).arg(n[2]));
        const Priority top = n[0] ? Priority::High : n[1] ? Priority::Medium : Priority::Low;
        // In the top priority's colours through the palette (a style sheet would freeze the
        // button's font: large type would pass it by).
        const bool any = n[0] + n[1] + n[2] > 0;
        const ColourPair colours = priorityColours(top);
        if (any && (b->palette().color(QPalette::Button) != colours.background || !b->testAttribute(Qt::WA_SetPalette))) {
            QPalette pal = b->palette();
            pal.setColor(QPalette::Button, colours.background);
            pal.setColor(QPalette::ButtonText, colours.text);
            b->setPalette(pal);
        } else if (!any && b->testAttribute(Qt::WA_SetPalette)) {
            b->setPalette(QPalette()); // the application's again
            b->setAttribute(Qt::WA_SetPalette, false);
        }
        setBoldFont(b, any);
    }
}

void FloorPlanView::showFloor(std::optional<int> level)
{
    if (level && !m_site.floor(*level))
        return;
    m_scene->setFloor(level);
    for (QAbstractButton* b : m_floors->buttons())
        if (b->property("level").isValid() ? level && b->property("level").toInt() == *level : !level)
            b->setChecked(true);
    fit();
}

void FloorPlanView::fit()
{
    const std::optional<int> level = m_scene->floor();
    const QRectF r = level ? m_scene->floorRect(*level).adjusted(-20, -30, 20, 20) : m_scene->overviewRect().adjusted(-20, -10, 20, 20);
    m_view->setSceneRect(m_scene->overviewRect().adjusted(-2000, -2000, 2000, 2000));
    m_view->fitInView(r, Qt::KeepAspectRatio);
    Q_EMIT m_view->zoomed(m_view->scale());
}

QPointF FloorPlanView::centre() const
{
    // To the fraction of a pixel (mapToScene takes whole pixels).
    return m_view->viewportTransform().inverted().map(QPointF(m_view->viewport()->width() / 2.0, m_view->viewport()->height() / 2.0));
}

QPoint FloorPlanView::toViewport(int floor, QPointF sitePoint) const
{
    return m_view->mapFromScene(m_scene->toScene(floor, sitePoint));
}

void FloorPlanView::centreOn(QPointF p)
{
    if (!isVisible())
        m_pendingCentre = p; // fitted and centred when shown
    m_view->centerOn(p);
}

void FloorPlanView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_scene->applyPalette(palette());
        m_view->resetCachedContent();
    }
    QWidget::changeEvent(event);
}

FloorPlanView::ViewState FloorPlanView::viewState() const
{
    if (m_pendingState)
        return *m_pendingState;
    ViewState s;
    s.floor = m_scene->floor();
    s.focusAlarm = m_scene->focusAlarm();
    for (auto* d : findChildren<QDialog*>(QStringLiteral("alarmDetails"), Qt::FindDirectChildrenOnly))
        if (d->isVisible()) {
            s.detailsAlarm = d->property("alarmId").toString();
            if (auto* comment = d->findChild<QLineEdit*>(QStringLiteral("ackComment")))
                s.detailsComment = comment->text();
        }
    if (m_shown) {
        s.scale = m_view->scale();
        s.centre = centre();
    }
    return s;
}

void FloorPlanView::setViewState(const ViewState& state)
{
    showFloor(state.floor);
    if (!state.focusAlarm.isEmpty())
        m_scene->setFocusAlarm(state.focusAlarm);
    if (!state.detailsAlarm.isEmpty())
        if (QDialog* d = showAlarmDetails(state.detailsAlarm))
            if (auto* comment = d->findChild<QLineEdit*>(QStringLiteral("ackComment")))
                comment->setText(state.detailsComment);
    m_pendingState.reset();
    if (state.scale <= 0)
        return;
    if (!isVisible()) {
        m_pendingState = state; // the zoom and the centre when shown
        return;
    }
    zoomTo(state);
}

void FloorPlanView::zoomTo(const ViewState& state)
{
    m_shown = true;
    m_view->setTransform(QTransform::fromScale(state.scale, state.scale));
    // The centre where it was (QGraphicsView::centerOn rounds it a pixel off now and then: a
    // plan built again and again would creep).
    const QPointF at = m_view->transform().map(state.centre);
    m_view->horizontalScrollBar()->setValue(qRound(at.x() - m_view->viewport()->width() / 2.0));
    m_view->verticalScrollBar()->setValue(qRound(at.y() - m_view->viewport()->height() / 2.0));
    Q_EMIT m_view->zoomed(m_view->scale());
}

void FloorPlanView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Fitted the first time, and when something was to be centred while hidden; otherwise the
    // nurse's zoom and place stay as they were left (or as a plan built before this one left them,
    // unless the floor changed since).
    const std::optional<QPointF> pending = std::exchange(m_pendingCentre, std::nullopt);
    const std::optional<ViewState> state = std::exchange(m_pendingState, std::nullopt);
    if (state && state->floor == m_scene->floor())
        zoomTo(*state);
    else if (pending || !std::exchange(m_shown, true))
        fit();
    if (pending)
        m_view->centerOn(*pending);
}

bool FloorPlanView::showAlarm(const QString& alarmId)
{
    const auto place = m_scene->alarmPlace(alarmId);
    if (!place)
        return false; // no place on the plan (a technical alarm): the focus stays where it was
    goLive(); // an alarm is shown as it is now
    m_scene->setFocusAlarm(alarmId);
    if (m_scene->floor() != place->first)
        showFloor(place->first);
    centreOn(place->second);
    return true;
}

bool FloorPlanView::find(const QString& query)
{
    const auto found = m_scene->find(query);
    if (!found) {
        m_found->setText(tr("Not found: %1").arg(query));
        return false;
    }
    if (!found->located) {
        m_found->setText(tr("%1: no position known").arg(found->text));
        return false;
    }
    if (m_scene->floor() && *m_scene->floor() != found->floor)
        showFloor(found->floor);
    const QPointF at = m_scene->toScene(found->floor, found->site);
    if (m_view->scale() * FloorPlanScene::PxPerM < 40) // close enough to tell who is who
        m_view->zoomBy(40 / (m_view->scale() * FloorPlanScene::PxPerM));
    centreOn(at);
    m_scene->pulseAt(at);
    m_found->setText(found->text);
    return true;
}

void FloorPlanView::setLayerVisible(PlanLayer layer, bool visible)
{
    m_scene->setLayerVisible(layer, visible);
    QSettings().setValue(settingsKey(layer), visible);
    if (auto* a = m_layers->menu()->findChild<QAction*>(layerKey(layer)); a && a->isChecked() != visible)
        a->setChecked(visible);
}

void FloorPlanView::findNearestAsset(const QString& roomId, const QString& type)
{
    if (!m_alarms || !m_alarms->core())
        return;
    m_assetRequest = QStringLiteral("plan-asset-%1|%2|%3").arg(++m_requests).arg(roomId, type);
    QMetaObject::invokeMethod(m_alarms->core(), "findNearestAsset", Qt::QueuedConnection, Q_ARG(QString, m_assetRequest),
                              Q_ARG(QString, roomId), Q_ARG(QString, type));
}

void FloorPlanView::replayTo(qint64 timeMs)
{
    if (!m_alarms || !m_alarms->core())
        return;
    m_replayMs = timeMs;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_timeline->blockSignals(true);
    m_timeline->setValue(int(std::clamp<qint64>((timeMs - now) / 1000, -LookBackMs / 1000, 0)));
    m_timeline->blockSignals(false);
    if (m_loggedUntil < now - 30'000)
        loadLogForReplay();
    requestReplay(timeMs);
}

void FloorPlanView::requestReplay(qint64 timeMs)
{
    if (m_replayInFlight)
        return; // asked when the answer in flight comes back (m_replayMs is the time wanted)
    m_replayInFlight = true;
    // Every tag at its last recorded place before T, however long before (a patient lying in bed
    // records a sample only when they move; the history keeps 12 h).
    m_replayRequest = QStringLiteral("plan-replay-%1").arg(++m_requests);
    QMetaObject::invokeMethod(m_alarms->core(), "queryPositionsAt", Qt::QueuedConnection, Q_ARG(QString, m_replayRequest),
                              Q_ARG(qint64, timeMs), Q_ARG(qint64, qint64(-1)));
}

void FloorPlanView::loadLogForReplay()
{
    // The log's alarms of the last hours, read on a worker; the rooms lit at T come from them.
    const QString path = m_alarms->logPath();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_loggedUntil = now;
    if (path.isEmpty())
        return;
    QPointer<FloorPlanView> self(this);
    QThreadPool::globalInstance()->start([self, path, now] {
        LogFilter f;
        f.fromMs = now - 2 * LookBackMs;
        f.alarmsOnly = true;
        f.limit = 20000;
        QString error;
        const std::vector<LogEntry> entries = AlarmLog::query(path, f, &error);
        QHash<QString, LoggedAlarm> logged;
        for (const LogEntry& e : entries) {
            if (e.state.id.isEmpty())
                continue;
            LoggedAlarm& a = logged[e.state.id];
            a.roomId = e.state.roomId;
            a.priority = e.state.priority;
            a.onsetMs = e.state.onsetMs ? e.state.onsetMs : e.utcMs;
            // Open until closed, or (a pressed button) until acknowledged.
            const qint64 end = e.state.closedMs ? e.state.closedMs : (e.state.endsOnAck && e.state.ackedAtMs ? e.state.ackedAtMs : 0);
            if (end)
                a.closedMs = a.closedMs ? std::min(a.closedMs, end) : end;
        }
        QMetaObject::invokeMethod(qApp, [self, logged] {
            if (!self)
                return;
            self->m_logged = logged;
            if (!self->live() && !self->m_replayInFlight)
                self->requestReplay(self->m_replayMs);
        });
    });
}

void FloorPlanView::applyReplay(qint64 timeMs, const QVector<TagPosition>& positions)
{
    if (m_scene->live() && m_replayRequest.isEmpty())
        return; // went live meanwhile
    QHash<QString, Priority> rooms;
    for (const LoggedAlarm& a : std::as_const(m_logged))
        if (!a.roomId.isEmpty() && a.onsetMs <= timeMs && (!a.closedMs || a.closedMs > timeMs))
            if (!rooms.contains(a.roomId) || int(a.priority) > int(rooms.value(a.roomId)))
                rooms.insert(a.roomId, a.priority);
    m_scene->showRecorded(timeMs, positions, rooms);
    m_liveButton->setEnabled(true);
    setBoldFont(m_liveButton, true);
    m_timeLabel->setText(tr("Looking back: %1").arg(formatTime(timeMs)));
    setTextTone(m_timeLabel, TextTone::Warning, true);
    Q_EMIT replayed(timeMs);
}

void FloorPlanView::onTimelineTick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 next = m_replayMs + qint64(m_speed->currentData().toInt()) * m_playTimer.interval();
    if (next >= now) {
        m_play->setChecked(false);
        goLive();
        return;
    }
    replayTo(next);
}

void FloorPlanView::goLive()
{
    m_replayRequest.clear();
    m_replayInFlight = false;
    m_play->setChecked(false);
    m_scene->setLive();
    m_timeline->blockSignals(true);
    m_timeline->setValue(0);
    m_timeline->blockSignals(false);
    m_liveButton->setEnabled(false);
    m_liveButton->setText(tr("Live"));
    setBoldFont(m_liveButton, false);
    m_timeLabel->setText(tr("Live"));
    setTextTone(m_timeLabel, TextTone::Normal);
}

void FloorPlanView::focusFind()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

QDialog* FloorPlanView::showAlarmDetails(const QString& alarmId)
{
    if (!m_alarms)
        return nullptr;
    const AlarmState* a = m_alarms->alarms().find(alarmId);
    if (!a)
        return nullptr;
    auto* d = new QDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setObjectName(QStringLiteral("alarmDetails"));
    d->setProperty("alarmId", alarmId);
    d->setWindowTitle(tr("Alarm: %1").arg(shownCondition(*a)));
    auto* form = new QFormLayout;
    auto* priority = new QLabel(QStringLiteral("%1 %2").arg(prioritySymbol(a->priority), priorityText(a->priority)), d);
    const ColourPair colours = priorityColours(a->priority);
    QPalette pal = priority->palette();
    pal.setColor(QPalette::Window, colours.background);
    pal.setColor(QPalette::WindowText, colours.text);
    priority->setPalette(pal);
    priority->setAutoFillBackground(true);
    priority->setMargin(4);
    setBoldFont(priority, true);
    form->addRow(tr("Priority"), priority);
    form->addRow(tr("Condition"), new QLabel(shownCondition(*a), d));
    form->addRow(tr("Who"), new QLabel(shownData(a->subject), d));
    form->addRow(tr("Where"), new QLabel(shownData(a->place), d));
    form->addRow(tr("Since"), new QLabel(formatTime(a->onsetMs), d));
    form->addRow(tr("State"), new QLabel(phaseText(*a), d));
    QStringList near;
    for (const Responder& r : m_alarms->alarms().responders(alarmId))
        near << responderText(r);
    form->addRow(tr("Nearest"), new QLabel(near.isEmpty() ? m_alarms->alarms().nearestText(*a) : near.join(u'\n'), d));
    auto* message = new QLabel(d);
    message->setObjectName(QStringLiteral("detailsMessage"));
    message->setWordWrap(true);
    auto* assetRow = new QHBoxLayout;
    auto* type = new QComboBox(d);
    type->setObjectName(QStringLiteral("assetType"));
    type->addItems(assetTypes());
    auto* findAsset = new QPushButton(tr("Find nearest available"), d);
    findAsset->setObjectName(QStringLiteral("findAsset"));
    findAsset->setEnabled(!a->roomId.isEmpty() && m_alarms->core());
    assetRow->addWidget(type, 1);
    assetRow->addWidget(findAsset);
    form->addRow(tr("Equipment"), assetRow);
    const QString roomId = a->roomId;
    connect(findAsset, &QPushButton::clicked, d, [this, type, roomId] { findNearestAsset(roomId, type->currentText()); });
    connect(this, &FloorPlanView::nearestAssetShown, message, [message](bool, const QString& text) { message->setText(text); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, d);
    if (!a->ackComment.isEmpty())
        form->addRow(tr("Comment"), new QLabel(a->ackComment, d));
    auto* comment = new QLineEdit(d);
    comment->setObjectName(QStringLiteral("ackComment"));
    comment->setMaxLength(AlarmEngine::MaxCommentChars);
    comment->setPlaceholderText(tr("optional: shown with the alarm and in the history"));
    comment->setEnabled(!a->acknowledged() && !a->closed());
    form->addRow(tr("Comment"), comment);
    auto* ack = buttons->addButton(tr("Acknowledge"), QDialogButtonBox::ActionRole);
    ack->setObjectName(QStringLiteral("detailsAcknowledge"));
    ack->setEnabled(!a->acknowledged() && !a->closed());
    ack->setToolTip(m_alarms->operatorId().isEmpty() ? tr("Sign in to acknowledge") : tr("Acknowledge as %1").arg(m_alarms->operatorName()));
    ack->setAccessibleName(tr("Acknowledge this alarm"));
    connect(ack, &QPushButton::clicked, d, [this, alarmId, comment] { m_alarms->acknowledge(alarmId, comment->text().simplified()); });
    connect(m_alarms, &AlarmController::message, message, [message](const QString& text, bool) { message->setText(text); });
    connect(m_alarms, &AlarmController::alarmUpdated, ack, [ack, comment, alarmId](const AlarmState& s) {
        if (s.id == alarmId) {
            ack->setEnabled(!s.acknowledged() && !s.closed());
            comment->setEnabled(ack->isEnabled());
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::close);
    auto* v = new QVBoxLayout(d);
    v->addLayout(form);
    v->addWidget(message);
    v->addWidget(buttons);
    m_scene->setFocusAlarm(alarmId);
    d->show();
    return d;
}

} // namespace ww
