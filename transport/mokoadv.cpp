#include "transport/mokoadv.h"

#include <QByteArray>
#include <span>

namespace ww {

namespace {

MokoAdvert damaged(RejectReason reason, QString detail)
{
    MokoAdvert a;
    a.error = DecodeError{reason, std::move(detail)};
    return a;
}

int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

quint16 be16(std::span<const quint8> b, size_t at)
{
    return quint16((b[at] << 8) | b[at + 1]);
}

// BLE AD type "Service Data - 16-bit UUID" (Bluetooth Core Specification Supplement, 1.11).
constexpr quint8 AdServiceData16 = 0x16;

} // namespace

MokoAdvert decodeMokoAdvert(QStringView hex)
{
    if (hex.size() % 2)
        return damaged(RejectReason::Malformed, QStringLiteral("odd number of hex digits (%1)").arg(hex.size()));
    QByteArray raw(hex.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const int hi = hexDigit(hex[i]), lo = hexDigit(hex[i + 1]);
        if (hi < 0 || lo < 0) {
            const qsizetype at = hi < 0 ? i : i + 1;
            return damaged(RejectReason::Malformed,
                           QStringLiteral("character %1 ('%2') is not a hex digit").arg(at).arg(hex[at]));
        }
        raw[i / 2] = char(hi << 4 | lo);
    }
    const std::span<const quint8> b(reinterpret_cast<const quint8*>(raw.constData()), size_t(raw.size()));

    // Every AD structure is checked before the frame is read: an advert whose structures do not add
    // up is damaged as a whole. A length of 0 ends the significant part (the rest is padding).
    std::optional<std::span<const quint8>> frame;
    for (size_t i = 0; i < b.size();) {
        const size_t length = b[i];
        if (length == 0)
            break;
        if (i + 1 + length > b.size())
            return damaged(RejectReason::Malformed, QStringLiteral("AD structure at byte %1 is %2 bytes long, %3 follow")
                                                        .arg(i)
                                                        .arg(length)
                                                        .arg(b.size() - i - 1));
        const std::span<const quint8> data = b.subspan(i + 2, length - 1);
        if (b[i + 1] == AdServiceData16 && data.size() >= 3 && data[0] == (MokoThFrame::ServiceUuid & 0xff) &&
            data[1] == MokoThFrame::ServiceUuid >> 8) {
            const std::span<const quint8> f = data.subspan(2); // byte 0: the frame type
            if (f[0] == MokoThFrame::FrameType && !frame)
                frame = f; // the first T&H frame; other frame types (iBeacon, TLM, ACC slots) are not read
        }
        i += 1 + length;
    }
    if (!frame)
        return {}; // no frame read here: counted as unknown by the caller

    const std::span<const quint8> f = *frame;
    if (f.size() < size_t(MokoThFrame::MinBytes))
        return damaged(RejectReason::Malformed, QStringLiteral("T&H frame (0xFEAB, 0x70) is %1 bytes, needs %2")
                                                    .arg(f.size())
                                                    .arg(MokoThFrame::MinBytes));
    const int tenthsC = qint16(be16(f, 3));
    const int tenthsPct = be16(f, 5);
    if (tenthsC < MokoThFrame::MinTenthsC || tenthsC > MokoThFrame::MaxTenthsC)
        return damaged(RejectReason::OutOfRange, QStringLiteral("T&H frame: temperature %1 °C outside [%2, %3]")
                                                     .arg(tenthsC / 10.0, 0, 'f', 1)
                                                     .arg(MokoThFrame::MinTenthsC / 10)
                                                     .arg(MokoThFrame::MaxTenthsC / 10));
    if (tenthsPct > MokoThFrame::MaxTenthsPct)
        return damaged(RejectReason::OutOfRange,
                       QStringLiteral("T&H frame: humidity %1 % above 100").arg(tenthsPct / 10.0, 0, 'f', 1));
    MokoAdvert a;
    a.th = MokoThFrame{tenthsC / 10.0, tenthsPct / 10.0, be16(f, 7)};
    return a;
}

} // namespace ww
