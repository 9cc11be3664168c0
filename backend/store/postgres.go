package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// The ways opening a PostgreSQL database fails; each error says more in
// one line, and none ever holds the password.
var (
	ErrBadDSN        = errors.New("malformed database address")
	ErrConnect       = errors.New("cannot connect to the database")
	ErrServerVersion = errors.New("unsupported PostgreSQL version")
	ErrNoRights      = errors.New("the database role lacks rights")
)

// connectTimeout bounds connecting and the first answer when the address
// sets no connect_timeout of its own.
const connectTimeout = 10 * time.Second

// minServerVersion is the oldest PostgreSQL Circlebook runs on (as
// server_version_num): 15, the version the tests run on (Debian 12's).
const minServerVersion = 150000

// maxConns caps the connections one program holds on the server.
const maxConns = 8

// OpenPostgres connects to the PostgreSQL database at dsn (a postgres://
// URL), checks the server's version and the role's rights, and brings the
// schema up to date; it refuses a database a newer Circlebook migrated.
// dir is the local data folder, which keeps the draft journal and the
// preferences (see Store.Folder). Errors never hold the password.
//
// No backup is taken before migrating: a program office backs its database
// up with the server's own tools (pg_dump, or base backups with WAL
// archiving) before it upgrades Circlebook, as before any schema change.
func OpenPostgres(dsn, dir string) (*Store, error) {
	cfg, shown, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	s, err := connectPostgres(cfg, shown, dir)
	if err != nil {
		return nil, scrub(err, cfg.Password)
	}
	return s, nil
}

// connectPostgres connects, checks and migrates.
func connectPostgres(cfg *pgx.ConnConfig, shown, dir string) (*Store, error) {
	if err := privateDir(dir); err != nil {
		return nil, err
	}
	sqlDB := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(utcTimes))
	sqlDB.SetMaxOpenConns(maxConns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), cfg.ConnectTimeout)
	defer cancel()
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, connectError(err, shown, cfg)
	}
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }, // what a timestamptz keeps
	})
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("%w at %s: %v", ErrConnect, shown, err)
	}
	s := &Store{DB: db, Path: shown, Dialect: Postgres, folder: dir, migrated: true} // migrated in setupPostgres
	if err := s.setupPostgres(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// utcTimes has a connection read timestamptz values in UTC, as SQLite
// gives them back, not in the program's local zone.
func utcTimes(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
	return nil
}

// setupPostgres checks the server's version and the role's rights, then migrates.
func (s *Store) setupPostgres() error {
	if err := checkServerVersion(s.DB, s.Path); err != nil {
		return err
	}
	r, err := readRights(s.DB, s.Path)
	if err != nil {
		return err
	}
	// The tables first: reading which migrations are applied needs them.
	if why := r.String(); why != "" {
		return fmt.Errorf("%w at %s: %s", ErrNoRights, s.Path, why)
	}
	if r.Pending, err = pendingMigrations(s.DB); err != nil {
		return err
	}
	if why := r.String(); why != "" { // and the right to create what the pending migrations add
		return fmt.Errorf("%w at %s: %s", ErrNoRights, s.Path, why)
	}
	return migrateTo(s.DB, Postgres, nil) // no backup here: the server's own tools make it (see OpenPostgres)
}

// checkServerVersion refuses a server older than minServerVersion.
func checkServerVersion(db *gorm.DB, shown string) error {
	var num, name string
	if err := db.Raw("SHOW server_version_num").Scan(&num).Error; err != nil {
		return fmt.Errorf("read the server's version at %s: %w", shown, err)
	}
	if err := db.Raw("SHOW server_version").Scan(&name).Error; err != nil {
		return fmt.Errorf("read the server's version at %s: %w", shown, err)
	}
	return versionError(num, name)
}

// versionError says why a server of version num (server_version_num) and
// name (server_version) will not do, or returns nil when it will.
func versionError(num, name string) error {
	n, err := strconv.Atoi(num)
	if err != nil || n < minServerVersion {
		return fmt.Errorf("%w: the server runs PostgreSQL %s; Circlebook needs %d or newer", ErrServerVersion, name, minServerVersion/10000)
	}
	return nil
}

// pendingMigrations counts the migrations this version would apply,
// refusing a database a newer Circlebook migrated.
func pendingMigrations(db *gorm.DB) (int, error) {
	var exists bool
	if err := db.Raw("SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists).Error; err != nil {
		return 0, err
	}
	if !exists {
		return len(migrations), nil
	}
	return unapplied(db)
}

// roleRights is what the connected role may do in its schema.
type roleRights struct {
	Role      string
	Schema    *string  // current_schema(); nil when the search_path names none that exists
	CanCreate bool     // CREATE on the schema: pending migrations need it
	Denied    []string // tables and sequences it may not read and write (the first few)
	Pending   int      // migrations still to apply
}

// String says what the role may not do and how to let it; "" when nothing.
func (r roleRights) String() string {
	switch {
	case r.Schema == nil:
		return fmt.Sprintf("role %s has no schema to work in (no schema on its search_path exists)", r.Role)
	case len(r.Denied) > 0:
		return fmt.Sprintf("role %s may not read and write %s in schema %s: GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES and USAGE ON ALL SEQUENCES IN SCHEMA %[3]s TO %[1]s",
			r.Role, strings.Join(r.Denied, ", "), *r.Schema)
	case r.Pending > 0 && !r.CanCreate:
		return fmt.Sprintf("role %s may not create tables in schema %s, which %d pending migrations need: run this version once as the database's owner, or GRANT CREATE ON SCHEMA %[2]s TO %[1]s",
			r.Role, *r.Schema, r.Pending)
	}
	return ""
}

// deniedRelations lists the first tables the role may not read and write,
// and the sequences (not an identity column's, which need no grant) it may
// not draw from, in the current schema: Circlebook's database is its own.
const deniedRelations = `
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND (
	(c.relkind IN ('r', 'p') AND NOT (has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
		AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')))
	OR (c.relkind = 'S' AND NOT has_sequence_privilege(c.oid, 'USAGE')
		AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')))
ORDER BY c.relname LIMIT 5`

// readRights reads what the role may do in its schema.
func readRights(db *gorm.DB, shown string) (roleRights, error) {
	var r roleRights
	row := db.Raw("SELECT current_user, current_schema(), COALESCE(has_schema_privilege(current_schema(), 'CREATE'), false)").Row()
	if err := row.Scan(&r.Role, &r.Schema, &r.CanCreate); err != nil {
		return r, fmt.Errorf("read the role's rights at %s: %w", shown, err)
	}
	if r.Schema != nil {
		if err := db.Raw(deniedRelations).Scan(&r.Denied).Error; err != nil {
			return r, fmt.Errorf("read the role's rights at %s: %w", shown, err)
		}
	}
	return r, nil
}
