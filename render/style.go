package render

import "fmt"

// font is the one font the picture is laid out with: DejaVu Sans, whose metrics Graphviz
// knows. It is the sans-serif font of a stock Linux machine, and it has every character of
// the picture's own labels (TestGlyphsInDejaVu). Its widths are those of Verdana, which every
// Windows and macOS machine has, so the SVG names Verdana after it (fontFamily) and the text
// fits its boxes there too. It is a constant: no user text ever reaches a font name.
const font = "DejaVu Sans"

// fontFamily is the SVG font-family of every text: font, then the fonts of the same widths.
const fontFamily = "DejaVu Sans,Verdana,Bitstream Vera Sans,sans-serif"

// Colours of the picture.
const (
	ink       = "#222222"
	muted     = "#5f5f5f"
	line      = "#8c8c8c"
	paper     = "#ffffff"
	stageFill = "#f3f4f6"
	stageLine = "#c9ccd1"
	painFill  = "#fde7d6"
	gainFill  = "#dcebf6"
	offMap    = "#c51b7d"
	flowLine  = "#4d4d4d"
	curveLine = "#333333"
	bandFill  = "#f7f7f7"
	markFill  = "#222222"
)

// arcAlpha is the opacity appended to the colour of an edge that arcs over the cards.
const arcAlpha = "80"

// emotionColours is ColorBrewer's 5-class RdYlBu, a diverging scale readable by colour-blind
// viewers, from -2 (red) to +2 (blue). Colour is never the only cue: the score and a face
// are always drawn with it.
var emotionColours = [5]string{"#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6"}

// emotionFaces are the face glyphs from -2 to +2: persevering, disappointed, neutral,
// smiling and grinning. Like every mark of the picture they are characters that DejaVu Sans
// has (TestGlyphsInDejaVu), so a stock machine shows them even without a colour emoji font;
// one with such a font shows them in colour.
var emotionFaces = [5]string{"\U0001F623", "\U0001F61E", "\U0001F610", "\U0001F60A", "\U0001F600"}

// The marks of the picture, each a character of DejaVu Sans (and of DejaVu Sans Bold where
// it is drawn bold).
const (
	markDone  = "✓" // a persona's goal
	markCross = "✗" // a persona's frustration
	markStar  = "★" // a moment of truth
	markFlag  = "⚑" // a goal
	markPain  = "−" // a pain (a minus sign)
	markGain  = "+" // a gain
	markExit  = "⏏" // users whose last step a touchpoint is
	markOn    = "→" // users who continue; the designed flow
	markDown  = "↓" // users who drop off
	markNone  = "–" // a ratio that does not exist (an en dash)
)

// emotionLevel returns the index into the emotion tables of score e, clamped to -2..2.
func emotionLevel(e int) int { return min(max(e, -2), 2) + 2 }

// emotionText returns the colour for text drawn on an emotion's colour.
func emotionText(level int) string {
	if level == 0 || level == 4 {
		return paper
	}
	return ink
}

// score formats an emotion with its sign: "-2", "0", "+1".
func score(e int) string {
	if e > 0 {
		return fmt.Sprintf("+%d", e)
	}
	return fmt.Sprint(e)
}

// EmotionColour returns the colour of emotion score e (clamped to -2..2) and the colour of
// text drawn on it, so that pages beside the picture show emotions on the same scale.
func EmotionColour(e int) (fill, text string) {
	lv := emotionLevel(e)
	return emotionColours[lv], emotionText(lv)
}
