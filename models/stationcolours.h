#pragma once
// Every colour the station gives a meaning to, for the light and the dark scheme, in one place:
// the alarm priorities (IEC 60601-1-8: high red, medium yellow, low cyan), "no signal" grey, error
// and warning text. Each text colour has its background here, and every pair meets WCAG AA
// (contrast 4.5:1, tst_theme). The scheme is set by the window's appearance (ui/theme.h); the
// headless station keeps the light one.
#include "domain/alarmtypes.h"

#include <QColor>

namespace ww {

enum class ColourScheme { Light, Dark };
void setColourScheme(ColourScheme scheme);
[[nodiscard]] ColourScheme colourScheme();

struct ColourPair
{
    QColor background;
    QColor text;
};

// A priority's colours: signalling (lit, unacknowledged) in full colour, the same in both schemes
// (an alarm looks the same by day and by night); quiet (acknowledged or ended) as a tint of it.
[[nodiscard]] ColourPair priorityColours(Priority p, bool signalling = true, ColourScheme scheme = colourScheme());
[[nodiscard]] QColor priorityColour(Priority p); // the signalling background: red, yellow, cyan
// The banner with no alarm (green), and in the dark phase of its flashing.
[[nodiscard]] ColourPair bannerClearColours(ColourScheme scheme = colourScheme());
[[nodiscard]] ColourPair bannerUnlitColours(ColourScheme scheme = colourScheme());
// A cell that is a button ("✔ Acknowledge" in the alarm list).
[[nodiscard]] ColourPair actionCellColours(ColourScheme scheme = colourScheme());
// A condition to look at that is not an alarm (a place out of its climate target).
[[nodiscard]] ColourPair noticeColours(ColourScheme scheme = colourScheme());

// Text colours on the scheme's ordinary backgrounds (window, base, alternate base).
[[nodiscard]] QColor noSignalColour(ColourScheme scheme = colourScheme()); // a device that stopped reporting
[[nodiscard]] QColor mutedColour(ColourScheme scheme = colourScheme());    // "unassigned", ended alarms
[[nodiscard]] QColor errorTextColour(ColourScheme scheme = colourScheme());
[[nodiscard]] QColor warningTextColour(ColourScheme scheme = colourScheme());

// WCAG 2 relative luminance and contrast ratio (1 to 21).
[[nodiscard]] double relativeLuminance(const QColor& c);
[[nodiscard]] double contrastRatio(const QColor& a, const QColor& b);

} // namespace ww
