èš‘‚ç3fall-WB-1-1#1"	station-2:
fall-WB-1-1bd-01