package main

import (
	"bytes"
	"testing"

	"github.com/journey-cx/journey/journey/events"
)

// analyzeMap is a clean two-touchpoint map with a KPI target; analyzeEvents are its events,
// with one row that is skipped (no identity).
const (
	analyzeMap = `version: 1
id: shop
title: Shop
stages:
  - id: all
    name: All
    touchpoints:
      - id: visit
        name: Visit
        events: [{event: visit}]
        kpis: [{metric: conversion, min: 0.9}]
      - id: order
        name: Order
        goal: true
        events: [{event: order}]
`
	analyzeEvents = "user_id,timestamp,event\nu1,2024-03-01T10:00:00Z,visit\nu1,2024-03-01T10:05:00Z,order\nu2,2024-03-01T11:00:00Z,visit\n,2024-03-01T11:00:00Z,visit\n"
)

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	var eo events.Options
	done := progressBar(&buf, &eo)
	eo.Progress(1<<20, 4<<20)
	eo.Progress(1<<20, 4<<20) // unchanged: not drawn again
	eo.Progress(3<<20, 0)
	done()
	want := "\rreading events:  25% (1 MB)\rreading events: 3 MB\r\033[K"
	if buf.String() != want {
		t.Errorf("progress = %q, want %q", buf.String(), want)
	}
	buf.Reset()
	progressBar(&buf, &eo)()
	if buf.Len() != 0 {
		t.Errorf("a read without progress clears nothing, wrote %q", buf.String())
	}
}
