package search

import (
	"testing"

	"circlebook/backend/internal/testdb"
)

// TestTsqueryKeepsWordsWords: whatever a word holds, even what the word
// rule never lets in (quotes, backslashes, tsquery's operators), it stays
// one prefix in the tsquery: the query has one operand a word and an AND
// between each two, finds a document of exactly its words, and misses it
// when the last word is changed.
func TestTsqueryKeepsWordsWords(t *testing.T) {
	st := testdb.OpenPostgres(t)
	sqlDB, err := st.DB.DB()
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range [][]string{
		{"ana"}, {"ana", "gil"}, {"a'b"}, {"'"}, {"''"}, {`\`}, {`a\'b`, "c"}, {`\\'`}, {"&", "|", "!"},
		{"a:*", "b:A"}, {"a <-> b"}, {"(", ")"}, {"a' | 'b"}, {`a\`, `'b`}, {"安娜", "ñ"},
	} {
		text := tsquery(Query{words: words})
		miss := append(append([]string(nil), words[:len(words)-1]...), "x"+words[len(words)-1])
		var nodes int
		var found, missed bool
		err := sqlDB.QueryRow(`SELECT numnode($1::tsquery), array_to_tsvector($2::text[]) @@ $1::tsquery,
			array_to_tsvector($3::text[]) @@ $1::tsquery`, text, words, miss).Scan(&nodes, &found, &missed)
		if err != nil {
			t.Errorf("%q (%s): %v", words, text, err)
			continue
		}
		if nodes != 2*len(words)-1 || !found || missed {
			t.Errorf("%q as %s: %d nodes (want %d), finds its words %v (want true), the changed ones %v (want false)",
				words, text, nodes, 2*len(words)-1, found, missed)
		}
	}
}
