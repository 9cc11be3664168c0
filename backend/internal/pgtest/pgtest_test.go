package pgtest_test

import (
	"database/sql"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"circlebook/backend/internal/pgtest"
)

// startCluster starts a cluster for t in a fresh folder directly under the
// temporary folder (t.TempDir's parents are closed to the postgres user).
func startCluster(t *testing.T) (dir, dsn string) {
	t.Helper()
	if _, err := pgtest.BinDir(); err != nil {
		t.Skip(err)
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	dsn, err = pgtest.Start(dir)
	if err != nil {
		os.RemoveAll(dir)
		t.Fatal(err)
	}
	t.Cleanup(func() { pgtest.Stop(dir) })
	return dir, dsn
}

func query(t *testing.T, dsn, q string, args ...any) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out string
	if err := db.QueryRow(q, args...).Scan(&out); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

func TestStartAndStop(t *testing.T) {
	dir, dsn := startCluster(t)
	if dsn != pgtest.DSN(dir) {
		t.Errorf("Start returned %q, DSN says %q", dsn, pgtest.DSN(dir))
	}
	if got := query(t, dsn, "SHOW listen_addresses"); got != "" {
		t.Errorf("listen_addresses = %q, want none: the socket only", got)
	}
	if got := query(t, dsn, "SHOW unix_socket_directories"); got != filepath.Join(dir, "sock") {
		t.Errorf("unix_socket_directories = %q, want %q", got, filepath.Join(dir, "sock"))
	}
	if _, err := pgtest.Start(dir); err == nil || !strings.Contains(err.Error(), "already holds a cluster") {
		t.Errorf("a second Start in the same folder: %v, want a refusal", err)
	}

	pidFile, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.SplitN(string(pidFile), "\n", 2)[0])
	if err := pgtest.Stop(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder is still there after Stop: %v", err)
	}
	if p, err := os.FindProcess(pid); err == nil && p.Signal(syscall.Signal(0)) == nil {
		t.Errorf("the server (pid %d) still runs after Stop", pid)
	}
	if err := pgtest.Stop(dir); err != nil {
		t.Errorf("stopping a stopped cluster: %v", err)
	}
}

func TestDatabases(t *testing.T) {
	_, dsn := startCluster(t)
	// A dead test process's leftovers (no process has pid 2^22+1 on Linux),
	// cleared by the first process to use the server after it.
	pgtest.Exec(t, dsn, `CREATE DATABASE cb_t_4194305_1`)

	var cloned string
	t.Run("clone", func(t *testing.T) {
		prepared := 0
		prepare := func(template string) error {
			prepared++
			db, err := sql.Open("pgx", template)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec(`CREATE TABLE seeded (n int); INSERT INTO seeded VALUES (7)`)
			return err
		}
		a := pgtest.CloneDatabase(t, dsn, prepare)
		b := pgtest.CloneDatabase(t, dsn, prepare)
		if a == b || prepared != 1 {
			t.Errorf("two clones %q and %q, template prepared %d times; want two databases from one template", a, b, prepared)
		}
		if got := query(t, a, "SELECT n::text FROM seeded"); got != "7" {
			t.Errorf("the clone holds %q, want the template's 7", got)
		}
		u, err := url.Parse(a)
		if err != nil {
			t.Fatal(err)
		}
		cloned = strings.TrimPrefix(u.Path, "/")
	})
	count := func(name string) string {
		return query(t, dsn, "SELECT count(*)::text FROM pg_database WHERE datname = $1", name)
	}
	if count(cloned) != "0" {
		t.Errorf("database %s outlived its test", cloned)
	}
	if count("cb_t_4194305_1") != "0" {
		t.Error("a dead process's database was not cleared")
	}

	t.Run("empty", func(t *testing.T) {
		db := pgtest.NewDatabase(t, dsn)
		if got := query(t, db, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'"); got != "0" {
			t.Errorf("a new database holds %s tables, want none", got)
		}
	})
}
