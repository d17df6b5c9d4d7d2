package cmd

import (
	"runtime/debug"
	"strings"
	"time"
)

// version is stamped by scripts/release with
// -ldflags "-X github.com/ikk-tools/ikk/cmd.version=$(git describe --tags --always --dirty)",
// so that a released binary names the tag or commit it was built from even
// where the toolchain records no version control information.
var version = ""

// Version returns the tool version printed by --version and written in every
// report, so that a figure in a decree's annex can be traced to the build
// that computed it.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return versionString(version, buildStamp{})
	}
	return versionString(version, stampOf(bi))
}

// buildStamp is what the Go toolchain records about the source of a build.
type buildStamp struct {
	module   string // the main module's version: a tag, a pseudo-version or "(devel)"
	revision string // vcs.revision, the commit
	time     string // vcs.time, the commit's time in RFC 3339
	modified bool   // vcs.modified, uncommitted changes in the work tree
}

func stampOf(bi *debug.BuildInfo) buildStamp {
	s := buildStamp{module: bi.Main.Version}
	for _, kv := range bi.Settings {
		switch kv.Key {
		case "vcs.revision":
			s.revision = kv.Value
		case "vcs.time":
			s.time = kv.Value
		case "vcs.modified":
			s.modified = kv.Value == "true"
		}
	}
	return s
}

// versionString picks the most precise version available: the release
// script's stamp, then the module version (a tag for `go install ...@v1.2.0`;
// since Go 1.24 a pseudo-version with "+dirty" for a build from a checkout),
// then a pseudo-version made from the commit, for toolchains or layouts where
// the module version stays "(devel)". "dev" is left only for a build that
// carries no trace of its source at all (-buildvcs=false, a copied tree).
func versionString(stamped string, b buildStamp) string {
	if stamped != "" {
		return stamped
	}
	if b.module != "" && b.module != "(devel)" {
		return b.module
	}
	if b.revision == "" {
		return "dev"
	}
	// The shape of Go's own pseudo-versions, so that both paths read alike.
	parts := []string{"v0.0.0"}
	if t, err := time.Parse(time.RFC3339, b.time); err == nil {
		parts = append(parts, t.UTC().Format("20060102150405"))
	}
	rev := b.revision
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := strings.Join(append(parts, rev), "-")
	if b.modified {
		v += "+dirty"
	}
	return v
}
