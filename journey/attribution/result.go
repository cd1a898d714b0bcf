package attribution

import (
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/markov"
)

// report builds the report from the merged credits, solving the Markov chain when asked.
func report(m *journey.Map, p *plan, a *acc) (*Report, error) {
	r := &Report{Journey: m.ID, By: p.by, Paths: a.paths, Conversions: a.conversions, Value: a.value,
		Channels: []Channel{}}
	if p.value {
		r.ValueColumn = p.column
	}
	for k, name := range Models {
		if p.on[k] {
			r.Models = append(r.Models, name)
		}
	}
	if p.on[mMarkov] {
		res, err := removalEffects(a, p)
		if err != nil {
			return nil, err
		}
		r.Markov = res
	}
	for c, name := range p.names {
		if a.touches[c] == 0 {
			continue
		}
		r.Touches += a.touches[c]
		ch := Channel{Channel: name, Touches: a.touches[c], Credit: Numbers{}, Value: Numbers{}}
		for k, model := range Models {
			if p.on[k] {
				ch.Credit = append(ch.Credit, Number{model, a.credit[k][c]})
				ch.Value = append(ch.Value, Number{model, a.worth[k][c]})
			}
		}
		r.Channels = append(r.Channels, ch)
	}
	return r, nil
}

// removalEffects solves the chain of every path for p, and, for each channel touched, the
// chain without it, and fills the Markov model's credits: each channel gets the
// conversions and the value in proportion to its removal effect. With no conversion, or
// removal effects that sum to 0, everything is 0.
func removalEffects(a *acc, p *plan) (*MarkovResult, error) {
	res := &MarkovResult{RemovalEffects: Numbers{}}
	effects := make([]float64, len(p.names))
	if a.conversions > 0 {
		chain := a.chain.Chain()
		s, err := chain.Solve(0)
		if err != nil {
			return nil, err
		}
		res.P = s.Absorption[conversion]
		for c := range p.names {
			if a.touches[c] == 0 {
				continue
			}
			if effects[c], err = removalEffect(chain, c, res.P); err != nil {
				return nil, err
			}
		}
	}
	sum := 0.0
	for c, name := range p.names {
		if a.touches[c] > 0 {
			res.RemovalEffects = append(res.RemovalEffects, Number{name, effects[c]})
			sum += effects[c]
		}
	}
	for c := range p.names {
		if sum > 0 {
			a.credit[mMarkov][c] = float64(a.conversions) * effects[c] / sum
			a.worth[mMarkov][c] = a.value * effects[c] / sum
		}
	}
	return res, nil
}

// removalEffect is 1 - p without channel c / p.
func removalEffect(chain *markov.Chain, c int, p float64) (float64, error) {
	without := chain.Clone()
	without.Redirect(1+c, without.Absorbing(null))
	s, err := without.Solve(0)
	if err != nil {
		return 0, err
	}
	return 1 - s.Absorption[conversion]/p, nil
}
