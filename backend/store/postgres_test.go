package store_test

import (
	"errors"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/store"
)

// secret is the password every test address here carries: no error may show it.
const secret = "s3cret-Pa55"

// wantRefused checks that opening dsn failed with want, in one line, without the password.
func wantRefused(t *testing.T, dsn string, want error) error {
	t.Helper()
	st, err := store.OpenPostgres(dsn, t.TempDir())
	if err == nil {
		st.Close()
		t.Fatalf("OpenPostgres(%q) succeeded", dsn)
	}
	if !errors.Is(err, want) {
		t.Errorf("error = %q, want one wrapping %q", err, want)
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("error shows the password: %q", err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error is more than one line: %q", err)
	}
	return err
}

func TestOpenPostgresRefusesAMalformedAddress(t *testing.T) {
	for _, dsn := range []string{
		"",
		"circlebook.db",
		"host=localhost user=ana password=" + secret,
		"mysql://ana:" + secret + "@localhost/circlebook",
		"postgres://ana:" + secret + "@localhost:99999999/circlebook",
		"postgres://ana:" + secret + "@localhost:5432/circlebook?sslmode=sometimes",
		"postgres://ana:" + secret + "@localhost/circlebook?connect_timeout=soon",
		"postgres://ana:" + secret + "@[::1/circlebook",
		"postgres://ana:" + secret + "@local host/circlebook",
		"postgres://ana@localhost/circlebook?password=" + secret + "&sslmode=sometimes",
	} {
		t.Run(dsn, func(t *testing.T) {
			wantRefused(t, dsn, store.ErrBadDSN)
		})
	}
}

func TestOpenPostgresWhenTheServerIsDown(t *testing.T) {
	noServer := t.TempDir() // a socket folder nothing listens in
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := closed.Addr().String()
	closed.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0") // accepts, never answers
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()

	for _, tt := range []struct{ name, dsn string }{
		{"no socket", "postgres://ana:" + secret + "@/circlebook?host=" + noServer},
		{"port closed", "postgres://ana:" + secret + "@" + closedAddr + "/circlebook?sslmode=disable"},
		{"no answer", "postgres://ana:" + secret + "@" + silent.Addr().String() + "/circlebook?sslmode=disable&connect_timeout=1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			err := wantRefused(t, tt.dsn, store.ErrConnect)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v to give up, want within the connect timeout", took)
			}
			if !strings.Contains(err.Error(), "ana@") {
				t.Errorf("error %q does not say which address it tried", err)
			}
		})
	}
}

func TestOpenPostgres(t *testing.T) {
	server := testdb.PostgresServer(t)
	dir := filepath.Join(t.TempDir(), "data")
	dsn := pgtest.NewDatabase(t, server)
	st, err := store.OpenPostgres(dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Dialect != store.Postgres || st.Folder() != dir || st.Path == "" {
		t.Errorf("Store = {Dialect: %v, Folder: %q, Path: %q}, want PostgreSQL with the data folder %q", st.Dialect, st.Folder(), st.Path, dir)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Errorf("the local data folder was not made: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the data folder holds %v: PostgreSQL keeps no file there", entries)
	}
	var tz string
	st.DB.Raw("SHOW timezone").Scan(&tz)
	if tz != "UTC" {
		t.Errorf("session time zone = %q, want UTC", tz)
	}
}

func TestOpenPostgresRefusesAWrongPassword(t *testing.T) {
	server := testdb.PostgresServer(t)
	role := pgtest.PasswordRole(t, server, "the-right-one")
	dsn := pgtest.WithUser(pgtest.NewDatabase(t, server), role, secret)
	err := wantRefused(t, dsn, store.ErrConnect)
	if !strings.Contains(err.Error(), "refused user "+role) {
		t.Errorf("error = %q, want it to say the server refused the user", err)
	}
}

func TestOpenPostgresRefusesAMissingDatabase(t *testing.T) {
	server := testdb.PostgresServer(t)
	err := wantRefused(t, pgtest.WithDatabase(server, "cb_no_such_database"), store.ErrConnect)
	if !strings.Contains(err.Error(), "no database cb_no_such_database") {
		t.Errorf("error = %q, want it to name the missing database", err)
	}
}

func TestOpenPostgresChecksTheRolesRights(t *testing.T) {
	server := testdb.PostgresServer(t)
	role := pgtest.Role(t, server)

	t.Run("may not create the tables", func(t *testing.T) {
		empty := pgtest.NewDatabase(t, server) // owned by the superuser: PostgreSQL 15 lets no one else create in public
		err := wantRefused(t, pgtest.WithUser(empty, role, ""), store.ErrNoRights)
		if !strings.Contains(err.Error(), "may not create tables") {
			t.Errorf("error = %q, want it to say what the role may not do", err)
		}
	})

	t.Run("no schema to work in", func(t *testing.T) {
		empty := pgtest.NewDatabase(t, server)
		err := wantRefused(t, empty+"&search_path=nowhere", store.ErrNoRights)
		if !strings.Contains(err.Error(), "no schema") {
			t.Errorf("error = %q, want it to say there is no schema", err)
		}
	})

	t.Run("may not write the tables", func(t *testing.T) {
		migrated := testdb.OpenPostgres(t)
		err := wantRefused(t, pgtest.WithUser(dsnOf(t, migrated), role, ""), store.ErrNoRights)
		if !strings.Contains(err.Error(), "may not read and write") || !strings.Contains(err.Error(), "GRANT") {
			t.Errorf("error = %q, want it to name the tables and the grant", err)
		}

		for _, grant := range []string{
			"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role,
			"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role,
		} {
			if err := migrated.DB.Exec(grant).Error; err != nil {
				t.Fatal(err)
			}
		}
		st, err := store.OpenPostgres(pgtest.WithUser(dsnOf(t, migrated), role, ""), t.TempDir())
		if err != nil {
			t.Fatalf("with the rights granted: %v", err)
		}
		defer st.Close()
		testdb.With(t, st.DB).Person("Amara Okafor")
	})
}

// dsnOf is the superuser DSN of the database st is open on.
func dsnOf(t *testing.T, st *store.Store) string {
	t.Helper()
	var name string
	if err := st.DB.Raw("SELECT current_database()").Scan(&name).Error; err != nil {
		t.Fatal(err)
	}
	return pgtest.WithDatabase(testdb.PostgresServer(t), name)
}

func TestOpenPostgresTwiceAtOnceMigratesOnce(t *testing.T) {
	dsn := pgtest.NewDatabase(t, testdb.PostgresServer(t))
	const n = 4
	stores := make([]*store.Store, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { stores[i], errs[i] = store.OpenPostgres(dsn, t.TempDir()) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("open %d: %v", i, errs[i])
			continue
		}
		defer stores[i].Close()
	}
	if t.Failed() {
		return
	}
	applied, err := stores[0].Applied()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(applied, store.MigrationIDs()) {
		t.Errorf("Applied() = %v, want every migration once", applied)
	}
}

func TestAddressShownHasNoPassword(t *testing.T) {
	server := testdb.PostgresServer(t)
	role := pgtest.PasswordRole(t, server, secret)
	dsn := pgtest.WithUser(pgtest.NewDatabase(t, server), role, secret)
	grantAll(t, dsn, role)
	st, err := store.OpenPostgres(dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if strings.Contains(st.Path, secret) || !strings.Contains(st.Path, role+"@") {
		t.Errorf("Path = %q, want the address with the user and without the password", st.Path)
	}
}

// grantAll makes role the owner of the database at dsn.
func grantAll(t *testing.T, dsn, role string) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, testdb.PostgresServer(t), `ALTER DATABASE "`+strings.TrimPrefix(u.Path, "/")+`" OWNER TO "`+role+`"`)
}
