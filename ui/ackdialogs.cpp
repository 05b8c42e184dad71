#include "ui/ackdialogs.h"
#include "alarms/alarmengine.h"
#include "domain/conditiontext.h"
#include "models/alarmcontroller.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ww {

static_assert(CommentDialog::MaxChars == AlarmEngine::MaxCommentChars);

CommentDialog::CommentDialog(Purpose purpose, const QString& what, bool required, QWidget* parent)
    : QDialog(parent), m_comment(new QLineEdit(this)), m_ok(new QPushButton(this))
{
    setObjectName(purpose == Purpose::Acknowledge ? QStringLiteral("acknowledgeDialog") : QStringLiteral("pauseAudioDialog"));
    setWindowTitle(purpose == Purpose::Acknowledge ? tr("Acknowledge alarm") : tr("Pause audio"));
    setWindowModality(Qt::WindowModal);
    auto* text = new QLabel(what, this);
    text->setWordWrap(true);
    auto* hint = new QLabel(required ? tr("A high-priority alarm is sounding: say why its audio may pause (required).")
                                     : tr("Comment (optional), shown with the alarm and in the history:"),
                            this);
    hint->setWordWrap(true);
    if (required)
        setBoldFont(hint, true);
    m_comment->setObjectName(QStringLiteral("comment"));
    m_comment->setMaxLength(MaxChars);
    m_comment->setPlaceholderText(purpose == Purpose::Acknowledge ? tr("e.g. with the patient, sensor reattached")
                                                                  : tr("e.g. at the bedside, alarm being handled"));
    m_ok->setObjectName(QStringLiteral("ok"));
    m_ok->setText(purpose == Purpose::Acknowledge ? tr("Acknowledge") : tr("Pause audio"));
    m_ok->setDefault(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (required) {
        m_ok->setEnabled(false);
        connect(m_comment, &QLineEdit::textChanged, m_ok, [this](const QString& t) { m_ok->setEnabled(!t.trimmed().isEmpty()); });
    }
    auto* v = new QVBoxLayout(this);
    v->addWidget(text);
    v->addWidget(hint);
    v->addWidget(m_comment);
    v->addWidget(buttons);
    setMinimumWidth(420);
}

QString CommentDialog::comment() const
{
    return m_comment->text().simplified().left(MaxChars);
}

CommentDialog* acknowledgeAsking(AlarmController& alarms, const QString& alarmId, QWidget* parent)
{
    const AlarmState* a = alarms.alarms().find(alarmId);
    if (alarms.operatorId().isEmpty() || !a) {
        alarms.acknowledge(alarmId); // refused with its reason, or an alarm already gone
        return nullptr;
    }
    const QString what = QStringLiteral("%1 %2 – %3\n%4").arg(prioritySymbol(a->priority), priorityText(a->priority),
                                                             shownCondition(*a), shownData(a->subject)) +
                         (a->place.isEmpty() ? QString() : QStringLiteral(" – ") + a->place);
    auto* d = new CommentDialog(CommentDialog::Purpose::Acknowledge, what, false, parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(d, &QDialog::accepted, &alarms, [&alarms, alarmId, d] { alarms.acknowledge(alarmId, d->comment()); });
    d->show();
    return d;
}

CommentDialog* pauseAudioAsking(AlarmController& alarms, QWidget* parent)
{
    if (!alarms.pauseNeedsComment()) {
        alarms.pauseAudio();
        return nullptr;
    }
    const AlarmState* top = alarms.alarms().topSignalling();
    const QString what = top ? QStringLiteral("%1 %2 – %3\n%4").arg(prioritySymbol(top->priority), priorityText(top->priority),
                                                                    shownCondition(*top), shownData(top->subject))
                             : QString();
    auto* d = new CommentDialog(CommentDialog::Purpose::PauseAudio, what, true, parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(d, &QDialog::accepted, &alarms, [&alarms, d] { alarms.pauseAudio(d->comment()); });
    d->show();
    return d;
}

} // namespace ww
