#pragma once
// Protobuf wire contract v1 <-> internal message types, and the MOKO gateway JSON adapter.
// Decoders return messages or a named reason with the field at fault; they never throw.
#include "domain/devicedirectory.h"
#include "domain/messages.h"
#include "transport/topics.h"

#include <QByteArray>
#include <QVector>
#include <optional>
#include <span>

namespace ww {

inline constexpr quint32 SchemaVersion = 1;
// How far ahead of the station's clock a device event's time may be (a device clock hours wrong):
// events are never dropped for a wrong clock; readings more than maxFutureMs ahead are.
inline constexpr qint64 EventMaxFutureMs = 366LL * 24 * 3600'000;

enum class RejectReason { Malformed, Oversized, UnknownVersion, OutOfRange, MissingField, TopicMismatch, UnknownTopic,
                          Duplicate, UnknownDevice, Unsigned, BadSignature, Replayed };
inline constexpr int RejectReasonCount = 12;
[[nodiscard]] QString toString(RejectReason reason);

struct DecodeError
{
    RejectReason reason = RejectReason::Malformed;
    QString detail; // the field or JSON path and what is wrong with it
};

struct DecodeResult
{
    QVector<Decoded> messages;
    std::optional<DecodeError> error;
    // Parts of an accepted payload that were not taken, while the rest was: a site sensor's
    // damaged frame in a MOKO scan report (its reason and JSON path), so one sensor does not cost
    // the report's other adverts. Counted and logged by the ingest stage.
    QVector<DecodeError> droppedParts;
    // A site sensor's adverts in a MOKO scan report that carry no frame WardWatch reads: counted,
    // never guessed at.
    int unknownFrames = 0;
};

struct DecodeContext
{
    qint64 receiveTimeMs = 0;
    qint64 nowMs = 0;             // injected clock; device times far from it are out of range
    qint64 maxFutureMs = 5 * 60'000; // events: EventMaxFutureMs
    qint64 maxPastMs = 30LL * 24 * 3600'000;
    const DeviceDirectory* directory = nullptr; // resolves gateway and tag ids of adverts; required for them
};

// Decodes one protobuf payload of the given topic kind. id is the gateway/device/tag id from the topic.
[[nodiscard]] DecodeResult decodeWire(TopicKind kind, std::string_view id, std::span<const std::byte> payload,
                                      const DecodeContext& ctx);
// MOKO MKGW JSON (msg_id 3070 scan reports; 3004 decided by shape), see REFERENCE.md.
[[nodiscard]] DecodeResult decodeMokoJson(std::span<const std::byte> payload, const DecodeContext& ctx);

// Encoders, used by the simulator, the self-test and the benchmarks.
[[nodiscard]] QByteArray encode(const BeaconBatch& batch, const DeviceDirectory& directory);
[[nodiscard]] QByteArray encode(const VitalsUpdate& update);
[[nodiscard]] QByteArray encode(const DeviceEventMsg& event);
[[nodiscard]] QByteArray encode(const EnvUpdate& reading);
[[nodiscard]] QByteArray encode(const DeviceStatusMsg& status);
[[nodiscard]] QByteArray encode(const PositionMsg& position);
[[nodiscard]] QByteArray encode(const StationPresenceMsg& presence);
[[nodiscard]] QByteArray encode(const AlarmState& alarm, qint64 nowMs);
[[nodiscard]] QByteArray encode(const CensusEntryMsg& entry);
[[nodiscard]] QByteArray encode(const CareEntryMsg& entry);
[[nodiscard]] QByteArray encode(const BedUpdate& bed);
[[nodiscard]] QByteArray encode(const ShiftRoleMsg& role);
[[nodiscard]] QByteArray encode(const CommandAckMsg& ack);
// cmd/{badge}: an escalation step to a person (BadgeBuzz); the same command id as the step.
[[nodiscard]] QByteArray encodeBadgeCall(const AlarmState& alarm, int step, const QString& text, const QString& stationId,
                                         qint64 nowMs);
// cmd/{device}: help is coming, to the wristband or badge that raised an event alarm.
[[nodiscard]] QByteArray encodeHelpComing(const AlarmState& alarm, const QString& responderName, const QString& stationId,
                                          qint64 nowMs);
// A command as a device reads it (the simulator's badges and wristbands).
struct CommandMsg
{
    enum class Kind { Other, Escalation, BadgeCall, HelpComing, ClimateSetpoint };
    Kind kind = Kind::Other;
    QString commandId, issuedBy, alarmId, text;
    std::optional<ClimateSetpointMsg> setpoint; // kind ClimateSetpoint
};
[[nodiscard]] std::optional<CommandMsg> decodeCommand(std::span<const std::byte> payload);
// cmd/{bms}: a room's climate setpoint change.
[[nodiscard]] QByteArray encode(const ClimateSetpointMsg& s);
// cmd/{target}: an escalation step. commandId is "{alarm id}#{step}", so receivers drop duplicates.
[[nodiscard]] QByteArray encodeEscalation(const AlarmState& alarm, int step, const QString& target,
                                          const QString& stationId, qint64 nowMs);

} // namespace ww
