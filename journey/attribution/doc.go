// Package attribution answers "who gets the credit for a new customer?" (SPEC section 6):
// it splits each conversion, a user's first event at a goal touchpoint, over the touches
// before it, grouped by channel, owner, stage or touchpoint, with the first, last, linear,
// position, time-decay and Markov models side by side.
//
// It reads the same log as every other command (events.Read with the options Prepare
// fills: touchpoints mapped, the goal row's value kept with --value) and walks the users
// on every CPU as the analysis does (analysis.Shares), each worker adding up its own
// credits, merged in a fixed order. The Markov model counts the transitions of every path,
// converting or not, into an absorbing chain and solves it exactly with journey/markov:
// p is the probability of conversion from (start), and a channel's removal effect is 1 -
// p without it / p, removal sending whoever would have reached the channel to (null).
//
// Where the SPEC is silent: channels are listed in the document order of the first
// touchpoint that has them, (none) after the named ones and (direct) last; a touch's
// channel is that of its touchpoint, never inherited from the map or the stage.
package attribution
