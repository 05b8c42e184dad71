#pragma once
#include <QLoggingCategory>

// One category per subsystem, quiet by default (warnings and above).
Q_DECLARE_LOGGING_CATEGORY(lcMqtt)
Q_DECLARE_LOGGING_CATEGORY(lcIngest)
