package page

import "github.com/journey-cx/journey/journey/lang"

// none stands for a value that does not exist (a JSON null), as the table output writes it.
const none = "-"

// formatter writes numbers the way the page's language writes them.
type formatter struct{ l *lang.Language }

func (f formatter) int(n int64) string { return f.l.Int(n) }

func (f formatter) percent(v *float64) string {
	if v == nil {
		return none
	}
	return f.l.Percent(*v)
}

func (f formatter) duration(v *float64) string {
	if v == nil {
		return none
	}
	return f.l.Duration(*v)
}
