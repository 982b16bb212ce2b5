// runbench-launch [--grace MS] [--started FILE] STATUS_FILE PROGRAM [ARGS…]
//
// Starts PROGRAM with ARGS (never through a shell), waits for it and writes
// how it ended to STATUS_FILE: "exit N", "signal N" or "error TEXT" (PROGRAM
// could not be started). Runbench starts every script through it, so that a
// script outlives the window or `runbench run` that started it: a workbench
// that comes back re-adopts the run by this process's pid and learns the
// script's exit status from the file. The script's standard input is
// /dev/null. With --started, FILE gets "NODE PID" once the script started
// (NODE: $SLURMD_NODENAME on a Slurm node, else the host name), so a
// workbench on another machine sees a cluster job's script begin.
//
// A run owns its process tree. The script starts in a process group of its
// own, and this process is a child subreaper: whatever the script starts
// stays a descendant of this process even when its parent exits or it starts
// a new session. SIGTERM and SIGHUP (a cancel) reach the script's group and
// every descendant; what is still alive after the grace period (MS
// milliseconds, 5000 by default) is killed. SIGINT (a terminal's Ctrl-C) is
// passed on to the script's group. When the script exits, whatever it left
// running gets the same grace period to end by itself, then is stopped, with
// a line on standard output (the run's log) naming what was stopped; only
// then is the status written and this process ends. If this process is
// killed, the script is killed too.
//
// Deliberately plain POSIX (and Linux's /proc and prctl): no Qt, nothing that
// can fail between fork and exec but exec itself.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <set>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_cancel = 0;

void onSignal(int sig)
{
    if (g_child > 0)
        ::kill(-g_child, sig); // the script's whole group
    if (sig != SIGINT)
        g_cancel = 1;
}

void onChild(int) { }

// Writes text to path through a temporary file and a rename, so a reader
// sees the whole status or none. Nothing the script left at either name is
// opened: the temporary name is created afresh, never followed, never a FIFO.
bool writeStatus(const std::string &path, const std::string &text)
{
    const std::string temp = path + ".tmp";
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const std::string line = text + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == ssize_t(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    return ok && ::rename(temp.c_str(), path.c_str()) == 0;
}

long long nowMs()
{
    timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

struct Process {
    pid_t pid;
    std::string name;
    bool zombie;
};

// Every descendant of this process, read from /proc: the processes whose
// chain of parents leads here.
std::vector<Process> descendants()
{
    std::map<pid_t, std::vector<Process>> children;
    if (DIR *dir = ::opendir("/proc")) {
        while (dirent *entry = ::readdir(dir)) {
            char *end = nullptr;
            const long pid = std::strtol(entry->d_name, &end, 10);
            if (pid <= 0 || *end != '\0')
                continue;
            const std::string statPath = std::string("/proc/") + entry->d_name + "/stat";
            const int fd = ::open(statPath.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            char buffer[512];
            const ssize_t got = ::read(fd, buffer, sizeof buffer - 1);
            ::close(fd);
            if (got <= 0)
                continue;
            buffer[got] = '\0';
            // "pid (name) state ppid …"; the name may hold spaces and ')'.
            const char *open = std::strchr(buffer, '(');
            const char *close = std::strrchr(buffer, ')');
            if (!open || !close || close < open)
                continue;
            char state = 0;
            long ppid = 0;
            if (std::sscanf(close + 1, " %c %ld", &state, &ppid) != 2)
                continue;
            children[pid_t(ppid)].push_back({ pid_t(pid), std::string(open + 1, close), state == 'Z' });
        }
        ::closedir(dir);
    }
    std::vector<Process> result;
    std::vector<pid_t> pending { ::getpid() };
    std::set<pid_t> seen;
    while (!pending.empty()) {
        const pid_t parent = pending.back();
        pending.pop_back();
        for (const Process &child : children[parent]) {
            if (!seen.insert(child.pid).second)
                continue;
            result.push_back(child);
            pending.push_back(child.pid);
        }
    }
    return result;
}

bool anyAlive(const std::vector<Process> &processes)
{
    for (const Process &p : processes)
        if (!p.zombie)
            return true;
    return false;
}

// Reaps every ended child; records the script's status when it is among them.
void reap(pid_t script, int *scriptStatus, bool *scriptEnded)
{
    for (;;) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid <= 0)
            return;
        if (pid == script) {
            *scriptStatus = status;
            *scriptEnded = true;
        }
    }
}

// Sleeps until a signal arrives or msecs pass (forever when negative).
// Signals are blocked outside this call, so none is missed between a check
// and the wait.
void waitForSignal(const sigset_t &unblocked, long long msecs)
{
    if (msecs < 0) {
        ::ppoll(nullptr, 0, nullptr, &unblocked);
        return;
    }
    timespec timeout { time_t(msecs / 1000), long(msecs % 1000) * 1000000L };
    ::ppoll(nullptr, 0, &timeout, &unblocked);
}

void signalAll(const std::vector<Process> &processes, int sig)
{
    for (const Process &p : processes)
        if (!p.zombie)
            ::kill(p.pid, sig);
}

void report(const std::vector<Process> &stopped)
{
    std::string line = "\n[runbench] Stopped what the script left running:";
    int shown = 0;
    for (const Process &p : stopped) {
        if (p.zombie)
            continue;
        if (++shown > 20) {
            line += " …";
            break;
        }
        line += (shown == 1 ? " " : ", ") + p.name + " (" + std::to_string(p.pid) + ")";
    }
    line += ".\n";
    (void)!::write(STDOUT_FILENO, line.data(), line.size());
}

} // namespace

int main(int argc, char *argv[])
{
    int first = 1;
    long long graceMs = 5000;
    std::string startedPath;
    while (argc - first > 2) {
        if (std::strcmp(argv[first], "--grace") == 0)
            graceMs = std::atoll(argv[first + 1]);
        else if (std::strcmp(argv[first], "--started") == 0)
            startedPath = argv[first + 1];
        else
            break;
        first += 2;
    }
    if (argc - first < 2) {
        std::fprintf(stderr, "usage: runbench-launch [--grace MS] [--started FILE] STATUS_FILE PROGRAM [ARGS...]\n");
        return 2;
    }
    const std::string statusPath = argv[first];
    char **command = argv + first + 1;
    ::unlink(statusPath.c_str());
    if (!startedPath.empty())
        ::unlink(startedPath.c_str());
    // A tracked script reads an empty standard input, whoever started this
    // (the window, `runbench run` in a terminal, a cluster's job): input()
    // and stdin.read() end at once instead of waiting for nobody.
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (devNull >= 0) {
        if (devNull == STDIN_FILENO) {
            ::fcntl(STDIN_FILENO, F_SETFD, 0); // it was closed: keep it across exec
        } else {
            ::dup2(devNull, STDIN_FILENO); // the copy on fd 0 is not close-on-exec
            ::close(devNull);
        }
    }
    // Descendants whose parent exits become this process's children, not
    // init's: the run keeps hold of everything its script started.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);

    // Signals are handled only inside waitForSignal().
    sigset_t handled, unblocked;
    sigemptyset(&handled);
    for (int sig : { SIGTERM, SIGHUP, SIGINT, SIGCHLD })
        sigaddset(&handled, sig);
    ::sigprocmask(SIG_BLOCK, &handled, &unblocked);
    // SIGHUP or SIGINT ignored by whoever started this (nohup, a background
    // job) stays ignored here and in the script. SIGTERM is how a run is
    // canceled: always handled.
    std::set<int> ignored;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (int sig : { SIGTERM, SIGHUP, SIGINT }) {
        struct sigaction old = {};
        ::sigaction(sig, nullptr, &old);
        if (sig != SIGTERM && old.sa_handler == SIG_IGN)
            ignored.insert(sig);
        else
            ::sigaction(sig, &action, nullptr);
    }
    action.sa_handler = onChild;
    ::sigaction(SIGCHLD, &action, nullptr);
    // The workbench reads the script's output from the log file this process
    // was given; a vanished reader must not stop it.
    ::signal(SIGPIPE, SIG_IGN);

    // A pipe closed on exec tells the parent whether exec succeeded.
    int execPipe[2];
    if (::pipe2(execPipe, O_CLOEXEC) != 0) {
        writeStatus(statusPath, std::string("error ") + std::strerror(errno));
        return 127;
    }
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0) {
        writeStatus(statusPath, std::string("error ") + std::strerror(errno));
        return 127;
    }
    if (child == 0) {
        ::close(execPipe[0]);
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The script gets the default handling and mask a workbench may have changed.
        for (int sig : { SIGXFSZ, SIGPIPE, SIGTERM, SIGHUP, SIGINT, SIGCHLD })
            if (!ignored.count(sig))
                ::signal(sig, SIG_DFL);
        ::sigprocmask(SIG_SETMASK, &unblocked, nullptr);
        if (::getppid() != parent)
            ::_exit(127); // the launcher died before prctl took effect
        ::execvp(command[0], command);
        const int error = errno;
        (void)!::write(execPipe[1], &error, sizeof error);
        ::_exit(127);
    }
    ::setpgid(child, child); // also here: no signal may reach the group before it exists
    g_child = child;

    ::close(execPipe[1]);
    int execError = 0;
    ssize_t got;
    do
        got = ::read(execPipe[0], &execError, sizeof execError);
    while (got < 0 && errno == EINTR);
    ::close(execPipe[0]);
    if (!startedPath.empty() && got != ssize_t(sizeof execError)) {
        std::string node;
        if (const char *slurmNode = std::getenv("SLURMD_NODENAME"))
            node = slurmNode;
        if (node.empty()) {
            char host[256] = {};
            if (::gethostname(host, sizeof host - 1) == 0)
                node = host;
        }
        writeStatus(startedPath, node + " " + std::to_string(child));
    }

    int status = 0;
    bool ended = false;
    bool cancelSeen = false;
    long long killAt = -1; // when a cancel's grace ends
    for (;;) {
        reap(child, &status, &ended);
        if (g_cancel && !cancelSeen) {
            cancelSeen = true;
            signalAll(descendants(), SIGTERM);
            killAt = nowMs() + graceMs;
        }
        if (ended)
            break;
        if (killAt >= 0 && nowMs() >= killAt) {
            const std::vector<Process> left = descendants();
            signalAll(left, SIGKILL);
            ::kill(-child, SIGKILL);
        }
        waitForSignal(unblocked, killAt < 0 ? -1 : std::max(0LL, killAt - nowMs()) + 10);
    }
    g_child = 0;

    // The script has ended; what it left behind gets the grace period (what
    // is left of it after a cancel) to end by itself, then is stopped.
    std::vector<Process> left = descendants();
    if (anyAlive(left)) {
        long long deadline = killAt >= 0 ? killAt : nowMs() + graceMs;
        bool termSent = cancelSeen;
        bool reported = false;
        for (;;) {
            reap(child, &status, &ended);
            left = descendants();
            if (!anyAlive(left))
                break;
            if (nowMs() >= deadline) {
                if (!reported) {
                    report(left);
                    reported = true;
                }
                if (!termSent) {
                    signalAll(left, SIGTERM);
                    termSent = true;
                    deadline = nowMs() + graceMs;
                } else {
                    signalAll(left, SIGKILL);
                    deadline = nowMs() + 100;
                }
            }
            waitForSignal(unblocked, std::min<long long>(100, std::max(0LL, deadline - nowMs()) + 5));
        }
        reap(child, &status, &ended);
    }

    if (got == ssize_t(sizeof execError)) {
        writeStatus(statusPath, std::string("error ") + std::strerror(execError));
        return 127;
    }
    if (WIFSIGNALED(status)) {
        writeStatus(statusPath, "signal " + std::to_string(WTERMSIG(status)));
        return 128 + WTERMSIG(status);
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    writeStatus(statusPath, "exit " + std::to_string(code));
    return code;
}
