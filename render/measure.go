package render

// dejaVuSans are the advance widths of DejaVu Sans's printable ASCII characters, from the
// space (32) to the tilde (126), in the font's units, 2048 to the em. They are the widths
// Graphviz lays the picture out with (TestWidthsAsGraphviz).
var dejaVuSans = [95]int{
	651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, // space to /
	1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, // 0 to ?
	2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, // @ to O
	1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, // P to _
	1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, // ` to o
	1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716, // p to ~
}

// dejaVuSansBold are the advance widths of DejaVu Sans Bold's printable ASCII characters, as
// dejaVuSans are DejaVu Sans's: the widths Graphviz lays out text in <B> with.
var dejaVuSansBold = [95]int{
	713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, // space to /
	1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, // 0 to ?
	2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, // @ to O
	1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, // P to _
	1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407, // ` to o
	1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716, // p to ~
}

// TextWidth is the width, in points, that Graphviz gives s set in DejaVu Sans (regular) at
// size points, the width a cell of the picture grows to hold it; pages that set text in
// DejaVu Sans beside the picture measure it in pixels the same way. Graphviz estimates it
// from the font's widths of ASCII characters and counts every byte of any other character
// as a space (so "é" as two spaces, an emoji as four); browsers draw such characters at
// about that width or less, so text measured here fits the box Graphviz draws.
func TextWidth(s string, size float64) float64 {
	return fontWidth(s, size, &dejaVuSans)
}

// boldWidth is the width, in points, that Graphviz gives s set in DejaVu Sans Bold at size
// points, measured as TextWidth measures regular text.
func boldWidth(s string, size float64) float64 {
	return fontWidth(s, size, &dejaVuSansBold)
}

// fontWidth is the width, in points, of s set at size points in the font whose ASCII widths are
// widths; every byte of any other character counts as a space.
func fontWidth(s string, size float64, widths *[95]int) float64 {
	units := 0
	for i := 0; i < len(s); i++ {
		c := int(s[i])
		if c < 32 || c > 126 {
			c = ' '
		}
		units += widths[c-32]
	}
	return float64(units) * size / 2048
}
