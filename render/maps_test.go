package render

import (
	"fmt"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
)

// tp is a touchpoint for hand-built test maps.
type tp struct {
	id, name, channel, owner string
	emotion                  *int
	pains, gains             []string
	mot, goal                bool
	next                     []string
}

func emo(e int) *int { return &e }

// build assembles a map from stages of touchpoints, setting Stage and Index as the loader
// does.
func build(title string, stages map[string][]tp, order []string) *journey.Map {
	m := &journey.Map{Version: 1, ID: "test", Title: title}
	i := 0
	for _, sid := range order {
		s := &journey.Stage{ID: sid, Name: sid}
		for _, t := range stages[sid] {
			s.Touchpoints = append(s.Touchpoints, &journey.Touchpoint{ID: t.id, Name: t.name,
				Channel: t.channel, Owner: t.owner, Emotion: t.emotion, Pains: t.pains,
				Gains: t.gains, MomentOfTruth: t.mot, Goal: t.goal, Next: t.next, Stage: s, Index: i})
			i++
		}
		m.Stages = append(m.Stages, s)
	}
	return m
}

// florist is a hand-built copy of the florist example's first stages.
func florist() *journey.Map {
	m := build("Ik wil klant worden", map[string][]tp{
		"orientation": {
			{id: "trade-fair", name: "Vakbeurs", channel: "face-to-face", owner: "sales", emotion: emo(1),
				pains: []string{"Drukke stand, lang wachten op een verkoper"}, gains: []string{"Ziet de producten in het echt"},
				mot: true, next: []string{"webshop-visit"}},
			{id: "linkedin-post", name: "LinkedIn-bericht", channel: "social", owner: "marketing", emotion: emo(0)},
			{id: "webshop-visit", name: "Bezoek webshop", channel: "website", owner: "marketing", emotion: emo(1),
				gains: []string{"Groot assortiment", "prijzen zichtbaar na inloggen"}},
		},
		"signup": {
			{id: "account-request", name: "Account aanvragen", channel: "website", owner: "sales", emotion: emo(-1),
				pains: []string{"KvK-nummer en btw-nummer nodig", "formulier te lang"}},
			{id: "account-approved", name: "Account goedgekeurd", channel: "email", owner: "sales", emotion: emo(-2),
				pains: []string{"Wacht soms drie dagen op goedkeuring"}, mot: true},
			{id: "first-login", name: "Eerste keer inloggen", channel: "website", owner: "marketing"},
		},
		"purchase": {
			{id: "order", name: "Eerste bestelling 🌷", channel: "website", owner: "sales", emotion: emo(2),
				gains: []string{"Bevestiging met leverdag"}, mot: true, goal: true, next: []string{}},
		},
	}, []string{"orientation", "signup", "purchase"})
	m.Description = "Zelfstandige bloemisten die de groothandel ontdekken en voor het eerst via de webshop bestellen"
	m.Owner = "marketing"
	m.Persona = &journey.Persona{Name: "Zelfstandige bloemist", Description: "35-55 jaar, eigen winkel",
		Goals: []string{"Snel en betrouwbaar bestellen"}, Frustrations: []string{"Onduidelijke levertijden", "Twee keer dezelfde vraag stellen"}}
	m.Stages[0].Name, m.Stages[0].Goal = "Oriëntatie", "Weet dat we bestaan en wat we leveren"
	m.Stages[1].Name, m.Stages[2].Name = "Aanmelden", "Bestellen"
	return m
}

func ptr(f float64) *float64 { return &f }

// floristReport is a hand-built report over florist().
func floristReport(m *journey.Map) *analysis.Report {
	r := &analysis.Report{Journey: m.ID, Identity: "klant_id", Numbers: analysis.Numbers{Input: analysis.Input{Rows: 5120, Mapped: 4800, Unmapped: 320, Users: 1000}}}
	users := []int64{600, 300, 700, 400, 320, 300, 180}
	for i, t := range m.Touchpoints() {
		n := analysis.Touchpoint{ID: t.ID, Stage: t.Stage.ID, Users: users[i], Events: 2 * users[i], Exits: users[i] / 10}
		if next := m.NextOf(t); len(next) > 0 && i+1 < len(users) {
			n.Continued = min(users[i], users[i+1])
			n.Conversion = ptr(float64(n.Continued) / float64(n.Users))
			n.Dropoff = ptr(1 - *n.Conversion)
		}
		if t.ID == "trade-fair" {
			n.Cost = ptr(1234567.5)
		}
		r.Touchpoints = append(r.Touchpoints, n)
		for _, nx := range m.NextOf(t) {
			r.Transitions = append(r.Transitions, analysis.Transition{From: t.ID, To: nx.ID, Count: n.Continued + 7, Users: n.Continued, OnMap: true})
		}
	}
	r.Transitions = append(r.Transitions,
		analysis.Transition{From: "trade-fair", To: "account-request", Count: 90, Users: 80},
		analysis.Transition{From: "first-login", To: "webshop-visit", Count: 60, Users: 55},
		analysis.Transition{From: "account-request", To: "order", Count: 12, Users: 10},
		analysis.Transition{From: "linkedin-post", To: "first-login", Count: 5, Users: 5},
		analysis.Transition{From: "cart", To: "cart", Count: 500, Users: 200})
	r.Funnels = []analysis.Funnel{{ID: "stages", Order: journey.Ordered, Steps: []analysis.Step{
		{ID: "orientation", Users: 1000, ConversionFromStart: ptr(1)},
		{ID: "signup", Users: 420, ConversionFromStart: ptr(0.42), ConversionFromPrevious: ptr(0.42)},
		{ID: "purchase", Users: 180, ConversionFromStart: ptr(0.18), ConversionFromPrevious: ptr(180.0 / 420)},
	}}}
	r.Goal = analysis.Goal{Users: 180, Rate: ptr(0.18)}
	eur := "EUR"
	r.Cost = &analysis.Cost{Total: 1234567.5, PerGoalUser: ptr(1234567.5 / 180), Currency: &eur}
	return r
}

// wide is a map of n touchpoints over n/10+1 stages, each with pains, gains and an emotion.
func wide(n int) *journey.Map {
	stages := map[string][]tp{}
	var order []string
	for i := range n {
		sid := fmt.Sprintf("stage-%d", i/10)
		if i%10 == 0 {
			order = append(order, sid)
		}
		stages[sid] = append(stages[sid], tp{id: fmt.Sprintf("tp-%d", i), name: fmt.Sprintf("Touchpoint number %d with a longer name", i),
			channel: "website", owner: "marketing", emotion: emo(i%5 - 2), pains: []string{"a pain"}, gains: []string{"a gain"}, mot: i%7 == 0})
	}
	return build("Wide", stages, order)
}

// dense is wide(n) with every touchpoint linking to every other one: next lists of n-1.
func dense(n int) *journey.Map {
	m := wide(n)
	tps := m.Touchpoints()
	for _, t := range tps {
		for _, o := range tps {
			if o != t {
				t.Next = append(t.Next, o.ID)
			}
		}
	}
	return m
}

// denseReport is a report over dense(n) in which every designed link was taken, the
// shorter ones by more users.
func denseReport(m *journey.Map) *analysis.Report {
	r := &analysis.Report{Journey: m.ID}
	r.Goal = analysis.Goal{Users: 10, Rate: ptr(0.01)}
	for _, t := range m.Touchpoints() {
		r.Touchpoints = append(r.Touchpoints, analysis.Touchpoint{ID: t.ID, Users: 1000, Continued: 900, Conversion: ptr(0.9), Dropoff: ptr(0.1)})
		for _, n := range m.NextOf(t) {
			users := int64(1000 / (1 + abs(n.Index-t.Index)))
			r.Transitions = append(r.Transitions, analysis.Transition{From: t.ID, To: n.ID, Count: users, Users: users, OnMap: true})
		}
	}
	return r
}

func abs(n int) int { return max(n, -n) }
