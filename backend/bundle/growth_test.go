package bundle_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/bundle"
	"circlebook/backend/demo"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// withSample opens a store holding the sample program and its growth, and
// returns its circles' ids in order.
func withSample(t *testing.T) (testdb.Fixture, []uint) {
	t.Helper()
	f := newStore(t)
	if _, err := demo.New(f.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	var ids []uint
	f.DB.Model(&model.Circle{}).Order("id").Pluck("id", &ids)
	return f, ids
}

// TestGrowthRoundTrip exports every sample circle, imports them one after
// another into an empty file and exports them again: the same bundles,
// growth and all. Importing them all a second time adds and changes nothing.
func TestGrowthRoundTrip(t *testing.T) {
	src, ids := withSample(t)
	dst := newStore(t)
	var firsts []bundle.Bundle
	var datas [][]byte
	goals, checkIns, ratings, feedback, used := 0, 0, 0, 0, 0
	for _, id := range ids {
		b, data := export(t, src.DB, id, true)
		firsts, datas = append(firsts, b), append(datas, data)
		goals, checkIns, ratings, feedback = goals+len(b.Goals), checkIns+len(b.CheckIns), ratings+len(b.SkillRatings), feedback+len(b.Feedback)
		for _, fw := range b.Frameworks {
			if fw.Used {
				used++
			}
		}
		res := load(t, dst.DB, data)
		if res.Goals.Created != len(b.Goals) || res.CheckIns.Created != len(b.CheckIns) || res.Milestones.Created != len(b.Milestones) ||
			res.SkillRatings.Created != len(b.SkillRatings) || res.Feedback.Created != len(b.Feedback) || res.CircleFrameworks.Created != 1 {
			t.Errorf("circle %d: import %+v of %d goals, %d check-ins, %d milestones, %d ratings, %d feedback",
				id, res, len(b.Goals), len(b.CheckIns), len(b.Milestones), len(b.SkillRatings), len(b.Feedback))
		}
		second, _ := export(t, dst.DB, res.CircleID, true)
		sameBundles(t, b, second)
	}
	var shared, sharedCheckIns int64
	src.DB.Model(&model.Goal{}).Where("visibility = ? AND circle_id IS NOT NULL", model.Shared).Count(&shared)
	src.DB.Raw("SELECT COUNT(*) FROM goal_checkins k JOIN goals g ON g.id = k.goal_id WHERE g.visibility = ? AND g.circle_id IS NOT NULL", model.Shared).Scan(&sharedCheckIns)
	if int64(goals) != shared || int64(checkIns) != sharedCheckIns || ratings < 100 || feedback < 30 || used != len(ids) {
		t.Errorf("bundles hold %d goals of %d shared in circles, %d check-ins of %d, %d ratings, %d feedback, %d frameworks used",
			goals, shared, checkIns, sharedCheckIns, ratings, feedback, used)
	}
	if n := dst.Count("frameworks"); n != 1 {
		t.Errorf("%d frameworks after importing four circles that use one", n)
	}
	for i, data := range datas {
		if got := load(t, dst.DB, data).Total(); got.Created != 0 || got.Updated != 0 {
			t.Errorf("circle %d imported again: %+v, want nothing created or updated", ids[i], got)
		}
	}
}

// TestNoPrivateGrowthInABundle: private goals (and their tasks and
// check-ins) and private milestones are in no bundle, not even one that
// includes private text.
func TestNoPrivateGrowthInABundle(t *testing.T) {
	src, ids := withSample(t)
	var secrets []string
	src.DB.Model(&model.Goal{}).Where("visibility = ?", model.Private).Pluck("title", &secrets)
	var more []string
	src.DB.Model(&model.Milestone{}).Where("visibility = ?", model.Private).Pluck("text", &more)
	src.DB.Raw("SELECT k.uuid FROM goal_checkins k JOIN goals g ON g.id = k.goal_id WHERE g.visibility = ?", model.Private).Scan(&secrets)
	secrets = append(secrets, more...)
	if len(secrets) < 4 {
		t.Fatalf("the sample has %d private growth texts, want some", len(secrets))
	}
	for _, id := range ids {
		for _, private := range []bool{false, true} {
			_, data := export(t, src.DB, id, private)
			for _, s := range secrets {
				if strings.Contains(string(data), s) {
					t.Errorf("circle %d (private %v): the bundle holds %q", id, private, s)
				}
			}
		}
	}
}

// TestVersion1BundleStillImports imports a bundle written by the version
// before growth (testdata/v1-pair.json, the sample's 1:1 pair): into an
// empty file it makes the circle with no growth; into a file with the
// sample it changes nothing, growth included.
func TestVersion1BundleStillImports(t *testing.T) {
	data, err := os.ReadFile("testdata/v1-pair.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Read(bytes.NewReader(data))
	if err != nil || b.Version != 1 || b.Goals != nil {
		t.Fatalf("Read: version %d, goals %v, %v", b.Version, b.Goals, err)
	}
	empty := newStore(t)
	res := load(t, empty.DB, data)
	if res.People.Created != 2 || res.Sessions.Created != 7 || res.Goals != (bundle.Counts{}) || empty.Count("goals") != 0 {
		t.Errorf("into an empty file: %+v", res)
	}
	full, _ := withSample(t)
	before := full.Count("goals") + full.Count("goal_checkins") + full.Count("session_feedback")
	if got := load(t, full.DB, data).Total(); got.Created != 0 || got.Updated != 0 {
		t.Errorf("into the sample: %+v, want nothing created or updated", got)
	}
	if after := full.Count("goals") + full.Count("goal_checkins") + full.Count("session_feedback"); after != before {
		t.Errorf("growth rows %d, then %d", before, after)
	}
}

// TestBadGrowthIsRefusedWhole: growth records that are malformed, refer to
// nothing, or would take another person's goal are refused, and nothing is
// written.
func TestBadGrowthIsRefusedWhole(t *testing.T) {
	src, ids := withSample(t)
	pair := ids[len(ids)-1]
	good, _ := export(t, src.DB, pair, false)
	const nobody = "0b7e9a52-8d1f-4c3a-9e6b-5f2d1c0a9b87"
	var other model.Goal
	src.DB.Where("circle_id <> ?", pair).Take(&other)
	cases := []struct {
		name string
		edit func(b *bundle.Bundle)
		code apperr.Code
		want string
	}{
		{"growth in version 1", func(b *bundle.Bundle) { b.Version = 1 }, apperr.Invalid, "version: A version 1 bundle holds no goals"},
		{"progress over 100", func(b *bundle.Bundle) { b.Goals[0].Progress = 101 }, apperr.Invalid, "goals[0].progress:"},
		{"seven tasks", func(b *bundle.Bundle) {
			for n := len(b.Goals[0].Tasks); n < 7; n++ {
				t := b.Goals[0].Tasks[0]
				t.UUID, t.Position = fmt.Sprintf("00000000-0000-4000-8000-%012d", n), n
				b.Goals[0].Tasks = append(b.Goals[0].Tasks, t)
			}
		}, apperr.TooLong, "goals[0].tasks:"},
		{"check-in on no goal", func(b *bundle.Bundle) { b.CheckIns[0].Goal = nobody }, apperr.Invalid, "checkIns[0].goal: There is no goal of this circle"},
		{"rating of no item", func(b *bundle.Bundle) { b.SkillRatings[0].Item = nobody }, apperr.Invalid, "skillRatings[0].item: There is no framework item"},
		{"another's goal", func(b *bundle.Bundle) { b.Goals[0].UUID = other.UUID }, apperr.Conflict, "goals[0].uuid: A goal with this UUID is someone else's"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dst := newStore(t)
			if c.name == "another's goal" {
				dst = src
			}
			b := good
			b.Goals = append([]bundle.Goal{}, good.Goals...)
			b.Goals[0].Tasks = append([]bundle.GoalTask{}, good.Goals[0].Tasks...)
			b.CheckIns = append([]bundle.CheckIn{}, good.CheckIns...)
			b.SkillRatings = append([]bundle.SkillRating{}, good.SkillRatings...)
			c.edit(&b)
			var buf bytes.Buffer
			if err := bundle.Write(&buf, b); err != nil {
				t.Fatal(err)
			}
			before := dst.Count("goals") + dst.Count("circles")
			_, err := bundle.Import(dst.DB, &buf, testdb.Today)
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != c.code || !strings.HasPrefix(ae.Message, c.want) {
				t.Errorf("Import = %v, want %s %q…", err, c.code, c.want)
			}
			if after := dst.Count("goals") + dst.Count("circles"); after != before {
				t.Errorf("rows %d, then %d: something was written", before, after)
			}
		})
	}
}
