package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CheckSVG reports whether svg is safe to write and to open in a browser: it must parse as
// XML, and hold no <script> or <foreignObject> element, no event handler (on*) attribute, no
// link or stylesheet reference, and no "javascript:" anywhere.
func CheckSVG(svg []byte) error {
	if bytes.Contains(bytes.ToLower(svg), []byte("javascript:")) {
		return errors.New("unsafe svg: it contains \"javascript:\"")
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("graphviz wrote ill-formed svg: %w", err)
		}
		if err := checkToken(tok); err != nil {
			return fmt.Errorf("unsafe svg: %w", err)
		}
	}
}

// checkToken refuses one dangerous piece of an SVG document.
func checkToken(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		switch strings.ToLower(t.Name.Local) {
		case "script", "foreignobject", "iframe", "embed", "object":
			return fmt.Errorf("it contains a <%s> element", t.Name.Local)
		}
		for _, a := range t.Attr {
			name := strings.ToLower(a.Name.Local)
			if strings.HasPrefix(name, "on") || name == "href" || name == "src" {
				return fmt.Errorf("<%s> has a %q attribute", t.Name.Local, a.Name.Local)
			}
		}
	case xml.ProcInst:
		if strings.EqualFold(t.Target, "xml-stylesheet") {
			return errors.New("it references a stylesheet")
		}
	}
	return nil
}
