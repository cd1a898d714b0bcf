package events

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// The scanning primitives of the JSON Lines reader. They check the JSON grammar (RFC 8259)
// as they go, byte for byte what encoding/json accepts, and find the end of a string eight
// bytes at a time: most of a line is the text of its strings.

// Byte patterns for finding the bytes that end a run of plain string text.
const (
	quotes      = 0x2222222222222222
	backslashes = 0x5c5c5c5c5c5c5c5c
	spaces      = 0x2020202020202020
	lowBits     = 0x0101010101010101
)

// maxDepth is how deep arrays and objects may nest in a line, as in encoding/json.
const maxDepth = 10000

// stringFlags says what a string holds besides plain ASCII text.
type stringFlags uint8

const (
	escaped stringFlags = 1 << iota // backslash escapes: the text must be unescaped
	wide                            // bytes beyond ASCII: the text must be checked as UTF-8
)

// scanString scans the string whose opening quote is at b[i] and returns the index of its
// closing quote (-1 when the string is not well-formed: unterminated, a control character,
// or a bad escape) and what it holds.
func scanString(b []byte, i int) (int, stringFlags) {
	var flags stringFlags
	var high uint64
	i++
	for {
		for i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			high |= w
			if m := special(w); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		for i < len(b) && b[i] >= ' ' && b[i] != '"' && b[i] != '\\' {
			high |= uint64(b[i])
			i++
		}
		if high&highBitsOf != 0 {
			flags |= wide
		}
		switch {
		case i >= len(b) || b[i] < ' ':
			return -1, flags
		case b[i] == '"':
			return i, flags
		}
		flags |= escaped
		n := escapeLen(b, i)
		if n == 0 {
			return -1, flags
		}
		i += n
	}
}

// special returns a word with the high bit set in the first byte of w that is a quote, a
// backslash or a control character (bytes after the first may be marked too).
func special(w uint64) uint64 {
	control := (w - spaces) &^ w
	return (zeroBytes(w^quotes) | zeroBytes(w^backslashes) | control) & highBitsOf
}

// escapeLen returns the length of the escape sequence at b[i] (a backslash), or 0 when it
// is not one JSON allows.
func escapeLen(b []byte, i int) int {
	if i+1 >= len(b) {
		return 0
	}
	switch b[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	case 'u':
		if i+6 <= len(b) && isHex(b[i+2]) && isHex(b[i+3]) && isHex(b[i+4]) && isHex(b[i+5]) {
			return 6
		}
	}
	return 0
}

func isHex(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

// hexValue returns the value of the four hex digits at b[0:4].
func hexValue(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		d := rune(c - '0')
		if c > '9' {
			d = rune(c|0x20-'a') + 10
		}
		r = r<<4 | d
	}
	return r
}

// unescape appends the text of a well-formed string's content s (without its quotes) to
// dst. As encoding/json does, a \u escape of a lone surrogate becomes U+FFFD.
func unescape(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			j := i + 1
			for j < len(s) && s[j] != '\\' {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		if s[i+1] != 'u' {
			dst = append(dst, unescapedByte(s[i+1]))
			i += 2
			continue
		}
		r := hexValue(s[i+2:])
		i += 6
		if utf16.IsSurrogate(r) {
			r2 := rune(-1)
			if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
				r2 = hexValue(s[i+2:])
			}
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				r = dec
				i += 6
			} else {
				r = utf8.RuneError
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// unescapedByte returns the byte a one-letter escape stands for.
func unescapedByte(c byte) byte {
	switch c {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c // '"', '\\' and '/'
}

// scanNumber scans the number starting at b[i] and returns the index just past it, or -1
// when it is not a JSON number.
func scanNumber(b []byte, i int) int {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i++; i < len(b) && isDigit(b[i]); i++ {
		}
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if i = digitsEnd(b, i+1); i < 0 {
			return -1
		}
	}
	if i < len(b) && b[i]|0x20 == 'e' {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		return digitsEnd(b, i)
	}
	return i
}

// digitsEnd returns the index past the digits from b[i], or -1 when there is none.
func digitsEnd(b []byte, i int) int {
	j := i
	for j < len(b) && isDigit(b[j]) {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// scanLiteral scans true, false or null at b[i] and returns the index past it, or -1.
func scanLiteral(b []byte, i int) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}

// skipSpace returns the index of the first byte from b[i] that is not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// closer returns the byte that closes an array ('[') or object ('{').
func closer(open byte) byte { return open + 2 }

// skipNested scans the array or object at b[i] (a value the reader keeps as written) and
// returns the index past it, or -1 when it is not well-formed. depth is how deep it is
// already; stack is scratch space for the containers open.
func skipNested(b []byte, i, depth int, stack []byte) (int, []byte, syntaxError) {
	stack = stack[:0]
	for {
		// b[i] starts a value.
		if i >= len(b) {
			return -1, stack, syntaxError{i, "the line ends inside an array or object"}
		}
		switch c := b[i]; c {
		case '[', '{':
			if depth+len(stack) >= maxDepth {
				return -1, stack, syntaxError{i, "arrays and objects nest too deep"}
			}
			stack = append(stack, c)
			i = skipSpace(b, i+1)
			if i < len(b) && b[i] == closer(c) {
				stack = stack[:len(stack)-1]
				i++
				break
			}
			if c == '{' {
				var e syntaxError
				if i, e = skipKey(b, i); i < 0 {
					return -1, stack, e
				}
			}
			continue
		default:
			var e syntaxError
			if i, e = scanScalar(b, i); i < 0 {
				return -1, stack, e
			}
		}
		var e syntaxError
		if i, stack, e = afterNested(b, i, stack); i < 0 || len(stack) == 0 {
			return i, stack, e
		}
	}
}

// afterNested moves past the separators and closing brackets that follow a value inside an
// array or object, to the start of the next value; it returns with an empty stack when the
// outermost container is closed.
func afterNested(b []byte, i int, stack []byte) (int, []byte, syntaxError) {
	for len(stack) > 0 {
		i = skipSpace(b, i)
		top := stack[len(stack)-1]
		switch {
		case i < len(b) && b[i] == ',':
			i = skipSpace(b, i+1)
			if top == '{' {
				var e syntaxError
				if i, e = skipKey(b, i); i < 0 {
					return -1, stack, e
				}
			}
			return i, stack, syntaxError{}
		case i < len(b) && b[i] == closer(top):
			stack = stack[:len(stack)-1]
			i++
		case i >= len(b):
			return -1, stack, syntaxError{i, "the line ends inside an array or object"}
		default:
			return -1, stack, syntaxError{i, "expected a comma or a closing " + string(closer(top))}
		}
	}
	return i, stack, syntaxError{}
}

// skipKey scans a key and its colon inside a kept object, returning the start of the value.
func skipKey(b []byte, i int) (int, syntaxError) {
	if i >= len(b) || b[i] != '"' {
		return -1, syntaxError{i, "expected a key in quotes"}
	}
	end, flags := scanString(b, i)
	if end < 0 {
		return -1, syntaxError{i, "a string is not well-formed"}
	}
	if flags&wide != 0 && !utf8.Valid(b[i+1:end]) {
		return -1, syntaxError{i, invalidUTF8}
	}
	return colon(b, end+1)
}

// colon expects a colon after a key and returns the start of the value.
func colon(b []byte, i int) (int, syntaxError) {
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != ':' {
		return -1, syntaxError{i, "expected a colon after a key"}
	}
	return skipSpace(b, i+1), syntaxError{}
}

// scanScalar scans a string, number, true, false or null at b[i] and returns the index past
// it, or -1.
func scanScalar(b []byte, i int) (int, syntaxError) {
	switch c := b[i]; {
	case c == '"':
		end, flags := scanString(b, i)
		if end < 0 {
			return -1, syntaxError{i, "a string is not well-formed"}
		}
		if flags&wide != 0 && !utf8.Valid(b[i+1:end]) {
			return -1, syntaxError{i, invalidUTF8}
		}
		return end + 1, syntaxError{}
	case c == 't' || c == 'f' || c == 'n':
		if j := scanLiteral(b, i); j >= 0 {
			return j, syntaxError{}
		}
	case c == '-' || isDigit(c):
		if j := scanNumber(b, i); j >= 0 {
			return j, syntaxError{}
		}
	}
	return -1, syntaxError{i, "expected a value"}
}

// invalidUTF8 marks a syntaxError that is a string with invalid UTF-8 rather than bad
// grammar: such a line is skipped as invalid UTF-8, as a CSV row would be.
const invalidUTF8 = "invalid UTF-8"

// syntaxError says where a line stops being JSON and why.
type syntaxError struct {
	at  int
	why string
}
