#include "models/wardmodels.h"
#include "models/alarmlistmodel.h"
#include "domain/units.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <cmath>

namespace ww {

QString timeFormatWithSeconds()
{
    // The locale's short time ("HH:mm", "h:mm AP") with seconds: an alarm's second matters.
    QString f = QLocale().timeFormat(QLocale::ShortFormat);
    if (!f.contains(u's')) {
        const qsizetype minutes = f.indexOf(QStringLiteral("mm"));
        if (minutes >= 0)
            f.insert(minutes + 2, QStringLiteral(":ss"));
    }
    return f;
}

QString formatTime(qint64 utcMs)
{
    if (utcMs <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().time(), timeFormatWithSeconds());
}

QString formatDateTime(qint64 utcMs)
{
    if (utcMs <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    if (QLocale().language() == QLocale::C)
        return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); // no locale to follow: ISO
    return QLocale().toString(t.date(), QLocale::ShortFormat) + QChar(u' ') + QLocale().toString(t.time(), timeFormatWithSeconds());
}

QString signalText(SignalState s)
{
    switch (s) {
    case SignalState::Waiting: return QObject::tr("waiting");
    case SignalState::Live: return QObject::tr("live");
    case SignalState::NoSignal: return QObject::tr("no signal");
    }
    return {};
}

namespace {

} // namespace

QString locationText(const Location& l)
{
    // docs/positioning.md, "Room states": never a room the engine is not sure of.
    switch (l.roomState) {
    case RoomState::Locating:
        if (!l.known)
            return QObject::tr("locating…");
        break;
    case RoomState::UnknownNear:
        return l.nearRoomName.isEmpty() ? QObject::tr("unknown") : QObject::tr("unknown, near %1").arg(l.nearRoomName);
    case RoomState::Stale:
        if (l.known && !l.roomName.isEmpty())
            return l.roomHeardMs > 0 ? QObject::tr("%1 (last heard %2)").arg(l.roomName, formatTime(l.roomHeardMs))
                                     : QObject::tr("%1 (not heard lately)").arg(l.roomName);
        break;
    case RoomState::Known: break;
    }
    if (!l.known)
        return QObject::tr("unknown");
    return l.roomName;
}

namespace {

QVariant reading(const Reading& r, SignalState s, int decimals)
{
    if (s == SignalState::NoSignal)
        return QObject::tr("no signal");
    if (!r.valid)
        return QStringLiteral("–");
    return QLocale().toString(r.value, 'f', decimals);
}

QVariant optionalValue(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant();
}

// A temperature in the unit shown, with its target: "22.5 °C (20–24)", "72.5 °F (68.0–75.2)".
QString temperatureWithTarget(const std::optional<double>& v, const Range& target)
{
    if (!v)
        return QStringLiteral("–");
    const bool f = temperatureUnit() == TemperatureUnit::Fahrenheit;
    // A whole °C limit as it was, a Fahrenheit one with its decimal.
    auto limit = [f](double c) { return shownTemperatureValue(c, f || c != std::round(c) ? 1 : 0); };
    QString text = shownTemperature(*v, 1);
    if (target.min && target.max)
        text += QStringLiteral(" (%1–%2)").arg(limit(*target.min), limit(*target.max));
    else if (target.max)
        text += QStringLiteral(" (≤ %1)").arg(limit(*target.max));
    else if (target.min)
        text += QStringLiteral(" (≥ %1)").arg(limit(*target.min));
    return text;
}

QString withTarget(const std::optional<double>& v, const Range& target, int decimals, const QString& unit)
{
    if (!v)
        return QStringLiteral("–");
    const QLocale l;
    QString text = l.toString(*v, 'f', decimals) + unit;
    if (target.min && target.max)
        text += QStringLiteral(" (%1–%2)").arg(l.toString(*target.min), l.toString(*target.max));
    else if (target.max)
        text += QStringLiteral(" (≤ %1)").arg(l.toString(*target.max));
    else if (target.min)
        text += QStringLiteral(" (≥ %1)").arg(l.toString(*target.min));
    return text;
}

QString doorText(DoorState d)
{
    switch (d) {
    case DoorState::Unknown: return QStringLiteral("–");
    case DoorState::Closed: return QObject::tr("closed");
    case DoorState::Open: return QObject::tr("open");
    }
    return {};
}

QString deviceKindText(DeviceKind k)
{
    switch (k) {
    case DeviceKind::Gateway: return QObject::tr("BLE gateway");
    case DeviceKind::Wristband: return QObject::tr("wristband");
    case DeviceKind::Badge: return QObject::tr("staff badge");
    case DeviceKind::AssetTag: return QObject::tr("asset tag");
    case DeviceKind::VitalsMonitor: return QObject::tr("vitals monitor");
    case DeviceKind::ClimateSensor: return QObject::tr("climate sensor");
    case DeviceKind::FridgeSensor: return QObject::tr("fridge sensor");
    case DeviceKind::DoorSensor: return QObject::tr("door contact");
    case DeviceKind::ReferenceBeacon: return QObject::tr("reference beacon");
    case DeviceKind::Bed: return QObject::tr("bed");
    }
    return {};
}

template <typename E> QHash<int, QByteArray> rolesOf(QHash<int, QByteArray> base)
{
    const QMetaEnum e = QMetaEnum::fromType<E>();
    for (int i = 0; i < e.keyCount(); ++i) {
        QByteArray name = e.key(i);
        name.chop(4); // "...Role"
        name[0] = char(QChar::toLower(uint(name[0])));
        base.insert(e.value(i), name);
    }
    return base;
}

QVariant header(const QStringList& names, int section, Qt::Orientation o, int role)
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names.at(section);
}

} // namespace

// --- patients -------------------------------------------------------------------------------

QStringList riskChips(const PatientRow& p)
{
    QStringList chips;
    if (p.fallRisk)
        chips << PatientModel::tr("Fall");
    if (p.elopementRisk)
        chips << PatientModel::tr("Elope");
    if (p.bedExitArmed)
        chips << PatientModel::tr("Bed exit");
    return chips;
}

QString riskToolTip(const PatientRow& p)
{
    QStringList lines;
    if (p.fallRisk)
        lines << PatientModel::tr("Fall: at risk of falling");
    if (p.elopementRisk)
        lines << PatientModel::tr("Elope: at risk of leaving the ward; an exit raises an alarm");
    if (p.bedExitArmed)
        lines << PatientModel::tr("Bed exit: getting out of bed raises an alarm");
    return lines.join(u'\n');
}

int PatientModel::rowOf(const QString& patientId) const
{
    if (patientId.isEmpty())
        return -1;
    for (int r = 0; r < int(m_rows.size()); ++r)
        if (m_rows[size_t(r)].id == patientId)
            return r;
    return -1;
}

QVariant PatientModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PatientRow& p = m_rows[size_t(index.row())];
    const auto& v = p.vitals;
    auto vital = [&](VitalKind k) { return v[size_t(k)]; };
    switch (role) {
    case IdRole: return p.id;
    case BedRole: return p.bed;
    case NameRole: return p.name;
    case HeartRateRole: return vital(VitalKind::HeartRate).valid ? QVariant(vital(VitalKind::HeartRate).value) : QVariant();
    case SpO2Role: return vital(VitalKind::SpO2).valid ? QVariant(vital(VitalKind::SpO2).value) : QVariant();
    case RespRateRole: return vital(VitalKind::RespRate).valid ? QVariant(vital(VitalKind::RespRate).value) : QVariant();
    case SystolicRole: return vital(VitalKind::SystolicBp).valid ? QVariant(vital(VitalKind::SystolicBp).value) : QVariant();
    case DiastolicRole: return vital(VitalKind::DiastolicBp).valid ? QVariant(vital(VitalKind::DiastolicBp).value) : QVariant();
    case TemperatureRole: return vital(VitalKind::Temperature).valid ? QVariant(vital(VitalKind::Temperature).value) : QVariant();
    case VitalsTimeRole: {
        qint64 t = 0;
        for (const auto& r : v)
            t = std::max(t, r.timeMs);
        return t;
    }
    case VitalsSignalRole: return int(p.vitalsSignal);
    case RoomRole: return p.location.known ? p.location.roomId : QString();
    case TagSignalRole: return int(p.tagSignal);
    case News2Role: return p.news2 >= 0 ? QVariant(p.news2) : QVariant();
    case News2PartialRole: return p.news2Partial;
    case VacantRole: return p.vacant();
    case WristbandRole: return p.wristband;
    case MonitorRole: return p.monitor;
    case NurseIdRole: return p.nurseId;
    case NurseNameRole: return p.nurseName;
    case FallRiskRole: return p.fallRisk;
    case ElopementRiskRole: return p.elopementRisk;
    case BedExitArmedRole: return p.bedExitArmed;
    case RiskFlagsRole: return riskChips(p);
    case Qt::FontRole:
        if (index.column() == NurseCol && !p.vacant() && p.nurseId.isEmpty()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        // The score's response band in its alarm colour (RCP: single 3, 5-6, 7 and more).
        if (index.column() == News2Col && p.news2 >= 0 && p.news2Priority)
            return priorityColours(*p.news2Priority).background;
        return {};
    case Qt::ForegroundRole:
        if (p.vacant())
            return noSignalColour();
        if (index.column() == NurseCol && p.nurseId.isEmpty())
            return mutedColour();
        if (index.column() == News2Col && p.news2 >= 0 && p.news2Priority)
            return priorityColours(*p.news2Priority).text;
        if (index.column() == News2Col && p.news2Partial)
            return noSignalColour();
        if ((index.column() >= HrCol && index.column() <= TempCol && p.vitalsSignal == SignalState::NoSignal) ||
            (index.column() == LocationCol && p.tagSignal == SignalState::NoSignal))
            return noSignalColour();
        return {};
    case Qt::ToolTipRole:
        if (p.vitalsSignal == SignalState::NoSignal && index.column() >= HrCol && index.column() <= TempCol)
            return tr("No signal from %1 since %2; last HR %3").arg(p.monitor, formatTime(data(index, VitalsTimeRole).toLongLong()))
                .arg(vital(VitalKind::HeartRate).value);
        if (index.column() == RiskCol && !p.vacant())
            return riskToolTip(p);
        if (index.column() == NurseCol && !p.vacant())
            return p.nurseId.isEmpty() ? tr("No nurse has this patient: take them (Shift menu or the patient view)")
                                       : tr("%1 (%2)").arg(p.nurseName, p.nurseId);
        if (index.column() == News2Col && p.news2 >= 0)
            return (p.news2Partial ? tr("Partial score (a lower bound): ") : tr("NEWS2: ")) + p.news2Detail;
        if (index.column() == LocationCol && !p.vacant() && p.location.roomState != RoomState::Known)
            return data(index, Qt::DisplayRole); // whole, should the column be too narrow
        return {};
    case Qt::DisplayRole:
        if (p.vacant()) // a free bed: its number and nothing else
            return index.column() == BedCol ? p.bed : index.column() == NameCol ? tr("vacant") : QString();
        switch (index.column()) {
        case BedCol: return p.bed;
        case NameCol: return p.name;
        case NurseCol: return p.nurseId.isEmpty() ? tr("unassigned") : p.nurseName.isEmpty() ? p.nurseId : p.nurseName;
        case RiskCol: return riskChips(p).join(QStringLiteral(" · "));
        case HrCol: return reading(vital(VitalKind::HeartRate), p.vitalsSignal, 0);
        case SpO2Col: return reading(vital(VitalKind::SpO2), p.vitalsSignal, 0);
        case RrCol: return reading(vital(VitalKind::RespRate), p.vitalsSignal, 0);
        case BpCol:
            if (p.vitalsSignal == SignalState::NoSignal)
                return tr("no signal");
            if (!vital(VitalKind::SystolicBp).valid)
                return QStringLiteral("–");
            return QStringLiteral("%1/%2").arg(vital(VitalKind::SystolicBp).value, 0, 'f', 0).arg(vital(VitalKind::DiastolicBp).value, 0, 'f', 0);
        case TempCol: {
            const Reading& t = vital(VitalKind::Temperature);
            if (p.vitalsSignal == SignalState::NoSignal || !t.valid)
                return reading(t, p.vitalsSignal, 1);
            return shownTemperatureValue(t.value, 1); // the unit is in the header
        }
        case News2Col:
            if (p.news2 < 0)
                return QStringLiteral("–");
            return p.news2Partial ? tr("%1 (partial)").arg(p.news2) : QString::number(p.news2);
        case LocationCol:
            if (p.wristband.isEmpty())
                return tr("no wristband");
            if (p.tagSignal != SignalState::NoSignal && p.location.roomState == RoomState::Locating && !p.location.known)
                return locationText(p.location); // a station that starts: its first position is on its way
            if (p.tagSignal == SignalState::Waiting && !p.location.known)
                return tr("%1 not heard yet").arg(p.wristband);
            return p.tagSignal == SignalState::NoSignal ? tr("no signal") : locationText(p.location);
        case UpdatedCol: return formatTime(data(index, VitalsTimeRole).toLongLong());
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= HrCol && index.column() <= News2Col ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    return {};
}

QVariant PatientModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Bed"), tr("Patient"), tr("Nurse"), tr("Risk"), tr("HR /min"), tr("SpO₂ %"), tr("RR /min"), tr("BP mmHg"), tr("Temp %1").arg(shownTemperatureSymbol()),
                   tr("NEWS2"), tr("Location"), tr("Vitals at")}, section, o, role);
}

QHash<int, QByteArray> PatientModel::roleNames() const
{
    return rolesOf<Role>(QAbstractTableModel::roleNames());
}

// --- staff ----------------------------------------------------------------------------------

QVariant StaffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StaffRow& s = m_rows[size_t(index.row())];
    switch (role) {
    case IdRole: return s.id;
    case NameRole: return s.name;
    case StaffRoleRole: return s.role;
    case BadgeRole: return s.badge;
    case RoomRole: return s.location.known ? s.location.roomId : QString();
    case SignalRole: return int(s.signal);
    case Qt::ForegroundRole: return s.signal == SignalState::NoSignal && index.column() >= LocationCol ? QVariant(noSignalColour()) : QVariant();
    case Qt::ToolTipRole: // an unsure location whole, should the column be too narrow
        return index.column() == LocationCol && s.location.roomState != RoomState::Known ? data(index, Qt::DisplayRole) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameCol: return s.name;
        case RoleCol: return s.role;
        case BadgeCol: return s.badge;
        case LocationCol: return s.signal == SignalState::NoSignal ? tr("no signal") : locationText(s.location);
        case SignalCol: return signalText(s.signal);
        }
    }
    return {};
}

QVariant StaffModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Name"), tr("Role"), tr("Badge"), tr("Location"), tr("Badge signal")}, section, o, role);
}

QHash<int, QByteArray> StaffModel::roleNames() const
{
    return rolesOf<Role>(QAbstractTableModel::roleNames());
}

// --- assets ---------------------------------------------------------------------------------

QVariant AssetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AssetRow& a = m_rows[size_t(index.row())];
    switch (role) {
    case IdRole: return a.id;
    case NameRole: return a.name;
    case TypeRole: return a.type;
    case TagRole: return a.tag;
    case RoomRole: return a.location.known ? a.location.roomId : QString();
    case StatusRole: return int(a.status);
    case SignalRole: return int(a.signal);
    case UtilisationRole: return a.utilisationPct ? QVariant(*a.utilisationPct) : QVariant();
    case Qt::ForegroundRole: return a.signal == SignalState::NoSignal && index.column() >= LocationCol ? QVariant(noSignalColour()) : QVariant();
    case Qt::ToolTipRole: // an unsure location whole, should the column be too narrow
        return index.column() == LocationCol && a.location.roomState != RoomState::Known ? data(index, Qt::DisplayRole) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameCol: return a.name;
        case TypeCol: return a.type;
        case TagCol: return a.tag;
        case LocationCol: return a.signal == SignalState::NoSignal ? tr("no signal") : locationText(a.location);
        case StatusCol: return a.signal == SignalState::NoSignal ? tr("unknown") : toString(a.status);
        case UseCol:
            return a.utilisationPct ? tr("%1 % of %2 h").arg(*a.utilisationPct, 0, 'f', 0).arg(a.observedH, 0, 'f', 1)
                                    : QStringLiteral("–");
        case SignalCol: return signalText(a.signal);
        }
    }
    return {};
}

QVariant AssetModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Asset"), tr("Type"), tr("Tag"), tr("Location"), tr("Status"), tr("In use (24 h)"), tr("Tag signal")},
                  section, o, role);
}

QHash<int, QByteArray> AssetModel::roleNames() const
{
    return rolesOf<Role>(QAbstractTableModel::roleNames());
}

// --- environment ----------------------------------------------------------------------------

QVariant EnvironmentModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const EnvRow& e = m_rows[size_t(index.row())];
    const bool silent = e.signal == SignalState::NoSignal;
    switch (role) {
    case IdRole: return e.id;
    case NameRole: return e.name;
    case KindRole: return int(e.kind);
    case TemperatureRole: return optionalValue(e.temperatureC);
    case HumidityRole: return optionalValue(e.humidityPct);
    case Co2Role: return optionalValue(e.co2Ppm);
    case DoorRole: return int(e.door);
    case OutOfTargetRole: return e.outOfTarget;
    case SignalRole: return int(e.signal);
    case TimeRole: return e.timeMs;
    case Qt::ForegroundRole:
        if (silent && index.column() >= TempCol)
            return noSignalColour();
        if (!silent && !e.outOfTarget.isEmpty() && index.column() == StatusCol)
            return noticeColours().text;
        return {};
    case Qt::BackgroundRole:
        // Out of target is a condition to look at, not an alarm (alarms come from the alarm engine).
        if (!silent && !e.outOfTarget.isEmpty() && index.column() == StatusCol)
            return noticeColours().background;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case PlaceCol: return e.name;
        case KindCol: return e.kind == EnvKind::Fridge ? tr("drug fridge") : e.kind == EnvKind::Door ? tr("door") : tr("room");
        case TempCol: return silent ? tr("no signal") : temperatureWithTarget(e.temperatureC, e.targets.temperatureC);
        case HumidityCol: return silent ? tr("no signal") : withTarget(e.humidityPct, e.targets.humidityPct, 0, QStringLiteral(" %"));
        case Co2Col: return silent ? tr("no signal") : withTarget(e.co2Ppm, e.targets.co2Ppm, 0, QStringLiteral(" ppm"));
        case DoorCol:
            if (silent)
                return tr("no signal");
            return e.door == DoorState::Open ? tr("open since %1").arg(formatTime(e.doorSinceMs)) : doorText(e.door);
        case StatusCol: {
            if (silent)
                return tr("no signal");
            if (e.signal == SignalState::Waiting)
                return tr("waiting");
            if (e.outOfTarget.isEmpty())
                return tr("in target");
            QStringList items;
            for (const QString& item : e.outOfTarget)
                items << shownClimateItem(item, temperatureUnit());
            return items.join(QStringLiteral(", "));
        }
        case UpdatedCol: return formatTime(e.timeMs);
        }
    }
    return {};
}

QVariant EnvironmentModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Place"), tr("Kind"), tr("Temperature (target)"), tr("RH (target)"), tr("CO₂ (target)"),
                   tr("Door"), tr("Status"), tr("Updated")}, section, o, role);
}

QHash<int, QByteArray> EnvironmentModel::roleNames() const
{
    return rolesOf<Role>(QAbstractTableModel::roleNames());
}

// --- devices --------------------------------------------------------------------------------

QVariant DeviceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DeviceRow& d = m_rows[size_t(index.row())];
    switch (role) {
    case IdRole: return d.id;
    case KindRole: return int(d.kind);
    case SubjectRole: return d.subject;
    case LastSeenRole: return d.lastSeenMs;
    case BatteryRole: return d.batteryPct ? QVariant(*d.batteryPct) : QVariant();
    case SignalRole: return int(d.signal);
    case MessagesRole: return d.messages;
    case LastEventRole: return d.lastEvent;
    case Qt::ForegroundRole: return d.signal == SignalState::NoSignal ? QVariant(noSignalColour()) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdCol: return d.id;
        case KindCol: return deviceKindText(d.kind);
        case SubjectCol: return d.inService ? d.subject : tr("in stock (on nobody)");
        case LastSeenCol: return formatTime(d.lastSeenMs);
        case BatteryCol: return d.batteryPct ? QStringLiteral("%1 %").arg(*d.batteryPct) : QStringLiteral("–");
        case StateCol:
            if (d.statusOnline && !*d.statusOnline)
                return tr("offline (reported)");
            return signalText(d.signal);
        case EventCol: return d.lastEvent;
        }
    }
    return {};
}

QVariant DeviceModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header({tr("Device"), tr("Kind"), tr("Belongs to"), tr("Last seen"), tr("Battery"), tr("State"), tr("Last event")},
                  section, o, role);
}

QHash<int, QByteArray> DeviceModel::roleNames() const
{
    return rolesOf<Role>(QAbstractTableModel::roleNames());
}

// --- all together ---------------------------------------------------------------------------

WardModels::WardModels(WardRows rows, QObject* parent)
    : QObject(parent), patients(std::move(rows.patients), nullptr), staff(std::move(rows.staff), nullptr),
      assets(std::move(rows.assets), nullptr), environment(std::move(rows.environment), nullptr),
      devices(std::move(rows.devices), nullptr), trends(size_t(patients.rowCount()), size_t(environment.rowCount()))
{
    // Temperatures are shown in the unit of the moment: the tables are asked for again when it changes.
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &WardModels::retranslate);
}

void WardModels::apply(const WardUpdatePtr& update)
{
    patients.apply(update->patients);
    staff.apply(update->staff);
    assets.apply(update->assets);
    environment.apply(update->environment);
    devices.apply(update->devices);
    trends.apply(*update);
    ++m_batches;
    Q_EMIT applied();
}

} // namespace ww
