Èû‚ç3fall-WB-1-1 *
event.fall2WB-1:Amelia NowakBFall detectedX`àó‚ç3’	station-2˜ÂeventÊR101, level 1ÚR101â
event.fallğ