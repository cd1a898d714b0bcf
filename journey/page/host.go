package page

import (
	"net"
	"slices"
	"strconv"
	"strings"
)

// hostGuard knows which Host headers name the address a live view serves. A browser sends
// the host of the URL it opened; a page of another site whose DNS name was rebound to this
// machine sends that site's name, and is refused. Allowed are the host --addr names, the IP
// address listened on, localhost when that is a loopback address, and, when listening on
// every interface (no host, 0.0.0.0 or ::), any IP address and localhost: DNS rebinding
// needs a name, so an address typed as digits is safe. The port must be the one served,
// whatever the host.
type hostGuard struct {
	port  string
	names []string
	anyIP bool
	// open is the host of the URL to print.
	open string
}

// newHostGuard returns the guard of a server listening on bound, for --addr's host as
// written.
func newHostGuard(host string, bound net.Addr) hostGuard {
	g := hostGuard{open: host}
	var ip net.IP
	if tcp, ok := bound.(*net.TCPAddr); ok {
		g.port, ip = strconv.Itoa(tcp.Port), tcp.IP
	}
	if host != "" {
		g.names = append(g.names, strings.ToLower(host))
	}
	switch {
	case ip == nil || ip.IsUnspecified():
		g.anyIP = true
		g.names = append(g.names, "localhost")
		g.open = "127.0.0.1"
		if strings.Contains(host, ":") { // written as IPv6 ([::]:8080)
			g.open = "::1"
		}
	case ip.IsLoopback():
		g.names = append(g.names, "localhost", ip.String())
	default:
		g.names = append(g.names, ip.String())
	}
	if g.open == "" {
		g.open = ip.String()
	}
	return g
}

// allows reports whether a request's Host header names the address served. A Host without
// a port names port 80.
func (g hostGuard) allows(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, "80"
	}
	if port != g.port || host == "" {
		return false
	}
	host = strings.ToLower(host)
	if g.anyIP && net.ParseIP(host) != nil {
		return true
	}
	return slices.Contains(g.names, host)
}

// url is the address of the page: http://HOST:PORT/.
func (g hostGuard) url() string {
	return "http://" + net.JoinHostPort(g.open, g.port) + "/"
}
