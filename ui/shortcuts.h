#pragma once
// The station's keyboard shortcuts, in one place (the user guide lists them; tst_theme checks that
// each exists once and clashes with none of the platform's standard keys). Function keys for the
// alarm actions: they reach the window from any widget, a text field included, and are never typed.
#include <QKeySequence>
#include <QString>

namespace ww::shortcuts {

inline QKeySequence acknowledgeTop() { return QKeySequence(Qt::Key_F8); }                  // the banner's alarm
inline QKeySequence acknowledgeSelected() { return QKeySequence(Qt::SHIFT | Qt::Key_F8); } // the list's row
inline QKeySequence pauseAudio() { return QKeySequence(Qt::Key_F9); }
inline QKeySequence findOnPlan() { return QKeySequence(QKeySequence::Find); }              // Ctrl+F

// "Acknowledge the top alarm (F8)": a tooltip naming its key as the platform writes it.
inline QString withKey(const QString& text, const QKeySequence& key)
{
    return QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText));
}

} // namespace ww::shortcuts
