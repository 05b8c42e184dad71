ğÁ‘‚ç3fall-WB-1-1 *
event.fall2WB-1:Amelia NowakBFall detectedX`àó‚ç3jS02r	station-2xğÁ‘‚ç3’	station-2˜ÂeventÊR101, level 1Ò
Nurse DemoÚR101â
event.fallğ