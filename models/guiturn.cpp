#include "guiturn.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <utility>
#include <vector>

namespace {

struct Passes
{
    QPointer<QAbstractEventDispatcher> dispatcher;
    quint64 pass = 0;
    bool taken = false;
    // pieces refused a turn, first refused first, with the pass they last
    // asked in: one that stopped asking loses its place
    std::vector<std::pair<const void *, quint64>> waiting;
};

} // namespace

bool GuiTurn::take(const void *piece)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return true;
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher)
        return true;
    static Passes passes;
    if (passes.dispatcher != dispatcher) {
        // a pass ends when the dispatcher wakes (or, not waiting, starts
        // the next one)
        passes = Passes();
        passes.dispatcher = dispatcher;
        QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, dispatcher, [] {
            ++passes.pass;
            passes.taken = false;
        });
    }
    auto &waiting = passes.waiting;
    waiting.erase(std::remove_if(waiting.begin(), waiting.end(),
                                 [](const std::pair<const void *, quint64> &w) { return w.second + 2 < passes.pass; }),
                  waiting.end());
    const auto it = std::find_if(waiting.begin(), waiting.end(),
                                 [piece](const std::pair<const void *, quint64> &w) { return w.first == piece; });
    if (passes.taken || (!waiting.empty() && waiting.front().first != piece)) {
        if (it == waiting.end())
            waiting.emplace_back(piece, passes.pass);
        else
            it->second = passes.pass;
        return false;
    }
    if (it != waiting.end())
        waiting.erase(it);
    passes.taken = true;
    return true;
}
