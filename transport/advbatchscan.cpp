#include "transport/advbatchscan.h"

#include "wardwatch.pb.h"

namespace ww {

namespace {

// A cursor over one message's bytes. Every read checks its bounds; a failed read declines the frame.
struct Cursor
{
    const unsigned char* p;
    const unsigned char* end;

    // A base-128 varint of at most 10 bytes, as libprotobuf reads them (bits above 64 must be 0).
    bool varint(quint64& value)
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end)
                return false;
            const unsigned b = *p++;
            if (shift == 63 && b > 1)
                return false;
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                value = v;
                return true;
            }
        }
        return false;
    }
    bool u32(quint32& value)
    {
        quint64 v = 0;
        if (!varint(v))
            return false;
        value = quint32(v); // proto3 int32/uint32/sint32 keep the low 32 bits
        return true;
    }
    bool sint32(qint32& value)
    {
        quint32 v = 0;
        if (!u32(v))
            return false;
        value = qint32((v >> 1) ^ (~(v & 1) + 1)); // zigzag
        return true;
    }
    // A length as libprotobuf reads one: a varint of at most 5 bytes, below 2^31 (a longer encoding
    // of the same number, which varint() would take, libprotobuf refuses).
    bool length(quint64& value)
    {
        quint64 v = 0;
        for (int i = 0; i < 5; ++i) {
            if (p == end)
                return false;
            const unsigned b = *p++;
            if (i == 4 && b >= 8)
                return false;
            v |= quint64(b & 0x7f) << (7 * i);
            if (!(b & 0x80)) {
                value = v;
                return true;
            }
        }
        return false;
    }
    // A length-delimited field's bytes.
    bool bytes(Cursor& inner)
    {
        quint64 n = 0;
        if (!length(n) || n > quint64(end - p) || n > quint64(INT32_MAX))
            return false;
        inner = {p, p + n};
        p += n;
        return true;
    }
    // An ASCII string (always valid UTF-8, which proto3 requires of strings).
    bool ascii(std::string_view& s)
    {
        Cursor c{};
        if (!bytes(c))
            return false;
        for (const unsigned char* q = c.p; q != c.end; ++q)
            if (*q & 0x80)
                return false;
        s = {reinterpret_cast<const char*>(c.p), size_t(c.end - c.p)};
        return true;
    }
};

bool scanAdvert(Cursor c, AdvertView& a)
{
    while (c.p != c.end) {
        bool ok = false;
        switch (*c.p++) {
        case (1 << 3) | 2: ok = c.ascii(a.tagId); break;
        case (2 << 3) | 0: ok = c.sint32(a.rssi); break;
        case (3 << 3) | 0: ok = c.sint32(a.txPower); break;
        case (4 << 3) | 0: ok = c.sint32(a.timeOffsetMs); break;
        default: return false; // frames, raw data, unknown fields: libprotobuf's
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

bool scanAdvBatch(std::span<const std::byte> payload, AdvBatchView& view)
{
    const auto* begin = reinterpret_cast<const unsigned char*>(payload.data());
    Cursor c{begin, begin + payload.size()};
    view.schemaVersion = 0;
    view.deviceTimeMs = 0;
    view.gatewayId = {};
    view.adverts.clear();
    while (c.p != c.end) {
        bool ok = false;
        switch (*c.p++) {
        case (1 << 3) | 0: ok = c.u32(view.schemaVersion); break;
        case (2 << 3) | 0: ok = c.varint(view.deviceTimeMs); break;
        case (3 << 3) | 2: ok = c.ascii(view.gatewayId); break;
        case (4 << 3) | 2: {
            Cursor inner{};
            ok = c.bytes(inner) && scanAdvert(inner, view.adverts.emplace_back());
            break;
        }
        default: return false;
        }
        if (!ok)
            return false;
    }
    return true;
}

void viewOf(const v1::AdvBatch& m, AdvBatchView& view)
{
    view.schemaVersion = m.schema_version();
    view.deviceTimeMs = m.device_time_ms();
    view.gatewayId = m.gateway_id();
    view.adverts.clear();
    for (const auto& a : m.adverts())
        view.adverts.push_back({a.tag_id(), a.rssi(), a.tx_power(), a.time_offset_ms()});
}

} // namespace ww
