#pragma once

#include <QFuture>
#include <QList>

#include <algorithm>
#include <atomic>
#include <memory>

// What a background task and the object that started it share: how far it
// is (the owner reads it on a timer; nothing is posted to a widget) and
// whether it is to stop. Lives as long as either side holds it.
struct TaskState
{
    std::atomic<qint64> done { 0 };
    std::atomic<qint64> total { 0 };
    std::atomic<bool> canceled { false };

    void progress(qint64 doneNow, qint64 totalNow)
    {
        total.store(totalNow, std::memory_order_relaxed);
        done.store(doneNow, std::memory_order_relaxed);
    }
    // done/total in [0, scale]; 0 while the total is not known yet
    int fraction(int scale) const
    {
        const qint64 t = total.load(std::memory_order_relaxed);
        const qint64 d = done.load(std::memory_order_relaxed);
        return t > 0 ? int(qBound(qint64(0), d * scale / t, qint64(scale))) : 0;
    }
    bool isCanceled() const { return canceled.load(std::memory_order_relaxed); }
};

// The background tasks of one object (a window, a view, a chart): each is
// tracked from the moment it starts, and when the owner goes they are
// canceled and waited for, so that no task outlives what it reports to
// (STYLE.md 13). The owner's close path cancels them first and waits for
// them in its event loop; the destructor's wait is the last resort.
class TaskOwner
{
public:
    TaskOwner() = default;
    TaskOwner(const TaskOwner &) = delete;
    TaskOwner &operator=(const TaskOwner &) = delete;
    ~TaskOwner() { cancelAndWait(); }

    // A state for a new task, canceled with the others.
    std::shared_ptr<TaskState> newState()
    {
        prune();
        auto state = std::make_shared<TaskState>();
        m_states.append(state);
        return state;
    }

    template<typename T>
    void track(const QFuture<T> &future)
    {
        prune();
        m_futures.append(QFuture<void>(future));
    }

    bool isBusy() const
    {
        for (const QFuture<void> &f : m_futures)
            if (!f.isFinished())
                return true;
        return false;
    }

    void cancel()
    {
        for (const auto &s : std::as_const(m_states))
            if (const auto state = s.lock())
                state->canceled.store(true, std::memory_order_relaxed);
    }

    void cancelAndWait()
    {
        cancel();
        for (QFuture<void> &f : m_futures)
            f.waitForFinished();
        m_futures.clear();
        m_states.clear();
    }

private:
    void prune()
    {
        m_futures.erase(
            std::remove_if(m_futures.begin(), m_futures.end(), [](const QFuture<void> &f) { return f.isFinished(); }),
            m_futures.end());
        m_states.erase(std::remove_if(m_states.begin(), m_states.end(),
                                      [](const std::weak_ptr<TaskState> &s) { return s.expired(); }),
                       m_states.end());
    }

    QList<QFuture<void>> m_futures;
    QList<std::weak_ptr<TaskState>> m_states;
};
