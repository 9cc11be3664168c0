package apperr

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"

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
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if msg, ok := postgresCodes[pgErr.Code]; ok {
			return msg, true
		}
		if len(pgErr.Code) == 5 {
			msg, ok := postgresClasses[pgErr.Code[:2]]
			return msg, ok
		}
		return "", false
	}
	if lostConnection(err) {
		return "The database server cannot be reached.", true
	}
	return "", false
}

// lostConnection reports whether err is the connection to the server
// failing or going away rather than an answer from it.
func lostConnection(err error) bool {
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err)
}
