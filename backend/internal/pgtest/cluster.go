// Package pgtest runs throwaway PostgreSQL servers for tests: Start makes a
// cluster in a folder of its own that listens on a Unix socket in that
// folder only, Stop stops it and removes the folder, and NewDatabase and
// CloneDatabase give each test a database of its own on a running server.
// As root, the server runs as the postgres user (PostgreSQL refuses root).
package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Superuser is the role a cluster from Start is made with; it logs in
// without a password over the cluster's socket.
const Superuser = "postgres"

// PasswordGroup is a role of every cluster from Start whose members must
// give a password to log in, so tests can see a wrong one refused.
const PasswordGroup = "circlebook_password_login"

// hba lets everyone in over the socket (which only the cluster's owner,
// and root, can reach), except PasswordGroup's members without their password.
const hba = "local all +" + PasswordGroup + " scram-sha-256\nlocal all all trust\n"

// serverOptions: the socket only, and no waiting for the disk (the data
// is thrown away).
const serverOptions = "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

// maxSocketPath is the longest socket path the system takes (sun_path, less its NUL).
const maxSocketPath = 107

// Start makes a cluster in dir (created if missing; it must hold no
// cluster yet), starts it and returns the superuser's DSN. As root, dir
// is given to the postgres user, and its parents must let that user in.
func Start(dir string) (string, error) {
	bin, err := BinDir()
	if err != nil {
		return "", err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if sock := filepath.Join(dir, "sock", ".s.PGSQL.5432"); len(sock) > maxSocketPath {
		return "", fmt.Errorf("%s is too long a path for the server's socket: use a shorter folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); err == nil {
		return "", fmt.Errorf("%s already holds a cluster: stop it first", dir)
	}
	if err := prepareDir(dir); err != nil {
		return "", err
	}
	if err := run(dir, filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", Superuser,
		"-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"); err != nil {
		return "", err
	}
	if err := writeAsOwner(filepath.Join(dir, "data", "pg_hba.conf"), hba); err != nil {
		return "", err
	}
	opts := fmt.Sprintf("-k %s %s", filepath.Join(dir, "sock"), serverOptions)
	if err := run(dir, filepath.Join(bin, "pg_ctl"), "-D", filepath.Join(dir, "data"), "-l", filepath.Join(dir, "server.log"),
		"-w", "-t", "60", "-o", opts, "start"); err != nil {
		return "", fmt.Errorf("%w (see %s)", err, filepath.Join(dir, "server.log"))
	}
	dsn := DSN(dir)
	if err := exec1(dsn, "CREATE ROLE "+PasswordGroup+" NOLOGIN"); err != nil {
		return "", errors.Join(err, Stop(dir))
	}
	return dsn, nil
}

// CreateDatabase makes an empty database called name on the server at dsn
// (as its superuser) and returns its DSN.
func CreateDatabase(dsn, name string) (string, error) {
	if err := exec1(dsn, `CREATE DATABASE "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
		return "", err
	}
	return WithDatabase(dsn, name), nil
}

// DSN is the superuser's address of the cluster in dir, on its socket.
func DSN(dir string) string {
	u := url.URL{Scheme: "postgres", User: url.User(Superuser), Path: "/postgres",
		RawQuery: "host=" + (&url.URL{Path: filepath.Join(dir, "sock")}).EscapedPath()}
	return u.String()
}

// Stop stops the cluster in dir, if it runs, waits for its server to be
// gone, and removes dir.
func Stop(dir string) error {
	data := filepath.Join(dir, "data")
	if pid, running := postmasterPID(data); running {
		bin, err := BinDir()
		if err == nil {
			err = run(dir, filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop")
		}
		for i := 0; i < 100 && alive(pid); i++ { // the pid file goes just before the process
			time.Sleep(50 * time.Millisecond)
		}
		if alive(pid) {
			return fmt.Errorf("stop the server in %s (pid %d, left running and the folder kept): %v", dir, pid, err)
		}
	}
	return os.RemoveAll(dir)
}

// postmasterPID reads the pid of the server in data, if one runs.
func postmasterPID(data string) (int, bool) {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0, false
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	return pid, err == nil && alive(pid)
}

// BinDir finds PostgreSQL's server programs: $CIRCLEBOOK_PG_BIN, else
// pg_config's bindir when initdb is there, else Debian's
// /usr/lib/postgresql/N/bin (the newest), else initdb on the PATH.
func BinDir() (string, error) {
	if env := os.Getenv("CIRCLEBOOK_PG_BIN"); env != "" {
		return env, nil
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); hasInitdb(dir) {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return version(b) - version(a) })
	for _, dir := range dirs {
		if hasInitdb(dir) {
			return dir, nil
		}
	}
	if path, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(path), nil
	}
	return "", errors.New("PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql")
}

// version reads N from /usr/lib/postgresql/N/bin.
func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func hasInitdb(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "initdb"))
	return err == nil
}

// owner is the user the server runs as: postgres when we are root, else nil (us).
func owner() (*user.User, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, errors.New("as root, the server runs as the postgres user, and there is none: apt-get install postgresql makes it")
	}
	return u, nil
}

// prepareDir makes dir and its socket folder, private to the server's owner.
func prepareDir(dir string) error {
	for _, d := range []string{dir, filepath.Join(dir, "sock")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
		if err := chownToOwner(d); err != nil {
			return err
		}
	}
	return nil
}

// chownToOwner gives path to the server's owner (only as root).
func chownToOwner(path string) error {
	u, err := owner()
	if err != nil || u == nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(path, uid, gid)
}

// writeAsOwner replaces the file at path, keeping it the server owner's.
func writeAsOwner(path, content string) error {
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		return err
	}
	return chownToOwner(path)
}

// run runs a server program as the server's owner, in dir (which the
// owner can enter), and says what it printed when it fails.
func run(dir, name string, args ...string) error {
	u, err := owner()
	if err != nil {
		return err
	}
	cmd := exec.Command(name, args...)
	if u != nil {
		cmd = exec.Command("runuser", append([]string{"-u", u.Username, "--", name}, args...)...)
	}
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(name), err, strings.TrimSpace(out.String()))
	}
	return nil
}
