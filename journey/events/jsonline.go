package events

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// lineStatus says what a JSON Lines line turned out to be.
type lineStatus uint8

const (
	lineRow   lineStatus = iota // a JSON object: the parser's fields hold its cells
	lineBlank                   // white space only: not a row
	lineBad                     // not a JSON object, or not UTF-8: a skipped row (see why)
	lineClash                   // two keys give one column: the read stops (see clash)
)

// Kinds of shape nodes: a key whose value is a scalar or an array, a key whose value is an
// object, and the end of an object.
const (
	shapeLeaf uint8 = iota
	shapeObject
	shapeClose
	shapeRoot
)

// maxShapes bounds the shape nodes a parser keeps. A line that would add nodes beyond it is
// parsed with nodes of its own, dropped when the line is done, so that a file whose every
// line has new keys is slower, not bigger.
const maxShapes = 1 << 14

// maxNames bounds the column names a parser keeps for messages, and maxNameLen the length
// of one.
const (
	maxNames   = 1000
	maxNameLen = 200
)

// shapeNode is one step in the shape of a line: its keys and where objects end, in the
// order they are written. The nodes form a tree from the root, one path per shape met, so
// that a line shaped like an earlier one walks a known path: each key costs a comparison of
// its bytes, and its column is known.
type shapeNode struct {
	key  string // the key as written between its quotes, escapes and all
	name string // the key's text
	// hash is the hash of the column name (the keys from the outermost object down, joined
	// with dots); names are only spelled out when needed, as a line of nested objects with
	// long keys would make them long.
	hash     uint64
	prefix   int32 // the node of the key whose object holds this key, -1 for none
	children []int32
	parent   int32
	last     int32 // the child taken last, tried first
	col      int32 // the plan's column of a leaf, or -1
	kind     uint8
	// unique says that a line may end here: the path's column names are distinct.
	unique bool
}

// jsonParser turns a JSON Lines line into the cells of a plan's columns: a nested object's
// keys named with dots, a string as its text, a number, true or false as written, an array as
// written, null and missing keys empty. A parser is used by one worker at a time.
type jsonParser struct {
	*columnHashes
	fields  [][]byte // the current line's cells, by plan column
	scratch []byte   // unescaped strings of the current line
	stack   []byte
	shapes  []shapeNode
	// mark is how many shape nodes there were when the line started, and grown the node
	// that got the line's first new child (-1 for none), to undo the line's new nodes.
	mark, grown int32
	why         syntaxError // why the last bad line is not a JSON object
	clash       string      // the column two keys of the last clashing line gave
	// seen says which plan columns some line has had; names are the column names met.
	seen  []bool
	names map[string]struct{}
	dup   map[uint64]int32
	// index finds the children of nodes with more than fewChildren of them by childKey, so
	// that lines whose keys vary (an export's properties, differing from event to event)
	// do not search long lists of children; buf builds the keys.
	index map[string]int32
	buf   []byte
}

// fewChildren is how many children of a node step searches one by one; beyond, it looks
// them up in the index.
const fewChildren = 8

// columnHashes finds a plan's columns by the hash of their names.
type columnHashes struct {
	seed   uint64
	header []string
	byHash map[uint64]int32
}

// newColumnHashes hashes the columns of header with a random seed.
func newColumnHashes(header []string) *columnHashes {
	h := &columnHashes{seed: rand.Uint64(), header: header, byHash: map[uint64]int32{}}
	for i, name := range header {
		h.byHash[hashName(h.seed, []byte(name))] = int32(i)
	}
	return h
}

// hashName continues the hash h over name (FNV-1a).
func hashName(h uint64, name []byte) uint64 {
	for _, c := range name {
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	return h
}

// newJSONParser returns a parser for the columns of cols.
func newJSONParser(cols *columnHashes) *jsonParser {
	n := len(cols.header)
	return &jsonParser{columnHashes: cols, fields: make([][]byte, n), seen: make([]bool, n),
		shapes: []shapeNode{{kind: shapeRoot, parent: -1, prefix: -1, last: -1, col: -1}},
		names:  map[string]struct{}{}, dup: map[uint64]int32{}, index: map[string]int32{}}
}

// childKey returns the index's key of the child of node n for a key of a kind, in buf.
func (p *jsonParser) childKey(n int32, key []byte, kind uint8) []byte {
	p.buf = binary.LittleEndian.AppendUint32(append(p.buf[:0], kind), uint32(n))
	return append(p.buf, key...)
}

// parse parses one line, without its line feed.
func (p *jsonParser) parse(b []byte) lineStatus {
	i := skipSpace(b, 0)
	if i == len(b) {
		return lineBlank
	}
	if b[i] != '{' {
		p.why = syntaxError{i, notAnObject}
		return lineBad
	}
	clear(p.fields)
	p.scratch = p.scratch[:0]
	p.mark, p.grown = int32(len(p.shapes)), -1
	end, n := p.object(b, i, 0, -1, 1)
	if end >= 0 {
		if end = skipSpace(b, end); end < len(b) {
			p.why, end = syntaxError{end, "text follows the object"}, -1
		}
	}
	if end < 0 {
		p.undo()
		return lineBad
	}
	return p.finish(n)
}

// notAnObject marks a line that does not start with an object.
const notAnObject = "not an object"

// object parses the object whose brace is at b[i], reached at shape node n; prefix is the
// node of the key it is the value of (-1 for the line's object). It returns the index past
// the object (-1 when it is not well-formed) and the node after its end.
func (p *jsonParser) object(b []byte, i int, n, prefix int32, depth int) (int, int32) {
	if depth > maxDepth {
		p.why = syntaxError{i, "arrays and objects nest too deep"}
		return -1, n
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, p.step(n, nil, shapeClose, prefix)
	}
	for {
		if i, n = p.member(b, i, n, prefix, depth); i < 0 {
			return -1, n
		}
		i = skipSpace(b, i)
		switch {
		case i < len(b) && b[i] == ',':
			i = skipSpace(b, i+1)
		case i < len(b) && b[i] == '}':
			return i + 1, p.step(n, nil, shapeClose, prefix)
		case i >= len(b):
			p.why = syntaxError{i, "the line ends inside an object"}
			return -1, n
		default:
			p.why = syntaxError{i, "expected a comma or a closing }"}
			return -1, n
		}
	}
}

// member parses a key and its value at b[i], reached at node n, and returns the index past
// the value and the node after it.
func (p *jsonParser) member(b []byte, i int, n, prefix int32, depth int) (int, int32) {
	if i >= len(b) || b[i] != '"' {
		p.why = syntaxError{i, "expected a key in quotes"}
		return -1, n
	}
	known, end := p.knownKey(b, i, n)
	if known < 0 {
		var flags stringFlags
		if end, flags = scanString(b, i); end < 0 {
			p.why = syntaxError{i, "a key is not a well-formed string"}
			return -1, n
		}
		if flags&wide != 0 && !utf8.Valid(b[i+1:end]) {
			p.why = syntaxError{i, invalidUTF8}
			return -1, n
		}
	}
	v, e := colon(b, end+1)
	if v < 0 || v >= len(b) {
		p.why = cmpOr(e, syntaxError{v, "expected a value"})
		return -1, n
	}
	kind := shapeLeaf
	if b[v] == '{' {
		kind = shapeObject
	}
	child := known
	if known < 0 || p.shapes[known].kind != kind {
		child = p.step(n, b[i+1:end], kind, prefix)
	}
	if kind == shapeObject {
		return p.object(b, v, child, child, depth+1)
	}
	return p.value(b, v, p.shapes[child].col, depth), child
}

// cmpOr returns e when it says something, else other.
func cmpOr(e, other syntaxError) syntaxError {
	if e.why != "" {
		return e
	}
	return other
}

// knownKey returns, when the key at b[i] is the key n was last followed by (most lines have
// the shape of the line before), that child of n and the index of the key's closing quote;
// else -1, -1.
func (p *jsonParser) knownKey(b []byte, i int, n int32) (int32, int) {
	l := p.shapes[n].last
	if l < 0 {
		return -1, -1
	}
	k := p.shapes[l].key
	end := i + 1 + len(k)
	if end < len(b) && b[end] == '"' && string(b[i+1:end]) == k {
		return l, end
	}
	return -1, -1
}

// value parses the value at b[i], which is not an object, and keeps it as the cell of plan
// column col (none when col < 0). It returns the index past it, or -1.
func (p *jsonParser) value(b []byte, i int, col int32, depth int) int {
	var end int
	switch b[i] {
	case '"':
		return p.text(b, i, col)
	case '[':
		var e syntaxError
		if end, p.stack, e = skipNested(b, i, depth, p.stack); end < 0 {
			p.why = e
			return -1
		}
	default:
		var e syntaxError
		if end, e = scanScalar(b, i); end < 0 {
			p.why = e
			return -1
		}
		if b[i] == 'n' {
			return end // null is an empty cell
		}
	}
	if col >= 0 {
		p.fields[col] = b[i:end]
	}
	return end
}

// text parses the string at b[i] and keeps its text as the cell of column col.
func (p *jsonParser) text(b []byte, i int, col int32) int {
	end, flags := scanString(b, i)
	if end < 0 {
		p.why = syntaxError{i, "a string is not well-formed"}
		return -1
	}
	s := b[i+1 : end]
	if flags&wide != 0 && !utf8.Valid(s) {
		p.why = syntaxError{i, invalidUTF8}
		return -1
	}
	if col >= 0 {
		if flags&escaped != 0 {
			start := len(p.scratch)
			p.scratch = unescape(p.scratch, s)
			s = p.scratch[start:]
		}
		p.fields[col] = s
	}
	return end + 1
}

// step returns the child of node n for a key (nil for the end of an object) of a kind,
// adding it when the shape is new; prefix is the node of the object the key is in.
func (p *jsonParser) step(n int32, key []byte, kind uint8, prefix int32) int32 {
	if l := p.shapes[n].last; l >= 0 && p.shapes[l].kind == kind && p.shapes[l].key == string(key) {
		return l
	}
	if len(p.shapes[n].children) > fewChildren {
		if c, ok := p.index[string(p.childKey(n, key, kind))]; ok {
			p.shapes[n].last = c
			return c
		}
		return p.add(n, key, kind, prefix)
	}
	for _, c := range p.shapes[n].children {
		if p.shapes[c].kind == kind && p.shapes[c].key == string(key) {
			p.shapes[n].last = c
			return c
		}
	}
	return p.add(n, key, kind, prefix)
}

// add adds a child to node n.
func (p *jsonParser) add(n int32, key []byte, kind uint8, prefix int32) int32 {
	if n < p.mark {
		p.grown = n
	}
	nd := shapeNode{key: string(key), kind: kind, parent: n, prefix: prefix, last: -1, col: -1}
	if kind != shapeClose {
		nd.name = nd.key
		if bytes.IndexByte(key, '\\') >= 0 {
			nd.name = string(unescape(nil, key))
		}
		nd.hash = p.seed
		if prefix >= 0 {
			nd.hash = hashName(p.shapes[prefix].hash, []byte{'.'})
		}
		nd.hash = hashName(nd.hash, []byte(nd.name))
	}
	id := int32(len(p.shapes))
	p.shapes = append(p.shapes, nd)
	p.shapes[n].children = append(p.shapes[n].children, id)
	p.shapes[n].last = id
	p.indexChildren(n)
	if c, ok := p.byHash[nd.hash]; ok && kind == shapeLeaf && p.flat(id) == p.header[c] {
		p.shapes[id].col = c
	}
	return id
}

// flat spells out the column name of node n.
func (p *jsonParser) flat(n int32) string {
	var parts []string
	for ; n >= 0; n = p.shapes[n].prefix {
		parts = append(parts, p.shapes[n].name)
	}
	slices.Reverse(parts)
	return strings.Join(parts, ".")
}

// indexChildren puts the newest child of node n in the index, and all of them when n has
// just come to have more than fewChildren.
func (p *jsonParser) indexChildren(n int32) {
	cs := p.shapes[n].children
	switch {
	case len(cs) == fewChildren+1:
	case len(cs) > fewChildren+1:
		cs = cs[len(cs)-1:]
	default:
		return
	}
	for _, c := range cs {
		p.index[string(p.childKey(n, []byte(p.shapes[c].key), p.shapes[c].kind))] = c
	}
}

// undo drops the shape nodes the current line added, and their entries in the index.
func (p *jsonParser) undo() {
	if p.grown >= 0 {
		g := &p.shapes[p.grown]
		g.children = g.children[:len(g.children)-1]
		g.last = -1
	}
	for _, nd := range p.shapes[p.mark:] {
		delete(p.index, string(p.childKey(nd.parent, []byte(nd.key), nd.kind)))
	}
	p.shapes = p.shapes[:p.mark]
}

// finish ends a line that is a JSON object, at shape node end: the first line of a shape
// has its column names checked for clashes and its columns noted as met.
func (p *jsonParser) finish(end int32) lineStatus {
	if !p.shapes[end].unique {
		if name, ok := p.distinct(end); !ok {
			p.clash = name
			p.undo()
			return lineClash
		}
		p.shapes[end].unique = true
	}
	if int32(len(p.shapes)) == p.mark {
		return lineRow
	}
	for i := p.mark; i < int32(len(p.shapes)); i++ {
		nd := &p.shapes[i]
		if nd.kind != shapeLeaf {
			continue
		}
		if nd.col >= 0 {
			p.seen[nd.col] = true
		}
		if len(p.names) < maxNames {
			if name := p.flat(i); len(name) <= maxNameLen {
				p.names[name] = struct{}{}
			}
		}
	}
	if len(p.shapes) > maxShapes {
		p.undo()
	}
	return lineRow
}

// distinct reports whether the leaves on the path to node n have distinct column names, and
// otherwise the name two of them share.
func (p *jsonParser) distinct(n int32) (string, bool) {
	clear(p.dup)
	for ; n > 0; n = p.shapes[n].parent {
		nd := &p.shapes[n]
		if nd.kind != shapeLeaf {
			continue
		}
		if other, ok := p.dup[nd.hash]; ok {
			if name := p.flat(n); name == p.flat(other) {
				return name, false
			}
		}
		p.dup[nd.hash] = n
	}
	return "", true
}
