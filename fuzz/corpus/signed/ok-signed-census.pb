WWS1
	station-2™ðØŠ´¿˜@$Î<~‡Û7Ò;Ã¬$QŠŸÁI¬f³574ƒÐjYÂC†®VßÇH§çÐ»vÊ0«ŸGž3uæ|PÒÂ2"KðÐŒ‚ç3	station-2"B-101*P0352Grace Okafor:wb-101Bvm-101JS02Radmit