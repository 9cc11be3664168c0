package e2e_test

import (
	"strings"
	"testing"

	"circlebook/backend/internal/pgtest"
)

// pgSecret is the password every address in these tests carries; no message may show it.
const pgSecret = "s3cr3t-Pw0rd"

// wantRefused runs the program with --db dsn and args, and checks that it
// exits 2 with one line on stderr that says want and never the password.
func wantRefused(t *testing.T, dsn, want string, args ...string) {
	t.Helper()
	args = append([]string{"--db", dsn, "--data", t.TempDir()}, args...)
	out, errOut, code := runCLI(t, env(), args...)
	if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "circlebook: ") {
		t.Errorf("%s: code %d, stderr %q, want exit 2 and one line", args[4], code, errOut)
	}
	if !strings.Contains(errOut, want) {
		t.Errorf("%s: stderr %q, want it to say %q", args[4], errOut, want)
	}
	if strings.Contains(errOut+out, pgSecret) {
		t.Errorf("%s: the password is in the output: %q %q", args[4], out, errOut)
	}
}

// refusedByEveryCommand checks wantRefused for the commands that open the
// database: a CLI command and browser mode (which must not start serving).
func refusedByEveryCommand(t *testing.T, dsn, want string) {
	t.Helper()
	wantRefused(t, dsn, want, "demo")
	wantRefused(t, dsn, want, "serve", "--addr", "127.0.0.1:0")
	wantRefused(t, dsn, want, "export", "--circle", "Product Craft Circle", "--format", "md")
}

// Addresses that cannot work need no server to be refused.
func TestPostgresBadAddressExitsTwo(t *testing.T) {
	t.Run("malformed", func(t *testing.T) {
		refusedByEveryCommand(t, "postgres://ana:"+pgSecret+"@db.example.org:notaport/circlebook", "malformed database address")
		wantRefused(t, "host=db.example.org user=ana password="+pgSecret, "malformed database address", "demo")
	})
	t.Run("server down", func(t *testing.T) {
		refusedByEveryCommand(t, "postgres://ana:"+pgSecret+"@/circlebook?host=/nonexistent/circlebook-socket&connect_timeout=3", "cannot connect to the database")
	})
}

// A server that is down, a wrong password, a role without rights and a
// database a newer Circlebook migrated: exit 2, one line, no password.
func TestPostgresRefusalsExitTwo(t *testing.T) {
	pg := startCluster(t)
	if _, errOut, code := runCLI(t, env(), "--db", pg.dsn, "--data", t.TempDir(), "demo"); code != 0 {
		t.Fatalf("demo as the owner: code %d: %s", code, errOut)
	}
	server := pgtest.DSN(pg.dir)

	t.Run("wrong password", func(t *testing.T) {
		role := pgtest.PasswordRole(t, server, "another-password")
		refusedByEveryCommand(t, pgtest.WithUser(pg.dsn, role, pgSecret), "refused user "+role)
	})
	t.Run("role without rights", func(t *testing.T) {
		role := pgtest.PasswordRole(t, server, pgSecret)
		refusedByEveryCommand(t, pgtest.WithUser(pg.dsn, role, pgSecret), "lacks rights")
	})
	t.Run("newer database", func(t *testing.T) {
		pgtest.Exec(t, pg.dsn, `INSERT INTO schema_migrations (id, applied_at) VALUES ('2999-01-01-from-the-future', now())`)
		defer pgtest.Exec(t, pg.dsn, `DELETE FROM schema_migrations WHERE id = '2999-01-01-from-the-future'`)
		refusedByEveryCommand(t, pgtest.WithUser(pg.dsn, "postgres", pgSecret), "made by a newer Circlebook")
	})
	t.Run("server down", func(t *testing.T) {
		pg.stop(t)
		refusedByEveryCommand(t, pgtest.WithUser(pg.dsn, "postgres", pgSecret), "cannot connect to the database")
	})
}
