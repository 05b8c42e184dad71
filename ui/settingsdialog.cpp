#include "ui/settingsdialog.h"
#include "domain/language.h"
#include "domain/units.h"
#include "ui/passwordkeyring.h"
#include "ui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ww {

namespace {

// A file the settings name: it must be a readable file; a secret (a private key) readable by this
// account only.
QString fileProblem(const QString& what, const QString& path, bool secret)
{
    const QFileInfo info(path);
    if (!info.exists())
        return SettingsDialog::tr("%1 %2: no such file").arg(what, path);
    if (info.isDir())
        return SettingsDialog::tr("%1 %2: a folder, not a file").arg(what, path);
    QFile f(path);
    if (!info.isReadable() || !f.open(QIODevice::ReadOnly))
        return SettingsDialog::tr("%1 %2: cannot be read by this account (%3)").arg(what, path, f.errorString());
    if (secret && (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return SettingsDialog::tr("%1 %2: readable by other users; chmod 600 it").arg(what, path);
    return {};
}

void select(QComboBox* box, const QVariant& value)
{
    const int i = box->findData(value);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_loaded(StoredSettings::read()), m_host(new QLineEdit(this)), m_port(new QLineEdit(this)),
      m_tls(new QCheckBox(tr("Connect with TLS"), this)), m_user(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_protocol(new QComboBox(this)), m_station(new QLineEdit(this)), m_language(new QComboBox(this)), m_unit(new QComboBox(this)),
      m_theme(new QComboBox(this)), m_largeType(new QCheckBox(tr("Large type (one and a half times the size)"), this)),
      m_status(new QLabel(this)), m_useFile(new QPushButton(tr("Keep the password in this file"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("WardWatch settings"));

    auto* broker = new QGroupBox(tr("Broker (takes effect at the next start)"), this);
    auto* b = new QFormLayout(broker);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("e.g. broker.ward.example"));
    b->addRow(tr("Host:"), m_host);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setMaxLength(5);
    b->addRow(tr("Port:"), m_port);
    m_tls->setObjectName(QStringLiteral("tls"));
    b->addRow(QString(), m_tls);
    m_ca = fileRow(b, tr("CA certificate:"), QStringLiteral("caFile"), tr("Certificates (*.pem *.crt);;All files (*)"));
    m_ca->setPlaceholderText(tr("empty: the system's trusted certificates"));
    m_cert = fileRow(b, tr("Client certificate:"), QStringLiteral("certFile"), tr("Certificates (*.pem *.crt);;All files (*)"));
    m_key = fileRow(b, tr("Client key:"), QStringLiteral("keyFile"), tr("Keys (*.pem *.key);;All files (*)"));
    auto tlsFiles = [this] {
        for (QLineEdit* e : {m_ca, m_cert, m_key})
            e->parentWidget()->setEnabled(m_tls->isChecked());
    };
    connect(m_tls, &QCheckBox::toggled, this, tlsFiles);
    m_user->setObjectName(QStringLiteral("username"));
    b->addRow(tr("User name:"), m_user);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    b->addRow(tr("Password:"), m_password);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(tr("MQTT 5"), 5);
    m_protocol->addItem(tr("MQTT 3.1.1"), 4);
    b->addRow(tr("Protocol:"), m_protocol);

    auto* station = new QGroupBox(tr("This station (takes effect at the next start)"), this);
    auto* s = new QFormLayout(station);
    m_site = fileRow(s, tr("Site file:"), QStringLiteral("siteFile"), tr("Site files (*.json);;All files (*)"));
    m_site->setPlaceholderText(tr("empty: the built-in example ward"));
    m_station->setObjectName(QStringLiteral("stationId"));
    s->addRow(tr("Station id:"), m_station);

    auto* display = new QGroupBox(tr("Display"), this);
    auto* d = new QFormLayout(display);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    // Each language by its own name, as its readers look for it (as under View > Language).
    for (const QString& code : shippedLanguages())
        m_language->addItem(languageName(code), code);
    d->addRow(tr("Language:"), m_language);
    m_unit->setObjectName(QStringLiteral("temperatureUnit"));
    m_unit->addItem(tr("Degrees Celsius (°C)"), QStringLiteral("C"));
    m_unit->addItem(tr("Degrees Fahrenheit (°F)"), QStringLiteral("F"));
    m_unit->setToolTip(tr("How temperatures are shown (tables, alarms, charts, reports); changes at once. Records, "
                          "exports and messages to other systems stay in °C."));
    d->addRow(tr("Temperatures:"), m_unit);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Follow the desktop"), QStringLiteral("auto"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark (night)"), QStringLiteral("dark"));
    d->addRow(tr("Theme:"), m_theme);
    m_largeType->setObjectName(QStringLiteral("largeType"));
    d->addRow(QString(), m_largeType);

    auto* note = new QLabel(tr("Broker, TLS, user name and password, site file and station id are read when WardWatch "
                               "starts: they take effect at the next start. Language, temperatures and appearance change at once."),
                            this);
    note->setObjectName(QStringLiteral("restartNote"));
    note->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_useFile->setObjectName(QStringLiteral("usePasswordFile"));
    m_useFile->hide();
    connect(m_useFile, &QPushButton::clicked, this, &SettingsDialog::savePasswordToFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The form scrolls when it is taller than the screen (large type on a small display).
    auto* content = new QWidget(this);
    auto* c = new QVBoxLayout(content);
    c->setContentsMargins(0, 0, 0, 0);
    c->addWidget(broker);
    c->addWidget(station);
    c->addWidget(display);
    c->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsForm"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* v = new QVBoxLayout(this);
    v->addWidget(scroll, 1);
    v->addWidget(note);
    v->addWidget(m_status);
    v->addWidget(m_useFile, 0, Qt::AlignLeft);
    v->addWidget(m_buttons);

    const StoredSettings& l = m_loaded;
    m_host->setText(l.host);
    m_port->setText(QString::number(l.port));
    m_tls->setChecked(l.tls);
    m_ca->setText(l.caFile);
    m_cert->setText(l.certFile);
    m_key->setText(l.keyFile);
    m_user->setText(l.username);
    m_password->setPlaceholderText(l.passwordInKeyring ? tr("in the keyring (%1); type to replace").arg(l.keyringEntry())
                                   : !l.passwordFile.isEmpty() ? tr("in the file %1; type to replace").arg(l.passwordFile)
                                                               : tr("none"));
    select(m_protocol, l.protocolVersion);
    m_site->setText(l.siteFile);
    m_station->setText(l.stationId);
    select(m_language, l.language);
    select(m_unit, l.temperatureUnit);
    select(m_theme, l.theme);
    m_largeType->setChecked(l.largeType);
    tlsFiles();
    const QSize form = content->sizeHint();
    const int extra = sizeHint().height() - scroll->sizeHint().height();
    const QRect screen = (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(qBound(620, form.width() + 40, screen.width() * 9 / 10), qMin(form.height() + extra + 8, screen.height() * 9 / 10));
}

QLineEdit* SettingsDialog::fileRow(QFormLayout* form, const QString& label, const QString& name, const QString& filter)
{
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setObjectName(name);
    auto* browse = new QPushButton(tr("Browse…"), row);
    browse->setObjectName(name + QStringLiteral("Browse"));
    h->addWidget(edit, 1);
    h->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        const QString chosen = QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    form->addRow(label, row);
    return edit;
}

StoredSettings SettingsDialog::form() const
{
    StoredSettings f = m_loaded;
    f.host = m_host->text().trimmed();
    f.port = m_port->text().trimmed().toInt();
    f.tls = m_tls->isChecked();
    f.caFile = m_ca->text().trimmed();
    f.certFile = m_cert->text().trimmed();
    f.keyFile = m_key->text().trimmed();
    f.username = m_user->text().trimmed();
    f.protocolVersion = m_protocol->currentData().toInt();
    f.siteFile = m_site->text().trimmed();
    f.stationId = m_station->text().trimmed();
    f.language = m_language->currentData().toString();
    f.temperatureUnit = m_unit->currentData().toString();
    f.theme = m_theme->currentData().toString();
    f.largeType = m_largeType->isChecked();
    if (f.username.isEmpty()) {
        // No user name, no password.
        f.passwordInKeyring = false;
        f.passwordFile.clear();
    }
    return f;
}

QString SettingsDialog::problem() const
{
    const StoredSettings f = form();
    if (f.host.isEmpty())
        return tr("Broker host: empty; name the computer the broker runs on (127.0.0.1 for this one)");
    if (f.host.contains(QRegularExpression(QStringLiteral("\\s"))))
        return tr("Broker host \"%1\": a host name has no spaces").arg(f.host);
    bool ok = false;
    const int port = m_port->text().trimmed().toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return tr("Port \"%1\": not a port number from 1 to 65535").arg(m_port->text());
    if (f.tls) {
        if (!f.caFile.isEmpty())
            if (const QString p = fileProblem(tr("CA certificate"), f.caFile, false); !p.isEmpty())
                return p;
        if (f.certFile.isEmpty() != f.keyFile.isEmpty())
            return f.certFile.isEmpty() ? tr("Client key %1: given without its client certificate").arg(f.keyFile)
                                        : tr("Client certificate %1: given without its key file").arg(f.certFile);
        if (!f.certFile.isEmpty())
            if (const QString p = fileProblem(tr("Client certificate"), f.certFile, false); !p.isEmpty())
                return p;
        if (!f.keyFile.isEmpty())
            if (const QString p = fileProblem(tr("Client key"), f.keyFile, true); !p.isEmpty())
                return p;
    }
    const bool typed = !m_password->text().isEmpty();
    if (typed && f.username.isEmpty())
        return tr("Password given without a user name: fill in the user name");
    if (!typed && m_loaded.passwordInKeyring && !f.username.isEmpty() && f.keyringEntry() != m_loaded.keyringEntry())
        return tr("The keyring holds the password of %1: type the password of %2").arg(m_loaded.keyringEntry(), f.keyringEntry());
    if (!f.siteFile.isEmpty())
        if (const QString p = fileProblem(tr("Site file"), f.siteFile, false); !p.isEmpty())
            return p;
    if (f.stationId.isEmpty())
        return tr("Station id: empty; every station needs an id of its own (such as nurse-1)");
    if (f.stationId.contains(QRegularExpression(QStringLiteral("[\\s/+#]"))))
        return tr("Station id \"%1\": no spaces, \"/\", \"+\" or \"#\" (it is part of MQTT topics)").arg(f.stationId);
    return {};
}

QString SettingsDialog::statusText() const
{
    return m_status->text();
}

void SettingsDialog::say(const QString& text, bool error)
{
    m_status->setText(text);
    setTextTone(m_status, error ? TextTone::Error : TextTone::Normal, error);
}

void SettingsDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    m_useFile->setEnabled(!busy);
}

void SettingsDialog::save()
{
    m_useFile->hide();
    if (const QString p = problem(); !p.isEmpty()) {
        say(p, true);
        return;
    }
    StoredSettings next = form();
    if (m_password->text().isEmpty()) {
        finish(next);
        return;
    }
    m_pending = next;
    setBusy(true);
    say(tr("Storing the password in the keyring as %1…").arg(next.keyringEntry()), false);
    storePassword(next.keyringEntry(), m_password->text(), this, [this](const KeyringAnswer& a) { keyringAnswered(a); });
}

void SettingsDialog::keyringAnswered(const KeyringAnswer& answer)
{
    setBusy(false);
    switch (answer.outcome) {
    case KeyringAnswer::Outcome::Done: {
        StoredSettings next = m_pending;
        next.passwordInKeyring = true;
        // The dialog's own file held an older copy of the secret: it goes.
        if (m_loaded.passwordFile == AppSettings::defaultPasswordFile())
            QFile::remove(m_loaded.passwordFile);
        next.passwordFile.clear();
        finish(next);
        return;
    }
    case KeyringAnswer::Outcome::NoKeyring:
        say(tr("No keyring is available on this computer (%1), so the password cannot be kept there. It can be kept "
               "instead in a file that only your account can read: %2")
                .arg(answer.detail, AppSettings::defaultPasswordFile()),
            true);
        m_useFile->show();
        return;
    case KeyringAnswer::Outcome::Refused:
        say(tr("The keyring refused to store the password (%1). Nothing was saved.").arg(answer.detail), true);
        return;
    case KeyringAnswer::Outcome::NotFound:
    case KeyringAnswer::Outcome::Failed:
        say(tr("The keyring could not store the password (%1). Nothing was saved.").arg(answer.detail), true);
        return;
    }
}

void SettingsDialog::savePasswordToFile()
{
    if (const QString p = problem(); !p.isEmpty()) {
        say(p, true);
        return;
    }
    if (m_password->text().isEmpty()) {
        say(tr("Password: empty; type the password to keep in the file"), true);
        return;
    }
    StoredSettings next = form();
    const QString path = AppSettings::defaultPasswordFile();
    if (const QString error = AppSettings::writePasswordFile(path, m_password->text()); !error.isEmpty()) {
        say(error, true);
        return;
    }
    next.passwordInKeyring = false;
    next.passwordFile = path;
    finish(next);
}

void SettingsDialog::finish(StoredSettings next)
{
    next.write();
    m_password->clear();
    say(tr("Saved."), false);
    const StoredSettings before = m_loaded;
    m_loaded = next;
    if (next.language != before.language)
        Q_EMIT languageChanged(next.language);
    // The unit applies at once: the views follow UnitNotifier.
    if (const auto unit = parseTemperatureUnit(next.temperatureUnit))
        setTemperatureUnit(*unit);
    if (next.theme != before.theme || next.largeType != before.largeType)
        Q_EMIT appearanceChanged(next.theme, next.largeType);
    Q_EMIT saved();
    accept();
}

} // namespace ww
