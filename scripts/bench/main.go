// Command bench measures ikk against the floors of its work and prints each
// measure beside its floor as a ratio, so that the speed targets can be
// checked again on any machine:
//
//	go run ./scripts/bench                  # 100,000 and 1,000,000 families
//	go run ./scripts/bench -households 200000 -dir /tmp/ikk-bench
//	go run ./scripts/bench -sets realistic -stat median -runs 5
//
// Two sets of surveys are measured, with the same villages and seed:
//   - clean: today's generator files (scripts/gensurvey), an .xlsx written
//     by excelize with inline values;
//   - realistic: shaped like the files offices send (gensurvey -realistic):
//     varied family names and 16-digit KK numbers as text, families
//     entered twice (0.3%, in their own desa), rows without a village
//     (0.2%), an invalid value in one row in six; the .xlsx is that CSV
//     saved by LibreOffice, with its shared-string table and the style and
//     reference attributes it writes on every cell.
//
// The realistic .xlsx is made with LibreOffice itself when soffice is
// installed (else its rows are skipped, and the bench says so). LibreOffice
// converting the whole CSV at once took, on the project's machine, 27 s and
// 1.3 GB at 100,000 rows and 108 s and 2.5 GB at 200,000: some 12 GB at a
// million, more than this shared machine can spare. So the CSV is converted in
// pieces of -chunk rows (100,000), each by LibreOffice, and the pieces'
// workbooks are joined (surveygen.LibreOffice.Convert): rows renumbered,
// shared strings merged in LibreOffice's order of first use, every cell as
// LibreOffice wrote it. Joined from 10,000-row pieces, a 100,000-row
// survey has the same sheet data and shared strings, byte for byte, as
// LibreOffice's own whole conversion; only the column widths in <cols>
// (LibreOffice's optimal width, which nothing reads) may differ. The sheet
// is deflated at the level that comes nearest LibreOffice's size.
//
// Floors, measured in the same run:
//   - xlsx: inflate the worksheet and count every "<c" (no reader can do less);
//   - csv: one bare encoding/csv pass over the file;
//   - folder: the same run with --jobs 1.
//
// These runs are without intervals (--resamples 0): a last row measures the
// intervals of issue 16's kabupaten (300 desa, 300,000 families, 1,000
// resamples) against the same run without them.
//
// Every measure is the best (or, with -stat median, the median) of -runs
// runs, floors too: a shared machine has slow stretches that say nothing of
// the program; the load average is printed before and after. The small and
// the large survey have the same villages, so that the memory ratio shows
// what grows with families alone. Generated inputs are kept in -dir and
// reused, under names that carry their size and seed.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

const seed = 3

var (
	runs    = 3
	stat    = "best"
	soffice string
	chunk   int
)

func main() {
	dir := flag.String("dir", filepath.Join(os.TempDir(), "ikk-bench"), "folder for generated surveys and the binary")
	big := flag.Int("households", 1000000, "families in the large survey (the small one has a tenth)")
	sets := flag.String("sets", "clean,realistic", "which surveys: clean, realistic or both")
	flag.IntVar(&runs, "runs", 3, "runs of each measure")
	flag.StringVar(&stat, "stat", "best", "best or median of the runs")
	flag.StringVar(&soffice, "soffice", "", "LibreOffice's soffice, for the realistic .xlsx (default: found on the PATH)")
	flag.IntVar(&chunk, "chunk", 100000, "rows per LibreOffice conversion of the realistic .xlsx, joined after (0: whole)")
	flag.Parse()
	if stat != "best" && stat != "median" {
		fmt.Fprintln(os.Stderr, "bench: -stat is best or median")
		os.Exit(2)
	}
	if err := run(*dir, *big, strings.Split(*sets, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measure runs f runs times and keeps the best or the median time and
// peak memory, each on its own.
func measure(f func() (time.Duration, int64, error)) (time.Duration, int64, error) {
	var ts []time.Duration
	var rs []int64
	for i := 0; i < runs; i++ {
		t, r, err := f()
		if err != nil {
			return 0, 0, err
		}
		ts, rs = append(ts, t), append(rs, r)
	}
	slices.Sort(ts)
	slices.Sort(rs)
	if stat == "median" {
		return ts[len(ts)/2], rs[len(rs)/2], nil
	}
	return ts[0], rs[0], nil
}

type row struct {
	measure, value, floor, ratio, target string
}

// survey is one generated input.
type survey struct {
	set   string // clean or realistic
	n     int
	ext   string
	path  string
	bytes int64
}

func run(dir string, big int, sets []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	small := big / 10
	desa, kec := max(12, big/8000), max(2, big/80000)
	// Surveys are generated by a separate process: a child's peak RSS, as
	// the kernel reports it, starts from this process's at fork, so this
	// one must stay small (and LibreOffice's join, which holds every
	// shared string, must not happen here).
	gen := filepath.Join(dir, "gensurvey")
	if out, err := exec.Command("go", "build", "-o", gen, "./scripts/gensurvey").CombinedOutput(); err != nil {
		return fmt.Errorf("go build gensurvey: %v\n%s", err, out)
	}
	generate := func(path string, args ...string) error {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		fmt.Fprintf(os.Stderr, "bench: generating %s\n", path)
		start := time.Now()
		cmd := exec.Command(gen, append(args, "-o", path)...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("gensurvey %s: %v", path, err)
		}
		fmt.Fprintf(os.Stderr, "bench: %s in %s\n", filepath.Base(path), time.Since(start).Round(time.Second))
		return nil
	}
	var skipped []string
	get := map[string]*survey{}
	key := func(set string, n int, ext string) string { return fmt.Sprint(set, n, ext) }
	for _, set := range sets {
		for _, n := range []int{small, big} {
			for _, ext := range []string{".csv", ".xlsx"} {
				args := []string{"-seed", fmt.Sprint(seed), "-households", fmt.Sprint(n), "-desa", fmt.Sprint(desa), "-kecamatan", fmt.Sprint(kec)}
				var name string
				switch set {
				case "clean":
					// Today's names, so that caches from before are reused.
					name = fmt.Sprintf("survey_%d_%ddesa%s", n, desa, ext)
				case "realistic":
					name = fmt.Sprintf("realistic_%d_%ddesa_seed%d%s", n, desa, seed, ext)
					args = append(args, "-realistic")
					if ext == ".xlsx" {
						sp := soffice
						if sp == "" {
							sp, _ = surveygen.FindSoffice()
						}
						if sp == "" {
							skipped = append(skipped, name)
							continue
						}
						args = append(args, "-soffice", sp, "-chunk", fmt.Sprint(chunk), "-profile", filepath.Join(dir, "lo-profile"))
					}
				default:
					return fmt.Errorf("-sets: no set %q (clean, realistic)", set)
				}
				p := filepath.Join(dir, name)
				if err := generate(p, args...); err != nil {
					return err
				}
				st, err := os.Stat(p)
				if err != nil {
					return err
				}
				get[key(set, n, ext)] = &survey{set, n, ext, p, st.Size()}
			}
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintf(os.Stderr, "bench: LibreOffice (soffice) not found: the LibreOffice-saved .xlsx rows are skipped (%s); install LibreOffice Calc or pass -soffice\n", strings.Join(skipped, ", "))
	}
	bin := filepath.Join(dir, "ikk")
	fmt.Fprintln(os.Stderr, "bench: building ikk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	load0 := loadavg()
	var rows []row
	var notes []string
	ratio := func(a, b float64) string { return fmt.Sprintf("%.2fx", a/b) }
	for _, set := range sets {
		rss := map[string]int64{}
		for _, n := range []int{big, small} {
			// The workbook and the CSV hold the same survey: ikk must
			// account for them alike, or the workbook was read otherwise.
			var acct []string
			for _, ext := range []string{".xlsx", ".csv"} {
				s := get[key(set, n, ext)]
				if s == nil {
					continue
				}
				fmt.Fprintf(os.Stderr, "bench: measuring %s\n", filepath.Base(s.path))
				var sum *summary
				wall, peak, err := measure(func() (time.Duration, int64, error) {
					d, r, sm, err := timeIkk(bin, s.path, noIntervals...)
					sum = sm
					return d, r, err
				})
				if err != nil {
					return err
				}
				rss[fmt.Sprint(n, ext)] = peak
				if sum != nil {
					notes = append(notes, fmt.Sprintf("%s: %s", filepath.Base(s.path), sum))
					acct = append(acct, sum.String())
				}
				if n != big {
					continue
				}
				label := fmt.Sprintf("%s %s, %s families (%s)", strings.TrimPrefix(ext, "."), set, thousands(n), mb(s.bytes))
				if ext == ".xlsx" {
					var cells int
					floor, _, err := measure(func() (time.Duration, int64, error) {
						d, c, err := inflateCount(s.path)
						cells = c
						return d, 0, err
					})
					if err != nil {
						return err
					}
					rows = append(rows, row{label, secs(wall) + ", " + mib(peak), secs(floor) + fmt.Sprintf(": inflate the sheet, count %s `<c`", thousands(cells)), ratio(wall.Seconds(), floor.Seconds()), "<= 1.5x, < 150 MiB"})
				} else {
					floor, _, err := measure(func() (time.Duration, int64, error) { d, err := csvPass(s.path); return d, 0, err })
					if err != nil {
						return err
					}
					rows = append(rows, row{label, secs(wall) + ", " + mib(peak), secs(floor) + ": one encoding/csv pass", ratio(wall.Seconds(), floor.Seconds()), "<= 2x"})
				}
			}
			if len(acct) == 2 && acct[0] != acct[1] {
				notes = append(notes, fmt.Sprintf("%s, %s families: the .xlsx and the .csv are accounted differently", set, thousands(n)))
			}
		}
		// Memory flat in families: the peak at the large size against the
		// small, on the same villages.
		for _, ext := range []string{".xlsx", ".csv"} {
			b, s := rss[fmt.Sprint(big, ext)], rss[fmt.Sprint(small, ext)]
			if b == 0 || s == 0 {
				continue
			}
			rows = append(rows, row{fmt.Sprintf("peak RSS, %s vs %s (%s %s)", short(big), short(small), set, strings.TrimPrefix(ext, ".")), fmt.Sprintf("%s vs %s", mib(b), mib(s)), "", ratio(float64(b), float64(s)), "<= 1.5x"})
		}
	}

	// A kabupaten folder: 300 files of 300 to 3,000 families, csv and xlsx,
	// with every core against one.
	folder := filepath.Join(dir, "kabupaten300")
	if err := generate(folder, "-seed", fmt.Sprint(seed), "-files", "300", "-min", "300", "-max", "3000", "-kecamatan", "15"); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "bench: measuring the folder of 300 files")
	fone, _, err := measure(func() (time.Duration, int64, error) {
		return timeIkkOnly(bin, folder, append(noIntervals, "--jobs", "1")...)
	})
	if err != nil {
		return err
	}
	fall, _, err := measure(func() (time.Duration, int64, error) { return timeIkkOnly(bin, folder, noIntervals...) })
	if err != nil {
		return err
	}
	rows = append(rows, row{"folder of 300 files (clean), all cores vs --jobs 1", fmt.Sprintf("%s vs %s", secs(fall), secs(fone)), "", ratio(fall.Seconds(), fone.Seconds()), "<= 0.6x"})

	// The intervals of issue 16's kabupaten: 300 desa, 300,000 families,
	// 1,000 resamples, against the same run without them.
	boot := filepath.Join(dir, "survey_300000_300desa.csv")
	if err := generate(boot, "-seed", fmt.Sprint(seed), "-households", "300000", "-desa", "300", "-kecamatan", "15"); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "bench: measuring the intervals of 300 desa")
	bwith, rwith, err := measure(func() (time.Duration, int64, error) { return timeIkkOnly(bin, boot, "--resamples", "1000") })
	if err != nil {
		return err
	}
	bwithout, rwithout, err := measure(func() (time.Duration, int64, error) { return timeIkkOnly(bin, boot, noIntervals...) })
	if err != nil {
		return err
	}
	rows = append(rows, row{"intervals: csv, 300 desa, 300,000 families, 1,000 resamples, vs --resamples 0",
		fmt.Sprintf("%s, %s vs %s, %s", secs(bwith), mib(rwith), secs(bwithout), mib(rwithout)),
		fmt.Sprintf("the bootstrap: %s", secs(bwith-bwithout)), ratio(bwith.Seconds(), bwithout.Seconds()), "a few seconds"})
	load1 := loadavg()

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "| measure | ikk | floor | ratio | target |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.measure, r.value, r.floor, r.ratio, r.target)
	}
	fmt.Fprintf(w, "\n%s of %d runs; `ikk score --format json`, without intervals (`--resamples 0`) but on their own row; load average before: %s; after: %s\n", stat, runs, load0, load1)
	for _, n := range notes {
		fmt.Fprintln(w, "- "+n)
	}
	for _, s := range skipped {
		fmt.Fprintf(w, "- skipped %s: LibreOffice (soffice) not found\n", s)
	}
	return w.Flush()
}

// noIntervals measures reading and scoring against their floors, which know
// nothing of resampling: the intervals' cost has its own row.
var noIntervals = []string{"--resamples", "0"}

// summary is ikk's accounting of a run, from its JSON.
type summary struct {
	RowsRead     int            `json:"rows_read"`
	Scored       int            `json:"scored"`
	Rejected     int            `json:"rejected"`
	Blank        int            `json:"blank"`
	Issues       int            `json:"issues"`
	IssuesByCode map[string]int `json:"issues_by_code"`
}

func (s *summary) String() string {
	codes := make([]string, 0, len(s.IssuesByCode))
	for c, n := range s.IssuesByCode {
		codes = append(codes, fmt.Sprintf("%s %s", c, thousands(n)))
	}
	slices.Sort(codes)
	return fmt.Sprintf("%s rows read, %s scored, %s rejected, %s blank; %s issues (%s)",
		thousands(s.RowsRead), thousands(s.Scored), thousands(s.Rejected), thousands(s.Blank), thousands(s.Issues), strings.Join(codes, ", "))
}

// tail keeps the last bytes written to it: ikk's summary ends its JSON,
// and the bench must not hold the rest (see run).
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	const keep = 64 << 10
	t.b = append(t.b, p...)
	if len(t.b) > 2*keep {
		t.b = append(t.b[:0], t.b[len(t.b)-keep:]...)
	}
	return len(p), nil
}

// timeIkk runs ikk score --format json on a file: wall time, peak RSS and,
// when it can be read, the run's accounting.
func timeIkk(bin, path string, flags ...string) (time.Duration, int64, *summary, error) {
	cmd := exec.Command(bin, append([]string{"score", "--format", "json", path}, flags...)...)
	var out tail
	cmd.Stdout = &out
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, nil, fmt.Errorf("ikk score %s: %v\n%s", path, err, stderr.String())
	}
	wall := time.Since(start)
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	var sum *summary
	if i := bytes.LastIndex(out.b, []byte(`"summary":`)); i >= 0 {
		var wrap struct {
			Summary summary `json:"summary"`
		}
		if json.Unmarshal(append([]byte("{"), out.b[i:]...), &wrap) == nil {
			sum = &wrap.Summary
		}
	}
	return wall, rss, sum, nil
}

func timeIkkOnly(bin, path string, flags ...string) (time.Duration, int64, error) {
	d, r, _, err := timeIkk(bin, path, flags...)
	return d, r, err
}

// inflateCount is the floor of any xlsx reader: inflate the first worksheet
// and count its cells.
func inflateCount(path string) (time.Duration, int, error) {
	start := time.Now()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, 0, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return 0, 0, err
		}
		defer rc.Close()
		buf := make([]byte, 256<<10)
		cells, lastLT := 0, false
		for {
			n, err := rc.Read(buf)
			chunk := buf[:n]
			cells += bytes.Count(chunk, []byte("<c"))
			// A "<c" split between two reads.
			if lastLT && n > 0 && chunk[0] == 'c' {
				cells++
			}
			lastLT = n > 0 && chunk[n-1] == '<'
			if err == io.EOF {
				break
			}
			if err != nil {
				return 0, 0, err
			}
		}
		return time.Since(start), cells, nil
	}
	return 0, 0, fmt.Errorf("%s: no xl/worksheets/sheet1.xml", path)
}

// csvPass is the floor of reading a CSV: one encoding/csv pass.
func csvPass(path string) (time.Duration, error) {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	for {
		if _, err := r.Read(); err == io.EOF {
			break
		} else if err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "unknown"
		}
		return err.Error()
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return strings.TrimSpace(string(b))
	}
	return strings.Join(f[:3], " ")
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func mib(b int64) string          { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
func mb(b int64) string           { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }

// short writes 1000000 as 1M and 100000 as 100k.
func short(n int) string {
	switch {
	case n >= 1000000 && n%1000000 == 0:
		return fmt.Sprintf("%dM", n/1000000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// thousands writes 1003840 as 1,003,840.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
