#pragma once

#include "runstore.h"

#include <QString>
#include <QStringList>
#include <QVector>

class Project;
class QCommandLineParser;

// The command line half of the executable (DESIGN.md, "Command line"): no
// display needed. Each command prints human text on stderr and data on
// stdout, and returns the process exit code.
namespace Cli {

bool isCommand(const QString &firstArgument);
int main(const QStringList &arguments); // arguments without the program name

int runCommand(const QStringList &arguments);
int logCommand(const QStringList &arguments);
int historyCommand(const QStringList &arguments);
int sweepCommand(const QStringList &arguments);

// helpers shared by the commands
// `runbench run|sweep [OPTIONS] SCRIPT [ARGS…]`: runbench's options come
// before SCRIPT (those in valuedOptions with their value) and are appended
// to *own; returns the index of SCRIPT in arguments (arguments.size() when
// there is none). Everything from SCRIPT on is the script's, verbatim.
int splitAtScript(const QStringList &arguments, const QStringList &valuedOptions, QStringList *own);
void printOut(const QString &text);
void printErr(const QString &text);
void addProjectOption(QCommandLineParser *parser);
Project projectFrom(const QCommandLineParser &parser);
// Opens the project's history (with create, making it when there is none
// yet); prints why and returns false when it cannot. Cluster jobs nobody
// watches are asked about (see settleClusterRuns()).
bool openHistory(const Project &project, RunStore *store, bool create = false);
// Asks the scheduler about cluster runs whose owner is gone: those that
// ended get their end recorded, the others their current state. Waits for
// one answer per run (at most timeoutMs); the jobs themselves go on.
void settleClusterRuns(RunStore *store, const Project &project, const QVector<RunStore::Owner> &owners,
                       int timeoutMs = 30000);
// After a store failed to open: if its file is damaged, where the newest
// backup is (or that there is none).
void printBackupAdvice(const RunStore &store, const Project &project);
// Parses; on -h prints the help and sets *exitCode = 0, on bad options
// prints the error and sets *exitCode = 2. Returns false in both cases.
bool parse(QCommandLineParser *parser, const QStringList &arguments, int *exitCode);

} // namespace Cli
