// Package stats compares two proportions the way SPEC section 8 defines it: the Wilson
// score interval of each, the 95% interval of their difference by Newcombe's hybrid score
// method (method 10 of Newcombe 1998, Statistics in Medicine 17:873-890), and the two-sided
// pooled two-proportion z-test. Compare puts them together, with null (nil) wherever a
// number does not exist, so that no NaN ever reaches an output.
package stats
