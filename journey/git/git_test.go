package git

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// repo makes a repository in a new folder with one commit of files.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	write(t, dir, files)
	run(t, dir, "init", "-q")
	run(t, dir, "add", ".")
	run(t, dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
	return dir
}

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", args, err, out)
	}
}

// write writes files below dir; an empty content removes the file.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if content == "" {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func isMap(name string) bool { return strings.HasSuffix(name, ".journey.yaml") }

func TestChanged(t *testing.T) {
	dir := repo(t, map[string]string{
		"maps/a.journey.yaml": "a1", "maps/same.journey.yaml": "s", "maps/gone.journey.yaml": "g",
		"maps/sub/b c.journey.yaml": "b1\nwith a line\n", "notes.txt": "n", ".gitignore": "ignored.journey.yaml\n",
	})
	write(t, dir, map[string]string{
		"maps/a.journey.yaml": "a2", "maps/gone.journey.yaml": "", "maps/sub/b c.journey.yaml": "b2",
		"maps/new.journey.yaml": "n", "ignored.journey.yaml": "i", ".hidden/h.journey.yaml": "h", "notes.txt": "changed",
	})
	r, err := Open(context.Background(), filepath.Join(dir, "maps"))
	if err != nil {
		t.Fatal(err)
	}
	files, found, err := r.Changed("HEAD", nil, isMap)
	if err != nil {
		t.Fatal(err)
	}
	want := []File{
		{Path: "a.journey.yaml", Name: "maps/a.journey.yaml", Old: []byte("a1"), New: []byte("a2")},
		{Path: "gone.journey.yaml", Name: "maps/gone.journey.yaml", Old: []byte("g")},
		{Path: "new.journey.yaml", Name: "maps/new.journey.yaml", New: []byte("n")},
		{Path: "sub/b c.journey.yaml", Name: "maps/sub/b c.journey.yaml", Old: []byte("b1\nwith a line\n"), New: []byte("b2")},
	}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("Changed (-want +got):\n%s", diff)
	}
	if found != 5 {
		t.Errorf("found %d map files, want 5", found)
	}
	files, _, err = r.Changed("HEAD", []string{"sub"}, isMap)
	if err != nil || len(files) != 1 || files[0].Path != "sub/b c.journey.yaml" {
		t.Errorf("Changed below sub = %v, %v; want the one file there", files, err)
	}
	r.Limit = 2
	files, _, err = r.Changed("HEAD", []string{"sub"}, isMap)
	if err != nil || len(files) != 1 || string(files[0].Old) != "b1" || string(files[0].New) != "b2" {
		t.Errorf("Changed with a limit of 2 bytes = %q, %v; want both sides cut to 2 bytes", files, err)
	}
}

func TestShow(t *testing.T) {
	dir := repo(t, map[string]string{"maps/a.journey.yaml": "a1"})
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := r.Show("HEAD", "maps/a.journey.yaml"); err != nil || string(b) != "a1" {
		t.Errorf("Show = %q, %v", b, err)
	}
	var rev *RevisionError
	if _, err := r.Show("nope", "maps/a.journey.yaml"); !errors.As(err, &rev) {
		t.Errorf("an unknown revision gives %v, want a RevisionError", err)
	}
	if _, err := r.Show("--output=x", "a"); !errors.As(err, &rev) {
		t.Errorf("a revision like a flag gives %v, want a RevisionError", err)
	}
	var missing *MissingError
	if _, err := r.Show("HEAD", "maps/b.journey.yaml"); !errors.As(err, &missing) {
		t.Errorf("a missing path gives %v, want a MissingError", err)
	}
	if _, err := r.Show("HEAD", "maps"); err == nil || !strings.Contains(err.Error(), `"maps" is a folder at HEAD`) {
		t.Errorf("a folder gives %v", err)
	}
	if _, err := r.Show("HEAD", "a\nb"); err == nil {
		t.Error("a path with a line break must be refused")
	}
}

func TestNoRepositoryNoGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	var notRepo *NotRepositoryError
	if _, err := Open(context.Background(), dir); !errors.As(err, &notRepo) {
		t.Errorf("Open outside a repository = %v, want a NotRepositoryError", err)
	}
	t.Setenv("PATH", "")
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrNoGit) {
		t.Errorf("Open without git = %v, want ErrNoGit", err)
	}
}

func TestNextObject(t *testing.T) {
	br := bufio.NewReader(strings.NewReader("abc blob 3\nx\ny\nHEAD:my file missing\ndef tree 0\n\nlong blob 5\n12345\n"))
	var got []object
	for range 4 {
		o, err := nextObject(br, 4)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, o)
	}
	want := []object{{kind: "blob", data: []byte("x\ny")}, {}, {kind: "tree", data: []byte{}}, {kind: "blob", data: []byte("1234")}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(object{})); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}
	if _, err := nextObject(bufio.NewReader(strings.NewReader("abc blob 99\nshort\n")), 0); err == nil {
		t.Error("a truncated answer must be an error")
	}
}
