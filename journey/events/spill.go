package events

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// spillRecord is the size of one spilled event: the user's global number, then the Event.
const spillRecord = 20

// spill holds the kept events of the whole stream, in input order, outside the heap once
// they pass spillInMemory bytes: in an unlinked temporary file (or still in memory when no
// temporary file can be made). Once the stream is read and every user's count is known, the
// events are replayed into exactly sized slices. So the events are in memory once, at their
// final size, instead of in slices that grow by doubling and leave garbage behind; and the
// merger writes sequentially instead of appending to a different user's slice every row.
type spill struct {
	file *os.File
	mem  []byte
	w    *bufio.Writer
	n    int64
	rec  [spillRecord]byte
}

// spillInMemory is how many bytes of events stay in memory before they go to a file; a
// variable so that tests can send small reads to a file.
var spillInMemory = 4 << 20

// newSpill returns an empty spill.
func newSpill() *spill {
	s := &spill{}
	s.w = bufio.NewWriterSize(s, 1<<20)
	return s
}

// Write takes the buffered records: into memory until there are spillInMemory bytes, then
// into a temporary file when one can be made.
func (s *spill) Write(p []byte) (int, error) {
	if s.file != nil {
		return s.file.Write(p)
	}
	s.mem = append(s.mem, p...)
	if len(s.mem) < spillInMemory {
		return len(p), nil
	}
	f, err := os.CreateTemp("", "journey-events-*")
	if err != nil {
		return len(p), nil // keep the events in memory
	}
	os.Remove(f.Name()) // the file lives until it is closed; nothing is left behind
	if _, err := f.Write(s.mem); err != nil {
		f.Close()
		return 0, err
	}
	s.file, s.mem = f, nil
	return len(p), nil
}

// add appends one event of user g; write errors surface in replay.
func (s *spill) add(g uint32, ev Event) {
	binary.LittleEndian.PutUint32(s.rec[0:], g)
	binary.LittleEndian.PutUint64(s.rec[4:], uint64(ev.Time))
	binary.LittleEndian.PutUint32(s.rec[12:], uint32(ev.Touchpoint))
	binary.LittleEndian.PutUint32(s.rec[16:], ev.Exclude)
	s.w.Write(s.rec[:])
	s.n++
}

// replay calls fn with the events in the order they were added, in batches of encoded
// records (decode them with decodeSpilled).
func (s *spill) replay(fn func(batch []byte)) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("cannot keep the events in a temporary file: %w", err)
	}
	var r io.Reader = bytes.NewReader(s.mem)
	if s.file != nil {
		if _, err := s.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r = s.file
	}
	buf := make([]byte, 1<<20-(1<<20)%spillRecord)
	for left := s.n * spillRecord; left > 0; {
		n, err := io.ReadFull(r, buf[:min(int64(len(buf)), left)])
		if err != nil {
			return errors.Join(errors.New("cannot read back the temporary file of events"), err)
		}
		left -= int64(n)
		fn(buf[:n])
	}
	return nil
}

// decodeSpilled decodes the record at the start of b.
func decodeSpilled(b []byte) (uint32, Event) {
	return binary.LittleEndian.Uint32(b[0:]), Event{
		Time:       int64(binary.LittleEndian.Uint64(b[4:])),
		Touchpoint: int32(binary.LittleEndian.Uint32(b[12:])),
		Exclude:    binary.LittleEndian.Uint32(b[16:]),
	}
}

// close releases the temporary file.
func (s *spill) close() {
	if s.file != nil {
		s.file.Close()
	}
}
