#pragma once

// A throw-away one-node Slurm cluster for the tests: a private munged (its
// own key and socket), slurmctld and slurmd with a slurm.conf, state, spool
// and logs in a temporary folder, on free loopback ports. SLURM_CONF is set
// for this process, so every sbatch, squeue and scancel it starts talks to
// this cluster. Needs root (slurmd starts jobs as their user) and Debian's
// slurm-wlm and munge; skip with unavailable() as the reason otherwise.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class SlurmCluster
{
public:
    ~SlurmCluster() { stop(); }

    // Why this machine cannot run the cluster ("" when it can).
    static QString unavailable()
    {
        if (::getuid() != 0)
            return QStringLiteral("the Slurm tests start slurmd, which runs jobs as their user: run them as root");
        for (const char *program : { "munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "sinfo" })
            if (QStandardPaths::findExecutable(QString::fromLatin1(program),
                                               { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") })
                    .isEmpty())
                return QStringLiteral("%1 is not installed (Debian packages slurm-wlm and munge)")
                    .arg(QString::fromLatin1(program));
        return {};
    }

    QString confPath() const { return m_dir.path() + QStringLiteral("/slurm.conf"); }
    QString nodeName() const { return m_node; }
    QString partition() const { return QStringLiteral("debug"); }

    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        // munged wants to reach its socket through folders anyone may enter.
        QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7755));
        const QString d = m_dir.path();
        for (const char *sub : { "munge", "state", "spool", "log" })
            QDir(d).mkpath(QString::fromLatin1(sub));
        QFile::setPermissions(d + QStringLiteral("/munge"), QFileDevice::Permissions(0x7711));
        QFile key(d + QStringLiteral("/munge/munge.key"));
        QFile random(QStringLiteral("/dev/urandom"));
        if (!key.open(QIODevice::WriteOnly) || !random.open(QIODevice::ReadOnly)
            || key.write(random.read(128)) != 128) {
            *error = QStringLiteral("cannot write a munge key");
            return false;
        }
        key.close();
        key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_munge = d + QStringLiteral("/munge/munge.socket");
        if (!run(QStringLiteral("munged"),
                 { QStringLiteral("--force"), QStringLiteral("--key-file=") + key.fileName(),
                   QStringLiteral("--socket=") + m_munge, QStringLiteral("--pid-file=") + d + QStringLiteral("/munge/munged.pid"),
                   QStringLiteral("--log-file=") + d + QStringLiteral("/munge/munged.log"),
                   QStringLiteral("--seed-file=") + d + QStringLiteral("/munge/seed") },
                 error))
            return false;
        m_mungeStarted = true;
        m_node = QSysInfo::machineHostName().section(QLatin1Char('.'), 0, 0);
        const int ctldPort = freePort();
        const int slurmdPort = freePort();
        QFile conf(confPath());
        if (!conf.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write slurm.conf");
            return false;
        }
        conf.write(QStringLiteral("ClusterName=runbenchtest\n"
                                  "SlurmctldHost=%1(127.0.0.1)\n"
                                  "SlurmctldPort=%2\n"
                                  "SlurmdPort=%3\n"
                                  "SlurmUser=root\n"
                                  "SlurmdUser=root\n"
                                  "AuthType=auth/munge\n"
                                  "AuthInfo=socket=%4\n"
                                  "CredType=cred/munge\n"
                                  "StateSaveLocation=%5/state\n"
                                  "SlurmdSpoolDir=%5/spool\n"
                                  "SlurmctldPidFile=%5/slurmctld.pid\n"
                                  "SlurmdPidFile=%5/slurmd.pid\n"
                                  "SlurmctldLogFile=%5/log/slurmctld.log\n"
                                  "SlurmdLogFile=%5/log/slurmd.log\n"
                                  "ProctrackType=proctrack/linuxproc\n"
                                  "TaskPlugin=task/none\n"
                                  "SelectType=select/cons_tres\n"
                                  "SelectTypeParameters=CR_Core\n"
                                  "AccountingStorageType=accounting_storage/none\n"
                                  "JobAcctGatherType=jobacct_gather/none\n"
                                  "JobCompType=jobcomp/none\n"
                                  "MpiDefault=none\n"
                                  "ReturnToService=2\n"
                                  "SchedulerType=sched/backfill\n"
                                  "SchedulerParameters=sched_interval=1\n"
                                  "MessageTimeout=3\n"
                                  "SlurmctldTimeout=30\n"
                                  "SlurmdTimeout=60\n"
                                  "InactiveLimit=0\n"
                                  "MinJobAge=300\n"
                                  "KillWait=3\n"
                                  "NodeName=%1 NodeAddr=127.0.0.1 CPUs=2 RealMemory=2000 State=UNKNOWN\n"
                                  "PartitionName=debug Nodes=%1 Default=YES MaxTime=INFINITE State=UP\n")
                       .arg(m_node)
                       .arg(ctldPort)
                       .arg(slurmdPort)
                       .arg(m_munge, d)
                       .toUtf8());
        conf.close();
        qputenv("SLURM_CONF", confPath().toUtf8());
        if (!startController(error) || !run(QStringLiteral("slurmd"), { QStringLiteral("-f"), confPath() }, error))
            return false;
        m_started = true;
        return waitForIdleNode(error);
    }

    bool startController(QString *error)
    {
        return run(QStringLiteral("slurmctld"), { QStringLiteral("-f"), confPath() }, error)
            && waitFor([] { return output(QStringLiteral("sinfo"), { QStringLiteral("-h") }).contains("debug"); },
                       30000, QStringLiteral("slurmctld did not come up"), error);
    }

    // Stops the controller only: the node and its jobs go on.
    void stopController() { stopDaemon(m_dir.path() + QStringLiteral("/slurmctld.pid")); }

    void stop()
    {
        if (m_started) {
            m_started = false;
            output(QStringLiteral("scancel"), { QStringLiteral("--user=root"), QStringLiteral("--full") });
            stopDaemon(m_dir.path() + QStringLiteral("/slurmd.pid"));
            stopDaemon(m_dir.path() + QStringLiteral("/slurmctld.pid"));
        }
        if (m_mungeStarted) {
            m_mungeStarted = false;
            stopDaemon(m_dir.path() + QStringLiteral("/munge/munged.pid"));
        }
    }

    // A command's standard output (tests only: it waits).
    static QByteArray output(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        p.waitForFinished(30000);
        return p.readAllStandardOutput();
    }

    QString log() const
    {
        QFile f(m_dir.path() + QStringLiteral("/log/slurmctld.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
    }

private:
    template<typename Check>
    static bool waitFor(Check check, int msecs, const QString &what, QString *error)
    {
        QElapsedTimer clock;
        clock.start();
        while (!check()) {
            if (clock.elapsed() > msecs) {
                *error = what;
                return false;
            }
            QThread::msleep(200);
        }
        return true;
    }

    bool waitForIdleNode(QString *error)
    {
        return waitFor(
            [] {
                const QByteArray state = output(QStringLiteral("sinfo"), { QStringLiteral("-h"), QStringLiteral("-o"),
                                                                           QStringLiteral("%t") })
                                             .trimmed();
                return state == "idle" || state == "mix";
            },
            60000, QStringLiteral("the node did not become idle: ") + log(), error);
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof addr;
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length) == 0)
            port = ntohs(addr.sin_port);
        ::close(fd);
        return port;
    }

    static bool run(const QString &program, const QStringList &arguments, QString *error)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, arguments);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(p.readAll()));
            return false;
        }
        return true;
    }

    static void stopDaemon(const QString &pidFile)
    {
        QFile f(pidFile);
        if (!f.open(QIODevice::ReadOnly))
            return;
        const pid_t pid = pid_t(f.readAll().trimmed().toInt());
        if (pid <= 0)
            return;
        ::kill(pid, SIGTERM);
        for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i)
            QThread::msleep(100);
        if (::kill(pid, 0) == 0)
            ::kill(pid, SIGKILL);
    }

    QTemporaryDir m_dir;
    QString m_munge;
    QString m_node;
    bool m_mungeStarted = false;
    bool m_started = false;
};
