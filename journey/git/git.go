package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoGit is returned when the git program cannot be found.
var ErrNoGit = errors.New("the git program is not installed or not on PATH; it is needed to read maps at a revision")

// NotRepositoryError is returned when the directory is not in a git repository.
type NotRepositoryError struct{ Dir string }

func (e *NotRepositoryError) Error() string {
	return fmt.Sprintf("%s is not in a git repository", e.Dir)
}

// RevisionError is returned for a revision the repository does not have.
type RevisionError struct{ Rev string }

func (e *RevisionError) Error() string {
	return fmt.Sprintf("unknown revision %q: not a commit, branch or tag of this repository (a branch such as main, HEAD~N within the history, or a commit id)", e.Rev)
}

// MissingError is returned for a path the revision does not have.
type MissingError struct{ Rev, Path string }

func (e *MissingError) Error() string {
	return fmt.Sprintf("%q does not exist at %s (paths are relative to the repository's root, as git show takes them)", e.Path, e.Rev)
}

// Repo is the git repository a directory is in.
type Repo struct {
	// Dir is the directory git runs in; paths given to the repository are relative to it.
	Dir string
	// Root is the repository's top folder, and Prefix the path of Dir below it ("" or
	// ending in a slash), as git rev-parse gives them.
	Root, Prefix string
	// Limit, when positive, is the most bytes read of one file, from git or the working
	// tree; the rest of a longer file is left out, so that memory stays bounded and the
	// caller can still tell the file is too long.
	Limit int64
	ctx   context.Context
}

// Open finds the repository dir is in.
func Open(ctx context.Context, dir string) (*Repo, error) {
	r := &Repo{Dir: dir, ctx: ctx}
	out, err := r.git(nil, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, &NotRepositoryError{Dir: dir}
		}
		return nil, err
	}
	lines := strings.SplitN(strings.TrimSuffix(string(out), "\n"), "\n", 2)
	r.Root = lines[0]
	if len(lines) == 2 {
		r.Prefix = lines[1]
	}
	return r, nil
}

// git runs git with args in the repository's directory, stdin as its input, and returns
// its output. A failure carries git's own message.
func (r *Repo) git(stdin []byte, args ...string) ([]byte, error) {
	cmd, err := r.command(args...)
	if err != nil {
		return nil, err
	}
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// command prepares git with args in the repository's directory, with messages in English
// and no optional locks taken (a diff never writes to the repository).
func (r *Repo) command(args ...string) (*exec.Cmd, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	cmd := exec.CommandContext(r.ctx, "git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(cmd.Environ(), "LC_ALL=C", "GIT_OPTIONAL_LOCKS=0")
	return cmd, nil
}

// checkRev refuses a revision git would read as an option, and one the repository does not
// have.
func (r *Repo) checkRev(rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return &RevisionError{Rev: rev}
	}
	if _, err := r.git(nil, "rev-parse", "--verify", "--quiet", rev+"^{tree}"); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return &RevisionError{Rev: rev}
		}
		return err
	}
	return nil
}
