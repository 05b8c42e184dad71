// Temperatures as shown (domain/units.h): conversion both ways, rounding half away from zero and
// never "-0.0", the locale's decimal comma, parsing what a person types in the unit shown, the
// out-of-target items of a room, and the process's unit with its notifier.
#include "domain/units.h"

#include <QSignalSpy>
#include <QTest>

using namespace ww;

class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheSettingsValues()
    {
        QVERIFY(parseTemperatureUnit(QStringLiteral("C")) == TemperatureUnit::Celsius);
        QVERIFY(parseTemperatureUnit(QStringLiteral(" f ")) == TemperatureUnit::Fahrenheit);
        QVERIFY(!parseTemperatureUnit(QStringLiteral("K")));
        QVERIFY(!parseTemperatureUnit(QString()));
        QVERIFY(!parseTemperatureUnit(QStringLiteral("Fahrenheit")));
        QCOMPARE(temperatureUnitCode(TemperatureUnit::Fahrenheit), QStringLiteral("F"));
        QCOMPARE(temperatureUnitSymbol(TemperatureUnit::Celsius), QStringLiteral("°C"));
        QCOMPARE(temperatureUnitSymbol(TemperatureUnit::Fahrenheit), QStringLiteral("°F"));
    }

    void convertsBothWays()
    {
        QCOMPARE(fromCelsius(37, TemperatureUnit::Fahrenheit), 98.6);
        QCOMPARE(fromCelsius(-40, TemperatureUnit::Fahrenheit), -40.0);
        QCOMPARE(fromCelsius(100, TemperatureUnit::Fahrenheit), 212.0);
        QCOMPARE(fromCelsius(21.5, TemperatureUnit::Celsius), 21.5);
        QCOMPARE(toCelsius(212, TemperatureUnit::Fahrenheit), 100.0);
        QCOMPARE(toCelsius(-4, TemperatureUnit::Fahrenheit), -20.0);
        for (double c : {-30.0, -0.1, 0.0, 2.0, 8.0, 36.6, 41.2})
            QVERIFY(qAbs(toCelsius(fromCelsius(c, TemperatureUnit::Fahrenheit), TemperatureUnit::Fahrenheit) - c) < 1e-9);
        QCOMPARE(differenceFromCelsius(10, TemperatureUnit::Fahrenheit), 18.0);
        QCOMPARE(differenceFromCelsius(10, TemperatureUnit::Celsius), 10.0);
    }

    void formatsWithTheLocale()
    {
        const QLocale c = QLocale::c(), german(QLocale::German, QLocale::Germany), chinese(QLocale::Chinese, QLocale::China);
        QCOMPARE(formatTemperature(37, TemperatureUnit::Fahrenheit, german), QStringLiteral("98,6 °F"));
        QCOMPARE(formatTemperature(37, TemperatureUnit::Fahrenheit, c), QStringLiteral("98.6 °F"));
        QCOMPARE(formatTemperature(37, TemperatureUnit::Celsius, german), QStringLiteral("37,0 °C"));
        QCOMPARE(formatTemperature(37, TemperatureUnit::Celsius, chinese), QStringLiteral("37.0 °C"));
        QCOMPARE(formatTemperatureValue(8, TemperatureUnit::Fahrenheit, german, 1), QStringLiteral("46,4"));
        QCOMPARE(formatTemperatureValue(22, TemperatureUnit::Celsius, c, 0), QStringLiteral("22"));
        QCOMPARE(formatTemperatureValue(22.25, TemperatureUnit::Celsius, c, 2), QStringLiteral("22.25"));
    }

    void negativeValuesAndRounding()
    {
        const QLocale c = QLocale::c(), german(QLocale::German, QLocale::Germany);
        // A freezer at -20 °C is -4 °F; -18 °C is -0.4 °F.
        QCOMPARE(formatTemperature(-20, TemperatureUnit::Fahrenheit, c), QStringLiteral("-4.0 °F"));
        QCOMPARE(formatTemperature(-18, TemperatureUnit::Fahrenheit, german), QStringLiteral("-0,4 °F"));
        QCOMPARE(formatTemperature(-2.5, TemperatureUnit::Celsius, german), QStringLiteral("-2,5 °C"));
        // Half away from zero, on both sides.
        QCOMPARE(formatTemperatureValue(0.25, TemperatureUnit::Celsius, c, 1), QStringLiteral("0.3"));
        QCOMPARE(formatTemperatureValue(-0.25, TemperatureUnit::Celsius, c, 1), QStringLiteral("-0.3"));
        QCOMPARE(formatTemperatureValue(36.95, TemperatureUnit::Celsius, c, 1), QStringLiteral("37.0"));
        // A value that rounds to zero has no sign.
        QCOMPARE(formatTemperatureValue(-0.04, TemperatureUnit::Celsius, c, 1), QStringLiteral("0.0"));
        QCOMPARE(formatTemperatureValue(-17.79, TemperatureUnit::Fahrenheit, c, 1), QStringLiteral("0.0"));
        QCOMPARE(formatTemperatureValue(-17.8, TemperatureUnit::Fahrenheit, c, 0), QStringLiteral("0"));
        // 38.05 °C is 100.49 °F: one decimal, not two.
        QCOMPARE(formatTemperatureValue(38.05, TemperatureUnit::Fahrenheit, c, 1), QStringLiteral("100.5"));
    }

    void parsesWhatIsTyped()
    {
        const QLocale c = QLocale::c(), german(QLocale::German, QLocale::Germany);
        auto near = [](std::optional<double> v, double expected) { return v && qAbs(*v - expected) < 1e-9; };
        QVERIFY(near(parseTemperature(QStringLiteral("98,6"), TemperatureUnit::Fahrenheit, german), 37));
        QVERIFY(near(parseTemperature(QStringLiteral("98,6 °F"), TemperatureUnit::Fahrenheit, german), 37));
        QVERIFY(near(parseTemperature(QStringLiteral("98.6"), TemperatureUnit::Fahrenheit, german), 37)); // C notation too
        QVERIFY(near(parseTemperature(QStringLiteral(" -4 °F "), TemperatureUnit::Fahrenheit, c), -20));
        QVERIFY(near(parseTemperature(QStringLiteral("−4"), TemperatureUnit::Fahrenheit, c), -20)); // a typographic minus
        QVERIFY(near(parseTemperature(QStringLiteral("22,5"), TemperatureUnit::Celsius, german), 22.5));
        QVERIFY(near(parseTemperature(QStringLiteral("22.5 °C"), TemperatureUnit::Celsius, c), 22.5));
        QVERIFY(!parseTemperature(QStringLiteral("22 °C"), TemperatureUnit::Fahrenheit, c)); // the other unit
        QVERIFY(!parseTemperature(QStringLiteral("warm"), TemperatureUnit::Celsius, c));
        QVERIFY(!parseTemperature(QString(), TemperatureUnit::Celsius, c));
        QVERIFY(!parseTemperature(QStringLiteral("°F"), TemperatureUnit::Fahrenheit, c));
    }

    void roomItemsInTheUnit()
    {
        const QLocale c = QLocale::c(), german(QLocale::German, QLocale::Germany);
        QCOMPARE(shownClimateItem(QStringLiteral("T 25.1 > 24"), TemperatureUnit::Celsius, c), QStringLiteral("T 25.1 > 24"));
        QCOMPARE(shownClimateItem(QStringLiteral("T 25.1 > 24"), TemperatureUnit::Celsius, german), QStringLiteral("T 25,1 > 24"));
        QCOMPARE(shownClimateItem(QStringLiteral("T 25.0 > 24"), TemperatureUnit::Fahrenheit, c), QStringLiteral("T 77.0 > 75.2"));
        QCOMPARE(shownClimateItem(QStringLiteral("T 17.5 < 18"), TemperatureUnit::Fahrenheit, german), QStringLiteral("T 63,5 < 64,4"));
        // Other quantities keep their numbers, by the locale.
        QCOMPARE(shownClimateItem(QStringLiteral("RH 65.0 > 60"), TemperatureUnit::Fahrenheit, german), QStringLiteral("RH 65,0 > 60"));
        QCOMPARE(shownClimateItem(QStringLiteral("dP -1.0 < 2.5"), TemperatureUnit::Fahrenheit, c), QStringLiteral("dP -1.0 < 2.5"));
        QCOMPARE(shownClimateItem(QStringLiteral("something else"), TemperatureUnit::Fahrenheit, c), QStringLiteral("something else"));
    }

    void theProcessUnitAndItsNotifier()
    {
        QCOMPARE(temperatureUnit(), TemperatureUnit::Celsius); // until set
        QSignalSpy changed(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged);
        setTemperatureUnit(TemperatureUnit::Celsius);
        QCOMPARE(changed.count(), 0); // no change, no signal
        setTemperatureUnit(TemperatureUnit::Fahrenheit);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<TemperatureUnit>(), TemperatureUnit::Fahrenheit);
        QCOMPARE(temperatureUnit(), TemperatureUnit::Fahrenheit);
        QCOMPARE(shownTemperatureSymbol(), QStringLiteral("°F"));
        QCOMPARE(shownTemperatureNumber(37), 98.6);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(shownTemperature(37), QStringLiteral("98,6 °F"));
        QCOMPARE(shownTemperatureValue(8), QStringLiteral("46,4"));
        QLocale::setDefault(QLocale::c());
        setTemperatureUnit(TemperatureUnit::Celsius);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).value<TemperatureUnit>(), TemperatureUnit::Celsius);
        QCOMPARE(shownTemperature(37), QStringLiteral("37.0 °C"));
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
