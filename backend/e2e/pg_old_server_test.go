package e2e_test

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// oldServer answers the PostgreSQL protocol as a PostgreSQL 14 server would,
// enough for Circlebook to connect and ask the version (no real server
// older than 15 is at hand). It listens on a Unix socket in a folder of its
// own, lets anyone in, and returns an address with pgSecret as the password.
func oldServer(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "cbpg14-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	l, err := net.Listen("unix", filepath.Join(dir, ".s.PGSQL.5432"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go serveOld(conn)
		}
	}()
	return "postgres://ana:" + pgSecret + "@/circlebook?host=" + dir
}

// oldSettings are the answers to SHOW of a PostgreSQL 14 server.
var oldSettings = map[string]string{"server_version_num": "140011", "server_version": "14.11"}

// serveOld speaks to one client: startup, then simple and extended queries,
// answering SHOW from oldSettings and anything else with no rows.
func serveOld(conn net.Conn) {
	defer conn.Close()
	b := pgproto3.NewBackend(conn, conn)
	if _, err := b.ReceiveStartupMessage(); err != nil {
		return
	}
	b.Send(&pgproto3.AuthenticationOk{})
	for k, v := range map[string]string{"server_version": "14.11", "client_encoding": "UTF8", "standard_conforming_strings": "on", "DateStyle": "ISO, MDY", "TimeZone": "UTC", "integer_datetimes": "on"} {
		b.Send(&pgproto3.ParameterStatus{Name: k, Value: v})
	}
	b.Send(&pgproto3.BackendKeyData{ProcessID: 1, SecretKey: []byte{0, 0, 0, 1}})
	b.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if b.Flush() != nil {
		return
	}
	statements := map[string]string{} // prepared name -> setting shown ("" for none)
	portal := ""
	for {
		msg, err := b.Receive()
		if err != nil {
			return
		}
		switch m := msg.(type) {
		case *pgproto3.Query:
			if setting := showOf(m.String); setting != "" {
				b.Send(rowDescription(setting))
				b.Send(&pgproto3.DataRow{Values: [][]byte{[]byte(oldSettings[setting])}})
				b.Send(&pgproto3.CommandComplete{CommandTag: []byte("SHOW")})
			} else {
				b.Send(&pgproto3.EmptyQueryResponse{})
			}
			b.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
		case *pgproto3.Parse:
			statements[m.Name] = showOf(m.Query)
			b.Send(&pgproto3.ParseComplete{})
		case *pgproto3.Describe:
			setting := statements[m.Name]
			if m.ObjectType == 'P' {
				setting = portal
			} else {
				b.Send(&pgproto3.ParameterDescription{})
			}
			if setting != "" {
				b.Send(rowDescription(setting))
			} else {
				b.Send(&pgproto3.NoData{})
			}
		case *pgproto3.Bind:
			portal = statements[m.PreparedStatement]
			b.Send(&pgproto3.BindComplete{})
		case *pgproto3.Execute:
			if portal != "" {
				b.Send(&pgproto3.DataRow{Values: [][]byte{[]byte(oldSettings[portal])}})
			}
			b.Send(&pgproto3.CommandComplete{CommandTag: []byte("SHOW")})
		case *pgproto3.Sync:
			b.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
		case *pgproto3.Close:
			b.Send(&pgproto3.CloseComplete{})
		case *pgproto3.Terminate:
			return
		}
		if err := b.Flush(); err != nil && !errors.Is(err, net.ErrClosed) {
			return
		}
	}
}

// showOf is the setting a "SHOW name" statement asks for, or "".
func showOf(sql string) string {
	f := strings.Fields(strings.ToLower(sql))
	if len(f) == 2 && f[0] == "show" {
		if _, ok := oldSettings[f[1]]; ok {
			return f[1]
		}
	}
	return ""
}

// rowDescription describes the one text column SHOW answers with.
func rowDescription(setting string) *pgproto3.RowDescription {
	return &pgproto3.RowDescription{Fields: []pgproto3.FieldDescription{{Name: []byte(setting), DataTypeOID: 25, DataTypeSize: -1, TypeModifier: -1}}}
}

// A server older than PostgreSQL 15 is refused at startup: exit 2, one line
// naming the version, no password.
func TestPostgresOldServerExitsTwo(t *testing.T) {
	refusedByEveryCommand(t, oldServer(t), "unsupported PostgreSQL version: the server runs PostgreSQL 14.11")
}
