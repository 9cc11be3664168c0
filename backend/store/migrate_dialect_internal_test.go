package store

import (
	"errors"
	"strings"
	"testing"
)

func TestEveryMigrationHasABodyForEachEngine(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range migrations {
		if m.SQLite == nil || m.Postgres == nil {
			t.Errorf("migration %s lacks a body for SQLite or for PostgreSQL: give both (the same func where the SQL is the same)", m.ID)
		}
		if seen[m.ID] {
			t.Errorf("migration %s is listed twice", m.ID)
		}
		seen[m.ID] = true
	}
}

func TestVersionError(t *testing.T) {
	for _, tt := range []struct {
		num, name string
		ok        bool
	}{
		{"150018", "15.18 (Debian 15.18-0+deb12u1)", true},
		{"170002", "17.2", true},
		{"140010", "14.10", false},
		{"90624", "9.6.24", false},
		{"", "", false},
	} {
		err := versionError(tt.num, tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("versionError(%q) = %v, want ok %v", tt.num, err, tt.ok)
		}
		if err != nil && (!errors.Is(err, ErrServerVersion) || !strings.Contains(err.Error(), tt.name)) {
			t.Errorf("versionError(%q) = %q, want ErrServerVersion naming the version", tt.num, err)
		}
	}
}

func TestShownAddressDropsSecrets(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://ana:pw@db.example.org:5432/circles":                        "postgres://ana@db.example.org:5432/circles",
		"postgres://ana@db/circles?password=pw&sslmode=require":                "postgres://ana@db/circles?sslmode=require",
		"postgresql://ana:p%40ss@db/circles?sslpassword=pw&application_name=x": "postgresql://ana@db/circles?application_name=x",
		"postgres://postgres@/postgres?host=/tmp/pg/sock":                      "postgres://postgres@/postgres?host=/tmp/pg/sock",
	} {
		_, shown, err := parseDSN(dsn)
		if err != nil {
			t.Errorf("parseDSN(%q): %v", dsn, err)
			continue
		}
		if shown != want {
			t.Errorf("parseDSN(%q) shows %q, want %q", dsn, shown, want)
		}
	}
}

func TestRedact(t *testing.T) {
	const pw = "zq@x y/ü"
	for _, s := range []string{pw, "a " + pw + " b", "postgres://ana:zq%40x%20y%2F%C3%BC@db", "?password=zq%40x+y%2F%C3%BC"} {
		if got := redact(s, pw); strings.Contains(got, "zq") {
			t.Errorf("redact(%q) = %q, the password is still there", s, got)
		}
	}
	if got := redact("nothing to hide", ""); got != "nothing to hide" {
		t.Errorf("redact with no password = %q", got)
	}
}
