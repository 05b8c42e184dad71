#pragma once
// A MOKO sensor's raw advertisement as a MOKO gateway's scan report carries it ("adv_data", hex):
// its AD structures (length, type, data) and, among them, the temperature/humidity frame of the
// BeaconX Pro firmware (MOKO H4): service data of UUID 0xFEAB, frame type 0x70. The layout and
// its sources: docs/wire-contract.md, "MOKO sensor frames".
#include "transport/wirecodec.h"

#include <QStringView>
#include <optional>

namespace ww {

// The BeaconX Pro T&H frame, bytes counted within the service data after the UUID (byte 0 is the
// frame type 0x70), multi-byte fields big-endian.
struct MokoThFrame
{
    static constexpr quint16 ServiceUuid = 0xFEAB; // little-endian in the advert: AB FE
    static constexpr quint8 FrameType = 0x70;
    static constexpr int MinBytes = 9; // frame type .. battery (bytes 0-8)
    // The H4's range; a value outside it is a damaged frame, not a reading.
    static constexpr int MinTenthsC = -400, MaxTenthsC = 850, MaxTenthsPct = 1000;

    double temperatureC = 0; // bytes 3-4, int16 x 0.1 °C
    double humidityPct = 0;  // bytes 5-6, uint16 x 0.1 %
    int batteryMv = 0;       // bytes 7-8, uint16 mV
};

struct MokoAdvert
{
    std::optional<MokoThFrame> th;    // the advert carries a T&H frame
    std::optional<DecodeError> error; // damaged: not hex, an AD structure past its end, a short
                                      // or out-of-range T&H frame (detail without the JSON path)
    // Neither: the advert carries no frame WardWatch reads (another frame type, no 0xFEAB data).
};

// Reads the hex of one advertisement (upper or lower case, no separators). Never throws.
[[nodiscard]] MokoAdvert decodeMokoAdvert(QStringView hex);

} // namespace ww
