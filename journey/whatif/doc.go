// Package whatif answers "what is fixing this step worth?" (SPEC section 7): it fits the
// observed flow as an absorbing Markov chain, (start) through the touchpoints users visit
// before their first goal event to (goal) or (exit), replays it with changes (--improve:
// fewer exits after a step; --skip: a step taken out, nobody lost there), and solves both
// exactly with journey/markov.
//
// Fit walks the log's users on every CPU as the analysis does (analysis.Shares), counting
// transitions, visits and goal users; Model.Run applies the changes in order. The
// baseline reproduces the data by construction (its p is the observed goal rate, its
// visits the observed visits per user), and Run checks that it does; only the scenario is
// the model's estimate.
//
// Where the SPEC is silent: a touchpoint an earlier --skip took out cannot be improved or
// skipped again (an error says so); when --improve or --skip falls back on a step's next
// touchpoints, each listed touchpoint is one share, a goal's share going to (goal).
package whatif
