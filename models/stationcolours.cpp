#include "models/stationcolours.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace ww {

namespace {
std::atomic<ColourScheme> g_scheme{ColourScheme::Light};

bool dark(ColourScheme s)
{
    return s == ColourScheme::Dark;
}
} // namespace

void setColourScheme(ColourScheme scheme)
{
    g_scheme = scheme;
}

ColourScheme colourScheme()
{
    return g_scheme;
}

ColourPair priorityColours(Priority p, bool signalling, ColourScheme scheme)
{
    if (signalling) {
        switch (p) {
        case Priority::High: return {QColor(0xd0, 0x10, 0x10), Qt::white};
        case Priority::Medium: return {QColor(0xf5, 0xd0, 0x00), Qt::black};
        case Priority::Low: return {QColor(0x00, 0xc8, 0xe0), Qt::black};
        }
        return {};
    }
    if (dark(scheme)) {
        switch (p) {
        case Priority::High: return {QColor(0x7a, 0x1c, 0x1c), Qt::white};
        case Priority::Medium: return {QColor(0x5e, 0x50, 0x00), Qt::white};
        case Priority::Low: return {QColor(0x00, 0x52, 0x5c), Qt::white};
        }
        return {};
    }
    switch (p) {
    case Priority::High: return {QColor(0xf4, 0xb4, 0xb4), Qt::black};
    case Priority::Medium: return {QColor(0xfb, 0xee, 0xa0), Qt::black};
    case Priority::Low: return {QColor(0xa8, 0xec, 0xf5), Qt::black};
    }
    return {};
}

QColor priorityColour(Priority p)
{
    return priorityColours(p).background;
}

ColourPair bannerClearColours(ColourScheme)
{
    return {QColor(0x2e, 0x7d, 0x32), Qt::white};
}

ColourPair bannerUnlitColours(ColourScheme scheme)
{
    return {dark(scheme) ? QColor(0x1a, 0x1a, 0x1a) : QColor(0x30, 0x30, 0x30), Qt::white};
}

ColourPair actionCellColours(ColourScheme scheme)
{
    return dark(scheme) ? ColourPair{QColor(0x1d, 0x35, 0x57), QColor(0xe8, 0xf0, 0xfe)}
                        : ColourPair{QColor(0xe8, 0xf0, 0xfe), QColor(0x0b, 0x3d, 0x91)};
}

ColourPair noticeColours(ColourScheme scheme)
{
    return dark(scheme) ? ColourPair{QColor(0x5c, 0x47, 0x00), QColor(0xff, 0xf3, 0xc4)}
                        : ColourPair{QColor(0xff, 0xe0, 0x80), Qt::black};
}

QColor noSignalColour(ColourScheme scheme)
{
    return dark(scheme) ? QColor(0xa6, 0xa6, 0xa6) : QColor(0x69, 0x69, 0x69);
}

QColor mutedColour(ColourScheme scheme)
{
    return dark(scheme) ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x66, 0x66, 0x66);
}

QColor errorTextColour(ColourScheme scheme)
{
    return dark(scheme) ? QColor(0xff, 0x7b, 0x7b) : QColor(0xb0, 0x00, 0x00);
}

QColor warningTextColour(ColourScheme scheme)
{
    return dark(scheme) ? QColor(0xff, 0xc0, 0x4d) : QColor(0x8a, 0x5a, 0x00);
}

double relativeLuminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace ww
