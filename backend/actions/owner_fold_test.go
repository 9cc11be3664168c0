package actions_test

import (
	"testing"

	"circlebook/backend/actions"
)

// TestResolveOwnerFoldsAsNamesDo: an @name matches by the app's one folding
// rule (backend/fold), as the page's resolveOwner does: ł, ø and ß too.
func TestResolveOwnerFoldsAsNamesDo(t *testing.T) {
	members := []actions.Member{{PersonID: 1, Name: "Łukasz Wróbel"}, {PersonID: 2, Name: "Søren Ødegård"}, {PersonID: 3, Name: "Jörg Straße"}}
	for name, want := range map[string]uint{"lukasz": 1, "SorenOdegard": 2, "jorgstrasse": 3} {
		if got, ok := actions.ResolveOwner(name, members); !ok || got != want {
			t.Errorf("ResolveOwner(%q) = %d, %v; want %d", name, got, ok, want)
		}
	}
}
