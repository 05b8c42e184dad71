#pragma once
// Open alarms for the station's list and banner: sorted by priority (high first), then age (oldest
// first). Updated by every alarm change at once, never throttled; closed alarms leave the list.
// Priority is shown as text and symbol as well as colour (IEC 60601-1-8: colour is never the only cue).
#include "domain/alarmtypes.h"

#include <QAbstractTableModel>
#include <QColor>
#include <vector>

namespace ww {

[[nodiscard]] QString prioritySymbol(Priority p); // "!!!", "!!", "!"
[[nodiscard]] QString priorityText(Priority p);   // "HIGH", "MEDIUM", "LOW"
[[nodiscard]] QColor priorityColour(Priority p);  // red, yellow, cyan
[[nodiscard]] QString phaseText(const AlarmState& a);

class AlarmListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PriorityCol, ConditionCol, SubjectCol, PlaceCol, SinceCol, StateCol, StepCol, AckCol, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, PriorityRole, PhaseRole, SignallingRole, ConditionRole, SubjectRole, PlaceRole,
        OnsetRole, AckedByRole, LateRole, CategoryRole
    };
    Q_ENUM(Role)
    explicit AlarmListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void apply(const AlarmState& alarm);
    [[nodiscard]] const AlarmState* at(int row) const;
    [[nodiscard]] const AlarmState* find(const QString& id) const;
    // The most urgent alarm still signalling (for the banner), or null.
    [[nodiscard]] const AlarmState* topSignalling() const;
    [[nodiscard]] int signallingCount() const;

Q_SIGNALS:
    void alarmsChanged();

private:
    static bool before(const AlarmState& a, const AlarmState& b);
    std::vector<AlarmState> m_rows;
};

} // namespace ww
