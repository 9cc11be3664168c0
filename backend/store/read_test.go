package store_test

import (
	"errors"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// TestReadEndsItsTransaction: Read on SQLite reads in a BEGIN and COMMIT
// of its own; whether fn reads, fails or panics, it leaves its connection
// outside any transaction, so the next BEGIN (a save's) starts one. The
// pool holds one connection, so the BEGIN after is on Read's.
func TestReadEndsItsTransaction(t *testing.T) {
	testdb.SQLiteOnly(t) // PostgreSQL's Read is db.Transaction
	failed := errors.New("no")
	for _, tc := range []struct {
		name string
		fn   func(tx *gorm.DB) error
		want error
	}{
		{"reads", func(tx *gorm.DB) error { var n int64; return tx.Table("circles").Count(&n).Error }, nil},
		{"fails", func(tx *gorm.DB) error { return failed }, failed},
		{"fails in SQL", func(tx *gorm.DB) error { return tx.Exec("SELECT * FROM no_such_table").Error }, nil},
		{"panics", func(tx *gorm.DB) error { panic("boom") }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := testdb.Open(t)
			sqlDB, err := st.DB.DB()
			if err != nil {
				t.Fatal(err)
			}
			sqlDB.SetMaxOpenConns(1)
			err = func() (err error) {
				defer func() {
					if r := recover(); r != nil && tc.name != "panics" {
						t.Fatalf("panicked: %v", r)
					}
				}()
				return store.Read(st.DB, tc.fn)
			}()
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("Read = %v, want %v", err, tc.want)
			}
			if tc.name == "fails in SQL" && err == nil {
				t.Fatal("Read hid the statement's error")
			}
			if err := st.DB.Exec("BEGIN").Error; err != nil {
				t.Fatalf("Read left its transaction open: %v", err)
			}
			if err := st.DB.Exec("COMMIT").Error; err != nil {
				t.Fatal(err)
			}
		})
	}
}
