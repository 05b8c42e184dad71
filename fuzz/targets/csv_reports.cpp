// `wardctl locate`'s reports file (R.csv: time_s,gateway_id,tag_id,rssi[,tx_power]) with a fixed
// gateways file: the rows go through the positioning engine as the command runs them.
#include "common.h"
#include "offline.h"

#include <QFile>

using namespace ww;

namespace {
// Five receivers in a 10 x 8 m room, as tst_robustness's; GW-5 advertises as BEACON-5.
constexpr char Gateways[] =
    "gateway_id,x,y,z,floor,beacon\n"
    "GW-1,0,0,2.5,0,\nGW-2,10,0,2.5,0,\nGW-3,10,8,2.5,0,\nGW-4,0,8,2.5,0,\nGW-5,5,4,2.5,0,BEACON-5\n";
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::InputFile gatewaysFile("gateways.csv"), reportsFile("reports.csv");
    static const QString gateways =
        gatewaysFile.write(reinterpret_cast<const uint8_t*>(Gateways), sizeof Gateways - 1);
    offline::LocateOptions o;
    o.gateways = gateways;
    o.reports = reportsFile.write(data, size);
    o.out = o.centroidOut = QStringLiteral("/dev/null");
    QString messages;
    QTextStream err(&messages);
    offline::LocateStats stats;
    const int code = offline::locate(o, err, &stats);
    if (code != offline::Done && code != offline::BadInput)
        fuzz::finding("locate failed on its input", messages);
    if (code == offline::BadInput && messages.isEmpty())
        fuzz::finding("reports refused without a reason");
    return 0;
}
