package fold_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"circlebook/backend/fold"
)

// cases is testdata/cases.json, the table frontend/test/fold.test.js reads too.
type cases struct {
	Keys  [][2]string `json:"keys"`
	Order []string    `json:"order"`
}

func readCases(t *testing.T) cases {
	t.Helper()
	raw, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c cases
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Keys) < 20 || len(c.Order) < 5 {
		t.Fatalf("the table has %d keys and %d names in order: too few to prove anything", len(c.Keys), len(c.Order))
	}
	return c
}

func TestKey(t *testing.T) {
	for _, tc := range readCases(t).Keys {
		if got := fold.Key(tc[0]); got != tc[1] {
			t.Errorf("Key(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}

func TestCompareSortsAsAPersonReads(t *testing.T) {
	want := readCases(t).Order
	for seed := range uint64(5) {
		got := slices.Clone(want)
		rand.New(rand.NewPCG(seed, 1)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		slices.SortFunc(got, fold.Compare)
		if !slices.Equal(got, want) {
			t.Errorf("sorted %q, want %q", got, want)
		}
	}
	if fold.Compare("Ana", "ana") == 0 || fold.Compare("Ana", "ana") != -fold.Compare("ana", "Ana") {
		t.Error("names with one key must still compare unequal, consistently")
	}
}

func TestPlainKeepsCase(t *testing.T) {
	for in, want := range map[string]string{"Łukasz Dąbrowska": "Lukasz Dabrowska", "ÍÑIGO": "INIGO", "Søren": "Soren", "Straße": "Strasse"} {
		if got := fold.Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSortBy(t *testing.T) {
	type rec struct {
		id   int
		name string
	}
	list := []rec{{1, "Zoë"}, {2, "ana"}, {3, "Íñigo"}, {4, "Ana"}, {5, "ana"}}
	fold.SortBy(list, func(r rec) string { return r.name })
	want := []rec{{4, "Ana"}, {2, "ana"}, {5, "ana"}, {3, "Íñigo"}, {1, "Zoë"}} // equal names keep their order
	if !slices.Equal(list, want) {
		t.Errorf("SortBy = %v, want %v", list, want)
	}
}

func TestLowerASCIIFoldsASCIIOnly(t *testing.T) {
	for in, want := range map[string]string{
		"ÉMILE@EXAMPLE.org": "Émile@example.org", // É is not ASCII: lower() leaves it, so must Go
		"ana":               "ana",
		"ZOË Ünal":          "zoË Ünal",
		"":                  "",
	} {
		if got := fold.LowerASCII(in); got != want {
			t.Errorf("LowerASCII(%q) = %q, want %q", in, got, want)
		}
	}
}
