package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// root is the repository's root, seen from this package.
var root = filepath.Join("..", "..")

// action is the part of action.yml the tests read.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name             string            `yaml:"name"`
			Uses             string            `yaml:"uses"`
			If               string            `yaml:"if"`
			Shell            string            `yaml:"shell"`
			WorkingDirectory string            `yaml:"working-directory"`
			Env              map[string]string `yaml:"env"`
			Run              string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// readYAML decodes the repository file name into v.
func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// expression matches a GitHub Actions expression, ${{ ... }}.
var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// expand replaces the expressions of s with their values, failing on one it does not know.
func expand(t *testing.T, s string, values map[string]string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		v, ok := values[expression.FindStringSubmatch(m)[1]]
		if !ok {
			t.Fatalf("action.yml uses %s, which the test does not know", m)
		}
		return v
	})
}

// TestAction runs the shell steps of action.yml as GitHub would, since GitHub does not run
// here: the install step builds journey from this repository's source, and the run step runs
// the commands it is given in the working directory, stopping at the first that fails.
func TestAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds journey")
	}
	var a action
	readYAML(t, "action.yml", &a)
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml runs %q, want a composite action", a.Runs.Using)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	gopath := t.TempDir()
	githubPath := filepath.Join(t.TempDir(), "github_path")
	runs := []struct {
		commands string
		ok       bool
	}{
		{"journey lint examples\njourney render --check examples/florist/florist.journey.yaml --events examples/florist/events.csv\n" +
			"journey diff examples/florist/before/florist.journey.yaml examples/florist/florist.journey.yaml --format markdown", true},
		{"journey lint testdata/lint/broken.journey.yaml\necho not reached", false},
	}
	for _, r := range runs {
		values := map[string]string{"github.action_path": abs, "inputs.run": r.commands, "inputs.working-directory": abs}
		for name, in := range a.Inputs {
			if _, set := values["inputs."+name]; !set {
				values["inputs."+name] = in.Default
			}
		}
		var ran []string
		for _, step := range a.Runs.Steps {
			if step.Uses != "" {
				if !strings.Contains(step.Uses, "@v") {
					t.Errorf("step %q uses %q without a version", step.Name, step.Uses)
				}
				continue
			}
			if step.Shell != "bash" {
				t.Errorf("step %q runs in %q, want bash", step.Name, step.Shell)
			}
			env := []string{"GOPATH=" + gopath, "GOMODCACHE=" + goEnv(t, "GOMODCACHE"), "GOFLAGS=-mod=readonly", "GOPROXY=off",
				"GITHUB_PATH=" + githubPath}
			for k, v := range step.Env {
				env = append(env, k+"="+expand(t, v, values))
			}
			out, err := bash(expand(t, step.WorkingDirectory, values), expand(t, step.Run, values), env)
			ran = append(ran, string(out))
			if step.If == "" && err != nil {
				t.Fatalf("step %q failed: %v\n%s", step.Name, err, out)
			}
			if step.If != "" && (err == nil) != r.ok {
				t.Errorf("step %q with commands %q: error %v, want success %t\n%s", step.Name, r.commands, err, r.ok, out)
			}
		}
		if all := strings.Join(ran, ""); strings.Contains(all, "not reached") {
			t.Errorf("the run step went on after a command failed:\n%s", all)
		}
	}
	if b, err := os.ReadFile(githubPath); err != nil || !strings.Contains(string(b), filepath.Join(gopath, "bin")) {
		t.Errorf("the install step does not put journey on the PATH of later steps: %q %v", b, err)
	}
}

// bash runs script with bash -e in dir, with env added to the test's environment.
func bash(dir, script string, env []string) ([]byte, error) {
	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd.CombinedOutput()
}

// goEnv returns a go env variable.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// hook is one hook of .pre-commit-hooks.yaml.
type hook struct {
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames *bool  `yaml:"pass_filenames"`
}

// TestPreCommitHooks checks the hook definitions as pre-commit reads them and runs each
// hook's entry, in-process, the way pre-commit calls it: with the staged map files that match
// its files pattern, or with the args a user gives when it takes no file names.
func TestPreCommitHooks(t *testing.T) {
	var hooks []hook
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	dir := t.TempDir()
	maps := copyHookExamples(t, dir)
	args := map[string][]string{"journey-render-check": {filepath.Join(dir, "florist.journey.yaml"), "--events", filepath.Join(dir, "events.csv")}}
	seen := map[string]bool{}
	for _, h := range hooks {
		t.Run(h.ID, func(t *testing.T) {
			files := checkHook(t, h, maps)
			seen[h.ID] = true
			entry := strings.Fields(h.Entry)
			argv := append(entry[1:], args[h.ID]...)
			if h.PassFilenames == nil || *h.PassFilenames {
				argv = append(argv, files...)
			}
			if code := runIn(argv); code != exitOK {
				t.Fatalf("%s on the examples: exit %d", strings.Join(argv, " "), code)
			}
		})
	}
	for _, id := range []string{"journey-fmt", "journey-fmt-check", "journey-lint", "journey-render-check"} {
		if !seen[id] {
			t.Errorf("no hook %q", id)
		}
	}
	if code := runIn([]string{"render", "--check", filepath.Join(dir, "florist.journey.yaml")}); code != exitProblems {
		t.Errorf("render --check without the events of the picture exits %d, want %d", code, exitProblems)
	}
}

// checkHook checks a hook's definition and returns the map files its pattern selects.
func checkHook(t *testing.T, h hook, maps []string) []string {
	if h.Language != "golang" || h.Name == "" || !strings.HasPrefix(h.Entry, "journey ") {
		t.Fatalf("hook %q: language %q, name %q, entry %q; want golang, a name and a journey command", h.ID, h.Language, h.Name, h.Entry)
	}
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("hook %q: files %q: %v", h.ID, h.Files, err)
	}
	var files []string
	for _, m := range maps {
		if re.MatchString(filepath.ToSlash(m)) {
			files = append(files, m)
		}
	}
	if len(files) != len(maps) || re.MatchString("README.md") || re.MatchString("maps/a.yaml") {
		t.Fatalf("hook %q: files %q selects %d of %d maps, or other files", h.ID, h.Files, len(files), len(maps))
	}
	return files
}

// copyHookExamples copies the florist example (map, events, picture) and the example maps into
// dir, so that a fixer cannot change the repository, and returns the maps.
func copyHookExamples(t *testing.T, dir string) []string {
	t.Helper()
	var maps []string
	for _, name := range []string{"examples/florist/florist.journey.yaml", "examples/florist/events.csv",
		"examples/florist/florist.svg", "examples/saas/trial.journey.yaml"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".journey.yaml") {
			maps = append(maps, path)
		}
	}
	return maps
}

// runIn runs the CLI in-process with the given arguments and returns the exit code.
func runIn(args []string) int {
	var stdout, stderr bytes.Buffer
	return run(args, strings.NewReader(""), &stdout, &stderr)
}
