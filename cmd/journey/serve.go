package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/page"
	"github.com/spf13/cobra"
)

func init() { register(newServeCmd) }

// defaultAddr is where serve listens without --addr: this machine only.
const defaultAddr = "127.0.0.1:8080"

// serveOptions are the flags and arguments of `journey serve`.
type serveOptions struct {
	mapPath string
	addr    string
	page    pageFlags
	// interfaceAddrs lists this machine's addresses, said when serving every interface;
	// nil is net.InterfaceAddrs.
	interfaceAddrs func() ([]net.Addr, error)
}

func newServeCmd(e *env) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve MAP [--events FILE...]",
		Short: "Show a map as a live web page that follows every save, for workshops",
		Long: `serve shows a map in the browser, for a workshop on a projector: the page of journey report
(the picture and, with --events, the numbers, funnels and KPIs), which updates by itself
within a second whenever the map or an event file is saved. No reload by hand.

When a saved map has errors, the page shows them (file:line:column, the message and the rule,
as journey lint prints them) over the last picture that had none, and recovers at the next
good save; a map with errors from the start shows them until its first good save.

The page's address is printed on standard output; progress (one line per update, and the
map's diagnostics) goes to standard error. Listening on every interface (0.0.0.0, [::] or
no host), serve also lists on standard error the addresses other machines open the page at.

serve listens on 127.0.0.1:8080, this machine only, unless --addr says otherwise (port 0
picks a free port). It answers only requests that name the address it serves in their Host
header (localhost too, and any IP address when --addr listens on every interface, like
0.0.0.0:8080), and refuses others with 403, so that a web page of another site cannot read
the map through a DNS name pointed at this machine. It serves the page, its picture and its
event stream, never a file from disk.

Exit codes: 0 when stopped with Ctrl-C (or SIGTERM); 2 wrong usage (a bad --addr, --lang or
column flag, --events -); 3 the map cannot be read or the port is in use.`,
		Example: `  journey serve examples/florist/florist.journey.yaml --events examples/florist/events.csv
  journey serve examples/saas/trial.journey.yaml --addr 127.0.0.1:9000
  journey serve examples/florist/florist.journey.yaml --lang en
  journey serve examples/florist/florist.journey.yaml --addr 0.0.0.0:8080    # the whole room`,
		Args: mapArgs(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.mapPath = args[0]
			var err error
			if opts.page.events, err = eventFiles("serve", args, opts.page.events); err != nil {
				return err
			}
			return serveRun(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", defaultAddr, "listen on `HOST:PORT` (port 0: any free port)")
	opts.page.add(f)
	return cmd
}

// serveRun serves the live view until ctx ends or the process is interrupted (SIGINT,
// SIGTERM), then shuts down cleanly and returns nil.
func serveRun(ctx context.Context, e *env, opts *serveOptions) error {
	host, err := serveValidate(opts)
	if err != nil {
		return usageError{err}
	}
	l, err := serveLanguage(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen(listenNetwork(host), opts.addr)
	if err != nil {
		return listenError(opts.addr, err)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	live := page.NewLive(page.LiveConfig{Host: host, Addr: ln.Addr(), Name: opts.mapPath, Lang: l})
	served := make(chan error, 1)
	go func() {
		served <- live.Serve(ctx, ln)
		cancel()
	}()
	serveAnnounce(e, opts, l, host, live, ln.Addr())
	watchFiles(ctx, append([]string{opts.mapPath}, opts.page.events...), func() { serveOnce(ctx, e, opts, live) })
	return <-served
}

// serveAnnounce prints the page's address, the one line on standard output (scripts read
// it), and says on standard error (unless -q) that the map is served there and, when serve
// listens on every interface, at which addresses other machines open the page.
func serveAnnounce(e *env, opts *serveOptions, l *lang.Language, host string, live *page.Live, bound net.Addr) {
	fmt.Fprintln(e.stdout, live.URL())
	if e.quiet {
		return
	}
	fmt.Fprintf(e.stderr, l.ServingF+"\n", opts.mapPath, live.URL())
	tcp, ok := bound.(*net.TCPAddr)
	if !ok || (host != "" && !net.ParseIP(host).IsUnspecified()) {
		return
	}
	addrs := opts.interfaceAddrs
	if addrs == nil {
		addrs = net.InterfaceAddrs
	}
	list, err := addrs()
	if err != nil {
		fmt.Fprintf(e.stderr, "journey: cannot list this machine's network addresses: %v\n", err)
		return
	}
	urls := networkURLs(listenNetwork(host), tcp.Port, list)
	if len(urls) == 0 {
		fmt.Fprintln(e.stderr, l.NoNetwork)
		return
	}
	fmt.Fprintln(e.stderr, l.NetworkAt)
	for _, u := range urls {
		fmt.Fprintln(e.stderr, "  "+u)
	}
}

// networkURLs are the page's addresses on port for other machines: each address of addrs
// that network (listenNetwork's) listens on, IPv4 first, in the order given, without
// loopback addresses, which only this machine reaches, nor IPv6 link-local ones, which a
// browser cannot open without naming the interface.
func networkURLs(network string, port int, addrs []net.Addr) []string {
	var v4, v6 []string
	for _, a := range addrs {
		var ip net.IP
		switch a := a.(type) {
		case *net.IPNet:
			ip = a.IP
		case *net.IPAddr:
			ip = a.IP
		}
		if ip == nil || ip.IsLoopback() || ip.IsUnspecified() || ip.IsMulticast() || ip.IsLinkLocalUnicast() && ip.To4() == nil {
			continue
		}
		u := "http://" + net.JoinHostPort(ip.String(), strconv.Itoa(port)) + "/"
		switch {
		case ip.To4() != nil && network != "tcp6" && !slices.Contains(v4, u):
			v4 = append(v4, u)
		case ip.To4() == nil && network != "tcp4" && !slices.Contains(v6, u):
			v6 = append(v6, u)
		}
	}
	return append(v4, v6...)
}

// serveValidate checks the flags before anything is read, and returns the host to serve.
func serveValidate(opts *serveOptions) (string, error) {
	if err := opts.page.validate(); err != nil {
		return "", err
	}
	if slices.Contains(opts.page.events, "-") {
		return "", errors.New("serve cannot read --events - (standard input is read only once); give the event file's name")
	}
	host, port, err := net.SplitHostPort(opts.addr)
	if err != nil {
		return "", fmt.Errorf("--addr %q is not HOST:PORT, like %s or 0.0.0.0:8080", opts.addr, defaultAddr)
	}
	if n, err := strconv.ParseUint(port, 10, 16); err != nil || (n == 0 && port != "0") {
		return "", fmt.Errorf("--addr %q: the port must be a number from 0 to 65535, like %s", opts.addr, defaultAddr)
	}
	return host, nil
}

// serveLanguage reads the map for the language serve speaks before its first page: --lang,
// else the map's when the map loads, else English. A map that cannot be read is an error
// (exit 3); one with errors is not, as the page will show them.
func serveLanguage(opts *serveOptions) (*lang.Language, error) {
	m, _, _, err := checkMap(opts.mapPath) // a broken map's language: is kept when valid
	if err != nil {
		return nil, err
	}
	return chooseLang(opts.page.lang, m)
}

// listenError explains why serve cannot listen on addr (exit 3).
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("cannot listen on %s: the port is in use (is another journey serve running?); choose another with --addr, like --addr 127.0.0.1:0 for any free port", addr)
	}
	return fmt.Errorf("cannot listen on %s: %w", addr, err)
}

// serveOnce loads the map and the event files and shows their page, or shows what went
// wrong over the last good page. Every update is reported on standard error (unless -q),
// every failure always.
func serveOnce(ctx context.Context, e *env, opts *serveOptions, live *page.Live) {
	start := time.Now()
	m, diagnostics, failed, err := checkMap(opts.mapPath)
	if diagnostics != "" && (failed || !e.quiet) {
		io.WriteString(e.stderr, diagnostics)
	}
	switch {
	case err != nil: // the map could not be read: not a map with errors
		serveFail(e, live, err.Error(), false)
		return
	case failed:
		fmt.Fprintln(e.stderr, "journey: the page shows these problems"+over(live.Fail(diagnostics, true)))
		return
	}
	p, err := pageOf(ctx, e, m, &opts.page)
	if err == nil {
		err = live.Update(p)
	}
	switch {
	case ctx.Err() != nil:
	case err != nil:
		serveFail(e, live, errorMessage(err), false)
	case !e.quiet:
		fmt.Fprintf(e.stderr, p.Lang.UpdatedF+"\n", time.Since(start).Round(time.Millisecond))
	}
}

// serveFail shows a problem, the map's or another input's (an event file, or the map's
// file when it cannot be read), over the last good page and says so on standard error.
func serveFail(e *env, live *page.Live, problem string, inMap bool) {
	fmt.Fprintf(e.stderr, "journey: %s; the page shows it%s\n", problem, over(live.Fail(problem, inMap)))
}

// over ends the message of a failure shown on the page: over the last good version, when
// there is one.
func over(overGood bool) string {
	if overGood {
		return " over the last good version"
	}
	return ""
}

// listenNetwork is the network to listen on for --addr's host: an IPv4 address (0.0.0.0
// included) only on IPv4, which Go's "tcp" would widen to IPv6 as well; an IPv6 one only on
// IPv6; a name or nothing on both.
func listenNetwork(host string) string {
	switch ip := net.ParseIP(host); {
	case ip == nil:
		return "tcp"
	case ip.To4() != nil:
		return "tcp4"
	}
	return "tcp6"
}
