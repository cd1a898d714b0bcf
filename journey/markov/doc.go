// Package markov solves absorbing Markov chains exactly: the probability of ending in each
// absorbing state from a start state, and the expected number of visits to every transient
// state on the way (the start state's row of the fundamental matrix N = (I - Q)^-1).
//
// A chain is built from counted transitions (Counts, normalised per state by Chain) or set
// probability by probability, and changed with Set and Redirect. Solve answers with one
// linear solve by Gaussian elimination with partial pivoting over the transient states the
// start reaches, not by simulation, so the same counts always give the same numbers. A
// state the start reaches but from which no absorbing state can be reached (a loop users
// can never leave) makes the question meaningless: Solve returns a *TrapError naming those
// states instead of a number.
//
// Attribution (the Markov removal effect) and the what-if model both rest on this package.
package markov
