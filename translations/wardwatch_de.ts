<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AssetStatus</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Benutzung</translation>
    </message>
    <message>
        <source>needs cleaning</source>
        <translation>zu reinigen</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>unterwegs</translation>
    </message>
</context>
<context>
    <name>ClimateReport</name>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>humidity</source>
        <translation>Luftfeuchte</translation>
    </message>
    <message>
        <source>CO₂</source>
        <translation>CO₂</translation>
    </message>
    <message>
        <source>PM2.5</source>
        <translation>PM2,5</translation>
    </message>
    <message>
        <source>TVOC</source>
        <translation>TVOC</translation>
    </message>
    <message>
        <source>pressure difference</source>
        <translation>Differenzdruck</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>&gt;= %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>&lt;= %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>Room climate compliance: %1</source>
        <translation>Raumklima-Konformität: %1</translation>
    </message>
    <message>
        <source>Room climate compliance: %1 (%2)</source>
        <translation>Raumklima-Konformität: %1 (%2)</translation>
    </message>
    <message>
        <source>Period: %1 to %2 UTC; a reading holds at most %3</source>
        <translation>Zeitraum: %1 bis %2 UTC; ein Messwert gilt höchstens %3</translation>
    </message>
    <message>
        <source>Door openings: %1, %2 longer than %3; open %4 in all, longest %5</source>
        <translation>Türöffnungen: %1, davon %2 länger als %3; insgesamt %4 offen, längste %5</translation>
    </message>
    <message>
        <source>Excursions: %1</source>
        <translation>Abweichungen: %1</translation>
    </message>
    <message>
        <source>%1 above from %2 to %3</source>
        <translation>%1 über dem Ziel von %2 bis %3</translation>
    </message>
    <message>
        <source>%1 below from %2 to %3</source>
        <translation>%1 unter dem Ziel von %2 bis %3</translation>
    </message>
    <message>
        <source> (still outside)</source>
        <translation> (noch außerhalb)</translation>
    </message>
    <message>
        <source>, %1, peak %2</source>
        <translation>, %1, Spitze %2</translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2</source>
        <translation>quittiert von %1 um %2</translation>
    </message>
    <message>
        <source>, door opened %1 times</source>
        <translation>, Tür %1-mal geöffnet</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>kein Zielwert</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>readings</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>erfasst</translation>
    </message>
    <message>
        <source>in range</source>
        <translation>im Bereich</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>nicht quittiert</translation>
    </message>
</context>
<context>
    <name>ColdChainReport</name>
    <message>
        <source>Cold-chain record: %1</source>
        <translation>Kühlketten-Protokoll: %1</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (%3)</source>
        <translation>Zeitraum: %1 bis %2 (%3)</translation>
    </message>
    <message>
        <source>Range: %1 to %2; a silence over %3 is a gap in the record</source>
        <translation>Bereich: %1 bis %2; über %3 ohne Messwert ist eine Lücke im Protokoll</translation>
    </message>
    <message>
        <source>Readings: %1; the record covers %2 % of the period</source>
        <translation>Messwerte: %1; das Protokoll deckt %2 % des Zeitraums ab</translation>
    </message>
    <message>
        <source>Minimum %1, maximum %2, mean %3, mean kinetic temperature %4</source>
        <translation>Minimum %1, Maximum %2, Mittel %3, mittlere kinetische Temperatur %4</translation>
    </message>
    <message>
        <source>Time out of range: %1; excursions: %2</source>
        <translation>Zeit außerhalb des Bereichs: %1; Abweichungen: %2</translation>
    </message>
    <message>
        <source>%1 %2 from %3 to %4%5 (%6), peak %7</source>
        <translation>%1 %2 von %3 bis %4%5 (%6), Spitze %7</translation>
    </message>
    <message>
        <source>above</source>
        <translation>über</translation>
    </message>
    <message>
        <source>below</source>
        <translation>unter</translation>
    </message>
    <message>
        <source>, still outside</source>
        <translation>, noch außerhalb</translation>
    </message>
    <message>
        <source>Gaps in the record: %1</source>
        <translation>Lücken im Protokoll: %1</translation>
    </message>
    <message>
        <source>no reading from %1 to %2 (%3)</source>
        <translation>kein Messwert von %1 bis %2 (%3)</translation>
    </message>
    <message>
        <source>Door openings: %1, of which %2 longer than %3; open %4 in all, longest %5</source>
        <translation>Türöffnungen: %1, davon %2 länger als %3; insgesamt %4 offen, längste %5</translation>
    </message>
    <message>
        <source>Result: within range for the whole period, no gaps</source>
        <translation>Ergebnis: im ganzen Zeitraum im Bereich, keine Lücken</translation>
    </message>
    <message>
        <source>Result: NOT COMPLIANT (excursions: %1, gaps: %2%3)</source>
        <translation>Ergebnis: NICHT KONFORM (Abweichungen: %1, Lücken: %2%3)</translation>
    </message>
    <message>
        <source>, no readings</source>
        <translation>, keine Messwerte</translation>
    </message>
    <message>
        <source>Reviewed by: ______________________   Signature: ______________   Date: __________</source>
        <translation>Geprüft von: ______________________   Unterschrift: ______________   Datum: __________</translation>
    </message>
    <message>
        <source>Day         readings   min %1   max %1   MKT %1   out of range</source>
        <translation>Tag         Messwerte  min %1   max %1   MKT %1   außerhalb</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>MQTT broker host.</source>
        <translation>Host des MQTT-Brokers.</translation>
    </message>
    <message>
        <source>MQTT broker port.</source>
        <translation>Port des MQTT-Brokers.</translation>
    </message>
    <message>
        <source>Connect with TLS.</source>
        <translation>Mit TLS verbinden.</translation>
    </message>
    <message>
        <source>CA certificate file (PEM).</source>
        <translation>CA-Zertifikatsdatei (PEM).</translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation>Client-Zertifikat (PEM).</translation>
    </message>
    <message>
        <source>Client private key (PEM).</source>
        <translation>Privater Schlüssel des Clients (PEM).</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>MQTT-Benutzername.</translation>
    </message>
    <message>
        <source>MQTT client id.</source>
        <translation>MQTT-Client-ID.</translation>
    </message>
    <message>
        <source>Use MQTT 3.1.1 instead of MQTT 5.</source>
        <translation>MQTT 3.1.1 statt MQTT 5 verwenden.</translation>
    </message>
    <message>
        <source>This station&apos;s id.</source>
        <translation>Kennung dieser Station.</translation>
    </message>
    <message>
        <source>Site configuration file (JSON).</source>
        <translation>Standortkonfiguration (JSON).</translation>
    </message>
    <message>
        <source>Check the installation without broker or display, then exit.</source>
        <translation>Installation ohne Broker und Bildschirm prüfen, dann beenden.</translation>
    </message>
    <message>
        <source>Save two screenshots into this folder, then exit.</source>
        <translation>Bildschirmfotos in diesen Ordner speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Seconds before the first screenshot.</source>
        <translation>Sekunden bis zum ersten Bildschirmfoto.</translation>
    </message>
    <message>
        <source>WardWatch: ward nurse-station and facilities dashboard. A secondary alarm notification system; it never replaces the bedside monitors&apos; alarms.</source>
        <translation>WardWatch: Übersicht für Stationsstützpunkt und Haustechnik. Ein sekundäres Alarmbenachrichtigungssystem; es ersetzt nie die Alarme der Bettplatzmonitore.</translation>
    </message>
    <message>
        <source>The stored settings are from a newer WardWatch (version %1).</source>
        <translation>Die gespeicherten Einstellungen stammen von einer neueren WardWatch-Version (%1).</translation>
    </message>
    <message>
        <source>--port: &quot;%1&quot; is not a port number</source>
        <translation>--port: „%1“ ist keine Portnummer</translation>
    </message>
    <message>
        <source>--screenshot-delay: &quot;%1&quot; is not a number of seconds</source>
        <translation>--screenshot-delay: „%1“ ist keine Sekundenzahl</translation>
    </message>
    <message>
        <source>The site configuration cannot be loaded:
%1</source>
        <translation>Die Standortkonfiguration kann nicht geladen werden:
%1</translation>
    </message>
    <message>
        <source>WardWatch</source>
        <translation>WardWatch</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>BLE gateway</source>
        <translation>BLE-Gateway</translation>
    </message>
    <message>
        <source>wristband</source>
        <translation>Armband</translation>
    </message>
    <message>
        <source>staff badge</source>
        <translation>Mitarbeiterausweis</translation>
    </message>
    <message>
        <source>asset tag</source>
        <translation>Geräte-Tag</translation>
    </message>
    <message>
        <source>vitals monitor</source>
        <translation>Vitalmonitor</translation>
    </message>
    <message>
        <source>climate sensor</source>
        <translation>Klimasensor</translation>
    </message>
    <message>
        <source>fridge sensor</source>
        <translation>Kühlschranksensor</translation>
    </message>
    <message>
        <source>door contact</source>
        <translation>Türkontakt</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbinde erneut</translation>
    </message>
    <message>
        <source>Alarm log file (SQLite).</source>
        <translation>Alarmprotokoll-Datei (SQLite).</translation>
    </message>
    <message>
        <source>Run the station without a window: alarm changes as JSON lines on stdout, commands (signin STAFF PIN, ack ALARM, quit) on stdin.</source>
        <translation>Station ohne Fenster betreiben: Alarmänderungen als JSON-Zeilen auf stdout, Befehle (signin MITARBEITER PIN, ack ALARM, quit) auf stdin.</translation>
    </message>
    <message>
        <source>Screenshot mode: sign in as STAFF:PIN and acknowledge the top alarm.</source>
        <translation>Bildschirmfoto-Modus: als MITARBEITER:PIN anmelden und den obersten Alarm quittieren.</translation>
    </message>
    <message>
        <source>Sign in first: an acknowledgement needs a named operator.</source>
        <translation>Bitte zuerst anmelden: Quittieren braucht eine namentlich bekannte Person.</translation>
    </message>
    <message>
        <source>This alarm is no longer open.</source>
        <translation>Dieser Alarm ist nicht mehr offen.</translation>
    </message>
    <message>
        <source>Already acknowledged by %1 at %2.</source>
        <translation>Bereits quittiert von %1 um %2.</translation>
    </message>
    <message>
        <source>The alarm log cannot be written (%1); the acknowledgement was not recorded.</source>
        <translation>Das Alarmprotokoll kann nicht geschrieben werden (%1); die Quittierung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this ward&apos;s staff list</source>
        <translation>„%1“ steht nicht auf der Personalliste dieser Station</translation>
    </message>
    <message>
        <source>%1 has no PIN set; ask the ward administrator</source>
        <translation>%1 hat keine PIN; bitte an die Stationsverwaltung wenden</translation>
    </message>
    <message>
        <source>%1 is locked out after %2 wrong PINs; try again in %3 s</source>
        <translation>%1 ist nach %2 falschen PINs gesperrt; erneut versuchen in %3 s</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 is locked out for %2 s</source>
        <translation>Falsche PIN. %1 ist für %2 s gesperrt</translation>
    </message>
    <message>
        <source>Wrong PIN (%1 attempts left)</source>
        <translation>Falsche PIN (noch %1 Versuche)</translation>
    </message>
    <message>
        <source>A PIN has at least %1 digits (%2 attempts left)</source>
        <translation>Eine PIN hat mindestens %1 Ziffern (noch %2 Versuche)</translation>
    </message>
    <message>
        <source>reference beacon</source>
        <translation>Referenz-Beacon</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>Run as a positioning engine (no window, no alarms): locate the tags this engine owns among the engines online and publish their positions; --station-id names the engine.</source>
        <translation>Als Ortungsdienst laufen (ohne Fenster, ohne Alarme): die Tags, die diesem Dienst unter den erreichbaren Diensten zufallen, orten und ihre Positionen veröffentlichen; --station-id benennt den Dienst.</translation>
    </message>
    <message>
        <source>Where this station&apos;s locations come from: own (computed here) or engines (the site&apos;s positioning engines).</source>
        <translation>Woher die Standorte dieser Station kommen: own (hier berechnet) oder engines (die Ortungsdienste des Standorts).</translation>
    </message>
    <message>
        <source>positioning source &quot;%1&quot; is neither &quot;own&quot; nor &quot;engines&quot;</source>
        <translation>Ortungsquelle &quot;%1&quot; ist weder &quot;own&quot; noch &quot;engines&quot;</translation>
    </message>
    <message>
        <source>Refused: use --password-file.</source>
        <translation>Abgewiesen: --password-file verwenden.</translation>
    </message>
    <message>
        <source>File holding the MQTT password (first line; readable by this account only).</source>
        <translation>Datei mit dem MQTT-Passwort (erste Zeile; nur für dieses Konto lesbar).</translation>
    </message>
    <message>
        <source>--password would show the password to every user of this computer (in the process list): put it in a file readable only by this account and use --password-file FILE</source>
        <translation>--password würde das Passwort jedem Benutzer dieses Computers zeigen (in der Prozessliste): in eine nur für dieses Konto lesbare Datei schreiben und --password-file DATEI verwenden</translation>
    </message>
    <message>
        <source>--password-file %1: cannot be read (%2)</source>
        <translation>--password-file %1: nicht lesbar (%2)</translation>
    </message>
    <message>
        <source>--password-file %1: readable by other users; chmod 600 it</source>
        <translation>--password-file %1: für andere Benutzer lesbar; mit chmod 600 schützen</translation>
    </message>
    <message>
        <source>--password-file %1: the first line is empty</source>
        <translation>--password-file %1: die erste Zeile ist leer</translation>
    </message>
    <message>
        <source>Start with an empty alarm log even though this station&apos;s log held rows before.</source>
        <translation>Mit einem leeren Alarmprotokoll beginnen, obwohl das Protokoll dieser Station vorher Einträge enthielt.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>WardWatch cannot start:
%1</source>
        <translation>WardWatch kann nicht starten:
%1</translation>
    </message>
    <message>
        <source>The broker %1 would be reached without TLS: the password and every acknowledgement would cross the network in clear text. Use --tls (with --ca), or set network.allowClearText in the site file for a migration.</source>
        <translation>Der Broker %1 würde ohne TLS erreicht: das Passwort und jede Quittierung gingen unverschlüsselt über das Netz. --tls (mit --ca) verwenden oder für eine Umstellung network.allowClearText in der Standortdatei setzen.</translation>
    </message>
    <message>
        <source>This station&apos;s signing key (made by wardctl keygen; readable by this account only). Default: signing-STATION.key in the data folder, made at the first start.</source>
        <translation>Der Signaturschlüssel dieser Station (mit wardctl keygen erstellt; nur für dieses Konto lesbar). Standard: signing-STATION.key im Datenordner, beim ersten Start erstellt.</translation>
    </message>
    <message>
        <source>Signing key %1</source>
        <translation>Signaturschlüssel %1</translation>
    </message>
    <message>
        <source>Signing key %1: no such file (wardctl keygen makes one)</source>
        <translation>Signaturschlüssel %1: Datei nicht vorhanden (wardctl keygen erstellt einen)</translation>
    </message>
    <message>
        <source>Signing key: cannot be made: %1</source>
        <translation>Signaturschlüssel: kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The site file takes only signed state and this station has no signing key.</source>
        <translation>Die Standortdatei nimmt nur signierte Zustände an, und diese Station hat keinen Signaturschlüssel.</translation>
    </message>
    <message>
        <source>This station (%1) may not act on the site: its public key is not in the site file&apos;s signing.keys, so every other station would refuse its acknowledgements. Add
    &quot;%1&quot;: &quot;%2&quot;
to signing.keys in %3 on every station (the key file is %4).</source>
        <translation>Diese Station (%1) darf am Standort nicht handeln: Ihr öffentlicher Schlüssel steht nicht in signing.keys der Standortdatei, daher würde jede andere Station ihre Quittierungen ablehnen. Fügen Sie
    &quot;%1&quot;: &quot;%2&quot;
in signing.keys von %3 auf jeder Station hinzu (die Schlüsseldatei ist %4).</translation>
    </message>
    <message>
        <source>bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>holds %1 rows</source>
        <translation>enthält %1 Zeilen</translation>
    </message>
    <message>
        <source>The alarm log %1 %2, but this station had written %3 rows to it. Nothing is started on an empty or shortened log without a word: restore the file from its backup, or start with --new-log to go on with this file on purpose.</source>
        <translation>Das Alarmprotokoll %1 %2, aber diese Station hatte %3 Zeilen hineingeschrieben. Mit einem leeren oder gekürzten Protokoll wird nicht stillschweigend gestartet: Stellen Sie die Datei aus ihrer Sicherung wieder her, oder starten Sie mit --new-log, um bewusst mit dieser Datei weiterzumachen.</translation>
    </message>
    <message>
        <source>Colours of the window: auto (the desktop&apos;s), light or dark.</source>
        <translation>Farben des Fensters: auto (wie der Desktop), light (hell) oder dark (dunkel).</translation>
    </message>
    <message>
        <source>Every text one and a half times as large.</source>
        <translation>Alle Texte anderthalbmal so groß.</translation>
    </message>
    <message>
        <source>--theme: &quot;%1&quot; is none of auto, light, dark</source>
        <translation>--theme: „%1“ ist keiner der Werte auto, light, dark</translation>
    </message>
    <message>
        <source>setting %1: &quot;%2&quot; is none of auto, light, dark</source>
        <translation>Einstellung %1: „%2“ ist keiner der Werte auto, light, dark</translation>
    </message>
    <message>
        <source>Password file %1: its folder cannot be made</source>
        <translation>Passwortdatei %1: ihr Ordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Password file %1: cannot make it readable by this account only (%2)</source>
        <translation>Passwortdatei %1: kann nicht nur für dieses Konto lesbar gemacht werden (%2)</translation>
    </message>
    <message>
        <source>Password file %1: cannot be written (%2)</source>
        <translation>Passwortdatei %1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Password file %1: still open to other users</source>
        <translation>Passwortdatei %1: für andere Benutzer weiterhin zugänglich</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; of the settings (ui/language) is not one WardWatch ships: English is shown</source>
        <translation>Die Sprache „%1“ in den Einstellungen (ui/language) wird mit WardWatch nicht ausgeliefert: Die Anzeige erfolgt auf Englisch</translation>
    </message>
    <message>
        <source>The MQTT password of %1 is in the system keyring (setting mqtt/passwordInKeyring), which only the station with a window reads: give this program --password-file FILE (readable by its account only)</source>
        <translation>Das MQTT-Passwort von %1 liegt im Schlüsselbund des Systems (Einstellung mqtt/passwordInKeyring), den nur die Station mit Fenster liest: Geben Sie diesem Programm --password-file DATEI an (nur für sein Konto lesbar)</translation>
    </message>
    <message>
        <source>The MQTT password is still in clear text in the settings: %1</source>
        <translation>Das MQTT-Passwort steht noch im Klartext in den Einstellungen: %1</translation>
    </message>
    <message>
        <source>The MQTT password moved from the settings into %1 (readable by this account only)</source>
        <translation>Das MQTT-Passwort wurde aus den Einstellungen nach %1 verschoben (nur für dieses Konto lesbar)</translation>
    </message>
    <message>
        <source>no user name</source>
        <translation>kein Benutzername</translation>
    </message>
    <message>
        <source>The MQTT password moved from the settings into the keyring (%1)</source>
        <translation>Das MQTT-Passwort wurde aus den Einstellungen in den Schlüsselbund verschoben (%1)</translation>
    </message>
    <message>
        <source>The MQTT password moved from the settings into %1 (no keyring: %2)</source>
        <translation>Das MQTT-Passwort wurde aus den Einstellungen nach %1 verschoben (kein Schlüsselbund: %2)</translation>
    </message>
    <message>
        <source>The MQTT password of %1 could not be read from the keyring (%2). WardWatch starts without it; open File &gt; Settings to enter it again.</source>
        <translation>Das MQTT-Passwort von %1 konnte nicht aus dem Schlüsselbund gelesen werden (%2). WardWatch startet ohne Passwort; unter Datei &gt; Einstellungen erneut eingeben.</translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation>kein solcher Eintrag</translation>
    </message>
    <message>
        <source>setting %1: &quot;%2&quot; is neither C (degrees Celsius) nor F (degrees Fahrenheit)</source>
        <translation>Einstellung %1: „%2“ ist weder C (Grad Celsius) noch F (Grad Fahrenheit)</translation>
    </message>
    <message>
        <source>locating…</source>
        <translation>wird geortet…</translation>
    </message>
    <message>
        <source>unknown, near %1</source>
        <translation>unbekannt, nahe %1</translation>
    </message>
    <message>
        <source>%1 (last heard %2)</source>
        <translation>%1 (zuletzt gehört %2)</translation>
    </message>
    <message>
        <source>%1 (not heard lately)</source>
        <translation>%1 (länger nicht gehört)</translation>
    </message>
    <message>
        <source>What the positioning learnt, kept across a restart (JSON; &quot;none&quot;: nothing kept). Default: positioning-STATION.json beside the alarm log (an engine: in the data folder).</source>
        <translation>Was die Ortung gelernt hat, über einen Neustart hinweg behalten (JSON; &quot;none&quot;: nichts behalten). Vorgabe: positioning-STATION.json neben dem Alarmprotokoll (eine Engine: im Datenordner).</translation>
    </message>
</context>
<context>
    <name>ww::AlarmBanner</name>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Pause audio</source>
        <translation>Ton pausieren</translation>
    </message>
    <message>
        <source>   (+%1 more)</source>
        <translation>   (+%1 weitere)</translation>
    </message>
    <message>
        <source>No active alarms</source>
        <translation>Keine aktiven Alarme</translation>
    </message>
    <message>
        <source>AUDIO PAUSED %1:%2</source>
        <translation>TON PAUSIERT %1:%2</translation>
    </message>
    <message>
        <source>Sign in to acknowledge</source>
        <translation>Zum Quittieren anmelden</translation>
    </message>
    <message>
        <source>Acknowledge as %1</source>
        <translation>Quittieren als %1</translation>
    </message>
    <message>
        <source>Nearest: %1</source>
        <translation>Am nächsten: %1</translation>
    </message>
    <message>
        <source>The highest-priority active alarm. Click to show it on the floor plan.</source>
        <translation>Der aktive Alarm mit der höchsten Priorität. Klicken, um ihn im Grundriss zu zeigen.</translation>
    </message>
    <message>
        <source>Acknowledge the top alarm</source>
        <translation>Obersten Alarm quittieren</translation>
    </message>
    <message>
        <source>Acknowledges the alarm shown in the banner</source>
        <translation>Quittiert den im Banner angezeigten Alarm</translation>
    </message>
    <message>
        <source>Pause alarm audio</source>
        <translation>Alarmton pausieren</translation>
    </message>
    <message>
        <source>Pauses the alarm sound for a while; the alarms stay shown</source>
        <translation>Pausiert den Alarmton für eine Weile; die Alarme bleiben angezeigt</translation>
    </message>
    <message>
        <source>Alarm banner: %1 priority alarm: %2</source>
        <translation>Alarmbanner: Alarm mit Priorität %1: %2</translation>
    </message>
    <message>
        <source>Alarm banner: no active alarms</source>
        <translation>Alarmbanner: keine aktiven Alarme</translation>
    </message>
</context>
<context>
    <name>ww::AlarmController</name>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Quittiert: %1</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Angemeldet: %1</translation>
    </message>
    <message>
        <source>Sign in first: an acknowledgement needs a named operator.</source>
        <translation>Bitte zuerst anmelden: Quittieren braucht eine namentlich bekannte Person.</translation>
    </message>
    <message>
        <source>Sign in first: NEWS2 inputs are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: NEWS2-Eingaben werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: limit changes are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Grenzwertänderungen werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Limit %1 for %2 changed</source>
        <translation>Grenzwert %1 für %2 geändert</translation>
    </message>
    <message>
        <source>%1 was signed out after %2 min without an action.</source>
        <translation>%1 wurde nach %2 min ohne Aktion abgemeldet.</translation>
    </message>
    <message>
        <source>Census: %1</source>
        <translation>Belegung: %1</translation>
    </message>
    <message>
        <source>Sign in first: admissions are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Aufnahmen werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: transfers are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Verlegungen werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: discharges are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Entlassungen werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: device changes are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Gerätewechsel werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Care plan: %1</source>
        <translation>Pflegeplan: %1</translation>
    </message>
    <message>
        <source>A high-priority alarm is sounding: say why its audio may pause (a comment is required).</source>
        <translation>Ein Alarm hoher Priorität ertönt: Bitte angeben, warum der Ton pausieren darf (Kommentar erforderlich).</translation>
    </message>
    <message>
        <source>Sign in first: assignments are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Zuweisungen werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: risk flags are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Risikohinweise werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: schedules are recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Zeitpläne werden mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first: the charge role is recorded with the operator&apos;s name.</source>
        <translation>Zuerst anmelden: Die Übernahme der Schichtleitung wird mit dem Namen der Bedienperson gespeichert.</translation>
    </message>
</context>
<context>
    <name>ww::AlarmListModel</name>
    <message>
        <source>HIGH</source>
        <translation>HOCH</translation>
    </message>
    <message>
        <source>MEDIUM</source>
        <translation>MITTEL</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>NIEDRIG</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>ended, latched: acknowledge</source>
        <translation>beendet, gehalten: bitte quittieren</translation>
    </message>
    <message>
        <source>ended, not acknowledged</source>
        <translation>beendet, nicht quittiert</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source> by %1 at %2, %3</source>
        <translation> von %1 um %2, %3</translation>
    </message>
    <message>
        <source> [late]</source>
        <translation> [verspätet]</translation>
    </message>
    <message>
        <source>%1
rule %2, source %3
onset %4%5</source>
        <translation>%1
Regel %2, Quelle %3
Beginn %4%5</translation>
    </message>
    <message>
        <source> (delivered late)</source>
        <translation> (verspätet zugestellt)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Who / what</source>
        <translation>Wer / was</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>✔ Acknowledge</source>
        <translation>✔ Quittieren</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>Ein Klick</translation>
    </message>
    <message>
        <source>nobody located</source>
        <translation>niemand geortet</translation>
    </message>
    <message>
        <source>Nearest by walking distance to %1:</source>
        <translation>Am nächsten (Gehweg) zu %1:</translation>
    </message>
    <message>
        <source>No staff badge located and heard now.</source>
        <translation>Derzeit kein Mitarbeiterausweis geortet und empfangen.</translation>
    </message>
    <message>
        <source>Nearest staff</source>
        <translation>Nächstes Personal</translation>
    </message>
    <message>
        <source>Escalation step: how many times the alarm went on to the next target unanswered</source>
        <translation>Eskalationsstufe: wie oft der Alarm unbeantwortet an das nächste Ziel weiterging</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>&lt;1 min</source>
        <translation>&lt;1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <source>
comment: %1</source>
        <translation>
Kommentar: %1</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>Offen seit</translation>
    </message>
</context>
<context>
    <name>ww::AlarmPanel</name>
    <message>
        <source>Acknowledge selected</source>
        <translation>Auswahl quittieren</translation>
    </message>
    <message>
        <source>Pause audio</source>
        <translation>Ton pausieren</translation>
    </message>
    <message>
        <source>Select an alarm first.</source>
        <translation>Zuerst einen Alarm auswählen.</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Bedienung: %1</translation>
    </message>
    <message>
        <source>No operator signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Technical alarms (devices, network, this station)</source>
        <translation>Technische Alarme (Geräte, Netz, diese Station)</translation>
    </message>
    <message>
        <source>Show on plan</source>
        <translation>Im Plan zeigen</translation>
    </message>
    <message>
        <source>Unacknowledged only</source>
        <translation>Nur nicht quittierte</translation>
    </message>
    <message>
        <source>Active alarms and ended ones still waiting for an acknowledgement</source>
        <translation>Aktive Alarme und beendete, die noch auf eine Quittierung warten</translation>
    </message>
    <message>
        <source>all priorities</source>
        <translation>alle Prioritäten</translation>
    </message>
    <message>
        <source>medium and high</source>
        <translation>mittel und hoch</translation>
    </message>
    <message>
        <source>high only</source>
        <translation>nur hoch</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>alle Arten</translation>
    </message>
    <message>
        <source>patient (vitals, NEWS2)</source>
        <translation>Patient (Vitalwerte, NEWS2)</translation>
    </message>
    <message>
        <source>event (call, fall)</source>
        <translation>Ereignis (Ruf, Sturz)</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>location</source>
        <translation>Ortung</translation>
    </message>
    <message>
        <source>all floors</source>
        <translation>alle Etagen</translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation>Etage %1</translation>
    </message>
    <message>
        <source>Alarms in a room on the floor, or of a patient whose bed is on it</source>
        <translation>Alarme in einem Raum der Etage oder von Patienten, deren Bett auf dieser Etage steht</translation>
    </message>
    <message>
        <source>My patients</source>
        <translation>Meine Patienten</translation>
    </message>
    <message>
        <source>Alarms of your patients, and every alarm that concerns no patient</source>
        <translation>Alarme Ihrer Patienten und alle Alarme, die keinen Patienten betreffen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message numerus="yes">
        <source>%n open alarm(s)</source>
        <translation>
            <numerusform>%n offener Alarm</numerusform>
            <numerusform>%n offene Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>showing %1 of %2 open alarms</source>
        <translation>%1 von %2 offenen Alarmen angezeigt</translation>
    </message>
    <message>
        <source>Clinical alarms</source>
        <translation>Klinische Alarme</translation>
    </message>
    <message>
        <source>Open alarms, highest priority first. Click Acknowledge in a row to acknowledge it.</source>
        <translation>Offene Alarme, höchste Priorität zuerst. Zum Quittieren in der Zeile auf „Quittieren“ klicken.</translation>
    </message>
    <message>
        <source>Technical alarms</source>
        <translation>Technische Alarme</translation>
    </message>
    <message>
        <source>Alarms of devices, the network and this station</source>
        <translation>Alarme von Geräten, Netz und dieser Station</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm</source>
        <translation>Ausgewählten Alarm quittieren</translation>
    </message>
    <message>
        <source>Acknowledge the alarm selected in the list</source>
        <translation>Den in der Liste ausgewählten Alarm quittieren</translation>
    </message>
    <message>
        <source>Pause alarm audio</source>
        <translation>Alarmton pausieren</translation>
    </message>
    <message>
        <source>Show the selected alarm on the floor plan</source>
        <translation>Ausgewählten Alarm im Grundriss zeigen</translation>
    </message>
    <message>
        <source>Operator sign-in</source>
        <translation>Anmeldung</translation>
    </message>
</context>
<context>
    <name>ww::AssetModel</name>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tag signal</source>
        <translation>Tag-Signal</translation>
    </message>
    <message>
        <source>%1 % of %2 h</source>
        <translation>%1 % von %2 h</translation>
    </message>
    <message>
        <source>In use (24 h)</source>
        <translation>In Gebrauch (24 h)</translation>
    </message>
</context>
<context>
    <name>ww::AssignDialog</name>
    <message>
        <source>Assign a patient</source>
        <translation>Patient zuweisen</translation>
    </message>
    <message>
        <source>%1, bed %2 (%3)</source>
        <translation>%1, Bett %2 (%3)</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>nobody (unassigned)</source>
        <translation>niemand (nicht zugewiesen)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>ww::CarePlan</name>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>%1 took the %2 role at %3 after your change</source>
        <translation>%1 hat nach Ihrer Änderung an Station %3 die Rolle %2 übernommen</translation>
    </message>
    <message>
        <source>This station keeps no record: care-plan changes are made at a station with a log</source>
        <translation>Diese Station führt kein Protokoll: Änderungen am Pflegeplan an einer Station mit Protokoll vornehmen</translation>
    </message>
    <message>
        <source>Sign in first: care-plan changes are recorded with the operator&apos;s name</source>
        <translation>Zuerst anmelden: Änderungen am Pflegeplan werden mit dem Namen der Bedienperson gespeichert</translation>
    </message>
    <message>
        <source>The care record cannot be written (%1); nothing was changed.</source>
        <translation>Das Pflegeplan-Protokoll kann nicht geschrieben werden (%1); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 is not in the census</source>
        <translation>%1 ist nicht in der Belegung</translation>
    </message>
    <message>
        <source>%1 is not on the staff list</source>
        <translation>%1 steht nicht auf der Personalliste</translation>
    </message>
    <message>
        <source>%1 (%2) is not a nurse: patients are assigned to nurses</source>
        <translation>%1 (%2) ist keine Pflegekraft: Patienten werden Pflegekräften zugewiesen</translation>
    </message>
    <message>
        <source>Only the charge nurse assigns other nurses&apos; patients, and nobody has taken charge</source>
        <translation>Nur die Schichtleitung weist Patienten anderer Pflegekräfte zu, und niemand hat die Schichtleitung übernommen</translation>
    </message>
    <message>
        <source>Only the charge nurse (%1) assigns other nurses&apos; patients</source>
        <translation>Nur die Schichtleitung (%1) weist Patienten anderer Pflegekräfte zu</translation>
    </message>
    <message>
        <source>No change: %1 is already %2</source>
        <translation>Keine Änderung: %1 ist bereits %2</translation>
    </message>
    <message>
        <source>No change to %1&apos;s flags</source>
        <translation>Keine Änderung an den Risikohinweisen von %1</translation>
    </message>
    <message>
        <source>reposition every: %1 min is not between 0 (none) and 1440</source>
        <translation>Umlagern alle: %1 min liegt nicht zwischen 0 (keine) und 1440</translation>
    </message>
    <message>
        <source>medication times[%1]: &quot;%2&quot; is not a time of day (HH:MM, 00:00 to 23:59)</source>
        <translation>Medikamentenzeiten[%1]: „%2“ ist keine Uhrzeit (HH:MM, 00:00 bis 23:59)</translation>
    </message>
    <message>
        <source>You already hold the %1 role</source>
        <translation>Sie haben die Rolle %1 bereits inne</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>risk flags</source>
        <translation>Risikomerkmale</translation>
    </message>
    <message>
        <source>schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>%1&apos;s %2 changed at %3 by %4 after your change: %5 now</source>
        <translation>%2 von %1 wurde nach Ihrer Änderung an %3 von %4 geändert: jetzt %5</translation>
    </message>
</context>
<context>
    <name>ww::Census</name>
    <message>
        <source>%1 is not a %2 of this ward</source>
        <translation>%1 ist kein %2 dieser Station</translation>
    </message>
    <message>
        <source>%1 is on %2 (bed %3)</source>
        <translation>%1 trägt %2 (Bett %3)</translation>
    </message>
    <message>
        <source>This station keeps no record: census changes are made at a station with a log</source>
        <translation>Diese Station führt kein Protokoll: Änderungen der Belegung an einer Station mit Protokoll</translation>
    </message>
    <message>
        <source>%1 is not in the census</source>
        <translation>%1 ist nicht in der Belegung</translation>
    </message>
    <message>
        <source>%1 has no bed in the census</source>
        <translation>%1 hat kein Bett in der Belegung</translation>
    </message>
    <message>
        <source>Not recorded, nothing changed: %1</source>
        <translation>Nicht gespeichert, nichts geändert: %1</translation>
    </message>
    <message>
        <source>Sign in to admit a patient</source>
        <translation>Zum Aufnehmen anmelden</translation>
    </message>
    <message>
        <source>Unknown bed &quot;%1&quot;</source>
        <translation>Unbekanntes Bett „%1“</translation>
    </message>
    <message>
        <source>Bed %1 is taken by %2</source>
        <translation>Bett %1 ist von %2 belegt</translation>
    </message>
    <message>
        <source>A patient needs an id and a name</source>
        <translation>Ein Patient braucht ID und Namen</translation>
    </message>
    <message>
        <source>%1 is already in bed %2</source>
        <translation>%1 liegt schon in Bett %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the id of a staff member or an asset</source>
        <translation>„%1“ ist die ID einer Person des Personals oder eines Geräts</translation>
    </message>
    <message>
        <source>Sign in to transfer a patient</source>
        <translation>Zum Verlegen anmelden</translation>
    </message>
    <message>
        <source>Sign in to discharge a patient</source>
        <translation>Zum Entlassen anmelden</translation>
    </message>
    <message>
        <source>Sign in to change a patient&apos;s devices</source>
        <translation>Zum Ändern der Geräte anmelden</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Nichts geändert</translation>
    </message>
</context>
<context>
    <name>ww::CensusActions</name>
    <message>
        <source>Admit…</source>
        <translation>Aufnehmen…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Verlegen…</translation>
    </message>
    <message>
        <source>Wristband and monitor…</source>
        <translation>Armband und Monitor…</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Entlassen…</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Entlassen</translation>
    </message>
    <message>
        <source>Discharge %1 (%2) from bed %3? Their alarms end and their wristband and monitor go back to the ward&apos;s stock.</source>
        <translation>%1 (%2) aus Bett %3 entlassen? Die Alarme enden, Armband und Monitor gehen zurück in den Bestand der Station.</translation>
    </message>
</context>
<context>
    <name>ww::CensusDialog</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (jetzt)</translation>
    </message>
    <message>
        <source>Admit a patient</source>
        <translation>Patient aufnehmen</translation>
    </message>
    <message>
        <source>hospital number</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Patient id</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>%1 (%2), bed %3</source>
        <translation>%1 (%2), Bett %3</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Transfer to another bed</source>
        <translation>In ein anderes Bett verlegen</translation>
    </message>
    <message>
        <source>To bed</source>
        <translation>In Bett</translation>
    </message>
    <message>
        <source>Wristband and monitor</source>
        <translation>Armband und Monitor</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>Armband</translation>
    </message>
    <message>
        <source>Vitals monitor</source>
        <translation>Vitalmonitor</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Verlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>No bed is vacant.</source>
        <translation>Kein Bett ist frei.</translation>
    </message>
</context>
<context>
    <name>ww::ClimateChart</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>Relative Luftfeuchte</translation>
    </message>
    <message>
        <source>CO₂</source>
        <translation>CO₂</translation>
    </message>
    <message>
        <source>PM2.5</source>
        <translation>PM2,5</translation>
    </message>
    <message>
        <source>TVOC</source>
        <translation>TVOC</translation>
    </message>
    <message>
        <source>Pressure difference</source>
        <translation>Druckdifferenz</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>Außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>Min–max</source>
        <translation>Min–Max</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielbereich</translation>
    </message>
    <message>
        <source>Door opened</source>
        <translation>Tür geöffnet</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>Mean per minute</source>
        <translation>Mittel je Minute</translation>
    </message>
    <message>
        <source>Mean per hour</source>
        <translation>Mittel je Stunde</translation>
    </message>
    <message>
        <source>%1  mean %2 %5 (min %3, max %4, %6 readings)</source>
        <translation>%1  Mittel %2 %5 (min %3, max %4, %6 Messwerte)</translation>
    </message>
</context>
<context>
    <name>ww::ClimateHeatMap</name>
    <message>
        <source>%1 (no data)</source>
        <translation>%1 (keine Daten)</translation>
    </message>
    <message>
        <source>%1 (%2 % in range)</source>
        <translation>%1 (%2 % im Bereich)</translation>
    </message>
</context>
<context>
    <name>ww::ClimateReportDialog</name>
    <message>
        <source>Room climate compliance</source>
        <translation>Raumklima-Konformität</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
    <message>
        <source>Save the climate report as PDF</source>
        <translation>Klimabericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Save the climate report as CSV</source>
        <translation>Klimabericht als CSV speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n Raum</numerusform>
            <numerusform>%n Räume</numerusform>
        </translation>
    </message>
    <message>
        <source>The climate record cannot be read: %1</source>
        <translation>Das Klimaprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s); who acknowledged is unknown: the alarm log cannot be read (%1)</source>
        <translation>
            <numerusform>%n Raum; wer quittiert hat, ist unbekannt: das Alarmprotokoll kann nicht gelesen werden (%1)</numerusform>
            <numerusform>%n Räume; wer quittiert hat, ist unbekannt: das Alarmprotokoll kann nicht gelesen werden (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledgements unavailable: the alarm log cannot be read (%1)</source>
        <translation>Quittierungen nicht verfügbar: Das Alarmprotokoll kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>Reviewed by: ______________________   Signature: ______________   Date: __________</source>
        <translation>Geprüft von: ______________________   Unterschrift: ______________   Datum: __________</translation>
    </message>
</context>
<context>
    <name>ww::ClimateReviewDialog</name>
    <message>
        <source>Room climate review</source>
        <translation>Raumklima-Auswertung</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>One room</source>
        <translation>Ein Raum</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>A floor&apos;s rooms, hour by hour: grey no data, green in range, amber a brief excursion, red out of range</source>
        <translation>Die Räume einer Etage, Stunde für Stunde: grau keine Daten, grün im Bereich, gelb kurze Abweichung, rot außerhalb</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Etage</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>No room with a climate sensor.</source>
        <translation>Kein Raum mit Klimasensor.</translation>
    </message>
    <message>
        <source>The range ends before it begins.</source>
        <translation>Der Zeitraum endet vor seinem Beginn.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The climate record cannot be read: %1</source>
        <translation>Das Klimaprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>readings</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>per-minute aggregates</source>
        <translation>Minutenwerte</translation>
    </message>
    <message>
        <source>per-hour aggregates</source>
        <translation>Stundenwerte</translation>
    </message>
    <message>
        <source>No readings in this period.</source>
        <translation>Keine Messwerte in diesem Zeitraum.</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) (%1); %2 span(s) out of range</source>
        <translation>
            <numerusform>%n Punkt (%1); %2 Abschnitt(e) außerhalb des Bereichs</numerusform>
            <numerusform>%n Punkte (%1); %2 Abschnitt(e) außerhalb des Bereichs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rooms; %2 room-hours out of range. Click a cell to see that room&apos;s day.</source>
        <translation>%1 Räume; %2 Raumstunden außerhalb des Bereichs. Eine Zelle anklicken, um den Tag dieses Raums zu sehen.</translation>
    </message>
    <message>
        <source>Compliance report…</source>
        <translation>Konformitätsbericht…</translation>
    </message>
    <message>
        <source>The room&apos;s time in range per quantity and its excursions over the chart&apos;s period, to save as PDF or CSV</source>
        <translation>Zeit im Bereich je Größe und Abweichungen des Raums im Zeitraum des Diagramms, als PDF oder CSV zu speichern</translation>
    </message>
    <message>
        <source>Floor report…</source>
        <translation>Etagenbericht…</translation>
    </message>
</context>
<context>
    <name>ww::ColdChainReportDialog</name>
    <message>
        <source>Cold-chain record: %1</source>
        <translation>Kühlketten-Protokoll: %1</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>Als JSON speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Save the record as PDF</source>
        <translation>Protokoll als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Save the record as JSON</source>
        <translation>Protokoll als JSON speichern</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The record could not be read: %1</source>
        <translation>Das Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Within range, no gaps</source>
        <translation>Im Bereich, keine Lücken</translation>
    </message>
    <message>
        <source>Not compliant: see the record</source>
        <translation>Nicht konform: siehe Protokoll</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ww::CommentDialog</name>
    <message>
        <source>Acknowledge alarm</source>
        <translation>Alarm quittieren</translation>
    </message>
    <message>
        <source>Pause audio</source>
        <translation>Ton pausieren</translation>
    </message>
    <message>
        <source>A high-priority alarm is sounding: say why its audio may pause (required).</source>
        <translation>Ein Alarm hoher Priorität ertönt: Bitte angeben, warum der Ton pausieren darf (Pflichtangabe).</translation>
    </message>
    <message>
        <source>Comment (optional), shown with the alarm and in the history:</source>
        <translation>Kommentar (optional), wird beim Alarm und im Verlauf angezeigt:</translation>
    </message>
    <message>
        <source>e.g. with the patient, sensor reattached</source>
        <translation>z. B. beim Patienten, Sensor neu angelegt</translation>
    </message>
    <message>
        <source>e.g. at the bedside, alarm being handled</source>
        <translation>z. B. am Bett, Alarm wird bearbeitet</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
</context>
<context>
    <name>ww::Condition</name>
    <message>
        <source>%1 %2 &lt; %3</source>
        <translation>%1 %2 &lt; %3</translation>
    </message>
    <message>
        <source>%1 %2 &gt; %3</source>
        <translation>%1 %2 &gt; %3</translation>
    </message>
    <message>
        <source>NEWS2 single parameter 3 (total %1)</source>
        <translation>NEWS2 Einzelparameter 3 (gesamt %1)</translation>
    </message>
    <message>
        <source>NEWS2 single parameter 3 (total %1) (partial: no %2)</source>
        <translation>NEWS2 Einzelparameter 3 (gesamt %1) (unvollständig: ohne %2)</translation>
    </message>
    <message>
        <source>NEWS2 %1 ≥ %2</source>
        <translation>NEWS2 %1 ≥ %2</translation>
    </message>
    <message>
        <source>NEWS2 %1 ≥ %2 (partial: no %3)</source>
        <translation>NEWS2 %1 ≥ %2 (unvollständig: ohne %3)</translation>
    </message>
    <message>
        <source>Door open %1 s &gt; %2 s</source>
        <translation>Tür offen %1 s &gt; %2 s</translation>
    </message>
    <message>
        <source>Patient near exit: %1</source>
        <translation>Patient am Ausgang: %1</translation>
    </message>
    <message>
        <source>Patient in restricted area: %1</source>
        <translation>Patient in gesperrtem Bereich: %1</translation>
    </message>
    <message>
        <source>Asset leaving the ward: %1</source>
        <translation>Gerät verlässt die Station: %1</translation>
    </message>
    <message>
        <source>%1 offline</source>
        <translation>%1 offline</translation>
    </message>
    <message>
        <source>%1 silent &gt; %2 s</source>
        <translation>%1 stumm &gt; %2 s</translation>
    </message>
    <message>
        <source>Battery %1 % &lt; %2 %</source>
        <translation>Batterie %1 % &lt; %2 %</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 from %2 (late: sent %3)</source>
        <translation>%1 von %2 (verspätet: gesendet %3)</translation>
    </message>
    <message>
        <source>%1 available: %2 (critical %3, target %4)</source>
        <translation>%1 verfügbar: %2 (kritisch %3, Soll %4)</translation>
    </message>
    <message>
        <source>Census: %1 is no longer in bed %2: station %3 put %4 (%5) there</source>
        <translation>Belegung: %1 ist nicht mehr in Bett %2: Station %3 hat %4 (%5) dort aufgenommen</translation>
    </message>
    <message>
        <source>Broker connection lost (%1)</source>
        <translation>Verbindung zum Broker verloren (%1)</translation>
    </message>
    <message>
        <source>No audio output: alarms are visual only at this station</source>
        <translation>Keine Tonausgabe: Alarme an dieser Station nur optisch</translation>
    </message>
    <message>
        <source>No other station online</source>
        <translation>Keine andere Station online</translation>
    </message>
    <message>
        <source>Station screen not responding for %1 s</source>
        <translation>Bildschirm der Station reagiert seit %1 s nicht</translation>
    </message>
    <message>
        <source>Alarm log write failed: %1</source>
        <translation>Alarmprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Fridge record write failed: %1</source>
        <translation>Kühlschrank-Protokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Census record write failed: %1</source>
        <translation>Belegungsprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Census record unreadable: %1</source>
        <translation>Belegungsprotokoll nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Stations with a different site configuration: %1</source>
        <translation>Stationen mit anderer Standortkonfiguration: %1</translation>
    </message>
    <message>
        <source>No positioning engine online: locations are not updated</source>
        <translation>Kein Ortungsdienst erreichbar: Standorte werden nicht aktualisiert</translation>
    </message>
    <message>
        <source>Fridge %1 °C &lt; %2 °C</source>
        <translation>Kühlschrank %1 °C &lt; %2 °C</translation>
    </message>
    <message>
        <source>Fridge %1 °C &gt; %2 °C</source>
        <translation>Kühlschrank %1 °C &gt; %2 °C</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>Alarm log file: %1</source>
        <translation>Datei des Alarmprotokolls: %1</translation>
    </message>
    <message>
        <source>Refused %1 from %2: %3</source>
        <translation>Abgewiesen: %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 events from %2 never arrived (sequence %3): check on its wearer</source>
        <translation>%1 Ereignisse von %2 sind nie angekommen (Folge %3): Träger überprüfen</translation>
    </message>
    <message>
        <source>%1 unstable: lost %2 times in %3 min</source>
        <translation>%1 instabil: %2-mal verloren in %3 min</translation>
    </message>
    <message>
        <source>%1 clock %2 min behind (shown at arrival time)</source>
        <translation>Uhr von %1 geht %2 min nach (mit Ankunftszeit angezeigt)</translation>
    </message>
    <message>
        <source>%1 clock %2 min ahead (shown at arrival time)</source>
        <translation>Uhr von %1 geht %2 min vor (mit Ankunftszeit angezeigt)</translation>
    </message>
    <message>
        <source>Out of bed %1</source>
        <translation>Bett %1 verlassen</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Fällig: %1</translation>
    </message>
    <message>
        <source>Out of bed %1 (fall risk)</source>
        <translation>Bett %1 verlassen (Sturzrisiko)</translation>
    </message>
    <message>
        <source>Pressure difference %1 Pa (must be %2 %3 Pa)</source>
        <translation>Druckdifferenz %1 Pa (erforderlich %2 %3 Pa)</translation>
    </message>
    <message>
        <source>Pressure difference %1 Pa (must be %2 %3 Pa), patient in the room: %4</source>
        <translation>Druckdifferenz %1 Pa (erforderlich %2 %3 Pa), Patient im Raum: %4</translation>
    </message>
    <message>
        <source>Room climate record write failed: %1</source>
        <translation>Raumklima-Protokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>%1 (bed %2)</source>
        <translation>%1 (Bett %2)</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <source>unlisted sender</source>
        <translation>nicht eingetragener Absender</translation>
    </message>
    <message>
        <source>unknown sender</source>
        <translation>unbekannter Absender</translation>
    </message>
    <message>
        <source>clean utility rooms</source>
        <translation>reine Arbeitsräume</translation>
    </message>
    <message>
        <source>no answer for %1 s</source>
        <translation>keine Antwort seit %1 s</translation>
    </message>
    <message>
        <source>%1 (%2 refused this minute)</source>
        <translation>%1 (%2 in dieser Minute abgewiesen)</translation>
    </message>
    <message>
        <source>acknowledged by &apos;%1&apos;, who is not on the staff list</source>
        <translation>quittiert von „%1“, nicht in der Personalliste</translation>
    </message>
    <message>
        <source>no staff member named</source>
        <translation>kein Mitarbeiter angegeben</translation>
    </message>
    <message>
        <source>made by &apos;%1&apos;, who is not on the staff list</source>
        <translation>gemacht von „%1“, nicht in der Personalliste</translation>
    </message>
    <message>
        <source>assigns &apos;%1&apos;, who is not on the staff list</source>
        <translation>weist „%1“ zu, nicht in der Personalliste</translation>
    </message>
    <message>
        <source>role &apos;%1&apos; given by &apos;%2&apos; to &apos;%3&apos;: not both on the staff list</source>
        <translation>Rolle „%1“ von „%2“ an „%3“ vergeben: nicht beide in der Personalliste</translation>
    </message>
    <message>
        <source>signed by &apos;%1&apos; but made in the name of &apos;%2&apos;</source>
        <translation>signiert von „%1“, aber im Namen von „%2“</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>nicht signiert</translation>
    </message>
    <message>
        <source>not a valid signed envelope</source>
        <translation>kein gültiger signierter Umschlag</translation>
    </message>
    <message>
        <source>signed without a signer id</source>
        <translation>signiert ohne Kennung des Unterzeichners</translation>
    </message>
    <message>
        <source>signature of %1 bytes, not %2</source>
        <translation>Signatur mit %1 Bytes statt %2</translation>
    </message>
    <message>
        <source>signature of &apos;%1&apos; does not verify (changed, or made with another key)</source>
        <translation>Signatur von „%1“ ist ungültig (verändert oder mit einem anderen Schlüssel erstellt)</translation>
    </message>
    <message>
        <source>counter %1 of &apos;%2&apos; not above %3 already seen</source>
        <translation>Zähler %1 von „%2“ nicht größer als der bereits gesehene %3</translation>
    </message>
    <message>
        <source>no NEWS2 score yet: first observations</source>
        <translation>noch kein NEWS2-Score: erste Beobachtungen</translation>
    </message>
    <message>
        <source>no NEWS2 score yet: observations %1</source>
        <translation>noch kein NEWS2-Score: Beobachtungen %1</translation>
    </message>
    <message>
        <source>NEWS2 %1 (a 3 in one parameter): observations %2</source>
        <translation>NEWS2 %1 (eine 3 in einem Parameter): Beobachtungen %2</translation>
    </message>
    <message>
        <source>NEWS2 %1: observations %2</source>
        <translation>NEWS2 %1: Beobachtungen %2</translation>
    </message>
    <message>
        <source>hourly</source>
        <translation>stündlich</translation>
    </message>
    <message>
        <source>%1-hourly</source>
        <translation>%1-stündlich</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>alle %1 min</translation>
    </message>
    <message>
        <source>medication round %1</source>
        <translation>Medikamentenrunde %1</translation>
    </message>
    <message>
        <source>reposition every %1 min</source>
        <translation>Umlagern alle %1 min</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>AF</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>SBP</source>
        <translation>RRsys</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>temp</source>
        <translation>Temp</translation>
    </message>
    <message>
        <source>ACVPU/O2</source>
        <translation>ACVPU/O2</translation>
    </message>
    <message>
        <source>Fridge %1 &lt; %2</source>
        <translation>Kühlschrank %1 &lt; %2</translation>
    </message>
    <message>
        <source>Fridge %1 &gt; %2</source>
        <translation>Kühlschrank %1 &gt; %2</translation>
    </message>
</context>
<context>
    <name>ww::DeviceEventKind</name>
    <message>
        <source>button-long</source>
        <translation>langer Tastendruck</translation>
    </message>
    <message>
        <source>fall</source>
        <translation>Sturz</translation>
    </message>
    <message>
        <source>sos-start</source>
        <translation>SOS</translation>
    </message>
    <message>
        <source>removed-from-body</source>
        <translation>vom Körper entfernt</translation>
    </message>
    <message>
        <source>man-down</source>
        <translation>Person am Boden</translation>
    </message>
    <message>
        <source>panic</source>
        <translation>Notruf</translation>
    </message>
    <message>
        <source>abnormal-inactivity</source>
        <translation>ungewöhnliche Inaktivität</translation>
    </message>
</context>
<context>
    <name>ww::DeviceKind</name>
    <message>
        <source>gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>wristband</source>
        <translation>Armband</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>Mitarbeiterausweis</translation>
    </message>
    <message>
        <source>assetTag</source>
        <translation>Geräte-Tag</translation>
    </message>
    <message>
        <source>vitalsMonitor</source>
        <translation>Vitalmonitor</translation>
    </message>
    <message>
        <source>climate</source>
        <translation>Klimasensor</translation>
    </message>
    <message>
        <source>fridge</source>
        <translation>Kühlschrank</translation>
    </message>
    <message>
        <source>door</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>referenceBeacon</source>
        <translation>Referenz-Beacon</translation>
    </message>
</context>
<context>
    <name>ww::DeviceModel</name>
    <message>
        <source>offline (reported)</source>
        <translation>offline (gemeldet)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Gehört zu</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
    <message>
        <source>in stock (on nobody)</source>
        <translation>im Bestand (an niemandem)</translation>
    </message>
</context>
<context>
    <name>ww::EnvironmentChartView</name>
    <message>
        <source>Compliance report…</source>
        <translation>Konformitätsbericht…</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Temperature: select a room or fridge</source>
        <translation>Temperatur: Raum oder Kühlschrank auswählen</translation>
    </message>
    <message>
        <source>%1 readings in the station&apos;s record</source>
        <translation>%1 Messwerte im Protokoll der Station</translation>
    </message>
    <message>
        <source>the record could not be read: %1</source>
        <translation>das Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 readings held on this station</source>
        <translation>%1 Messwerte auf dieser Station</translation>
    </message>
    <message>
        <source>Temperature: %1, %2</source>
        <translation>Temperatur: %1, %2</translation>
    </message>
    <message>
        <source>Climate review…</source>
        <translation>Klima-Auswertung…</translation>
    </message>
    <message>
        <source>Setpoint…</source>
        <translation>Sollwert…</translation>
    </message>
    <message>
        <source>Change the room&apos;s temperature, humidity or ventilation at the building-management system</source>
        <translation>Temperatur, Feuchte oder Lüftung des Raums an der Gebäudeleittechnik ändern</translation>
    </message>
    <message>
        <source>The room&apos;s climate over days and months, and which rooms of its floor were out of range</source>
        <translation>Das Klima des Raums über Tage und Monate, und welche Räume seiner Etage außerhalb des Bereichs waren</translation>
    </message>
</context>
<context>
    <name>ww::EnvironmentModel</name>
    <message>
        <source>drug fridge</source>
        <translation>Medikamentenkühlschrank</translation>
    </message>
    <message>
        <source>door</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>open since %1</source>
        <translation>offen seit %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>in target</source>
        <translation>im Zielbereich</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Temperature (target)</source>
        <translation>Temperatur (Ziel)</translation>
    </message>
    <message>
        <source>RH (target)</source>
        <translation>rel. Feuchte (Ziel)</translation>
    </message>
    <message>
        <source>CO₂ (target)</source>
        <translation>CO₂ (Ziel)</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ww::ExplainPositionWindow</name>
    <message>
        <source>Explain position: %1</source>
        <translation>Position erklären: %1</translation>
    </message>
    <message>
        <source>Why %1 (tag %2) is placed where it is</source>
        <translation>Warum %1 (Tag %2) dort angezeigt wird</translation>
    </message>
    <message>
        <source>Gateways at this fix</source>
        <translation>Gateways bei dieser Ortung</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>In room</source>
        <translation>Im Raum</translation>
    </message>
    <message>
        <source>Heard (dBm)</source>
        <translation>Empfangen (dBm)</translation>
    </message>
    <message>
        <source>Expected at the fix (dBm)</source>
        <translation>Erwartet am Ort (dBm)</translation>
    </message>
    <message>
        <source>Difference (dB)</source>
        <translation>Differenz (dB)</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Rooms weighed at this fix</source>
        <translation>Bei dieser Ortung abgewogene Räume</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Evidence (nats)</source>
        <translation>Evidenz (nats)</translation>
    </message>
    <message>
        <source>Belief</source>
        <translation>Überzeugung</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Angezeigt</translation>
    </message>
    <message>
        <source>Room decisions and their reasons</source>
        <translation>Raumentscheidungen und ihre Gründe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Rooms the plan showed in the last %1 minutes</source>
        <translation>Räume, die der Plan in den letzten %1 Minuten zeigte</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Etage</translation>
    </message>
    <message>
        <source>Accuracy (m)</source>
        <translation>Genauigkeit (m)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>The plan shows this tag as the positioning engines locate it, and none is online now.</source>
        <translation>Der Plan zeigt dieses Tag so, wie die Ortungs-Engines es orten, und derzeit ist keine online.</translation>
    </message>
    <message>
        <source>The plan shows this tag as positioning engine %1 locates it.</source>
        <translation>Der Plan zeigt dieses Tag so, wie die Ortungs-Engine %1 es ortet.</translation>
    </message>
    <message>
        <source>%1 is not a tag of this site.</source>
        <translation>%1 ist kein Tag dieses Standorts.</translation>
    </message>
    <message>
        <source>No fix yet: this station has not heard tag %1 since it started, so there is nothing to explain.</source>
        <translation>Noch keine Ortung: Diese Station hat Tag %1 seit ihrem Start nicht empfangen, es gibt nichts zu erklären.</translation>
    </message>
    <message>
        <source>Waiting for the tag&apos;s next fix (last heard at %1): the station&apos;s engine explains this tag from now on.</source>
        <translation>Warte auf die nächste Ortung des Tags (zuletzt empfangen um %1): Die Engine der Station erklärt dieses Tag ab jetzt.</translation>
    </message>
    <message>
        <source>Below is this station&apos;s own view from the same adverts; the plan does not show it.</source>
        <translation>Unten steht die eigene Sicht dieser Station aus denselben Advertisements; der Plan zeigt sie nicht.</translation>
    </message>
    <message>
        <source>The station&apos;s engine at the tag&apos;s latest fix.</source>
        <translation>Die Engine der Station bei der letzten Ortung des Tags.</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>Um %1: %2</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>angezeigt</translation>
    </message>
    <message>
        <source>No room decision since this tag&apos;s explanation began at %1.</source>
        <translation>Keine Raumentscheidung, seit die Erklärung dieses Tags um %1 begann.</translation>
    </message>
    <message>
        <source>The engine records its room decisions since this tag&apos;s explanation began at %1.</source>
        <translation>Die Engine zeichnet ihre Raumentscheidungen auf, seit die Erklärung dieses Tags um %1 begann.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ww::ExplanationText</name>
    <message>
        <source>moving</source>
        <translation>in Bewegung</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>zur Ruhe gekommen</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>nicht zur Ruhe gekommen</translation>
    </message>
    <message>
        <source>, still for %1 s</source>
        <translation>, seit %1 s still</translation>
    </message>
    <message>
        <source> (motion %1 dB; moving above %2, settling below %3)</source>
        <translation> (Bewegung %1 dB; in Bewegung über %2, zur Ruhe unter %3)</translation>
    </message>
    <message>
        <source>positioned from its levels since it came to rest</source>
        <translation>geortet aus seinen Pegeln seit dem Stillstand</translation>
    </message>
    <message>
        <source>positioned from its window</source>
        <translation>geortet aus seinem Fenster</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>x %1, y %2, floor %3, room %4, accuracy %5 m from %6 gateways</source>
        <translation>x %1, y %2, Etage %3, Raum %4, Genauigkeit %5 m aus %6 Gateways</translation>
    </message>
    <message>
        <source>%1 preferred for %2 s, not taken yet (dwell)</source>
        <translation>%1 seit %2 s bevorzugt, noch nicht übernommen (Verweilzeit)</translation>
    </message>
</context>
<context>
    <name>ww::FloorPlanScene</name>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Gateways and reference beacons</source>
        <translation>Gateways und Referenz-Beacons</translation>
    </message>
    <message>
        <source>Geofences</source>
        <translation>Geofences</translation>
    </message>
    <message>
        <source>Accuracy circles</source>
        <translation>Genauigkeitskreise</translation>
    </message>
    <message>
        <source>Room climate</source>
        <translation>Raumklima</translation>
    </message>
    <message>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <source>Exit zone: %1</source>
        <translation>Ausgangszone: %1</translation>
    </message>
    <message>
        <source>Restricted zone: %1</source>
        <translation>Sperrzone: %1</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <source>silent since %1</source>
        <translation>still seit %1</translation>
    </message>
    <message>
        <source>heard %1</source>
        <translation>gehört %1</translation>
    </message>
    <message>
        <source>never heard</source>
        <translation>nie gehört</translation>
    </message>
    <message>
        <source>Gateway %1: %2</source>
        <translation>Gateway %1: %2</translation>
    </message>
    <message>
        <source>Reference beacon %1: %2</source>
        <translation>Referenz-Beacon %1: %2</translation>
    </message>
    <message>
        <source>%1 (patient, %2)</source>
        <translation>%1 (Patient, %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Bed %1 (%2)</source>
        <translation>Bett %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (room %2)</source>
        <translation>%1 (Raum %2)</translation>
    </message>
    <message>
        <source>%1 · seen %2</source>
        <translation>%1 · gesehen %2</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>kein Raum</translation>
    </message>
    <message>
        <source>%1 — last seen %2 in %3, ±%4 m</source>
        <translation>%1 — zuletzt gesehen %2 in %3, ±%4 m</translation>
    </message>
    <message>
        <source>%1 — %2, ±%3 m</source>
        <translation>%1 — %2, ±%3 m</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ww::FloorPlanView</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>Alle Etagen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the floor to the view</source>
        <translation>Etage in die Ansicht einpassen</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <source>Nearest available</source>
        <translation>Nächstes verfügbares</translation>
    </message>
    <message>
        <source>No alarm with a room: right-click a room on the plan instead.</source>
        <translation>Kein Alarm mit Raum: stattdessen einen Raum im Plan rechts anklicken.</translation>
    </message>
    <message>
        <source>Look back:</source>
        <translation>Rückblick:</translation>
    </message>
    <message>
        <source>Drag to see where everyone was in the last hour</source>
        <translation>Ziehen, um zu sehen, wo alle in der letzten Stunde waren</translation>
    </message>
    <message>
        <source>Replay from the chosen time</source>
        <translation>Ab dem gewählten Zeitpunkt abspielen</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Nearest available to %1</source>
        <translation>Nächstes verfügbares zu %1</translation>
    </message>
    <message>
        <source>Alarm details…</source>
        <translation>Alarmdetails…</translation>
    </message>
    <message>
        <source>Nearest available %1: %2 in %3, %4 m</source>
        <translation>Nächstes verfügbares %1: %2 in %3, %4 m</translation>
    </message>
    <message>
        <source>No available %1 located</source>
        <translation>Kein verfügbares %1 geortet</translation>
    </message>
    <message numerus="yes">
        <source>Live (%n alarm(s))</source>
        <translation>
            <numerusform>Live (%n Alarm)</numerusform>
            <numerusform>Live (%n Alarme)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 high, %3 medium, %4 low priority alarms open</source>
        <translation>%1: %2 hohe, %3 mittlere, %4 niedrige Alarme offen</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>%1: no position known</source>
        <translation>%1: keine Position bekannt</translation>
    </message>
    <message>
        <source>Looking back: %1</source>
        <translation>Rückblick: %1</translation>
    </message>
    <message>
        <source>Alarm: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>Am nächsten</translation>
    </message>
    <message>
        <source>Find nearest available</source>
        <translation>Nächstes verfügbares suchen</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Sign in to acknowledge</source>
        <translation>Zum Quittieren anmelden</translation>
    </message>
    <message>
        <source>Acknowledge as %1</source>
        <translation>Quittieren als %1</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Verkleinern (Strg+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>optional: shown with the alarm and in the history</source>
        <translation>optional: wird beim Alarm und im Verlauf angezeigt</translation>
    </message>
    <message>
        <source>Find patient, staff, asset, bed, room</source>
        <translation>Patient, Personal, Gerät, Bett, Raum suchen</translation>
    </message>
    <message>
        <source>Find on the floor plan</source>
        <translation>Im Grundriss suchen</translation>
    </message>
    <message>
        <source>A patient, staff member, asset, bed or room by name, id or tag; Enter shows it on the plan</source>
        <translation>Patient, Mitarbeiter, Gerät, Bett oder Raum nach Name, ID oder Tag; Enter zeigt den Treffer im Plan</translation>
    </message>
    <message>
        <source>Acknowledge this alarm</source>
        <translation>Diesen Alarm quittieren</translation>
    </message>
    <message>
        <source>Explain position of %1…</source>
        <translation>Position von %1 erklären…</translation>
    </message>
    <message>
        <source>Explain position</source>
        <translation>Position erklären</translation>
    </message>
</context>
<context>
    <name>ww::HistoryView</name>
    <message>
        <source>all priorities</source>
        <translation>alle Prioritäten</translation>
    </message>
    <message>
        <source>medium and high</source>
        <translation>mittel und hoch</translation>
    </message>
    <message>
        <source>high only</source>
        <translation>nur hoch</translation>
    </message>
    <message>
        <source>patient, room, condition, operator…</source>
        <translation>Patient, Raum, Zustand, Bedienperson…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Export alarm history</source>
        <translation>Alarmverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Who / what</source>
        <translation>Wer / was</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bedienperson</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2</source>
        <translation>%1 Einträge nach %2 exportiert</translation>
    </message>
    <message>
        <source>comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <source>%1; comment: %2</source>
        <translation>%1; Kommentar: %2</translation>
    </message>
</context>
<context>
    <name>ww::Language</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>ww::MainWindow</name>
    <message>
        <source>WardWatch – %1</source>
        <translation>WardWatch – %1</translation>
    </message>
    <message>
        <source>Census</source>
        <translation>Belegung</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Sensoren</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>Broker: %1</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>– msg/s</source>
        <translation>– Nachr./s</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>abgewiesen: %1</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>NEWS2 inputs and alarm limits…</source>
        <translation>NEWS2-Eingaben und Alarmgrenzen…</translation>
    </message>
    <message>
        <source>Floor plan</source>
        <translation>Grundriss</translation>
    </message>
    <message>
        <source>%1: %2 available (target %3, critical %4)</source>
        <translation>%1: %2 verfügbar (Soll %3, kritisch %4)</translation>
    </message>
    <message>
        <source>PAR levels now: %1</source>
        <translation>Mindestbestände jetzt: %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About WardWatch</source>
        <translation>Ü&amp;ber WardWatch</translation>
    </message>
    <message>
        <source>About WardWatch</source>
        <translation>Über WardWatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WardWatch %1&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Intended use.&lt;/b&gt; WardWatch is a secondary alarm-notification and situational-awareness system for a hospital ward. It never replaces the alarms of bedside monitors or of any other medical device.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WardWatch %1&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Zweckbestimmung.&lt;/b&gt; WardWatch ist ein sekundäres Alarmbenachrichtigungs- und Lageübersichtssystem für eine Krankenhausstation. Es ersetzt nie die Alarme der Patientenmonitore am Bett oder anderer Medizinprodukte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Site: %1 (%2), configuration %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Standort: %1 (%2), Konfiguration %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1. The demo replays vital signs from the PhysioNet/Computing in Cardiology Challenge 2012 (Open Data Commons Attribution 1.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erstellt mit Qt %1. Die Demo spielt Vitalwerte aus der PhysioNet/Computing in Cardiology Challenge 2012 ab (Open Data Commons Attribution 1.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>WardWatch user guide</source>
        <translation>WardWatch-Benutzerhandbuch (englisch)</translation>
    </message>
    <message>
        <source>Locations: no positioning engine online</source>
        <translation>Standorte: kein Ortungsdienst erreichbar</translation>
    </message>
    <message>
        <source>Locations: engines %1</source>
        <translation>Standorte: Ortungsdienste %1</translation>
    </message>
    <message>
        <source>CLEAR TEXT to %1 (no TLS)</source>
        <translation>KLARTEXT zu %1 (kein TLS)</translation>
    </message>
    <message>
        <source>The site file allows this station to reach the broker without TLS (network.allowClearText): passwords and acknowledgements cross the network unencrypted.</source>
        <translation>Die Standortdatei erlaubt dieser Station, den Broker ohne TLS zu erreichen (network.allowClearText): Passwörter und Quittierungen gehen unverschlüsselt über das Netz.</translation>
    </message>
    <message>
        <source>UNSIGNED STATE ACCEPTED</source>
        <translation>UNSIGNIERTE ZUSTÄNDE ANGENOMMEN</translation>
    </message>
    <message>
        <source>The site file takes alarm state and census changes without a station&apos;s signature (signing.acceptUnsigned): any client of the broker could acknowledge an alarm. List the stations&apos; keys in signing.keys and remove acceptUnsigned.</source>
        <translation>Die Standortdatei nimmt Alarmzustände und Belegungsänderungen ohne Signatur einer Station an (signing.acceptUnsigned): Jeder Client des Brokers könnte einen Alarm quittieren. Tragen Sie die Schlüssel der Stationen in signing.keys ein und entfernen Sie acceptUnsigned.</translation>
    </message>
    <message>
        <source>Patient view…</source>
        <translation>Patientenansicht…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Alarms</source>
        <translation>A&amp;larme</translation>
    </message>
    <message>
        <source>Acknowledge the top alarm</source>
        <translation>Obersten Alarm quittieren</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm</source>
        <translation>Ausgewählten Alarm quittieren</translation>
    </message>
    <message>
        <source>Pause alarm audio</source>
        <translation>Alarmton pausieren</translation>
    </message>
    <message>
        <source>Find on the floor plan</source>
        <translation>Im Grundriss suchen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Operating WardWatch</source>
        <translation>Betrieb von WardWatch</translation>
    </message>
    <message>
        <source>%1 is missing from this build.</source>
        <translation>%1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;WardWatch is not set up yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;WardWatch ist noch nicht eingerichtet&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No broker is configured for this station, so there is nothing to show: the ward&apos;s tables stay empty until WardWatch knows where its broker is.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open the settings&lt;/b&gt; and fill in the broker&apos;s host and port, its TLS files and the user name and password the ward&apos;s IT team gave you, the site file of the ward and this station&apos;s id; then start WardWatch again.&lt;/p&gt;&lt;p&gt;Or start it with the connection on the command line, for example&lt;br&gt;&lt;code&gt;wardwatch --host broker.ward.example --tls --site /etc/wardwatch/site.json --station-id nurse-1&lt;/code&gt;&lt;/p&gt;&lt;p&gt;How a ward is set up (broker, site file, signing keys): &lt;a href=&quot;operations&quot;&gt;docs/operations.md&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Für diese Station ist kein Broker eingerichtet, daher gibt es nichts anzuzeigen: Die Tabellen der Station bleiben leer, bis WardWatch weiß, wo sein Broker ist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Öffnen Sie die Einstellungen&lt;/b&gt; und tragen Sie Host und Port des Brokers, seine TLS-Dateien, den Benutzernamen und das Passwort, die Sie vom IT-Team der Station erhalten haben, die Standortdatei der Station und die Kennung dieser Station ein; starten Sie WardWatch dann neu.&lt;/p&gt;&lt;p&gt;Oder starten Sie es mit der Verbindung auf der Kommandozeile, zum Beispiel&lt;br&gt;&lt;code&gt;wardwatch --host broker.ward.example --tls --site /etc/wardwatch/site.json --station-id nurse-1&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Wie eine Station eingerichtet wird (Broker, Standortdatei, Signaturschlüssel): &lt;a href=&quot;operations&quot;&gt;docs/operations.md&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Show the ward anyway</source>
        <translation>Station trotzdem anzeigen</translation>
    </message>
    <message>
        <source>Settings saved: start WardWatch again to connect with them.</source>
        <translation>Einstellungen gespeichert: WardWatch neu starten, um mit ihnen zu verbinden.</translation>
    </message>
</context>
<context>
    <name>ww::MqttClient</name>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>disconnected by request</source>
        <translation>auf Anforderung getrennt</translation>
    </message>
    <message>
        <source>TLS set-up failed (%1): %2; not connecting</source>
        <translation>TLS-Einrichtung fehlgeschlagen (%1): %2; keine Verbindung</translation>
    </message>
</context>
<context>
    <name>ww::PatientAlarmDialog</name>
    <message>
        <source>On oxygen</source>
        <translation>Unter Sauerstoff</translation>
    </message>
    <message>
        <source>SpO₂ scale 2 (confirmed hypercapnic respiratory failure)</source>
        <translation>SpO₂-Skala 2 (gesicherte hyperkapnische respiratorische Insuffizienz)</translation>
    </message>
    <message>
        <source>%1: NEWS2 inputs and alarm limits</source>
        <translation>%1: NEWS2-Eingaben und Alarmgrenzen</translation>
    </message>
    <message>
        <source>NEWS2 observations (recorded with your name)</source>
        <translation>NEWS2-Beobachtungen (mit Ihrem Namen gespeichert)</translation>
    </message>
    <message>
        <source>A – alert</source>
        <translation>A – wach</translation>
    </message>
    <message>
        <source>C – new confusion</source>
        <translation>C – neue Verwirrtheit</translation>
    </message>
    <message>
        <source>V – responds to voice</source>
        <translation>V – reagiert auf Ansprache</translation>
    </message>
    <message>
        <source>P – responds to pain</source>
        <translation>P – reagiert auf Schmerz</translation>
    </message>
    <message>
        <source>U – unresponsive</source>
        <translation>U – reaktionslos</translation>
    </message>
    <message>
        <source>Consciousness</source>
        <translation>Bewusstsein</translation>
    </message>
    <message>
        <source>Alarm limits for this patient (blank: no limit)</source>
        <translation>Alarmgrenzen für diesen Patienten (leer: keine Grenze)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>below</source>
        <translation>unter</translation>
    </message>
    <message>
        <source>above</source>
        <translation>über</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Herzfrequenz</translation>
    </message>
    <message>
        <source>Pulse rate</source>
        <translation>Pulsfrequenz</translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation>SpO₂</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Atemfrequenz</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>Systolischer Blutdruck</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>Diastolischer Blutdruck</translation>
    </message>
    <message>
        <source>Mean BP</source>
        <translation>Mittlerer Blutdruck</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
</context>
<context>
    <name>ww::PatientModel</name>
    <message>
        <source>No signal from %1 since %2; last HR %3</source>
        <translation>Kein Signal von %1 seit %2; letzte HF %3</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation>HF /min</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>AF /min</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>RR mmHg</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Vitals at</source>
        <translation>Vitalwerte um</translation>
    </message>
    <message>
        <source>Partial score (a lower bound): </source>
        <translation>Teilwert (eine Untergrenze): </translation>
    </message>
    <message>
        <source>NEWS2: </source>
        <translation>NEWS2: </translation>
    </message>
    <message>
        <source>%1 (partial)</source>
        <translation>%1 (teilweise)</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>no wristband</source>
        <translation>kein Armband</translation>
    </message>
    <message>
        <source>%1 not heard yet</source>
        <translation>%1 noch nicht empfangen</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Sturz</translation>
    </message>
    <message>
        <source>Elope</source>
        <translation>Weglaufen</translation>
    </message>
    <message>
        <source>Bed exit</source>
        <translation>Bettausstieg</translation>
    </message>
    <message>
        <source>Fall: at risk of falling</source>
        <translation>Sturz: sturzgefährdet</translation>
    </message>
    <message>
        <source>Elope: at risk of leaving the ward; an exit raises an alarm</source>
        <translation>Weglaufen: Weglaufgefahr; das Verlassen der Station löst einen Alarm aus</translation>
    </message>
    <message>
        <source>Bed exit: getting out of bed raises an alarm</source>
        <translation>Bettausstieg: Verlassen des Bettes löst einen Alarm aus</translation>
    </message>
    <message>
        <source>No nurse has this patient: take them (Shift menu or the patient view)</source>
        <translation>Keine Pflegekraft betreut diesen Patienten: bitte übernehmen (Menü Schicht oder Patientenansicht)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <source>Temp %1</source>
        <translation>Temp %1</translation>
    </message>
</context>
<context>
    <name>ww::PatientView</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Fall risk</source>
        <translation>Sturzrisiko</translation>
    </message>
    <message>
        <source>Elopement risk (exit alarm)</source>
        <translation>Weglaufgefahr (Ausgangsalarm)</translation>
    </message>
    <message>
        <source>Bed-exit alarm armed</source>
        <translation>Bettausstiegsalarm aktiv</translation>
    </message>
    <message>
        <source>Take patient</source>
        <translation>Patient übernehmen</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Vital signs and NEWS2</source>
        <translation>Vitalwerte und NEWS2</translation>
    </message>
    <message>
        <source>Assigned nurse</source>
        <translation>Zuständige Pflegekraft</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>Risikohinweise</translation>
    </message>
    <message>
        <source>NEWS2 inputs and alarm limits…</source>
        <translation>NEWS2-Eingaben und Alarmgrenzen…</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Sensoren</translation>
    </message>
    <message>
        <source>Open alarms</source>
        <translation>Offene Alarme</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>No reminder due.</source>
        <translation>Keine Erinnerung fällig.</translation>
    </message>
    <message>
        <source>Past alarms (24 h)</source>
        <translation>Frühere Alarme (24 h)</translation>
    </message>
    <message>
        <source>Show on plan</source>
        <translation>Im Plan zeigen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>%1: no longer in the census</source>
        <translation>%1: nicht mehr in der Belegung</translation>
    </message>
    <message>
        <source>%1 – bed %2</source>
        <translation>%1 – Bett %2</translation>
    </message>
    <message>
        <source> – NEWS2 %1%2</source>
        <translation> – NEWS2 %1%2</translation>
    </message>
    <message>
        <source> (partial)</source>
        <translation> (teilweise)</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sign in to take this patient</source>
        <translation>Zum Übernehmen anmelden</translation>
    </message>
    <message>
        <source>Take this patient as %1</source>
        <translation>Patient als %1 übernehmen</translation>
    </message>
    <message>
        <source>%1: not known to the site</source>
        <translation>%1: am Standort nicht bekannt</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>Armband</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>battery %1 %</source>
        <translation>Batterie %1 %</translation>
    </message>
    <message>
        <source>battery –</source>
        <translation>Batterie –</translation>
    </message>
    <message>
        <source> (last heard %1)</source>
        <translation> (zuletzt empfangen %1)</translation>
    </message>
    <message>
        <source>No wristband or monitor</source>
        <translation>Kein Armband oder Monitor</translation>
    </message>
    <message>
        <source>No alarm log at this station.</source>
        <translation>Kein Alarmprotokoll an dieser Station.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bedienperson</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>No wristband: no locations</source>
        <translation>Kein Armband: keine Standorte</translation>
    </message>
    <message>
        <source>No locations at this station</source>
        <translation>Keine Standorte an dieser Station</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>%1 (floor %2)</source>
        <translation>%1 (Etage %2)</translation>
    </message>
    <message>
        <source>corridor (floor %1)</source>
        <translation>Flur (Etage %1)</translation>
    </message>
    <message>
        <source>Not located in the last 4 h</source>
        <translation>In den letzten 4 h nicht geortet</translation>
    </message>
    <message numerus="yes">
        <source>%n stay(s)</source>
        <translation>
            <numerusform>%n Aufenthalt</numerusform>
            <numerusform>%n Aufenthalte</numerusform>
        </translation>
    </message>
    <message>
        <source>Save schedule</source>
        <translation>Zeitplan speichern</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>no repositioning</source>
        <translation>keine Umlagerung</translation>
    </message>
    <message>
        <source>the ward&apos;s rounds</source>
        <translation>die Runden der Station</translation>
    </message>
    <message>
        <source>Times of day, HH:MM, separated by commas, in the ward&apos;s time zone</source>
        <translation>Uhrzeiten, HH:MM, durch Kommas getrennt, in der Zeitzone der Station</translation>
    </message>
    <message>
        <source>Reposition every</source>
        <translation>Umlagern alle</translation>
    </message>
    <message>
        <source>Medication at</source>
        <translation>Medikamente um</translation>
    </message>
    <message>
        <source>Where (4 h): click the path or double-click a stay to see the plan then</source>
        <translation>Wo (4 h): Weg anklicken oder Aufenthalt doppelklicken, um den Plan zu jenem Zeitpunkt zu sehen</translation>
    </message>
    <message>
        <source>Medication at, time %1: &quot;%2&quot; is not a time of day (HH:MM, 00:00 to 23:59). Nothing was saved.</source>
        <translation>Medikamente um, Zeit %1: „%2“ ist keine Uhrzeit (HH:MM, 00:00 bis 23:59). Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Nothing logged at this station yet.</source>
        <translation>An dieser Station ist noch nichts protokolliert.</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
</context>
<context>
    <name>ww::Responders</name>
    <message>
        <source>%1, in the room</source>
        <translation>%1, im Raum</translation>
    </message>
    <message>
        <source>%1, floor %2, %3 m</source>
        <translation>%1, Etage %2, %3 m</translation>
    </message>
    <message>
        <source>%1, about %2 m</source>
        <translation>%1, etwa %2 m</translation>
    </message>
    <message>
        <source>%1, %2 m</source>
        <translation>%1, %2 m</translation>
    </message>
    <message>
        <source>, at the alarm in %1</source>
        <translation>, beim Alarm in %1</translation>
    </message>
    <message>
        <source>, busy</source>
        <translation>, beschäftigt</translation>
    </message>
</context>
<context>
    <name>ww::RoomKind</name>
    <message>
        <source>patient</source>
        <translation>Patientenzimmer</translation>
    </message>
    <message>
        <source>icu</source>
        <translation>Intensivstation</translation>
    </message>
    <message>
        <source>or</source>
        <translation>OP-Saal</translation>
    </message>
    <message>
        <source>isolation</source>
        <translation>Isolierzimmer</translation>
    </message>
    <message>
        <source>pharmacy</source>
        <translation>Medikamentenraum</translation>
    </message>
    <message>
        <source>utility-clean</source>
        <translation>reiner Arbeitsraum</translation>
    </message>
    <message>
        <source>utility-dirty</source>
        <translation>unreiner Arbeitsraum</translation>
    </message>
    <message>
        <source>corridor</source>
        <translation>Flur</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Personalbereich</translation>
    </message>
    <message>
        <source>toilet</source>
        <translation>Toilette</translation>
    </message>
    <message>
        <source>office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>stairs</source>
        <translation>Treppenhaus</translation>
    </message>
</context>
<context>
    <name>ww::SetpointDialog</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>Relative Luftfeuchte</translation>
    </message>
    <message>
        <source>Send to the BMS</source>
        <translation>An die GLT senden</translation>
    </message>
    <message>
        <source>Climate setpoint: %1</source>
        <translation>Klima-Sollwert: %1</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>normal (occupied)</source>
        <translation>normal (belegt)</translation>
    </message>
    <message>
        <source>boost (purge)</source>
        <translation>verstärkt (Spülung)</translation>
    </message>
    <message>
        <source>setback (unoccupied)</source>
        <translation>abgesenkt (unbelegt)</translation>
    </message>
    <message>
        <source>Why (logged with your name)</source>
        <translation>Warum (mit Ihrem Namen protokolliert)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Ventilation</source>
        <translation>Lüftung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>ww::Setpoints</name>
    <message>
        <source>Sign in first: setpoints are sent and logged with the operator&apos;s name</source>
        <translation>Bitte zuerst anmelden: Sollwerte werden mit dem Namen der Person gesendet und protokolliert</translation>
    </message>
    <message>
        <source>%1 (%2) may not change setpoints: the site allows %3</source>
        <translation>%1 (%2) darf keine Sollwerte ändern: der Standort erlaubt %3</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemandem</translation>
    </message>
    <message>
        <source>This site names no building-management system (bms)</source>
        <translation>Dieser Standort nennt keine Gebäudeleittechnik (bms)</translation>
    </message>
    <message>
        <source>%1 is not a room with a climate sensor</source>
        <translation>%1 ist kein Raum mit Klimasensor</translation>
    </message>
    <message>
        <source>temperature: %1 °C is outside %2 to %3 °C</source>
        <translation>Temperatur: %1 °C liegt außerhalb von %2 bis %3 °C</translation>
    </message>
    <message>
        <source>humidity: %1 % is outside %2 to %3 %</source>
        <translation>Feuchte: %1 % liegt außerhalb von %2 bis %3 %</translation>
    </message>
    <message>
        <source>Nothing to change: set a temperature, a humidity or a ventilation mode</source>
        <translation>Nichts zu ändern: Temperatur, Feuchte oder Lüftungsart angeben</translation>
    </message>
    <message>
        <source>Say why: a setpoint change is logged with its reason</source>
        <translation>Bitte einen Grund angeben: eine Sollwertänderung wird mit ihrem Grund protokolliert</translation>
    </message>
    <message>
        <source>Sent to %1: %2; waiting for its answer</source>
        <translation>An %1 gesendet: %2; Antwort ausstehend</translation>
    </message>
    <message>
        <source>%1 received it but did not accept it within %2 s: check the plant</source>
        <translation>%1 hat ihn empfangen, aber nicht innerhalb von %2 s übernommen: Anlage prüfen</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s: the setpoint may not be applied</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s: der Sollwert ist womöglich nicht übernommen</translation>
    </message>
    <message>
        <source>%1 received it</source>
        <translation>%1 hat ihn empfangen</translation>
    </message>
    <message>
        <source>%1 accepted it: the room follows</source>
        <translation>%1 hat ihn übernommen: der Raum folgt</translation>
    </message>
    <message>
        <source>%1 declined it: %2</source>
        <translation>%1 hat ihn abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 could not apply it: %2</source>
        <translation>%1 konnte ihn nicht anwenden: %2</translation>
    </message>
</context>
<context>
    <name>ww::SettingsDialog</name>
    <message>
        <source>%1 %2: no such file</source>
        <translation>%1 %2: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>%1 %2: a folder, not a file</source>
        <translation>%1 %2: ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>%1 %2: cannot be read by this account (%3)</source>
        <translation>%1 %2: für dieses Konto nicht lesbar (%3)</translation>
    </message>
    <message>
        <source>%1 %2: readable by other users; chmod 600 it</source>
        <translation>%1 %2: für andere Benutzer lesbar; mit chmod 600 schützen</translation>
    </message>
    <message>
        <source>Connect with TLS</source>
        <translation>Mit TLS verbinden</translation>
    </message>
    <message>
        <source>Large type (one and a half times the size)</source>
        <translation>Große Schrift (anderthalbfache Größe)</translation>
    </message>
    <message>
        <source>Keep the password in this file</source>
        <translation>Passwort in dieser Datei aufbewahren</translation>
    </message>
    <message>
        <source>WardWatch settings</source>
        <translation>WardWatch-Einstellungen</translation>
    </message>
    <message>
        <source>Broker (takes effect at the next start)</source>
        <translation>Broker (wirksam beim nächsten Start)</translation>
    </message>
    <message>
        <source>e.g. broker.ward.example</source>
        <translation>z. B. broker.ward.example</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted certificates</source>
        <translation>leer: die vertrauenswürdigen Zertifikate des Systems</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>MQTT 5</source>
        <translation>MQTT 5</translation>
    </message>
    <message>
        <source>MQTT 3.1.1</source>
        <translation>MQTT 3.1.1</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>This station (takes effect at the next start)</source>
        <translation>Diese Station (wirksam beim nächsten Start)</translation>
    </message>
    <message>
        <source>Site file:</source>
        <translation>Standortdatei:</translation>
    </message>
    <message>
        <source>Site files (*.json);;All files (*)</source>
        <translation>Standortdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>empty: the built-in example ward</source>
        <translation>leer: die eingebaute Beispielstation</translation>
    </message>
    <message>
        <source>Station id:</source>
        <translation>Stationskennung:</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Degrees Celsius (°C)</source>
        <translation>Grad Celsius (°C)</translation>
    </message>
    <message>
        <source>Degrees Fahrenheit (°F)</source>
        <translation>Grad Fahrenheit (°F)</translation>
    </message>
    <message>
        <source>Temperatures:</source>
        <translation>Temperaturen:</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark (night)</source>
        <translation>Dunkel (Nacht)</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>in the keyring (%1); type to replace</source>
        <translation>im Schlüsselbund (%1); zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>in the file %1; type to replace</source>
        <translation>in der Datei %1; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Broker host: empty; name the computer the broker runs on (127.0.0.1 for this one)</source>
        <translation>Broker-Host: leer; den Computer angeben, auf dem der Broker läuft (127.0.0.1 für diesen)</translation>
    </message>
    <message>
        <source>Broker host &quot;%1&quot;: a host name has no spaces</source>
        <translation>Broker-Host „%1“: ein Hostname enthält keine Leerzeichen</translation>
    </message>
    <message>
        <source>Port &quot;%1&quot;: not a port number from 1 to 65535</source>
        <translation>Port „%1“: keine Portnummer von 1 bis 65535</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client key %1: given without its client certificate</source>
        <translation>Client-Schlüssel %1: ohne zugehöriges Client-Zertifikat angegeben</translation>
    </message>
    <message>
        <source>Client certificate %1: given without its key file</source>
        <translation>Client-Zertifikat %1: ohne zugehörige Schlüsseldatei angegeben</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Password given without a user name: fill in the user name</source>
        <translation>Passwort ohne Benutzernamen angegeben: Benutzernamen eintragen</translation>
    </message>
    <message>
        <source>The keyring holds the password of %1: type the password of %2</source>
        <translation>Der Schlüsselbund enthält das Passwort von %1: das Passwort von %2 eingeben</translation>
    </message>
    <message>
        <source>Site file</source>
        <translation>Standortdatei</translation>
    </message>
    <message>
        <source>Station id: empty; every station needs an id of its own (such as nurse-1)</source>
        <translation>Stationskennung: leer; jede Station braucht eine eigene Kennung (etwa nurse-1)</translation>
    </message>
    <message>
        <source>Station id &quot;%1&quot;: no spaces, &quot;/&quot;, &quot;+&quot; or &quot;#&quot; (it is part of MQTT topics)</source>
        <translation>Stationskennung „%1“: keine Leerzeichen, „/“, „+“ oder „#“ (sie ist Teil von MQTT-Topics)</translation>
    </message>
    <message>
        <source>Storing the password in the keyring as %1…</source>
        <translation>Passwort wird als %1 im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>No keyring is available on this computer (%1), so the password cannot be kept there. It can be kept instead in a file that only your account can read: %2</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar (%1), daher kann das Passwort dort nicht aufbewahrt werden. Es kann stattdessen in einer Datei aufbewahrt werden, die nur Ihr Konto lesen kann: %2</translation>
    </message>
    <message>
        <source>The keyring refused to store the password (%1). Nothing was saved.</source>
        <translation>Der Schlüsselbund hat das Speichern des Passworts abgelehnt (%1). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The keyring could not store the password (%1). Nothing was saved.</source>
        <translation>Der Schlüsselbund konnte das Passwort nicht speichern (%1). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Password: empty; type the password to keep in the file</source>
        <translation>Passwort: leer; das Passwort eingeben, das in der Datei aufbewahrt werden soll</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>How temperatures are shown (tables, alarms, charts, reports); changes at once. Records, exports and messages to other systems stay in °C.</source>
        <translation>Wie Temperaturen angezeigt werden (Tabellen, Alarme, Diagramme, Berichte); ändert sich sofort. Protokolle, Exporte und Nachrichten an andere Systeme bleiben in °C.</translation>
    </message>
    <message>
        <source>Broker, TLS, user name and password, site file and station id are read when WardWatch starts: they take effect at the next start. Language, temperatures and appearance change at once.</source>
        <translation>Broker, TLS, Benutzername und Passwort, Standortdatei und Stationskennung werden beim Start von WardWatch gelesen: Sie werden beim nächsten Start wirksam. Sprache, Temperatureinheit und Darstellung ändern sich sofort.</translation>
    </message>
</context>
<context>
    <name>ww::ShiftControls</name>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <source>Take charge</source>
        <translation>Schichtleitung übernehmen</translation>
    </message>
    <message>
        <source>Take patients…</source>
        <translation>Patienten übernehmen…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <source>Shift report…</source>
        <translation>Schichtbericht…</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Schichtbericht</translation>
    </message>
    <message>
        <source>My patients only</source>
        <translation>Nur meine Patienten</translation>
    </message>
    <message>
        <source>The census, the alarm list and the plan show your patients (alarms of no patient stay)</source>
        <translation>Belegung, Alarmliste und Plan zeigen Ihre Patienten (Alarme ohne Patientenbezug bleiben sichtbar)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Station scope</source>
        <translation>Bereich dieser Station</translation>
    </message>
    <message>
        <source>Charge: nobody</source>
        <translation>Schichtleitung: niemand</translation>
    </message>
    <message>
        <source>Charge: %1</source>
        <translation>Schichtleitung: %1</translation>
    </message>
    <message>
        <source>Only the charge nurse assigns patients</source>
        <translation>Nur die Schichtleitung weist Patienten zu</translation>
    </message>
    <message>
        <source>AUDIO PAUSED at %1 by %2, %3:%4 left</source>
        <translation>TON PAUSIERT um %1 von %2, noch %3:%4</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>niemand angemeldet</translation>
    </message>
</context>
<context>
    <name>ww::ShiftReportView</name>
    <message>
        <source>Shift report</source>
        <translation>Schichtbericht</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
    <message>
        <source>Save the shift report as PDF</source>
        <translation>Schichtbericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save the shift report as CSV</source>
        <translation>Schichtbericht als CSV speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>Das Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Alarms per bed-day</source>
        <translation>Alarme pro Belegungstag</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Alarms raised</source>
        <translation>Ausgelöste Alarme</translation>
    </message>
    <message>
        <source>reminders not counted; station technical alarms left out: %1</source>
        <translation>Erinnerungen nicht gezählt; technische Alarme der Station nicht berücksichtigt: %1</translation>
    </message>
    <message>
        <source>Occupied bed-days</source>
        <translation>Belegungstage</translation>
    </message>
    <message>
        <source>Likely nuisance</source>
        <translation>Vermutlich Fehlalarme</translation>
    </message>
    <message>
        <source>ended by themselves within 10 s of onset, unacknowledged</source>
        <translation>innerhalb von 10 s nach Beginn von selbst beendet, nicht quittiert</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Never acknowledged</source>
        <translation>Nie quittiert</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>From onset to acknowledgement, alarms raised in the period; percentiles by nearest rank.</source>
        <translation>Vom Beginn bis zur Quittierung, für im Zeitraum ausgelöste Alarme; Perzentile nach dem Nearest-Rank-Verfahren.</translation>
    </message>
    <message>
        <source>No alarms in this period.</source>
        <translation>Keine Alarme in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Lasted</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>The log has no NEWS2 scores for this period.</source>
        <translation>Das Protokoll enthält für diesen Zeitraum keine NEWS2-Werte.</translation>
    </message>
    <message>
        <source>No patient alarms, reminders or scores in this period.</source>
        <translation>Keine Patientenalarme, Erinnerungen oder NEWS2-Werte in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Durch</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Reminders: %1 done, %2 missed</source>
        <translation>Erinnerungen: %1 erledigt, %2 versäumt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Erledigt um</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>versäumt</translation>
    </message>
    <message>
        <source>under one occupied bed-hour</source>
        <translation>weniger als eine belegte Bettstunde</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Zeit bis zur Quittierung</translation>
    </message>
    <message>
        <source>Most frequent conditions</source>
        <translation>Häufigste Bedingungen</translation>
    </message>
    <message>
        <source>Likely nuisance alarms</source>
        <translation>Vermutliche Fehlalarme</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>beds occupied throughout the period: %1 (--beds; the census record has no entries)</source>
        <translation>belegte Betten im ganzen Zeitraum: %1 (--beds; das Belegungsprotokoll hat keine Einträge)</translation>
    </message>
    <message>
        <source>the census record, with the station&apos;s census at the start (beds occupied: %1) for beds the record has no entry for before the start</source>
        <translation>das Belegungsprotokoll, ergänzt um die Belegung der Station zu Beginn (belegte Betten: %1) für Betten ohne Eintrag vor Beginn</translation>
    </message>
    <message>
        <source>the census record only: a bed with no entry before the start counts as vacant until its first entry</source>
        <translation>nur das Belegungsprotokoll: ein Bett ohne Eintrag vor Beginn gilt bis zu seinem ersten Eintrag als frei</translation>
    </message>
    <message>
        <source> (--beds %1 not used: the census record has entries)</source>
        <translation> (--beds %1 nicht verwendet: das Belegungsprotokoll hat Einträge)</translation>
    </message>
    <message>
        <source>%1: could not be written</source>
        <translation>%1: konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>By rule: %1</source>
        <translation>Nach Regel: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>NEWS2: no scores logged</source>
        <translation>NEWS2: keine Werte protokolliert</translation>
    </message>
    <message>
        <source>NEWS2: first %1, last %2, min %3, max %4</source>
        <translation>NEWS2: erster %1, letzter %2, min %3, max %4</translation>
    </message>
</context>
<context>
    <name>ww::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Operator sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>PIN, at least %1 digits</source>
        <translation>PIN, mindestens %1 Ziffern</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>ww::StaffModel</name>
    <message>
        <source>no signal</source>
        <translation>kein Signal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Badge signal</source>
        <translation>Ausweis-Signal</translation>
    </message>
</context>
<context>
    <name>ww::StationCore</name>
    <message>
        <source>broker not answering</source>
        <translation>Broker antwortet nicht</translation>
    </message>
</context>
<context>
    <name>ww::StationFilter</name>
    <message>
        <source>Floor %1</source>
        <translation>Etage %1</translation>
    </message>
    <message>
        <source>All of the ward</source>
        <translation>Gesamte Station</translation>
    </message>
</context>
<context>
    <name>ww::TakePatientsDialog</name>
    <message>
        <source>Take patients as %1</source>
        <translation>Patienten als %1 übernehmen</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Nurse now</source>
        <translation>Derzeit bei</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>Tick the patients you look after this shift. A patient another nurse has moves to you.</source>
        <translation>Haken Sie die Patienten an, die Sie in dieser Schicht betreuen. Ein Patient einer anderen Pflegekraft geht auf Sie über.</translation>
    </message>
</context>
<context>
    <name>ww::TemperatureChart</name>
    <message>
        <source>Target</source>
        <translation>Zielbereich</translation>
    </message>
    <message>
        <source>Temperature %1</source>
        <translation>Temperatur %1</translation>
    </message>
</context>
<context>
    <name>ww::TrackMap</name>
    <message>
        <source>Where the patient went: fainter is longer ago, the ring is where the look-back starts, the dot is now. Click the path to see the plan at that moment.</source>
        <translation>Wo der Patient war: blasser ist länger her, der Ring ist der Beginn des Rückblicks, der Punkt ist jetzt. Weg anklicken, um den Plan zu jenem Zeitpunkt zu sehen.</translation>
    </message>
    <message>
        <source>floor %1: %2–%3</source>
        <translation>Etage %1: %2–%3</translation>
    </message>
    <message>
        <source>Not located in the look-back</source>
        <translation>Im Rückblick nicht geortet</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>Außerdem: %1</translation>
    </message>
</context>
<context>
    <name>ww::VitalKind</name>
    <message>
        <source>HR</source>
        <translation>HF</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>AF</translation>
    </message>
    <message>
        <source>SBP</source>
        <translation>RRsys</translation>
    </message>
    <message>
        <source>DBP</source>
        <translation>RRdia</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>MAD</translation>
    </message>
    <message>
        <source>Temp</source>
        <translation>Temp</translation>
    </message>
</context>
<context>
    <name>ww::VitalsTrendView</name>
    <message>
        <source>HR /min</source>
        <translation>HF /min</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>AF /min</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>RR mmHg</translation>
    </message>
    <message>
        <source>Trends: select a patient in the census</source>
        <translation>Verläufe: Patient in der Belegung auswählen</translation>
    </message>
    <message>
        <source>Trends: %1 (bed %2), last %3</source>
        <translation>Verläufe: %1 (Bett %2), zuletzt %3</translation>
    </message>
    <message>
        <source>Trends: %1 (bed %2), no vital signs yet</source>
        <translation>Verläufe: %1 (Bett %2), noch keine Vitalwerte</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>Trends: bed %1 is vacant</source>
        <translation>Verläufe: Bett %1 ist frei</translation>
    </message>
    <message>
        <source>Temp %1</source>
        <translation>Temp %1</translation>
    </message>
</context>
<context>
    <name>ww::WardCore</name>
    <message>
        <source>The alarm engine is not running.</source>
        <translation>Die Alarmverarbeitung läuft nicht.</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>(niemand angemeldet)</translation>
    </message>
</context>
<context>
    <name>ww::WardState</name>
    <message>
        <source> (late)</source>
        <translation> (verspätet)</translation>
    </message>
</context>
</TS>
