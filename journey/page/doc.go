// Package page writes a journey map as HTML for people: the self-contained report of
// `journey report`, and the live view of `journey serve`, which follows the map and its event
// files as they are saved.
//
// Both show the same parts, drawn by the same templates: the title and persona, the picture
// (the SVG that package render draws, inlined after render.CheckSVG has passed it), the
// touchpoint table, the funnels with their bar charts, the KPI targets and the coverage of the
// event data. User text only reaches the page through html/template, which escapes it for
// the place it lands in. Everything for people comes from the page's language (package lang);
// diagnostics stay in English.
//
// The report is one file with nothing to fetch: its style is inline, its charts are inline
// SVG, it has no script at all, and a Content-Security-Policy forbids loading anything, so it
// opens offline and from an e-mail, prints on A4 landscape, and the same inputs give the same
// bytes. The live view adds one inline script that swaps in new content from a server-sent
// event stream; Live serves it on a loopback address, only to requests that name that address.
package page
