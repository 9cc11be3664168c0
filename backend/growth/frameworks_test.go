package growth_test

import (
	"maps"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/growth"
	"circlebook/backend/internal/testdb"
)

func TestFrameworkReuse(t *testing.T) {
	st, f := open(t)
	svc := growth.NewFrameworks(st.DB, testdb.Now)
	fw, err := svc.Create(growth.FrameworkInput{Name: "Core skills", Items: []string{" Listening ", "Prioritization", "Feedback"}})
	if err != nil {
		t.Fatal(err)
	}
	if fw.UUID == "" || len(fw.Items) != 3 || fw.Items[0].Name != "Listening" || fw.Items[2].Position != 2 {
		t.Errorf("framework = %+v", fw)
	}
	a, b := f.Circle("A"), f.Circle("B")
	for _, c := range []uint{a.ID, b.ID, a.ID} {
		used, err := svc.Use(c, fw.ID)
		if err != nil || len(used) != 1 || len(used[0].Items) != 3 {
			t.Fatalf("Use(%d) = %+v, %v", c, used, err)
		}
	}
	if n := f.Count("circle_frameworks"); n != 2 {
		t.Errorf("circle_frameworks = %d, want 2 (using twice is once)", n)
	}
	left, err := svc.Drop(a.ID, fw.ID)
	if err != nil || len(left) != 0 {
		t.Errorf("Drop = %+v, %v", left, err)
	}
	_, err = svc.Create(growth.FrameworkInput{Name: "core SKILLS", Items: []string{"x"}})
	testdb.WantError(t, err, apperr.Conflict, "name")
	_, err = svc.Use(a.ID, 999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestFrameworkImport(t *testing.T) {
	st, _ := open(t)
	svc := growth.NewFrameworks(st.DB, testdb.Now)
	for _, tt := range []struct {
		name, file string
		want       []string
	}{
		{"notes.txt", "Listening\n\nCoaching, mentoring\r\nFeedback\n", []string{"Listening", "Coaching, mentoring", "Feedback"}},
		{"skills.csv", "\ufeffname,description\n\"Bias for action\",\"Act, then learn\"\nOwnership,\n", []string{"Bias for action", "Ownership"}},
		{"Excel.CSV", "Topic;Notes\nData;x\nDesign;y\n", []string{"Data", "Design"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fw, err := svc.Import("Imported "+tt.name, tt.name, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, i := range fw.Items {
				got = append(got, i.Name)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("items %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFrameworkImportRejects(t *testing.T) {
	for _, tt := range []struct {
		name, fwName, file string
		fields             []string
		row                string
	}{
		{"duplicate", "X", "Listening\nFeedback\n\nlistening\n", []string{"items"}, "Row 4"},
		{"empty name in a CSV row", "X.csv", "name,notes\nListening,a\n,b\n", []string{"items"}, "Row 3"},
		{"nothing", "X", "\n\n", []string{"items"}, ""},
		{"no framework name and a duplicate", " ", "a\na", []string{"name", "items"}, "Row 2"},
		{"a name too long", "X", strings.Repeat("y", 201), []string{"items"}, "Row 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, f := open(t)
			svc := growth.NewFrameworks(st.DB, testdb.Now)
			before := counts(f)
			_, err := svc.Import(strings.TrimSuffix(tt.fwName, ".csv"), tt.fwName, tt.file)
			testdb.WantFields(t, err, tt.fields...)
			if !strings.Contains(err.Error(), tt.row) {
				t.Errorf("error %q does not name %q", err, tt.row)
			}
			if after := counts(f); !maps.Equal(before, after) {
				t.Errorf("rows %v, want %v", after, before)
			}
		})
	}
}
