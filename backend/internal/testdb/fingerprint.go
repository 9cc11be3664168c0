package testdb

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"

	"circlebook/backend/store"
)

// Fingerprint identifies the whole database's contents: the row count of every
// table (the migrations' bookkeeping, the search indexes' shadow tables and SQLite's own included) and a
// checksum over every row of every table, for "nothing was written" checks.
// On PostgreSQL it covers the schema's tables; the sequences behind the keys
// are left out, as a rolled-back insert moves them on.
type Fingerprint struct {
	Counts map[string]int64
	Sum    string
}

// Fingerprint takes the database's fingerprint, once the search indexes
// are merged: the store merges them when writes pause (store/merge.go),
// which may fall between two fingerprints and changes no record.
func (f Fixture) Fingerprint() Fingerprint {
	f.t.Helper()
	if err := store.MergeSearch(f.DB); err != nil {
		f.t.Fatalf("fingerprint: merge the search indexes: %v", err)
	}
	var tables []string
	// A virtual table (the search indexes) is read through its shadow
	// tables, which are listed too; a contentless one cannot be scanned.
	list := "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
	if store.DialectOf(f.DB) == store.Postgres {
		list = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
	}
	if err := f.DB.Raw(list).Scan(&tables).Error; err != nil {
		f.t.Fatalf("fingerprint: list tables: %v", err)
	}
	s := Fingerprint{Counts: map[string]int64{}}
	h := sha256.New()
	for _, table := range tables {
		s.Counts[table] = f.hashTable(h, table)
	}
	s.Sum = hex.EncodeToString(h.Sum(nil))
	return s
}

func (f Fixture) hashTable(h interface{ Write([]byte) (int, error) }, table string) int64 {
	f.t.Helper()
	rows, err := f.DB.Raw(fmt.Sprintf("SELECT * FROM %q ORDER BY %s", table, f.order(table))).Rows()
	if err != nil {
		f.t.Fatalf("fingerprint: read %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			f.t.Fatalf("fingerprint: scan %s: %v", table, err)
		}
		fmt.Fprintf(h, "%s:", table)
		for _, v := range vals {
			fmt.Fprintf(h, "%T=%v|", v, v)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		f.t.Fatalf("fingerprint: read %s: %v", table, err)
	}
	return n
}

// order is what orders table's rows: on SQLite its rowid, or all its
// columns in turn for a table WITHOUT ROWID (name_prefixes, FTS5's
// configuration); on PostgreSQL, which has no rowid, all its columns.
func (f Fixture) order(table string) string {
	f.t.Helper()
	var t struct {
		Wr   bool
		Ncol int
	}
	read := "SELECT wr, ncol FROM pragma_table_list WHERE name = ?"
	if store.DialectOf(f.DB) == store.Postgres {
		read = "SELECT true AS wr, count(*) AS ncol FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
	}
	if err := f.DB.Raw(read, table).Scan(&t).Error; err != nil || t.Ncol == 0 {
		f.t.Fatalf("fingerprint: %s: %v (%d columns)", table, err, t.Ncol)
	}
	if !t.Wr {
		return "rowid"
	}
	cols := make([]string, t.Ncol)
	for i := range cols {
		cols[i] = fmt.Sprint(i + 1)
	}
	return strings.Join(cols, ", ")
}

// Equal reports whether two fingerprints are of the same data.
func (s Fingerprint) Equal(o Fingerprint) bool {
	return s.Sum == o.Sum && maps.Equal(s.Counts, o.Counts)
}

// Diff names the tables whose row counts differ, for a failure message.
func (s Fingerprint) Diff(o Fingerprint) string {
	out := ""
	for _, table := range slices.Sorted(maps.Keys(s.Counts)) {
		if s.Counts[table] != o.Counts[table] {
			out += fmt.Sprintf(" %s: %d -> %d;", table, s.Counts[table], o.Counts[table])
		}
	}
	if out == "" && s.Sum != o.Sum {
		return " same counts, different contents"
	}
	return out
}
