package store

// MigrateOnlyTo makes Open apply the migrations up to and including id, and
// no later ones, until the returned func restores the list: for writing
// fixture files an older Circlebook would have made.
func MigrateOnlyTo(id string) (restore func()) {
	all := migrations
	for i, m := range migrations {
		if m.ID == id {
			migrations = migrations[:i+1]
		}
	}
	return func() { migrations = all }
}
