#pragma once
// Temperatures as a person reads them: in degrees Celsius or Fahrenheit (the setting
// ui/temperatureUnit, "C" or "F"), numbers by the locale. Everything the program keeps, sends or
// writes (wire, records, the alarm log, CSV and JSON, the site file, wardctl) stays in °C; the unit
// is applied where a temperature is shown and undone where one is typed in.
//
// The unit is process-wide, like the language: temperatureUnit() is read at display time, and
// UnitNotifier::instance() says when it changed so that views can draw again.
#include <QLocale>
#include <QObject>
#include <QString>
#include <optional>

namespace ww {

enum class TemperatureUnit { Celsius, Fahrenheit };

// "C" or "F" (the setting's values; surrounding blanks and case do not matter); empty otherwise.
[[nodiscard]] std::optional<TemperatureUnit> parseTemperatureUnit(const QString& code);
[[nodiscard]] QString temperatureUnitCode(TemperatureUnit unit); // "C", "F"
[[nodiscard]] QString temperatureUnitSymbol(TemperatureUnit unit); // "°C", "°F"

// A temperature, or a difference of two, from °C into the unit and back.
[[nodiscard]] double fromCelsius(double celsius, TemperatureUnit unit);
[[nodiscard]] double toCelsius(double value, TemperatureUnit unit);
[[nodiscard]] double differenceFromCelsius(double kelvins, TemperatureUnit unit);

// The number alone ("98,6" in German for 37 °C in °F), rounded half away from zero to decimals;
// never "-0.0".
[[nodiscard]] QString formatTemperatureValue(double celsius, TemperatureUnit unit, const QLocale& locale = QLocale(),
                                             int decimals = 1);
// The number and the unit's symbol: "37.0 °C", "98,6 °F".
[[nodiscard]] QString formatTemperature(double celsius, TemperatureUnit unit, const QLocale& locale = QLocale(), int decimals = 1);
// A temperature typed in the unit ("98.6", "98,6 °F", "-2"), in °C; empty when the text is not a
// number in the locale (or in C notation), or carries the other unit's symbol.
[[nodiscard]] std::optional<double> parseTemperature(const QString& text, TemperatureUnit unit, const QLocale& locale = QLocale());

// The unit of this process (°C until set).
[[nodiscard]] TemperatureUnit temperatureUnit();
// Sets it; UnitNotifier::temperatureUnitChanged follows when it differs.
void setTemperatureUnit(TemperatureUnit unit);

// The shown forms with the process's unit and the default locale.
[[nodiscard]] QString shownTemperature(double celsius, int decimals = 1);
[[nodiscard]] QString shownTemperatureValue(double celsius, int decimals = 1);
[[nodiscard]] double shownTemperatureNumber(double celsius); // fromCelsius(celsius, temperatureUnit())
[[nodiscard]] QString shownTemperatureSymbol();

// An item of a room's out-of-target list as the core writes it ("T 25.1 > 24", "RH 65.0 > 60", C
// locale, °C) with its numbers in the locale and a temperature's in the unit ("T 77,2 > 75,2").
// Anything else as it is.
[[nodiscard]] QString shownClimateItem(const QString& item, TemperatureUnit unit, const QLocale& locale = QLocale());

class UnitNotifier : public QObject
{
    Q_OBJECT
public:
    static UnitNotifier& instance();

Q_SIGNALS:
    void temperatureUnitChanged(ww::TemperatureUnit unit);

private:
    UnitNotifier() = default;
};

} // namespace ww
