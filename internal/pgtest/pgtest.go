// Package pgtest starts a throwaway PostgreSQL server for tests: initdb in a temporary
// folder, listening on 127.0.0.1 on a free port (and a socket in that folder), stopped and
// removed by the returned stop function. As root it runs the server as the postgres user,
// since initdb refuses root. JOURNEY_TEST_PG names an existing server to use instead.
package pgtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// Start starts a server and returns its URL (the database postgres, user journey, no
// password) and the function that stops it. It returns an error that says why when no
// server can be started (no binaries on this machine, most often).
func Start() (url string, stop func(), err error) {
	if u := os.Getenv("JOURNEY_TEST_PG"); u != "" {
		return u, func() {}, nil
	}
	bin, err := binDir()
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "journey-pg-")
	if err != nil {
		return "", nil, err
	}
	run, uid, gid, err := runner(dir)
	if err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, err
	}
	port, err := freePort()
	if err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := run(filepath.Join(bin, "initdb"), "-D", data, "-U", "journey", "--auth=trust", "-E", "UTF8", "--locale=C").CombinedOutput(); err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	// The user journey needs no password; every other user needs theirs, so that tests can
	// try wrong credentials.
	hba := "local all journey trust\nhost all journey 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
	if err := os.WriteFile(filepath.Join(data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, err
	}
	if uid >= 0 {
		if err := os.Chown(filepath.Join(data, "pg_hba.conf"), uid, gid); err != nil {
			_ = os.RemoveAll(dir)
			return "", nil, err
		}
	}
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=20", dir, port)
	pgctl := filepath.Join(bin, "pg_ctl")
	if out, err := run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		_ = os.RemoveAll(dir)
		return "", nil, fmt.Errorf("pg_ctl start: %v: %s %s", err, out, log)
	}
	stop = func() {
		_ = run(pgctl, "-D", data, "-m", "immediate", "-w", "stop").Run()
		_ = os.RemoveAll(dir)
	}
	return fmt.Sprintf("postgres://journey@127.0.0.1:%d/postgres?sslmode=disable", port), stop, nil
}

// binDir finds the server's binaries: pg_config's bindir, else the newest Debian version.
func binDir() (string, error) {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		d := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL server binaries (initdb) on this machine; install Debian's postgresql")
}

func version(dir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return v
}

// runner returns how to run the server's commands: as root, as the postgres user (uid and
// gid), which then owns dir; else as the current user (uid -1).
func runner(dir string) (run func(name string, args ...string) *exec.Cmd, uid, gid int, err error) {
	if os.Geteuid() != 0 {
		return exec.Command, -1, -1, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, 0, 0, errors.New("running as root and there is no postgres user to run the server as")
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, 0, 0, err
	}
	return func(name string, args ...string) *exec.Cmd {
		c := exec.Command(name, args...)
		c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
		c.Dir = dir
		return c
	}, uid, gid, nil
}

// freePort asks the kernel for a free TCP port on the loopback address.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
