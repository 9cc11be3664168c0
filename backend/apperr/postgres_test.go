package apperr_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// wantStorage checks that FromDB makes err an Internal error whose message
// says "Not saved: " and then contains want, keeping err as its cause.
func wantStorage(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one saying %q", want)
	}
	got := apperr.FromDB(err, "name", "person")
	var ae *apperr.Error
	if !errors.As(got, &ae) || ae.Code != apperr.Internal {
		t.Fatalf("FromDB(%v) = %#v, want an Internal error", err, got)
	}
	if !strings.HasPrefix(ae.Message, "Not saved: ") || !strings.Contains(ae.Message, want) {
		t.Errorf("FromDB(%v) says %q, want \"Not saved: ...%s...\"", err, ae.Message, want)
	}
	if !errors.Is(got, err) {
		t.Errorf("FromDB(%v) lost its cause", err)
	}
	if !apperr.IsStorage(got) {
		t.Errorf("IsStorage(FromDB(%v)) = false, want true: the input was fine", err)
	}
}

func TestFromDBExplainsPostgresFailures(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&pgconn.PgError{Code: "53100"}, "disk is full"},
		{&pgconn.PgError{Code: "53200"}, "out of resources"},
		{&pgconn.PgError{Code: "25006"}, "read-only"},
		{&pgconn.PgError{Code: "42501"}, "may not make this change"},
		{&pgconn.PgError{Code: "40001"}, "at the same time"},
		{&pgconn.PgError{Code: "40P01"}, "at the same time"},
		{&pgconn.PgError{Code: "08006"}, "connection to the database server was lost"},
		{&pgconn.PgError{Code: "57P01"}, "connection to the database server was lost"},
		{fmt.Errorf("create: %w", &pgconn.PgError{Code: "53100"}), "disk is full"},
		{fmt.Errorf("%w: %w", gorm.ErrInvalidField, &pgconn.PgError{Code: "25006"}), "read-only"},
		{pgconn.ErrConnClosed, "cannot be reached"},
		{io.ErrUnexpectedEOF, "cannot be reached"},
		{&net.OpError{Op: "dial", Net: "unix", Err: errors.New("connect: no such file or directory")}, "cannot be reached"},
	} {
		t.Run(tt.err.Error(), func(t *testing.T) { wantStorage(t, tt.err, tt.want) })
	}

	// A server's error about the statement itself is no storage failure.
	got := apperr.FromDB(&pgconn.PgError{Code: "42601", Message: "syntax error"}, "", "person")
	var ae *apperr.Error
	if !errors.As(got, &ae) || !strings.HasPrefix(ae.Message, "Could not save: ") {
		t.Errorf("FromDB(syntax error) = %v, want \"Could not save: ...\"", got)
	}
}

// The same mapping for the errors a real server sends, as GORM (with the
// driver's TranslateError) hands them to the services.
func TestFromDBOnARealPostgresServer(t *testing.T) {
	st := testdb.OpenPostgres(t)
	db := st.DB

	t.Run("raised by the server", func(t *testing.T) {
		for code, want := range map[string]string{
			"53100": "disk is full", "40001": "at the same time", "40P01": "at the same time", "08006": "was lost",
		} {
			err := db.Exec(`DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '` + code + `'; END $$`).Error
			wantStorage(t, err, want)
		}
	})

	t.Run("read-only transaction", func(t *testing.T) {
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("SET TRANSACTION READ ONLY").Error; err != nil {
				return err
			}
			return tx.Create(&model.Person{Name: "Ana Muñoz"}).Error
		})
		wantStorage(t, err, "read-only")
	})

	t.Run("role without the right", func(t *testing.T) {
		role := pgtest.Role(t, testdb.PostgresServer(t))
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(`SET LOCAL ROLE "` + role + `"`).Error; err != nil {
				return err
			}
			return tx.Create(&model.Person{Name: "Ana Muñoz"}).Error
		})
		wantStorage(t, err, "may not make this change")
	})

	t.Run("connection lost in a transaction", func(t *testing.T) {
		err := db.Transaction(func(tx *gorm.DB) error {
			var pid int
			if err := tx.Raw("SELECT pg_backend_pid()").Scan(&pid).Error; err != nil {
				return err
			}
			if err := db.Exec("SELECT pg_terminate_backend(?)", pid).Error; err != nil { // from another connection
				return err
			}
			return tx.Create(&model.Person{Name: "Ana Muñoz"}).Error
		})
		wantStorage(t, err, "database server")
		var n int64
		if err := db.Model(&model.Person{}).Count(&n).Error; err != nil || n != 0 {
			t.Errorf("people = %d (%v) after the lost transaction, want 0 and the pool working again", n, err)
		}
	})

	t.Run("duplicate", func(t *testing.T) {
		p := testdb.With(t, db).Person("Íñigo Sáenz")
		err := db.Create(&model.Person{Base: model.Base{UUID: p.UUID}, Name: "Someone Else"}).Error
		got := apperr.FromDB(err, "uuid", "person")
		if !errors.Is(got, apperr.ErrConflict) {
			t.Errorf("FromDB(duplicate) = %v, want Conflict", got)
		}
	})
}
