package git

import (
	"bytes"
	"fmt"
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
