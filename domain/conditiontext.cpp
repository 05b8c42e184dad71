#include "domain/conditiontext.h"

#include <QCoreApplication>

namespace ww {

namespace {

// argContext: the translation context of the argument at argIndex (a name the program knows).
struct Text
{
    const char* code;
    const char* source;
    const char* argContext = nullptr;
    int argIndex = 0;
};

const Text Texts[] = {
    {"vital.low", QT_TRANSLATE_NOOP("ww::Condition", "%1 %2 < %3"), "ww::VitalKind", 0},
    {"vital.high", QT_TRANSLATE_NOOP("ww::Condition", "%1 %2 > %3"), "ww::VitalKind", 0},
    {"news2.single3", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 single parameter 3 (total %1)")},
    {"news2.single3.partial", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 single parameter 3 (total %1) (partial: no %2)")},
    {"news2.band", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 %1 ≥ %2")},
    {"news2.band.partial", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 %1 ≥ %2 (partial: no %3)")},
    {"fridge.low", QT_TRANSLATE_NOOP("ww::Condition", "Fridge %1 °C < %2 °C")},
    {"fridge.high", QT_TRANSLATE_NOOP("ww::Condition", "Fridge %1 °C > %2 °C")},
    {"door.open", QT_TRANSLATE_NOOP("ww::Condition", "Door open %1 s > %2 s")},
    {"climate.out-of-range", QT_TRANSLATE_NOOP("ww::Condition", "%1")}, // "T 25.1 > 24, RH 65.0 > 60": symbols
    {"climate.pressure", QT_TRANSLATE_NOOP("ww::Condition", "Pressure difference %1 Pa (must be %2 %3 Pa)")},
    {"climate.pressure-occupied", QT_TRANSLATE_NOOP("ww::Condition", "Pressure difference %1 Pa (must be %2 %3 Pa), patient in the room: %4")},
    {"location.exit", QT_TRANSLATE_NOOP("ww::Condition", "Patient near exit: %1")},
    {"bed.exit", QT_TRANSLATE_NOOP("ww::Condition", "Out of bed %1")},
    {"reminder", QT_TRANSLATE_NOOP("ww::Condition", "Due: %1")},
    {"bed.exit.fall-risk", QT_TRANSLATE_NOOP("ww::Condition", "Out of bed %1 (fall risk)")},
    {"location.restricted", QT_TRANSLATE_NOOP("ww::Condition", "Patient in restricted area: %1")},
    {"location.asset-leaving", QT_TRANSLATE_NOOP("ww::Condition", "Asset leaving the ward: %1")},
    {"device.offline", QT_TRANSLATE_NOOP("ww::Condition", "%1 offline"), "ww::DeviceKind", 0},
    {"device.silent", QT_TRANSLATE_NOOP("ww::Condition", "%1 silent > %2 s"), "ww::DeviceKind", 0},
    {"device.unstable", QT_TRANSLATE_NOOP("ww::Condition", "%1 unstable: lost %2 times in %3 min"), "ww::DeviceKind", 0},
    {"device.clock-behind", QT_TRANSLATE_NOOP("ww::Condition", "%1 clock %2 min behind (shown at arrival time)"), "ww::DeviceKind", 0},
    {"device.clock-ahead", QT_TRANSLATE_NOOP("ww::Condition", "%1 clock %2 min ahead (shown at arrival time)"), "ww::DeviceKind", 0},
    {"device.battery-low", QT_TRANSLATE_NOOP("ww::Condition", "Battery %1 % < %2 %")},
    {"event", QT_TRANSLATE_NOOP("ww::Condition", "%1 from %2"), "ww::DeviceEventKind", 0},
    {"event.late", QT_TRANSLATE_NOOP("ww::Condition", "%1 from %2 (late: sent %3)"), "ww::DeviceEventKind", 0},
    {"asset.par-low", QT_TRANSLATE_NOOP("ww::Condition", "%1 available: %2 (critical %3, target %4)")},
    {"census.conflict", QT_TRANSLATE_NOOP("ww::Condition", "Census: %1 is no longer in bed %2: station %3 put %4 (%5) there")},
    {"station.broker-lost", QT_TRANSLATE_NOOP("ww::Condition", "Broker connection lost (%1)")},
    {"station.no-audio", QT_TRANSLATE_NOOP("ww::Condition", "No audio output: alarms are visual only at this station")},
    {"station.alone", QT_TRANSLATE_NOOP("ww::Condition", "No other station online")},
    {"station.screen-hung", QT_TRANSLATE_NOOP("ww::Condition", "Station screen not responding for %1 s")},
    {"station.log-failed", QT_TRANSLATE_NOOP("ww::Condition", "Alarm log write failed: %1")},
    {"station.log-file", QT_TRANSLATE_NOOP("ww::Condition", "Alarm log file: %1")},
    {"station.readings-failed", QT_TRANSLATE_NOOP("ww::Condition", "Fridge record write failed: %1")},
    {"station.climate-failed", QT_TRANSLATE_NOOP("ww::Condition", "Room climate record write failed: %1")},
    {"station.census-failed", QT_TRANSLATE_NOOP("ww::Condition", "Census record write failed: %1")},
    {"station.refused", QT_TRANSLATE_NOOP("ww::Condition", "Refused %1 from %2: %3")},
    {"device.events-lost", QT_TRANSLATE_NOOP("ww::Condition", "%1 events from %2 never arrived (sequence %3): check on its wearer")},
    {"station.census-unreadable", QT_TRANSLATE_NOOP("ww::Condition", "Census record unreadable: %1")},
    {"station.site-differs", QT_TRANSLATE_NOOP("ww::Condition", "Stations with a different site configuration: %1")},
    {"station.no-engine", QT_TRANSLATE_NOOP("ww::Condition", "No positioning engine online: locations are not updated")},
};

// The names arguments may carry, for lupdate (their contexts are the Texts' argContext).
[[maybe_unused]] const char* const Names[] = {
    QT_TRANSLATE_NOOP("ww::VitalKind", "HR"), QT_TRANSLATE_NOOP("ww::VitalKind", "Pulse"),
    QT_TRANSLATE_NOOP("ww::VitalKind", "SpO2"), QT_TRANSLATE_NOOP("ww::VitalKind", "RR"),
    QT_TRANSLATE_NOOP("ww::VitalKind", "SBP"), QT_TRANSLATE_NOOP("ww::VitalKind", "DBP"),
    QT_TRANSLATE_NOOP("ww::VitalKind", "MAP"), QT_TRANSLATE_NOOP("ww::VitalKind", "Temp"),
    QT_TRANSLATE_NOOP("ww::DeviceKind", "gateway"), QT_TRANSLATE_NOOP("ww::DeviceKind", "wristband"),
    QT_TRANSLATE_NOOP("ww::DeviceKind", "badge"), QT_TRANSLATE_NOOP("ww::DeviceKind", "assetTag"),
    QT_TRANSLATE_NOOP("ww::DeviceKind", "vitalsMonitor"), QT_TRANSLATE_NOOP("ww::DeviceKind", "climate"),
    QT_TRANSLATE_NOOP("ww::DeviceKind", "fridge"), QT_TRANSLATE_NOOP("ww::DeviceKind", "door"),
    QT_TRANSLATE_NOOP("ww::DeviceKind", "referenceBeacon"),
    QT_TRANSLATE_NOOP("ww::DeviceEventKind", "button-long"), QT_TRANSLATE_NOOP("ww::DeviceEventKind", "fall"),
    QT_TRANSLATE_NOOP("ww::DeviceEventKind", "sos-start"), QT_TRANSLATE_NOOP("ww::DeviceEventKind", "removed-from-body"),
    QT_TRANSLATE_NOOP("ww::DeviceEventKind", "man-down"), QT_TRANSLATE_NOOP("ww::DeviceEventKind", "panic"),
    QT_TRANSLATE_NOOP("ww::DeviceEventKind", "abnormal-inactivity"),
};

const Text* find(const QString& code)
{
    for (const Text& t : Texts)
        if (code == QLatin1String(t.code))
            return &t;
    return nullptr;
}

// Replaces %1..%9 in one pass (an argument that itself holds "%2" stays as it is).
QString fill(const QString& pattern, const QStringList& args)
{
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == u'%' && i + 1 < pattern.size() && pattern[i + 1] >= u'1' && pattern[i + 1] <= u'9') {
            const int k = pattern[i + 1].unicode() - u'1';
            out += k < args.size() ? args[k] : QString();
            ++i;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

} // namespace

QStringList conditionCodes()
{
    QStringList out;
    for (const Text& t : Texts)
        out << QLatin1String(t.code);
    return out;
}

bool knownCondition(const QString& code)
{
    return find(code) != nullptr;
}

QString renderCondition(const QString& code, const QStringList& args, bool translate)
{
    const Text* t = find(code);
    if (!t)
        return {};
    if (!translate)
        return fill(QString::fromUtf8(t->source), args);
    QStringList shown = args;
    if (t->argContext && t->argIndex < shown.size())
        shown[t->argIndex] = QCoreApplication::translate(t->argContext, shown[t->argIndex].toUtf8().constData());
    return fill(QCoreApplication::translate("ww::Condition", t->source), shown);
}

QString shownCondition(const AlarmState& a)
{
    return knownCondition(a.conditionCode) ? renderCondition(a.conditionCode, a.conditionArgs) : a.condition;
}

} // namespace ww
