#include "domain/units.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace ww {

namespace {

TemperatureUnit g_unit = TemperatureUnit::Celsius;

// Half away from zero at decimals, and no negative zero.
double rounded(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    double r = std::round(v * scale) / scale;
    if (r == 0.0)
        r = 0.0; // -0.0 == 0.0: drops the sign
    return r;
}

} // namespace

std::optional<TemperatureUnit> parseTemperatureUnit(const QString& code)
{
    const QString c = code.trimmed().toUpper();
    if (c == u"C")
        return TemperatureUnit::Celsius;
    if (c == u"F")
        return TemperatureUnit::Fahrenheit;
    return std::nullopt;
}

QString temperatureUnitCode(TemperatureUnit unit)
{
    return unit == TemperatureUnit::Fahrenheit ? QStringLiteral("F") : QStringLiteral("C");
}

QString temperatureUnitSymbol(TemperatureUnit unit)
{
    return unit == TemperatureUnit::Fahrenheit ? QStringLiteral("°F") : QStringLiteral("°C");
}

double fromCelsius(double celsius, TemperatureUnit unit)
{
    return unit == TemperatureUnit::Fahrenheit ? celsius * 9.0 / 5.0 + 32.0 : celsius;
}

double toCelsius(double value, TemperatureUnit unit)
{
    return unit == TemperatureUnit::Fahrenheit ? (value - 32.0) * 5.0 / 9.0 : value;
}

double differenceFromCelsius(double kelvins, TemperatureUnit unit)
{
    return unit == TemperatureUnit::Fahrenheit ? kelvins * 9.0 / 5.0 : kelvins;
}

QString formatTemperatureValue(double celsius, TemperatureUnit unit, const QLocale& locale, int decimals)
{
    decimals = std::max(0, decimals);
    return locale.toString(rounded(fromCelsius(celsius, unit), decimals), 'f', decimals);
}

QString formatTemperature(double celsius, TemperatureUnit unit, const QLocale& locale, int decimals)
{
    return formatTemperatureValue(celsius, unit, locale, decimals) + u' ' + temperatureUnitSymbol(unit);
}

std::optional<double> parseTemperature(const QString& text, TemperatureUnit unit, const QLocale& locale)
{
    QString t = text.trimmed();
    const QString own = temperatureUnitSymbol(unit);
    const QString other = temperatureUnitSymbol(unit == TemperatureUnit::Celsius ? TemperatureUnit::Fahrenheit : TemperatureUnit::Celsius);
    if (t.endsWith(other, Qt::CaseInsensitive))
        return std::nullopt;
    if (t.endsWith(own, Qt::CaseInsensitive))
        t.chop(own.size());
    t = t.trimmed();
    t.replace(QChar(0x2212), u'-'); // a typographic minus
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    double v = locale.toDouble(t, &ok);
    if (!ok)
        v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return toCelsius(v, unit);
}

TemperatureUnit temperatureUnit()
{
    return g_unit;
}

void setTemperatureUnit(TemperatureUnit unit)
{
    if (unit == g_unit)
        return;
    g_unit = unit;
    Q_EMIT UnitNotifier::instance().temperatureUnitChanged(unit);
}

QString shownTemperature(double celsius, int decimals)
{
    return formatTemperature(celsius, g_unit, QLocale(), decimals);
}

QString shownTemperatureValue(double celsius, int decimals)
{
    return formatTemperatureValue(celsius, g_unit, QLocale(), decimals);
}

double shownTemperatureNumber(double celsius)
{
    return fromCelsius(celsius, g_unit);
}

QString shownTemperatureSymbol()
{
    return temperatureUnitSymbol(g_unit);
}

QString shownClimateItem(const QString& item, TemperatureUnit unit, const QLocale& locale)
{
    static const QRegularExpression re(QStringLiteral("^(\\S+) (-?\\d+(?:\\.\\d+)?) ([<>]) (-?\\d+(?:\\.\\d+)?)$"));
    const QRegularExpressionMatch m = re.match(item);
    if (!m.hasMatch())
        return item;
    const bool temperature = m.captured(1) == u"T";
    auto number = [&](const QString& c) {
        const qsizetype dot = c.indexOf(u'.');
        const int decimals = dot < 0 ? 0 : int(c.size() - dot - 1);
        if (!temperature)
            return locale.toString(c.toDouble(), 'f', decimals);
        // A Fahrenheit limit of a whole °C is rarely whole: one decimal at least.
        return formatTemperatureValue(c.toDouble(), unit, locale, unit == TemperatureUnit::Fahrenheit ? std::max(1, decimals) : decimals);
    };
    return QStringLiteral("%1 %2 %3 %4").arg(m.captured(1), number(m.captured(2)), m.captured(3), number(m.captured(4)));
}

UnitNotifier& UnitNotifier::instance()
{
    static UnitNotifier* n = new UnitNotifier; // lives as long as the process (views may outlive statics)
    return *n;
}

} // namespace ww
