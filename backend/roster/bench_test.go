package roster_test

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/roster"

	"gorm.io/gorm"
)

// bigRoster is a spreadsheet-style roster of n people: BOM, semicolons,
// accents, dates day first, every profile field.
func bigRoster(n int) []byte {
	var b strings.Builder
	b.WriteString("\uFEFFNombre;Correo;Organización;Ciudad;Zona horaria;Fecha inicio;Rol;Fortalezas;Áreas de crecimiento;Idiomas;Capacidad\r\n")
	zones := []string{"Europe/Madrid", "America/Chicago", "Asia/Tokyo", "Africa/Lagos"}
	for i := range n {
		fmt.Fprintf(&b, "Persona Núñez %d;p%d@example.org;Org %d;Málaga;%s;%02d/%02d/20%02d;%s;\"Datos; SQL\";Hablar en público;es, en;%d\r\n",
			i, i, i%40, zones[i%4], 1+i%28, 1+i%12, 10+i%15, []string{"mentor", "mentee", "both"}[i%3], i%4)
	}
	return []byte(b.String())
}

const benchRows = 10_000

// BenchmarkRead is the baseline: reading and parsing the file alone.
func BenchmarkRead(b *testing.B) {
	data := bigRoster(benchRows)
	for b.Loop() {
		if _, err := roster.Read("r.csv", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDryRun plans 10,000 rows against a database holding them all
// (every row matched by email: the costliest plan, all skips).
func BenchmarkDryRun(b *testing.B) {
	svc, f := setup(b)
	data := bigRoster(benchRows)
	req := roster.Request{Source: roster.Source{Name: "r.csv", Data: data}}
	if _, err := svc.Import(req); err != nil {
		b.Fatal(err)
	}
	n := statements(b, f.DB)
	for b.Loop() {
		p, err := svc.DryRun(req)
		if err != nil || p.Skips != benchRows {
			b.Fatalf("%d skips, %v", p.Skips, err)
		}
	}
	b.ReportMetric(float64(n.Load())/float64(b.N), "stmts/op")
}

// BenchmarkDryRunEmpty plans 10,000 new people.
func BenchmarkDryRunEmpty(b *testing.B) {
	svc, _ := setup(b)
	req := roster.Request{Source: roster.Source{Name: "r.csv", Data: bigRoster(benchRows)}}
	for b.Loop() {
		if p, err := svc.DryRun(req); err != nil || p.Creates != benchRows {
			b.Fatalf("%d creates, %v", p.Creates, err)
		}
	}
}

// BenchmarkImport writes 10,000 new people into a circle, a fresh
// database each time (opened outside the timer).
func BenchmarkImport(b *testing.B) {
	data := bigRoster(benchRows)
	var total int64
	for b.Loop() {
		b.StopTimer()
		svc, f := setup(b)
		f.Circle("Cohort")
		n := statements(b, f.DB)
		b.StartTimer()
		res, err := svc.Import(roster.Request{Source: roster.Source{Name: "r.csv", Data: data}, Circle: "Cohort", Role: model.RoleMentee})
		if err != nil || res.Created != benchRows || res.Joined != benchRows {
			b.Fatalf("created %d, joined %d, %v", res.Created, res.Joined, err)
		}
		total += n.Load()
	}
	b.ReportMetric(float64(total)/float64(b.N), "stmts/op")
}

// BenchmarkImportUpdates imports 10,000 rows that each change a person
// already there (every organization and title), a fresh database each time.
func BenchmarkImportUpdates(b *testing.B) {
	data := bigRoster(benchRows)
	changed := []byte(strings.ReplaceAll(string(data), ";Org ", ";Firma "))
	var total int64
	for b.Loop() {
		b.StopTimer()
		svc, f := setup(b)
		if _, err := svc.Import(roster.Request{Source: roster.Source{Name: "r.csv", Data: data}}); err != nil {
			b.Fatal(err)
		}
		n := statements(b, f.DB)
		b.StartTimer()
		res, err := svc.Import(roster.Request{Source: roster.Source{Name: "r.csv", Data: changed}})
		if err != nil || res.Updated != benchRows {
			b.Fatalf("updated %d, %v", res.Updated, err)
		}
		total += n.Load()
	}
	b.ReportMetric(float64(total)/float64(b.N), "stmts/op")
}

// statements counts the statements GORM runs on db from now on.
func statements(b testing.TB, db *gorm.DB) *atomic.Int64 {
	n := &atomic.Int64{}
	count := func(*gorm.DB) { n.Add(1) }
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("bench:count", count),
		cb.Query().After("gorm:query").Register("bench:count", count),
		cb.Update().After("gorm:update").Register("bench:count", count),
		cb.Delete().After("gorm:delete").Register("bench:count", count),
		cb.Raw().After("gorm:raw").Register("bench:count", count),
		cb.Row().After("gorm:row").Register("bench:count", count),
	} {
		if err != nil {
			b.Fatal(err)
		}
	}
	return n
}

// BenchmarkInsertBaseline is the floor an import cannot go under: the same
// 10,000 people and memberships written straight with GORM in one
// transaction (the schema's triggers included), without reading or planning.
func BenchmarkInsertBaseline(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		_, f := setup(b)
		c := f.Circle("Cohort")
		ps := make([]model.Person, benchRows)
		for i := range ps {
			ps[i] = model.Person{Name: fmt.Sprintf("Persona Núñez %d", i), Email: fmt.Sprintf("p%d@example.org", i),
				Organization: "Org", Location: "Málaga", TimeZone: "Europe/Madrid", StartDate: "2020-01-01",
				RoleWanted: "mentor", Strengths: "Datos, SQL", GrowthAreas: "Hablar en público", Languages: "es, en", Capacity: 2}
		}
		b.StartTimer()
		err := f.DB.Transaction(func(tx *gorm.DB) error {
			if err := tx.CreateInBatches(&ps, 200).Error; err != nil {
				return err
			}
			ms := make([]model.Membership, len(ps))
			for i, p := range ps {
				ms[i] = model.Membership{CircleID: c.ID, PersonID: p.ID, Role: model.RoleMentee, JoinedOn: "2026-11-25"}
			}
			return tx.CreateInBatches(&ms, 200).Error
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
