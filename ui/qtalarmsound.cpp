#include "ui/qtalarmsound.h"

#include <QAudioDevice>
#include <QFile>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QtEndian>
#include <cmath>

namespace ww {

namespace {

// 16-bit mono PCM WAV: `pulses` tone pulses of 150 ms with 100 ms gaps (IEC 60601-1-8 style bursts).
QByteArray burstWav(int pulses, double hz)
{
    constexpr int rate = 22050;
    QByteArray pcm;
    auto put16 = [&pcm](qint16 v) { pcm.append(char(v & 0xff)).append(char((v >> 8) & 0xff)); };
    for (int p = 0; p < pulses; ++p) {
        for (int i = 0; i < rate * 150 / 1000; ++i) {
            const double env = std::min(1.0, std::min(i, rate * 150 / 1000 - i) / 200.0);
            put16(qint16(9000 * env * std::sin(2 * M_PI * hz * i / rate) + 3000 * env * std::sin(2 * M_PI * 2 * hz * i / rate)));
        }
        for (int i = 0; i < rate * 100 / 1000; ++i)
            put16(0);
    }
    QByteArray wav("RIFF");
    auto le32 = [&wav](quint32 v) { char b[4]; qToLittleEndian(v, b); wav.append(b, 4); };
    auto le16 = [&wav](quint16 v) { char b[2]; qToLittleEndian(v, b); wav.append(b, 2); };
    le32(quint32(36 + pcm.size()));
    wav.append("WAVEfmt ");
    le32(16);
    le16(1);
    le16(1);
    le32(rate);
    le32(rate * 2);
    le16(2);
    le16(16);
    wav.append("data");
    le32(quint32(pcm.size()));
    return wav + pcm;
}

} // namespace

QtAlarmSound::QtAlarmSound(QObject* parent) : QObject(parent)
{
    m_available = !QMediaDevices::audioOutputs().isEmpty();
    if (!m_available || !m_dir.isValid())
        return;
    const struct { int pulses; double hz; } tones[3] = {{1, 440}, {3, 523}, {10, 660}}; // low, medium, high
    for (int i = 0; i < 3; ++i) {
        const QString file = m_dir.filePath(QStringLiteral("burst-%1.wav").arg(i));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            continue;
        f.write(burstWav(tones[i].pulses, tones[i].hz));
        f.close();
        m_effects[i] = new QSoundEffect(this);
        m_effects[i]->setSource(QUrl::fromLocalFile(file));
    }
}

QtAlarmSound::~QtAlarmSound() = default;

bool QtAlarmSound::available() const
{
    return m_available;
}

void QtAlarmSound::playBurst(Priority p)
{
    stop();
    if (QSoundEffect* e = m_effects[int(p) - 1])
        e->play();
}

void QtAlarmSound::stop()
{
    for (QSoundEffect* e : m_effects)
        if (e)
            e->stop();
}

} // namespace ww
