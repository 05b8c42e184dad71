#pragma once
// NEWS2 (Royal College of Physicians, 2017): the aggregate early warning score from seven
// parameters. Pure functions; the chart's bands are in REFERENCE.md and, independently, in the
// golden table tests/data/news2_golden.csv.
#include <QString>
#include <optional>

namespace ww::news2 {

enum class Consciousness { Alert, Confusion, Voice, Pain, Unresponsive };
[[nodiscard]] std::optional<Consciousness> consciousnessFromLetter(QChar letter); // A C V P U, any case
[[nodiscard]] QChar letter(Consciousness c);

struct Inputs
{
    int respRate = 0;        // /min, integer (round half-up before)
    int spo2 = 0;            // %, integer
    bool scale2 = false;     // SpO2 scale 2: confirmed hypercapnic respiratory failure only
    bool onOxygen = false;
    int systolicBp = 0;      // mmHg, integer
    int pulse = 0;           // /min, integer
    Consciousness consciousness = Consciousness::Alert;
    double temperatureC = 37; // rounded to 0.1 °C (half-up) before scoring
};

struct Score
{
    int respRate = 0, spo2 = 0, oxygen = 0, systolicBp = 0, pulse = 0, consciousness = 0, temperature = 0;
    [[nodiscard]] int total() const { return respRate + spo2 + oxygen + systolicBp + pulse + consciousness + temperature; }
    [[nodiscard]] int maxSingle() const;
};

[[nodiscard]] int scoreRespRate(int perMin);
[[nodiscard]] int scoreSpo2(int pct, bool scale2, bool onOxygen);
[[nodiscard]] int scoreOxygen(bool onOxygen);
[[nodiscard]] int scoreSystolicBp(int mmHg);
[[nodiscard]] int scorePulse(int perMin);
[[nodiscard]] int scoreConsciousness(Consciousness c);
[[nodiscard]] int scoreTemperature(double celsius); // expects a value already rounded to 0.1
[[nodiscard]] Score score(const Inputs& in);

// Half-up rounding of chart inputs: integers for most, 0.1 °C for temperature. Works on the
// decimal text when there is one, so 38.05 rounds to 38.1 despite binary floating point.
[[nodiscard]] int roundHalfUpToInt(double v);
[[nodiscard]] double roundHalfUpToTenth(double v);
[[nodiscard]] std::optional<double> parseRoundedHalfUp(const QString& text, int decimals);

// The clinical response the RCP chart asks for.
enum class Response { Routine, WardAssessment, UrgentWardResponse /* single 3 */, Urgent /* 5-6 */, Emergency /* >= 7 */ };
[[nodiscard]] Response response(const Score& s);
[[nodiscard]] QString toString(Response r);

} // namespace ww::news2
