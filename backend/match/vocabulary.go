package match

import (
	"fmt"
	"slices"

	"circlebook/backend/apperr"
	"circlebook/backend/fold"
)

// Vocabulary maps each canonical tag to its synonyms: "public speaking" ->
// ["presenting", "talks"]. Tags match on their canonical form after case and
// accent folding; a tag the vocabulary does not know stands for itself.
type Vocabulary map[string][]string

// tagIndex numbers the canonical tags (and languages) a run meets, so that a
// person's tags are a bitset.
type tagIndex struct {
	canon map[string]string // folded synonym or tag -> folded canonical
	ids   map[string]int    // folded canonical -> bit
	names []string          // bit -> name as first written
}

// newTagIndex folds v; a synonym claimed by two canonical tags is an error.
func newTagIndex(v Vocabulary) (*tagIndex, error) {
	x := &tagIndex{canon: map[string]string{}, ids: map[string]int{}}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ck := fold.Key(k)
		for _, s := range append([]string{k}, v[k]...) {
			sk := fold.Key(s)
			if prev, ok := x.canon[sk]; ok && prev != ck {
				return nil, apperr.New(apperr.Invalid, "vocabulary", "%q is a synonym of both %q and %q", s, prev, ck)
			}
			x.canon[sk] = ck
		}
		x.bit(ck, k)
	}
	return x, nil
}

// bit returns the bit of the folded canonical tag key, numbering it (and
// naming it name) the first time.
func (x *tagIndex) bit(key, name string) int {
	if b, ok := x.ids[key]; ok {
		return b
	}
	x.ids[key] = len(x.names)
	x.names = append(x.names, name)
	return len(x.names) - 1
}

// set returns the bits of tags, canonical where the vocabulary knows them.
func (x *tagIndex) set(tags []string) []int {
	var out []int
	for _, t := range tags {
		k := fold.Key(t)
		if k == "" {
			continue
		}
		if c, ok := x.canon[k]; ok {
			k = c
		}
		out = append(out, x.bit(k, t))
	}
	return out
}

// bitset is a set of tag bits.
type bitset []uint64

// makeBits returns the bitset of bits, words long.
func makeBits(bits []int, words int) bitset {
	b := make(bitset, words)
	for _, i := range bits {
		b[i/64] |= 1 << (i % 64)
	}
	return b
}

// String lists the bits, for test failures.
func (b bitset) String() string { return fmt.Sprint([]uint64(b)) }

// Check refuses a vocabulary in which one synonym stands for two tags.
func (v Vocabulary) Check() error {
	_, err := newTagIndex(v)
	return err
}
