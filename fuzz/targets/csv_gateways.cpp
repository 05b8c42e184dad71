// `wardctl locate` and `wardctl crlb`'s gateways file (G.csv: gateway_id,x,y,z[,floor,rssi_1m,
// exponent,beacon]) through readGateways, the import both commands share.
#include "common.h"
#include "offline.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::InputFile file("gateways.csv");
    const QString path = file.write(data, size);
    QString error;
    QStringList beacons;
    const auto gateways = offline::readGateways(path, error, &beacons);
    if (!gateways) {
        if (error.isEmpty())
            fuzz::finding("gateways refused without a reason");
        return 0;
    }
    if (gateways->empty() || beacons.size() != qsizetype(gateways->size()))
        fuzz::finding("gateways accepted without one beacon entry each");
    for (const auto& g : *gateways)
        if (!std::isfinite(g.x) || !std::isfinite(g.y) || !std::isfinite(g.z) || !std::isfinite(g.rssiAt1m) ||
            !std::isfinite(g.exponent) || g.id.isEmpty())
            fuzz::finding("a gateway accepted with a value no engine can use", g.id);
    return 0;
}
