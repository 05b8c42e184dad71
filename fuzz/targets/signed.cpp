// Signed state (transport/signing.h): the "WWS1" envelope around alarm state, census entries,
// positions, commands, care-plan entries and shift roles, verified as the ingest stage (and a
// device, for commands) verifies it, then the body decoded (a command also as a device reads it,
// decodeCommand). Input: one byte (its low seven bits modulo 6: the topic kind; its top bit: the
// site accepts unsigned state), then the payload. Station-2's key is the site's one listed key
// (fuzz/common.h).
#include "common.h"

using namespace ww;

namespace {
constexpr TopicKind Kinds[] = {TopicKind::Alarm,   TopicKind::Census, TopicKind::Position,
                               TopicKind::Command, TopicKind::Care,   TopicKind::Role};
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0; // the ingest stage verifies no empty payload: a cleared retained message
    const TopicKind kind = Kinds[(data[0] & 0x7f) % std::size(Kinds)];
    const bool acceptUnsigned = (data[0] & 0x80) != 0;
    const std::string topic = fuzz::topicOf(kind);
    const auto payload = fuzz::bytes(data + 1, size - 1);
    // A fresh check per input: the counters it remembers would make inputs depend on each other.
    const SignatureCheck check(
        TrustSettings{{{fuzz::qs(fuzz::StationId), fuzz::stationKey().publicKey()}}, acceptUnsigned});
    const SignatureCheck::Result r = check.check(topic, payload);
    switch (r.outcome) {
    case SignatureCheck::Outcome::Valid:
        if (!r.isSigned || r.signer != fuzz::qs(fuzz::StationId))
            fuzz::finding("taken as signed, but not by the listed signer", r.signer);
        if (check.check(topic, payload).outcome != SignatureCheck::Outcome::Replayed)
            fuzz::finding("the same signed message taken twice");
        break;
    case SignatureCheck::Outcome::Unsigned:
        if (!acceptUnsigned || r.isSigned)
            fuzz::finding("taken as unsigned where the site refuses unsigned state");
        break;
    case SignatureCheck::Outcome::Replayed:
        fuzz::finding("a replay at first sight");
    case SignatureCheck::Outcome::Refused:
        if (r.why.isEmpty())
            fuzz::finding("refused without a reason");
        return 0;
    }
    const DecodeContext ctx = fuzz::context();
    fuzz::check(decodeWire(kind, fuzz::topicId(kind), r.body(), ctx), ctx);
    if (kind == TopicKind::Command)
        if (const std::optional<CommandMsg> c = decodeCommand(r.body()); c && c->commandId.isEmpty())
            fuzz::finding("a command read without its id");
    return 0;
}
