#pragma once

#include <QMouseEvent>

// Where a mouse event happened, in the widget and on the screen, the same
// way under Qt 5 and Qt 6.
namespace MousePosition {

inline QPoint local(const QMouseEvent *e)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return e->position().toPoint();
#else
    return e->pos();
#endif
}

inline QPoint global(const QMouseEvent *e)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return e->globalPosition().toPoint();
#else
    return e->globalPos();
#endif
}

} // namespace MousePosition
