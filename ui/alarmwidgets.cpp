#include "ui/alarmwidgets.h"
#include "domain/units.h"
#include "domain/conditiontext.h"
#include "models/alarmfilter.h"
#include "models/stationfilter.h"
#include "models/wardmodels.h"
#include "ui/ackdialogs.h"
#include "ui/language.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"

#include <QAccessible>
#include <cmath>
#include <QCheckBox>
#include <array>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QStyle>
#include <QVBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QPainter>
#include <QTableView>
#include <QMouseEvent>
#include <QThreadPool>
#include <QVBoxLayout>

namespace ww {

QSize ElidedLabel::minimumSizeHint() const
{
    const int lines = int(text().count(u'\n')) + 1;
    return {fontMetrics().horizontalAdvance(QStringLiteral("M…")), lines * fontMetrics().lineSpacing()};
}

QSize ElidedLabel::sizeHint() const
{
    return minimumSizeHint();
}

void ElidedLabel::paintEvent(QPaintEvent*)
{
    // Each line elided on its own, the block centred vertically.
    QPainter painter(this);
    const QRect r = contentsRect();
    painter.setPen(palette().color(foregroundRole()));
    const QStringList lines = text().split(u'\n');
    const int step = fontMetrics().lineSpacing();
    int y = r.top() + (r.height() - step * int(lines.size())) / 2;
    for (const QString& line : lines) {
        painter.drawText(QRect(r.left(), y, r.width(), step), int(Qt::AlignLeft | Qt::AlignVCenter),
                         fontMetrics().elidedText(line, Qt::ElideRight, r.width()));
        y += step;
    }
}

AlarmBanner::AlarmBanner(AlarmController& alarms, QWidget* parent)
    : QWidget(parent), m_alarms(alarms), m_symbol(new QLabel(this)), m_text(new ElidedLabel(this)),
      m_nearest(new ElidedLabel(this)), m_more(new QLabel(this)),
      m_audio(new QLabel(this)),
      m_ack(new QPushButton(tr("Acknowledge"), this)), m_pause(new QPushButton(tr("Pause audio"), this))
{
    setObjectName(QStringLiteral("alarmBanner"));
    setAutoFillBackground(true);
    setMinimumHeight(72);
    auto* l = new QHBoxLayout(this);
    QFont big = font();
    big.setPointSize(22); // about 8 mm cap height on a station monitor: readable from 4 m
    big.setBold(true);
    m_symbol->setFont(big);
    m_text->setFont(big);
    m_symbol->setMinimumWidth(190);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_ack->setObjectName(QStringLiteral("bannerAcknowledge"));
    m_pause->setObjectName(QStringLiteral("bannerPauseAudio"));
    // For a screen reader: what each control is and its key (the banner's own name carries the alarm).
    setAccessibleDescription(tr("The highest-priority active alarm. Click to show it on the floor plan."));
    m_ack->setAccessibleName(tr("Acknowledge the top alarm"));
    m_ack->setAccessibleDescription(shortcuts::withKey(tr("Acknowledges the alarm shown in the banner"), shortcuts::acknowledgeTop()));
    m_pause->setAccessibleName(tr("Pause alarm audio"));
    m_pause->setAccessibleDescription(shortcuts::withKey(tr("Pauses the alarm sound for a while; the alarms stay shown"),
                                                         shortcuts::pauseAudio()));
    m_pause->setToolTip(shortcuts::withKey(tr("Pause alarm audio"), shortcuts::pauseAudio()));
    m_audio->setObjectName(QStringLiteral("audioState"));
    QFont small = font();
    small.setPointSize(13);
    small.setBold(true);
    m_nearest->setFont(small);
    m_more->setFont(small); // a count for the nurse at the station: the alarm's own text keeps the room
    m_nearest->setObjectName(QStringLiteral("bannerNearest"));
    auto* lines = new QVBoxLayout;
    lines->setSpacing(0);
    lines->addWidget(m_text, 1);
    lines->addWidget(m_nearest);
    l->addWidget(m_symbol);
    l->addLayout(lines, 1);
    l->addWidget(m_more);
    l->addWidget(m_audio);
    // The buttons one above the other: the alarm's text keeps the width (large type, longer languages).
    auto* buttons = new QVBoxLayout;
    buttons->setSpacing(4);
    buttons->addStretch(1);
    buttons->addWidget(m_ack);
    buttons->addWidget(m_pause);
    buttons->addStretch(1);
    l->addLayout(buttons);
    connect(&m_alarms.alarms(), &AlarmListModel::alarmsChanged, this, &AlarmBanner::refresh);
    connect(&m_alarms.alarms(), &AlarmListModel::respondersChanged, this, &AlarmBanner::refresh);
    connect(&m_alarms, &AlarmController::audioChanged, this, &AlarmBanner::refresh);
    connect(&m_alarms, &AlarmController::operatorChanged, this, &AlarmBanner::refresh);
    connect(m_ack, &QPushButton::clicked, this, &AlarmBanner::acknowledgeTop);
    connect(m_pause, &QPushButton::clicked, this, &AlarmBanner::pauseAudio);
    connect(&m_alarms.flashClock(), &FlashClock::ticked, this, &AlarmBanner::blink);
    connect(&AppearanceNotifier::instance(), &AppearanceNotifier::changed, this, &AlarmBanner::blink);
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &AlarmBanner::refresh);
    refresh();
}

void AlarmBanner::acknowledgeTop()
{
    if (!m_topId.isEmpty())
        acknowledgeAsking(m_alarms, m_topId, this);
}

void AlarmBanner::pauseAudio()
{
    pauseAudioAsking(m_alarms, this);
}

QString AlarmBanner::text() const
{
    return m_symbol->text() + QChar(u' ') + m_text->text() +
           (m_nearest->text().isEmpty() ? QString() : QChar(u'\n') + m_nearest->text()) + m_more->text();
}

void AlarmBanner::refresh()
{
    const AlarmState* top = m_alarms.alarms().topSignalling();
    const int count = m_alarms.alarms().signallingCount();
    m_topId = top ? top->id : QString();
    const std::optional<Priority> p = top ? std::optional(top->priority) : std::nullopt;
    m_priority = p;
    if (top) {
        m_symbol->setText(prioritySymbol(top->priority) + QChar(u' ') + priorityText(top->priority));
        // What on the first line, who and where on the second: a narrow screen shortens each line,
        // and never drops the patient or the room for a long condition.
        QString t = shownCondition(*top) + QChar(u'\n') + shownData(top->subject);
        if (!top->place.isEmpty())
            t += QStringLiteral(" \u2013 ") + top->place;
        // Who could go: the nearest staff member heard now (the list's tooltip names three).
        // Its line keeps its height when empty: the tabs below never jump under the pointer.
        const Responders near = m_alarms.alarms().responders(top->id);
        const QString nobody = m_alarms.alarms().nearestText(*top); // "nobody located", or empty: no room
        m_nearest->setText(!near.isEmpty()     ? tr("Nearest: %1").arg(responderText(near.front()))
                           : nobody.isEmpty() ? QString()
                                              : tr("Nearest: %1").arg(nobody));
        m_text->setText(t);
        m_more->setText(count > 1 ? tr("   (+%1 more)").arg(count - 1) : QString());
    } else {
        m_symbol->setText(QStringLiteral("\u2713"));
        m_text->setText(tr("No active alarms"));
        m_nearest->clear();
        m_more->clear();
    }
    m_text->setToolTip(m_text->text());
    AlarmAudio* audio = m_alarms.audio();
    if (audio->paused()) {
        const qint64 s = (audio->pauseRemainingMs() + 999) / 1000;
        m_audio->setText(tr("AUDIO PAUSED %1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0')));
    } else {
        m_audio->setText(QString());
    }
    m_ack->setEnabled(top != nullptr);
    m_ack->setToolTip(shortcuts::withKey(m_alarms.operatorId().isEmpty() ? tr("Sign in to acknowledge")
                                                                         : tr("Acknowledge as %1").arg(m_alarms.operatorName()),
                                         shortcuts::acknowledgeTop()));
    // A screen reader reads the alarm as the banner shows it: priority, condition, who and where.
    const QString name = top ? tr("Alarm banner: %1 priority alarm: %2").arg(priorityText(top->priority), m_text->text().replace(u'\n', QStringLiteral(", ")))
                             : tr("Alarm banner: no active alarms");
    if (accessibleName() != name) {
        setAccessibleName(name);
        QAccessibleEvent changed(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
        if (top && m_announced != m_topId) {
            QAccessibleEvent alert(this, QAccessible::Alert); // a new top alarm: announced
            QAccessible::updateAccessibility(&alert);
        }
    }
    m_announced = m_topId;
    blink();
}

void AlarmBanner::mousePressEvent(QMouseEvent* event)
{
    // A click on the banner (not on its buttons) shows its alarm on the floor plan.
    if (event->button() == Qt::LeftButton && !m_topId.isEmpty())
        Q_EMIT clicked(m_topId);
    QWidget::mousePressEvent(event);
}

void AlarmBanner::blink()
{
    // Lit or dark as the station's one flash clock says: the floor plan blinks with it.
    m_on = !m_priority || m_alarms.flashClock().lit(*m_priority);
    const ColourPair colours = !m_on ? bannerUnlitColours() : m_priority ? priorityColours(*m_priority) : bannerClearColours();
    QPalette pal = palette();
    if (pal.color(QPalette::Window) == colours.background && pal.color(QPalette::WindowText) == colours.text)
        return;
    pal.setColor(QPalette::Window, colours.background);
    pal.setColor(QPalette::WindowText, colours.text);
    setPalette(pal);
}

SignInDialog::SignInDialog(AlarmController& alarms, QWidget* parent)
    : QDialog(parent), m_alarms(alarms), m_staff(new QComboBox(this)), m_pin(new QLineEdit(this)), m_result(new QLabel(this)),
      m_ok(new QPushButton(tr("Sign in"), this))
{
    setWindowTitle(tr("Operator sign-in"));
    for (const auto& s : alarms.site().staff)
        m_staff->addItem(QStringLiteral("%1 (%2)").arg(s.name, s.role), s.id);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,12}")), m_pin));
    m_pin->setPlaceholderText(tr("PIN, at least %1 digits").arg(alarms.site().alarms.operators.pinMinDigits));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_staff->setObjectName(QStringLiteral("staff"));
    m_result->setWordWrap(true);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Staff member"), m_staff);
    form->addRow(tr("PIN"), m_pin);
    form->addRow(m_result);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, [this] {
        m_ok->setEnabled(false);
        m_result->setText(tr("Checking…"));
        m_alarms.signIn(m_staff->currentData().toString(), m_pin->text());
    });
    connect(&m_alarms, &AlarmController::signInFinished, this, [this](bool ok, const QString& text) {
        m_ok->setEnabled(true);
        m_result->setText(text);
        m_pin->clear();
        if (ok)
            accept();
    });
}

AlarmPanel::AlarmPanel(AlarmController& alarms, QWidget* parent)
    : QWidget(parent), m_alarms(alarms), m_view(new QTableView(this)), m_operator(new QLabel(this)),
      m_message(new QLabel(this)), m_signIn(new QPushButton(this)), m_ack(new QPushButton(tr("Acknowledge selected"), this))
{
    auto* top = new QHBoxLayout;
    m_operator->setObjectName(QStringLiteral("operator"));
    m_message->setObjectName(QStringLiteral("alarmMessage"));
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_ack->setObjectName(QStringLiteral("acknowledgeSelected"));
    auto* pause = new QPushButton(tr("Pause audio"), this);
    pause->setObjectName(QStringLiteral("pauseAudio"));
    top->addWidget(m_operator);
    top->addWidget(m_signIn);
    top->addStretch(1);
    top->addWidget(m_message, 2);
    top->addWidget(pause);
    auto* onPlan = new QPushButton(tr("Show on plan"), this);
    onPlan->setObjectName(QStringLiteral("showOnPlan"));
    top->addWidget(onPlan);
    top->addWidget(m_ack);
    // Clinical alarms on top; technical ones (INOP: devices, gateways, the station itself) apart,
    // below, as central stations show them.
    auto* technical = new QTableView(this);
    m_technical = technical;
    auto* l = new QVBoxLayout(this);
    m_layout = l;
    l->addLayout(top);
    l->addWidget(m_view, 3);
    auto* techLabel = new QLabel(tr("Technical alarms (devices, network, this station)"), this);
    QFont bold = techLabel->font();
    bold.setBold(true);
    techLabel->setFont(bold);
    l->addWidget(techLabel);
    l->addWidget(technical, 1);
    auto split = [this, &alarms](QTableView* view, bool tech, const QString& name) {
        auto* proxy = new AlarmFilterProxy(alarms.alarms(), nullptr, view);
        proxy->setGroup(tech ? AlarmFilterProxy::Group::Technical : AlarmFilterProxy::Group::Clinical);
        (tech ? m_technicalProxy : m_clinicalProxy) = proxy;
        view->setModel(proxy);
        view->setObjectName(name);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->verticalHeader()->hide();
        // Widths set by fitColumns; the condition takes what the others leave.
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view->horizontalHeader()->setSectionResizeMode(AlarmListModel::ConditionCol, QHeaderView::Stretch);
        view->horizontalHeader()->setStretchLastSection(false);
        view->setTextElideMode(Qt::ElideRight);
        view->viewport()->installEventFilter(this);
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(proxy, signal, this, &AlarmPanel::queueFit);
        connect(proxy, &QAbstractItemModel::dataChanged, this, &AlarmPanel::queueFit);
        connect(proxy, &QAbstractItemModel::layoutChanged, this, &AlarmPanel::queueFit);
        connect(proxy, &QAbstractItemModel::modelReset, this, &AlarmPanel::queueFit);
        connect(proxy, &QAbstractItemModel::headerDataChanged, this, &AlarmPanel::queueFit);
        // One click on "Acknowledge" in a row acknowledges that alarm as the signed-in operator.
        connect(view, &QTableView::clicked, this, [this](const QModelIndex& i) {
            if (i.column() == AlarmListModel::AckCol && i.data().isValid())
                m_alarms.acknowledge(i.data(AlarmListModel::IdRole).toString());
        });
        // A double-click on an alarm of a patient opens the patient; on any other, its acknowledgement.
        connect(view, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
            const QString patient = i.data(AlarmListModel::PatientIdRole).toString();
            if (!patient.isEmpty())
                Q_EMIT patientActivated(patient);
            else
                acknowledgeAsking(m_alarms, i.data(AlarmListModel::IdRole).toString(), this);
        });
    };
    split(m_view, false, QStringLiteral("alarmList"));
    split(technical, true, QStringLiteral("technicalAlarmList"));
    queueFit();
    connect(&AppearanceNotifier::instance(), &AppearanceNotifier::changed, this, &AlarmPanel::queueFit);
    // For a screen reader: what each list and button is, and its key.
    m_view->setAccessibleName(tr("Clinical alarms"));
    m_view->setAccessibleDescription(tr("Open alarms, highest priority first. Click Acknowledge in a row to acknowledge it."));
    technical->setAccessibleName(tr("Technical alarms"));
    technical->setAccessibleDescription(tr("Alarms of devices, the network and this station"));
    m_ack->setAccessibleName(tr("Acknowledge the selected alarm"));
    m_ack->setToolTip(shortcuts::withKey(tr("Acknowledge the alarm selected in the list"), shortcuts::acknowledgeSelected()));
    m_ack->setAccessibleDescription(m_ack->toolTip());
    pause->setAccessibleName(tr("Pause alarm audio"));
    pause->setToolTip(shortcuts::withKey(tr("Pause alarm audio"), shortcuts::pauseAudio()));
    pause->setAccessibleDescription(pause->toolTip());
    onPlan->setAccessibleName(tr("Show the selected alarm on the floor plan"));
    m_signIn->setAccessibleName(tr("Operator sign-in"));
    technical->hideColumn(AlarmListModel::NearestCol); // devices and this station: nobody to send
    m_message->setWordWrap(true);
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (!m_alarms.operatorId().isEmpty()) {
            m_alarms.signOut();
            return;
        }
        SignInDialog d(m_alarms, this);
        d.exec();
    });
    connect(m_ack, &QPushButton::clicked, this, &AlarmPanel::acknowledgeSelected);
    connect(onPlan, &QPushButton::clicked, this, [this] {
        QModelIndex i = m_view->currentIndex();
        if (!i.isValid())
            i = m_technical->currentIndex();
        if (i.isValid())
            Q_EMIT showOnPlan(i.data(AlarmListModel::IdRole).toString());
        else
            m_message->setText(tr("Select an alarm first."));
    });
    // The plan follows the row the nurse picks (its floor, centred), ready when she looks at it;
    // rows moving under the selection (an acknowledgement re-sorts the list) do not move the plan.
    for (QTableView* view : {m_view, m_technical})
        connect(view, &QTableView::pressed, this, [this](const QModelIndex& i) {
            if (i.isValid())
                Q_EMIT selected(i.data(AlarmListModel::IdRole).toString());
        });
    connect(pause, &QPushButton::clicked, this, [this] { pauseAudioAsking(m_alarms, this); });
    connect(&m_alarms, &AlarmController::operatorChanged, this, &AlarmPanel::refreshOperator);
    connect(&m_alarms, &AlarmController::message, this, [this](const QString& text, bool error) {
        m_message->setText(text);
        setTextTone(m_message, error ? TextTone::Error : TextTone::Normal, error);
    });
    refreshOperator();
}

void AlarmPanel::acknowledgeSelected()
{
    QModelIndex i = m_view->currentIndex();
    if (!i.isValid())
        i = m_technical->currentIndex();
    if (!i.isValid()) {
        m_message->setText(tr("Select an alarm first."));
        return;
    }
    acknowledgeAsking(m_alarms, i.data(AlarmListModel::IdRole).toString(), this);
}

void AlarmPanel::queueFit()
{
    if (std::exchange(m_fitQueued, true))
        return;
    QMetaObject::invokeMethod(this, [this] {
        m_fitQueued = false;
        for (QTableView* view : {m_view, m_technical})
            fitColumns(view);
    }, Qt::QueuedConnection);
}

bool AlarmPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize && (watched == m_view->viewport() || watched == m_technical->viewport()))
        queueFit();
    return QWidget::eventFilter(watched, event);
}

void AlarmPanel::fitColumns(QTableView* view)
{
    QHeaderView* header = view->horizontalHeader();
    const int available = view->viewport()->width();
    if (available <= 0 || !view->model())
        return;
    const QFontMetrics fm(header->font());
    const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 2;
    auto text = [&](int c) { return view->model()->headerData(c, Qt::Horizontal).toString(); };
    // On one line; or, for a column that may wrap its header, its longest word.
    auto oneLine = [&](int c) { return fm.horizontalAdvance(text(c)) + margins; };
    auto longestWord = [&](int c) {
        int w = 0;
        for (const QString& word : text(c).split(u' ', Qt::SkipEmptyParts))
            w = std::max(w, fm.horizontalAdvance(word));
        return w + margins;
    };
    const QAbstractItemView* cells = view; // sizeHintForColumn is public there
    using M = AlarmListModel;
    int fixed = 0;
    for (int c : {M::PriorityCol, M::SinceCol, M::OpenCol, M::StepCol, M::AckCol})
        if (!header->isSectionHidden(c)) {
            const int w = std::max(cells->sizeHintForColumn(c), oneLine(c));
            header->resizeSection(c, w);
            fixed += w;
        }
    // The texts share the rest, each from its least (its header's longest word; some words of the
    // condition) towards what its cells want; of what is left, what the alarm is has three shares,
    // whom it concerns two, where, nearest and state one each.
    struct Share
    {
        int column, width, want, weight;
    };
    std::vector<Share> shares;
    int rest = available - fixed;
    for (int c : {M::ConditionCol, M::SubjectCol, M::PlaceCol, M::NearestCol, M::StateCol})
        if (!header->isSectionHidden(c)) {
            const bool condition = c == M::ConditionCol;
            const int least = condition ? std::max(longestWord(c), fm.averageCharWidth() * 12) : longestWord(c);
            const int want = std::max({least, cells->sizeHintForColumn(c), oneLine(c)});
            shares.push_back({c, least, want, condition ? 3 : c == M::SubjectCol ? 2 : 1});
            rest -= least;
        }
    for (bool more = rest > 0; more;) {
        int weights = 0;
        for (const Share& s : shares)
            weights += s.width < s.want ? s.weight : 0;
        if (weights == 0)
            break;
        const int unit = rest / weights;
        more = false;
        for (Share& s : shares) // the columns that want less than their share take what they want
            if (s.width < s.want && s.want - s.width <= unit * s.weight) {
                rest -= s.want - s.width;
                s.width = s.want;
                more = true;
            }
        if (!more)
            for (Share& s : shares)
                if (s.width < s.want) {
                    s.width += unit * s.weight;
                    rest -= unit * s.weight;
                }
    }
    // The condition takes what is left over (it stretches); the others are set.
    int lines = 1;
    for (const Share& s : shares) {
        if (s.column != M::ConditionCol)
            header->resizeSection(s.column, s.width);
        const QRect r = fm.boundingRect(QRect(0, 0, s.width - margins, 1000), Qt::AlignCenter | Qt::TextWordWrap, text(s.column));
        lines = std::max(lines, int(std::lround(double(r.height()) / fm.lineSpacing())));
    }
    header->setMinimumSectionSize(fm.averageCharWidth() * 4);
    // Headers wrap where a column is narrower than its header on one line: the header grows.
    header->setDefaultAlignment(Qt::AlignCenter | Qt::Alignment(Qt::TextWordWrap));
    const int oneLineHeight = header->sizeHint().height();
    header->setMinimumHeight(oneLineHeight + (lines - 1) * fm.lineSpacing());
}

void AlarmPanel::addFilters(const Site& site, StationFilter& station)
{
    auto* bar = new QHBoxLayout;
    auto* unacked = new QCheckBox(tr("Unacknowledged only"), this);
    unacked->setObjectName(QStringLiteral("filterUnacknowledged"));
    unacked->setToolTip(tr("Active alarms and ended ones still waiting for an acknowledgement"));
    auto* priority = new QComboBox(this);
    priority->setObjectName(QStringLiteral("filterPriority"));
    priority->addItem(tr("all priorities"), 0);
    priority->addItem(tr("medium and high"), int(Priority::Medium));
    priority->addItem(tr("high only"), int(Priority::High));
    auto* kind = new QComboBox(this);
    kind->setObjectName(QStringLiteral("filterKind"));
    kind->addItem(tr("all kinds"), -1);
    kind->addItem(tr("patient (vitals, NEWS2)"), int(AlarmCategory::Patient));
    kind->addItem(tr("event (call, fall)"), int(AlarmCategory::Event));
    kind->addItem(tr("environment"), int(AlarmCategory::Environment));
    kind->addItem(tr("location"), int(AlarmCategory::Location));
    auto* floor = new QComboBox(this);
    floor->setObjectName(QStringLiteral("filterFloor"));
    floor->addItem(tr("all floors"), QVariant());
    for (const Floor& f : site.floors)
        floor->addItem(tr("floor %1").arg(f.level), f.level);
    floor->setToolTip(tr("Alarms in a room on the floor, or of a patient whose bed is on it"));
    auto* mine = new QCheckBox(tr("My patients"), this);
    mine->setObjectName(QStringLiteral("filterMyPatients"));
    mine->setToolTip(tr("Alarms of your patients, and every alarm that concerns no patient"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("filterCount"));
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(unacked);
    bar->addWidget(priority);
    bar->addWidget(kind);
    bar->addWidget(floor);
    bar->addWidget(mine);
    bar->addStretch(1);
    bar->addWidget(m_count);
    m_layout->insertLayout(1, bar);
    const std::array<AlarmFilterProxy*, 2> proxies{m_clinicalProxy, m_technicalProxy};
    for (AlarmFilterProxy* p : proxies) {
        p->setSite(&site);
        p->setStationFilter(&station);
        connect(p, &QAbstractItemModel::rowsInserted, this, &AlarmPanel::refreshCount);
        connect(p, &QAbstractItemModel::rowsRemoved, this, &AlarmPanel::refreshCount);
        connect(p, &QAbstractItemModel::layoutChanged, this, &AlarmPanel::refreshCount);
        connect(p, &QAbstractItemModel::modelReset, this, &AlarmPanel::refreshCount);
    }
    connect(unacked, &QCheckBox::toggled, this, [proxies](bool on) {
        for (AlarmFilterProxy* p : proxies)
            p->setUnacknowledgedOnly(on);
    });
    connect(priority, &QComboBox::currentIndexChanged, this, [proxies, priority] {
        const int v = priority->currentData().toInt();
        for (AlarmFilterProxy* p : proxies)
            p->setMinPriority(v ? std::optional(Priority(v)) : std::nullopt);
    });
    // A kind is clinical: the technical list below keeps its own alarms.
    connect(kind, &QComboBox::currentIndexChanged, this, [this, kind] {
        const int v = kind->currentData().toInt();
        m_clinicalProxy->setCategory(v < 0 ? std::nullopt : std::optional(AlarmCategory(v)));
    });
    connect(floor, &QComboBox::currentIndexChanged, this, [proxies, floor] {
        const QVariant v = floor->currentData();
        for (AlarmFilterProxy* p : proxies)
            p->setFloor(v.isValid() ? std::optional(v.toInt()) : std::nullopt);
    });
    // The same switch as the Shift menu's "My patients only": the station's filter holds it.
    connect(mine, &QCheckBox::toggled, &station, &StationFilter::setMyPatients);
    auto follow = [mine, &station, this] {
        const QSignalBlocker b(mine);
        mine->setChecked(station.myPatients());
        mine->setEnabled(!station.nurse().isEmpty());
        refreshCount();
    };
    connect(&station, &StationFilter::changed, mine, follow);
    follow();
}

void AlarmPanel::refreshCount()
{
    if (!m_count || !m_clinicalProxy)
        return;
    const int shown = m_clinicalProxy->rowCount() + m_technicalProxy->rowCount();
    const int all = m_alarms.alarms().rowCount();
    m_count->setText(shown == all ? tr("%n open alarm(s)", nullptr, all) : tr("showing %1 of %2 open alarms").arg(shown).arg(all));
    setBoldFont(m_count, shown != all);
}

void AlarmPanel::refreshOperator()
{
    const bool in = !m_alarms.operatorId().isEmpty();
    m_operator->setText(in ? tr("Operator: %1").arg(m_alarms.operatorName()) : tr("No operator signed in"));
    m_signIn->setText(in ? tr("Sign out") : tr("Sign in…"));
}

HistoryView::HistoryView(AlarmController& alarms, QWidget* parent)
    : QWidget(parent), m_alarms(alarms), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)),
      m_priority(new QComboBox(this)), m_text(new QLineEdit(this)), m_view(new QTableView(this)),
      m_model(new QStandardItemModel(this)), m_status(new QLabel(this))
{
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now.addDays(1));
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_priority->addItem(tr("all priorities"), 0);
    m_priority->addItem(tr("medium and high"), int(Priority::Medium));
    m_priority->addItem(tr("high only"), int(Priority::High));
    m_text->setPlaceholderText(tr("patient, room, condition, operator…"));
    auto* refresh = new QPushButton(tr("Refresh"), this);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_priority);
    filters->addWidget(m_text, 1);
    filters->addWidget(refresh);
    filters->addWidget(exportButton);
    auto* l = new QVBoxLayout(this);
    l->addLayout(filters);
    l->addWidget(m_view, 1);
    l->addWidget(m_status);
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(refresh, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_text, &QLineEdit::returnPressed, this, &HistoryView::refresh);
    connect(&UnitNotifier::instance(), &UnitNotifier::temperatureUnitChanged, this, &HistoryView::refresh);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export alarm history"), QStringLiteral("alarm-history.csv"),
                                                          tr("CSV (*.csv)"));
        if (!file.isEmpty() && !exportCsv(file))
            m_status->setText(tr("Could not write %1").arg(file));
    });
}

int HistoryView::rows() const
{
    return m_model->rowCount();
}

void HistoryView::refresh()
{
    LogFilter f;
    f.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    f.toMs = m_to->dateTime().toMSecsSinceEpoch();
    if (const int p = m_priority->currentData().toInt())
        f.minPriority = Priority(p);
    f.text = m_text->text().trimmed();
    const QString path = m_alarms.logPath();
    const int generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    QPointer<HistoryView> self(this);
    QThreadPool::globalInstance()->start([self, path, f, generation] {
        QString error;
        auto entries = AlarmLog::query(path, f, &error);
        QMetaObject::invokeMethod(qApp, [self, entries = std::move(entries), error, generation]() mutable {
            if (!self || generation != self->m_generation)
                return;
            self->m_entries = std::move(entries);
            self->m_model->clear();
            self->m_model->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("Priority"), tr("Condition"), tr("Who / what"),
                                                      tr("Where"), tr("Operator"), tr("Station"), tr("Detail")});
            for (const LogEntry& e : self->m_entries) {
                const AlarmState& s = e.state;
                QList<QStandardItem*> row{
                    new QStandardItem(formatDateTime(e.utcMs)),
                    new QStandardItem(e.kind),
                    new QStandardItem(s.id.isEmpty() ? QString() : prioritySymbol(s.priority) + QChar(u' ') + priorityText(s.priority)),
                    new QStandardItem(shownCondition(s)),
                    new QStandardItem(shownData(s.subject)),
                    new QStandardItem(shownData(s.place)),
                    new QStandardItem(e.operatorName.isEmpty() ? e.operatorId : e.operatorName),
                    new QStandardItem(e.station),
                    new QStandardItem(e.kind == QLatin1String("acknowledged") && !s.ackComment.isEmpty()
                                          ? (e.detail.isEmpty() ? tr("comment: %1").arg(s.ackComment)
                                                                : tr("%1; comment: %2").arg(e.detail, s.ackComment))
                                          : e.detail)};
                self->m_model->appendRow(row);
            }
            self->m_view->resizeColumnsToContents();
            self->m_status->setText(error.isEmpty() ? tr("%1 entries").arg(self->m_entries.size()) : error);
            Q_EMIT self->refreshed(int(self->m_entries.size()));
        }, Qt::QueuedConnection);
    });
}

bool HistoryView::exportCsv(const QString& file)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(AlarmLog::toCsv(m_entries));
    if (!out.commit())
        return false;
    m_status->setText(tr("Exported %1 entries to %2").arg(m_entries.size()).arg(file));
    return true;
}

} // namespace ww

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <cmath>

namespace ww {

PatientAlarmDialog::PatientAlarmDialog(AlarmController& alarms, const QString& patientId, const QString& patientName,
                                       QWidget* parent)
    : QDialog(parent), m_alarms(alarms), m_patient(patientId), m_acvpu(new QComboBox(this)), m_oxygen(new QCheckBox(this)),
      m_scale2(new QCheckBox(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* news2 = new QGroupBox(this);
    auto* nf = new QFormLayout(news2);
    m_acvpu->addItems({QString(), QString(), QString(), QString(), QString()}); // A, C, V, P, U
    m_acvpu->setObjectName(QStringLiteral("acvpu"));
    auto* consciousness = new QLabel(this);
    consciousness->setBuddy(m_acvpu);
    nf->addRow(consciousness, m_acvpu);
    nf->addRow(m_oxygen);
    nf->addRow(m_scale2);
    layout->addWidget(news2);
    auto* limits = new QGroupBox(this);
    auto* lf = new QFormLayout(limits);
    QList<QDoubleSpinBox*> spins;
    QList<QLabel*> belowLabels, aboveLabels;
    QList<std::pair<QLabel*, VitalLimit>> ruleLabels;
    for (const VitalLimit& rule : alarms.site().alarms.vitalLimits) {
        const VitalLimit current = alarms.patientLimit(patientId, rule);
        LimitEdit e;
        e.rule = rule.id;
        // A body temperature's limits in the unit shown (-1 stays "none": no temperature limit is below 0).
        e.temperature = rule.kind == VitalKind::Temperature;
        auto spin = [this, &e](std::optional<double> v, bool enabled) {
            auto* s = new QDoubleSpinBox(this);
            s->setRange(-1, 400);
            s->setDecimals(1);
            if (e.temperature)
                s->setSuffix(u' ' + shownTemperatureSymbol());
            s->setValue(v ? (e.temperature ? std::round(shownTemperatureNumber(*v) * 10) / 10 : *v) : -1);
            s->setEnabled(enabled);
            return s;
        };
        e.below = spin(current.below, rule.below.has_value());
        e.above = spin(current.above, rule.above.has_value());
        e.initialBelow = e.below->value();
        e.initialAbove = e.above->value();
        spins << e.below << e.above;
        auto* row = new QHBoxLayout;
        belowLabels << new QLabel(this);
        row->addWidget(belowLabels.back());
        row->addWidget(e.below);
        aboveLabels << new QLabel(this);
        row->addWidget(aboveLabels.back());
        row->addWidget(e.above);
        ruleLabels.append({new QLabel(this), rule});
        lf->addRow(ruleLabels.back().first, row);
        m_limits.push_back(e);
    }
    layout->addWidget(limits);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The texts in the language shown, now and after a switch; the values entered stay.
    onLanguageChange(this, [=, this] {
        setWindowTitle(tr("%1: NEWS2 inputs and alarm limits").arg(patientName));
        news2->setTitle(tr("NEWS2 observations (recorded with your name)"));
        const QString levels[] = {tr("A – alert"), tr("C – new confusion"), tr("V – responds to voice"), tr("P – responds to pain"),
                                  tr("U – unresponsive")};
        for (int i = 0; i < m_acvpu->count(); ++i)
            m_acvpu->setItemText(i, levels[i]);
        consciousness->setText(tr("Consciousness"));
        m_oxygen->setText(tr("On oxygen"));
        m_scale2->setText(tr("SpO₂ scale 2 (confirmed hypercapnic respiratory failure)"));
        limits->setTitle(tr("Alarm limits for this patient (blank: no limit)"));
        for (QDoubleSpinBox* spin : spins)
            spin->setSpecialValueText(tr("none"));
        for (QLabel* l : belowLabels)
            l->setText(tr("below"));
        for (QLabel* l : aboveLabels)
            l->setText(tr("above"));
        // The vital by its name in the language, the site's rule by its id.
        for (const auto& [label, rule] : ruleLabels) {
            const QString names[] = {tr("Heart rate"), tr("Pulse rate"), tr("SpO₂"), tr("Respiratory rate"), tr("Systolic BP"),
                                     tr("Diastolic BP"), tr("Mean BP"), tr("Temperature")};
            const VitalKind kinds[] = {VitalKind::HeartRate, VitalKind::PulseRate, VitalKind::SpO2, VitalKind::RespRate,
                                       VitalKind::SystolicBp, VitalKind::DiastolicBp, VitalKind::MeanBp, VitalKind::Temperature};
            const auto k = std::find(std::begin(kinds), std::end(kinds), rule.kind);
            label->setText(QStringLiteral("%1 (%2)").arg(k != std::end(kinds) ? names[k - std::begin(kinds)] : toString(rule.kind), rule.id));
        }
    });
}

void PatientAlarmDialog::apply()
{
    m_alarms.setNews2Inputs(m_patient, m_acvpu->currentIndex(), m_oxygen->isChecked(), m_scale2->isChecked());
    for (const LimitEdit& e : m_limits) {
        if (e.below->value() == e.initialBelow && e.above->value() == e.initialAbove)
            continue;
        auto value = [&e](QDoubleSpinBox* s) {
            if (s->value() < 0)
                return std::nan("");
            return e.temperature ? std::round(toCelsius(s->value(), temperatureUnit()) * 10) / 10 : s->value();
        };
        m_alarms.setPatientLimit(m_patient, e.rule, value(e.below), value(e.above));
    }
}

} // namespace ww
