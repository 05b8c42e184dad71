#include "ui/floorplanview.h"

#include "models/alarmlistmodel.h"
#include "models/wardmodels.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>

namespace ww {

namespace {

constexpr double MarginPx = 12, TitlePx = 22, GapPx = 18;
constexpr double NearestRingPx = 9; // the ring around the staff member nearest to the top alarm

QColor roomFill(RoomKind kind)
{
    switch (kind) {
    case RoomKind::Corridor: return {236, 236, 236};
    case RoomKind::Icu:
    case RoomKind::OperatingRoom: return {222, 235, 250};
    case RoomKind::Isolation: return {250, 232, 214};
    case RoomKind::Pharmacy: return {236, 226, 248};
    case RoomKind::Exit:
    case RoomKind::Stairs: return {220, 242, 222};
    case RoomKind::StaffArea:
    case RoomKind::Office: return {244, 244, 228};
    default: return {252, 252, 250};
    }
}

} // namespace

FloorPlanView::FloorPlanView(const Site& site, WardModels& models, AlarmListModel* alarms, QWidget* parent)
    : QWidget(parent), m_site(site), m_models(models), m_alarms(alarms)
{
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // Repaint after each batch the models apply (already coalesced by the core), and when alarms change.
    connect(&models, &WardModels::applied, this, qOverload<>(&QWidget::update));
    if (alarms) {
        connect(alarms, &QAbstractItemModel::rowsInserted, this, qOverload<>(&QWidget::update));
        connect(alarms, &QAbstractItemModel::rowsRemoved, this, qOverload<>(&QWidget::update));
        connect(alarms, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
        connect(alarms, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
        connect(alarms, &AlarmListModel::respondersChanged, this, qOverload<>(&QWidget::update));
    }
}

QColor FloorPlanView::patientColour() { return {31, 100, 200}; }
QColor FloorPlanView::staffColour() { return {20, 140, 60}; }
QColor FloorPlanView::assetColour() { return {225, 120, 0}; }

int FloorPlanView::floorIndex(int level) const
{
    for (size_t i = 0; i < m_site.floors.size(); ++i)
        if (m_site.floors[i].level == level)
            return int(i);
    return -1;
}

FloorPlanView::Layout FloorPlanView::layoutFor(QSize size) const
{
    // Floors one above the other or side by side, whichever draws them larger; the highest level
    // first (on top or on the left), each under its title, one scale for all.
    Layout l;
    std::vector<size_t> order(m_site.floors.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return m_site.floors[a].level > m_site.floors[b].level; });
    double sumW = 0, sumH = 0, maxW = 1, maxH = 1;
    for (const auto& f : m_site.floors) {
        sumW += f.width;
        sumH += f.height;
        maxW = std::max(maxW, f.width);
        maxH = std::max(maxH, f.height);
    }
    const double n = double(m_site.floors.size()), w = size.width() - 2 * MarginPx, h = size.height() - 2 * MarginPx - 16; // legend
    const double stacked = std::min(w / maxW, (h - n * (TitlePx + GapPx)) / std::max(1.0, sumH));
    const double beside = std::min((w - (n - 1) * GapPx) / std::max(1.0, sumW), (h - TitlePx) / maxH);
    const bool sideBySide = beside > stacked;
    l.scale = std::max(0.1, sideBySide ? beside : stacked);
    l.origin.assign(m_site.floors.size(), QPointF());
    double x = MarginPx, y = MarginPx;
    for (size_t i : order) {
        l.origin[i] = QPointF(x, y + TitlePx);
        if (sideBySide)
            x += m_site.floors[i].width * l.scale + GapPx;
        else
            y += TitlePx + m_site.floors[i].height * l.scale + GapPx;
    }
    return l;
}

QPointF FloorPlanView::toWidget(int floor, QPointF p) const
{
    const Layout l = layoutFor(size());
    const int i = floorIndex(floor);
    if (i < 0)
        return {-1, -1};
    return l.origin[size_t(i)] + p * l.scale;
}

void FloorPlanView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Layout l = layoutFor(size());
    const double s = l.scale;
    auto at = [&](int fi, QPointF p) { return l.origin[size_t(fi)] + p * s; };

    // Rooms with an open alarm, at the alarm's highest priority: its room id, or (a state from a
    // station that sends none) the room its place names ("room name ...").
    QHash<QString, int> alarmed; // room id -> priority
    if (m_alarms)
        for (int r = 0; r < m_alarms->rowCount(); ++r) {
            const QModelIndex i = m_alarms->index(r, 0);
            const QString roomId = i.data(AlarmListModel::RoomIdRole).toString();
            const QString place = i.data(AlarmListModel::PlaceRole).toString();
            const int priority = i.data(AlarmListModel::PriorityRole).toInt();
            for (const Room& room : m_site.rooms)
                if (roomId.isEmpty() ? !place.isEmpty() && (place == room.name || place.startsWith(room.name + QLatin1Char(' ')))
                                     : roomId == room.id)
                    alarmed[room.id] = std::max(alarmed.value(room.id, -1), priority);
        }

    QFont small = font();
    small.setPointSizeF(std::max(6.0, std::min(9.0, s * 0.35)));
    QFont title = font();
    title.setBold(true);
    for (size_t fi = 0; fi < m_site.floors.size(); ++fi) {
        const Floor& floor = m_site.floors[fi];
        painter.setFont(title);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(l.origin[fi].x(), l.origin[fi].y() - TitlePx, floor.width * s, TitlePx), Qt::AlignLeft | Qt::AlignVCenter,
                         floor.name);
        painter.setFont(small);
        for (const Room& room : m_site.rooms) {
            if (room.floor != floor.level)
                continue;
            QPolygonF poly;
            for (const QPointF& p : room.polygon)
                poly << at(int(fi), p);
            painter.setPen(QPen(QColor(170, 170, 170), 1));
            painter.setBrush(roomFill(room.kind));
            painter.drawPolygon(poly);
            painter.setPen(QColor(90, 90, 90));
            painter.drawText(poly.boundingRect().adjusted(3, 2, -3, -2), Qt::AlignHCenter | Qt::AlignTop, room.name);
        }
        painter.setPen(QPen(QColor(60, 60, 60), 2));
        for (const auto& w : m_site.walls)
            if (w.floor == floor.level)
                painter.drawLine(at(int(fi), w.a), at(int(fi), w.b));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(110, 110, 110));
        for (const auto& g : m_site.gateways)
            if (g.floor == floor.level)
                painter.drawRect(QRectF(at(int(fi), QPointF(g.x, g.y)) - QPointF(3, 3), QSizeF(6, 6)));
        // Reference beacons: small diamonds where they were surveyed (a gateway that advertises
        // is shown as the gateway it is).
        painter.setBrush(QColor(150, 80, 170));
        for (const auto& b : m_site.referenceBeacons)
            if (b.floor == floor.level && b.gateway.isEmpty()) {
                const QPointF c = at(int(fi), QPointF(b.x, b.y));
                painter.drawPolygon(QPolygonF{c + QPointF(0, -4), c + QPointF(4, 0), c + QPointF(0, 4), c + QPointF(-4, 0)});
            }
        // Alarm outlines last among the rooms, so that no neighbour paints over them.
        for (const Room& room : m_site.rooms) {
            if (room.floor != floor.level || !alarmed.contains(room.id))
                continue;
            QPolygonF poly;
            for (const QPointF& p : room.polygon)
                poly << at(int(fi), p);
            painter.setPen(QPen(priorityColour(Priority(alarmed.value(room.id))), 4));
            painter.setBrush(Qt::NoBrush);
            painter.drawPolygon(poly);
        }
    }

    // Tags: the 68 % circle and the mark; labels afterwards, where they do not cover each other.
    struct Label
    {
        QPointF at;
        QString text;
        QColor colour;
    };
    std::vector<Label> labels; // patients first: they win a contested place
    m_marks.clear();
    auto drawTag = [&](const Location& loc, SignalState signal, const QColor& colour, const QString& label, bool square) {
        const int fi = floorIndex(loc.floor);
        if (!loc.known || fi < 0 || signal == SignalState::Waiting)
            return;
        const QPointF c = at(fi, QPointF(loc.x, loc.y));
        const double r = std::max(4.0, loc.accuracyM * s);
        QColor halo = colour;
        halo.setAlpha(22);
        QColor rim = colour;
        rim.setAlpha(90);
        painter.setPen(QPen(rim, 1));
        painter.setBrush(halo);
        painter.drawEllipse(c, r, r);
        // A silent tag keeps its last place, hollow: never shown as if live.
        const bool live = signal == SignalState::Live;
        painter.setPen(QPen(colour.darker(130), 1.5));
        painter.setBrush(live ? QBrush(colour) : QBrush(Qt::NoBrush));
        if (square)
            painter.drawRect(QRectF(c - QPointF(4, 4), QSizeF(8, 8)));
        else
            painter.drawEllipse(c, 4.5, 4.5);
        labels.push_back({c, label, colour.darker(160)});
        m_marks.push_back({c, tr("%1 — %2, ±%3 m%4")
                                  .arg(label, loc.roomName.isEmpty() ? tr("no room") : loc.roomName)
                                  .arg(loc.accuracyM, 0, 'f', 1)
                                  .arg(live ? QString() : tr(" (last known)"))});
    };
    painter.setFont(small);
    for (int r = 0; r < m_models.assets.rowCount(); ++r) {
        const AssetRow& a = m_models.assets.rowAt(r);
        drawTag(a.location, a.signal, assetColour(), a.name, true);
    }
    // The staff member nearest to the alarm on the banner: ringed in its colour, and said so.
    const AlarmState* top = m_alarms ? m_alarms->topSignalling() : nullptr;
    const Responders nearest = top ? m_alarms->responders(top->id) : Responders{};
    const QString nearestId = nearest.isEmpty() ? QString() : nearest.front().staffId;
    std::optional<QPointF> ring;
    for (int r = 0; r < m_models.staff.rowCount(); ++r) {
        const StaffRow& st = m_models.staff.rowAt(r);
        const bool ringed = st.id == nearestId && st.location.known && floorIndex(st.location.floor) >= 0;
        drawTag(st.location, st.signal, staffColour(), ringed ? tr("%1 (nearest)").arg(st.name) : st.name, false);
        if (ringed)
            ring = at(floorIndex(st.location.floor), QPointF(st.location.x, st.location.y));
    }
    for (int r = 0; r < m_models.patients.rowCount(); ++r) {
        const PatientRow& p = m_models.patients.rowAt(r);
        drawTag(p.location, p.tagSignal, patientColour(), p.name, false);
    }
    if (ring) { // over every mark: a patient beside them never hides it
        painter.setPen(QPen(priorityColour(top->priority), 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(*ring, NearestRingPx, NearestRingPx);
    }
    std::reverse(labels.begin(), labels.end()); // patients, then staff, then assets
    std::vector<QPointF> anchors;
    std::vector<QSizeF> sizes;
    const QFontMetricsF metrics(small);
    for (const Label& lb : labels) {
        anchors.push_back(lb.at);
        sizes.push_back(metrics.size(Qt::TextSingleLine, lb.text));
    }
    const auto placed = placeLabels(anchors, sizes, QRectF(rect()));
    for (size_t i = 0; i < labels.size(); ++i)
        if (placed[i]) {
            painter.setPen(labels[i].colour);
            painter.drawText(*placed[i], Qt::AlignLeft | Qt::AlignVCenter, labels[i].text);
        }

    // Legend, bottom right.
    const QString legend[] = {tr("Patient"), tr("Staff"), tr("Asset"), tr("Gateway"), tr("Reference beacon")};
    const QColor colours[] = {patientColour(), staffColour(), assetColour(), QColor(110, 110, 110), QColor(150, 80, 170)};
    double x = width() - MarginPx - 4 * 90 - 130;
    const double y = height() - MarginPx - 6;
    for (int i = 0; i < 5; ++i) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colours[i]);
        if (i == 4)
            painter.drawPolygon(QPolygonF{QPointF(x + 4, y - 4), QPointF(x + 8, y), QPointF(x + 4, y + 4), QPointF(x, y)});
        else if (i >= 2)
            painter.drawRect(QRectF(x, y - 4, 8, 8));
        else
            painter.drawEllipse(QPointF(x + 4, y), 4.5, 4.5);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(x + 12, y + 4), legend[i]);
        x += 90;
    }
}

std::vector<std::optional<QRectF>> FloorPlanView::placeLabels(const std::vector<QPointF>& marks, const std::vector<QSizeF>& sizes,
                                                              const QRectF& bounds)
{
    constexpr double Gap = 6, MarkR = 5;
    std::vector<std::optional<QRectF>> out(marks.size());
    std::vector<QRectF> taken;
    taken.reserve(marks.size());
    auto free = [&](const QRectF& r, size_t self, bool clearOfMarks) {
        if (!bounds.contains(r))
            return false;
        for (const QRectF& t : taken)
            if (t.intersects(r))
                return false;
        for (size_t m = 0; clearOfMarks && m < marks.size(); ++m)
            if (m != self && r.intersects(QRectF(marks[m] - QPointF(MarkR, MarkR), QSizeF(2 * MarkR, 2 * MarkR))))
                return false;
        return true;
    };
    for (size_t i = 0; i < marks.size() && i < sizes.size(); ++i) {
        const QPointF c = marks[i];
        const double w = sizes[i].width(), h = sizes[i].height();
        const QRectF candidates[] = {
            {c.x() + Gap, c.y() - h / 2, w, h},         {c.x() - Gap - w, c.y() - h / 2, w, h}, // right, left
            {c.x() - w / 2, c.y() - Gap - h, w, h},     {c.x() - w / 2, c.y() + Gap, w, h},     // above, below
            {c.x() + Gap / 2, c.y() - Gap / 2 - h, w, h}, {c.x() + Gap / 2, c.y() + Gap / 2, w, h},
            {c.x() - Gap / 2 - w, c.y() - Gap / 2 - h, w, h}, {c.x() - Gap / 2 - w, c.y() + Gap / 2, w, h},
        };
        // Clear of every other mark if it can be; in a crowd, over marks but never over a label.
        for (bool clearOfMarks : {true, false}) {
            for (const QRectF& r : candidates)
                if (free(r, i, clearOfMarks)) {
                    out[i] = r;
                    taken.push_back(r);
                    break;
                }
            if (out[i])
                break;
        }
    }
    return out;
}

bool FloorPlanView::event(QEvent* e)
{
    if (e->type() != QEvent::ToolTip)
        return QWidget::event(e);
    const QPoint pos = static_cast<QHelpEvent*>(e)->pos();
    QStringList lines;
    for (const Mark& m : m_marks)
        if (QLineF(m.at, pos).length() <= 8)
            lines << m.text;
    if (lines.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(static_cast<QHelpEvent*>(e)->globalPos(), lines.join(u'\n'), this);
    return true;
}

} // namespace ww
