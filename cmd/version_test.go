package cmd

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	const rev = "671cf9911408ae75664c032ca484bf977aec8186"
	tests := []struct {
		name    string
		stamped string
		stamp   buildStamp
		want    string
	}{
		{"release script's stamp wins", "v1.2.0-3-g671cf99-dirty", buildStamp{module: "v1.1.0", revision: rev}, "v1.2.0-3-g671cf99-dirty"},
		{"go install of a tag", "", buildStamp{module: "v1.2.0"}, "v1.2.0"},
		{"checkout with Go 1.24+: the toolchain's pseudo-version", "", buildStamp{module: "v0.0.0-20260301101500-671cf9911408+dirty", revision: rev, modified: true}, "v0.0.0-20260301101500-671cf9911408+dirty"},
		{"module (devel), clean commit", "", buildStamp{module: "(devel)", revision: rev, time: "2026-03-01T10:15:00Z"}, "v0.0.0-20260301101500-671cf9911408"},
		{"module (devel), modified tree", "", buildStamp{module: "(devel)", revision: rev, time: "2026-03-01T10:15:00Z", modified: true}, "v0.0.0-20260301101500-671cf9911408+dirty"},
		{"commit time in another zone is written in UTC", "", buildStamp{module: "(devel)", revision: rev, time: "2026-03-01T18:15:00+08:00"}, "v0.0.0-20260301101500-671cf9911408"},
		{"no commit time", "", buildStamp{module: "(devel)", revision: rev}, "v0.0.0-671cf9911408"},
		{"short revision kept whole", "", buildStamp{revision: "abc123"}, "v0.0.0-abc123"},
		{"no trace of the source", "", buildStamp{module: "(devel)"}, "dev"},
		{"no build information", "", buildStamp{}, "dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionString(tt.stamped, tt.stamp); got != tt.want {
				t.Errorf("versionString(%q, %+v) = %q, want %q", tt.stamped, tt.stamp, got, tt.want)
			}
		})
	}
}

func TestStampOf(t *testing.T) {
	bi := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/ikk-tools/ikk", Version: "(devel)"},
		Settings: []debug.BuildSetting{
			{Key: "GOOS", Value: "windows"},
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "671cf9911408ae75664c032ca484bf977aec8186"},
			{Key: "vcs.time", Value: "2026-03-01T10:15:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	want := buildStamp{module: "(devel)", revision: "671cf9911408ae75664c032ca484bf977aec8186", time: "2026-03-01T10:15:00Z", modified: true}
	if got := stampOf(bi); got != want {
		t.Errorf("stampOf = %+v, want %+v", got, want)
	}
	bi.Settings[4].Value = "false"
	if got := stampOf(bi); got.modified {
		t.Errorf("vcs.modified=false read as modified")
	}
}
