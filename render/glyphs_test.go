package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/journey-cx/journey/journey/lang"
)

// charset is the set of characters a font has, read from the fontconfig lists in
// testdata/fonts (see its PROVENANCE.md).
type charset [][2]rune

func readCharset(t *testing.T, name string) charset {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "fonts", name+".charset"))
	if err != nil {
		t.Fatal(err)
	}
	var cs charset
	for _, f := range strings.Fields(string(b)) {
		lo, hi, _ := strings.Cut(f, "-")
		if hi == "" {
			hi = lo
		}
		a, err1 := strconv.ParseInt(lo, 16, 32)
		z, err2 := strconv.ParseInt(hi, 16, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad range %q", name, f)
		}
		cs = append(cs, [2]rune{rune(a), rune(z)})
	}
	if len(cs) < 100 {
		t.Fatalf("%s: only %d ranges", name, len(cs))
	}
	return cs
}

func (cs charset) has(r rune) bool {
	for _, rg := range cs {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// svgRunes returns the characters of the SVG's text, those drawn bold apart.
func svgRunes(t *testing.T, svg []byte) (regular, bold map[rune]string) {
	t.Helper()
	regular, bold = map[rune]string{}, map[rune]string{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var in map[rune]string // the set of the <text> element being read, nil outside one
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return regular, bold
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				in = regular
				if slices.Contains(tok.Attr, xml.Attr{Name: xml.Name{Local: "font-weight"}, Value: "bold"}) {
					in = bold
				}
			}
		case xml.EndElement:
			in = nil
		case xml.CharData:
			for _, r := range string(tok) {
				if in != nil {
					in[r] = string(tok)
				}
			}
		}
	}
}

// TestGlyphsInDejaVu checks that every character of the picture's own labels (the faces,
// marks, words and numbers, in every language, with and without data) exists in DejaVu Sans,
// and every bold one in DejaVu Sans Bold, so that a machine with only DejaVu shows no empty
// box. The map's own text is plain, so any character missing comes from the picture.
func TestGlyphsInDejaVu(t *testing.T) {
	fonts := map[bool]charset{false: readCharset(t, "DejaVuSans"), true: readCharset(t, "DejaVuSans-Bold")}
	m := florist()
	m.Touchpoints()[6].Name = "Eerste bestelling"
	m.Touchpoints()[0].Feeling = "nieuwsgierig"
	for _, tag := range lang.Tags() {
		l, _ := lang.Get(tag)
		for _, withData := range []bool{false, true} {
			r := floristReport(m)
			if !withData {
				r = nil
			}
			regular, bold := svgRunes(t, image(t, DOT(m, r, l)))
			for isBold, runes := range map[bool]map[rune]string{false: regular, true: bold} {
				for c, text := range runes {
					if !fonts[isBold].has(c) {
						t.Errorf("%s, data %v: %U %q (bold %v) is not in DejaVu Sans, in %q", tag, withData, c, c, isBold, text)
					}
				}
			}
		}
	}
}

// TestGlyphsCheckFails makes sure the check can fail: the faces journey drew before lack from
// DejaVu Sans.
func TestGlyphsCheckFails(t *testing.T) {
	cs := readCharset(t, "DejaVuSans")
	for _, face := range []rune{0x1F641, 0x1F642} {
		if cs.has(face) {
			t.Errorf("%U should be missing from DejaVu Sans", face)
		}
	}
	for _, face := range emotionFaces {
		for _, c := range face {
			if !cs.has(c) {
				t.Errorf("face %q (%U) is not in DejaVu Sans", face, c)
			}
		}
	}
}
