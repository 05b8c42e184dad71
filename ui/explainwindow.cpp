#include "ui/explainwindow.h"

#include "core/wardcore.h"
#include "ui/language.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ww {

namespace {

// A read-only table whose column `stretch` takes the width left.
QTableWidget* table(int columns, int stretch)
{
    auto* t = new QTableWidget(0, columns);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    t->setWordWrap(false);
    return t;
}

// A row's cells; the columns in numeric right-aligned.
void setRow(QTableWidget* t, int row, const QStringList& cells, std::initializer_list<int> numeric = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (std::find(numeric.begin(), numeric.end(), c) != numeric.end())
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QString signedNumber(double v, int decimals)
{
    return (v > 0 ? QStringLiteral("+") : QString()) + ExplanationText::number(v, decimals);
}

} // namespace

ExplainPositionWindow::ExplainPositionWindow(const Site& site, WardCore* core, QString tagId, QString subject,
                                             QWidget* parent)
    : QDialog(parent), m_site(site), m_core(core), m_tagId(std::move(tagId)), m_subject(std::move(subject))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The sentences keep their lines; the tables give way.
    for (QLabel* l : {m_status, m_summary})
        l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_gateways = table(6, 1);
    m_rooms = table(4, 0);
    m_decisions = table(4, 3);
    m_shown = table(4, 1);
    m_decisionNote = new QLabel;
    m_decisionNote->setWordWrap(true);
    auto box = [](QTableWidget* t, QLabel* note = nullptr) {
        auto* b = new QGroupBox;
        auto* l = new QVBoxLayout(b);
        l->addWidget(t);
        if (note)
            l->addWidget(note);
        return b;
    };
    m_gatewayBox = box(m_gateways);
    m_roomBox = box(m_rooms);
    m_decisionBox = box(m_decisions, m_decisionNote);
    m_shownBox = box(m_shown);
    auto* buttons = new QDialogButtonBox;
    m_refresh = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_refresh, &QPushButton::clicked, this, &ExplainPositionWindow::refresh);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* v = new QVBoxLayout(this);
    v->addWidget(m_title);
    v->addWidget(m_status);
    v->addWidget(m_summary);
    v->addWidget(m_gatewayBox, 3);
    auto* h = new QHBoxLayout;
    h->addWidget(m_roomBox, 2);
    h->addWidget(m_shownBox, 2);
    v->addLayout(h, 2);
    v->addWidget(m_decisionBox, 1);
    v->addWidget(buttons);
    resize(900, 820);

    if (m_core)
        connect(m_core, &WardCore::tagExplained, this, [this](const TagExplanation& e) {
            if (e.requestId == m_request)
                showAnswer(e);
        });
    m_last.tagId = m_tagId;
    m_last.status = TagExplanation::Status::Waiting;
    onLanguageChange(this, [this] {
        retranslate();
        showAnswer(m_last);
    });
    refresh();
}

ExplainPositionWindow::~ExplainPositionWindow()
{
    // The core stops keeping this tag's explanation.
    if (WardCore* core = m_core.data())
        QMetaObject::invokeMethod(
            core, [core, tag = m_tagId] { core->stopExplaining(tag); }, Qt::QueuedConnection);
}

void ExplainPositionWindow::refresh()
{
    WardCore* core = m_core.data();
    if (!core)
        return;
    m_request = QStringLiteral("explain|%1|%2").arg(m_tagId).arg(++m_requests);
    m_refresh->setEnabled(false); // until the answer is in
    QMetaObject::invokeMethod(
        core, [core, id = m_request, tag = m_tagId] { core->explainTag(id, tag, Minutes); },
        Qt::QueuedConnection);
}

void ExplainPositionWindow::retranslate()
{
    setWindowTitle(tr("Explain position: %1").arg(m_subject));
    m_title->setText(tr("Why %1 (tag %2) is placed where it is").arg(m_subject, m_tagId));
    m_gatewayBox->setTitle(tr("Gateways at this fix"));
    m_gateways->setHorizontalHeaderLabels({tr("Gateway"), tr("In room"), tr("Heard (dBm)"),
                                           tr("Expected at the fix (dBm)"), tr("Difference (dB)"),
                                           tr("Samples")});
    m_roomBox->setTitle(tr("Rooms weighed at this fix"));
    m_rooms->setHorizontalHeaderLabels({tr("Room"), tr("Evidence (nats)"), tr("Belief"), tr("Shown")});
    m_decisionBox->setTitle(tr("Room decisions and their reasons"));
    m_decisions->setHorizontalHeaderLabels({tr("Time"), tr("From"), tr("To"), tr("Reason")});
    m_shownBox->setTitle(tr("Rooms the plan showed in the last %1 minutes").arg(Minutes));
    m_shown->setHorizontalHeaderLabels({tr("Since"), tr("Room"), tr("Floor"), tr("Accuracy (m)")});
    m_refresh->setText(tr("Refresh"));
    m_copy->setText(tr("Copy as text"));
    m_close->setText(tr("Close"));
}

QString ExplainPositionWindow::roomName(const QString& roomId) const
{
    if (roomId.isEmpty())
        return tr("none");
    const Room* r = m_site.room(roomId);
    return r ? QCoreApplication::translate("site", r->name.toUtf8().constData()) : roomId;
}

QString ExplainPositionWindow::clock(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000))
        .toLocalTime()
        .toString(QStringLiteral("HH:mm:ss"));
}

QString ExplainPositionWindow::statusText() const
{
    const TagExplanation& e = m_last;
    QString engines;
    if (!e.positionedBy.isEmpty())
        engines =
            e.positionedBy == u"-"
                ? tr("The plan shows this tag as the positioning engines locate it, and none is online now.")
                : tr("The plan shows this tag as positioning engine %1 locates it.").arg(e.positionedBy);
    switch (e.status) {
    case TagExplanation::Status::UnknownTag:
        return tr("%1 is not a tag of this site.").arg(e.tagId);
    case TagExplanation::Status::NotHeard:
        return tr("No fix yet: this station has not heard tag %1 since it started, so there is nothing to "
                  "explain.")
            .arg(e.tagId);
    case TagExplanation::Status::Waiting:
        return (engines.isEmpty() ? QString() : engines + QLatin1Char(' ')) +
               tr("Waiting for the tag's next fix (last heard at %1): the station's engine explains this tag "
                  "from now on.")
                   .arg(clock(double(e.lastHeardMs) / 1000));
    case TagExplanation::Status::Explained:
        break;
    }
    if (!engines.isEmpty())
        return engines + QLatin1Char(' ') +
               tr("Below is this station's own view from the same adverts; the plan does not show it.");
    return tr("The station's engine at the tag's latest fix.");
}

QString ExplainPositionWindow::summaryText() const
{
    if (!m_last.explanation)
        return {};
    const pos::Explanation& x = *m_last.explanation;
    QString s = tr("At %1: %2").arg(clock(x.fix.t), ExplanationText::place(x.fix));
    s += QLatin1Char('\n') + ExplanationText::motion(x) + QStringLiteral("; ") + ExplanationText::source(x);
    if (const QString p = ExplanationText::pending(x); !p.isEmpty())
        s += QLatin1Char('\n') + p;
    return s;
}

void ExplainPositionWindow::showAnswer(const TagExplanation& e)
{
    m_last = e;
    m_refresh->setEnabled(true);
    m_status->setText(statusText());
    m_summary->setText(summaryText());
    m_summary->setVisible(e.explanation.has_value());
    const std::vector<pos::Explanation::Gateway> noGateways;
    const auto& gateways = e.explanation ? e.explanation->gateways : noGateways;
    m_gateways->setRowCount(int(gateways.size()));
    for (int i = 0; i < int(gateways.size()); ++i) {
        const auto& g = gateways[size_t(i)];
        setRow(m_gateways, i,
               {g.id, g.room.isEmpty() ? QString() : roomName(g.room), ExplanationText::number(g.heardDbm, 1),
                ExplanationText::number(g.expectedDbm, 1), signedNumber(g.heardDbm - g.expectedDbm, 1),
                QString::number(g.samples)},
               {2, 3, 4, 5});
    }
    const std::vector<pos::Explanation::Room> noRooms;
    const auto& rooms = e.explanation ? e.explanation->rooms : noRooms;
    m_rooms->setRowCount(int(rooms.size()));
    for (int i = 0; i < int(rooms.size()); ++i) {
        const auto& r = rooms[size_t(i)];
        setRow(m_rooms, i,
               {roomName(r.id), ExplanationText::number(r.evidence, 2), ExplanationText::number(r.belief, 2),
                r.id == e.explanation->fix.room ? tr("shown") : QString()},
               {1, 2});
    }
    const std::vector<pos::Explanation::Decision> noDecisions;
    const auto& decisions = e.explanation ? e.explanation->decisions : noDecisions;
    m_decisions->setRowCount(int(decisions.size()));
    for (int i = 0; i < int(decisions.size()); ++i) {
        const auto& d = decisions[size_t(i)];
        setRow(m_decisions, i, {clock(d.t), roomName(d.from), roomName(d.to), d.reason});
    }
    // The engine notes its decisions only while the tag is explained: say since when.
    m_decisionNote->setText(
        e.explainingSinceMs == 0 ? QString()
        : decisions.empty()
            ? tr("No room decision since this tag's explanation began at %1.")
                  .arg(clock(double(e.explainingSinceMs) / 1000))
            : tr("The engine records its room decisions since this tag's explanation began at %1.")
                  .arg(clock(double(e.explainingSinceMs) / 1000)));
    // The rooms shown: the first position of each stay.
    m_shown->setRowCount(0);
    for (int i = 0; i < e.shown.size(); ++i) {
        const TrackPoint& p = e.shown[i];
        if (i > 0 && p.roomId == e.shown[i - 1].roomId && p.floor == e.shown[i - 1].floor)
            continue;
        const int row = m_shown->rowCount();
        m_shown->insertRow(row);
        setRow(m_shown, row,
               {clock(double(p.timeMs) / 1000), p.roomId.isEmpty() ? tr("unknown") : roomName(p.roomId),
                QString::number(p.floor), ExplanationText::number(p.accuracyM, 1)},
               {2, 3});
    }
    layout()->activate(); // the sentences' new heights now, not at the next event: what is shown is whole
    Q_EMIT explanationShown(e.status);
}

QString ExplainPositionWindow::text() const
{
    QString out = m_title->text() + QLatin1Char('\n') + statusText() + QLatin1Char('\n');
    if (const QString s = summaryText(); !s.isEmpty())
        out += s + QLatin1Char('\n');
    auto section = [&](const QString& title, const QTableWidget* t) {
        if (t->rowCount() == 0)
            return;
        out += QLatin1Char('\n') + title + QLatin1Char('\n');
        QStringList header;
        for (int c = 0; c < t->columnCount(); ++c)
            header << t->horizontalHeaderItem(c)->text();
        out += header.join(QStringLiteral("\t")) + QLatin1Char('\n');
        for (int r = 0; r < t->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < t->columnCount(); ++c)
                cells << (t->item(r, c) ? t->item(r, c)->text() : QString());
            out += cells.join(QStringLiteral("\t")) + QLatin1Char('\n');
        }
    };
    section(m_gatewayBox->title(), m_gateways);
    section(m_roomBox->title(), m_rooms);
    section(m_decisionBox->title(), m_decisions);
    if (!m_decisionNote->text().isEmpty())
        out += m_decisionNote->text() + QLatin1Char('\n');
    section(m_shownBox->title(), m_shown);
    return out;
}

} // namespace ww
