#pragma once
// Helpers for tests that talk to a real mosquitto: the ctest fixture's broker, or a private one.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace ww::test {

// The port of the broker started by the ctest fixture (scripts/broker start WW_BROKER_DIR).
inline int fixtureBrokerPort()
{
    QFile f(QStringLiteral(WW_BROKER_DIR "/port"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toInt();
}

// A broker of the test's own (scripts/broker), which it may stop and restart on the same port. Like
// a production broker it saves its state (sessions, queued QoS 1 messages, retained messages) every
// second and when it is stopped, and a restart finds it again.
class PrivateBroker
{
public:
    // What a restarted broker finds of what it saved: kept (a broker with persistence), or lost (a
    // broker without persistence, or whose disk was lost): no session, no retained message.
    enum class Saved { Kept, Lost };

    explicit PrivateBroker(QString dir) : m_dir(std::move(dir)) {}
    ~PrivateBroker() { stop(); }
    PrivateBroker(const PrivateBroker&) = delete;
    PrivateBroker& operator=(const PrivateBroker&) = delete;

    // A fresh broker on a free loopback port; returns the port (0 when it could not start).
    int start()
    {
        QProcess p;
        p.start(script(), {QStringLiteral("start"), m_dir});
        p.waitForFinished(20000);
        m_port = p.readAllStandardOutput().trimmed().toInt();
        return m_port;
    }
    // SIGTERM: the broker saves its state and exits; returns once it has (the port is free then).
    void stop() { QProcess::execute(script(), {QStringLiteral("stop"), m_dir}); }
    // SIGKILL, as in a crash: only what the broker saved before (every second) survives. Returns
    // once it has exited.
    void crash()
    {
        const pid_t p = pid();
        if (p <= 0)
            return;
        ::kill(p, SIGKILL);
        const QDeadlineTimer deadline(10000);
        while (running(p) && !deadline.hasExpired())
            QThread::msleep(10);
        QFile::remove(m_dir + QStringLiteral("/mosquitto.pid"));
    }
    // Starts the stopped broker again on the same port; returns once it listens.
    bool restartSamePort(Saved saved = Saved::Kept)
    {
        if (saved == Saved::Lost)
            QFile::remove(m_dir + QStringLiteral("/mosquitto.db"));
        QProcess p;
        p.start(script(), {QStringLiteral("restart"), m_dir});
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const QString& dir() const { return m_dir; }
    // The running broker's process id (0 when stopped).
    [[nodiscard]] pid_t pid() const
    {
        QFile f(m_dir + QStringLiteral("/mosquitto.pid"));
        return f.open(QIODevice::ReadOnly) ? pid_t(f.readAll().trimmed().toInt()) : 0;
    }
    // What the broker logged (errors, warnings, notices: connections, refusals).
    [[nodiscard]] QByteArray log() const
    {
        QFile f(m_dir + QStringLiteral("/mosquitto.log"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    static QString script() { return QStringLiteral(WW_SOURCE_DIR "/scripts/broker"); }
    // Running, not an exited process waiting to be reaped.
    static bool running(pid_t p)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(p));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        return close >= 0 && text.size() > close + 2 && text.at(close + 2) != 'Z' && text.at(close + 2) != 'X';
    }

    QString m_dir;
    int m_port = 0;
};

} // namespace ww::test
