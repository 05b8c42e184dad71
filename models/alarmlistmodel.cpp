#include "models/alarmlistmodel.h"
#include "domain/conditiontext.h"
#include "domain/units.h"
#include "models/wardmodels.h"

#include <QBrush>
#include <QFont>

namespace ww {

QString prioritySymbol(Priority p)
{
    switch (p) {
    case Priority::High: return QStringLiteral("!!!");
    case Priority::Medium: return QStringLiteral("!!");
    case Priority::Low: return QStringLiteral("!");
    }
    return {};
}

QString priorityText(Priority p)
{
    switch (p) {
    case Priority::High: return AlarmListModel::tr("HIGH");
    case Priority::Medium: return AlarmListModel::tr("MEDIUM");
    case Priority::Low: return AlarmListModel::tr("LOW");
    }
    return {};
}

QString phaseText(const AlarmState& a)
{
    QString text;
    switch (a.phase()) {
    case Phase::Active: text = AlarmListModel::tr("active"); break;
    case Phase::ResolvedUnacked: text = a.latching ? AlarmListModel::tr("ended, latched: acknowledge")
                                                   : AlarmListModel::tr("ended, not acknowledged"); break;
    case Phase::Acknowledged: text = AlarmListModel::tr("acknowledged"); break;
    case Phase::Resolved: text = AlarmListModel::tr("resolved"); break;
    case Phase::Closed: text = AlarmListModel::tr("closed"); break;
    }
    if (a.acknowledged())
        text += AlarmListModel::tr(" by %1 at %2, %3").arg(a.ackedByName.isEmpty() ? a.ackedBy : a.ackedByName,
                                                           a.ackedStation, formatTime(a.ackedAtMs));
    return text;
}

AlarmListModel::AlarmListModel(QObject* parent) : QAbstractTableModel(parent)
{
    // Conditions show temperatures in the unit of the moment: asked for again when it changes.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &AlarmListModel::retranslate);
    qRegisterMetaType<ww::AlarmState>();
}

int AlarmListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool AlarmListModel::before(const AlarmState& a, const AlarmState& b)
{
    if (a.signalling() != b.signalling())
        return a.signalling();
    if (a.priority != b.priority)
        return a.priority > b.priority;
    // Without the broker no further alarm reaches the station: its loss goes before every other
    // alarm of its priority (a full log, a hung screen, an alarm already shown), whichever began
    // first. (A rank of its own, not a rule between categories, keeps the order a strict one.)
    if ((a.rule == u"tech.broker") != (b.rule == u"tech.broker"))
        return a.rule == u"tech.broker";
    if (a.onsetMs != b.onsetMs)
        return a.onsetMs < b.onsetMs;
    return a.id < b.id;
}

void AlarmListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AlarmListModel::apply(const AlarmState& alarm)
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&](const AlarmState& a) { return a.id == alarm.id; });
    if (it != m_rows.end() && !alarm.closed()) {
        // Still in order where it is (a new value, an acknowledgement that keeps its place): update
        // the row in place, so views keep their selection and scroll position.
        const int row = int(it - m_rows.begin());
        const bool fitsBefore = row == 0 || !before(alarm, m_rows[size_t(row - 1)]);
        const bool fitsAfter = row + 1 == int(m_rows.size()) || !before(m_rows[size_t(row + 1)], alarm);
        if (fitsBefore && fitsAfter) {
            *it = alarm;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            Q_EMIT alarmsChanged();
            return;
        }
    }
    if (it != m_rows.end()) {
        const int row = int(it - m_rows.begin());
        beginRemoveRows({}, row, row);
        m_rows.erase(it);
        endRemoveRows();
    }
    if (!alarm.closed()) {
        const auto pos = std::lower_bound(m_rows.begin(), m_rows.end(), alarm, &AlarmListModel::before);
        const int row = int(pos - m_rows.begin());
        beginInsertRows({}, row, row);
        m_rows.insert(pos, alarm);
        endInsertRows();
    }
    Q_EMIT alarmsChanged();
}

const AlarmState* AlarmListModel::at(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

const AlarmState* AlarmListModel::find(const QString& id) const
{
    for (const auto& a : m_rows)
        if (a.id == id)
            return &a;
    return nullptr;
}

const AlarmState* AlarmListModel::topSignalling() const
{
    return !m_rows.empty() && m_rows.front().signalling() ? &m_rows.front() : nullptr;
}

int AlarmListModel::signallingCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const AlarmState& a) { return a.signalling(); }));
}

QString AlarmListModel::nearestText(const AlarmState& a) const
{
    if (a.roomId.isEmpty())
        return {};
    const auto it = m_responders.constFind(a.id);
    if (it == m_responders.constEnd())
        return {}; // not measured yet: the core sends it with its next batch
    return it->isEmpty() ? tr("nobody located") : responderText(it->front(), false);
}

QString AlarmListModel::openForText(qint64 onsetMs, qint64 nowMs)
{
    if (onsetMs <= 0 || nowMs <= 0)
        return {};
    const qint64 min = std::max<qint64>(0, nowMs - onsetMs) / 60'000;
    if (min < 1)
        return tr("<1 min");
    if (min < 60)
        return tr("%1 min").arg(min);
    return tr("%1 h %2").arg(min / 60).arg(min % 60, 2, 10, QChar(u'0'));
}

void AlarmListModel::setNow(qint64 utcMs)
{
    const qint64 before = m_nowMs;
    m_nowMs = utcMs;
    int first = -1, last = -1;
    for (int r = 0; r < int(m_rows.size()); ++r)
        if (openForText(m_rows[size_t(r)].onsetMs, before) != openForText(m_rows[size_t(r)].onsetMs, utcMs)) {
            if (first < 0)
                first = r;
            last = r;
        }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, OpenCol), index(last, OpenCol), {Qt::DisplayRole});
}

void AlarmListModel::setResponders(const ResponderMap& responders)
{
    m_responders = responders;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, NearestCol), index(int(m_rows.size()) - 1, NearestCol));
    Q_EMIT respondersChanged();
}

QVariant AlarmListModel::data(const QModelIndex& index, int role) const
{
    const AlarmState* a = index.isValid() ? at(index.row()) : nullptr;
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PriorityCol: return prioritySymbol(a->priority) + QChar(u' ') + priorityText(a->priority);
        case ConditionCol: return shownCondition(*a) + (a->late ? tr(" [late]") : QString());
        case SubjectCol: return shownData(a->subject);
        case PlaceCol: return shownData(a->place);
        case NearestCol: return nearestText(*a);
        case SinceCol: return formatTime(a->onsetMs);
        case OpenCol: return openForText(a->onsetMs, m_nowMs);
        case StateCol: return phaseText(*a);
        case StepCol: return a->escalationStep ? QVariant(a->escalationStep) : QVariant();
        case AckCol: return a->acknowledged() ? QVariant() : QVariant(tr("\u2714 Acknowledge"));
        }
        return {};
    case Qt::BackgroundRole:
        if (index.column() == AckCol && !a->acknowledged())
            return QBrush(actionCellColours().background);
        if (index.column() == PriorityCol)
            return QBrush(priorityColours(a->priority, a->signalling()).background);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == AckCol && !a->acknowledged())
            return QBrush(actionCellColours().text);
        if (index.column() == PriorityCol)
            return QBrush(priorityColours(a->priority, a->signalling()).text);
        if (!a->signalling())
            return QBrush(mutedColour());
        return {};
    case Qt::FontRole:
        if (a->signalling()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NearestCol && !a->roomId.isEmpty()) {
            QStringList lines{tr("Nearest by walking distance to %1:").arg(shownData(a->place))};
            for (const Responder& r : m_responders.value(a->id))
                lines << responderText(r) + QStringLiteral(" \u2013 ") + r.roomName;
            if (lines.size() == 1)
                lines << tr("No staff badge located and heard now.");
            return lines.join(QChar(u'\n'));
        }
    {
        // A text the list may elide (its columns share a 1280-pixel screen) is whole here.
        const int c = index.column();
        const QString cell = c == ConditionCol || c == SubjectCol || c == PlaceCol || c == StateCol ? data(index, Qt::DisplayRole).toString() : QString();
        return (cell.isEmpty() ? QString() : cell + QChar(u'\n')) +
               tr("%1\nrule %2, source %3\nonset %4%5").arg(a->id, a->rule, a->source, formatTime(a->onsetMs),
                                                          a->late ? tr(" (delivered late)") : QString()) +
               (a->ackComment.isEmpty() ? QString() : tr("\ncomment: %1").arg(a->ackComment));
    }
    case IdRole: return a->id;
    case PriorityRole: return int(a->priority);
    case PhaseRole: return int(a->phase());
    case SignallingRole: return a->signalling();
    case ConditionRole: return shownCondition(*a);
    case SubjectRole: return a->subject;
    case PlaceRole: return a->place;
    case OnsetRole: return a->onsetMs;
    case AckedByRole: return a->ackedBy;
    case LateRole: return a->late;
    case CategoryRole: return toString(a->category);
    case NearestRole: return nearestText(*a);
    case RoomIdRole: return a->roomId;
    case PatientIdRole: return a->patientId;
    case RuleRole: return a->rule;
    case AckCommentRole: return a->ackComment;
    default: return {};
    }
}

QVariant AlarmListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Horizontal && role == Qt::ToolTipRole && section == StepCol)
        return tr("Escalation step: how many times the alarm went on to the next target unanswered");
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PriorityCol: return tr("Priority");
    case ConditionCol: return tr("Condition");
    case SubjectCol: return tr("Who / what");
    case PlaceCol: return tr("Where");
    case NearestCol: return tr("Nearest staff");
    case SinceCol: return tr("Since");
    case OpenCol: return tr("Open for");
    case StateCol: return tr("State");
    case StepCol: return tr("Step");
    case AckCol: return tr("One click");
    }
    return {};
}

QHash<int, QByteArray> AlarmListModel::roleNames() const
{
    auto r = QAbstractTableModel::roleNames();
    r.insert({{IdRole, "alarmId"}, {PriorityRole, "priority"}, {PhaseRole, "phase"}, {SignallingRole, "signalling"},
              {ConditionRole, "condition"}, {SubjectRole, "subject"}, {PlaceRole, "place"}, {OnsetRole, "onset"},
              {AckedByRole, "ackedBy"}, {LateRole, "late"}, {CategoryRole, "category"},
              {NearestRole, "nearest"}, {RoomIdRole, "roomId"},
              {PatientIdRole, "patientId"}, {RuleRole, "rule"}, {AckCommentRole, "ackComment"}});
    return r;
}

} // namespace ww
