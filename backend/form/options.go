package form

import (
	"time"

	"circlebook/backend/apperr"
)

// Options say how to split the cohort. Give Circles, or MinSize and MaxSize,
// or both; Form returns the resolved values in Result.Options.
type Options struct {
	Circles    int            `json:"circles"`    // K; 0 derives it from the size range
	MinSize    int            `json:"minSize"`    // members per circle, at least; 0 with Circles: as even as possible
	MaxSize    int            `json:"maxSize"`    // members per circle, at most
	MinLeaders int            `json:"minLeaders"` // leaders or mentors per circle, at least (1 or 2; default 1)
	MaxLeaders int            `json:"maxLeaders"` // at most (1 or 2; default 2)
	Pinned     map[string]int `json:"pinned"`     // person ID -> circle index (0-based), kept as placed
	Seed       uint64         `json:"seed"`       // orders the local search; same seed, same circles
	AsOf       time.Time      `json:"asOf"`       // the day tenures and UTC offsets are read at; zero means today (UTC)
	MaxPasses  int            `json:"maxPasses"`  // local search passes at most; default 50
	Weights    Weights        `json:"weights"`    // zero means DefaultWeights
}

// Weights price what makes a circle's mix worse; the objective is their sum
// over circles, and lower is better.
type Weights struct {
	TenureSpread float64 `json:"tenureSpread"` // per year a circle's tenure spread falls short of the cohort's
	TenureMean   float64 `json:"tenureMean"`   // per year a circle's mean tenure is off the cohort's
	Organization float64 `json:"organization"` // per pair of members from one organization (2 from one: 1 pair, 3: 3)
	TimeZone     float64 `json:"timeZone"`     // per hour a circle's UTC offsets spread beyond ZoneHours
	ZoneHours    float64 `json:"zoneHours"`    // the spread of UTC offsets that costs nothing
	History      float64 `json:"history"`      // per pair of members who were in a circle together
}

// DefaultWeights returns the weights Form uses when none are given.
func DefaultWeights() Weights {
	return Weights{TenureSpread: 1, TenureMean: 0.5, Organization: 2, TimeZone: 2, ZoneHours: 3, History: 10}
}

// defaults fills the options left zero.
func (o Options) defaults() Options {
	if o.MinLeaders == 0 {
		o.MinLeaders = 1
	}
	if o.MaxLeaders == 0 {
		o.MaxLeaders = 2
	}
	if o.MaxPasses == 0 {
		o.MaxPasses = 50
	}
	if o.Weights == (Weights{}) {
		o.Weights = DefaultWeights()
	}
	if o.AsOf.IsZero() {
		o.AsOf = time.Now().UTC()
	}
	return o
}

// resolve checks the options against a cohort of n people of whom leaders
// can lead, and fixes K and the size range.
func (o Options) resolve(n, leaders int) (Options, error) {
	o = o.defaults()
	if o.MinLeaders < 1 || o.MaxLeaders > 2 || o.MinLeaders > o.MaxLeaders {
		return o, apperr.New(apperr.Invalid, "leaders", "Leaders per circle must be 1 to 2, at least 1 and at most 2.")
	}
	if o.Circles < 0 || o.MinSize < 0 || o.MaxSize < 0 {
		return o, apperr.New(apperr.Invalid, "circles", "The number of circles and the sizes cannot be negative.")
	}
	if o.MinSize > 0 || o.MaxSize > 0 {
		if err := o.checkRange(); err != nil {
			return o, err
		}
	}
	switch {
	case o.Circles > 0 && o.MaxSize == 0:
		o.MinSize, o.MaxSize = n/o.Circles, (n+o.Circles-1)/o.Circles
		if o.MinSize < 2 {
			return o, apperr.New(apperr.Invalid, "circles", "%d people cannot make %d circles of at least 2.", n, o.Circles)
		}
	case o.Circles > 0:
		if n < o.Circles*o.MinSize || n > o.Circles*o.MaxSize {
			return o, apperr.New(apperr.Invalid, "size", "%d people cannot make %d circles of %d to %d members (that takes %d to %d people).",
				n, o.Circles, o.MinSize, o.MaxSize, o.Circles*o.MinSize, o.Circles*o.MaxSize)
		}
	case o.MaxSize > 0:
		k, err := o.deriveK(n, leaders)
		if err != nil {
			return o, err
		}
		o.Circles = k
	default:
		return o, apperr.New(apperr.Invalid, "circles", "Give the number of circles or a size range.")
	}
	return o, o.checkLeaders(leaders)
}

// checkRange checks an explicit size range.
func (o Options) checkRange() error {
	if o.MinSize < 2 || o.MaxSize < o.MinSize {
		return apperr.New(apperr.Invalid, "size", "The size range must be at least 2 members, and its maximum no less than its minimum (got %d to %d).", o.MinSize, o.MaxSize)
	}
	return nil
}

// deriveK picks the number of circles nearest to the middle of the size
// range among those the cohort's size and leaders allow.
func (o Options) deriveK(n, leaders int) (int, error) {
	lo := max((n+o.MaxSize-1)/o.MaxSize, (leaders+o.MaxLeaders-1)/o.MaxLeaders, 1)
	hi := min(n/o.MinSize, leaders/o.MinLeaders)
	if (n+o.MaxSize-1)/o.MaxSize > n/o.MinSize {
		return 0, apperr.New(apperr.Invalid, "size", "No split of %d people gives circles of %d to %d members.", n, o.MinSize, o.MaxSize)
	}
	if lo > hi {
		return 0, apperr.New(apperr.Invalid, "leaders", "%d people can lead: no number of circles of %d to %d members gets %d to %d of them each.",
			leaders, o.MinSize, o.MaxSize, o.MinLeaders, o.MaxLeaders)
	}
	k := int(float64(2*n)/float64(o.MinSize+o.MaxSize) + 0.5)
	return min(max(k, lo), hi), nil
}

// checkLeaders checks that the people who can lead fit K circles.
func (o Options) checkLeaders(leaders int) error {
	if leaders < o.Circles*o.MinLeaders {
		return apperr.New(apperr.Invalid, "leaders", "%d people can lead, too few for %d circles with at least %d each.", leaders, o.Circles, o.MinLeaders)
	}
	if leaders > o.Circles*o.MaxLeaders {
		return apperr.New(apperr.Invalid, "leaders", "%d people can lead, more than %d circles take at %d each: form more circles or mark fewer people as leaders.", leaders, o.Circles, o.MaxLeaders)
	}
	return nil
}
