package apperr

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// postgresCodes explains the PostgreSQL errors (SQLSTATE) whose cause is
// the server or the way to it, not the input. A unique or foreign-key
// violation never gets here: the driver's TranslateError makes it
// gorm.ErrDuplicatedKey or gorm.ErrForeignKeyViolated first.
var postgresCodes = map[string]string{
	"53100": "The database server's disk is full.",
	"25006": "The database is read-only.",
	"42501": "Your database role may not make this change.",
	"40001": "Another change was being saved at the same time: try again.",
	"40P01": "Another change was being saved at the same time: try again.",
	"55P03": "The database is busy (another change holds the record).",
	"57P01": "The connection to the database server was lost.", // the server is shutting down
	"57P02": "The connection to the database server was lost.", // the server crashed
	"57P03": "The database server is starting up: try again shortly.",
}

// postgresClasses explains whole SQLSTATE classes (the first two characters).
var postgresClasses = map[string]string{
	"08": "The connection to the database server was lost.",
	"53": "The database server is out of resources (disk, memory or connections).",
}

// postgresMessage explains a failure of the PostgreSQL server or the
// connection to it, in words for the person at the keyboard.
func postgresMessage(err error) (string, bool) {
	if IsUnavailable(err) {
		return unavailableMessage(err), true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if msg, ok := postgresCodes[pgErr.Code]; ok {
			return msg, true
		}
		if len(pgErr.Code) == 5 {
			msg, ok := postgresClasses[pgErr.Code[:2]]
			return msg, ok
		}
	}
	return "", false
}

// unavailableMessage says how the database server was lost: the server's
// own word when it sent one (shutting down, starting up), else that it
// cannot be reached.
func unavailableMessage(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if msg, ok := postgresCodes[pgErr.Code]; ok {
			return msg
		}
		if msg, ok := postgresClasses[pgErr.Code[:min(2, len(pgErr.Code))]]; ok {
			return msg
		}
	}
	return "The database server cannot be reached."
}

// IsUnavailable reports whether err is the database server, or the way to
// it, failing rather than an answer to the statement: connecting failed,
// the connection was lost (SQLSTATE class 08, end of file, a broken pipe,
// no answer in time), or the server is shutting down, crashed or starting
// up (57P01-57P03). Nothing was written; the same call may succeed later.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	var netErr net.Error
	return errors.As(err, &netErr) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err)
}
