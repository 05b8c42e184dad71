#pragma once
// The floor-plan scene's items: a floor's SVG plan tinted from the palette, a room (its fill, its
// alarm lit or dark on the station's flash clock, its climate tint), a marker (patient, staff
// member or asset; the same size on screen at every zoom) and a cluster of markers.
#include "domain/alarmtypes.h"
#include "domain/site.h"

#include <QGraphicsItem>
#include <QGraphicsPolygonItem>
#include <QImage>
#include <memory>
#include <optional>

class QSvgRenderer;
class QGraphicsSimpleTextItem;
class QGraphicsEllipseItem;

namespace ww {

// A room's fill from the palette: its base with a little of the kind's hue (a dark theme stays dark).
[[nodiscard]] QColor planRoomFill(RoomKind kind, const QPalette& palette);
[[nodiscard]] QColor planMix(const QColor& a, const QColor& b, double t);
// A marker's name beside it on the plan: its colour, darkened on a light plan and lightened on a
// dark one; grey when the tag is silent.
[[nodiscard]] QColor planLabelColour(const QColor& marker, bool live);

// A room's state over the plan (the scene's background draws the room itself): its alarm, lit or
// dark on the station's flash clock, and its climate tint. Draws nothing when it has neither.
class PlanRoom : public QGraphicsPolygonItem
{
public:
    enum class Climate { Off, InTarget, OutOfTarget, NoSignal };
    PlanRoom(const Room& room, const QPolygonF& scenePolygon, QGraphicsItem* parent);
    [[nodiscard]] const Room& room() const { return m_room; }
    // The highest priority of the room's open alarms (nullopt: none); recorded: a look-back state, drawn steady.
    void setAlarm(std::optional<Priority> priority, bool recorded);
    [[nodiscard]] std::optional<Priority> alarm() const { return m_alarm; }
    // Lit or dark: the flash clock's phase for the alarm's priority (always lit when steady).
    void setLit(bool lit);
    [[nodiscard]] bool lit() const { return m_lit; }
    void setClimate(Climate c);
    [[nodiscard]] Climate climate() const { return m_climate; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] QRectF boundingRect() const override;

private:
    const Room& m_room;
    std::optional<Priority> m_alarm;
    bool m_recorded = false;
    bool m_lit = true;
    Climate m_climate = Climate::Off;
};

enum class MarkerKind { Patient, Staff, Asset };

class PlanMarker : public QGraphicsItem
{
public:
    enum { Type = UserType + 11 };
    PlanMarker(MarkerKind kind, QString id, QString tag, QString name, QString detail);
    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const MarkerKind kind;
    QString id, tag, name, detail; // detail: role, asset type or bed (a bed's patient changes with the census)
    // The state it is drawn from (set by the scene).
    struct State
    {
        bool known = false;  // located at least once
        bool live = false;   // heard now; false: drawn hollow and grey, with the time last seen
        int floor = 0;
        QPointF site;        // site frame, metres
        double accuracyM = 0;
        QString roomName;
        bool stale = false;  // the room kept from before a long silence: drawn faded
        // "unknown, near R": no room and no dot; the room's near ring stands for it (PlanNearRing).
        bool unknownNear = false;
        QString nearRoomId;
        qint64 timeMs = 0;   // of the fix
        bool operator==(const State&) const = default;
    };
    State state;
    // An alarm of its own (flashing with the room's), the ring of the nearest responder or asset.
    std::optional<Priority> alarm;
    bool lit = true;
    std::optional<QColor> ring;
    bool clustered = false;

    QGraphicsSimpleTextItem* label = nullptr;   // child: placed by the scene where it overlaps nothing
    QGraphicsEllipseItem* accuracy = nullptr;   // a scene item of its own (it scales with the zoom)
    QPointF from, to; // gliding from a fix to the next
    qint64 glideStartMs = 0;
    [[nodiscard]] QString labelText() const;
    [[nodiscard]] QString toolTipText() const;
    [[nodiscard]] QColor colour() const;
};

class PlanCluster : public QGraphicsItem
{
public:
    enum { Type = UserType + 12 };
    explicit PlanCluster(QList<PlanMarker*> members);
    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] int count() const { return int(m_members.size()); }
    [[nodiscard]] const QList<PlanMarker*>& members() const { return m_members; }
    [[nodiscard]] QRectF membersRect() const; // scene rectangle of its members
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QList<PlanMarker*> m_members;
    std::optional<Priority> m_alarm;
};

// The tags whose room is "unknown, near R" (its receivers went offline): a faded, dashed grey ring
// at R's centre with a question mark (and how many when more than one), never a dot in the room;
// its tooltip names each tag "unknown, near Room 115". The same size on screen at every zoom.
class PlanNearRing : public QGraphicsItem
{
public:
    enum { Type = UserType + 13 };
    explicit PlanNearRing(QString roomId);
    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] const QString& roomId() const { return m_roomId; }
    // The tags near the room that the plan shows (their layer on); none: hidden.
    void setMembers(QList<PlanMarker*> members);
    [[nodiscard]] const QList<PlanMarker*>& members() const { return m_members; }
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_roomId;
    QList<PlanMarker*> m_members;
};

} // namespace ww
