package journey

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// IsMapFile reports whether a file name follows the map naming convention:
// *.journey.yaml or *.journey.yml.
func IsMapFile(name string) bool {
	return strings.HasSuffix(name, ".journey.yaml") || strings.HasSuffix(name, ".journey.yml")
}

// NoMapsError says that a directory given as a path holds no map file.
type NoMapsError struct{ Dir string }

func (e *NoMapsError) Error() string {
	return fmt.Sprintf("no map files (*.journey.yaml, *.journey.yml) in %q", e.Dir)
}

// FindMaps expands paths into the map files they stand for, sorted and without duplicates:
// a file stands for itself, a directory for every map file below it (hidden folders
// skipped), and no paths for the current directory. A directory without maps is a
// *NoMapsError, so that a typo is never a silent success; a path that cannot be read keeps
// its fs error.
func FindMaps(paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, readError(p, err)
		}
		if !info.IsDir() {
			files = append(files, filepath.Clean(p)) // as the walk writes it: ./d/a is d/a
			continue
		}
		found, err := mapsUnder(p)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, &NoMapsError{Dir: p}
		}
		files = append(files, found...)
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// mapsUnder lists the map files below dir, skipping hidden directories.
func mapsUnder(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return readError(path, err)
		case d.IsDir() && path != dir && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && IsMapFile(d.Name()):
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// readError words an error reading path, keeping the fs error for the exit code.
func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot read %q: %w", path, err)
}
