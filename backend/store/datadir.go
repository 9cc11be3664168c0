package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// DataDir picks the data folder: the flag's value, else $CIRCLEBOOK_DATA, else
// the platform's per-user data folder (XDG data dir on Linux, %AppData% on
// Windows, Application Support on macOS) with "Circlebook" inside.
func DataDir(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if env := os.Getenv("CIRCLEBOOK_DATA"); env != "" {
		return filepath.Abs(env)
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir() // %AppData%, ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "Circlebook"), nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
		return filepath.Join(xdg, "circlebook"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("no home folder: set --data or CIRCLEBOOK_DATA")
	}
	return filepath.Join(home, ".local", "share", "circlebook"), nil
}
