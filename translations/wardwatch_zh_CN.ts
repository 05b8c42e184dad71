<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssetStatus</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>needs cleaning</source>
        <translation>待清洁</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>运送中</translation>
    </message>
</context>
<context>
    <name>ClimateReport</name>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>CO₂</source>
        <translation>二氧化碳</translation>
    </message>
    <message>
        <source>PM2.5</source>
        <translation>PM2.5</translation>
    </message>
    <message>
        <source>TVOC</source>
        <translation>TVOC</translation>
    </message>
    <message>
        <source>pressure difference</source>
        <translation>压差</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
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
        <translation>室内环境合规：%1</translation>
    </message>
    <message>
        <source>Room climate compliance: %1 (%2)</source>
        <translation>室内环境合规：%1（%2）</translation>
    </message>
    <message>
        <source>Period: %1 to %2 UTC; a reading holds at most %3</source>
        <translation>时段：%1 至 %2（UTC）；每个读数最多有效 %3</translation>
    </message>
    <message>
        <source>Door openings: %1, %2 longer than %3; open %4 in all, longest %5</source>
        <translation>开门次数：%1，其中 %2 次超过 %3；共开启 %4，最长 %5</translation>
    </message>
    <message>
        <source>Excursions: %1</source>
        <translation>偏离次数：%1</translation>
    </message>
    <message>
        <source>%1 above from %2 to %3</source>
        <translation>%1 高于目标，自 %2 至 %3</translation>
    </message>
    <message>
        <source>%1 below from %2 to %3</source>
        <translation>%1 低于目标，自 %2 至 %3</translation>
    </message>
    <message>
        <source> (still outside)</source>
        <translation>（仍超出范围）</translation>
    </message>
    <message>
        <source>, %1, peak %2</source>
        <translation>，%1，峰值 %2</translation>
    </message>
    <message>
        <source>acknowledged by %1 at %2</source>
        <translation>由 %1 于 %2 确认</translation>
    </message>
    <message>
        <source>, door opened %1 times</source>
        <translation>，开门 %1 次</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>覆盖时长</translation>
    </message>
    <message>
        <source>in range</source>
        <translation>范围内</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
</context>
<context>
    <name>ColdChainReport</name>
    <message>
        <source>Cold-chain record: %1</source>
        <translation>冷链记录：%1</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (%3)</source>
        <translation>时段：%1 至 %2（%3）</translation>
    </message>
    <message>
        <source>Range: %1 to %2; a silence over %3 is a gap in the record</source>
        <translation>范围：%1 至 %2；静默超过 %3 即为记录缺口</translation>
    </message>
    <message>
        <source>Readings: %1; the record covers %2 % of the period</source>
        <translation>读数：%1；记录覆盖时段的 %2 %</translation>
    </message>
    <message>
        <source>Minimum %1, maximum %2, mean %3, mean kinetic temperature %4</source>
        <translation>最低 %1，最高 %2，平均 %3，平均动力学温度 %4</translation>
    </message>
    <message>
        <source>Time out of range: %1; excursions: %2</source>
        <translation>超出范围时间：%1；偏离次数：%2</translation>
    </message>
    <message>
        <source>%1 %2 from %3 to %4%5 (%6), peak %7</source>
        <translation>%1 %2，自 %3 至 %4%5（%6），峰值 %7</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>, still outside</source>
        <translation>，仍超出范围</translation>
    </message>
    <message>
        <source>Gaps in the record: %1</source>
        <translation>记录缺口：%1</translation>
    </message>
    <message>
        <source>no reading from %1 to %2 (%3)</source>
        <translation>%1 至 %2 无读数（%3）</translation>
    </message>
    <message>
        <source>Door openings: %1, of which %2 longer than %3; open %4 in all, longest %5</source>
        <translation>开门次数：%1，其中 %2 次超过 %3；共开启 %4，最长 %5</translation>
    </message>
    <message>
        <source>Result: within range for the whole period, no gaps</source>
        <translation>结论：整个时段均在范围内，无缺口</translation>
    </message>
    <message>
        <source>Result: NOT COMPLIANT (excursions: %1, gaps: %2%3)</source>
        <translation>结论：不合规（偏离：%1，缺口：%2%3）</translation>
    </message>
    <message>
        <source>, no readings</source>
        <translation>，无读数</translation>
    </message>
    <message>
        <source>Reviewed by: ______________________   Signature: ______________   Date: __________</source>
        <translation>审核人：______________________   签名：______________   日期：__________</translation>
    </message>
    <message>
        <source>Day         readings   min %1   max %1   MKT %1   out of range</source>
        <translation>日期        读数数     最低 %1  最高 %1  MKT %1   超出范围</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>MQTT broker host.</source>
        <translation>MQTT 代理服务器主机。</translation>
    </message>
    <message>
        <source>MQTT broker port.</source>
        <translation>MQTT 代理服务器端口。</translation>
    </message>
    <message>
        <source>Connect with TLS.</source>
        <translation>使用 TLS 连接。</translation>
    </message>
    <message>
        <source>CA certificate file (PEM).</source>
        <translation>CA 证书文件（PEM）。</translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation>客户端证书（PEM）。</translation>
    </message>
    <message>
        <source>Client private key (PEM).</source>
        <translation>客户端私钥（PEM）。</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>MQTT 用户名。</translation>
    </message>
    <message>
        <source>Refused: use --password-file.</source>
        <translation>已拒绝：请使用 --password-file。</translation>
    </message>
    <message>
        <source>File holding the MQTT password (first line; readable by this account only).</source>
        <translation>存放 MQTT 密码的文件（第一行；仅本账户可读）。</translation>
    </message>
    <message>
        <source>MQTT client id.</source>
        <translation>MQTT 客户端 ID。</translation>
    </message>
    <message>
        <source>Use MQTT 3.1.1 instead of MQTT 5.</source>
        <translation>使用 MQTT 3.1.1 而非 MQTT 5。</translation>
    </message>
    <message>
        <source>This station&apos;s id.</source>
        <translation>本工作站的 ID。</translation>
    </message>
    <message>
        <source>Site configuration file (JSON).</source>
        <translation>站点配置文件（JSON）。</translation>
    </message>
    <message>
        <source>Check the installation without broker or display, then exit.</source>
        <translation>在无代理服务器、无显示器的情况下检查安装，然后退出。</translation>
    </message>
    <message>
        <source>Save two screenshots into this folder, then exit.</source>
        <translation>将两张截图保存到此文件夹，然后退出。</translation>
    </message>
    <message>
        <source>Seconds before the first screenshot.</source>
        <translation>第一张截图前的秒数。</translation>
    </message>
    <message>
        <source>Alarm log file (SQLite).</source>
        <translation>报警日志文件（SQLite）。</translation>
    </message>
    <message>
        <source>Run the station without a window: alarm changes as JSON lines on stdout, commands (signin STAFF PIN, ack ALARM, quit) on stdin.</source>
        <translation>无窗口运行工作站：报警变化以 JSON 行输出到标准输出，命令（signin STAFF PIN、ack ALARM、quit）从标准输入读取。</translation>
    </message>
    <message>
        <source>Run as a positioning engine (no window, no alarms): locate the tags this engine owns among the engines online and publish their positions; --station-id names the engine.</source>
        <translation>作为定位引擎运行（无窗口、无报警）：在在线引擎中定位本引擎负责的标签并发布其位置；--station-id 为引擎命名。</translation>
    </message>
    <message>
        <source>Where this station&apos;s locations come from: own (computed here) or engines (the site&apos;s positioning engines).</source>
        <translation>本工作站位置数据的来源：own（本机计算）或 engines（站点的定位引擎）。</translation>
    </message>
    <message>
        <source>Start with an empty alarm log even though this station&apos;s log held rows before.</source>
        <translation>即使本工作站的日志之前有记录，也以空报警日志启动。</translation>
    </message>
    <message>
        <source>This station&apos;s signing key (made by wardctl keygen; readable by this account only). Default: signing-STATION.key in the data folder, made at the first start.</source>
        <translation>本工作站的签名密钥（由 wardctl keygen 生成；仅本账户可读）。默认：数据文件夹中的 signing-STATION.key，首次启动时生成。</translation>
    </message>
    <message>
        <source>Screenshot mode: sign in as STAFF:PIN and acknowledge the top alarm.</source>
        <translation>截图模式：以 STAFF:PIN 登录并确认最高优先级的报警。</translation>
    </message>
    <message>
        <source>WardWatch: ward nurse-station and facilities dashboard. A secondary alarm notification system; it never replaces the bedside monitors&apos; alarms.</source>
        <translation>WardWatch：病区护士站与设施监控面板。这是辅助报警通知系统，绝不能替代床旁监护仪的报警。</translation>
    </message>
    <message>
        <source>The stored settings are from a newer WardWatch (version %1).</source>
        <translation>存储的设置来自较新版本的 WardWatch（版本 %1）。</translation>
    </message>
    <message>
        <source>--port: &quot;%1&quot; is not a port number</source>
        <translation>--port：“%1”不是端口号</translation>
    </message>
    <message>
        <source>--password would show the password to every user of this computer (in the process list): put it in a file readable only by this account and use --password-file FILE</source>
        <translation>--password 会让本计算机的每个用户（在进程列表中）看到密码：请将其放入仅本账户可读的文件，并使用 --password-file FILE</translation>
    </message>
    <message>
        <source>--password-file %1: cannot be read (%2)</source>
        <translation>--password-file %1：无法读取（%2）</translation>
    </message>
    <message>
        <source>--password-file %1: readable by other users; chmod 600 it</source>
        <translation>--password-file %1：其他用户可读；请执行 chmod 600</translation>
    </message>
    <message>
        <source>--password-file %1: the first line is empty</source>
        <translation>--password-file %1：第一行为空</translation>
    </message>
    <message>
        <source>positioning source &quot;%1&quot; is neither &quot;own&quot; nor &quot;engines&quot;</source>
        <translation>定位来源“%1”既不是“own”也不是“engines”</translation>
    </message>
    <message>
        <source>--screenshot-delay: &quot;%1&quot; is not a number of seconds</source>
        <translation>--screenshot-delay：“%1”不是秒数</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>holds %1 rows</source>
        <translation>有 %1 行记录</translation>
    </message>
    <message>
        <source>The alarm log %1 %2, but this station had written %3 rows to it. Nothing is started on an empty or shortened log without a word: restore the file from its backup, or start with --new-log to go on with this file on purpose.</source>
        <translation>报警日志 %1 %2，但本工作站曾向其写入 %3 行。在空的或被截短的日志上不会默默启动：请从备份恢复该文件，或使用 --new-log 有意继续使用此文件。</translation>
    </message>
    <message>
        <source>WardWatch</source>
        <translation>WardWatch</translation>
    </message>
    <message>
        <source>WardWatch cannot start:
%1</source>
        <translation>WardWatch 无法启动：
%1</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>Signing key %1</source>
        <translation>签名密钥 %1</translation>
    </message>
    <message>
        <source>Signing key %1: no such file (wardctl keygen makes one)</source>
        <translation>签名密钥 %1：文件不存在（可由 wardctl keygen 生成）</translation>
    </message>
    <message>
        <source>Signing key: cannot be made: %1</source>
        <translation>无法生成签名密钥：%1</translation>
    </message>
    <message>
        <source>The site file takes only signed state and this station has no signing key.</source>
        <translation>站点文件只接受已签名的状态，而本工作站没有签名密钥。</translation>
    </message>
    <message>
        <source>This station (%1) may not act on the site: its public key is not in the site file&apos;s signing.keys, so every other station would refuse its acknowledgements. Add
    &quot;%1&quot;: &quot;%2&quot;
to signing.keys in %3 on every station (the key file is %4).</source>
        <translation>本工作站（%1）不能在此站点上操作：其公钥不在站点文件的 signing.keys 中，因此其他所有工作站都会拒绝它的确认。请在每个工作站的 %3 中将
    &quot;%1&quot;: &quot;%2&quot;
添加到 signing.keys（密钥文件为 %4）。</translation>
    </message>
    <message>
        <source>The broker %1 would be reached without TLS: the password and every acknowledgement would cross the network in clear text. Use --tls (with --ca), or set network.allowClearText in the site file for a migration.</source>
        <translation>将在无 TLS 的情况下连接代理服务器 %1：密码和每一次确认都会以明文在网络上传输。请使用 --tls（配合 --ca），或在迁移期间于站点文件中设置 network.allowClearText。</translation>
    </message>
    <message>
        <source>The site configuration cannot be loaded:
%1</source>
        <translation>无法加载站点配置：
%1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>时间窗：</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>BLE gateway</source>
        <translation>BLE 网关</translation>
    </message>
    <message>
        <source>wristband</source>
        <translation>腕带</translation>
    </message>
    <message>
        <source>staff badge</source>
        <translation>员工胸牌</translation>
    </message>
    <message>
        <source>asset tag</source>
        <translation>资产标签</translation>
    </message>
    <message>
        <source>vitals monitor</source>
        <translation>生命体征监护仪</translation>
    </message>
    <message>
        <source>climate sensor</source>
        <translation>环境传感器</translation>
    </message>
    <message>
        <source>fridge sensor</source>
        <translation>冰箱传感器</translation>
    </message>
    <message>
        <source>door contact</source>
        <translation>门磁</translation>
    </message>
    <message>
        <source>reference beacon</source>
        <translation>参考信标</translation>
    </message>
    <message>
        <source>bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Sign in first: an acknowledgement needs a named operator.</source>
        <translation>请先登录：确认报警需要具名的操作员。</translation>
    </message>
    <message>
        <source>This alarm is no longer open.</source>
        <translation>此报警已不再处于开启状态。</translation>
    </message>
    <message>
        <source>Already acknowledged by %1 at %2.</source>
        <translation>已由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <source>The alarm log cannot be written (%1); the acknowledgement was not recorded.</source>
        <translation>无法写入报警日志（%1）；确认未被记录。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on this ward&apos;s staff list</source>
        <translation>“%1”不在本病区的员工名单中</translation>
    </message>
    <message>
        <source>%1 has no PIN set; ask the ward administrator</source>
        <translation>%1 未设置 PIN；请联系病区管理员</translation>
    </message>
    <message>
        <source>%1 is locked out after %2 wrong PINs; try again in %3 s</source>
        <translation>%1 因 %2 次 PIN 错误已被锁定；请在 %3 秒后重试</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 is locked out for %2 s</source>
        <translation>PIN 错误。%1 被锁定 %2 秒</translation>
    </message>
    <message>
        <source>Wrong PIN (%1 attempts left)</source>
        <translation>PIN 错误（还剩 %1 次尝试）</translation>
    </message>
    <message>
        <source>A PIN has at least %1 digits (%2 attempts left)</source>
        <translation>PIN 至少为 %1 位数字（还剩 %2 次尝试）</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>Colours of the window: auto (the desktop&apos;s), light or dark.</source>
        <translation>窗口配色：auto（跟随桌面）、light（浅色）或 dark（深色）。</translation>
    </message>
    <message>
        <source>Every text one and a half times as large.</source>
        <translation>所有文字放大为 1.5 倍。</translation>
    </message>
    <message>
        <source>--theme: &quot;%1&quot; is none of auto, light, dark</source>
        <translation>--theme：“%1”不是 auto、light、dark 之一</translation>
    </message>
    <message>
        <source>setting %1: &quot;%2&quot; is none of auto, light, dark</source>
        <translation>设置项 %1：“%2”不是 auto、light、dark 之一</translation>
    </message>
    <message>
        <source>Password file %1: its folder cannot be made</source>
        <translation>密码文件 %1：无法创建其所在的文件夹</translation>
    </message>
    <message>
        <source>Password file %1: cannot make it readable by this account only (%2)</source>
        <translation>密码文件 %1：无法设为仅本账户可读（%2）</translation>
    </message>
    <message>
        <source>Password file %1: cannot be written (%2)</source>
        <translation>密码文件 %1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Password file %1: still open to other users</source>
        <translation>密码文件 %1：其他用户仍可访问</translation>
    </message>
    <message>
        <source>The language &quot;%1&quot; of the settings (ui/language) is not one WardWatch ships: English is shown</source>
        <translation>设置中的语言“%1”（ui/language）不在 WardWatch 随附的语言之列：将显示英文</translation>
    </message>
    <message>
        <source>The MQTT password of %1 is in the system keyring (setting mqtt/passwordInKeyring), which only the station with a window reads: give this program --password-file FILE (readable by its account only)</source>
        <translation>%1 的 MQTT 密码保存在系统密钥环中（设置项 mqtt/passwordInKeyring），只有带窗口的工作站才会读取它：请为此程序指定 --password-file FILE（仅其账户可读）</translation>
    </message>
    <message>
        <source>The MQTT password is still in clear text in the settings: %1</source>
        <translation>MQTT 密码仍以明文保存在设置中：%1</translation>
    </message>
    <message>
        <source>The MQTT password moved from the settings into %1 (readable by this account only)</source>
        <translation>MQTT 密码已从设置移至 %1（仅本账户可读）</translation>
    </message>
    <message>
        <source>no user name</source>
        <translation>无用户名</translation>
    </message>
    <message>
        <source>The MQTT password moved from the settings into the keyring (%1)</source>
        <translation>MQTT 密码已从设置移至密钥环（%1）</translation>
    </message>
    <message>
        <source>The MQTT password moved from the settings into %1 (no keyring: %2)</source>
        <translation>MQTT 密码已从设置移至 %1（无密钥环：%2）</translation>
    </message>
    <message>
        <source>The MQTT password of %1 could not be read from the keyring (%2). WardWatch starts without it; open File &gt; Settings to enter it again.</source>
        <translation>无法从密钥环读取 %1 的 MQTT 密码（%2）。WardWatch 将在没有密码的情况下启动；请打开“文件 &gt; 设置”重新输入。</translation>
    </message>
    <message>
        <source>no such entry</source>
        <translation>无此条目</translation>
    </message>
    <message>
        <source>setting %1: &quot;%2&quot; is neither C (degrees Celsius) nor F (degrees Fahrenheit)</source>
        <translation>设置项 %1：“%2”既不是 C（摄氏度）也不是 F（华氏度）</translation>
    </message>
    <message>
        <source>locating…</source>
        <translation>定位中…</translation>
    </message>
    <message>
        <source>unknown, near %1</source>
        <translation>未知，靠近 %1</translation>
    </message>
    <message>
        <source>%1 (last heard %2)</source>
        <translation>%1（最后收到 %2）</translation>
    </message>
    <message>
        <source>%1 (not heard lately)</source>
        <translation>%1（近期未收到）</translation>
    </message>
    <message>
        <source>What the positioning learnt, kept across a restart (JSON; &quot;none&quot;: nothing kept). Default: positioning-STATION.json beside the alarm log (an engine: in the data folder).</source>
        <translation>定位所学到的内容，在重启后保留（JSON；&quot;none&quot;：不保留）。默认：报警日志旁的 positioning-STATION.json（定位引擎：在数据文件夹中）。</translation>
    </message>
</context>
<context>
    <name>ww::AlarmBanner</name>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Pause audio</source>
        <translation>音频暂停</translation>
    </message>
    <message>
        <source>Nearest: %1</source>
        <translation>最近人员：%1</translation>
    </message>
    <message>
        <source>   (+%1 more)</source>
        <translation>   （另有 %1 条）</translation>
    </message>
    <message>
        <source>No active alarms</source>
        <translation>无活动报警</translation>
    </message>
    <message>
        <source>AUDIO PAUSED %1:%2</source>
        <translation>音频暂停 %1:%2</translation>
    </message>
    <message>
        <source>Sign in to acknowledge</source>
        <translation>登录后确认</translation>
    </message>
    <message>
        <source>Acknowledge as %1</source>
        <translation>以 %1 身份确认</translation>
    </message>
    <message>
        <source>The highest-priority active alarm. Click to show it on the floor plan.</source>
        <translation>最高优先级的活动报警。点击可在平面图上显示。</translation>
    </message>
    <message>
        <source>Acknowledge the top alarm</source>
        <translation>确认最高优先级的报警</translation>
    </message>
    <message>
        <source>Acknowledges the alarm shown in the banner</source>
        <translation>确认横幅中显示的报警</translation>
    </message>
    <message>
        <source>Pause alarm audio</source>
        <translation>报警音频暂停</translation>
    </message>
    <message>
        <source>Pauses the alarm sound for a while; the alarms stay shown</source>
        <translation>在一段时间内暂停报警声音；报警仍保持显示</translation>
    </message>
    <message>
        <source>Alarm banner: %1 priority alarm: %2</source>
        <translation>报警横幅：%1报警：%2</translation>
    </message>
    <message>
        <source>Alarm banner: no active alarms</source>
        <translation>报警横幅：无活动报警</translation>
    </message>
</context>
<context>
    <name>ww::AlarmController</name>
    <message>
        <source>Acknowledged: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>Census: %1</source>
        <translation>患者一览：%1</translation>
    </message>
    <message>
        <source>Care plan: %1</source>
        <translation>护理计划：%1</translation>
    </message>
    <message>
        <source>%1 was signed out after %2 min without an action.</source>
        <translation>%1 在 %2 分钟无操作后已被注销。</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>Sign in first: an acknowledgement needs a named operator.</source>
        <translation>请先登录：确认报警需要具名的操作员。</translation>
    </message>
    <message>
        <source>A high-priority alarm is sounding: say why its audio may pause (a comment is required).</source>
        <translation>高优先级报警正在鸣响：请说明为何可以暂停其音频（必须填写备注）。</translation>
    </message>
    <message>
        <source>Sign in first: NEWS2 inputs are recorded with the operator&apos;s name.</source>
        <translation>请先登录：NEWS2 输入项需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: limit changes are recorded with the operator&apos;s name.</source>
        <translation>请先登录：报警限值的修改需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Limit %1 for %2 changed</source>
        <translation>%2 的限值 %1 已修改</translation>
    </message>
    <message>
        <source>Sign in first: admissions are recorded with the operator&apos;s name.</source>
        <translation>请先登录：入院需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: transfers are recorded with the operator&apos;s name.</source>
        <translation>请先登录：转床需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: discharges are recorded with the operator&apos;s name.</source>
        <translation>请先登录：出院需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: device changes are recorded with the operator&apos;s name.</source>
        <translation>请先登录：设备变更需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: assignments are recorded with the operator&apos;s name.</source>
        <translation>请先登录：分配需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: risk flags are recorded with the operator&apos;s name.</source>
        <translation>请先登录：风险标记需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: schedules are recorded with the operator&apos;s name.</source>
        <translation>请先登录：护理时间表需记录操作员姓名。</translation>
    </message>
    <message>
        <source>Sign in first: the charge role is recorded with the operator&apos;s name.</source>
        <translation>请先登录：当班负责护士角色需记录操作员姓名。</translation>
    </message>
</context>
<context>
    <name>ww::AlarmListModel</name>
    <message>
        <source>HIGH</source>
        <translation>高优先级</translation>
    </message>
    <message>
        <source>MEDIUM</source>
        <translation>中优先级</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>低优先级</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>ended, latched: acknowledge</source>
        <translation>已结束，锁存：请确认</translation>
    </message>
    <message>
        <source>ended, not acknowledged</source>
        <translation>已结束，未确认</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source> by %1 at %2, %3</source>
        <translation> 由 %1 于 %2 确认，%3</translation>
    </message>
    <message>
        <source>nobody located</source>
        <translation>未定位到人员</translation>
    </message>
    <message>
        <source>&lt;1 min</source>
        <translation>&lt;1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <translation>%1 小时 %2</translation>
    </message>
    <message>
        <source> [late]</source>
        <translation> [迟到]</translation>
    </message>
    <message>
        <source>✔ Acknowledge</source>
        <translation>✔ 确认</translation>
    </message>
    <message>
        <source>Nearest by walking distance to %1:</source>
        <translation>按步行距离离 %1 最近：</translation>
    </message>
    <message>
        <source>No staff badge located and heard now.</source>
        <translation>当前没有已定位且可接收到信号的员工胸牌。</translation>
    </message>
    <message>
        <source>%1
rule %2, source %3
onset %4%5</source>
        <translation>%1
规则 %2，来源 %3
开始 %4%5</translation>
    </message>
    <message>
        <source> (delivered late)</source>
        <translation>（延迟送达）</translation>
    </message>
    <message>
        <source>
comment: %1</source>
        <translation>
备注：%1</translation>
    </message>
    <message>
        <source>Escalation step: how many times the alarm went on to the next target unanswered</source>
        <translation>升级步骤：报警无人响应而转到下一目标的次数</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>报警条件</translation>
    </message>
    <message>
        <source>Who / what</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Nearest staff</source>
        <translation>最近的员工</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>One click</source>
        <translation>一键确认</translation>
    </message>
</context>
<context>
    <name>ww::AlarmPanel</name>
    <message>
        <source>Acknowledge selected</source>
        <translation>确认所选</translation>
    </message>
    <message>
        <source>Pause audio</source>
        <translation>音频暂停</translation>
    </message>
    <message>
        <source>Show on plan</source>
        <translation>在平面图上显示</translation>
    </message>
    <message>
        <source>Technical alarms (devices, network, this station)</source>
        <translation>技术报警（设备、网络、本工作站）</translation>
    </message>
    <message>
        <source>Select an alarm first.</source>
        <translation>请先选择一条报警。</translation>
    </message>
    <message>
        <source>Unacknowledged only</source>
        <translation>仅未确认</translation>
    </message>
    <message>
        <source>Active alarms and ended ones still waiting for an acknowledgement</source>
        <translation>活动报警以及已结束但仍等待确认的报警</translation>
    </message>
    <message>
        <source>all priorities</source>
        <translation>所有优先级</translation>
    </message>
    <message>
        <source>medium and high</source>
        <translation>中和高优先级</translation>
    </message>
    <message>
        <source>high only</source>
        <translation>仅高优先级</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>patient (vitals, NEWS2)</source>
        <translation>患者（生命体征、NEWS2）</translation>
    </message>
    <message>
        <source>event (call, fall)</source>
        <translation>事件（呼叫、跌倒）</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>all floors</source>
        <translation>所有楼层</translation>
    </message>
    <message>
        <source>floor %1</source>
        <translation>%1 层</translation>
    </message>
    <message>
        <source>Alarms in a room on the floor, or of a patient whose bed is on it</source>
        <translation>该楼层房间内的报警，或床位在该楼层的患者的报警</translation>
    </message>
    <message>
        <source>My patients</source>
        <translation>我的患者</translation>
    </message>
    <message>
        <source>Alarms of your patients, and every alarm that concerns no patient</source>
        <translation>您负责患者的报警，以及所有不涉及患者的报警</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message numerus="yes">
        <source>%n open alarm(s)</source>
        <translation>
            <numerusform>%n 条开启的报警</numerusform>
        </translation>
    </message>
    <message>
        <source>showing %1 of %2 open alarms</source>
        <translation>显示 %2 条开启报警中的 %1 条</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>操作员：%1</translation>
    </message>
    <message>
        <source>No operator signed in</source>
        <translation>无操作员登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Clinical alarms</source>
        <translation>临床报警</translation>
    </message>
    <message>
        <source>Open alarms, highest priority first. Click Acknowledge in a row to acknowledge it.</source>
        <translation>开启的报警，按优先级从高到低排列。点击某一行中的“确认”即可确认该报警。</translation>
    </message>
    <message>
        <source>Technical alarms</source>
        <translation>技术报警</translation>
    </message>
    <message>
        <source>Alarms of devices, the network and this station</source>
        <translation>设备、网络和本工作站的报警</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm</source>
        <translation>确认所选报警</translation>
    </message>
    <message>
        <source>Acknowledge the alarm selected in the list</source>
        <translation>确认列表中所选的报警</translation>
    </message>
    <message>
        <source>Pause alarm audio</source>
        <translation>报警音频暂停</translation>
    </message>
    <message>
        <source>Show the selected alarm on the floor plan</source>
        <translation>在平面图上显示所选报警</translation>
    </message>
    <message>
        <source>Operator sign-in</source>
        <translation>操作员登录</translation>
    </message>
</context>
<context>
    <name>ww::AssetModel</name>
    <message>
        <source>no signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 % of %2 h</source>
        <translation>%2 小时中的 %1 %</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In use (24 h)</source>
        <translation>使用率（24 小时）</translation>
    </message>
    <message>
        <source>Tag signal</source>
        <translation>标签信号</translation>
    </message>
</context>
<context>
    <name>ww::AssignDialog</name>
    <message>
        <source>Assign a patient</source>
        <translation>分配患者</translation>
    </message>
    <message>
        <source>%1, bed %2 (%3)</source>
        <translation>%1，%2 床（%3）</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>nobody (unassigned)</source>
        <translation>无人（未分配）</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>ww::CarePlan</name>
    <message>
        <source>assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>risk flags</source>
        <translation>风险标记</translation>
    </message>
    <message>
        <source>schedules</source>
        <translation>护理时间表</translation>
    </message>
    <message>
        <source>%1&apos;s %2 changed at %3 by %4 after your change: %5 now</source>
        <translation>在您修改后，%1 的%2已于 %3 被 %4 修改：现为 %5</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>已分配给 %1</translation>
    </message>
    <message>
        <source>%1 took the %2 role at %3 after your change</source>
        <translation>在您修改后，%1 于 %3 接任了 %2 角色</translation>
    </message>
    <message>
        <source>This station keeps no record: care-plan changes are made at a station with a log</source>
        <translation>本工作站不保存记录：护理计划的修改需在有日志的工作站进行</translation>
    </message>
    <message>
        <source>Sign in first: care-plan changes are recorded with the operator&apos;s name</source>
        <translation>请先登录：护理计划的修改需记录操作员姓名</translation>
    </message>
    <message>
        <source>The care record cannot be written (%1); nothing was changed.</source>
        <translation>无法写入护理记录（%1）；未做任何修改。</translation>
    </message>
    <message>
        <source>%1 is not in the census</source>
        <translation>%1 不在患者一览中</translation>
    </message>
    <message>
        <source>%1 is not on the staff list</source>
        <translation>%1 不在员工名单中</translation>
    </message>
    <message>
        <source>%1 (%2) is not a nurse: patients are assigned to nurses</source>
        <translation>%1（%2）不是护士：患者只能分配给护士</translation>
    </message>
    <message>
        <source>Only the charge nurse assigns other nurses&apos; patients, and nobody has taken charge</source>
        <translation>只有当班负责护士可以分配其他护士的患者，而目前无人担任当班负责护士</translation>
    </message>
    <message>
        <source>Only the charge nurse (%1) assigns other nurses&apos; patients</source>
        <translation>只有当班负责护士（%1）可以分配其他护士的患者</translation>
    </message>
    <message>
        <source>No change: %1 is already %2</source>
        <translation>无变化：%1 已是 %2</translation>
    </message>
    <message>
        <source>No change to %1&apos;s flags</source>
        <translation>%1 的标记无变化</translation>
    </message>
    <message>
        <source>reposition every: %1 min is not between 0 (none) and 1440</source>
        <translation>翻身间隔：%1 分钟不在 0（无）到 1440 之间</translation>
    </message>
    <message>
        <source>medication times[%1]: &quot;%2&quot; is not a time of day (HH:MM, 00:00 to 23:59)</source>
        <translation>用药时间[%1]：“%2”不是有效的时间（HH:MM，00:00 至 23:59）</translation>
    </message>
    <message>
        <source>You already hold the %1 role</source>
        <translation>您已担任 %1 角色</translation>
    </message>
</context>
<context>
    <name>ww::Census</name>
    <message>
        <source>%1 is not a %2 of this ward</source>
        <translation>%1 不是本病区的%2</translation>
    </message>
    <message>
        <source>%1 is on %2 (bed %3)</source>
        <translation>%1 正用于 %2（%3 床）</translation>
    </message>
    <message>
        <source>This station keeps no record: census changes are made at a station with a log</source>
        <translation>本工作站不保存记录：患者一览的修改需在有日志的工作站进行</translation>
    </message>
    <message>
        <source>%1 is not in the census</source>
        <translation>%1 不在患者一览中</translation>
    </message>
    <message>
        <source>%1 has no bed in the census</source>
        <translation>%1 在患者一览中没有床位</translation>
    </message>
    <message>
        <source>Not recorded, nothing changed: %1</source>
        <translation>未记录，未做任何修改：%1</translation>
    </message>
    <message>
        <source>Sign in to admit a patient</source>
        <translation>请登录后办理入院</translation>
    </message>
    <message>
        <source>Unknown bed &quot;%1&quot;</source>
        <translation>未知床位“%1”</translation>
    </message>
    <message>
        <source>Bed %1 is taken by %2</source>
        <translation>%1 床已被 %2 占用</translation>
    </message>
    <message>
        <source>A patient needs an id and a name</source>
        <translation>患者需要 ID 和姓名</translation>
    </message>
    <message>
        <source>%1 is already in bed %2</source>
        <translation>%1 已在 %2 床</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the id of a staff member or an asset</source>
        <translation>“%1”是员工或资产的 ID</translation>
    </message>
    <message>
        <source>Sign in to transfer a patient</source>
        <translation>请登录后办理转床</translation>
    </message>
    <message>
        <source>Sign in to discharge a patient</source>
        <translation>请登录后办理出院</translation>
    </message>
    <message>
        <source>Sign in to change a patient&apos;s devices</source>
        <translation>请登录后更换患者设备</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>没有任何变化</translation>
    </message>
</context>
<context>
    <name>ww::CensusActions</name>
    <message>
        <source>Admit…</source>
        <translation>入院…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>转床…</translation>
    </message>
    <message>
        <source>Wristband and monitor…</source>
        <translation>腕带和监护仪…</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>出院…</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>出院</translation>
    </message>
    <message>
        <source>Discharge %1 (%2) from bed %3? Their alarms end and their wristband and monitor go back to the ward&apos;s stock.</source>
        <translation>确定让 %1（%2）从 %3 床出院吗？其报警将结束，腕带和监护仪将归还病区库存。</translation>
    </message>
</context>
<context>
    <name>ww::CensusDialog</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>Admit a patient</source>
        <translation>患者入院</translation>
    </message>
    <message>
        <source>hospital number</source>
        <translation>住院号</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Patient id</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>%1 (%2), bed %3</source>
        <translation>%1（%2），%3 床</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Transfer to another bed</source>
        <translation>转到其他床位</translation>
    </message>
    <message>
        <source>To bed</source>
        <translation>目标床位</translation>
    </message>
    <message>
        <source>Wristband and monitor</source>
        <translation>腕带和监护仪</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>腕带</translation>
    </message>
    <message>
        <source>Vitals monitor</source>
        <translation>生命体征监护仪</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>入院</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转床</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>No bed is vacant.</source>
        <translation>没有空床。</translation>
    </message>
</context>
<context>
    <name>ww::ClimateChart</name>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>相对湿度</translation>
    </message>
    <message>
        <source>CO₂</source>
        <translation>CO₂</translation>
    </message>
    <message>
        <source>PM2.5</source>
        <translation>PM2.5</translation>
    </message>
    <message>
        <source>TVOC</source>
        <translation>TVOC</translation>
    </message>
    <message>
        <source>Pressure difference</source>
        <translation>压差</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>Min–max</source>
        <translation>最小–最大</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Door opened</source>
        <translation>门已打开</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Mean per minute</source>
        <translation>每分钟均值</translation>
    </message>
    <message>
        <source>Mean per hour</source>
        <translation>每小时均值</translation>
    </message>
    <message>
        <source>%1  mean %2 %5 (min %3, max %4, %6 readings)</source>
        <translation>%1  均值 %2 %5（最小 %3，最大 %4，%6 个读数）</translation>
    </message>
</context>
<context>
    <name>ww::ClimateHeatMap</name>
    <message>
        <source>%1 (no data)</source>
        <translation>%1（无数据）</translation>
    </message>
    <message>
        <source>%1 (%2 % in range)</source>
        <translation>%1（%2 % 在范围内）</translation>
    </message>
</context>
<context>
    <name>ww::ClimateReportDialog</name>
    <message>
        <source>Room climate compliance</source>
        <translation>室内环境合规</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>Save the climate report as PDF</source>
        <translation>将环境报告保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Save the climate report as CSV</source>
        <translation>将环境报告保存为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The climate record cannot be read: %1</source>
        <translation>无法读取环境记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s); who acknowledged is unknown: the alarm log cannot be read (%1)</source>
        <translation>
            <numerusform>%n 个房间；确认人未知：无法读取报警日志（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 个房间</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledgements unavailable: the alarm log cannot be read (%1)</source>
        <translation>确认信息不可用：无法读取报警日志（%1）</translation>
    </message>
    <message>
        <source>Reviewed by: ______________________   Signature: ______________   Date: __________</source>
        <translation>审核人：______________________   签名：______________   日期：__________</translation>
    </message>
</context>
<context>
    <name>ww::ClimateReviewDialog</name>
    <message>
        <source>Room climate review</source>
        <translation>室内环境回顾</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>One room</source>
        <translation>单个房间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Compliance report…</source>
        <translation>合规报告…</translation>
    </message>
    <message>
        <source>The room&apos;s time in range per quantity and its excursions over the chart&apos;s period, to save as PDF or CSV</source>
        <translation>该房间各指标在图表时段内的达标时间及偏离情况，可保存为 PDF 或 CSV</translation>
    </message>
    <message>
        <source>A floor&apos;s rooms, hour by hour: grey no data, green in range, amber a brief excursion, red out of range</source>
        <translation>一个楼层的房间，逐小时显示：灰色为无数据，绿色为在范围内，琥珀色为短暂偏离，红色为超出范围</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>起始周</translation>
    </message>
    <message>
        <source>Floor report…</source>
        <translation>楼层报告…</translation>
    </message>
    <message>
        <source>No room with a climate sensor.</source>
        <translation>没有配备环境传感器的房间。</translation>
    </message>
    <message>
        <source>The range ends before it begins.</source>
        <translation>时间范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The climate record cannot be read: %1</source>
        <translation>无法读取环境记录：%1</translation>
    </message>
    <message>
        <source>readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>per-minute aggregates</source>
        <translation>每分钟汇总</translation>
    </message>
    <message>
        <source>per-hour aggregates</source>
        <translation>每小时汇总</translation>
    </message>
    <message>
        <source>No readings in this period.</source>
        <translation>此时段内无读数。</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) (%1); %2 span(s) out of range</source>
        <translation>
            <numerusform>%n 个数据点（%1）；%2 段超出范围</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rooms; %2 room-hours out of range. Click a cell to see that room&apos;s day.</source>
        <translation>%1 个房间；%2 个房间小时超出范围。点击单元格查看该房间当天的情况。</translation>
    </message>
</context>
<context>
    <name>ww::ColdChainReportDialog</name>
    <message>
        <source>Cold-chain record: %1</source>
        <translation>冷链记录：%1</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>起止时间</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>保存 JSON…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the record as PDF</source>
        <translation>将记录保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Save the record as JSON</source>
        <translation>将记录保存为 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The record could not be read: %1</source>
        <translation>无法读取记录：%1</translation>
    </message>
    <message>
        <source>Within range, no gaps</source>
        <translation>在范围内，无缺口</translation>
    </message>
    <message>
        <source>Not compliant: see the record</source>
        <translation>不合规：请查看记录</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ww::CommentDialog</name>
    <message>
        <source>Acknowledge alarm</source>
        <translation>确认报警</translation>
    </message>
    <message>
        <source>Pause audio</source>
        <translation>音频暂停</translation>
    </message>
    <message>
        <source>A high-priority alarm is sounding: say why its audio may pause (required).</source>
        <translation>高优先级报警正在鸣响：请说明为何可以暂停其音频（必填）。</translation>
    </message>
    <message>
        <source>Comment (optional), shown with the alarm and in the history:</source>
        <translation>备注（可选），将随报警一起显示并记入历史：</translation>
    </message>
    <message>
        <source>e.g. with the patient, sensor reattached</source>
        <translation>例如：已在患者身边，传感器已重新连接</translation>
    </message>
    <message>
        <source>e.g. at the bedside, alarm being handled</source>
        <translation>例如：已在床旁，正在处理报警</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
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
        <translation>NEWS2 单项参数 3 分（总分 %1）</translation>
    </message>
    <message>
        <source>NEWS2 single parameter 3 (total %1) (partial: no %2)</source>
        <translation>NEWS2 单项参数 3 分（总分 %1）（不完整：缺少 %2）</translation>
    </message>
    <message>
        <source>NEWS2 %1 ≥ %2</source>
        <translation>NEWS2 %1 ≥ %2</translation>
    </message>
    <message>
        <source>NEWS2 %1 ≥ %2 (partial: no %3)</source>
        <translation>NEWS2 %1 ≥ %2（不完整：缺少 %3）</translation>
    </message>
    <message>
        <source>Fridge %1 °C &lt; %2 °C</source>
        <translation>冰箱 %1 °C &lt; %2 °C</translation>
    </message>
    <message>
        <source>Fridge %1 °C &gt; %2 °C</source>
        <translation>冰箱 %1 °C &gt; %2 °C</translation>
    </message>
    <message>
        <source>Door open %1 s &gt; %2 s</source>
        <translation>门已打开 %1 秒 &gt; %2 秒</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>Pressure difference %1 Pa (must be %2 %3 Pa)</source>
        <translation>压差 %1 Pa（应 %2 %3 Pa）</translation>
    </message>
    <message>
        <source>Pressure difference %1 Pa (must be %2 %3 Pa), patient in the room: %4</source>
        <translation>压差 %1 Pa（应 %2 %3 Pa），房间内有患者：%4</translation>
    </message>
    <message>
        <source>Patient near exit: %1</source>
        <translation>患者靠近出口：%1</translation>
    </message>
    <message>
        <source>Out of bed %1</source>
        <translation>离床 %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>到期：%1</translation>
    </message>
    <message>
        <source>Out of bed %1 (fall risk)</source>
        <translation>离床 %1（跌倒风险）</translation>
    </message>
    <message>
        <source>Patient in restricted area: %1</source>
        <translation>患者进入限制区域：%1</translation>
    </message>
    <message>
        <source>Asset leaving the ward: %1</source>
        <translation>资产正在离开病区：%1</translation>
    </message>
    <message>
        <source>%1 offline</source>
        <translation>%1 离线</translation>
    </message>
    <message>
        <source>%1 silent &gt; %2 s</source>
        <translation>%1 无数据 &gt; %2 秒</translation>
    </message>
    <message>
        <source>%1 unstable: lost %2 times in %3 min</source>
        <translation>%1 不稳定：%3 分钟内断开 %2 次</translation>
    </message>
    <message>
        <source>%1 clock %2 min behind (shown at arrival time)</source>
        <translation>%1 时钟慢 %2 分钟（按到达时间显示）</translation>
    </message>
    <message>
        <source>%1 clock %2 min ahead (shown at arrival time)</source>
        <translation>%1 时钟快 %2 分钟（按到达时间显示）</translation>
    </message>
    <message>
        <source>Battery %1 % &lt; %2 %</source>
        <translation>电池 %1 % &lt; %2 %</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>%1 from %2 (late: sent %3)</source>
        <translation>%1，来自 %2（迟到：发送于 %3）</translation>
    </message>
    <message>
        <source>%1 available: %2 (critical %3, target %4)</source>
        <translation>%1 可用：%2（临界 %3，目标 %4）</translation>
    </message>
    <message>
        <source>Census: %1 is no longer in bed %2: station %3 put %4 (%5) there</source>
        <translation>患者一览：%1 已不在 %2 床：工作站 %3 将 %4（%5）安排在该床</translation>
    </message>
    <message>
        <source>Broker connection lost (%1)</source>
        <translation>代理服务器连接中断（%1）</translation>
    </message>
    <message>
        <source>No audio output: alarms are visual only at this station</source>
        <translation>无音频输出：本工作站的报警仅有视觉提示</translation>
    </message>
    <message>
        <source>No other station online</source>
        <translation>没有其他在线工作站</translation>
    </message>
    <message>
        <source>Station screen not responding for %1 s</source>
        <translation>工作站屏幕 %1 秒无响应</translation>
    </message>
    <message>
        <source>Alarm log write failed: %1</source>
        <translation>报警日志写入失败：%1</translation>
    </message>
    <message>
        <source>Alarm log file: %1</source>
        <translation>报警日志文件：%1</translation>
    </message>
    <message>
        <source>Fridge record write failed: %1</source>
        <translation>冰箱记录写入失败：%1</translation>
    </message>
    <message>
        <source>Room climate record write failed: %1</source>
        <translation>室内环境记录写入失败：%1</translation>
    </message>
    <message>
        <source>Census record write failed: %1</source>
        <translation>患者一览记录写入失败：%1</translation>
    </message>
    <message>
        <source>Refused %1 from %2: %3</source>
        <translation>已拒绝 %1（来自 %2）：%3</translation>
    </message>
    <message>
        <source>%1 events from %2 never arrived (sequence %3): check on its wearer</source>
        <translation>来自 %2 的 %1 个事件未送达（序号 %3）：请查看佩戴者</translation>
    </message>
    <message>
        <source>Census record unreadable: %1</source>
        <translation>患者一览记录无法读取：%1</translation>
    </message>
    <message>
        <source>Stations with a different site configuration: %1</source>
        <translation>站点配置不同的工作站：%1</translation>
    </message>
    <message>
        <source>No positioning engine online: locations are not updated</source>
        <translation>没有在线的定位引擎：位置不再更新</translation>
    </message>
    <message>
        <source>%1 (bed %2)</source>
        <translation>%1（%2 床）</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>工作站 %1</translation>
    </message>
    <message>
        <source>unlisted sender</source>
        <translation>未登记的发送方</translation>
    </message>
    <message>
        <source>unknown sender</source>
        <translation>未知发送方</translation>
    </message>
    <message>
        <source>clean utility rooms</source>
        <translation>清洁处置室</translation>
    </message>
    <message>
        <source>no answer for %1 s</source>
        <translation>%1 秒无应答</translation>
    </message>
    <message>
        <source>%1 (%2 refused this minute)</source>
        <translation>%1（本分钟已拒绝 %2 次）</translation>
    </message>
    <message>
        <source>acknowledged by &apos;%1&apos;, who is not on the staff list</source>
        <translation>由“%1”确认，但此人不在员工名单中</translation>
    </message>
    <message>
        <source>no staff member named</source>
        <translation>未指明员工</translation>
    </message>
    <message>
        <source>made by &apos;%1&apos;, who is not on the staff list</source>
        <translation>由“%1”做出，但此人不在员工名单中</translation>
    </message>
    <message>
        <source>assigns &apos;%1&apos;, who is not on the staff list</source>
        <translation>分配给“%1”，但此人不在员工名单中</translation>
    </message>
    <message>
        <source>role &apos;%1&apos; given by &apos;%2&apos; to &apos;%3&apos;: not both on the staff list</source>
        <translation>角色“%1”由“%2”授予“%3”：二者并非都在员工名单中</translation>
    </message>
    <message>
        <source>signed by &apos;%1&apos; but made in the name of &apos;%2&apos;</source>
        <translation>由“%1”签名，却以“%2”的名义做出</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <source>not a valid signed envelope</source>
        <translation>不是有效的签名信封</translation>
    </message>
    <message>
        <source>signed without a signer id</source>
        <translation>签名中没有签名者 ID</translation>
    </message>
    <message>
        <source>signature of %1 bytes, not %2</source>
        <translation>签名长度为 %1 字节，而非 %2</translation>
    </message>
    <message>
        <source>signature of &apos;%1&apos; does not verify (changed, or made with another key)</source>
        <translation>“%1”的签名无法验证（内容被改动，或使用了其他密钥）</translation>
    </message>
    <message>
        <source>counter %1 of &apos;%2&apos; not above %3 already seen</source>
        <translation>“%2”的计数器 %1 不大于已见到的 %3</translation>
    </message>
    <message>
        <source>no NEWS2 score yet: first observations</source>
        <translation>尚无 NEWS2 评分：首次观察</translation>
    </message>
    <message>
        <source>no NEWS2 score yet: observations %1</source>
        <translation>尚无 NEWS2 评分：观察 %1</translation>
    </message>
    <message>
        <source>NEWS2 %1 (a 3 in one parameter): observations %2</source>
        <translation>NEWS2 %1（单项参数 3 分）：观察 %2</translation>
    </message>
    <message>
        <source>NEWS2 %1: observations %2</source>
        <translation>NEWS2 %1：观察 %2</translation>
    </message>
    <message>
        <source>hourly</source>
        <translation>每小时一次</translation>
    </message>
    <message>
        <source>%1-hourly</source>
        <translation>每 %1 小时一次</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>每 %1 分钟一次</translation>
    </message>
    <message>
        <source>medication round %1</source>
        <translation>%1 给药</translation>
    </message>
    <message>
        <source>reposition every %1 min</source>
        <translation>每 %1 分钟翻身一次</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>呼吸</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>SBP</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>脉搏</translation>
    </message>
    <message>
        <source>temp</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>ACVPU/O2</source>
        <translation>ACVPU/吸氧</translation>
    </message>
    <message>
        <source>Fridge %1 &lt; %2</source>
        <translation>冰箱 %1 &lt; %2</translation>
    </message>
    <message>
        <source>Fridge %1 &gt; %2</source>
        <translation>冰箱 %1 &gt; %2</translation>
    </message>
</context>
<context>
    <name>ww::DeviceEventKind</name>
    <message>
        <source>button-long</source>
        <translation>长按按钮</translation>
    </message>
    <message>
        <source>fall</source>
        <translation>跌倒</translation>
    </message>
    <message>
        <source>sos-start</source>
        <translation>SOS 求救</translation>
    </message>
    <message>
        <source>removed-from-body</source>
        <translation>设备离体</translation>
    </message>
    <message>
        <source>man-down</source>
        <translation>人员倒地</translation>
    </message>
    <message>
        <source>panic</source>
        <translation>紧急呼叫</translation>
    </message>
    <message>
        <source>abnormal-inactivity</source>
        <translation>异常静止</translation>
    </message>
</context>
<context>
    <name>ww::DeviceKind</name>
    <message>
        <source>gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>wristband</source>
        <translation>腕带</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>胸牌</translation>
    </message>
    <message>
        <source>assetTag</source>
        <translation>资产标签</translation>
    </message>
    <message>
        <source>vitalsMonitor</source>
        <translation>生命体征监护仪</translation>
    </message>
    <message>
        <source>climate</source>
        <translation>环境传感器</translation>
    </message>
    <message>
        <source>fridge</source>
        <translation>冰箱</translation>
    </message>
    <message>
        <source>door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>referenceBeacon</source>
        <translation>参考信标</translation>
    </message>
</context>
<context>
    <name>ww::DeviceModel</name>
    <message>
        <source>in stock (on nobody)</source>
        <translation>库存中（未分配）</translation>
    </message>
    <message>
        <source>offline (reported)</source>
        <translation>离线（已上报）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后接收</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最后事件</translation>
    </message>
</context>
<context>
    <name>ww::EnvironmentChartView</name>
    <message>
        <source>Compliance report…</source>
        <translation>合规报告…</translation>
    </message>
    <message>
        <source>Climate review…</source>
        <translation>环境回顾…</translation>
    </message>
    <message>
        <source>Setpoint…</source>
        <translation>设定值…</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Change the room&apos;s temperature, humidity or ventilation at the building-management system</source>
        <translation>在楼宇管理系统中修改房间的温度、湿度或通风</translation>
    </message>
    <message>
        <source>The room&apos;s climate over days and months, and which rooms of its floor were out of range</source>
        <translation>房间数天至数月的环境情况，以及该楼层哪些房间曾超出范围</translation>
    </message>
    <message>
        <source>Temperature: select a room or fridge</source>
        <translation>温度：请选择房间或冰箱</translation>
    </message>
    <message>
        <source>%1 readings in the station&apos;s record</source>
        <translation>工作站记录中有 %1 个读数</translation>
    </message>
    <message>
        <source>the record could not be read: %1</source>
        <translation>无法读取记录：%1</translation>
    </message>
    <message>
        <source>%1 readings held on this station</source>
        <translation>本工作站保存了 %1 个读数</translation>
    </message>
    <message>
        <source>Temperature: %1, %2</source>
        <translation>温度：%1，%2</translation>
    </message>
</context>
<context>
    <name>ww::EnvironmentModel</name>
    <message>
        <source>drug fridge</source>
        <translation>药品冰箱</translation>
    </message>
    <message>
        <source>door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>open since %1</source>
        <translation>自 %1 起打开</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>in target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Temperature (target)</source>
        <translation>温度（目标）</translation>
    </message>
    <message>
        <source>RH (target)</source>
        <translation>相对湿度（目标）</translation>
    </message>
    <message>
        <source>CO₂ (target)</source>
        <translation>CO₂（目标）</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>ww::ExplainPositionWindow</name>
    <message>
        <source>Explain position: %1</source>
        <translation>解释位置：%1</translation>
    </message>
    <message>
        <source>Why %1 (tag %2) is placed where it is</source>
        <translation>为什么 %1（标签 %2）显示在此位置</translation>
    </message>
    <message>
        <source>Gateways at this fix</source>
        <translation>本次定位的网关</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>In room</source>
        <translation>所在房间</translation>
    </message>
    <message>
        <source>Heard (dBm)</source>
        <translation>接收 (dBm)</translation>
    </message>
    <message>
        <source>Expected at the fix (dBm)</source>
        <translation>定位点预期 (dBm)</translation>
    </message>
    <message>
        <source>Difference (dB)</source>
        <translation>差值 (dB)</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Rooms weighed at this fix</source>
        <translation>本次定位权衡的房间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Evidence (nats)</source>
        <translation>证据 (nats)</translation>
    </message>
    <message>
        <source>Belief</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Room decisions and their reasons</source>
        <translation>房间判定及其原因</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rooms the plan showed in the last %1 minutes</source>
        <translation>平面图最近 %1 分钟显示的房间</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Accuracy (m)</source>
        <translation>精度 (米)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The plan shows this tag as the positioning engines locate it, and none is online now.</source>
        <translation>平面图按定位引擎的结果显示此标签，但目前没有引擎在线。</translation>
    </message>
    <message>
        <source>The plan shows this tag as positioning engine %1 locates it.</source>
        <translation>平面图按定位引擎 %1 的结果显示此标签。</translation>
    </message>
    <message>
        <source>%1 is not a tag of this site.</source>
        <translation>%1 不是本站点的标签。</translation>
    </message>
    <message>
        <source>No fix yet: this station has not heard tag %1 since it started, so there is nothing to explain.</source>
        <translation>尚无定位：本工作站启动后未收到标签 %1，没有可解释的内容。</translation>
    </message>
    <message>
        <source>Waiting for the tag&apos;s next fix (last heard at %1): the station&apos;s engine explains this tag from now on.</source>
        <translation>等待该标签的下一次定位（最后收到于 %1）：工作站引擎从现在起解释此标签。</translation>
    </message>
    <message>
        <source>Below is this station&apos;s own view from the same adverts; the plan does not show it.</source>
        <translation>以下是本工作站根据相同广播得出的自身结果；平面图不显示它。</translation>
    </message>
    <message>
        <source>The station&apos;s engine at the tag&apos;s latest fix.</source>
        <translation>工作站引擎在该标签最近一次定位时的结果。</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>已显示</translation>
    </message>
    <message>
        <source>No room decision since this tag&apos;s explanation began at %1.</source>
        <translation>自 %1 开始解释此标签以来没有房间判定。</translation>
    </message>
    <message>
        <source>The engine records its room decisions since this tag&apos;s explanation began at %1.</source>
        <translation>引擎自 %1 开始解释此标签起记录其房间判定。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ww::ExplanationText</name>
    <message>
        <source>moving</source>
        <translation>移动中</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已静止</translation>
    </message>
    <message>
        <source>not settled</source>
        <translation>未静止</translation>
    </message>
    <message>
        <source>, still for %1 s</source>
        <translation>，已静止 %1 秒</translation>
    </message>
    <message>
        <source> (motion %1 dB; moving above %2, settling below %3)</source>
        <translation>（运动 %1 dB；高于 %2 为移动，低于 %3 为静止）</translation>
    </message>
    <message>
        <source>positioned from its levels since it came to rest</source>
        <translation>根据静止以来的信号电平定位</translation>
    </message>
    <message>
        <source>positioned from its window</source>
        <translation>根据其窗口定位</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>x %1, y %2, floor %3, room %4, accuracy %5 m from %6 gateways</source>
        <translation>x %1，y %2，楼层 %3，房间 %4，精度 %5 米，来自 %6 个网关</translation>
    </message>
    <message>
        <source>%1 preferred for %2 s, not taken yet (dwell)</source>
        <translation>%1 已优先 %2 秒，尚未采用（停留时间）</translation>
    </message>
</context>
<context>
    <name>ww::FloorPlanScene</name>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Gateways and reference beacons</source>
        <translation>网关和参考信标</translation>
    </message>
    <message>
        <source>Geofences</source>
        <translation>电子围栏</translation>
    </message>
    <message>
        <source>Accuracy circles</source>
        <translation>精度圈</translation>
    </message>
    <message>
        <source>Room climate</source>
        <translation>室内环境</translation>
    </message>
    <message>
        <source>bed %1</source>
        <translation>%1 床</translation>
    </message>
    <message>
        <source>silent since %1</source>
        <translation>自 %1 起无信号</translation>
    </message>
    <message>
        <source>heard %1</source>
        <translation>接收于 %1</translation>
    </message>
    <message>
        <source>never heard</source>
        <translation>从未接收</translation>
    </message>
    <message>
        <source>Gateway %1: %2</source>
        <translation>网关 %1：%2</translation>
    </message>
    <message>
        <source>Reference beacon %1: %2</source>
        <translation>参考信标 %1：%2</translation>
    </message>
    <message>
        <source>Bed %1</source>
        <translation>%1 床</translation>
    </message>
    <message>
        <source>Exit zone: %1</source>
        <translation>出口区域：%1</translation>
    </message>
    <message>
        <source>Restricted zone: %1</source>
        <translation>限制区域：%1</translation>
    </message>
    <message>
        <source>%1 · seen %2</source>
        <translation>%1 · 见于 %2</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>无房间</translation>
    </message>
    <message>
        <source>%1 — last seen %2 in %3, ±%4 m</source>
        <translation>%1 — 最后于 %2 在 %3，±%4 米</translation>
    </message>
    <message>
        <source>%1 — %2, ±%3 m</source>
        <translation>%1 — %2，±%3 米</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 个</translation>
    </message>
    <message>
        <source>%1 (patient, %2)</source>
        <translation>%1（患者，%2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Bed %1 (%2)</source>
        <translation>%1 床（%2）</translation>
    </message>
    <message>
        <source>%1 (room %2)</source>
        <translation>%1（房间 %2）</translation>
    </message>
</context>
<context>
    <name>ww::FloorPlanView</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>所有楼层</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>缩小（Ctrl+−）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit the floor to the view</source>
        <translation>使楼层适应视图大小</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Nearest available</source>
        <translation>最近的可用人员</translation>
    </message>
    <message>
        <source>No alarm with a room: right-click a room on the plan instead.</source>
        <translation>没有带房间的报警：请在平面图上右键单击房间。</translation>
    </message>
    <message>
        <source>Look back:</source>
        <translation>回看：</translation>
    </message>
    <message>
        <source>Drag to see where everyone was in the last hour</source>
        <translation>拖动以查看过去一小时内每个人的位置</translation>
    </message>
    <message>
        <source>Replay from the chosen time</source>
        <translation>从所选时间开始回放</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Nearest available to %1</source>
        <translation>离 %1 最近的可用人员</translation>
    </message>
    <message>
        <source>Alarm details…</source>
        <translation>报警详情…</translation>
    </message>
    <message>
        <source>Nearest available %1: %2 in %3, %4 m</source>
        <translation>最近的可用%1：%2，在 %3，%4 米</translation>
    </message>
    <message>
        <source>No available %1 located</source>
        <translation>未定位到可用的%1</translation>
    </message>
    <message numerus="yes">
        <source>Live (%n alarm(s))</source>
        <translation>
            <numerusform>实时（%n 条报警）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 high, %3 medium, %4 low priority alarms open</source>
        <translation>%1：开启的报警 高优先级 %2 条、中优先级 %3 条、低优先级 %4 条</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>%1: no position known</source>
        <translation>%1：位置未知</translation>
    </message>
    <message>
        <source>Looking back: %1</source>
        <translation>回看：%1</translation>
    </message>
    <message>
        <source>Alarm: %1</source>
        <translation>报警：%1</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>报警条件</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>最近人员</translation>
    </message>
    <message>
        <source>Find nearest available</source>
        <translation>查找最近的可用人员</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>optional: shown with the alarm and in the history</source>
        <translation>可选：随报警一起显示并记入历史</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Sign in to acknowledge</source>
        <translation>登录后确认</translation>
    </message>
    <message>
        <source>Acknowledge as %1</source>
        <translation>以 %1 身份确认</translation>
    </message>
    <message>
        <source>Find patient, staff, asset, bed, room</source>
        <translation>查找患者、员工、资产、床位、房间</translation>
    </message>
    <message>
        <source>Find on the floor plan</source>
        <translation>在平面图上查找</translation>
    </message>
    <message>
        <source>A patient, staff member, asset, bed or room by name, id or tag; Enter shows it on the plan</source>
        <translation>按名称、ID 或标签查找患者、员工、资产、床位或房间；按 Enter 在平面图上显示</translation>
    </message>
    <message>
        <source>Acknowledge this alarm</source>
        <translation>确认此报警</translation>
    </message>
    <message>
        <source>Explain position of %1…</source>
        <translation>解释 %1 的位置…</translation>
    </message>
    <message>
        <source>Explain position</source>
        <translation>解释位置</translation>
    </message>
</context>
<context>
    <name>ww::HistoryView</name>
    <message>
        <source>all priorities</source>
        <translation>所有优先级</translation>
    </message>
    <message>
        <source>medium and high</source>
        <translation>中和高优先级</translation>
    </message>
    <message>
        <source>high only</source>
        <translation>仅高优先级</translation>
    </message>
    <message>
        <source>patient, room, condition, operator…</source>
        <translation>患者、房间、报警条件、操作员…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export alarm history</source>
        <translation>导出报警历史</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>报警条件</translation>
    </message>
    <message>
        <source>Who / what</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>comment: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>%1; comment: %2</source>
        <translation>%1；备注：%2</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2</source>
        <translation>已将 %1 条记录导出到 %2</translation>
    </message>
</context>
<context>
    <name>ww::Language</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>ww::MainWindow</name>
    <message>
        <source>WardWatch – %1</source>
        <translation>WardWatch – %1</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Floor plan</source>
        <translation>平面图</translation>
    </message>
    <message>
        <source>Census</source>
        <translation>患者一览</translation>
    </message>
    <message>
        <source>Patient view…</source>
        <translation>患者视图…</translation>
    </message>
    <message>
        <source>NEWS2 inputs and alarm limits…</source>
        <translation>NEWS2 输入项和报警限值…</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>%1: %2 available (target %3, critical %4)</source>
        <translation>%1：可用 %2（目标 %3，临界 %4）</translation>
    </message>
    <message>
        <source>PAR levels now: %1</source>
        <translation>当前 PAR 库存水平：%1</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About WardWatch</source>
        <translation>关于 WardWatch(&amp;A)</translation>
    </message>
    <message>
        <source>About WardWatch</source>
        <translation>关于 WardWatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WardWatch %1&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Intended use.&lt;/b&gt; WardWatch is a secondary alarm-notification and situational-awareness system for a hospital ward. It never replaces the alarms of bedside monitors or of any other medical device.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WardWatch %1&lt;/h3&gt;&lt;p&gt;&lt;b&gt;预期用途。&lt;/b&gt;WardWatch 是医院病区的辅助报警通知与态势感知系统。它绝不能替代床旁监护仪或任何其他医疗器械的报警。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Site: %1 (%2), configuration %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;站点：%1（%2），配置 %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1. The demo replays vital signs from the PhysioNet/Computing in Cardiology Challenge 2012 (Open Data Commons Attribution 1.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;基于 Qt %1 构建。演示回放的生命体征来自 PhysioNet/Computing in Cardiology Challenge 2012（Open Data Commons Attribution 1.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>WardWatch user guide</source>
        <translation>WardWatch 用户指南</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>代理服务器：%1</translation>
    </message>
    <message>
        <source>Locations: no positioning engine online</source>
        <translation>定位：没有在线的定位引擎</translation>
    </message>
    <message>
        <source>Locations: engines %1</source>
        <translation>定位：引擎 %1</translation>
    </message>
    <message>
        <source>CLEAR TEXT to %1 (no TLS)</source>
        <translation>明文连接到 %1（无 TLS）</translation>
    </message>
    <message>
        <source>The site file allows this station to reach the broker without TLS (network.allowClearText): passwords and acknowledgements cross the network unencrypted.</source>
        <translation>站点文件允许本工作站不使用 TLS 连接代理服务器（network.allowClearText）：密码和确认将以未加密方式在网络上传输。</translation>
    </message>
    <message>
        <source>UNSIGNED STATE ACCEPTED</source>
        <translation>接受未签名的状态</translation>
    </message>
    <message>
        <source>The site file takes alarm state and census changes without a station&apos;s signature (signing.acceptUnsigned): any client of the broker could acknowledge an alarm. List the stations&apos; keys in signing.keys and remove acceptUnsigned.</source>
        <translation>站点文件接受没有工作站签名的报警状态和患者一览修改（signing.acceptUnsigned）：代理服务器的任何客户端都可以确认报警。请在 signing.keys 中列出各工作站的密钥并移除 acceptUnsigned。</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 条消息/秒</translation>
    </message>
    <message>
        <source>– msg/s</source>
        <translation>– 条消息/秒</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>&amp;Alarms</source>
        <translation>报警(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge the top alarm</source>
        <translation>确认最高优先级的报警</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm</source>
        <translation>确认所选报警</translation>
    </message>
    <message>
        <source>Pause alarm audio</source>
        <translation>报警音频暂停</translation>
    </message>
    <message>
        <source>Find on the floor plan</source>
        <translation>在平面图上查找</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Operating WardWatch</source>
        <translation>WardWatch 运维指南</translation>
    </message>
    <message>
        <source>%1 is missing from this build.</source>
        <translation>此版本中缺少 %1。</translation>
    </message>
    <message>
        <source>&lt;h2&gt;WardWatch is not set up yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;WardWatch 尚未设置&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No broker is configured for this station, so there is nothing to show: the ward&apos;s tables stay empty until WardWatch knows where its broker is.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Open the settings&lt;/b&gt; and fill in the broker&apos;s host and port, its TLS files and the user name and password the ward&apos;s IT team gave you, the site file of the ward and this station&apos;s id; then start WardWatch again.&lt;/p&gt;&lt;p&gt;Or start it with the connection on the command line, for example&lt;br&gt;&lt;code&gt;wardwatch --host broker.ward.example --tls --site /etc/wardwatch/site.json --station-id nurse-1&lt;/code&gt;&lt;/p&gt;&lt;p&gt;How a ward is set up (broker, site file, signing keys): &lt;a href=&quot;operations&quot;&gt;docs/operations.md&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;本工作站尚未配置代理服务器，因此没有可显示的内容：在 WardWatch 知道其代理服务器的位置之前，病区的各个表格将一直为空。&lt;/p&gt;&lt;p&gt;&lt;b&gt;请打开设置&lt;/b&gt;，填写代理服务器的主机和端口、其 TLS 文件、病区 IT 团队提供给您的用户名和密码、病区的站点文件以及本工作站的 ID；然后重新启动 WardWatch。&lt;/p&gt;&lt;p&gt;也可以在命令行中指定连接来启动，例如&lt;br&gt;&lt;code&gt;wardwatch --host broker.ward.example --tls --site /etc/wardwatch/site.json --station-id nurse-1&lt;/code&gt;&lt;/p&gt;&lt;p&gt;病区的设置方法（代理服务器、站点文件、签名密钥）：&lt;a href=&quot;operations&quot;&gt;docs/operations.md&lt;/a&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>打开设置…</translation>
    </message>
    <message>
        <source>Show the ward anyway</source>
        <translation>仍然显示病区</translation>
    </message>
    <message>
        <source>Settings saved: start WardWatch again to connect with them.</source>
        <translation>设置已保存：请重新启动 WardWatch，以使用这些设置进行连接。</translation>
    </message>
</context>
<context>
    <name>ww::MqttClient</name>
    <message>
        <source>TLS set-up failed (%1): %2; not connecting</source>
        <translation>TLS 设置失败（%1）：%2；不进行连接</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>disconnected by request</source>
        <translation>已按请求断开</translation>
    </message>
</context>
<context>
    <name>ww::PatientAlarmDialog</name>
    <message>
        <source>On oxygen</source>
        <translation>正在吸氧</translation>
    </message>
    <message>
        <source>SpO₂ scale 2 (confirmed hypercapnic respiratory failure)</source>
        <translation>SpO₂ 量表 2（确诊高碳酸血症性呼吸衰竭）</translation>
    </message>
    <message>
        <source>%1: NEWS2 inputs and alarm limits</source>
        <translation>%1：NEWS2 输入项和报警限值</translation>
    </message>
    <message>
        <source>NEWS2 observations (recorded with your name)</source>
        <translation>NEWS2 观察项（以您的姓名记录）</translation>
    </message>
    <message>
        <source>A – alert</source>
        <translation>A – 清醒</translation>
    </message>
    <message>
        <source>C – new confusion</source>
        <translation>C – 新发意识混乱</translation>
    </message>
    <message>
        <source>V – responds to voice</source>
        <translation>V – 对声音有反应</translation>
    </message>
    <message>
        <source>P – responds to pain</source>
        <translation>P – 对疼痛有反应</translation>
    </message>
    <message>
        <source>U – unresponsive</source>
        <translation>U – 无反应</translation>
    </message>
    <message>
        <source>Consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <source>Alarm limits for this patient (blank: no limit)</source>
        <translation>此患者的报警限值（空白：无限值）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>心率</translation>
    </message>
    <message>
        <source>Pulse rate</source>
        <translation>脉率</translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation>血氧饱和度 SpO₂</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>呼吸频率</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>Diastolic BP</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>Mean BP</source>
        <translation>平均动脉压</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
</context>
<context>
    <name>ww::PatientModel</name>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>跌倒</translation>
    </message>
    <message>
        <source>Elope</source>
        <translation>走失</translation>
    </message>
    <message>
        <source>Bed exit</source>
        <translation>离床</translation>
    </message>
    <message>
        <source>Fall: at risk of falling</source>
        <translation>跌倒：有跌倒风险</translation>
    </message>
    <message>
        <source>Elope: at risk of leaving the ward; an exit raises an alarm</source>
        <translation>走失：有离开病区的风险；靠近出口会触发报警</translation>
    </message>
    <message>
        <source>Bed exit: getting out of bed raises an alarm</source>
        <translation>离床：下床会触发报警</translation>
    </message>
    <message>
        <source>No signal from %1 since %2; last HR %3</source>
        <translation>自 %2 起未收到 %1 的信号；最后心率 %3</translation>
    </message>
    <message>
        <source>No nurse has this patient: take them (Shift menu or the patient view)</source>
        <translation>没有护士负责此患者：请接管（班次菜单或患者视图）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Partial score (a lower bound): </source>
        <translation>部分评分（下限）：</translation>
    </message>
    <message>
        <source>NEWS2: </source>
        <translation>NEWS2：</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>空床</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>%1 (partial)</source>
        <translation>%1（不完整）</translation>
    </message>
    <message>
        <source>no wristband</source>
        <translation>无腕带</translation>
    </message>
    <message>
        <source>%1 not heard yet</source>
        <translation>尚未接收到 %1</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>HR /min</source>
        <translation>心率 /分</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>呼吸 /分</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>血压 mmHg</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Vitals at</source>
        <translation>体征时间</translation>
    </message>
    <message>
        <source>Temp %1</source>
        <translation>体温 %1</translation>
    </message>
</context>
<context>
    <name>ww::PatientView</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Fall risk</source>
        <translation>跌倒风险</translation>
    </message>
    <message>
        <source>Elopement risk (exit alarm)</source>
        <translation>走失风险（出口报警）</translation>
    </message>
    <message>
        <source>Bed-exit alarm armed</source>
        <translation>已启用离床报警</translation>
    </message>
    <message>
        <source>Take patient</source>
        <translation>接管患者</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Save schedule</source>
        <translation>保存时间表</translation>
    </message>
    <message>
        <source>Vital signs and NEWS2</source>
        <translation>生命体征和 NEWS2</translation>
    </message>
    <message>
        <source>Assigned nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>风险标记</translation>
    </message>
    <message>
        <source>NEWS2 inputs and alarm limits…</source>
        <translation>NEWS2 输入项和报警限值…</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Open alarms</source>
        <translation>开启的报警</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>No reminder due.</source>
        <translation>没有到期的提醒。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>no repositioning</source>
        <translation>不翻身</translation>
    </message>
    <message>
        <source>the ward&apos;s rounds</source>
        <translation>病区常规巡视</translation>
    </message>
    <message>
        <source>Times of day, HH:MM, separated by commas, in the ward&apos;s time zone</source>
        <translation>一天中的时间，HH:MM，用逗号分隔，采用病区时区</translation>
    </message>
    <message>
        <source>Reposition every</source>
        <translation>翻身间隔</translation>
    </message>
    <message>
        <source>Medication at</source>
        <translation>用药时间</translation>
    </message>
    <message>
        <source>Past alarms (24 h)</source>
        <translation>既往报警（24 小时）</translation>
    </message>
    <message>
        <source>Where (4 h): click the path or double-click a stay to see the plan then</source>
        <translation>位置（4 小时）：点击轨迹或双击某次停留以查看当时的平面图</translation>
    </message>
    <message>
        <source>Show on plan</source>
        <translation>在平面图上显示</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1: no longer in the census</source>
        <translation>%1：已不在患者一览中</translation>
    </message>
    <message>
        <source>%1 – bed %2</source>
        <translation>%1 – %2 床</translation>
    </message>
    <message>
        <source> – NEWS2 %1%2</source>
        <translation> – NEWS2 %1%2</translation>
    </message>
    <message>
        <source> (partial)</source>
        <translation>（不完整）</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>患者：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sign in to take this patient</source>
        <translation>登录后接管此患者</translation>
    </message>
    <message>
        <source>Take this patient as %1</source>
        <translation>以 %1 身份接管此患者</translation>
    </message>
    <message>
        <source>%1: not known to the site</source>
        <translation>%1：站点中未知</translation>
    </message>
    <message>
        <source>Wristband</source>
        <translation>腕带</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监护仪</translation>
    </message>
    <message>
        <source>battery %1 %</source>
        <translation>电量 %1 %</translation>
    </message>
    <message>
        <source>battery –</source>
        <translation>电量 –</translation>
    </message>
    <message>
        <source> (last heard %1)</source>
        <translation>（最后接收 %1）</translation>
    </message>
    <message>
        <source>No wristband or monitor</source>
        <translation>无腕带或监护仪</translation>
    </message>
    <message>
        <source>Medication at, time %1: &quot;%2&quot; is not a time of day (HH:MM, 00:00 to 23:59). Nothing was saved.</source>
        <translation>用药时间，第 %1 个时间：“%2”不是有效的时间（HH:MM，00:00 至 23:59）。未保存任何内容。</translation>
    </message>
    <message>
        <source>No alarm log at this station.</source>
        <translation>本工作站没有报警日志。</translation>
    </message>
    <message>
        <source>Nothing logged at this station yet.</source>
        <translation>本工作站尚无记录。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>报警条件</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No wristband: no locations</source>
        <translation>无腕带：无位置信息</translation>
    </message>
    <message>
        <source>No locations at this station</source>
        <translation>本工作站没有位置信息</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>For</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>%1 (floor %2)</source>
        <translation>%1（%2 层）</translation>
    </message>
    <message>
        <source>corridor (floor %1)</source>
        <translation>走廊（%1 层）</translation>
    </message>
    <message>
        <source>Not located in the last 4 h</source>
        <translation>过去 4 小时内未定位</translation>
    </message>
    <message numerus="yes">
        <source>%n stay(s)</source>
        <translation>
            <numerusform>%n 次停留</numerusform>
        </translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>ww::Responders</name>
    <message>
        <source>%1, in the room</source>
        <translation>%1，在房间内</translation>
    </message>
    <message>
        <source>%1, floor %2, %3 m</source>
        <translation>%1，%2 层，%3 米</translation>
    </message>
    <message>
        <source>%1, about %2 m</source>
        <translation>%1，约 %2 米</translation>
    </message>
    <message>
        <source>%1, %2 m</source>
        <translation>%1，%2 米</translation>
    </message>
    <message>
        <source>, at the alarm in %1</source>
        <translation>，正在处理 %1 的报警</translation>
    </message>
    <message>
        <source>, busy</source>
        <translation>，忙碌</translation>
    </message>
</context>
<context>
    <name>ww::RoomKind</name>
    <message>
        <source>patient</source>
        <translation>病房</translation>
    </message>
    <message>
        <source>icu</source>
        <translation>重症监护室</translation>
    </message>
    <message>
        <source>or</source>
        <translation>手术室</translation>
    </message>
    <message>
        <source>isolation</source>
        <translation>隔离病房</translation>
    </message>
    <message>
        <source>pharmacy</source>
        <translation>药房</translation>
    </message>
    <message>
        <source>utility-clean</source>
        <translation>清洁处置室</translation>
    </message>
    <message>
        <source>utility-dirty</source>
        <translation>污物处置室</translation>
    </message>
    <message>
        <source>corridor</source>
        <translation>走廊</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工区</translation>
    </message>
    <message>
        <source>toilet</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>stairs</source>
        <translation>楼梯间</translation>
    </message>
</context>
<context>
    <name>ww::SetpointDialog</name>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>相对湿度</translation>
    </message>
    <message>
        <source>Send to the BMS</source>
        <translation>发送到楼宇管理系统</translation>
    </message>
    <message>
        <source>Climate setpoint: %1</source>
        <translation>环境设定值：%1</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>normal (occupied)</source>
        <translation>正常（有人）</translation>
    </message>
    <message>
        <source>boost (purge)</source>
        <translation>强化（换气）</translation>
    </message>
    <message>
        <source>setback (unoccupied)</source>
        <translation>节能（无人）</translation>
    </message>
    <message>
        <source>Why (logged with your name)</source>
        <translation>原因（以您的姓名记录）</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Ventilation</source>
        <translation>通风</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>ww::Setpoints</name>
    <message>
        <source>Sign in first: setpoints are sent and logged with the operator&apos;s name</source>
        <translation>请先登录：设定值的发送和记录需要操作员姓名</translation>
    </message>
    <message>
        <source>%1 (%2) may not change setpoints: the site allows %3</source>
        <translation>%1（%2）不能修改设定值：站点仅允许 %3</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>This site names no building-management system (bms)</source>
        <translation>此站点未指定楼宇管理系统（bms）</translation>
    </message>
    <message>
        <source>%1 is not a room with a climate sensor</source>
        <translation>%1 不是配有环境传感器的房间</translation>
    </message>
    <message>
        <source>temperature: %1 °C is outside %2 to %3 °C</source>
        <translation>温度：%1 °C 超出 %2 至 %3 °C</translation>
    </message>
    <message>
        <source>humidity: %1 % is outside %2 to %3 %</source>
        <translation>湿度：%1 % 超出 %2 至 %3 %</translation>
    </message>
    <message>
        <source>Nothing to change: set a temperature, a humidity or a ventilation mode</source>
        <translation>没有需要修改的内容：请设置温度、湿度或通风模式</translation>
    </message>
    <message>
        <source>Say why: a setpoint change is logged with its reason</source>
        <translation>请说明原因：设定值修改会连同原因一起记录</translation>
    </message>
    <message>
        <source>Sent to %1: %2; waiting for its answer</source>
        <translation>已发送到 %1：%2；正在等待应答</translation>
    </message>
    <message>
        <source>%1 received it but did not accept it within %2 s: check the plant</source>
        <translation>%1 已收到，但未在 %2 秒内接受：请检查设备</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s: the setpoint may not be applied</source>
        <translation>%1 在 %2 秒内无应答：设定值可能未生效</translation>
    </message>
    <message>
        <source>%1 received it</source>
        <translation>%1 已收到</translation>
    </message>
    <message>
        <source>%1 accepted it: the room follows</source>
        <translation>%1 已接受：房间将随之调整</translation>
    </message>
    <message>
        <source>%1 declined it: %2</source>
        <translation>%1 已拒绝：%2</translation>
    </message>
    <message>
        <source>%1 could not apply it: %2</source>
        <translation>%1 无法执行：%2</translation>
    </message>
</context>
<context>
    <name>ww::SettingsDialog</name>
    <message>
        <source>%1 %2: no such file</source>
        <translation>%1 %2：文件不存在</translation>
    </message>
    <message>
        <source>%1 %2: a folder, not a file</source>
        <translation>%1 %2：是文件夹，不是文件</translation>
    </message>
    <message>
        <source>%1 %2: cannot be read by this account (%3)</source>
        <translation>%1 %2：本账户无法读取（%3）</translation>
    </message>
    <message>
        <source>%1 %2: readable by other users; chmod 600 it</source>
        <translation>%1 %2：其他用户可读；请执行 chmod 600</translation>
    </message>
    <message>
        <source>Connect with TLS</source>
        <translation>使用 TLS 连接</translation>
    </message>
    <message>
        <source>Large type (one and a half times the size)</source>
        <translation>大字体（1.5 倍大小）</translation>
    </message>
    <message>
        <source>Keep the password in this file</source>
        <translation>将密码保存在此文件中</translation>
    </message>
    <message>
        <source>WardWatch settings</source>
        <translation>WardWatch 设置</translation>
    </message>
    <message>
        <source>Broker (takes effect at the next start)</source>
        <translation>代理服务器（下次启动时生效）</translation>
    </message>
    <message>
        <source>e.g. broker.ward.example</source>
        <translation>例如 broker.ward.example</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted certificates</source>
        <translation>留空：使用系统信任的证书</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>密钥 (*.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
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
        <translation>协议：</translation>
    </message>
    <message>
        <source>This station (takes effect at the next start)</source>
        <translation>本工作站（下次启动时生效）</translation>
    </message>
    <message>
        <source>Site file:</source>
        <translation>站点文件：</translation>
    </message>
    <message>
        <source>Site files (*.json);;All files (*)</source>
        <translation>站点文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>empty: the built-in example ward</source>
        <translation>留空：使用内置的示例病区</translation>
    </message>
    <message>
        <source>Station id:</source>
        <translation>工作站 ID：</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Degrees Celsius (°C)</source>
        <translation>摄氏度（°C）</translation>
    </message>
    <message>
        <source>Degrees Fahrenheit (°F)</source>
        <translation>华氏度（°F）</translation>
    </message>
    <message>
        <source>Temperatures:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark (night)</source>
        <translation>深色（夜间）</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>in the keyring (%1); type to replace</source>
        <translation>已保存在密钥环中（%1）；输入即可替换</translation>
    </message>
    <message>
        <source>in the file %1; type to replace</source>
        <translation>已保存在文件 %1 中；输入即可替换</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Broker host: empty; name the computer the broker runs on (127.0.0.1 for this one)</source>
        <translation>代理服务器主机：为空；请填写运行代理服务器的计算机（本机为 127.0.0.1）</translation>
    </message>
    <message>
        <source>Broker host &quot;%1&quot;: a host name has no spaces</source>
        <translation>代理服务器主机“%1”：主机名不能包含空格</translation>
    </message>
    <message>
        <source>Port &quot;%1&quot;: not a port number from 1 to 65535</source>
        <translation>端口“%1”：不是 1 至 65535 之间的端口号</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client key %1: given without its client certificate</source>
        <translation>客户端密钥 %1：缺少对应的客户端证书</translation>
    </message>
    <message>
        <source>Client certificate %1: given without its key file</source>
        <translation>客户端证书 %1：缺少对应的密钥文件</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Password given without a user name: fill in the user name</source>
        <translation>填写了密码但没有用户名：请填写用户名</translation>
    </message>
    <message>
        <source>The keyring holds the password of %1: type the password of %2</source>
        <translation>密钥环中保存的是 %1 的密码：请输入 %2 的密码</translation>
    </message>
    <message>
        <source>Site file</source>
        <translation>站点文件</translation>
    </message>
    <message>
        <source>Station id: empty; every station needs an id of its own (such as nurse-1)</source>
        <translation>工作站 ID：为空；每个工作站都需要自己的 ID（例如 nurse-1）</translation>
    </message>
    <message>
        <source>Station id &quot;%1&quot;: no spaces, &quot;/&quot;, &quot;+&quot; or &quot;#&quot; (it is part of MQTT topics)</source>
        <translation>工作站 ID“%1”：不能包含空格、“/”、“+”或“#”（它是 MQTT 主题的一部分）</translation>
    </message>
    <message>
        <source>Storing the password in the keyring as %1…</source>
        <translation>正在将密码以 %1 保存到密钥环…</translation>
    </message>
    <message>
        <source>No keyring is available on this computer (%1), so the password cannot be kept there. It can be kept instead in a file that only your account can read: %2</source>
        <translation>此计算机上没有可用的密钥环（%1），因此无法将密码保存在其中。可以改为保存在只有您的账户可读的文件中：%2</translation>
    </message>
    <message>
        <source>The keyring refused to store the password (%1). Nothing was saved.</source>
        <translation>密钥环拒绝保存密码（%1）。未保存任何内容。</translation>
    </message>
    <message>
        <source>The keyring could not store the password (%1). Nothing was saved.</source>
        <translation>密钥环无法保存密码（%1）。未保存任何内容。</translation>
    </message>
    <message>
        <source>Password: empty; type the password to keep in the file</source>
        <translation>密码：为空；请输入要保存在文件中的密码</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>How temperatures are shown (tables, alarms, charts, reports); changes at once. Records, exports and messages to other systems stay in °C.</source>
        <translation>温度的显示方式（表格、报警、图表、报告）；立即生效。记录、导出以及发往其他系统的消息仍使用 °C。</translation>
    </message>
    <message>
        <source>Broker, TLS, user name and password, site file and station id are read when WardWatch starts: they take effect at the next start. Language, temperatures and appearance change at once.</source>
        <translation>代理服务器、TLS、用户名和密码、站点文件以及工作站 ID 在 WardWatch 启动时读取：它们在下次启动时生效。语言、温度单位和外观会立即更改。</translation>
    </message>
</context>
<context>
    <name>ww::ShiftControls</name>
    <message>
        <source>&amp;Shift</source>
        <translation>班次(&amp;S)</translation>
    </message>
    <message>
        <source>Take charge</source>
        <translation>担任当班负责护士</translation>
    </message>
    <message>
        <source>Take patients…</source>
        <translation>接管患者…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Shift report…</source>
        <translation>交班报告…</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报告</translation>
    </message>
    <message>
        <source>My patients only</source>
        <translation>仅我的患者</translation>
    </message>
    <message>
        <source>The census, the alarm list and the plan show your patients (alarms of no patient stay)</source>
        <translation>患者一览、报警列表和平面图只显示您的患者（不涉及患者的报警仍显示）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Station scope</source>
        <translation>工作站范围</translation>
    </message>
    <message>
        <source>Charge: nobody</source>
        <translation>当班负责护士：无</translation>
    </message>
    <message>
        <source>Charge: %1</source>
        <translation>当班负责护士：%1</translation>
    </message>
    <message>
        <source>Only the charge nurse assigns patients</source>
        <translation>只有当班负责护士可以分配患者</translation>
    </message>
    <message>
        <source>AUDIO PAUSED at %1 by %2, %3:%4 left</source>
        <translation>%1 的音频已由 %2 暂停，剩余 %3:%4</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>无人登录</translation>
    </message>
</context>
<context>
    <name>ww::ShiftReportView</name>
    <message>
        <source>Shift report</source>
        <translation>交班报告</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>Save the shift report as PDF</source>
        <translation>将交班报告保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save the shift report as CSV</source>
        <translation>将交班报告保存为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Alarms per bed-day</source>
        <translation>每床日报警数</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>under one occupied bed-hour</source>
        <translation>不足一个占用床时</translation>
    </message>
    <message>
        <source>Alarms raised</source>
        <translation>产生的报警</translation>
    </message>
    <message>
        <source>reminders not counted; station technical alarms left out: %1</source>
        <translation>不计提醒；未计入的工作站技术报警：%1</translation>
    </message>
    <message>
        <source>Occupied bed-days</source>
        <translation>占用床日</translation>
    </message>
    <message>
        <source>Likely nuisance</source>
        <translation>疑似误报</translation>
    </message>
    <message>
        <source>ended by themselves within 10 s of onset, unacknowledged</source>
        <translation>开始后 10 秒内自行结束且未确认</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>产生</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Never acknowledged</source>
        <translation>从未确认</translation>
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
        <translation>从开始到确认的时间，统计该时段内产生的报警；百分位数按最近秩法计算。</translation>
    </message>
    <message>
        <source>No alarms in this period.</source>
        <translation>此时段内没有报警。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>报警条件</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Lasted</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>The log has no NEWS2 scores for this period.</source>
        <translation>日志中没有此时段的 NEWS2 评分。</translation>
    </message>
    <message>
        <source>No patient alarms, reminders or scores in this period.</source>
        <translation>此时段内没有患者报警、提醒或评分。</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>By</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Reminders: %1 done, %2 missed</source>
        <translation>提醒：已完成 %1 项，错过 %2 项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>日志：%1</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病区</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>确认用时</translation>
    </message>
    <message>
        <source>Most frequent conditions</source>
        <translation>最常见的报警条件</translation>
    </message>
    <message>
        <source>Likely nuisance alarms</source>
        <translation>疑似误报</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>beds occupied throughout the period: %1 (--beds; the census record has no entries)</source>
        <translation>整个时段内占用的床位：%1（--beds；患者一览记录中没有条目）</translation>
    </message>
    <message>
        <source>the census record, with the station&apos;s census at the start (beds occupied: %1) for beds the record has no entry for before the start</source>
        <translation>患者一览记录；对于开始前在记录中没有条目的床位，采用本工作站开始时的患者一览（占用床位：%1）</translation>
    </message>
    <message>
        <source>the census record only: a bed with no entry before the start counts as vacant until its first entry</source>
        <translation>仅依据患者一览记录：开始前没有条目的床位在其第一个条目之前视为空床</translation>
    </message>
    <message>
        <source> (--beds %1 not used: the census record has entries)</source>
        <translation>（未使用 --beds %1：患者一览记录中有条目）</translation>
    </message>
    <message>
        <source>%1: could not be written</source>
        <translation>%1：无法写入</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>By rule: %1</source>
        <translation>按规则：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>NEWS2: no scores logged</source>
        <translation>NEWS2：未记录评分</translation>
    </message>
    <message>
        <source>NEWS2: first %1, last %2, min %3, max %4</source>
        <translation>NEWS2：首次 %1，末次 %2，最低 %3，最高 %4</translation>
    </message>
</context>
<context>
    <name>ww::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Operator sign-in</source>
        <translation>操作员登录</translation>
    </message>
    <message>
        <source>PIN, at least %1 digits</source>
        <translation>PIN，至少 %1 位数字</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>ww::StaffModel</name>
    <message>
        <source>no signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸牌</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Badge signal</source>
        <translation>胸牌信号</translation>
    </message>
</context>
<context>
    <name>ww::StationCore</name>
    <message>
        <source>broker not answering</source>
        <translation>代理服务器无应答</translation>
    </message>
</context>
<context>
    <name>ww::StationFilter</name>
    <message>
        <source>Floor %1</source>
        <translation>%1 层</translation>
    </message>
    <message>
        <source>All of the ward</source>
        <translation>整个病区</translation>
    </message>
</context>
<context>
    <name>ww::TakePatientsDialog</name>
    <message>
        <source>Take patients as %1</source>
        <translation>以 %1 身份接管患者</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Nurse now</source>
        <translation>当前护士</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Tick the patients you look after this shift. A patient another nurse has moves to you.</source>
        <translation>勾选本班次由您照护的患者。其他护士负责的患者将转给您。</translation>
    </message>
</context>
<context>
    <name>ww::TemperatureChart</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Temperature %1</source>
        <translation>温度 %1</translation>
    </message>
</context>
<context>
    <name>ww::TrackMap</name>
    <message>
        <source>Where the patient went: fainter is longer ago, the ring is where the look-back starts, the dot is now. Click the path to see the plan at that moment.</source>
        <translation>患者的移动轨迹：颜色越淡时间越早，圆环为回看起点，圆点为当前位置。点击轨迹可查看当时的平面图。</translation>
    </message>
    <message>
        <source>floor %1: %2–%3</source>
        <translation>%1 层：%2–%3</translation>
    </message>
    <message>
        <source>Not located in the look-back</source>
        <translation>回看时段内未定位</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>另外：%1</translation>
    </message>
</context>
<context>
    <name>ww::VitalKind</name>
    <message>
        <source>HR</source>
        <translation>心率</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>脉搏</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>呼吸</translation>
    </message>
    <message>
        <source>SBP</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>DBP</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>平均动脉压</translation>
    </message>
    <message>
        <source>Temp</source>
        <translation>体温</translation>
    </message>
</context>
<context>
    <name>ww::VitalsTrendView</name>
    <message>
        <source>HR /min</source>
        <translation>心率 /分</translation>
    </message>
    <message>
        <source>SpO₂ %</source>
        <translation>SpO₂ %</translation>
    </message>
    <message>
        <source>RR /min</source>
        <translation>呼吸 /分</translation>
    </message>
    <message>
        <source>BP mmHg</source>
        <translation>血压 mmHg</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>Trends: bed %1 is vacant</source>
        <translation>趋势：%1 床空床</translation>
    </message>
    <message>
        <source>Trends: select a patient in the census</source>
        <translation>趋势：请在患者一览中选择患者</translation>
    </message>
    <message>
        <source>Trends: %1 (bed %2), last %3</source>
        <translation>趋势：%1（%2 床），最近 %3</translation>
    </message>
    <message>
        <source>Trends: %1 (bed %2), no vital signs yet</source>
        <translation>趋势：%1（%2 床），尚无生命体征</translation>
    </message>
    <message>
        <source>Temp %1</source>
        <translation>体温 %1</translation>
    </message>
</context>
<context>
    <name>ww::WardCore</name>
    <message>
        <source>The alarm engine is not running.</source>
        <translation>报警引擎未运行。</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>（无人登录）</translation>
    </message>
</context>
<context>
    <name>ww::WardState</name>
    <message>
        <source> (late)</source>
        <translation>（迟到）</translation>
    </message>
</context>
</TS>
