// Package render draws a journey map as a picture a workshop can project.
//
// The pipeline has two stages. DOT turns a map (and, optionally, an analysis report to
// overlay) into Graphviz DOT text; it is pure, deterministic and needs no Graphviz, so it is
// golden-tested. Image lays DOT out through go-graphviz (Graphviz compiled to WebAssembly) and
// returns SVG or PNG bytes; every SVG passes CheckSVG before it is returned, and PNG is
// painted from Graphviz's xdot layout (paintPNG), not by go-graphviz's image renderer.
//
// User text only ever reaches Graphviz inside HTML-like labels, fully escaped, so it cannot
// become markup, a link, a font name or a file to read, and what the user wrote is what the
// picture shows.
package render
