// Every wire topic kind's decoder (decodeWire: the protobuf messages of wire contract v1, MOKO JSON
// on its topic, the kinds stations drop). Input: one byte choosing the topic kind
// (int(TopicKind) modulo their count), then the payload as it comes off the broker.
#include "common.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const auto kind = TopicKind(data[0] % TopicKindCount);
    const DecodeContext ctx = fuzz::context();
    const DecodeResult r = decodeWire(kind, fuzz::topicId(kind), fuzz::bytes(data + 1, size - 1), ctx);
    fuzz::check(r, ctx);
    return 0;
}
