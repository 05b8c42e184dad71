#include "transport/recording.h"

#include <QtEndian>

namespace ww {

namespace {

constexpr char Magic[] = "WWREC 1\n";
constexpr qsizetype MagicSize = sizeof Magic - 1;
constexpr qsizetype HeaderSize = 8 + 2 + 4;
constexpr quint32 MaxPayload = 64u << 20; // far beyond any broker's message limit here

} // namespace

bool RecordingWriter::open(const QString& path, QString& error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate) || m_file.write(Magic, MagicSize) != MagicSize) {
        error = QStringLiteral("%1: %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

bool RecordingWriter::write(const RecordedFrame& f)
{
    if (f.topic.size() > 0xffff)
        return false;
    char header[HeaderSize];
    qToLittleEndian(qint64(f.rxMs), header);
    qToLittleEndian(quint16(f.topic.size()), header + 8);
    qToLittleEndian(quint32(f.payload.size()), header + 10);
    return m_file.write(header, HeaderSize) == HeaderSize && m_file.write(f.topic) == f.topic.size() &&
           m_file.write(f.payload) == f.payload.size() && m_file.flush();
}

bool RecordingReader::open(const QString& path, QString& error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: %2").arg(path, m_file.errorString());
        return false;
    }
    if (m_file.read(MagicSize) != QByteArray(Magic, MagicSize)) {
        error = QStringLiteral("%1: not a WardWatch recording (it does not start with \"WWREC 1\")").arg(path);
        return false;
    }
    return true;
}

std::optional<RecordedFrame> RecordingReader::next(QString& error)
{
    error.clear();
    const QByteArray header = m_file.read(HeaderSize);
    if (header.isEmpty())
        return std::nullopt;
    const int index = m_frames + 1;
    auto fail = [&](const QString& reason) {
        error = QStringLiteral("%1: frame %2: %3").arg(m_file.fileName()).arg(index).arg(reason);
        return std::nullopt;
    };
    if (header.size() < HeaderSize)
        return fail(QStringLiteral("cut short in its header (%1 of %2 bytes)").arg(header.size()).arg(HeaderSize));
    RecordedFrame f;
    f.rxMs = qFromLittleEndian<qint64>(header.constData());
    const quint16 topicLen = qFromLittleEndian<quint16>(header.constData() + 8);
    const quint32 payloadLen = qFromLittleEndian<quint32>(header.constData() + 10);
    if (topicLen == 0)
        return fail(QStringLiteral("empty topic"));
    if (payloadLen > MaxPayload)
        return fail(QStringLiteral("payload of %1 bytes (at most %2)").arg(payloadLen).arg(MaxPayload));
    f.topic = m_file.read(topicLen);
    f.payload = m_file.read(payloadLen);
    if (f.topic.size() != topicLen || f.payload.size() != qsizetype(payloadLen))
        return fail(QStringLiteral("cut short (%1 of %2 bytes)")
                        .arg(f.topic.size() + f.payload.size())
                        .arg(qsizetype(topicLen) + qsizetype(payloadLen)));
    ++m_frames;
    return f;
}

Delivery contractDelivery(TopicKind kind)
{
    switch (kind) {
    case TopicKind::Event:
    case TopicKind::Command:
    case TopicKind::CommandAck:
    case TopicKind::Bed: return {1, false};
    case TopicKind::Status:
    case TopicKind::Alarm:
    case TopicKind::Station:
    case TopicKind::Census:
    case TopicKind::Care:
    case TopicKind::Role: return {1, true};
    default: return {0, false};
    }
}

} // namespace ww
