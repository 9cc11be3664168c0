package scale

import (
	"strings"
	"time"
)

// noteSize is about how long a shared note is, in bytes.
const noteSize = 1000

// sentences are a session's notes, English and Spanish; %s is a member's first name.
var sentences = []string{
	"%s opened with a win from the week: the release went out without a rollback.",
	"We spent most of the hour on how to say no to a request without losing the relationship.",
	"%s shared a draft of the proposal and the group suggested leading with the customer problem.",
	"La conversación giró en torno a cómo delegar sin perder el contexto del proyecto.",
	"%s contó que la reunión con dirección salió mejor de lo esperado gracias a la preparación.",
	"Hablamos de la diferencia entre dar feedback y dar instrucciones; quedó pendiente practicarlo.",
	"Two members are preparing for promotion conversations and compared how they gather evidence.",
	"%s asked how others keep a weekly review habit; three different systems came up.",
	"El grupo revisó el caso práctico y coincidió en que faltaba una métrica de éxito clara.",
	"We agreed to try a written pre-read next time so the discussion starts faster.",
	"%s is stuck between two projects; the circle helped map who decides and by when.",
	"Se habló del equilibrio entre trabajo y descanso después de un trimestre muy intenso.",
	"A short round on energy levels: mostly good, a couple of people are stretched thin.",
	"%s practised the opening of next week's talk and got three concrete suggestions.",
	"Acordamos revisar los objetivos del trimestre en la próxima sesión, uno por persona.",
}

// tasks are what an action item asks; the note's task lines carry an owner and a due date.
var tasks = []string{
	"send the one-page brief to the group",
	"book a coffee with a stakeholder from another team",
	"preparar la presentación para el comité",
	"write down three examples for the promotion case",
	"compartir el artículo sobre delegación",
	"try the weekly review for a month and report back",
	"revisar el plan de formación con su responsable",
}

// noteText writes a held session's shared notes, about noteSize bytes of
// Markdown; four in ten have task lines that become action items.
func (g *gen) noteText(p *circlePlan, i int, at string) string {
	var b strings.Builder
	b.WriteString("## Check-in\n\n")
	for b.Len() < noteSize*6/10 {
		b.WriteString(g.sentence(p))
		b.WriteString(" ")
		if g.chance(0.3) {
			b.WriteString("\n\n")
		}
	}
	b.WriteString("\n\n## Highlights\n\n")
	for b.Len() < noteSize {
		b.WriteString("- ")
		b.WriteString(g.sentence(p))
		b.WriteString("\n")
	}
	if g.chance(0.4) {
		b.WriteString("\n## Action items\n\n")
		day, _ := time.Parse("2006-01-02", at[:10])
		for range 1 + g.rng.IntN(3) {
			box := "[ ]"
			if i < len(p.dates)-4 && g.chance(0.5) {
				box = "[x]"
			}
			due := day.AddDate(0, 0, 7*(1+g.rng.IntN(3))).Format("2006-01-02")
			b.WriteString("- " + box + " @" + g.people[pick(g.rng, p.members).who].first + " " + pick(g.rng, tasks) + " due:" + due + "\n")
		}
	}
	return b.String()
}

// sentence is one sentence of notes about a member of the circle.
func (g *gen) sentence(p *circlePlan) string {
	s := pick(g.rng, sentences)
	if strings.Contains(s, "%s") {
		s = strings.Replace(s, "%s", g.people[pick(g.rng, p.members).who].first, 1)
	}
	return s
}

// privateText is a leader's private note: never exported, never an action item.
func (g *gen) privateText(p *circlePlan) string {
	return "Private: " + g.people[pick(g.rng, p.members).who].first + " seemed tired today; ask how the move went.\n- [ ] @" +
		g.people[p.members[0].who].first + " follow up one to one\n"
}
