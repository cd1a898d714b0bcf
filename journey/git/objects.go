package git

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// object is one object read by git cat-file --batch.
type object struct {
	kind string // blob, tree, commit, tag; empty when missing
	data []byte
}

// readObjects reads the named objects (object ids, or REV:PATH) with one git cat-file
// --batch, streaming its answer so that only the content kept is held; a name git cannot
// resolve gives an object without kind, and content beyond Limit is left out.
func (r *Repo) readObjects(names []string) ([]object, error) {
	if len(names) == 0 {
		return nil, nil
	}
	for _, n := range names {
		if strings.ContainsAny(n, "\n\r") {
			return nil, fmt.Errorf("cannot read %q from git: the name holds a line break", n)
		}
	}
	cmd, err := r.command("cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	cmd.Stdin = strings.NewReader(strings.Join(names, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	objects, readErr := r.nextObjects(bufio.NewReader(out), len(names))
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return objects, readErr
}

// nextObjects reads n answers of git cat-file --batch from br; after a failure it reads
// the rest, so that git can finish.
func (r *Repo) nextObjects(br *bufio.Reader, n int) ([]object, error) {
	objects := make([]object, n)
	for i := range objects {
		o, err := nextObject(br, r.Limit)
		if err != nil {
			_, _ = io.Copy(io.Discard, br)
			return nil, err
		}
		objects[i] = o
	}
	return objects, nil
}

// nextObject reads one answer of git cat-file --batch from br: a header "OID TYPE SIZE",
// the content and a line break, or "NAME missing" (or ambiguous). Content beyond limit
// (when positive) is read and dropped.
func nextObject(br *bufio.Reader, limit int64) (object, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		return object{}, fmt.Errorf("git cat-file --batch ended early")
	}
	fields := strings.Fields(line)
	if len(fields) < 3 || fields[len(fields)-1] == "missing" || fields[len(fields)-1] == "ambiguous" {
		return object{}, nil
	}
	size, err := strconv.ParseInt(fields[len(fields)-1], 10, 64)
	if err != nil || size < 0 {
		return object{}, fmt.Errorf("git cat-file --batch gave an unexpected answer %q", strings.TrimSpace(line))
	}
	keep := size
	if limit > 0 {
		keep = min(size, limit)
	}
	data := make([]byte, keep)
	if _, err := io.ReadFull(br, data); err != nil {
		return object{}, fmt.Errorf("git cat-file --batch ended early")
	}
	if _, err := io.CopyN(io.Discard, br, size-keep+1); err != nil {
		return object{}, fmt.Errorf("git cat-file --batch ended early")
	}
	return object{kind: fields[len(fields)-2], data: data}, nil
}

// Show returns the file at path (relative to the repository's root, or ./ for Dir) at
// revision rev, as git show rev:path does: a *RevisionError when the repository has no such
// revision, a *MissingError when it has no such file there.
func (r *Repo) Show(rev, path string) ([]byte, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, &RevisionError{Rev: rev}
	}
	objs, err := r.readObjects([]string{rev + "^{tree}", rev + ":" + path})
	switch {
	case err != nil:
		return nil, err
	case objs[0].kind == "":
		return nil, &RevisionError{Rev: rev}
	case objs[1].kind == "":
		return nil, &MissingError{Rev: rev, Path: path}
	case objs[1].kind == "tree":
		return nil, fmt.Errorf("%q is a folder at %s, not a file", path, rev)
	case objs[1].kind != "blob":
		return nil, fmt.Errorf("%q is a %s at %s, not a file", path, objs[1].kind, rev)
	}
	return objs[1].data, nil
}

// Name returns the name of a working-tree file from the repository's root, as REV:NAME takes
// it: path is relative to Dir or absolute.
func (r *Repo) Name(path string) (string, error) {
	abs, err := filepath.Abs(filepath.Join(r.Dir, path))
	if filepath.IsAbs(path) {
		abs, err = path, nil
	}
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	root, err := filepath.EvalSymlinks(r.Root)
	if err != nil {
		root = r.Root
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%q is outside the repository at %s", path, r.Root)
	}
	return filepath.ToSlash(rel), nil
}
