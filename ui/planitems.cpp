#include "ui/planitems.h"

#include "models/alarmlistmodel.h"
#include "models/wardmodels.h"
#include "ui/floorplanscene.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>
#include <algorithm>
#include <cmath>

namespace ww {

namespace {

QColor mixColours(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QColor roomFill(RoomKind kind, const QPalette& pal)
{
    const QColor base = pal.color(QPalette::Base);
    switch (kind) {
    case RoomKind::Corridor: return mixColours(base, pal.color(QPalette::Mid), 0.18);
    case RoomKind::Icu:
    case RoomKind::OperatingRoom: return mixColours(base, QColor(60, 120, 220), 0.14);
    case RoomKind::Isolation: return mixColours(base, QColor(230, 140, 40), 0.14);
    case RoomKind::Pharmacy: return mixColours(base, QColor(140, 90, 210), 0.12);
    case RoomKind::Exit:
    case RoomKind::Stairs: return mixColours(base, QColor(40, 160, 60), 0.14);
    case RoomKind::StaffArea:
    case RoomKind::Office: return mixColours(base, QColor(200, 190, 60), 0.12);
    default: return base;
    }
}

QPolygonF regular(int corners, double r, double startDeg)
{
    QPolygonF p;
    for (int i = 0; i < corners; ++i) {
        const double a = (startDeg + 360.0 * i / corners) * M_PI / 180.0;
        p << QPointF(r * std::cos(a), r * std::sin(a));
    }
    return p;
}

} // namespace

QColor planRoomFill(RoomKind kind, const QPalette& palette)
{
    return roomFill(kind, palette);
}

QColor planMix(const QColor& a, const QColor& b, double t)
{
    return mixColours(a, b, t);
}

QColor planLabelColour(const QColor& marker, bool live)
{
    const bool dark = colourScheme() == ColourScheme::Dark;
    if (!live)
        return noSignalColour();
    return dark ? mixColours(marker, Qt::white, 0.6) : marker.darker(170);
}

PlanRoom::PlanRoom(const Room& room, const QPolygonF& scenePolygon, QGraphicsItem* parent)
    : QGraphicsPolygonItem(scenePolygon, parent), m_room(room)
{
    setZValue(0);
    // Redrawn when its alarm, phase or tint changes (or the zoom), blitted otherwise.
    setCacheMode(DeviceCoordinateCache);
}

QRectF PlanRoom::boundingRect() const
{
    // Room for half of the 4 px outline at the smallest zoom (0.15 px per unit).
    return QGraphicsPolygonItem::boundingRect().adjusted(-14, -14, 14, 14);
}

void PlanRoom::setAlarm(std::optional<Priority> priority, bool recorded)
{
    if (priority == m_alarm && recorded == m_recorded)
        return;
    m_alarm = priority;
    m_recorded = recorded;
    setZValue(priority ? 1 : 0); // its outline over the neighbours'
    update();
}

void PlanRoom::setLit(bool lit)
{
    if (lit == m_lit)
        return;
    m_lit = lit;
    update();
}

void PlanRoom::setClimate(Climate c)
{
    if (c == m_climate)
        return;
    m_climate = c;
    update();
}

void PlanRoom::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget* widget)
{
    const QPolygonF& poly = polygon();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_climate != Climate::Off) {
        const QPalette pal = widget ? widget->palette() : QApplication::palette();
        QColor tint = m_climate == Climate::InTarget      ? QColor(40, 170, 80, 70)
                      : m_climate == Climate::OutOfTarget ? QColor(230, 120, 0, 120)
                                                          : pal.color(QPalette::Mid);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_climate == Climate::NoSignal ? QBrush(tint, Qt::BDiagPattern) : QBrush(tint));
        painter->drawPolygon(poly);
    }
    if (!m_alarm)
        return;
    const QColor c = priorityColour(*m_alarm);
    // Lit: filled in the priority's colour, outlined thick; dark: outlined only, thin and dashed.
    // A recorded (look-back) alarm is drawn steady, outlined and hatched. Outlines keep their width
    // on screen at every zoom.
    auto pen = [](const QColor& colour, double px, Qt::PenStyle style) {
        QPen p(colour, px, style);
        p.setCosmetic(true);
        return p;
    };
    if (m_recorded) {
        painter->setPen(pen(c, 3, Qt::DashLine));
        painter->setBrush(QBrush(c, Qt::FDiagPattern));
    } else if (m_lit) {
        QColor f = c;
        f.setAlpha(150);
        painter->setPen(pen(c.darker(115), 4, Qt::SolidLine));
        painter->setBrush(f);
    } else {
        painter->setPen(pen(c, 2, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
    }
    painter->drawPolygon(poly);
    // The priority's symbol too, colour never being the only cue: on a badge of the priority's own
    // colours (lit or recorded), or in its colour on the plan (dark phase).
    QFont f = painter->font();
    f.setPixelSize(22);
    f.setBold(true);
    painter->setFont(f);
    const QRectF b = poly.boundingRect();
    const QString symbol = prioritySymbol(*m_alarm);
    const QRectF text(b.left(), b.bottom() - 34, b.width(), 30);
    if (m_lit || m_recorded) {
        const ColourPair badge = priorityColours(*m_alarm);
        const double w = QFontMetricsF(f).horizontalAdvance(symbol) + 12;
        painter->setPen(Qt::NoPen);
        painter->setBrush(badge.background);
        painter->drawRoundedRect(QRectF(text.center().x() - w / 2, text.top() + 2, w, text.height() - 4), 5, 5);
        painter->setPen(badge.text);
    } else {
        // Yellow or cyan on a light plan would hardly show: a darker shade of the same hue.
        painter->setPen(colourScheme() == ColourScheme::Dark ? c : c.darker(170));
    }
    painter->drawText(text, Qt::AlignCenter, symbol);
}

PlanMarker::PlanMarker(MarkerKind k, QString i, QString t, QString n, QString d)
    : kind(k), id(std::move(i)), tag(std::move(t)), name(std::move(n)), detail(std::move(d))
{
    setFlag(ItemIgnoresTransformations);
    setZValue(10 + int(kind == MarkerKind::Patient)); // patients over staff and assets
    setVisible(false);
    // Drawn once into a pixmap and blitted while it moves: a thousand markers gliding stay cheap.
    setCacheMode(DeviceCoordinateCache);
    label = new QGraphicsSimpleTextItem(this);
    label->setCacheMode(DeviceCoordinateCache);
    label->setVisible(false);
}

QRectF PlanMarker::boundingRect() const
{
    const double r = FloorPlanScene::MarkerPx / 2 + 8; // the ring
    return {-r, -r, 2 * r, 2 * r};
}

QColor PlanMarker::colour() const
{
    switch (kind) {
    case MarkerKind::Patient: return FloorPlanScene::patientColour();
    case MarkerKind::Staff: return FloorPlanScene::staffColour(detail);
    case MarkerKind::Asset: return FloorPlanScene::assetColour();
    }
    return {};
}

QString PlanMarker::labelText() const
{
    if (state.live)
        return name;
    return QCoreApplication::translate("ww::FloorPlanScene", "%1 · seen %2").arg(name, formatTime(state.timeMs).left(5));
}

QString PlanMarker::toolTipText() const
{
    const QString room = state.roomName.isEmpty() ? QCoreApplication::translate("ww::FloorPlanScene", "no room") : state.roomName;
    const QString what = detail.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, detail);
    if (state.unknownNear) // no place to give an accuracy of
        return QStringLiteral("%1 — %2").arg(what, room);
    if (!state.live)
        return QCoreApplication::translate("ww::FloorPlanScene", "%1 — last seen %2 in %3, ±%4 m")
            .arg(what, formatTime(state.timeMs), room)
            .arg(state.accuracyM, 0, 'f', 1);
    return QCoreApplication::translate("ww::FloorPlanScene", "%1 — %2, ±%3 m").arg(what, room).arg(state.accuracyM, 0, 'f', 1);
}

void PlanMarker::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const double r = FloorPlanScene::MarkerPx / 2;
    painter->setRenderHint(QPainter::Antialiasing);
    // A silent tag keeps its last place, hollow and grey: never shown as if live.
    QColor c = state.live ? colour() : noSignalColour();
    if (alarm && lit)
        c = priorityColour(*alarm);
    painter->setPen(QPen(state.live ? c.darker(150) : c, state.live ? 1.5 : 2.5));
    painter->setBrush(state.live ? QBrush(c) : QBrush(Qt::NoBrush));
    if (state.stale)
        painter->setOpacity(0.45);
    // Patients round; staff by role (nurse: triangle, doctor: diamond, assistant: triangle down,
    // others: hexagon); assets square with their type's initial.
    switch (kind) {
    case MarkerKind::Patient: painter->drawEllipse(QPointF(0, 0), r, r); break;
    case MarkerKind::Staff: {
        const QString role = detail.toLower();
        if (role == QLatin1String("nurse"))
            painter->drawPolygon(regular(3, r * 1.2, -90));
        else if (role == QLatin1String("doctor"))
            painter->drawPolygon(regular(4, r * 1.15, -90));
        else if (role == QLatin1String("healthcare assistant"))
            painter->drawPolygon(regular(3, r * 1.2, 90));
        else
            painter->drawPolygon(regular(6, r, 0));
        break;
    }
    case MarkerKind::Asset: {
        painter->drawRect(QRectF(-r * 0.85, -r * 0.85, 1.7 * r, 1.7 * r));
        static const QFont f = [] {
            QFont font;
            font.setPixelSize(11);
            font.setBold(true);
            return font;
        }();
        painter->setFont(f);
        painter->setPen(state.live ? QColor(Qt::white) : c);
        painter->drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt::AlignCenter, detail.left(1).toUpper());
        break;
    }
    }
    if (ring) {
        painter->setPen(QPen(*ring, 3.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(0, 0), r + 5, r + 5);
    }
}

PlanCluster::PlanCluster(QList<PlanMarker*> members) : m_members(std::move(members))
{
    setFlag(ItemIgnoresTransformations);
    setZValue(20);
    setCacheMode(DeviceCoordinateCache);
    QPointF sum;
    QStringList names;
    for (PlanMarker* m : std::as_const(m_members)) {
        sum += m->to;
        names << m->name;
        if (m->alarm && (!m_alarm || int(*m->alarm) > int(*m_alarm)))
            m_alarm = m->alarm;
    }
    setPos(sum / double(m_members.size()));
    names.sort();
    if (names.size() > 25) {
        const int more = int(names.size()) - 25;
        names = names.mid(0, 25);
        names << QCoreApplication::translate("ww::FloorPlanScene", "… and %1 more").arg(more);
    }
    setToolTip(names.join(u'\n'));
}

QRectF PlanCluster::membersRect() const
{
    QRectF r;
    for (PlanMarker* m : m_members)
        r = r.isNull() ? QRectF(m->to, QSizeF(0.001, 0.001)) : r.united(QRectF(m->to, QSizeF(0.001, 0.001)));
    return r;
}

QRectF PlanCluster::boundingRect() const
{
    return {-17, -17, 34, 34};
}

void PlanCluster::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor rim = m_alarm ? priorityColour(*m_alarm) : QColor(40, 40, 40);
    painter->setPen(QPen(rim, 3));
    painter->setBrush(QColor(50, 60, 80));
    painter->drawEllipse(QPointF(0, 0), 15, 15);
    static const QFont f = [] {
        QFont font;
        font.setPixelSize(14);
        font.setBold(true);
        return font;
    }();
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(-15, -15, 30, 30), Qt::AlignCenter, QString::number(m_members.size()));
}

PlanNearRing::PlanNearRing(QString roomId) : m_roomId(std::move(roomId))
{
    setFlag(ItemIgnoresTransformations);
    setZValue(9); // under the markers: a tag located for sure is never hidden by one that is not
    setCacheMode(DeviceCoordinateCache);
    setData(0, QStringLiteral("unknown-near"));
    setVisible(false);
}

void PlanNearRing::setMembers(QList<PlanMarker*> members)
{
    std::sort(members.begin(), members.end(), [](const PlanMarker* a, const PlanMarker* b) {
        return a->kind != b->kind ? int(a->kind) < int(b->kind) : a->name < b->name;
    });
    QStringList lines;
    for (const PlanMarker* m : std::as_const(members))
        lines << m->toolTipText();
    if (lines.size() > 25) {
        const int more = int(lines.size()) - 25;
        lines = lines.mid(0, 25);
        lines << QCoreApplication::translate("ww::FloorPlanScene", "… and %1 more").arg(more);
    }
    const bool redraw = members.size() != m_members.size();
    m_members = std::move(members);
    setToolTip(lines.join(u'\n'));
    setVisible(!m_members.isEmpty());
    if (redraw)
        update();
}

QRectF PlanNearRing::boundingRect() const
{
    const double r = FloorPlanScene::MarkerPx / 2 + 6;
    return {-r, -r, 2 * r, 2 * r};
}

void PlanNearRing::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    // Grey as a silent tag and faded as a stale one: the plan is not sure where they are.
    const double r = FloorPlanScene::MarkerPx / 2 + 4;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(0.8);
    const QColor c = noSignalColour();
    QPen pen(c, 2.2, Qt::DashLine, Qt::FlatCap);
    pen.setDashPattern({2.5, 1.8});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawEllipse(QPointF(0, 0), r, r);
    static const QFont f = [] {
        QFont font;
        font.setPixelSize(12);
        font.setBold(true);
        return font;
    }();
    painter->setFont(f);
    painter->setPen(c);
    const QString text = m_members.size() > 1 ? QStringLiteral("?%1").arg(m_members.size()) : QStringLiteral("?");
    painter->drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt::AlignCenter, text);
}

} // namespace ww
