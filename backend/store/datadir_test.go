package store_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"circlebook/backend/store"
)

func TestDataDir(t *testing.T) {
	root := t.TempDir()
	flagDir := filepath.Join(root, "from-flag")
	envDir := filepath.Join(root, "from-env")
	xdg := filepath.Join(root, "xdg")
	home := filepath.Join(root, "home")

	tests := []struct {
		name            string
		flag, env, xdg  string
		want            string
		onlyLinuxLayout bool
	}{
		{name: "flag wins over everything", flag: flagDir, env: envDir, xdg: xdg, want: flagDir},
		{name: "relative flag is made absolute", flag: "rel/data", env: envDir, want: mustAbs(t, "rel/data")},
		{name: "CIRCLEBOOK_DATA next", env: envDir, xdg: xdg, want: envDir},
		{name: "XDG_DATA_HOME then", xdg: xdg, want: filepath.Join(xdg, "circlebook"), onlyLinuxLayout: true},
		{name: "relative XDG_DATA_HOME is ignored", xdg: "relative/xdg", want: filepath.Join(home, ".local", "share", "circlebook"), onlyLinuxLayout: true},
		{name: "home folder last", want: filepath.Join(home, ".local", "share", "circlebook"), onlyLinuxLayout: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.onlyLinuxLayout && (runtime.GOOS == "windows" || runtime.GOOS == "darwin") {
				t.Skip("XDG layout is for Linux and the BSDs")
			}
			t.Setenv("CIRCLEBOOK_DATA", tt.env)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", home)
			got, err := store.DataDir(tt.flag)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("DataDir(%q) = %q, want %q", tt.flag, got, tt.want)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
