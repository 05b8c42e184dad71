#include "alarms/news2.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace ww::news2 {

std::optional<Consciousness> consciousnessFromLetter(QChar letter)
{
    switch (letter.toUpper().unicode()) {
    case u'A': return Consciousness::Alert;
    case u'C': return Consciousness::Confusion;
    case u'V': return Consciousness::Voice;
    case u'P': return Consciousness::Pain;
    case u'U': return Consciousness::Unresponsive;
    default: return std::nullopt;
    }
}

QChar letter(Consciousness c)
{
    constexpr char16_t letters[] = u"ACVPU";
    return QChar(letters[int(c)]);
}

int Score::maxSingle() const
{
    return std::max({respRate, spo2, oxygen, systolicBp, pulse, consciousness, temperature});
}

int scoreRespRate(int r)
{
    if (r <= 8)
        return 3;
    if (r <= 11)
        return 1;
    if (r <= 20)
        return 0;
    if (r <= 24)
        return 2;
    return 3;
}

int scoreSpo2(int s, bool scale2, bool onOxygen)
{
    if (!scale2) {
        if (s <= 91)
            return 3;
        if (s <= 93)
            return 2;
        if (s <= 95)
            return 1;
        return 0;
    }
    if (s <= 83)
        return 3;
    if (s <= 85)
        return 2;
    if (s <= 87)
        return 1;
    if (s <= 92 || !onOxygen)
        return 0; // 88-92, or >= 93 on air
    if (s <= 94)
        return 1;
    if (s <= 96)
        return 2;
    return 3;
}

int scoreOxygen(bool onOxygen)
{
    return onOxygen ? 2 : 0;
}

int scoreSystolicBp(int p)
{
    if (p <= 90)
        return 3;
    if (p <= 100)
        return 2;
    if (p <= 110)
        return 1;
    if (p <= 219)
        return 0;
    return 3;
}

int scorePulse(int p)
{
    if (p <= 40)
        return 3;
    if (p <= 50)
        return 1;
    if (p <= 90)
        return 0;
    if (p <= 110)
        return 1;
    if (p <= 130)
        return 2;
    return 3;
}

int scoreConsciousness(Consciousness c)
{
    return c == Consciousness::Alert ? 0 : 3;
}

int scoreTemperature(double t)
{
    // Compare in tenths so 35.0 and 36.0 fall into the bands the chart prints.
    const long tenths = std::lround(t * 10);
    if (tenths <= 350)
        return 3;
    if (tenths <= 360)
        return 1;
    if (tenths <= 380)
        return 0;
    if (tenths <= 390)
        return 1;
    return 2;
}

Score score(const Inputs& in)
{
    Score s;
    s.respRate = scoreRespRate(in.respRate);
    s.spo2 = scoreSpo2(in.spo2, in.scale2, in.onOxygen);
    s.oxygen = scoreOxygen(in.onOxygen);
    s.systolicBp = scoreSystolicBp(in.systolicBp);
    s.pulse = scorePulse(in.pulse);
    s.consciousness = scoreConsciousness(in.consciousness);
    s.temperature = scoreTemperature(in.temperatureC);
    return s;
}

int roundHalfUpToInt(double v)
{
    return int(std::floor(v + 0.5 + 1e-9));
}

double roundHalfUpToTenth(double v)
{
    return std::floor(v * 10 + 0.5 + 1e-7) / 10.0;
}

std::optional<double> parseRoundedHalfUp(const QString& text, int decimals)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(\\d+)(?:\\.(\\d*))?\\s*$"));
    const auto m = number.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    // Exact decimal rounding: keep `decimals` digits, look at the next one.
    const QString whole = m.captured(1);
    const QString frac = m.captured(2);
    qint64 scaled = whole.toLongLong();
    for (int i = 0; i < decimals; ++i)
        scaled = scaled * 10 + (i < frac.size() ? frac.at(i).digitValue() : 0);
    if (frac.size() > decimals && frac.at(decimals).digitValue() >= 5)
        ++scaled;
    return double(scaled) / std::pow(10.0, decimals);
}

Response response(const Score& s)
{
    const int total = s.total();
    if (total >= 7)
        return Response::Emergency;
    if (total >= 5)
        return Response::Urgent;
    if (s.maxSingle() >= 3)
        return Response::UrgentWardResponse;
    if (total >= 1)
        return Response::WardAssessment;
    return Response::Routine;
}

QString toString(Response r)
{
    switch (r) {
    case Response::Routine: return QStringLiteral("routine");
    case Response::WardAssessment: return QStringLiteral("ward assessment");
    case Response::UrgentWardResponse: return QStringLiteral("urgent ward response");
    case Response::Urgent: return QStringLiteral("urgent response");
    case Response::Emergency: return QStringLiteral("emergency response");
    }
    return {};
}

} // namespace ww::news2
