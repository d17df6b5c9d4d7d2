// Command wilayahgen converts the CSV files of the npm package idn-area-data
// (provinces, regencies, districts, villages) into the register ikk embeds:
// one "code<TAB>name" line per unit, sorted by code, gzip-compressed.
// scripts/wilayah-update fetches the package and runs it; it is run by
// hand when a newer register is published, never at build time.
//
//	go run ./scripts/wilayahgen -in package/data -out wilayah/register.tsv.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	in := flag.String("in", "", "the package's data folder (provinces.csv, regencies.csv, districts.csv, villages.csv)")
	out := flag.String("out", "wilayah/register.tsv.gz", "the register file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wilayahgen:", err)
		os.Exit(1)
	}
}

// files are the package's tables, each with its number of columns: the code
// is the first column and the name the last.
var files = []struct {
	name string
	cols int
}{{"provinces.csv", 2}, {"regencies.csv", 3}, {"districts.csv", 3}, {"villages.csv", 3}}

func run(in, out string) error {
	if in == "" {
		return fmt.Errorf("give the package's data folder with -in")
	}
	seen := map[string]string{}
	for _, f := range files {
		if err := readTable(filepath.Join(in, f.name), f.cols, seen); err != nil {
			return err
		}
	}
	codes := make([]string, 0, len(seen))
	for c := range seen {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	// Every unit below a province must have its parent: a register with a
	// desa whose kecamatan is missing would name it under no one.
	for _, c := range codes {
		if i := strings.LastIndexByte(c, '.'); i > 0 {
			if _, ok := seen[c[:i]]; !ok {
				return fmt.Errorf("%s has no parent %s", c, c[:i])
			}
		}
	}
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// No name and no time in the gzip header: the same register gives the
	// same bytes.
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, c := range codes {
		fmt.Fprintf(bw, "%s\t%s\n", c, seen[c])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	counts := map[int]int{}
	for _, c := range codes {
		counts[strings.Count(c, ".")]++
	}
	fmt.Printf("%d provinces, %d kabupaten/kota, %d kecamatan, %d desa/kelurahan\n", counts[0], counts[1], counts[2], counts[3])
	return os.Rename(tmp, out)
}

// readTable adds a table's code and name to seen, refusing a malformed row
// or a code given twice.
func readTable(path string, cols int, seen map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header := true
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if header {
			header = false
			continue
		}
		if len(rec) != cols {
			return fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(rec), cols)
		}
		code, name := strings.TrimSpace(rec[0]), strings.Join(strings.Fields(rec[cols-1]), " ")
		if code == "" || name == "" || strings.ContainsAny(name, "\t\n") {
			return fmt.Errorf("%s:%d: empty or malformed code or name", path, line)
		}
		if prev, ok := seen[code]; ok {
			return fmt.Errorf("%s:%d: code %s given twice (%q and %q)", path, line, code, prev, name)
		}
		seen[code] = name
	}
}
