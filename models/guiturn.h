#pragma once

// Turns for the heavy pieces of work the window's thread does while a large
// history streams in: taking a page of runs, bringing the charts up to date,
// putting waiting runs into the grid's order. Each piece is short, but a
// pass of the event loop runs every timer that is due, so three pieces due
// together held the thread (and the keyboard and mouse) for their sum. At
// most one piece takes its turn per pass; a piece refused a turn asks again
// in the next pass (a zero timer), after the input and timers waiting, and
// the pieces refused get their turns first, in the order they were refused.
namespace GuiTurn {
// Whether the piece (any address that names it) may run now. Always true
// off the application's thread, or without an event dispatcher.
bool take(const void *piece);
} // namespace GuiTurn
