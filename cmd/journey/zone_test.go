package main

import (
	"strings"
	"testing"
)

func TestLoadZone(t *testing.T) {
	tests := []struct {
		tz   string
		want string // the zone loaded, or "" for an error
		msg  string // what the error says
	}{
		{tz: "Europe/Amsterdam", want: "Europe/Amsterdam"},
		{tz: "UTC", want: "UTC"},
		{tz: "Local", msg: `--tz "Local" is the zone of the machine journey runs on, so results would differ between machines; name an IANA zone instead, like "Europe/Amsterdam"`},
		{tz: "local", msg: `name an IANA zone instead, like "Europe/Amsterdam"`},
		{tz: "europe/amsterdam", msg: `--tz "europe/amsterdam" is not a time zone name like Europe/Amsterdam (did you mean "Europe/Amsterdam"?)`},
		{tz: "EUROPE/AMSTERDAM", msg: `(did you mean "Europe/Amsterdam"?)`},
		{tz: "america/new_york", msg: `(did you mean "America/New_York"?)`},
		{tz: "america/port_of_spain", msg: `(did you mean "America/Port_of_Spain"?)`},
		{tz: "america/port-au-prince", msg: `(did you mean "America/Port-au-Prince"?)`},
		{tz: "america/north_dakota/new_salem", msg: `(did you mean "America/North_Dakota/New_Salem"?)`},
		{tz: "etc/gmt+1", msg: `(did you mean "Etc/GMT+1"?)`},
		{tz: "utc", msg: `(did you mean "UTC"?)`},
		{tz: "est", msg: `(did you mean "EST"?)`},
		{tz: "Mars/Base", msg: `--tz "Mars/Base" is not a time zone name like Europe/Amsterdam`},
	}
	for _, tt := range tests {
		t.Run(tt.tz, func(t *testing.T) {
			loc, err := loadZone(tt.tz)
			if tt.want != "" {
				if err != nil || loc.String() != tt.want {
					t.Fatalf("loadZone(%q) = %v, %v; want %s", tt.tz, loc, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("loadZone(%q) = %v; want an error saying %s", tt.tz, loc, tt.msg)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("loadZone(%q) error:\n%s\nwant it to say:\n%s", tt.tz, err, tt.msg)
			}
			if strings.HasSuffix(tt.tz, "Base") && strings.Contains(err.Error(), "did you mean") {
				t.Errorf("loadZone(%q) suggests a zone for a name none spells: %s", tt.tz, err)
			}
		})
	}
}
