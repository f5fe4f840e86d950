package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/urfave/cli/v3"
)

// buildInfo is what the Go toolchain stamped into the binary: the module version (a tag for
// `go install …@v1.2.0`, a pseudo-version or "(devel)" otherwise), the VCS revision and
// whether the work tree had uncommitted changes. Builds with -buildvcs=false carry no
// revision.
type buildInfo struct {
	Version   string `json:"version"`
	Revision  string `json:"revision,omitempty"`
	Time      string `json:"time,omitempty"`
	Dirty     bool   `json:"dirty,omitempty"`
	GoVersion string `json:"go"`
}

// readBuild reads the binary's build information once per process.
var readBuild = sync.OnceValue(func() buildInfo {
	b := buildInfo{Version: "devel", GoVersion: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		b.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Dirty = s.Value == "true"
		}
	}
	return b
})

// release is the version stamped into documents ("scribe v1.2.0"): a tagged module version,
// else "devel". Pseudo-versions are left out on purpose so that two builds of the same
// release write the same bytes; the revision goes into --report and the manifest instead.
func (b buildInfo) release() string {
	v := strings.TrimSuffix(b.Version, "+dirty")
	if v == "devel" || isPseudoVersion(v) {
		return "devel"
	}
	return v
}

// isPseudoVersion recognises v0.0.0-20250101120000-abcdef123456 and its variants
// (vX.Y.Z-pre.0.yyyymmddhhmmss-rev).
func isPseudoVersion(v string) bool {
	i := strings.LastIndexByte(v, '-')
	if i < 0 || len(v)-i-1 != 12 {
		return false
	}
	rest := v[:i]
	j := strings.LastIndexAny(rest, "-.")
	return j >= 0 && len(rest)-j-1 == 14
}

// String is the one-line description printed by `scribe --version`.
func (b buildInfo) String() string {
	s := "scribe " + b.Version
	var extra []string
	if b.Revision != "" {
		rev := b.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		extra = append(extra, "revision "+rev)
	}
	if b.Dirty {
		extra = append(extra, "modified")
	}
	extra = append(extra, b.GoVersion)
	return s + " (" + strings.Join(extra, ", ") + ")"
}

// codeKey identifies the code that produced outputs, for --skip-unchanged: the VCS revision
// of a clean build, else the SHA-256 of the executable itself, so a rebuilt binary (a
// modified work tree, a build without VCS stamping) never reuses outputs of older code.
func (b buildInfo) codeKey() string {
	if b.Revision != "" && !b.Dirty {
		return "rev:" + b.Revision
	}
	return "exe:" + executableHash()
}

var executableHash = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))
})

// generator names scribe in the documents it writes.
func generator() string { return "scribe " + readBuild().release() }

func newVersionCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print scribe's version, VCS revision and Go version",
		Description: `Prints the version the binary was built from: the module version (a tag when installed
with 'go install github.com/scribe-un/scribe/cmd/scribe@v1.2.0'), the VCS revision, whether
the work tree was modified, and the Go version. --skip-unchanged keys its manifest on the
revision, so outputs of older code are never reused.`,
		Action: func(_ context.Context, cmd *cli.Command) error {
			fmt.Fprintln(stdio.Out, readBuild().String())
			return nil
		},
	}
}
