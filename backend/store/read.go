package store

import "gorm.io/gorm"

// Read runs fn in one transaction that only reads, so its statements see
// one state of the database. On SQLite that is BEGIN and COMMIT on one
// pooled connection, not database/sql's Tx, which watches each statement's
// rows from a goroutine of its own: waking the other core for each of a
// search's seven statements cost 0.1 to 0.2 ms a search on two cores. The
// BEGIN is deferred, so a read takes no write lock and never holds up a
// save. PostgreSQL keeps db.Transaction.
func Read(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if DialectOf(db) != SQLite {
		return db.Transaction(fn)
	}
	return db.Connection(func(conn *gorm.DB) error {
		c := conn.Session(&gorm.Session{NewDB: true}) // each statement its own, so fn's error is not the ROLLBACK's
		if err := c.Exec("BEGIN").Error; err != nil {
			return err
		}
		committed := false
		defer func() {
			if !committed { // fn failed or panicked: the connection goes back to the pool outside any transaction
				c.Exec("ROLLBACK")
			}
		}()
		if err := fn(c); err != nil {
			return err
		}
		err := c.Exec("COMMIT").Error
		committed = err == nil
		return err
	})
}
