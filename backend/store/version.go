package store

// MigrationIDs lists the ID of every migration this version knows, in the
// order they apply: a file this version has opened has exactly these
// applied. Caches of generated files key on it.
func MigrationIDs() []string {
	ids := make([]string, len(migrations))
	for i, m := range migrations {
		ids[i] = m.ID
	}
	return ids
}
