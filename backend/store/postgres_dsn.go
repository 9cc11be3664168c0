package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// dsnExample shows the form a database address takes.
const dsnExample = "postgres://USER:PASSWORD@HOST:5432/DATABASE (or ?host=/socket/folder)"

// parseDSN checks dsn and returns its connection settings and the address
// to show in messages: the URL without its password or any secret
// parameter. A string that is not a postgres:// URL is never quoted back.
func parseDSN(dsn string) (*pgx.ConnConfig, string, error) {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Opaque != "" {
		return nil, "", fmt.Errorf("%w: give a URL such as %s", ErrBadDSN, dsnExample)
	}
	shown := shownAddress(u)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		password, inUserinfo := u.User.Password()
		if !inUserinfo {
			password = u.Query().Get("password")
		}
		return nil, "", fmt.Errorf("%w %s: %s", ErrBadDSN, shown, reason(err, password))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	// No JIT: it compiles a query whose estimated cost is high, and for the
	// screens' short index walks (Today's rules, with their LIMITs) the
	// compile took 20-50 ms longer than the read itself.
	cfg.RuntimeParams["jit"] = "off"
	return cfg, shown, nil
}

// shownAddress is u without its password and without any parameter that
// may hold a secret.
func shownAddress(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	q := c.Query()
	for key := range q {
		if strings.Contains(strings.ToLower(key), "password") {
			q.Del(key)
		}
	}
	c.RawQuery = strings.ReplaceAll(q.Encode(), "%2F", "/") // a socket folder reads as a path
	c.Fragment = ""
	return c.String()
}

// reason is the driver's word on why it could not use the address, with
// the password taken out.
func reason(err error, password string) string {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, "`: "); ok { // "cannot parse `ADDRESS`: why"
		msg = after
	}
	return redact(msg, password)
}

// connectError says in one line why connecting to the server at shown failed.
func connectError(err error, shown string, cfg *pgx.ConnConfig) error {
	var pgErr *pgconn.PgError
	var netErr *net.OpError
	why := err.Error()
	switch {
	case errors.As(err, &pgErr) && (pgErr.Code == "28P01" || pgErr.Code == "28000"):
		why = fmt.Sprintf("the server refused user %s (a wrong password, or pg_hba.conf does not let them in)", cfg.User)
	case errors.As(err, &pgErr) && pgErr.Code == "3D000":
		why = fmt.Sprintf("there is no database %s on the server: create it first (createdb)", cfg.Database)
	case errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "57P"):
		why = "the server is starting up or shutting down: try again shortly"
	case errors.As(err, &pgErr) && pgErr.Code == "53300":
		why = "the server has no free connection: try again shortly"
	case errors.As(err, &pgErr):
		why = pgErr.Message
	case timedOut(err):
		why = fmt.Sprintf("no answer within %s", cfg.ConnectTimeout)
	case errors.As(err, &netErr):
		why = fmt.Sprintf("the server is not reachable (%v)", netErr.Err)
	}
	return fmt.Errorf("%w at %s: %s", ErrConnect, shown, oneLine(why))
}

// timedOut reports whether err is a deadline running out.
func timedOut(err error) bool {
	var ne net.Error
	return pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// oneLine joins a message's lines, so a CLI error stays one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// redact takes password out of s, as typed and as a URL carries it.
func redact(s, password string) string {
	if password == "" {
		return s
	}
	inUserinfo := strings.TrimPrefix(url.UserPassword("", password).String(), ":")
	for _, p := range []string{password, url.QueryEscape(password), url.PathEscape(password), inUserinfo} {
		if p != "" {
			s = strings.ReplaceAll(s, p, "xxxxx")
		}
	}
	return s
}

// redactedError is an error whose message has had the password taken out.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// scrub makes sure err's message holds no password (belt and braces: the
// messages above are built without it).
func scrub(err error, password string) error {
	if password == "" || !strings.Contains(err.Error(), password) {
		return err
	}
	return &redactedError{msg: redact(err.Error(), password), err: err}
}
