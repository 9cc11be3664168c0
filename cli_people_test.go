package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/store"
)

// cliData makes a data folder holding one circle, and a roster file with
// an error on row 4 (a bad email) unless fixed.
func cliData(t *testing.T, roster string) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DB.Create(&model.Circle{Name: "Spring cohort", Kind: "group", Cadence: "biweekly", Status: "active"}).Error; err != nil {
		t.Fatal(err)
	}
	st.Close()
	file = filepath.Join(t.TempDir(), "roster.csv")
	if err := os.WriteFile(file, []byte(roster), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// counts returns how many people and memberships the data folder holds.
func counts(t *testing.T, dir string) (people, members int64) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.DB.Model(&model.Person{}).Count(&people)
	st.DB.Model(&model.Membership{}).Count(&members)
	return people, members
}

const cliRoster = "Name;Email;Company\nAna Lima;ana@example.org;Acme\nBo Chen;bo@example.org;Globex\n"

func TestPeopleImportDryRunWritesNothing(t *testing.T) {
	dir, file := cliData(t, cliRoster)
	var out bytes.Buffer
	err := run([]string{"--data", dir, "people", "import", file, "--dry-run", "--circle", "Spring cohort", "--role", "mentee"}, &out, &out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"row 2      create Ana Lima <ana@example.org>: new person; joins the circle", "2 create, 0 update", "Dry run: nothing was written."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if p, m := counts(t, dir); p != 0 || m != 0 {
		t.Errorf("a dry run wrote %d people, %d memberships", p, m)
	}
	out.Reset()
	if err := run([]string{"people", "--data", dir, "import", "--circle", "Spring cohort", "--role", "mentee", file, "--map", "Company=organization"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	if p, m := counts(t, dir); p != 2 || m != 2 {
		t.Errorf("the import wrote %d people, %d memberships; want 2, 2", p, m)
	}
}

func TestPeopleImportErrorExits2AndNamesTheRow(t *testing.T) {
	dir, file := cliData(t, cliRoster+"Cy Diaz;not-an-email;Acme\n")
	var out bytes.Buffer
	for _, dry := range []bool{true, false} {
		args := []string{"--data", dir, "people", "import", file}
		if dry {
			args = append(args, "--dry-run")
		}
		err := run(args, &out, &out)
		if !errors.As(err, new(inputError)) || !strings.Contains(err.Error(), "row 4") {
			t.Errorf("dry run %v: error %v, want an input error (exit 2) naming row 4", dry, err)
		}
		if !strings.Contains(out.String(), "row 4      error  Cy Diaz <not-an-email>: email:") {
			t.Errorf("the report does not show row 4's error:\n%s", out.String())
		}
	}
	if p, _ := counts(t, dir); p != 0 {
		t.Errorf("an import with an error row wrote %d people", p)
	}
	err := run([]string{"--data", dir, "people", "import", file, "--map", "Nope=name"}, &out, &out)
	if !errors.As(err, new(inputError)) || !strings.Contains(err.Error(), `no column "Nope"`) {
		t.Errorf("a --map to no column: %v", err)
	}
	err = run([]string{"--data", dir, "people", "import", filepath.Join(dir, "missing.csv")}, &out, &out)
	if !errors.As(err, new(inputError)) {
		t.Errorf("a missing file: %v, want exit 2", err)
	}
}
