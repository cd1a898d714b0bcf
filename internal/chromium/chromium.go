// Package chromium drives a headless Chromium from tests through the DevTools protocol, to
// look at pages as a browser shows them: load a page, read its DOM, list what it fetched.
// It speaks the protocol over the pipe Chromium opens with --remote-debugging-pipe (commands
// on file descriptor 3, replies and events on 4, each a JSON message ended by a NUL byte), so
// it needs nothing but the standard library and Debian's chromium package.
package chromium

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// Timeout bounds every command sent to the browser.
const Timeout = 20 * time.Second

// Browser is one headless Chromium with one page open.
type Browser struct {
	cmd     *exec.Cmd
	toPipe  *os.File
	session string

	mu      sync.Mutex
	next    int
	pending map[int]chan reply
	events  []Event
	closed  error
}

// Event is a protocol event the page sent, like Network.requestWillBeSent.
type Event struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type reply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// message is anything Chromium writes: a reply (with ID) or an event (with Method).
type message struct {
	ID        int    `json:"id"`
	SessionID string `json:"sessionId"`
	Event
	reply
}

// Start starts Chromium with a blank page whose network, console and log events are
// recorded, and stops it when the test ends. It skips the test when Chromium is not
// installed.
func Start(t testing.TB) *Browser {
	t.Helper()
	path := lookPath()
	if path == "" {
		t.Skip("chromium is not installed: apt-get install chromium fonts-dejavu-core to run this test")
	}
	b, err := start(path, t.TempDir())
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	t.Cleanup(b.close)
	if err := b.open(); err != nil {
		t.Fatalf("opening a page in chromium: %v", err)
	}
	return b
}

// lookPath finds Chromium under the names distributions give it.
func lookPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// start runs Chromium with the pipe on descriptors 3 (commands) and 4 (replies).
func start(path, profile string) (*Browser, error) {
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir="+profile,
		"--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, outW}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	cmdR.Close()
	outW.Close()
	b := &Browser{cmd: cmd, toPipe: cmdW, pending: map[int]chan reply{}}
	go b.read(outR)
	return b, nil
}

// read dispatches every message Chromium writes until the pipe closes.
func (b *Browser) read(r *os.File) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		var m message
		if json.Unmarshal(sc.Bytes(), &m) != nil {
			continue
		}
		b.dispatch(m)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = errors.New("chromium closed its pipe")
	for id, ch := range b.pending {
		close(ch)
		delete(b.pending, id)
	}
}

func (b *Browser) dispatch(m message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if m.ID != 0 {
		if ch, ok := b.pending[m.ID]; ok {
			ch <- m.reply
			delete(b.pending, m.ID)
		}
		return
	}
	if m.Method != "" {
		b.events = append(b.events, m.Event)
	}
}

// call sends a command (to the page's session unless session is empty) and waits for its
// result.
func (b *Browser) call(session, method string, params any, result any) error {
	b.mu.Lock()
	if b.closed != nil {
		b.mu.Unlock()
		return b.closed
	}
	b.next++
	id := b.next
	ch := make(chan reply, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params, "sessionId": session})
	if err != nil {
		return err
	}
	if _, err := b.toPipe.Write(append(msg, 0)); err != nil {
		return err
	}
	select {
	case r, ok := <-ch:
		switch {
		case !ok:
			return fmt.Errorf("%s: chromium closed its pipe", method)
		case r.Error != nil:
			return fmt.Errorf("%s: %s", method, r.Error.Message)
		case result != nil:
			return json.Unmarshal(r.Result, result)
		}
		return nil
	case <-time.After(Timeout):
		return fmt.Errorf("%s: no answer from chromium in %s", method, Timeout)
	}
}

// open attaches to a new blank page and turns on the events tests look at.
func (b *Browser) open() error {
	var target struct{ TargetID string }
	if err := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return err
	}
	var attached struct{ SessionID string }
	if err := b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return err
	}
	b.session = attached.SessionID
	for _, domain := range []string{"Network", "Runtime", "Log", "Page"} {
		if err := b.call(b.session, domain+".enable", map[string]any{}, nil); err != nil {
			return err
		}
	}
	return nil
}

// close stops Chromium: politely first, then by force.
func (b *Browser) close() {
	done := make(chan struct{})
	go func() {
		b.cmd.Wait()
		close(done)
	}()
	b.call("", "Browser.close", map[string]any{}, nil)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		b.cmd.Process.Kill()
		<-done
	}
	b.toPipe.Close()
}
