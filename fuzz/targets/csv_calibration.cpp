// `wardctl locate --calibration`'s file (C.csv: time_s,gateway_id,tag_id,rssi,x,y[,z]): the
// calibration walk, its self-check by held-out recordings, then a few fixed reports positioned
// with what it calibrated.
#include "common.h"
#include "offline.h"

using namespace ww;

namespace {
constexpr char Gateways[] =
    "gateway_id,x,y,z,floor\n"
    "GW-1,0,0,2.5,0\nGW-2,10,0,2.5,0\nGW-3,10,8,2.5,0\nGW-4,0,8,2.5,0\nGW-5,5,4,2.5,0\n";
constexpr char Reports[] =
    "time_s,gateway_id,tag_id,rssi\n"
    "100.0,GW-1,WB-1,-62\n100.2,GW-2,WB-1,-75\n100.4,GW-3,WB-1,-79\n100.6,GW-4,WB-1,-71\n"
    "100.8,GW-5,WB-1,-66\n101.1,GW-1,WB-1,-63\n101.3,GW-5,WB-1,-65\n";
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::InputFile gatewaysFile("gateways.csv"), reportsFile("reports.csv"),
        calibrationFile("calibration.csv");
    static const QString gateways =
        gatewaysFile.write(reinterpret_cast<const uint8_t*>(Gateways), sizeof Gateways - 1);
    static const QString reports =
        reportsFile.write(reinterpret_cast<const uint8_t*>(Reports), sizeof Reports - 1);
    offline::LocateOptions o;
    o.gateways = gateways;
    o.reports = reports;
    o.calibration = calibrationFile.write(data, size);
    o.out = QStringLiteral("/dev/null");
    QString messages;
    QTextStream err(&messages);
    offline::LocateStats stats;
    const int code = offline::locate(o, err, &stats);
    if (code != offline::Done && code != offline::BadInput)
        fuzz::finding("locate failed on its input", messages);
    if (code == offline::BadInput && messages.isEmpty())
        fuzz::finding("a calibration refused without a reason");
    if (code == offline::Done && stats.selfCheck &&
        (!std::isfinite(stats.selfCheck->medianErrorM) || !std::isfinite(stats.selfCheck->accuracyScale) ||
         stats.selfCheck->accuracyScale < 1))
        fuzz::finding("the calibration's self-check is not a number",
                      QString::number(stats.selfCheck->accuracyScale));
    return 0;
}
