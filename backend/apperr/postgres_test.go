package apperr_test

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
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
	wantSaveFailure(t, err, apperr.Internal, want)
}

// wantUnavailable checks that FromDB makes err an Unavailable error (the
// page's connection banner) that says "Not saved: ...want...".
func wantUnavailable(t *testing.T, err error, want string) {
	t.Helper()
	wantSaveFailure(t, err, apperr.Unavailable, want)
	if !apperr.IsUnavailable(err) {
		t.Errorf("IsUnavailable(%v) = false", err)
	}
}

// wantSaveFailure checks that FromDB makes err an error of code whose
// message says "Not saved: " and then contains want, keeping err as its
// cause, and that IsStorage says the input was fine.
func wantSaveFailure(t *testing.T, err error, code apperr.Code, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one saying %q", want)
	}
	got := apperr.FromDB(err, "name", "person")
	var ae *apperr.Error
	if !errors.As(got, &ae) || ae.Code != code {
		t.Fatalf("FromDB(%v) = %#v, want code %q", err, got, code)
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
		{fmt.Errorf("create: %w", &pgconn.PgError{Code: "53100"}), "disk is full"},
		{fmt.Errorf("%w: %w", gorm.ErrInvalidField, &pgconn.PgError{Code: "25006"}), "read-only"},
	} {
		t.Run(tt.err.Error(), func(t *testing.T) { wantStorage(t, tt.err, tt.want) })
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&pgconn.PgError{Code: "08006"}, "connection to the database server was lost"},
		{&pgconn.PgError{Code: "08001"}, "connection to the database server was lost"},
		{&pgconn.PgError{Code: "57P01"}, "connection to the database server was lost"},
		{&pgconn.PgError{Code: "57P02"}, "connection to the database server was lost"},
		{&pgconn.PgError{Code: "57P03"}, "starting up"},
		{fmt.Errorf("commit: %w", &pgconn.PgError{Code: "57P01"}), "was lost"},
		{pgconn.ErrConnClosed, "cannot be reached"},
		{driver.ErrBadConn, "cannot be reached"},
		{io.EOF, "cannot be reached"},
		{io.ErrUnexpectedEOF, "cannot be reached"},
		{fmt.Errorf("write: %w", syscall.EPIPE), "cannot be reached"},
		{fmt.Errorf("read: %w", syscall.ECONNRESET), "cannot be reached"},
		{&net.OpError{Op: "dial", Net: "unix", Err: errors.New("connect: no such file or directory")}, "cannot be reached"},
	} {
		t.Run(tt.err.Error(), func(t *testing.T) { wantUnavailable(t, tt.err, tt.want) })
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
			"53100": "disk is full", "40001": "at the same time", "40P01": "at the same time",
		} {
			err := db.Exec(`DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '` + code + `'; END $$`).Error
			wantStorage(t, err, want)
		}
		err := db.Exec(`DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '08006'; END $$`).Error
		wantUnavailable(t, err, "was lost")
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
		wantUnavailable(t, err, "database server")
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

// Only the way to the server failing is Unavailable: the server's answer
// about a statement, SQLite's errors and the input's are not.
func TestIsUnavailableOnlyForALostServer(t *testing.T) {
	for _, err := range []error{
		nil,
		errors.New("disk I/O error"),
		&pgconn.PgError{Code: "42601", Message: "syntax error"},
		&pgconn.PgError{Code: "57014", Message: "canceling statement due to statement timeout"},
		&pgconn.PgError{Code: "53100"},
		&pgconn.PgError{Code: "42501"},
		gorm.ErrDuplicatedKey,
		gorm.ErrRecordNotFound,
		apperr.New(apperr.Invalid, "name", "Name is required."),
		sqliteError(13), // SQLITE_FULL
		sqliteError(5),  // SQLITE_BUSY
	} {
		if apperr.IsUnavailable(err) {
			t.Errorf("IsUnavailable(%v) = true, want false", err)
		}
	}
}

// sqliteError is an error with SQLite's result code, as the driver's.
type sqliteError int

func (e sqliteError) Error() string { return fmt.Sprintf("sqlite error %d", int(e)) }
func (e sqliteError) Code() int     { return int(e) }

// Whatever let it through, a lost server reaches the page as Unavailable
// (the connection banner); anything else keeps its code.
func TestFormatMakesALostServerUnavailable(t *testing.T) {
	lost := &pgconn.ConnectError{}
	for _, tt := range []struct {
		name string
		err  error
		want apperr.Code
	}{
		{"a raw connect error", fmt.Errorf("list circles: %w", lost), apperr.Unavailable},
		{"a raw lost connection", fmt.Errorf("get: %w", io.ErrUnexpectedEOF), apperr.Unavailable},
		{"a service's Internal error about it", &apperr.Error{Code: apperr.Internal, Message: "Could not read the circle's history.", Err: lost}, apperr.Unavailable},
		{"FromDB's", apperr.FromDB(&pgconn.PgError{Code: "57P01"}, "body", "note"), apperr.Unavailable},
		{"input that was wrong, with a lost server under it", &apperr.Error{Code: apperr.Invalid, Field: "name", Message: "x", Err: lost}, apperr.Invalid},
		{"SQLite's full disk", apperr.FromDB(sqliteError(13), "body", "note"), apperr.Internal},
		{"a plain failure", errors.New("boom"), apperr.Internal},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := apperr.Format(tt.err).(apperr.Payload)
			if p.Code != tt.want {
				t.Errorf("Format(%v).Code = %q, want %q", tt.err, p.Code, tt.want)
			}
			if p.Message == "" {
				t.Error("no message")
			}
		})
	}
	if !errors.Is(apperr.FromDB(io.EOF, "", "note"), apperr.ErrUnavailable) {
		t.Error("FromDB(EOF) is not ErrUnavailable")
	}
}
