package journey

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path whole or not at all; see WriteAtomic.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic streams what write writes into a temporary file in path's folder and renames
// it over path, so a failed or killed run never leaves half a file, and a file too big to
// hold in memory is still written whole or not at all. A symbolic link is written through:
// the file it points to is replaced, and the link stays. It never creates folders: a
// missing folder is an error that wraps fs.ErrNotExist.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	dest := path
	if target, err := filepath.EvalSymlinks(path); err == nil {
		dest = target
	}
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		return &missingFolderError{path: path, dir: dir}
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	name := tmp.Name()
	err = errors.Join(write(tmp), tmp.Close(), os.Chmod(name, perm))
	if err == nil {
		err = os.Rename(name, dest)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// missingFolderError is the error for a file whose folder does not exist. It wraps
// fs.ErrNotExist without saying so again after the sentence that explains it.
type missingFolderError struct{ path, dir string }

func (e *missingFolderError) Error() string {
	return fmt.Sprintf("cannot write %s: folder %q does not exist (journey never creates folders)", e.path, e.dir)
}

func (e *missingFolderError) Unwrap() error { return fs.ErrNotExist }
