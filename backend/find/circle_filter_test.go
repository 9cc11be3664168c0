package find_test

import (
	"testing"

	"circlebook/backend/demo"
	"circlebook/backend/find"
	"circlebook/backend/internal/testdb"
)

// circle: (by name prefix) and Request.Circle (by name) keep every kind to
// the circles named: each hit with a circle is in one, each person hit is
// a member of one, and a name no circle has finds nothing. Unfiltered, the
// same words find hits elsewhere, so the filter has something to drop.
func TestCircleFilterKeepsToTheCircle(t *testing.T) {
	st := testdb.Open(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	f := find.New(st.DB, testdb.Now)
	const craft = "Product Craft Circle"
	var craftID uint
	if err := st.DB.Table("circles").Where("name = ?", craft).Pluck("id", &craftID).Error; err != nil || craftID == 0 {
		t.Fatalf("no %s in the demo data: %v", craft, err)
	}
	search := func(req find.Request) (in, out int, people []uint) {
		t.Helper()
		req.Limit = find.MaxLimit
		res, err := f.Search(req)
		if err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		for _, g := range res.Groups {
			for _, h := range g.Hits {
				switch {
				case h.Kind == "person":
					people = append(people, h.ID)
				case h.Circle == craft:
					in++
				case h.Circle != "":
					out++
				}
			}
		}
		return in, out, people
	}
	if in, out, _ := search(find.Request{Query: "feedback"}); in == 0 || out == 0 {
		t.Fatalf("feedback: %d hits in %s, %d elsewhere; want both", in, craft, out)
	}
	for _, req := range []find.Request{
		{Query: "feedback circle:product"},
		{Query: "feedback circle:PRODUCT"},
		{Query: "feedback", Circle: "product craft circle"},
		{Query: "ana circle:prod"},
	} {
		in, out, people := search(req)
		if in == 0 || out != 0 {
			t.Errorf("%+v: %d hits in %s, %d elsewhere", req, in, craft, out)
		}
		for _, id := range people {
			var n int64
			st.DB.Table("memberships").Where("person_id = ? AND circle_id = ?", id, craftID).Count(&n)
			if n == 0 {
				t.Errorf("%+v: person %d is not in %s", req, id, craft)
			}
		}
	}
	for _, req := range []find.Request{{Query: "feedback circle:zzqx"}, {Query: "feedback", Circle: "Product"}} {
		if in, out, people := search(req); in+out+len(people) != 0 {
			t.Errorf("%+v: %d + %d hits, %d people; want none", req, in, out, len(people))
		}
	}
}
