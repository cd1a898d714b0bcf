// Package lang holds every word journey writes for people, one table per language, and the
// way each language writes numbers (SPEC section 11): the picture's labels, the HTML report
// and live view, and the table and markdown outputs of every command. Machine outputs (JSON,
// CSV, SARIF, GitHub annotations) and diagnostics never go through it.
//
// A language is a Words table (en.go, nl.go) registered under its tag. Adding a language is
// one new table: TestTablesComplete fails when any table leaves a word empty. Words are
// written as a practitioner of the language would say them, not translated word for word;
// texts with arguments are fmt formats whose verbs may be indexed (%[2]s) where the
// language orders them differently, and a text about a number of things is Counted, with a
// form for one and one for any other number. The test also fails when a language's format
// takes other arguments than English's, so a translation cannot drop a number.
package lang
