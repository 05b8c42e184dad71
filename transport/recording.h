#pragma once
// Recorded MQTT traffic (wardctl record, wardctl replay): the frames as the broker delivered them,
// to analyse a night again or to feed a test station the same traffic twice.
// File: the line "WWREC 1\n", then per frame its receive time (ms since the epoch, int64), the
// topic's length (uint16) and the payload's (uint32), little-endian, then the topic's and the
// payload's bytes. Nothing else: a frame is written whole or (the recorder killed) cut short.
#include "transport/topics.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <optional>

namespace ww {

struct RecordedFrame
{
    qint64 rxMs = 0;
    QByteArray topic, payload;
};

class RecordingWriter
{
public:
    [[nodiscard]] bool open(const QString& path, QString& error);
    [[nodiscard]] bool write(const RecordedFrame& frame); // flushed: a killed recorder loses at most one frame
    [[nodiscard]] QString errorString() const { return m_file.errorString(); }

private:
    QFile m_file;
};

class RecordingReader
{
public:
    [[nodiscard]] bool open(const QString& path, QString& error);
    // The next frame; nullopt at the end, or with error set ("FILE: frame N: reason") when the file
    // is cut short or its lengths are impossible.
    [[nodiscard]] std::optional<RecordedFrame> next(QString& error);
    [[nodiscard]] int framesRead() const { return m_frames; }

private:
    QFile m_file;
    int m_frames = 0;
};

// How devices and stations publish a topic by the wire contract (docs/wire-contract.md): replay
// republishes each frame so (retained state stays retained).
struct Delivery
{
    int qos = 0;
    bool retain = false;
};
[[nodiscard]] Delivery contractDelivery(TopicKind kind);

} // namespace ww
