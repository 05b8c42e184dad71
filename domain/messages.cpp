#include "domain/messages.h"

#include <QRegularExpression>

namespace ww {

QString toString(VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate: return QStringLiteral("HR");
    case VitalKind::PulseRate: return QStringLiteral("Pulse");
    case VitalKind::SpO2: return QStringLiteral("SpO2");
    case VitalKind::RespRate: return QStringLiteral("RR");
    case VitalKind::SystolicBp: return QStringLiteral("SBP");
    case VitalKind::DiastolicBp: return QStringLiteral("DBP");
    case VitalKind::MeanBp: return QStringLiteral("MAP");
    case VitalKind::Temperature: return QStringLiteral("Temp");
    }
    return {};
}

bool isTimeOfDay(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    return re.match(text).hasMatch();
}

QString toString(CommandAckStatus s)
{
    switch (s) {
    case CommandAckStatus::Received: return QStringLiteral("received");
    case CommandAckStatus::Accepted: return QStringLiteral("accepted");
    case CommandAckStatus::Declined: return QStringLiteral("declined");
    case CommandAckStatus::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

QString toString(DeviceEventKind kind)
{
    switch (kind) {
    case DeviceEventKind::ButtonSingle: return QStringLiteral("button-single");
    case DeviceEventKind::ButtonDouble: return QStringLiteral("button-double");
    case DeviceEventKind::ButtonLong: return QStringLiteral("button-long");
    case DeviceEventKind::Fall: return QStringLiteral("fall");
    case DeviceEventKind::SosStart: return QStringLiteral("sos-start");
    case DeviceEventKind::SosEnd: return QStringLiteral("sos-end");
    case DeviceEventKind::RemovedFromBody: return QStringLiteral("removed-from-body");
    case DeviceEventKind::LowBattery: return QStringLiteral("low-battery");
    case DeviceEventKind::ManDown: return QStringLiteral("man-down");
    case DeviceEventKind::Panic: return QStringLiteral("panic");
    case DeviceEventKind::AbnormalInactivity: return QStringLiteral("abnormal-inactivity");
    }
    return {};
}

std::optional<VitalKind> vitalKindFromMdc(quint32 code)
{
    switch (code) {
    case mdc::EcgHeartRate: return VitalKind::HeartRate;
    case mdc::PulsOximPulsRate: return VitalKind::PulseRate;
    case mdc::PulsOximSatO2: return VitalKind::SpO2;
    case mdc::RespRate: return VitalKind::RespRate;
    case mdc::NibpSys: return VitalKind::SystolicBp;
    case mdc::NibpDia: return VitalKind::DiastolicBp;
    case mdc::NibpMean: return VitalKind::MeanBp;
    case mdc::TempBody: return VitalKind::Temperature;
    default: return std::nullopt;
    }
}

quint32 mdcFromVitalKind(VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate: return mdc::EcgHeartRate;
    case VitalKind::PulseRate: return mdc::PulsOximPulsRate;
    case VitalKind::SpO2: return mdc::PulsOximSatO2;
    case VitalKind::RespRate: return mdc::RespRate;
    case VitalKind::SystolicBp: return mdc::NibpSys;
    case VitalKind::DiastolicBp: return mdc::NibpDia;
    case VitalKind::MeanBp: return mdc::NibpMean;
    case VitalKind::Temperature: return mdc::TempBody;
    }
    return 0;
}

quint32 mdcUnitFor(VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate:
    case VitalKind::PulseRate: return mdc::DimBeatPerMin;
    case VitalKind::SpO2: return mdc::DimPercent;
    case VitalKind::RespRate: return mdc::DimRespPerMin;
    case VitalKind::SystolicBp:
    case VitalKind::DiastolicBp:
    case VitalKind::MeanBp: return mdc::DimMmHg;
    case VitalKind::Temperature: return mdc::DimDegC;
    }
    return 0;
}

bool vitalInRange(VitalKind kind, double value)
{
    switch (kind) {
    case VitalKind::HeartRate:
    case VitalKind::PulseRate: return value >= 0 && value <= 350;
    case VitalKind::SpO2: return value >= 0 && value <= 100;
    case VitalKind::RespRate: return value >= 0 && value <= 120;
    case VitalKind::SystolicBp:
    case VitalKind::DiastolicBp:
    case VitalKind::MeanBp: return value >= 0 && value <= 350;
    case VitalKind::Temperature: return value >= 20 && value <= 46;
    }
    return false;
}

QString toString(VentilationMode m)
{
    switch (m) {
    case VentilationMode::Unchanged: return QStringLiteral("unchanged");
    case VentilationMode::Normal: return QStringLiteral("normal");
    case VentilationMode::Boost: return QStringLiteral("boost");
    case VentilationMode::Setback: return QStringLiteral("setback");
    }
    return QStringLiteral("unchanged");
}

} // namespace ww
