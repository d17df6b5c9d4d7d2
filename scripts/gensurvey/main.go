// Command gensurvey writes realistic generated household surveys: one file,
// or a folder of files (a kabupaten with one file per desa).
//
//	go run ./scripts/gensurvey -households 100000 -desa 120 -kecamatan 12 -o big.csv
//	go run ./scripts/gensurvey -households 100000 -o big.xlsx
//	go run ./scripts/gensurvey -files 300 -min 300 -max 3000 -kecamatan 15 -o kabupaten/
//	go run ./scripts/gensurvey -realistic -households 100000 -o office.csv
//	go run ./scripts/gensurvey -realistic -households 100000 -o office.xlsx
//	go run ./scripts/gensurvey -pk21 -files 40 -min 80 -max 400 -kecamatan 6 -o pk21/
//	go run ./scripts/gensurvey -desa 12 -kecamatan 3 -households 2400 -clean -o tahun1.csv
//	go run ./scripts/gensurvey -desa 12 -kecamatan 3 -households 2400 -clean -next-year -o tahun2.csv
//	go run ./scripts/gensurvey -desa 12 -kecamatan 3 -households 2400 -change 2:jkn_semua:0.8 -drop 5 -o tahun2.csv
//
// -next-year writes the same families a year on, with the known changes of
// surveygen.NextYear; -change adds one of its own (DESA:COLUMN:SHARE, desa
// counted from 0) and -drop leaves a desa out, for ikk compare.
//
// A realistic .xlsx is the realistic CSV saved by LibreOffice (soffice on
// the PATH, or -soffice), as offices' files are; -chunk converts it in
// pieces of that many rows, joined into one workbook, for surveys too large
// for LibreOffice's memory (see surveygen.LibreOffice.Convert).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

func main() {
	var cfg surveygen.Config
	var out, comma string
	lo.Log = os.Stderr
	var files, minPer, maxPer int
	flag.Uint64Var(&cfg.Seed, "seed", 1, "random seed: the same seed gives the same file")
	flag.IntVar(&cfg.Households, "households", 1000, "number of households (in total)")
	flag.IntVar(&cfg.Desa, "desa", 10, "number of desa")
	flag.IntVar(&cfg.Kecamatan, "kecamatan", 2, "number of kecamatan")
	flag.BoolVar(&cfg.Kobo, "kobo", false, "Kobo-style headers (group prefixes, a question text)")
	flag.BoolVar(&cfg.NoDefects, "clean", false, "no blank or invalid cells")
	flag.BoolVar(&cfg.PK21, "pk21", false, "the PK21 columns of the iBangga set (ikk --indicators ibangga) instead of the IKK ones")
	flag.BoolVar(&cfg.Realistic, "realistic", false, "shaped like offices' files: varied names, real-form KK numbers, families entered twice, rows without a village, an invalid value in one row in six")
	flag.StringVar(&comma, "comma", ",", "CSV separator: , ; or tab")
	flag.IntVar(&files, "files", 0, "write a folder of this many files instead of one file")
	flag.IntVar(&minPer, "min", 0, "with -files: fewest families in a file (default: an equal share)")
	flag.IntVar(&maxPer, "max", 0, "with -files: most families in a file")
	flag.StringVar(&out, "o", "", "output file (.csv or .xlsx) or, with -files, folder")
	flag.StringVar(&lo.Soffice, "soffice", "", "with -realistic and .xlsx: LibreOffice's soffice (default: found on the PATH)")
	flag.StringVar(&lo.Profile, "profile", "", "with -realistic and .xlsx: folder for LibreOffice's private profile (default: a temporary one)")
	flag.IntVar(&lo.Chunk, "chunk", 0, "with -realistic and .xlsx: rows per LibreOffice conversion, joined after (0: the whole file at once)")
	var nextYear bool
	flag.BoolVar(&nextYear, "next-year", false, "the same families a year on, with the known changes of surveygen.NextYear (for ikk compare)")
	flag.Func("change", "change answers: DESA:COLUMN:SHARE, desa counted from 0, share -1..1 of its families given the passing (failing when negative) answer (repeatable)", func(v string) error {
		c, err := surveygen.ParseChange(v)
		cfg.Changes = append(cfg.Changes, c)
		return err
	})
	flag.Func("drop", "leave out the families of desa N, counted from 0 (repeatable)", func(v string) error {
		n, err := strconv.Atoi(v)
		cfg.Drop = append(cfg.Drop, n)
		return err
	})
	flag.Parse()
	if nextYear {
		n := cfg.Desa
		if files > 0 {
			n = files
		}
		cfg.Changes = append(surveygen.NextYear(n), cfg.Changes...)
	}
	if out == "" {
		fmt.Fprintln(os.Stderr, "gensurvey: -o is required")
		os.Exit(2)
	}
	switch comma {
	case "tab", `\t`:
		cfg.Comma = '\t'
	default:
		cfg.Comma = []rune(comma)[0]
	}
	if err := run(cfg, out, files, minPer, maxPer); err != nil {
		fmt.Fprintln(os.Stderr, "gensurvey:", err)
		os.Exit(1)
	}
}

// lo saves realistic workbooks.
var lo surveygen.LibreOffice

func run(cfg surveygen.Config, out string, files, minPer, maxPer int) error {
	if files == 0 {
		return write(cfg, out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// One desa per file, so each file is a village's own survey; the desa
	// are spread over the kecamatan as in one file, each file's desa the
	// next of its kecamatan.
	per := cfg
	per.Desa, per.Kecamatan, per.NameSeed = 1, 1, cfg.Seed
	for i := 0; i < files; i++ {
		per.Seed = cfg.Seed*1000 + uint64(i)
		k := i * cfg.Kecamatan / files
		first := (k*files + cfg.Kecamatan - 1) / cfg.Kecamatan // the first file of kecamatan k
		per.DesaOffset, per.KecamatanOffset = i-first, k
		per.Households = cfg.Households / files
		if maxPer > minPer && minPer > 0 {
			// Sizes spread evenly between the bounds, in a scrambled order.
			per.Households = minPer + (i*7919)%(maxPer-minPer+1)
		}
		per.KabupatenCode = "6309"
		name := filepath.Join(out, fmt.Sprintf("desa_%03d.csv", i+1))
		if i%3 == 2 {
			name = strings.TrimSuffix(name, ".csv") + ".xlsx"
		}
		if err := write(per, name); err != nil {
			return err
		}
	}
	return nil
}

func write(cfg surveygen.Config, path string) error {
	if strings.HasSuffix(path, ".xlsx") && cfg.Realistic {
		// The same CSV as -o .csv would write, then saved by LibreOffice.
		// It is written apart, under the workbook's name, which LibreOffice
		// gives the sheet.
		dir, err := os.MkdirTemp(filepath.Dir(path), ".gensurvey-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		csvPath := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".csv")
		if err := write(cfg, csvPath); err != nil {
			return err
		}
		lo.Comma = cfg.Comma
		return lo.Convert(csvPath, path)
	}
	if strings.HasSuffix(path, ".xlsx") {
		return surveygen.GenerateXLSX(path, cfg)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := surveygen.Generate(bw, cfg); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
