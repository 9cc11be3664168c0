package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvServer names the variable holding the test server's superuser DSN
// (make test and make pg set it; pgtmp start prints it).
const EnvServer = "CIRCLEBOOK_TEST_PG"

// Names of what a test process makes on the server: each carries the
// process's id, so one process's things never clash with another's, and
// the first process to find a dead one's leftovers drops them.
var (
	templateName = fmt.Sprintf("cb_tmpl_%d", os.Getpid())
	leftover     = regexp.MustCompile(`^cb_(?:tmpl|t|r)_([0-9]+)`)
	serial       atomic.Int64
)

// uniqueName is a new name of the given kind (t: database, r: role) for this process.
func uniqueName(kind string) string {
	return fmt.Sprintf("cb_%s_%d_%d", kind, os.Getpid(), serial.Add(1))
}

// WithDatabase is dsn with its database replaced by name.
func WithDatabase(dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.Path = "/" + name
	return u.String()
}

// WithUser is dsn logging in as role, with password unless it is empty.
func WithUser(dsn, role, password string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.User = url.User(role)
	if password != "" {
		u.User = url.UserPassword(role, password)
	}
	return u.String()
}

// servers holds one superuser connection pool per server DSN, opened once
// per process (when it also clears dead processes' leftovers).
var servers sync.Map // DSN -> *server

type server struct {
	once sync.Once
	db   *sql.DB
	err  error

	template     sync.Once
	templateErr  error
	templateName string
}

// admin returns the superuser pool of the server at dsn.
func admin(dsn string) (*server, error) {
	v, _ := servers.LoadOrStore(dsn, &server{})
	s := v.(*server)
	s.once.Do(func() {
		s.db, s.err = sql.Open("pgx", dsn)
		if s.err == nil {
			s.db.SetMaxOpenConns(4)
			s.err = s.clearLeftovers()
		}
	})
	return s, s.err
}

// exec1 runs one statement on the server at dsn, on a connection of its own.
func exec1(dsn, stmt string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, stmt)
	return err
}

// clearLeftovers drops the databases and roles of test processes that
// ended without cleaning up (killed at a timeout, say).
func (s *server) clearLeftovers() error {
	if runtime.GOOS == "windows" {
		return nil // no cheap way to tell a live process there
	}
	names := func(query string) ([]string, error) {
		rows, err := s.db.Query(query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return nil, err
			}
			if m := leftover.FindStringSubmatch(name); m != nil {
				if pid, _ := strconv.Atoi(m[1]); !alive(pid) {
					out = append(out, name)
				}
			}
		}
		return out, rows.Err()
	}
	dbs, err := names(`SELECT datname FROM pg_database WHERE datname LIKE 'cb\_%'`)
	if err != nil {
		return err
	}
	for _, name := range dbs {
		s.db.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`) // another process may be at it too
	}
	roles, err := names(`SELECT rolname FROM pg_roles WHERE rolname LIKE 'cb\_r\_%'`)
	if err != nil {
		return err
	}
	for _, name := range roles {
		s.db.Exec(`DROP ROLE IF EXISTS "` + name + `"`)
	}
	return nil
}

// Exec runs each statement as the superuser on the server at dsn (in the
// database it names), failing t on an error.
func Exec(t testing.TB, dsn string, stmts ...string) {
	t.Helper()
	for _, stmt := range stmts {
		if err := exec1(dsn, stmt); err != nil {
			t.Fatalf("pgtest: %s: %v", stmt, err)
		}
	}
}

// NewDatabase makes an empty database on the server at dsn for t, drops
// it when t ends, and returns its DSN.
func NewDatabase(t testing.TB, dsn string) string {
	t.Helper()
	return create(t, dsn, "")
}

// CloneDatabase makes a database for t copied from a template that
// prepare builds once per test process (prepare gets the template's DSN
// and must close every connection it opens), drops it when t ends, and
// returns its DSN.
func CloneDatabase(t testing.TB, dsn string, prepare func(dsn string) error) string {
	t.Helper()
	s, err := admin(dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	s.template.Do(func() { s.templateErr = s.makeTemplate(dsn, prepare) })
	if s.templateErr != nil {
		t.Fatalf("pgtest: the template database: %v", s.templateErr)
	}
	return create(t, dsn, s.templateName)
}

// makeTemplate creates this process's template database, lets prepare
// fill it, then closes it to connections (a copy needs none open).
func (s *server) makeTemplate(dsn string, prepare func(string) error) error {
	s.templateName = templateName
	if _, err := s.db.Exec(`CREATE DATABASE "` + s.templateName + `"`); err != nil {
		return err
	}
	if err := prepare(WithDatabase(dsn, s.templateName)); err != nil {
		return err
	}
	_, err := s.db.Exec(`ALTER DATABASE "` + s.templateName + `" ALLOW_CONNECTIONS false`)
	return err
}

// create makes a database for t (copied from template unless it is ""),
// dropped when t ends (with any connection still open to it).
func create(t testing.TB, dsn, template string) string {
	t.Helper()
	s, err := admin(dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	name := uniqueName("t")
	stmt := `CREATE DATABASE "` + name + `" STRATEGY FILE_COPY` // copies a small database faster than WAL_LOG
	if template != "" {
		stmt += ` TEMPLATE "` + template + `"`
	}
	if _, err := s.db.Exec(stmt); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if _, err := s.db.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return WithDatabase(dsn, name)
}

// Role makes a role that may log in (without a password over the socket),
// with nothing granted, and drops it when t ends. Make it before the
// databases it gets rights in, so they are dropped first.
func Role(t testing.TB, dsn string) string {
	t.Helper()
	return role(t, dsn, "")
}

// PasswordRole makes a role that must log in with password (a member of
// PasswordGroup), and drops it when t ends. It skips t on a server pgtest
// did not start, which has no such group.
func PasswordRole(t testing.TB, dsn, password string) string {
	t.Helper()
	s, err := admin(dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, PasswordGroup).Scan(&n); err != nil || n == 0 {
		t.Skipf("pgtest: the server at %s has no %s role (not started by pgtest)", EnvServer, PasswordGroup)
	}
	return role(t, dsn, password)
}

func role(t testing.TB, dsn, password string) string {
	t.Helper()
	s, err := admin(dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	name := uniqueName("r")
	stmt := `CREATE ROLE "` + name + `" LOGIN`
	if password != "" {
		stmt += ` PASSWORD '` + strings.ReplaceAll(password, "'", "''") + `' IN ROLE ` + PasswordGroup
	}
	if _, err := s.db.Exec(stmt); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		// The databases it had rights in are dropped by now (cleanups run last first).
		if _, err := s.db.Exec(`DROP ROLE IF EXISTS "` + name + `"`); err != nil {
			t.Errorf("pgtest: drop role %s: %v", name, err)
		}
	})
	return name
}
