package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/page"
)

// liveServer is `journey serve` running in-process on a free port.
type liveServer struct {
	url            string
	stdout, stderr *syncBuffer
}

// startServe runs serveRun for the map and event files until the test ends, and waits for
// the URL it prints.
func startServe(t *testing.T, mapPath string, events ...string) liveServer {
	t.Helper()
	s := liveServer{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	e := &env{stdin: strings.NewReader(""), stdout: s.stdout, stderr: s.stderr}
	opts := &serveOptions{mapPath: mapPath, addr: "127.0.0.1:0", page: pageFlags{events: events}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveRun(ctx, e, opts) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after its context ended", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of its context ending")
		}
	})
	waitFor(t, "serve prints its URL", func() bool {
		s.url = strings.TrimSpace(s.stdout.String())
		return strings.HasPrefix(s.url, "http://127.0.0.1:") && strings.HasSuffix(s.url, "/")
	})
	return s
}

// page returns the live page's HTML.
func (s liveServer) page(t *testing.T) string {
	t.Helper()
	resp, err := http.Get(s.url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeServeFiles writes the example map and events into a temporary folder, to be edited.
func writeServeFiles(t *testing.T) (mapPath, eventsPath string) {
	t.Helper()
	dir := t.TempDir()
	mapPath, eventsPath = filepath.Join(dir, "shop.journey.yaml"), filepath.Join(dir, "events.csv")
	writeFile(t, mapPath, serveMap)
	writeFile(t, eventsPath, analyzeEvents)
	return mapPath, eventsPath
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serveMap is a small valid map whose touchpoints the events of analyzeEvents reach.
var serveMap = strings.Replace(analyzeMap, "title: Shop", "title: Workshop", 1)

// TestServeFollowsSaves saves the map and the events the way an editor does and watches
// the page follow: a renamed touchpoint, new numbers, a broken save shown over the last
// good page, and the fix.
func TestServeFollowsSaves(t *testing.T) {
	mapPath, eventsPath := writeServeFiles(t)
	s := startServe(t, mapPath, eventsPath)
	waitFor(t, "the first page", func() bool { return strings.Contains(s.page(t), `<h1 class="live-title">Workshop</h1>`) })
	if !strings.Contains(s.page(t), "4 rows: ") {
		t.Fatalf("the first page should have the numbers of the events:\n%s", s.page(t))
	}

	writeFile(t, mapPath, strings.Replace(serveMap, "name: Visit", "name: Visit the fair", 1))
	waitFor(t, "the renamed touchpoint", func() bool { return strings.Contains(s.page(t), "Visit the fair") })

	writeFile(t, eventsPath, analyzeEvents+"u9,2024-03-09T10:00:00Z,visit\n")
	waitFor(t, "the new numbers", func() bool { return strings.Contains(s.page(t), "5 rows: ") })

	writeFile(t, mapPath, strings.Replace(serveMap, "version: 1", "version: 1\ntitel: typo", 1))
	waitFor(t, "the diagnostics", func() bool { return strings.Contains(s.page(t), "[unknown-key]") })
	got := s.page(t)
	for _, want := range []string{"The map has errors", `unknown key &#34;titel&#34; in map; did you mean &#34;title&#34;?`, ":2:1:", "<svg", "Visit the fair"} {
		if !strings.Contains(got, want) {
			t.Errorf("a broken save should show %q over the last good page", want)
		}
	}
	if !strings.Contains(s.stderr.String(), "[unknown-key]") {
		t.Errorf("the diagnostics should be on standard error too:\n%s", s.stderr.String())
	}

	writeFile(t, mapPath, serveMap)
	waitFor(t, "the fixed map", func() bool {
		p := s.page(t)
		return !strings.Contains(p, "[unknown-key]") && !strings.Contains(p, "Visit the fair")
	})
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	mapPath, _ := writeServeFiles(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"serve", "--addr", ln.Addr().String(), mapPath}, strings.NewReader(""), &stdout, &stderr)
	if code != exitFailure || !strings.Contains(stderr.String(), "the port is in use") || stdout.Len() > 0 {
		t.Errorf("serve on a port in use: exit %d, stdout %q, stderr %q; want exit 3 and a clear message", code, stdout.String(), stderr.String())
	}
}

// TestServeStopsOnSignal runs journey serve as its own process and stops it the way Ctrl-C
// and a service manager do: it must exit 0, promptly, with a browser's event stream open.
func TestServeStopsOnSignal(t *testing.T) {
	bin, err := exec.LookPath("journey") // the test binary, installed as journey by TestMain
	if err != nil {
		t.Skip("journey is not on PATH")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			mapPath, _ := writeServeFiles(t)
			cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", mapPath)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			url, err := bufio.NewReader(out).ReadString('\n')
			if err != nil {
				t.Fatalf("no URL printed: %v", err)
			}
			stream, err := http.Get(strings.TrimSpace(url) + "events")
			if err != nil {
				t.Fatal(err)
			}
			defer stream.Body.Close()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				if err != nil {
					t.Errorf("serve stopped by %s: %v; want exit 0", sig, err)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("serve did not stop within 10 s of %s", sig)
			}
		})
	}
}

// TestServeStartsOnABrokenMap starts on a map with errors: the page shows them, with no
// picture yet, and draws the map once it is fixed.
func TestServeStartsOnABrokenMap(t *testing.T) {
	mapPath, _ := writeServeFiles(t)
	writeFile(t, mapPath, strings.Replace(serveMap, "version: 1", "version: 1\ntitel: typo", 1))
	s := startServe(t, mapPath)
	waitFor(t, "the diagnostics", func() bool { return strings.Contains(s.page(t), "[unknown-key]") })
	if got := s.page(t); !strings.Contains(got, "No picture yet") || strings.Contains(got, `<div class="frame">`) {
		t.Errorf("a map broken from the start has no picture to show:\n%s", got)
	}
	writeFile(t, mapPath, serveMap)
	waitFor(t, "the picture", func() bool {
		p := s.page(t)
		return strings.Contains(p, `<div class="frame">`) && !strings.Contains(p, "[unknown-key]")
	})
}

// TestServeStartsOnABrokenDutchMap: a map broken from the start whose language is Dutch is
// shown in Dutch, its diagnostics in English.
func TestServeStartsOnABrokenDutchMap(t *testing.T) {
	mapPath, _ := writeServeFiles(t)
	writeFile(t, mapPath, strings.Replace(serveMap, "version: 1", "version: 1\nlanguage: nl\ntitel: typo", 1))
	s := startServe(t, mapPath)
	waitFor(t, "the diagnostics", func() bool { return strings.Contains(s.page(t), "[unknown-key]") })
	if got := s.page(t); !strings.Contains(got, "Nog geen kaart.") || !strings.Contains(got, `lang="nl"`) {
		t.Errorf("a Dutch map broken from the start is not shown in Dutch:\n%s", got)
	}
}

// TestListenNetwork: an IPv4 address, 0.0.0.0 included, listens on IPv4 only, an IPv6 one
// on IPv6 only, a name or no host on both.
func TestListenNetwork(t *testing.T) {
	for host, want := range map[string]string{"0.0.0.0": "tcp4", "127.0.0.1": "tcp4", "192.168.1.20": "tcp4",
		"::": "tcp6", "::1": "tcp6", "": "tcp", "localhost": "tcp"} {
		if got := listenNetwork(host); got != want {
			t.Errorf("listenNetwork(%q) = %q, want %q", host, got, want)
		}
	}
}

// TestServeShowsAMissingMapAsOutsideTheMap deletes the map while serving: a map that cannot
// be read is not a map with errors, so the page says it could not be brought up to date,
// over the last good page, and recovers when the file is back.
func TestServeShowsAMissingMapAsOutsideTheMap(t *testing.T) {
	mapPath, _ := writeServeFiles(t)
	s := startServe(t, mapPath)
	waitFor(t, "the first page", func() bool { return strings.Contains(s.page(t), `<h1 class="live-title">Workshop</h1>`) })
	if err := os.Remove(mapPath); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the missing map", func() bool { return strings.Contains(s.page(t), "cannot read") })
	got := s.page(t)
	if !strings.Contains(got, "The page could not be brought up to date. This is the last version") || strings.Contains(got, "The map has errors") {
		t.Errorf("a map that cannot be read should show under the heading for problems outside the map:\n%.800s", got)
	}
	if !strings.Contains(got, `<div class="frame">`) {
		t.Errorf("the last good picture should stay under the problem:\n%.800s", got)
	}
	writeFile(t, mapPath, serveMap)
	waitFor(t, "the map back", func() bool { return !strings.Contains(s.page(t), "cannot read") })
}

// roomAddrs are a laptop's addresses on a workshop's network: loopback, a LAN address on
// two interfaces, a global and a link-local IPv6 address, and Docker's bridge.
var roomAddrs = []net.Addr{
	&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
	&net.IPNet{IP: net.ParseIP("::1"), Mask: net.CIDRMask(128, 128)},
	&net.IPNet{IP: net.ParseIP("fe80::1c2d:3e4f"), Mask: net.CIDRMask(64, 128)},
	&net.IPNet{IP: net.ParseIP("2001:db8::20"), Mask: net.CIDRMask(64, 128)},
	&net.IPNet{IP: net.IPv4(192, 168, 1, 20), Mask: net.CIDRMask(24, 32)},
	&net.IPAddr{IP: net.IPv4(192, 168, 1, 20)},
	&net.IPNet{IP: net.IPv4(172, 17, 0, 1), Mask: net.CIDRMask(16, 32)},
}

// TestNetworkURLs: the addresses other machines open, of the family listened on, IPv4
// first, without loopback or IPv6 link-local addresses, each once.
func TestNetworkURLs(t *testing.T) {
	for network, want := range map[string][]string{
		"tcp4": {"http://192.168.1.20:8080/", "http://172.17.0.1:8080/"},
		"tcp6": {"http://[2001:db8::20]:8080/"},
		"tcp":  {"http://192.168.1.20:8080/", "http://172.17.0.1:8080/", "http://[2001:db8::20]:8080/"},
	} {
		if got := networkURLs(network, 8080, roomAddrs); !slices.Equal(got, want) {
			t.Errorf("networkURLs(%q) = %q, want %q", network, got, want)
		}
	}
}

// TestServeSaysTheRoomsAddresses: serving every interface, serve says on standard error, in
// the map's language, where other machines open the page; standard output keeps its one
// line, the page's address on this machine, for scripts.
func TestServeSaysTheRoomsAddresses(t *testing.T) {
	nl, err := lang.Get("nl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		host   string
		bound  net.IP
		addrs  []net.Addr
		err    error
		quiet  bool
		stderr string
	}{
		{"0.0.0.0", net.IPv4zero, roomAddrs, nil, false, "andere computers in het netwerk openen de pagina op:\n  http://192.168.1.20:8080/\n  http://172.17.0.1:8080/\n"},
		{"::", net.IPv6unspecified, roomAddrs, nil, false, "andere computers in het netwerk openen de pagina op:\n  http://[2001:db8::20]:8080/\n"},
		{"", net.IPv6unspecified, roomAddrs[:3], nil, false, "deze computer heeft geen netwerkadres: andere computers kunnen de pagina niet openen\n"},
		{"0.0.0.0", net.IPv4zero, nil, errors.New("netlink: permission denied"), false, "journey: cannot list this machine's network addresses: netlink: permission denied\n"},
		{"127.0.0.1", net.IPv4(127, 0, 0, 1), roomAddrs, nil, false, ""},
		{"192.168.1.20", net.IPv4(192, 168, 1, 20), roomAddrs, nil, false, ""},
		{"0.0.0.0", net.IPv4zero, roomAddrs, nil, true, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, quiet: tt.quiet}
		opts := &serveOptions{mapPath: "florist.journey.yaml", interfaceAddrs: func() ([]net.Addr, error) { return tt.addrs, tt.err }}
		bound := &net.TCPAddr{IP: tt.bound, Port: 8080}
		live := page.NewLive(page.LiveConfig{Host: tt.host, Addr: bound, Lang: nl})
		serveAnnounce(e, opts, nl, tt.host, live, bound)
		if stdout.String() != live.URL()+"\n" {
			t.Errorf("--addr host %q: standard output %q, want only the page's URL", tt.host, stdout.String())
		}
		serving := ""
		if !tt.quiet {
			serving = fmt.Sprintf(nl.ServingF+"\n", "florist.journey.yaml", live.URL())
		}
		if got := stderr.String(); got != serving+tt.stderr {
			t.Errorf("--addr host %q (quiet %v): standard error\n%s\nwant\n%s", tt.host, tt.quiet, got, serving+tt.stderr)
		}
	}
}
