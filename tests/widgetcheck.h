#pragma once

// Text a user cannot read whole: a button or a label narrower than its text
// needs, or reaching past the edge of a widget that holds it (scrolled
// content aside), and grid cells narrower than what they show.
#include <QAbstractButton>
#include <QAbstractItemDelegate>
#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QStringList>
#include <QStyleOptionViewItem>
#include <QTableView>

inline QString describeWidget(const QWidget *w, const QString &text)
{
    return QStringLiteral("%1 “%2” (%3, %4 px wide, needs %5)")
        .arg(QString::fromLatin1(w->metaObject()->className()), text, w->objectName())
        .arg(w->width())
        .arg(w->sizeHint().width());
}

inline QStringList clippedTextIn(QWidget *window)
{
    // Text set a moment ago (a background read's result) has its layout
    // request still queued on a busy machine: lay out first, then measure.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QStringList found;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible())
            continue;
        QString text;
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            text = button->text();
        } else if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->wordWrap())
                continue;
            text = label->text();
        }
        if (text.isEmpty())
            continue;
        if (w->width() < w->sizeHint().width()) {
            found.append(describeWidget(w, text));
            continue;
        }
        for (QWidget *parent = w->parentWidget(); parent; parent = parent->parentWidget()) {
            const auto *area = qobject_cast<const QAbstractScrollArea *>(parent->parentWidget());
            if (area && area->viewport() == parent)
                break; // scrolled into view as needed
            const QRect inParent(w->mapTo(parent, QPoint(0, 0)), w->size());
            if (!parent->rect().contains(inParent)) {
                found.append(describeWidget(w, text) + QStringLiteral(" past the edge of ")
                             + QString::fromLatin1(parent->metaObject()->className()) + QLatin1Char(' ')
                             + parent->objectName());
                break;
            }
            if (parent == window)
                break;
        }
    }
    return found;
}

// Every visible column of a grid against the first rows' cells, as the
// grid's delegate would draw them.
inline QStringList clippedCellsIn(QTableView *grid, int rows = 20)
{
    QStringList found;
    QAbstractItemModel *model = grid->model();
    QStyleOptionViewItem option;
    option.initFrom(grid);
    option.font = grid->font();
    option.fontMetrics = grid->fontMetrics();
    const int iconSide = grid->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, grid);
    option.decorationSize = QSize(iconSide, iconSide);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (grid->isColumnHidden(c))
            continue;
        for (int r = 0; r < qMin(rows, model->rowCount()); ++r) {
            const QModelIndex index = model->index(r, c);
            const int needs = grid->itemDelegate()->sizeHint(option, index).width();
            if (grid->columnWidth(c) < needs)
                found.append(QStringLiteral("cell “%1” in column “%2”: %3 px wide, needs %4")
                                 .arg(index.data().toString(), model->headerData(c, Qt::Horizontal).toString())
                                 .arg(grid->columnWidth(c))
                                 .arg(needs));
        }
    }
    return found;
}
