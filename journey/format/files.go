package format

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// IsMapFile reports whether name follows the map file naming convention.
func IsMapFile(name string) bool {
	return strings.HasSuffix(name, ".journey.yaml") || strings.HasSuffix(name, ".journey.yml")
}

// Files expands paths into map files: a file stands for itself, a directory for every
// *.journey.yaml and *.journey.yml file below it (hidden folders skipped), in sorted order.
// A path that cannot be read is an error.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		found, err := walk(p)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// walk returns the map files below dir, sorted.
func walk(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != dir && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && IsMapFile(d.Name()):
			out = append(out, path)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}
