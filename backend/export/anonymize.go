package export

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"circlebook/backend/fold"

	"golang.org/x/text/unicode/norm"
)

// alias is how an anonymized summary names the i-th person (0-based) of the roster.
func alias(i int) string { return "Member " + strconv.Itoa(i+1) }

// ambiguous replaces a name two people share, when the text cannot say which one it meant.
const ambiguous = "a member"

// nameKey sorts names as people expect, by the app's one folding rule:
// case and accents aside, so Ünal sorts with the Us.
func nameKey(name string) string { return fold.Key(name) }

// unaccented drops accents and keeps case, for file names.
func unaccented(s string) string { return fold.Plain(s) }

// scrubber replaces people's names and email addresses inside free text by
// their aliases. The rule errs towards hiding a name, but never turns an
// ordinary word into a member:
//
//   - Words compare case and accents aside (fold.Key): Ines is Inés, ANA is Ana.
//   - A name is matched as whole words ("Ana" in "Ana's", never in "Anatomy")
//     and, at each place, the longest run of one person's name words wins:
//     "María José" is one name, not María and then José; "de la Fuente" takes
//     its particles along. Words of a run are joined by spaces or hyphens
//     (not a line break), or by the name's own punctuation (O'Brien).
//   - Written as a name, with a capital or in capitals, any word or run of a
//     person's name is replaced: Rosa, ROSA, Fuente, García Márquez.
//   - In lower case only what cannot be an ordinary word is: a person's
//     first name unless it is an everyday word (ana, inigo; not rosa, luz,
//     paz, ángel: see everyday), and runs of two or more name words one of
//     which is not an everyday word (maría josé, garcía márquez; not "rosa
//     blanca"). Other words alone in lower case stay ("la fuente", "herrera"):
//     surnames are too often words, and people type them capitalised.
//   - After an @, any case counts, and also the name run together or the
//     email's local part (@MariaJose, @mj.garcia); email addresses in any case.
//   - A word or run two people share becomes "a member".
type scrubber struct {
	runs     map[string][]*run          // by the folded first word, longest first
	mentions map[string]map[string]bool // folded @name, word characters only -> aliases
	emails   []address                  // longest first
}

// run is a sequence of name words as it may appear in a text, with the
// people it may name.
type run struct {
	keys   []string // the words, folded
	seps   []string // what joins each word to the one before: "" for a space or a hyphen, else the folded punctuation
	claims []claim
}

// claim is one person's hold on a run: whose alias it gives, and how the
// text must write it.
type claim struct {
	alias   string
	anyCase bool   // lower case counts too
	names   []bool // the words (not particles) the text must capitalise otherwise
}

// address is an email address, lower-cased, and whose it is.
type address struct{ addr, alias string }

func newScrubber(people []person) *scrubber {
	s := &scrubber{runs: map[string][]*run{}, mentions: map[string]map[string]bool{}}
	byShape := map[string]*run{}
	mention := func(key, a string) {
		if key = wordsOnly(key); utf8.RuneCountInString(key) >= 2 {
			if s.mentions[key] == nil {
				s.mentions[key] = map[string]bool{}
			}
			s.mentions[key][a] = true
		}
	}
	for i, p := range people {
		a := alias(i)
		for _, r := range nameRuns(nameWords(norm.NFC.String(p.Name)), a) {
			shape := strings.Join(r.keys, "\x00") + "\x01" + strings.Join(r.seps, "\x00")
			if have := byShape[shape]; have != nil {
				have.claims = append(have.claims, r.claims...)
			} else {
				byShape[shape] = r
				s.runs[r.keys[0]] = append(s.runs[r.keys[0]], r)
			}
			mention(strings.Join(r.keys, ""), a)
		}
		if email := strings.ToLower(strings.TrimSpace(p.Email)); email != "" {
			s.emails = append(s.emails, address{email, a})
			local, _, _ := strings.Cut(email, "@")
			mention(fold.Key(local), a)
		}
	}
	for _, rs := range s.runs {
		slices.SortFunc(rs, func(a, b *run) int { return len(b.keys) - len(a.keys) })
	}
	slices.SortFunc(s.emails, func(a, b address) int { return len(b.addr) - len(a.addr) })
	return s
}

// nameWord is one word of a person's name.
type nameWord struct {
	text, key string
	sep       string // what joins it to the word before (see run.seps)
	particle  bool   // de, la, van, y ...: never a name on its own
}

// nameWords splits a name into its words, dropping punctuation around them
// ("*Star*" gives Star). A particle that starts the name capitalised is a
// first name (Van Morrison).
func nameWords(name string) []nameWord {
	toks := tokens(name)
	out := make([]nameWord, len(toks))
	for i, t := range toks {
		w := nameWord{text: name[t.start:t.end], key: fold.Key(name[t.start:t.end])}
		if i > 0 {
			w.sep = joiner(name[toks[i-1].end:t.start])
		}
		w.particle = particles[w.key] && (i > 0 || !capitalised(w.text))
		out[i] = w
	}
	return out
}

// nameRuns returns every run of a name's words that names the person: it
// does not start with a conjunction ("y Gasset") nor end with a particle; a
// single word has a letter and two characters at least.
func nameRuns(words []nameWord, a string) []*run {
	first := slices.IndexFunc(words, func(w nameWord) bool { return !w.particle })
	var out []*run
	for i := range words {
		if conjunctions[words[i].key] {
			continue
		}
		for j := i; j < len(words); j++ {
			if words[j].particle {
				continue
			}
			ws := words[i : j+1]
			if len(ws) == 1 && (utf8.RuneCountInString(ws[0].text) < 2 || !strings.ContainsFunc(ws[0].text, unicode.IsLetter)) {
				continue
			}
			r := &run{claims: []claim{{alias: a, anyCase: lowerCaseSafe(ws, i == first)}}}
			for k, w := range ws {
				r.keys = append(r.keys, w.key)
				if k > 0 {
					r.seps = append(r.seps, w.sep)
				}
				r.claims[0].names = append(r.claims[0].names, !w.particle)
			}
			out = append(out, r)
		}
	}
	return out
}

// lowerCaseSafe reports whether a run of name words, typed in lower case,
// still cannot be anything but the person (see scrubber).
func lowerCaseSafe(ws []nameWord, firstName bool) bool {
	if len(ws) == 1 {
		return firstName && utf8.RuneCountInString(ws[0].key) >= 3 && !everyday[ws[0].key]
	}
	names, plain := 0, false
	for _, w := range ws {
		if !w.particle {
			names++
			plain = plain || !everyday[w.key]
		}
	}
	return names >= 2 && plain
}

// replace returns text with every name it knows replaced.
func (s *scrubber) replace(text string) string {
	text = norm.NFC.String(text)
	toks := tokens(text)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = fold.Key(text[t.start:t.end])
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(toks); {
		from, to, repl := s.at(text, toks[i:], keys[i:])
		if to == 0 {
			i++
			continue
		}
		b.WriteString(text[last:from])
		b.WriteString(repl)
		last = to
		for i < len(toks) && toks[i].start < to {
			i++
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// at matches what starts at toks[0]: an email address, an @mention or a
// name. It returns the bytes [from, to) to replace and their replacement;
// to is 0 when nothing matched.
func (s *scrubber) at(text string, toks []token, keys []string) (from, to int, repl string) {
	start := toks[0].start
	if a, end := s.email(text, start); end > 0 {
		return start, end, a
	}
	mention := start > 0 && text[start-1] == '@' && (start == 1 || !isWordBefore(text, start-1))
	n, repl := s.name(text, toks, keys, mention)
	if n > 0 {
		from, to = start, toks[n-1].end
	}
	if mention {
		from = start - 1
		if end, a := s.mention(text, start); end > to {
			to, repl = end, a
		}
	}
	if to == 0 {
		return 0, 0, ""
	}
	return from, to, repl
}

// name matches the longest run of name words starting at toks[0] that the
// text writes as a name; it returns how many tokens it took.
func (s *scrubber) name(text string, toks []token, keys []string, mention bool) (int, string) {
	for _, r := range s.runs[keys[0]] {
		if !r.matches(text, toks, keys) {
			continue
		}
		words := make([]string, len(r.keys))
		for k := range words {
			words[k] = text[toks[k].start:toks[k].end]
		}
		if a := r.who(words, mention); a != "" {
			return len(r.keys), a
		}
	}
	return 0, ""
}

// matches reports whether toks spell r, joined as r's name joins them.
func (r *run) matches(text string, toks []token, keys []string) bool {
	if len(toks) < len(r.keys) {
		return false
	}
	for k := 1; k < len(r.keys); k++ {
		if keys[k] != r.keys[k] || !joins(text[toks[k-1].end:toks[k].start], r.seps[k-1]) {
			return false
		}
	}
	return true
}

// who returns the alias the words give, "a member" when they name two
// people, "" when they name no one as written.
func (r *run) who(words []string, mention bool) string {
	found := ""
	for _, c := range r.claims {
		if c.alias == found || !(mention || c.anyCase || c.capitalised(words)) {
			continue
		}
		if found != "" {
			return ambiguous
		}
		found = c.alias
	}
	return found
}

// capitalised reports whether the text capitalises each name word of the claim.
func (c claim) capitalised(words []string) bool {
	for k, w := range words {
		if c.names[k] && !capitalised(w) {
			return false
		}
	}
	return true
}

// mention matches the @name at text[start:] (after the @) run together:
// word characters joined by single dots, hyphens, underscores or apostrophes.
func (s *scrubber) mention(text string, start int) (int, string) {
	end := start
	for i, r := range text[start:] {
		if !isWord(r) {
			next, _ := utf8.DecodeRuneInString(text[start+i+utf8.RuneLen(r):])
			if !strings.ContainsRune(".-_'’", r) || !isWord(next) {
				break
			}
		}
		end = start + i + utf8.RuneLen(r)
	}
	owners := s.mentions[wordsOnly(fold.Key(text[start:end]))]
	for a := range owners {
		if len(owners) > 1 {
			return end, ambiguous
		}
		return end, a
	}
	return 0, ""
}

// email matches an address at text[start:], any case, as a whole.
func (s *scrubber) email(text string, start int) (string, int) {
	if start > 0 && strings.ContainsRune(".-+_", rune(text[start-1])) {
		return "", 0
	}
	for _, e := range s.emails {
		end := start + len(e.addr)
		if end <= len(text) && strings.EqualFold(text[start:end], e.addr) && !continuesAddress(text[end:]) {
			return e.alias, end
		}
	}
	return "", 0
}

// continuesAddress reports whether rest carries an address on (a longer domain).
func continuesAddress(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	if isWord(r) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(rest[n:])
	return (r == '.' || r == '-') && isWord(next)
}

// token is a run of word characters, text[start:end].
type token struct{ start, end int }

func tokens(s string) []token {
	var out []token
	in := false
	for i, r := range s {
		switch w := isWord(r); {
		case w && !in:
			out, in = append(out, token{start: i, end: len(s)}), true
		case !w && in:
			out[len(out)-1].end, in = i, false
		}
	}
	return out
}

// joiner classifies what joins two words of a name: "" for spaces or a
// hyphen, else its punctuation, folded, without spaces (an apostrophe).
func joiner(sep string) string {
	k := strings.ReplaceAll(fold.Key(sep), " ", "")
	if k == "-" {
		return ""
	}
	return k
}

// joins reports whether sep, between two words of a text, joins them as
// want (a joiner) does; a line break never does.
func joins(sep, want string) bool {
	if strings.ContainsFunc(sep, isLineBreak) {
		return false
	}
	if want == "" && strings.TrimFunc(sep, unicode.IsSpace) == "" {
		return true
	}
	return joiner(sep) == want && (want != "" || !strings.ContainsFunc(sep, unicode.IsSpace))
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

func isWordBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWord(r)
}

// capitalised reports whether a word starts with a capital, or with a
// letter of a script without case.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsLower(r)
}

// wordsOnly drops everything but word characters from a folded key.
func wordsOnly(key string) string {
	return strings.Map(func(r rune) rune {
		if isWord(r) {
			return r
		}
		return -1
	}, key)
}

// particles join a surname to the rest of a name; conjunctions join two
// surnames (Ortega y Gasset) and never start a run.
var particles, conjunctions = set(
	"de del la las los le les da das do dos di du van von der den ter ten zu zum zur af av al el bin bint ibn ben d l y e i und",
), set("y e i und")

// everyday are first names that are also everyday words in the languages
// Circlebook's users write notes in (Spanish, English, Catalan, Portuguese,
// French, Italian, German), folded: in lower case they are left alone
// ("la luz del día"). A name missing here is hidden in lower case too,
// which errs towards privacy.
var everyday = set(`
	abril alba alborada alegria alma amado amor amparo angel angeles armando asuncion aurora azucena
	belen benigno bienvenido blanca bonita buenaventura candela candelaria caridad casto celeste cesar
	cielo clara clemente concepcion consolacion consuelo constante cruz delfin dolores domingo dulce
	encarnacion esperanza estrella fausto feliz flor fortuna fortunato franco gloria gracia inmaculada
	jazmin jesus julio justo leal leo leon linda lirio luna luz mar marco margarita marina mercedes milagros
	modesto natividad nieves oliva oscar paloma pastor paz perla piedad pilar placido primavera primo
	prospero pura purificacion ramos remedios reyes rocio rosa rosario rubi salvador santos serena
	severo silvestre socorro sol soledad tomas trinidad urbano vera victoria violeta
	graca gloria estel neus pau mercè fe
	art august autumn amber angel april basil bill bob brook buck bud carol chance charity chase chip
	christian chuck clay cliff crystal dale dawn dean destiny don drew duke earl eve faith fern frank
	gene ginger glen grace grant guy harmony hazel heather herb holly honey honor hope hunter iris ivy
	jack jade jay jewel joy june justice kit lance liberty lily mark matt max may melody mercy miles
	nick noel norm olive pat patience pearl penny pierce prince prudence rain ray reed rex rich river
	robin rocky rod rose ruby rusty sage sandy serenity sky sterling storm summer sunny star sue
	trinity van violet wade will willow wren
	claire blanche fleur aime desire pierre
	bella bianca felice gioia speranza stella viola
	ernst wolf
`)

func set(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[fold.Key(w)] = true
	}
	return out
}
