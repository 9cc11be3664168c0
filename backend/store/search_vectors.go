package store

import "gorm.io/gorm"

// searchVectorsPostgres is migration 2026-12-04-pg-search-vectors on
// PostgreSQL: each searched table keeps its words, search_vector() of its
// key, in a stored generated column, and the GIN index is built over that
// column instead of over the expression. The expression index gave the
// matches, but every row a bitmap scan rechecked (a lossy page, a count)
// and every row a page tested in list order ran search_vector's regular
// expression again, some tens of microseconds each: a common word's page
// cost tens of milliseconds at program scale. A stored column is read, not
// computed, so the search can also walk the list order and test each row
// (search.Tsvector). The server computes the column on every insert and on
// every update of the key, so no trigger or Go code keeps it, and a copy
// or a bundle, which write the models' columns, never name it. SQLite's
// search is FTS5 tables (search_index.sql): nothing changes there.
func searchVectorsPostgres(tx *gorm.DB) error {
	for _, stmt := range []string{
		"ALTER TABLE people ADD COLUMN search_words tsvector GENERATED ALWAYS AS (search_vector(search_key)) STORED",
		"ALTER TABLE circles ADD COLUMN search_words tsvector GENERATED ALWAYS AS (search_vector(name_key)) STORED",
		"DROP INDEX idx_people_search",
		"DROP INDEX idx_circles_search",
		"CREATE INDEX idx_people_search ON people USING gin (search_words)",
		"CREATE INDEX idx_circles_search ON circles USING gin (search_words)",
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
