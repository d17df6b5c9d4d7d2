package ikk

import (
	"sort"
	"strings"
)

// result aggregates the desa into kecamatan and kabupaten and orders the
// units: each kabupaten, then each of its kecamatan followed by its desa, and
// each desa followed by its RT. Codes sort before names.
func (sc *scorer) result() *Result {
	set := sc.set
	type group struct {
		key, code, name, kabName string // key: the kabupaten key
		typed                    string // the name as first written
		acc                      *acc
		desas                    []*desaState
	}
	// Method section 2: the kabupaten unit is all input households. Only
	// when the village codes name several kabupaten (a province's run) is
	// there a unit per kabupaten; villages known by name then join the one
	// whose name they carry.
	kabOf := sc.kabupatenKeys()
	kabs := map[string]*group{}
	kecs := map[string]*group{}
	for _, key := range sc.desaOrder {
		d := sc.desas[key]
		_, kecName, kabName := d.names()
		kabKey := kabOf[key]
		kecKey := kabKey + "|" + NormalizeName(d.kecamatan)
		if c := d.areaCode(); c != "" {
			kecKey = c[:8]
		}
		kab := kabs[kabKey]
		if kab == nil {
			kab = &group{acc: newAcc(set), key: kabKey}
			if strings.HasPrefix(kabKey, "code:") {
				kab.code = strings.TrimPrefix(kabKey, "code:")
			}
			kabs[kabKey] = kab
		}
		if kab.name == "" {
			kab.name, kab.typed = kabName, d.kabupaten
		}
		kec := kecs[kecKey]
		if kec == nil {
			kec = &group{acc: newAcc(set), key: kabKey}
			if d.areaCode() != "" {
				kec.code = kecKey
			}
			kecs[kecKey] = kec
		}
		if kec.name == "" {
			kec.name, kec.typed = kecName, d.kecamatan
		}
		if kec.kabName == "" {
			kec.kabName = kabName
		}
		kec.desas = append(kec.desas, d)
	}
	// Sum in the sorted order so that the floating-point sums never depend on
	// the order the files were read in.
	var kabKeys []string
	for k := range kabs {
		kabKeys = append(kabKeys, k)
	}
	sortUnitKeys(kabKeys, func(k string) (string, string) { return kabs[k].code, kabs[k].name })
	var kecKeys []string
	for k := range kecs {
		kecKeys = append(kecKeys, k)
	}
	sortUnitKeys(kecKeys, func(k string) (string, string) { return kecs[k].code, kecs[k].name })

	res := &Result{Set: set, Inputs: sc.inputs, Issues: sc.withNameIssues(), IssueCounts: sc.issueCounts, Summary: sc.total}
	for _, kk := range kabKeys {
		kab := kabs[kk]
		kabUnit := &Unit{Level: LevelKabupaten, Code: kab.code, Name: kab.name, NameInData: inData(kab.typed, kab.name), Kabupaten: kab.name}
		res.Units = append(res.Units, kabUnit)
		for _, ck := range kecKeys {
			kec := kecs[ck]
			if kec.key != kk {
				continue
			}
			kecUnit := &Unit{Level: LevelKecamatan, Code: kec.code, Name: kec.name, NameInData: inData(kec.typed, kec.name), Kecamatan: kec.name, Kabupaten: kec.kabName}
			res.Units = append(res.Units, kecUnit)
			sort.SliceStable(kec.desas, func(i, j int) bool {
				return unitLess(kec.desas[i].code, kec.desas[i].name, kec.desas[j].code, kec.desas[j].name)
			})
			for _, d := range kec.desas {
				kec.acc.add(d.acc)
				name, kecName, kabName := d.names()
				du := &Unit{Level: LevelDesa, Code: d.code, Name: name, NameInData: inData(d.name, name), Kecamatan: kecName, Kabupaten: kabName}
				finish(set, du, d.acc)
				d.unit = du
				du.fails, du.desaIdx = d.fails, d.idx+1
				res.Units = append(res.Units, du)
				sort.SliceStable(d.rtOrder, func(i, j int) bool { return rtLess(d.rtOrder[i], d.rtOrder[j]) })
				for _, rt := range d.rtOrder {
					ru := &Unit{Level: LevelRT, Code: d.code, Name: name, Desa: name, Kecamatan: kecName, Kabupaten: kabName, RT: rt}
					finish(set, ru, d.rts[rt].acc)
					res.Units = append(res.Units, ru)
				}
			}
			finish(set, kecUnit, kec.acc)
			kab.acc.add(kec.acc)
		}
		finish(set, kabUnit, kab.acc)
	}
	return res
}

func sortUnitKeys(keys []string, id func(string) (code, name string)) {
	sort.SliceStable(keys, func(i, j int) bool {
		ci, ni := id(keys[i])
		cj, nj := id(keys[j])
		if unitLess(ci, ni, cj, nj) != unitLess(cj, nj, ci, ni) {
			return unitLess(ci, ni, cj, nj)
		}
		return keys[i] < keys[j]
	})
}

// unitLess orders units by code; units known only by name come after, by name.
func unitLess(codeA, nameA, codeB, nameB string) bool {
	switch {
	case codeA != "" && codeB != "":
		return codeA < codeB
	case codeA != "":
		return true
	case codeB != "":
		return false
	}
	return NormalizeName(nameA) < NormalizeName(nameB)
}

// rtLess orders RT numbers numerically, other names after them.
func rtLess(a, b string) bool {
	na, oka := rtNumber(a)
	nb, okb := rtNumber(b)
	switch {
	case oka && okb:
		return na < nb
	case oka:
		return true
	case okb:
		return false
	}
	return a < b
}

// rtNumber reads an RT written in digits, as strconv.Atoi would without
// its sign, and without building an error for every name that is not a
// number: a desa's RT are sorted with a comparison per pair.
func rtNumber(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// kabupatenKeys assigns every desa to a kabupaten unit. With codes of one
// kabupaten at most, there is a single unit of all households; with several,
// coded desa group by their code and desa known by name join the coded
// kabupaten whose name they carry, or a unit of that name.
func (sc *scorer) kabupatenKeys() map[string]string {
	prefixes := map[string]bool{}
	nameToCode := map[string]string{}
	// In first-appearance order, so that a kabupaten name written with two
	// codes always goes with the same one.
	for _, key := range sc.desaOrder {
		d := sc.desas[key]
		if c := d.areaCode(); c != "" {
			prefixes[c[:5]] = true
			if n := NormalizeName(d.kabupaten); n != "" {
				if _, seen := nameToCode[n]; !seen {
					nameToCode[n] = c[:5]
				}
			}
		}
	}
	out := map[string]string{}
	single := "all"
	if len(prefixes) == 1 {
		for p := range prefixes {
			single = "code:" + p
		}
	}
	// The keys of desaOrder, not of the map: a village found by name is in
	// the map under its spellings too.
	for _, key := range sc.desaOrder {
		d := sc.desas[key]
		switch {
		case len(prefixes) <= 1:
			out[key] = single
		case d.areaCode() != "":
			out[key] = "code:" + d.areaCode()[:5]
		case nameToCode[NormalizeName(d.kabupaten)] != "":
			out[key] = "code:" + nameToCode[NormalizeName(d.kabupaten)]
		default:
			out[key] = "name:" + NormalizeName(d.kabupaten)
		}
	}
	return out
}

// withNameIssues puts the issues of the units' names and codes among the
// others, each at the row where its unit was first read, and counts them.
// They are few, one per unit, and say what to correct first: they are kept
// when the row issues fill MaxIssues.
func (sc *scorer) withNameIssues() IssueList {
	names := sc.nameIssues()
	if len(names) == 0 {
		return sc.issues
	}
	for _, is := range names {
		sc.issueCounts[is.Code]++
	}
	names = names[:min(len(names), MaxIssues)]
	rows := min(sc.issues.Len(), max(0, MaxIssues-len(names)))
	// Both lists are in input order; merged by file, then row.
	file := map[string]int{}
	for i, in := range sc.inputs {
		file[in.Path] = i
	}
	out := sc.issues.Insert(rows, names, func(e *Issue, f string, row int) bool {
		if fa, fb := file[e.File], file[f]; fa != fb {
			return fa < fb
		}
		return e.Row < row
	})
	return out
}
