package pairing

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"circlebook/backend/apperr"
	"circlebook/backend/fold"
	"circlebook/backend/match"
	"circlebook/backend/model"
)

// maxRowProblems is the most bad rows one refused save reports.
const maxRowProblems = 20

// claim is whose a folded word of the vocabulary is: row (from 0) and that
// row's tag, and whether the word is the tag itself or a synonym.
type claim struct {
	row   int
	tag   string
	isTag bool
}

// vocabularyOf checks tags and makes them a match.Vocabulary. Every bad row
// fails on its own field, "vocabulary.3.tag" or "vocabulary.3.synonyms"
// (the fourth row), each message naming its row; tags and synonyms compare
// folded, as the engine compares them.
func vocabularyOf(tags []model.MatchTag) (match.Vocabulary, error) {
	if len(tags) > MaxTags {
		return nil, apperr.New(apperr.TooLong, "vocabulary", "The vocabulary holds at most %d tags; this has %d.", MaxTags, len(tags))
	}
	v := match.Vocabulary{}
	claims := map[string]claim{}
	var errs []error
	for i, t := range tags {
		if err := vocabularyRow(i, t, v, claims); err != nil {
			if errs = append(errs, err); len(errs) == maxRowProblems {
				break
			}
		}
	}
	if err := apperr.Join(errs...); err != nil {
		return nil, err
	}
	return v, v.Check()
}

// rowField names a field of row i: rowField(3, "tag") is "vocabulary.3.tag".
func rowField(i int, name string) string { return fmt.Sprintf("vocabulary.%d.%s", i, name) }

// vocabularyRow checks row i against the rows before it and, when it is
// good, adds it to v and its words to claims.
func vocabularyRow(i int, t model.MatchTag, v match.Vocabulary, claims map[string]claim) error {
	row, tag := i+1, strings.TrimSpace(t.Tag)
	switch {
	case tag == "":
		return apperr.New(apperr.Invalid, rowField(i, "tag"), "Row %d needs a tag.", row)
	case utf8.RuneCountInString(tag) > 200:
		return apperr.New(apperr.TooLong, rowField(i, "tag"), "Row %d: a tag is at most 200 characters.", row)
	case utf8.RuneCountInString(t.Synonyms) > 2000:
		return apperr.New(apperr.TooLong, rowField(i, "synonyms"), "Row %d: the synonyms are at most 2,000 characters.", row)
	}
	key := fold.Key(tag)
	if c, ok := claims[key]; ok {
		if c.isTag {
			return apperr.New(apperr.Invalid, rowField(i, "tag"), "Row %d repeats the tag “%s” of row %d.", row, c.tag, c.row+1)
		}
		return apperr.New(apperr.Invalid, rowField(i, "tag"), "Row %d: “%s” is already a synonym of “%s” (row %d).", row, tag, c.tag, c.row+1)
	}
	syns := tags2(t.Synonyms)
	for _, s := range syns {
		if c, ok := claims[fold.Key(s)]; ok {
			return apperr.New(apperr.Invalid, rowField(i, "synonyms"), "Row %d: “%s” already stands for “%s” (row %d); a synonym stands for one tag.", row, s, c.tag, c.row+1)
		}
	}
	claims[key] = claim{row: i, tag: tag, isTag: true}
	for _, s := range syns {
		if k := fold.Key(s); k != "" && k != key {
			claims[k] = claim{row: i, tag: tag}
		}
	}
	v[tag] = syns
	return nil
}
