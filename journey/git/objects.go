package git

import (
	"bytes"
	"fmt"
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
// --batch; a name git cannot resolve gives an object without kind.
func (r *Repo) readObjects(names []string) ([]object, error) {
	if len(names) == 0 {
		return nil, nil
	}
	for _, n := range names {
		if strings.ContainsAny(n, "\n\r") {
			return nil, fmt.Errorf("cannot read %q from git: the name holds a line break", n)
		}
	}
	out, err := r.git([]byte(strings.Join(names, "\n")+"\n"), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	objects := make([]object, len(names))
	for i := range names {
		if objects[i], out, err = nextObject(out); err != nil {
			return nil, err
		}
	}
	return objects, nil
}

// nextObject parses one answer of git cat-file --batch at the start of out: a header
// "OID TYPE SIZE" and the content, or "NAME missing" (or ambiguous); it returns the rest.
func nextObject(out []byte) (object, []byte, error) {
	line, rest, ok := bytes.Cut(out, []byte("\n"))
	if !ok {
		return object{}, nil, fmt.Errorf("git cat-file --batch ended early")
	}
	fields := strings.Fields(string(line))
	if len(fields) < 3 || (fields[len(fields)-1] == "missing" || fields[len(fields)-1] == "ambiguous") {
		return object{}, rest, nil
	}
	size, err := strconv.Atoi(fields[len(fields)-1])
	if err != nil || size < 0 || size+1 > len(rest) {
		return object{}, nil, fmt.Errorf("git cat-file --batch gave an unexpected answer %q", line)
	}
	return object{kind: fields[len(fields)-2], data: rest[:size]}, rest[size+1:], nil
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
