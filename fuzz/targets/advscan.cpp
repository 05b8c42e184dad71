// The beacon wire scanner (transport/advbatchscan.h) against libprotobuf: a frame the scanner
// accepts must be one libprotobuf parses to the same view; one it declines goes to libprotobuf
// anyway, so declining is never wrong. Then the whole adverts decoder on the same bytes.
#include "common.h"
#include "transport/advbatchscan.h"

#include "wardwatch.pb.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static AdvBatchView scanned, parsedView; // reused, as the decoder reuses its view
    const auto payload = fuzz::bytes(data, size);
    if (scanAdvBatch(payload, scanned)) {
        v1::AdvBatch parsed;
        if (!parsed.ParseFromArray(data, int(size)))
            fuzz::finding("the scanner accepted a frame libprotobuf refuses");
        viewOf(parsed, parsedView);
        if (!(scanned == parsedView))
            fuzz::finding(
                "the scanner and libprotobuf read the frame differently",
                QStringLiteral("scanner: version %1 time %2 gateway '%3' %4 adverts; libprotobuf: version %5 "
                               "time %6 gateway '%7' %8 adverts")
                    .arg(scanned.schemaVersion)
                    .arg(scanned.deviceTimeMs)
                    .arg(fuzz::qs(scanned.gatewayId))
                    .arg(scanned.adverts.size())
                    .arg(parsedView.schemaVersion)
                    .arg(parsedView.deviceTimeMs)
                    .arg(fuzz::qs(parsedView.gatewayId))
                    .arg(parsedView.adverts.size()));
    }
    const DecodeContext ctx = fuzz::context();
    fuzz::check(decodeWire(TopicKind::Adverts, fuzz::GatewayId, payload, ctx), ctx);
    return 0;
}
