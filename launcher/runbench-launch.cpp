// runbench-launch STATUS_FILE PROGRAM [ARGS…]
//
// Starts PROGRAM with ARGS (never through a shell), waits for it and writes
// how it ended to STATUS_FILE: "exit N", "signal N" or "error TEXT" (PROGRAM
// could not be started). Runbench starts every script through it, so that a
// script outlives the window or `runbench run` that started it: a workbench
// that comes back re-adopts the run by this process's pid and learns the
// script's exit status from the file. SIGTERM and SIGHUP are passed on to the
// script (a terminal's Ctrl-C reaches the script by itself); if this process
// is killed, the script is killed too. The script's standard input is
// /dev/null.
//
// Deliberately plain POSIX: no Qt, nothing that can fail between fork and
// exec but exec itself.

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

volatile sig_atomic_t g_child = 0;

void forward(int sig)
{
    if (g_child > 0)
        ::kill(g_child, sig);
}

// Writes text to path through a temporary file and a rename, so a reader
// sees the whole status or none.
bool writeStatus(const std::string &path, const std::string &text)
{
    const std::string temp = path + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const std::string line = text + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == ssize_t(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    return ok && ::rename(temp.c_str(), path.c_str()) == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: runbench-launch STATUS_FILE PROGRAM [ARGS...]\n");
        return 2;
    }
    const std::string statusPath = argv[1];
    ::unlink(statusPath.c_str());
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
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The script gets the default handling a workbench may have changed.
        ::signal(SIGXFSZ, SIG_DFL);
        ::signal(SIGPIPE, SIG_DFL);
        if (::getppid() != parent)
            ::_exit(127); // the launcher died before prctl took effect
        ::execvp(argv[2], argv + 2);
        const int error = errno;
        (void)!::write(execPipe[1], &error, sizeof error);
        ::_exit(127);
    }
    g_child = child;
    struct sigaction action = {};
    action.sa_handler = forward;
    sigemptyset(&action.sa_mask);
    for (int sig : { SIGTERM, SIGHUP })
        ::sigaction(sig, &action, nullptr);
    ::signal(SIGINT, SIG_IGN);
    // The workbench reads the script's output from the log file this process
    // was given; a vanished reader must not stop it.
    ::signal(SIGPIPE, SIG_IGN);

    ::close(execPipe[1]);
    int execError = 0;
    ssize_t got;
    do
        got = ::read(execPipe[0], &execError, sizeof execError);
    while (got < 0 && errno == EINTR);
    ::close(execPipe[0]);

    int status = 0;
    pid_t waited;
    do
        waited = ::waitpid(child, &status, 0);
    while (waited < 0 && errno == EINTR);

    if (got == ssize_t(sizeof execError)) {
        writeStatus(statusPath, std::string("error ") + std::strerror(execError));
        return 127;
    }
    if (waited < 0) {
        writeStatus(statusPath, std::string("error ") + std::strerror(errno));
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
