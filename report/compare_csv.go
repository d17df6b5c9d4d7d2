package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
)

// CompareCSV writes the comparison long, for other programs: one row per
// unit and measure (the index, each dimension, each indicator), with the
// value then and now, the change, and for indicators the families each year
// rests on and the few-families flag. Units found in one year only follow
// with the other year's cells empty. Unrounded values, dot decimals.
func CompareCSV(w io.Writer, c *ikk.Comparison) error {
	cw := csv.NewWriter(w)
	head := []string{"level", "code", "name", "kecamatan", "matched", "measure", "id", "then", "now", "change",
		"category_then", "category_now", "families_then", "families_now", "few_families"}
	if err := cw.Write(head); err != nil {
		return err
	}
	f := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	cat := func(id int) string {
		if id == 0 {
			return ""
		}
		return strconv.Itoa(id)
	}
	write := func(rec []string) error { return cw.Write(safeRecord(rec)) }
	for _, list := range [][]ikk.UnitChange{c.Kabupaten, c.Kecamatan, c.Desa} {
		for _, u := range list {
			matched := "code"
			if u.ByName {
				matched = "name"
			}
			base := []string{u.Level, u.Code, u.Name, u.Kecamatan, matched}
			row := func(measure, id string, d ikk.Delta, tail ...string) error {
				rec := append(append([]string(nil), base...), measure, id, f(d.Then), f(d.Now), f(d.Change))
				return write(append(rec, tail...))
			}
			if err := row("index", c.Current.Set.ShortName, u.Index, cat(u.Then.Category), cat(u.Now.Category),
				strconv.Itoa(u.Then.Households), strconv.Itoa(u.Now.Households), ""); err != nil {
				return err
			}
			for i, id := range c.Dimensions {
				if err := row("dimension", id, u.Dimensions[i], "", "", "", "", ""); err != nil {
					return err
				}
			}
			for i, id := range c.Indicators {
				d := u.Indicators[i]
				if err := row("indicator", id, d.Delta, "", "", strconv.Itoa(d.FamiliesThen), strconv.Itoa(d.FamiliesNow), strconv.FormatBool(d.Few)); err != nil {
					return err
				}
			}
		}
	}
	single := func(list []ikk.SnapshotUnit, then bool) error {
		for _, u := range list {
			matched := "baseline_only"
			v, ct, cn, ht, hn := f(u.Index), cat(u.Category), "", strconv.Itoa(u.Households), ""
			rec := []string{u.Level, u.Code, u.Name, u.Kecamatan, matched, "index", c.Current.Set.ShortName, v, "", ""}
			if !then {
				rec[4], rec[7], rec[8] = "current_only", "", v
				ct, cn, ht, hn = "", ct, "", ht
			}
			if err := write(append(rec, ct, cn, ht, hn, "")); err != nil {
				return err
			}
		}
		return nil
	}
	if err := single(c.OnlyBaseline, true); err != nil {
		return err
	}
	if err := single(c.OnlyCurrent, false); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
