// MOKO MKGW gateway JSON (transport/mokojson.cpp): scan reports (msg_id 3070, 3004 by shape),
// heartbeats, BXP-Button presses and a site sensor's raw advert (transport/mokoadv.cpp), as a
// gateway publishes them on moko/+/send.
#include "common.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const DecodeContext ctx = fuzz::context();
    fuzz::check(decodeMokoJson(fuzz::bytes(data, size), ctx), ctx);
    return 0;
}
