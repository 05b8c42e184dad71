#pragma once
// Acknowledging and pausing as nurses do: a short comment with the acknowledgement (optional, up to
// 200 characters: "with the patient", "sensor reattached"), and a comment that AUDIO PAUSED needs
// while a high-priority alarm sounds (why it may wait). Both dialogs are non-modal to the
// application (window-modal): the banner and the list keep updating behind them.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ww {

class AlarmController;

class CommentDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Acknowledge, PauseAudio };
    // required: OK stays disabled until a comment is written.
    CommentDialog(Purpose purpose, const QString& what, bool required, QWidget* parent = nullptr);
    [[nodiscard]] QLineEdit* commentEdit() const { return m_comment; }
    [[nodiscard]] QPushButton* okButton() const { return m_ok; }
    [[nodiscard]] QString comment() const;
    static constexpr int MaxChars = 200;

private:
    QLineEdit* m_comment;
    QPushButton* m_ok;
};

// The acknowledge action: signed in, a comment dialog (the alarm acknowledged when it is accepted);
// not signed in, straight to the controller, which says why not. Returns the dialog (null: none).
CommentDialog* acknowledgeAsking(AlarmController& alarms, const QString& alarmId, QWidget* parent);
// AUDIO PAUSED: at once when no comment is needed, otherwise after one is written.
CommentDialog* pauseAudioAsking(AlarmController& alarms, QWidget* parent);

} // namespace ww
