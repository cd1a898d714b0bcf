package git

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// File is a file that differs between a revision and the working tree.
type File struct {
	// Path names the file in the working tree, relative to the repository's Dir.
	Path string
	// Name is the file's path from the repository's root, as REV:Name names it.
	Name string
	// Old and New are its content at the revision and in the working tree; nil where it
	// does not exist.
	Old, New []byte
}

// Changed returns the files below paths (relative to Dir; none means Dir) that keep says to
// look at and that differ between revision rev and the working tree, sorted by path: those
// changed, those only the revision has (deleted) and those only the working tree has (added,
// tracked or not; files git ignores are left out). Files in hidden folders are skipped.
// found counts the files kept on either side, changed or not.
func (r *Repo) Changed(rev string, paths []string, keep func(name string) bool) (files []File, found int, err error) {
	if err := r.checkRev(rev); err != nil {
		return nil, 0, err
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	old, err := r.tree(rev, paths, keep)
	if err != nil {
		return nil, 0, err
	}
	current, err := r.working(paths, keep)
	if err != nil {
		return nil, 0, err
	}
	files, found, err = r.pair(old, current)
	return files, found, err
}

// tree lists the files below paths at rev: their root-relative names and object ids.
func (r *Repo) tree(rev string, paths []string, keep func(string) bool) (map[string]string, error) {
	out, err := r.git(nil, append([]string{"ls-tree", "-r", "-z", "--full-name", rev + "^{tree}", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	files := map[string]string{}
	for _, entry := range bytes.Split(out, []byte{0}) {
		meta, name, ok := strings.Cut(string(entry), "\t")
		fields := strings.Fields(meta)
		if ok && len(fields) == 3 && fields[1] == "blob" && wanted(name, keep) {
			files[name] = fields[2]
		}
	}
	return files, nil
}

// working lists the files below paths in the working tree that git tracks or does not
// ignore, by root-relative name.
func (r *Repo) working(paths []string, keep func(string) bool) (map[string]bool, error) {
	out, err := r.git(nil, append([]string{"ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	files := map[string]bool{}
	for _, name := range strings.Split(string(out), "\x00") {
		if name != "" && wanted(name, keep) {
			files[name] = true
		}
	}
	return files, nil
}

// wanted reports whether keep wants the file and no folder of its path is hidden.
func wanted(name string, keep func(string) bool) bool {
	dirs := strings.Split(name, "/")
	for _, d := range dirs[:len(dirs)-1] {
		if strings.HasPrefix(d, ".") {
			return false
		}
	}
	return keep(name)
}

// pair reads both sides of every file and keeps those that differ.
func (r *Repo) pair(old map[string]string, current map[string]bool) ([]File, int, error) {
	names := make([]string, 0, len(old)+len(current))
	for n := range old {
		names = append(names, n)
	}
	for n := range current {
		if _, both := old[n]; !both {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	blobs, err := r.blobs(names, old)
	if err != nil {
		return nil, 0, err
	}
	var files []File
	for i, n := range names {
		f := File{Path: r.relative(n), Name: n, Old: blobs[i]}
		if current[n] {
			if f.New, err = readWorking(filepath.Join(r.Root, filepath.FromSlash(n)), r.Limit); err != nil {
				return nil, 0, err
			}
		}
		if f.Old == nil && f.New == nil || f.Old != nil && f.New != nil && bytes.Equal(f.Old, f.New) {
			continue
		}
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, len(names), nil
}

// blobs reads the content at the revision of every name old has, with one git process;
// names old lacks get nil.
func (r *Repo) blobs(names []string, old map[string]string) ([][]byte, error) {
	var ids []string
	for _, n := range names {
		if id, ok := old[n]; ok {
			ids = append(ids, id)
		}
	}
	objs, err := r.readObjects(ids)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(names))
	k := 0
	for i, n := range names {
		if _, ok := old[n]; ok {
			out[i] = objs[k].data
			if out[i] == nil {
				out[i] = []byte{}
			}
			k++
		}
	}
	return out, nil
}

// readWorking reads a file of the working tree, at most limit bytes when limit is positive;
// a file listed by git but deleted since, or not a regular file, is nil.
func readWorking(path string, limit int64) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rd io.Reader = f
	if limit > 0 {
		rd = io.LimitReader(f, limit)
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// relative turns a root-relative name into a path relative to Dir.
func (r *Repo) relative(name string) string {
	rel, err := filepath.Rel(filepath.Join(r.Root, filepath.FromSlash(r.Prefix)), filepath.Join(r.Root, filepath.FromSlash(name)))
	if err != nil {
		return name
	}
	return rel
}
