// Recorded traffic (transport/recording.h, `wardctl replay`): the frames of a recording file, each
// classified by its topic and decoded as the station's ingest stage does.
#include "transport/recording.h"
#include "common.h"

using namespace ww;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quiet();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const fuzz::InputFile file("traffic.wwrec");
    static const Topics topics(QString::fromLatin1(fuzz::SiteId));
    RecordingReader reader;
    QString error;
    if (!reader.open(file.write(data, size), error)) {
        if (error.isEmpty())
            fuzz::finding("a recording refused without a reason");
        return 0;
    }
    const DecodeContext ctx = fuzz::context();
    while (const auto frame = reader.next(error)) {
        const std::string_view topic(frame->topic.constData(), size_t(frame->topic.size()));
        const ParsedTopic parsed = topics.parse(topic, "moko/+/send");
        if (parsed.kind == TopicKind::Truth)
            continue; // never decoded by a station
        const auto payload =
            std::as_bytes(std::span(frame->payload.constData(), size_t(frame->payload.size())));
        fuzz::check(decodeWire(parsed.kind, parsed.id, payload, ctx), ctx);
    }
    return 0;
}
