package ikk

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// BenchmarkBootstrap measures the intervals of issue 16's kabupaten: 300
// desa, 300,000 families, 1,000 resamples, against the same run without
// them; the difference is the bootstrap's cost.
func BenchmarkBootstrap(b *testing.B) {
	cfg := surveygen.Config{Seed: 1, Households: 300000, Desa: 300, Kecamatan: 15}
	path := filepath.Join(b.TempDir(), "survey.csv")
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, cfg); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	buf = bytes.Buffer{}
	set := defaultSet(b)
	for _, n := range []int{0, 1000} {
		b.Run(fmt.Sprintf("resamples=%d", n), func(b *testing.B) {
			for b.Loop() {
				res, err := Score(context.Background(), set, []string{path}, Options{Resamples: n})
				if err != nil {
					b.Fatal(err)
				}
				if (res.Units[0].Uncertainty != nil) != (n > 0) {
					b.Fatal("uncertainty")
				}
			}
		})
	}
}

// BenchmarkResampleDesa measures the resampling of one desa of 1,000
// families alone, per family drawn.
func BenchmarkResampleDesa(b *testing.B) {
	set := defaultSet(b)
	l := newBootLayout(set, 1000, nil)
	const n = 1000
	r := newRNG("patterns")
	pats := make([]uint64, 2*n)
	for h := range n {
		pass := r.next() & (1<<29 - 1)
		pats[2*h], pats[2*h+1] = pass, ^pass&(1<<29-1)&r.next()
	}
	s := l.scratch()
	for b.Loop() {
		l.resample("desa", pats, 1, s)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(1000*n), "ns/draw")
}
