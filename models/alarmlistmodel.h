#pragma once
// Open alarms for the station's list and banner: sorted by priority (high first), then age (oldest
// first). Updated by every alarm change at once, never throttled; closed alarms leave the list.
// Priority is shown as text and symbol as well as colour (IEC 60601-1-8: colour is never the only cue).
#include "domain/alarmtypes.h"
#include "core/responders.h"
#include "models/stationcolours.h"

#include <QAbstractTableModel>
#include <QColor>
#include <vector>

namespace ww {

[[nodiscard]] QString prioritySymbol(Priority p); // "!!!", "!!", "!"
[[nodiscard]] QString priorityText(Priority p);   // "HIGH", "MEDIUM", "LOW"
[[nodiscard]] QString phaseText(const AlarmState& a);

class AlarmListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PriorityCol, ConditionCol, SubjectCol, PlaceCol, NearestCol, SinceCol, OpenCol, StateCol, StepCol, AckCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, PriorityRole, PhaseRole, SignallingRole, ConditionRole, SubjectRole, PlaceRole,
        OnsetRole, AckedByRole, LateRole, CategoryRole, NearestRole, RoomIdRole, PatientIdRole, RuleRole, AckCommentRole
    };
    Q_ENUM(Role)
    explicit AlarmListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void apply(const AlarmState& alarm);
    // The language changed: headers and cells (conditions are rendered when shown) asked for again.
    void retranslate();
    [[nodiscard]] const AlarmState* at(int row) const;
    [[nodiscard]] const AlarmState* find(const QString& id) const;
    // The most urgent alarm still signalling (for the banner), or null.
    [[nodiscard]] const AlarmState* topSignalling() const;
    [[nodiscard]] int signallingCount() const;
    // Who is nearest to an alarm, nearest first (empty: nobody located, or the alarm has no room).
    [[nodiscard]] Responders responders(const QString& alarmId) const { return m_responders.value(alarmId); }
    // The nearest column's text: the nearest responder, "nobody located" or empty (no room).
    [[nodiscard]] QString nearestText(const AlarmState& a) const;

    // The wall time the "Open for" column counts to; its cells change only when their minute text
    // does (one ranged dataChanged), so a caller may set it every second.
    void setNow(qint64 utcMs);
    [[nodiscard]] qint64 now() const { return m_nowMs; }
    // "<1 min", "12 min", "1 h 05": how long an alarm that started at onsetMs has been open at nowMs.
    [[nodiscard]] static QString openForText(qint64 onsetMs, qint64 nowMs);

    // The list's order: higher priority first, then older first.
    static bool before(const AlarmState& a, const AlarmState& b);

public Q_SLOTS:
    void setResponders(const ww::ResponderMap& responders);

Q_SIGNALS:
    void alarmsChanged();
    void respondersChanged();

private:
    std::vector<AlarmState> m_rows;
    ResponderMap m_responders;
    qint64 m_nowMs = 0;
};

} // namespace ww
