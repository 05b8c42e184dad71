// MOKO MKGW BLE-to-MQTT gateway JSON (REFERENCE.md): {"msg_id":N,"device_info":{"mac":"…"},"data":…}.
// msg_id 3070 is a scan report; 3004 is a heartbeat on new firmware and a scan report on old
// firmware, so it is decided by the shape of "data". Entries of the site's sensors (by MAC) are
// read from their raw advertisement (transport/mokoadv.h), not positioned.
#include "transport/mokoadv.h"
#include "transport/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace ww {

namespace {

DecodeResult fail(RejectReason reason, QString detail)
{
    return {{}, DecodeError{reason, std::move(detail)}};
}

bool isMac(const QString& s)
{
    if (s.size() != 12)
        return false;
    for (QChar c : s)
        if (!c.isDigit() && !(c.toLower() >= u'a' && c.toLower() <= u'f'))
            return false;
    return true;
}

QString normaliseMac(QString s)
{
    s.remove(u':');
    return s.toUpper();
}

// MOKO timestamps are epoch ms or s on some firmware and uptime on others: only a plausible epoch is used.
qint64 entryTime(const QJsonValue& v, const DecodeContext& ctx)
{
    if (!v.isDouble())
        return ctx.receiveTimeMs;
    const double t = v.toDouble();
    // Compared as a double: a value no qint64 holds (1e20) is not converted, it is no time.
    const double ms = t > 1e12 ? t : t > 1e9 ? t * 1000 : 0;
    if (!(ms > 0) || ms > double(ctx.nowMs + ctx.maxFutureMs) || ms < double(ctx.nowMs - ctx.maxPastMs))
        return ctx.receiveTimeMs;
    return qint64(ms);
}

// A site sensor's scan entry: its raw advertisement ("adv_data", whatever the type_code) read for
// a frame WardWatch knows. A damaged frame drops this entry only, with its reason; an advert
// without such a frame (another frame type, or no adv_data: a BXP-TH entry the gateway decoded
// into fields no public source names) is counted as unknown.
void sensorEntry(const QJsonObject& e, const QString& path, const QString& sensorId, qint64 timeMs,
                 const DecodeContext& ctx, DecodeResult& out)
{
    const QJsonValue adv = e.value(u"adv_data");
    if (adv.isUndefined()) {
        ++out.unknownFrames;
        return;
    }
    if (!adv.isString()) {
        out.droppedParts.push_back({RejectReason::Malformed, path + QStringLiteral(".adv_data: must be a hex string")});
        return;
    }
    const MokoAdvert a = decodeMokoAdvert(adv.toString());
    if (a.error) {
        out.droppedParts.push_back({a.error->reason, path + QStringLiteral(".adv_data: ") + a.error->detail});
        return;
    }
    if (!a.th) {
        ++out.unknownFrames;
        return;
    }
    EnvUpdate u;
    u.deviceId = sensorId;
    u.deviceTimeMs = timeMs;
    u.receiveTimeMs = ctx.receiveTimeMs;
    u.temperatureC = a.th->temperatureC;
    u.humidityPct = a.th->humidityPct;
    out.messages.push_back(std::move(u));
}

bool looksLikeScanReport(const QJsonValue& data)
{
    if (!data.isArray())
        return false;
    const QJsonArray a = data.toArray();
    return a.isEmpty() || (a.at(0).isObject() && a.at(0).toObject().contains(u"rssi"));
}

} // namespace

DecodeResult decodeMokoJson(std::span<const std::byte> payload, const DecodeContext& ctx)
{
    QJsonParseError pe{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char*>(payload.data()), qsizetype(payload.size())), &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(RejectReason::Malformed, QStringLiteral("JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return fail(RejectReason::Malformed, QStringLiteral("$: must be an object"));
    const QJsonObject root = doc.object();
    if (!root.value(u"msg_id").isDouble())
        return fail(RejectReason::MissingField, QStringLiteral("$.msg_id: missing or not a number"));
    const int msgId = root.value(u"msg_id").toInt();
    const QString gw = normaliseMac(root.value(u"device_info").toObject().value(u"mac").toString());
    if (!isMac(gw))
        return fail(RejectReason::MissingField, QStringLiteral("$.device_info.mac: missing or not 12 hex digits"));
    const QJsonValue data = root.value(u"data");

    if (msgId == 3004 && !looksLikeScanReport(data)) {
        DeviceStatusMsg s;
        s.deviceId = gw;
        s.deviceTimeMs = ctx.receiveTimeMs;
        s.receiveTimeMs = ctx.receiveTimeMs;
        s.online = true;
        return {{std::move(s)}, {}};
    }
    if (msgId != 3070 && msgId != 3004)
        return fail(RejectReason::UnknownTopic, QStringLiteral("$.msg_id: %1 is not a scan report").arg(msgId));
    if (!data.isArray())
        return fail(RejectReason::MissingField, QStringLiteral("$.data: must be an array of scan entries"));

    DecodeResult out;
    BeaconBatch batch;
    const std::string gwUtf8 = gw.toStdString();
    batch.gateway = ctx.directory ? ctx.directory->gateway(gwUtf8) : -1;
    if (batch.gateway < 0)
        return fail(RejectReason::UnknownDevice, QStringLiteral("$.device_info.mac: gateway %1 is not in the site configuration").arg(gw));
    batch.receiveTimeMs = ctx.receiveTimeMs;
    batch.deviceTimeMs = ctx.receiveTimeMs;
    const QJsonArray entries = data.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString path = QStringLiteral("$.data[%1]").arg(i);
        const QJsonObject e = entries.at(i).toObject();
        if (!entries.at(i).isObject())
            return fail(RejectReason::Malformed, path + QStringLiteral(": must be an object"));
        const QString mac = normaliseMac(e.value(u"mac").toString());
        if (!isMac(mac))
            return fail(RejectReason::MissingField, path + QStringLiteral(".mac: missing or not 12 hex digits"));
        if (!e.value(u"rssi").isDouble())
            return fail(RejectReason::MissingField, path + QStringLiteral(".rssi: missing or not a number"));
        const int rssi = e.value(u"rssi").toInt();
        if (rssi < -127 || rssi > 20)
            return fail(RejectReason::OutOfRange, path + QStringLiteral(".rssi: %1 dBm outside [-127, 20]").arg(rssi));
        const qint64 t = entryTime(e.value(u"timestamp"), ctx);
        const int typeCode = e.value(u"type_code").toInt(-1);
        int txPower = 0;
        if (typeCode == 0 && e.value(u"rssi_1m").isDouble())
            txPower = std::clamp(e.value(u"rssi_1m").toInt(), -127, 20);
        const std::string macUtf8 = mac.toStdString();
        const int tag = ctx.directory->tag(macUtf8);
        const int sensor = tag < 0 ? ctx.directory->sensor(macUtf8) : -1;
        if (sensor >= 0)
            sensorEntry(e, path, ctx.directory->sensorId(sensor), t, ctx, out);
        else if (tag < 0)
            ++batch.foreignAdverts;
        else
            batch.reports.push_back({tag, t, qint16(rssi), qint8(txPower)});
        if (typeCode == 7 && e.contains(u"frame_type")) {
            // BXP-Button: frame_type 0 single, 1 double, 2 long press, 3 abnormal inactivity;
            // trigger_count numbers presses, so it is the event's sequence number.
            static constexpr DeviceEventKind kinds[] = {DeviceEventKind::ButtonSingle, DeviceEventKind::ButtonDouble,
                                                        DeviceEventKind::ButtonLong, DeviceEventKind::AbnormalInactivity};
            const int frame = e.value(u"frame_type").toInt(-1);
            const int count = e.value(u"trigger_count").toInt(0);
            if (frame < 0 || frame > 3)
                return fail(RejectReason::OutOfRange, path + QStringLiteral(".frame_type: %1 is not 0-3").arg(frame));
            if (count > 0) {
                DeviceEventMsg ev;
                ev.deviceId = mac;
                ev.deviceTimeMs = t;
                ev.receiveTimeMs = ctx.receiveTimeMs;
                ev.boot = 0;
                ev.seq = quint32(count);
                ev.kind = kinds[frame];
                out.messages.push_back(std::move(ev));
            }
        }
    }
    out.messages.prepend(std::move(batch));
    return out;
}

} // namespace ww
