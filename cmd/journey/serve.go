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
map's diagnostics) goes to standard error.

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
	fmt.Fprintln(e.stdout, live.URL())
	if !e.quiet {
		fmt.Fprintf(e.stderr, l.ServingF+"\n", opts.mapPath, live.URL())
	}
	watchFiles(ctx, append([]string{opts.mapPath}, opts.page.events...), func() { serveOnce(ctx, e, opts, live) })
	return <-served
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
