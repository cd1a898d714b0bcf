package events

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Source is one event file of the stream: Name is how messages refer to it, and Open opens
// its bytes (compressed or not: compression is detected from the content). Size, when
// known, is the byte size Open yields, for progress; 0 means unknown.
type Source struct {
	Name string
	Open func() (io.ReadCloser, error)
	Size int64
	// reopenable says that Open may be called more than once, each time from the start.
	reopenable bool
	// reader is the reader of a ReaderSource, which a Parquet file is read from when it
	// allows random access (standard input redirected from a file).
	reader io.Reader
}

// StdinName is the name standard input goes by in messages.
const StdinName = "<stdin>"

// FileSource returns a Source that reads the file at path.
func FileSource(path string) Source {
	s := Source{Name: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }, reopenable: true}
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		s.Size = fi.Size()
	}
	return s
}

// ReaderSource returns a Source that reads r once, named name.
func ReaderSource(name string, r io.Reader) Source {
	return Source{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(r), nil }, reader: r}
}

// Sources turns command-line paths into sources: "-" reads stdin, anything else a file.
func Sources(paths []string, stdin io.Reader) []Source {
	out := make([]Source, len(paths))
	for i, p := range paths {
		if p == "-" {
			out[i] = ReaderSource(StdinName, stdin)
		} else {
			out[i] = FileSource(p)
		}
	}
	return out
}

// countingReader counts the bytes read from a source, for progress and for messages that
// say how far a broken file was read.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF {
		c.err = err
	}
	return n, err
}

// gzipReader reports corrupt or truncated compressed data as an *Error that says how much
// was read; failures of the underlying file pass through unchanged.
type gzipReader struct {
	z    *gzip.Reader
	raw  *countingReader
	name string
	out  int64
}

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	g.out += int64(n)
	if err != nil && err != io.EOF {
		if g.raw.err != nil {
			return n, g.raw.err
		}
		return n, &Error{File: g.name, Message: fmt.Sprintf(
			"corrupt or truncated gzip data after %d compressed bytes (%d bytes uncompressed): %v",
			g.raw.n, g.out, err)}
	}
	return n, err
}

// opened is a source ready to be read as UTF-8 text.
type opened struct {
	r          io.Reader
	raw        *countingReader
	close      func() error
	compressed bool     // r is the text of gzip data
	file       *os.File // the file opened, if the source is one, for mapping it
}

// openSource opens s, unwraps gzip (found by its magic bytes, whatever the name), drops a
// UTF-8 byte order mark, and refuses zip archives, UTF-16 text and empty files.
func openSource(s Source) (*opened, error) {
	rc, err := s.Open()
	if err != nil {
		return nil, err
	}
	raw := &countingReader{r: rc}
	o := &opened{raw: raw, close: rc.Close}
	o.file, _ = rc.(*os.File)
	br := bufio.NewReaderSize(raw, 64<<10)
	head, _ := br.Peek(6)
	var text io.Reader = br
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		z, err := gzip.NewReader(br)
		if err != nil {
			rc.Close()
			return nil, gzipOpenError(s.Name, raw, err)
		}
		text = bufio.NewReaderSize(&gzipReader{z: z, raw: raw, name: s.Name}, 64<<10)
		o.compressed = true
		if inner, _ := text.(*bufio.Reader).Peek(2); bytes.Equal(inner, gzipMagic) {
			rc.Close()
			return nil, &Error{File: s.Name, Message: compressedTwice(s.Name)}
		}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		rc.Close()
		return nil, &Error{File: s.Name, Message: fmt.Sprintf(
			"file is a zip archive (read %d bytes, 0 rows); unzip it first or compress it with gzip", raw.n)}
	case otherCompression(head) != nil:
		rc.Close()
		c := otherCompression(head)
		return nil, &Error{File: s.Name, Message: fmt.Sprintf(
			"file is %s-compressed (read %d bytes, 0 rows); journey reads gzip only: decompress it first (%s) or compress it with gzip",
			c.name, raw.n, c.commandFor(s.Name))}
	}
	if o.r, err = sniffText(s.Name, text.(*bufio.Reader)); err != nil {
		rc.Close()
		return nil, err
	}
	return o, nil
}

// gzipMagic is how gzip data starts.
var gzipMagic = []byte{0x1f, 0x8b}

// compression is a compressed format other than gzip that warehouses and data tools write:
// how its data starts and the command that decompresses it.
type compression struct{ magic, name, command string }

// compressions are the formats otherCompression recognises.
var compressions = []compression{
	{"\x28\xb5\x2f\xfd", "zstd", "zstd -dk FILE"},
	{"BZh", "bzip2", "bunzip2 -k FILE"},
	{"\xfd7zXZ\x00", "xz", "unxz -k FILE"},
	{"\x04\x22\x4d\x18", "lz4", "lz4 -d FILE"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip", "7z x FILE"},
}

// commandFor returns the command that decompresses the file name, keeping the original.
func (c *compression) commandFor(name string) string {
	if name == StdinName {
		name = "FILE"
	} else {
		name = shellWord(name)
	}
	return strings.ReplaceAll(c.command, "FILE", name)
}

// otherCompression returns the compressed format other than gzip that data starting with
// head is in, or nil. A bzip2 stream's "BZh" is followed by its block size, a digit 1 to 9.
func otherCompression(head []byte) *compression {
	for i, c := range compressions {
		if !bytes.HasPrefix(head, []byte(c.magic)) {
			continue
		}
		if c.name == "bzip2" && (len(head) < 4 || head[3] < '1' || head[3] > '9') {
			continue
		}
		return &compressions[i]
	}
	return nil
}

// compressedTwice explains a file whose gzip data holds gzip data again: only one level is
// read, and the text inside would otherwise be reported as invalid UTF-8. It says how to
// decompress the file once, into a name beside it.
func compressedTwice(name string) string {
	const msg = "the file is compressed twice (gzip inside gzip); decompress it once: "
	if name == StdinName {
		return msg + "pipe it through gunzip -c before journey reads it"
	}
	base := strings.TrimSuffix(name, ".gz")
	ext := filepath.Ext(base)
	once := strings.TrimSuffix(base, ext) + ".once" + ext + ".gz"
	return msg + "gunzip -c " + shellWord(name) + " > " + shellWord(once)
}

// shellWord quotes s for a POSIX shell when it holds more than letters, digits and
// -_./+,:@%
func shellWord(s string) string {
	plain := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./+,:@%", r))
	}) < 0
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// gzipOpenError explains a gzip header that cannot be read.
func gzipOpenError(name string, raw *countingReader, err error) error {
	if raw.err != nil {
		return raw.err
	}
	return &Error{File: name, Message: fmt.Sprintf(
		"corrupt or truncated gzip data after %d compressed bytes (0 bytes uncompressed): %v", raw.n, err)}
}

// sniffText checks the start of the text: it must not be empty or UTF-16; a UTF-8 byte order
// mark is skipped.
func sniffText(name string, br *bufio.Reader) (io.Reader, error) {
	head, err := br.Peek(64)
	if len(head) == 0 {
		if err != nil && err != io.EOF {
			return nil, err
		}
		return nil, &Error{File: name, Message: "file is empty; expected a header row naming the columns"}
	}
	if looksUTF16(head) {
		return nil, &Error{File: name, Message: "file is UTF-16 encoded; save it as UTF-8"}
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		if _, err := br.Peek(1); errors.Is(err, io.EOF) {
			return nil, &Error{File: name, Message: "file is empty (a byte order mark only); expected a header row naming the columns"}
		}
	}
	return br, nil
}

// looksUTF16 reports a UTF-16 byte order mark, or ASCII text with NUL bytes in every other
// position, as UTF-16 without a mark looks.
func looksUTF16(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return true
	}
	if len(head) < 4 {
		return false
	}
	le := head[1] == 0 && head[3] == 0 && head[0] != 0 && head[2] != 0
	be := head[0] == 0 && head[2] == 0 && head[1] != 0 && head[3] != 0
	return le || be
}
