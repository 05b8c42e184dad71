#pragma once
// The beacon hot path's reader of AdvBatch (proto/wardwatch.proto) straight from the protobuf wire
// format, and the same view taken from libprotobuf's parsed message. Both fill an AdvBatchView, which
// one routine (decodeAdverts in wirecodec.cpp) checks, so the two paths cannot disagree on what is
// accepted: the scanner reads only the ordinary shape (fields 1-4 of the batch, fields 1-4 of each
// advert, canonical one-byte tags, ASCII ids) and declines everything else, which libprotobuf then
// parses. Declining is never an error. tst_wirecodec compares the two on mutated frames.
#include <QtGlobal>

#include <span>
#include <string_view>
#include <vector>

namespace ww {

namespace v1 {
class AdvBatch;
}

struct AdvertView
{
    std::string_view tagId;
    qint32 rssi = 0;
    qint32 txPower = 0;
    qint32 timeOffsetMs = 0;
    friend bool operator==(const AdvertView&, const AdvertView&) = default;
};

struct AdvBatchView
{
    quint32 schemaVersion = 0;
    quint64 deviceTimeMs = 0;
    std::string_view gatewayId;
    std::vector<AdvertView> adverts; // reused between batches: no allocation once warm
    friend bool operator==(const AdvBatchView&, const AdvBatchView&) = default;
};

// Fills view from an ordinary AdvBatch frame and returns true; returns false (view unspecified) for
// anything else: malformed, unknown or repeated-out-of-shape fields, non-ASCII strings.
[[nodiscard]] bool scanAdvBatch(std::span<const std::byte> payload, AdvBatchView& view);
// The view of a message libprotobuf parsed; its strings point into message.
void viewOf(const v1::AdvBatch& message, AdvBatchView& view);

} // namespace ww
