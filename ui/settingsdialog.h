#pragma once
// The settings a person edits (broker, TLS files, credentials, site file, station id, language,
// units, appearance), read from and written to the settings (app/appsettings.h StoredSettings).
// The password goes into the system keyring (ui/passwordkeyring.h); where there is none the dialog
// says so and offers a file readable by this account only. Never a settings key.
#include "app/appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ww {

struct KeyringAnswer;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // What is wrong with the form, one specific sentence naming the field (and file); empty when
    // it may be saved.
    [[nodiscard]] QString problem() const;
    // The form as it would be stored (the password aside).
    [[nodiscard]] StoredSettings form() const;
    // What the dialog says below the form: a problem, the keyring's answer, the password file.
    [[nodiscard]] QString statusText() const;
    // Shown when the keyring is missing: keep the password in AppSettings::defaultPasswordFile().
    [[nodiscard]] QPushButton* passwordFileButton() const { return m_useFile; }

public Q_SLOTS:
    // Checks the form; a typed password goes to the keyring first (asynchronously), then the
    // settings are written, the signals below emitted and the dialog accepted.
    void save();
    // The password into the password file (0600) instead of the keyring, then the rest as save().
    void savePasswordToFile();

Q_SIGNALS:
    // After saving, when the appearance changed: theme "auto", "light" or "dark".
    void appearanceChanged(const QString& theme, bool largeType);
    // After saving, when the language changed: "" (the system's), "en", "de", "zh_CN".
    void languageChanged(const QString& code);
    void saved();

private:
    void keyringAnswered(const KeyringAnswer& answer);
    void finish(StoredSettings next);
    void say(const QString& text, bool error);
    void setBusy(bool busy);
    QLineEdit* fileRow(QFormLayout* form, const QString& label, const QString& name, const QString& filter);

    StoredSettings m_loaded;
    StoredSettings m_pending; // waiting for the keyring
    QLineEdit* m_host;
    QLineEdit* m_port;
    QCheckBox* m_tls;
    QLineEdit* m_ca = nullptr;
    QLineEdit* m_cert = nullptr;
    QLineEdit* m_key = nullptr;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QComboBox* m_protocol;
    QLineEdit* m_site = nullptr;
    QLineEdit* m_station;
    QComboBox* m_language;
    QComboBox* m_unit;
    QComboBox* m_theme;
    QCheckBox* m_largeType;
    QLabel* m_status;
    QPushButton* m_useFile;
    QDialogButtonBox* m_buttons;
};

} // namespace ww
