// Package zones lists the IANA time zones the page offers for a circle or a
// person: every zone of the time zone database Go ships that names a place
// (Europe/Madrid, America/New_York), and UTC; not the legacy aliases
// (US/Eastern, EST5EDT, Etc/GMT+5). The list is embedded, so the Windows
// build, whose zones come from time/tzdata, offers the same ones.
package zones

//go:generate go run gen.go

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed zones.txt
var names string

// regions are the areas whose zones name places.
var regions = []string{"Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"}

// Place reports whether a zone name of the tz database is one the list offers.
func Place(name string) bool {
	if name == "UTC" {
		return true
	}
	for _, r := range regions {
		if strings.HasPrefix(name, r) && len(name) > len(r) && !strings.HasSuffix(name, "/") {
			return true
		}
	}
	return false
}

// Zones is the service behind the time-zone fields.
type Zones struct {
	once sync.Once
	list []string
}

// New returns the zones service.
func New() *Zones { return &Zones{} }

// List returns the zone names this machine can load, sorted; the page puts
// the computer's own zone first.
func (z *Zones) List() []string {
	z.once.Do(func() {
		for _, name := range strings.Fields(names) {
			if _, err := time.LoadLocation(name); err == nil {
				z.list = append(z.list, name)
			}
		}
	})
	return slices.Clone(z.list)
}
