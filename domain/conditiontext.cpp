#include "domain/conditiontext.h"
#include "domain/units.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <vector>

namespace ww {

namespace {

// argContext: the translation context of the argument at argIndex (a name the program knows).
// shown: what a person reads when it differs from the record's source (its temperatures are
// arguments that carry the unit shown, "9.6 °C" or "49.3 °F").
struct Text
{
    const char* code;
    const char* source;
    const char* argContext = nullptr;
    int argIndex = 0;
    const char* shown = nullptr;
};

const Text Texts[] = {
    {"vital.low", QT_TRANSLATE_NOOP("ww::Condition", "%1 %2 < %3"), "ww::VitalKind", 0},
    {"vital.high", QT_TRANSLATE_NOOP("ww::Condition", "%1 %2 > %3"), "ww::VitalKind", 0},
    {"news2.single3", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 single parameter 3 (total %1)")},
    {"news2.single3.partial", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 single parameter 3 (total %1) (partial: no %2)")},
    {"news2.band", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 %1 ≥ %2")},
    {"news2.band.partial", QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 %1 ≥ %2 (partial: no %3)")},
    {"fridge.low", QT_TRANSLATE_NOOP("ww::Condition", "Fridge %1 °C < %2 °C"), nullptr, 0,
     QT_TRANSLATE_NOOP("ww::Condition", "Fridge %1 < %2")},
    {"fridge.high", QT_TRANSLATE_NOOP("ww::Condition", "Fridge %1 °C > %2 °C"), nullptr, 0,
     QT_TRANSLATE_NOOP("ww::Condition", "Fridge %1 > %2")},
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

// English texts the core puts into alarms as data (subjects, places, a refusal's sender and reason,
// a lost connection's cause): shown in the reader's language when one of them matches whole. The
// core writes them in English so that the log, other stations and exports keep one language.
const char* const DataTexts[] = {
    QT_TRANSLATE_NOOP("ww::Condition", "%1 (bed %2)"),
    QT_TRANSLATE_NOOP("ww::Condition", "Station %1"),
    QT_TRANSLATE_NOOP("ww::Condition", "unlisted sender"),
    QT_TRANSLATE_NOOP("ww::Condition", "unknown sender"),
    QT_TRANSLATE_NOOP("ww::Condition", "clean utility rooms"),
    QT_TRANSLATE_NOOP("ww::Condition", "no answer for %1 s"),
    QT_TRANSLATE_NOOP("ww::Condition", "%1 (%2 refused this minute)"),
    QT_TRANSLATE_NOOP("ww::Condition", "acknowledged by '%1', who is not on the staff list"),
    QT_TRANSLATE_NOOP("ww::Condition", "no staff member named"),
    QT_TRANSLATE_NOOP("ww::Condition", "made by '%1', who is not on the staff list"),
    QT_TRANSLATE_NOOP("ww::Condition", "assigns '%1', who is not on the staff list"),
    QT_TRANSLATE_NOOP("ww::Condition", "role '%1' given by '%2' to '%3': not both on the staff list"),
    QT_TRANSLATE_NOOP("ww::Condition", "signed by '%1' but made in the name of '%2'"),
    QT_TRANSLATE_NOOP("ww::Condition", "not signed"),
    QT_TRANSLATE_NOOP("ww::Condition", "not a valid signed envelope"),
    QT_TRANSLATE_NOOP("ww::Condition", "signed without a signer id"),
    QT_TRANSLATE_NOOP("ww::Condition", "signature of %1 bytes, not %2"),
    QT_TRANSLATE_NOOP("ww::Condition", "signature of '%1' does not verify (changed, or made with another key)"),
    QT_TRANSLATE_NOOP("ww::Condition", "counter %1 of '%2' not above %3 already seen"),
    // A reminder's detail (domain/reminders.cpp); the more specific pattern first.
    QT_TRANSLATE_NOOP("ww::Condition", "no NEWS2 score yet: first observations"),
    QT_TRANSLATE_NOOP("ww::Condition", "no NEWS2 score yet: observations %1"),
    QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 %1 (a 3 in one parameter): observations %2"),
    QT_TRANSLATE_NOOP("ww::Condition", "NEWS2 %1: observations %2"),
    QT_TRANSLATE_NOOP("ww::Condition", "hourly"),
    QT_TRANSLATE_NOOP("ww::Condition", "%1-hourly"),
    QT_TRANSLATE_NOOP("ww::Condition", "every %1 min"),
    QT_TRANSLATE_NOOP("ww::Condition", "medication round %1"),
    QT_TRANSLATE_NOOP("ww::Condition", "reposition every %1 min"),
    // The NEWS2 inputs a partial score lacks (core/news2score.cpp), listed with ", ".
    QT_TRANSLATE_NOOP("ww::Condition", "RR"),
    QT_TRANSLATE_NOOP("ww::Condition", "SpO2"),
    QT_TRANSLATE_NOOP("ww::Condition", "SBP"),
    QT_TRANSLATE_NOOP("ww::Condition", "pulse"),
    QT_TRANSLATE_NOOP("ww::Condition", "temp"),
    QT_TRANSLATE_NOOP("ww::Condition", "ACVPU/O2"),
};

struct DataPattern
{
    const char* source;
    QRegularExpression re;
    QList<int> order; // the placeholder number of each capture
};

// Each data text as an anchored expression: its placeholders capture, the rest is literal.
const std::vector<DataPattern>& dataPatterns()
{
    static const std::vector<DataPattern> patterns = [] {
        std::vector<DataPattern> out;
        for (const char* source : DataTexts) {
            const QString text = QString::fromUtf8(source);
            QString re = QStringLiteral("^");
            QList<int> order;
            qsizetype from = 0;
            for (qsizetype i = 0; i + 1 < text.size(); ++i)
                if (text[i] == u'%' && text[i + 1] >= u'1' && text[i + 1] <= u'9') {
                    re += QRegularExpression::escape(text.mid(from, i - from)) + QStringLiteral("(.+)");
                    order << text[i + 1].unicode() - u'0';
                    from = i + 2;
                    ++i;
                }
            re += QRegularExpression::escape(text.mid(from)) + QStringLiteral("$");
            out.push_back({source, QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption), order});
        }
        return out;
    }();
    return patterns;
}

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

// A temperature argument raised in °C in the C locale ("9.6"), in the unit and locale shown: as
// many decimals as it was raised with (one at least in °F, where a whole °C is rarely whole).
QString shownTemperatureArg(const QString& celsius, bool withSymbol)
{
    bool ok = false;
    const double c = celsius.toDouble(&ok);
    if (!ok)
        return celsius;
    const qsizetype dot = celsius.indexOf(u'.');
    int decimals = dot < 0 ? 0 : int(celsius.size() - dot - 1);
    if (temperatureUnit() == TemperatureUnit::Fahrenheit)
        decimals = std::max(1, decimals);
    return withSymbol ? shownTemperature(c, decimals) : shownTemperatureValue(c, decimals);
}

QString shownText(const QString& english, int depth = 0)
{
    if (english.isEmpty() || depth > 2)
        return english;
    // A decimal number raised in the C locale ("9.1"), with the reader's separator ("9,1").
    static const QRegularExpression decimal(QStringLiteral("^-?\\d+\\.(\\d+)$"));
    if (const QRegularExpressionMatch m = decimal.match(english); m.hasMatch())
        return QLocale().toString(english.toDouble(), 'f', int(m.capturedLength(1)));
    for (const DataPattern& p : dataPatterns()) {
        const QRegularExpressionMatch m = p.re.match(english);
        if (!m.hasMatch())
            continue;
        QStringList args(9);
        for (int k = 0; k < p.order.size(); ++k)
            args[p.order[k] - 1] = shownText(m.captured(k + 1), depth + 1);
        return fill(QCoreApplication::translate("ww::Condition", p.source), args);
    }
    // A list ("SBP, pulse, temp"): each item on its own; a text without known items stays as it is.
    if (depth == 0 && english.contains(QStringLiteral(", "))) {
        QStringList items = english.split(QStringLiteral(", "));
        for (QString& item : items)
            item = shownText(item, depth + 1);
        return items.join(QStringLiteral(", "));
    }
    return english;
}

} // namespace

QString shownData(const QString& english)
{
    return shownText(english);
}

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
    QStringList shown;
    for (const QString& arg : args)
        shown << shownText(arg);
    if (t->argContext && t->argIndex < shown.size())
        shown[t->argIndex] = QCoreApplication::translate(t->argContext, args[t->argIndex].toUtf8().constData());
    // Temperatures in the unit shown: a fridge's (with the unit's symbol), a body temperature's
    // value and limit, a room's "T" among its out-of-range quantities.
    const QString c = QLatin1String(t->code);
    if (c.startsWith(u"fridge.")) {
        for (int i = 0; i < 2 && i < shown.size(); ++i)
            shown[i] = shownTemperatureArg(args[i], true);
    } else if (c.startsWith(u"vital.") && args.size() >= 3 && args[0] == u"Temp") {
        for (int i = 1; i < 3; ++i)
            shown[i] = shownTemperatureArg(args[i], false);
    } else if (c == u"climate.out-of-range" && !args.isEmpty()) {
        QStringList items = args[0].split(QStringLiteral(", "));
        for (QString& item : items)
            item = shownClimateItem(item, temperatureUnit());
        shown[0] = items.join(QStringLiteral(", "));
    }
    return fill(QCoreApplication::translate("ww::Condition", t->shown ? t->shown : t->source), shown);
}

QString shownCondition(const AlarmState& a)
{
    return knownCondition(a.conditionCode) ? renderCondition(a.conditionCode, a.conditionArgs) : a.condition;
}

} // namespace ww
