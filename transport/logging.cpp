#include "transport/logging.h"

Q_LOGGING_CATEGORY(lcMqtt, "ww.mqtt", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIngest, "ww.ingest", QtWarningMsg)
