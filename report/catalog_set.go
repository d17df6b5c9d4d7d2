package report

import "github.com/ikk-tools/ikk/ikk"

// The words of an indicator set: the problems of an indicator file
// (ikk.SetProblem, "msg.set_*"), the vocabulary their parameters name
// ("set.part.*", "set.within.*", "set.kind.*") and the words a rule is
// described in ("rule.*"). Keys, types and examples of the file's YAML stay
// as the file writes them, in both languages: they are what the reader
// types.

func init() {
	register(setProblemTexts)
	register(setYAMLTexts)
	register(setVocabulary)
	register(ruleWords)
}

// The forms a rule takes, written out where a rule is wrong.
const (
	ruleFormsID = "{yes: X}, {no: X}, {column: X, in: [1, 2]}, {column: X, min: 1, max: 5}, {ratio: [X, Y], min: 0.5}, {all: [...]}, {any: [...]} atau {condition: married}, dengan X dan Y nama kolom"
	ruleFormsEN = "{yes: X}, {no: X}, {column: X, in: [1, 2]}, {column: X, min: 1, max: 5}, {ratio: [X, Y], min: 0.5}, {all: [...]}, {any: [...]} or {condition: married}, where X and Y are columns"
)

// setYAMLTexts are the problems of a file as YAML: what the YAML reader
// found, said as what to change.
var setYAMLTexts = map[string]Text{
	"msg." + ikk.MsgSetIn:    {ID: "{part} {name}: {err}", EN: "{part} {name}: {err}"},
	"msg." + ikk.MsgSetInNth: {ID: "{part} ke-{n}: {err}", EN: "{part} {n}: {err}"},
	"msg." + ikk.MsgSetPanic: {
		ID: "berkas tidak dapat dibaca sebagai YAML ({detail})",
		EN: "the file cannot be read as YAML ({detail})"},
	"msg." + ikk.MsgSetYAML: {
		ID: "bukan YAML yang sah (pesan pembaca YAML: {detail})",
		EN: "not valid YAML (the YAML reader says: {detail})"},
	"msg." + ikk.MsgSetYAMLTab: {
		ID: "terdapat karakter tab pada indentasi; YAML hanya menerima spasi untuk indentasi",
		EN: "a tab character in the indentation; YAML indents with spaces only"},
	"msg." + ikk.MsgSetYAMLBadStart: {
		ID: "terdapat karakter yang tidak boleh mengawali nilai: tab yang dipakai untuk indentasi (gunakan spasi), atau nilai yang diawali @ atau ` (apit nilai tersebut dengan tanda kutip)",
		EN: "a character that cannot begin a value: a tab used for indentation (indent with spaces), or a value beginning with @ or ` (put it in quotes)"},
	"msg." + ikk.MsgSetYAMLColon: {
		ID: "terdapat \": \" di tempat yang tidak boleh memuat kunci: baris ini menjorok lebih dalam daripada kunci di atasnya, baris di atasnya tidak memiliki \":\", atau teks memuat \": \" sehingga harus diapit tanda kutip",
		EN: "a \": \" where no key may stand: the line is indented more than the key above it, the line above lacks its \":\", or a text holds \": \" and must be put in quotes"},
	"msg." + ikk.MsgSetYAMLIndent: {
		ID: "indentasi tidak sesuai dengan baris di atasnya: kunci-kunci dalam satu pemetaan harus dimulai pada kolom yang sama",
		EN: "the indentation does not match the lines above: the keys of one mapping must begin in the same column"},
	"msg." + ikk.MsgSetYAMLDash: {
		ID: "terdapat butir daftar tanpa \"- \", atau kunci di antara butir daftar: setiap butir dalam satu daftar diawali \"- \" pada kolom yang sama",
		EN: "a list item without \"- \", or a key among the items of a list: each item of one list begins with \"- \" in the same column"},
	"msg." + ikk.MsgSetYAMLList: {
		ID: "daftar [ ... ] yang dibuka di sini tidak ditutup, atau dua butirnya tidak dipisahkan koma",
		EN: "a list [ ... ] opened here is not closed, or two of its items lack the comma between them"},
	"msg." + ikk.MsgSetYAMLMapping: {
		ID: "pemetaan { ... } yang dibuka di sini tidak ditutup, atau dua isinya tidak dipisahkan koma",
		EN: "a mapping { ... } opened here is not closed, or two of its entries lack the comma between them"},
	"msg." + ikk.MsgSetYAMLEnd: {
		ID: "berkas berakhir di dalam teks bertanda kutip: tanda kutip (\" atau ') yang dibuka di atas tidak ditutup",
		EN: "the file ends inside a quoted text: a quote (\" or ') opened above is not closed"},
	"msg." + ikk.MsgSetEmpty: {
		ID: "berkas kosong: set indikator memerlukan schema, id, categories, dimensions, columns, dan indicators",
		EN: "the file is empty: an indicator set needs schema, id, categories, dimensions, columns and indicators"},
	"msg." + ikk.MsgSetNotMapping: {
		ID: "isi berkas harus berupa pemetaan kunci (schema, id, name, ...), bukan {node}",
		EN: "the file must be a mapping of keys (schema, id, name, ...), not {node}"},
	"msg." + ikk.MsgSetNotFinite: {
		ID: "\"{text}\" bukan bilangan terhingga; tuliskan angka biasa seperti 75 atau 0.8 (YAML menulis pecahan desimal dengan titik)",
		EN: "\"{text}\" is not a finite number; write an ordinary number such as 75 or 0.8"},
	"msg." + ikk.MsgSetUnknownKey: {
		ID: "kunci \"{key}\" tidak dikenal {within} (kunci yang diterima: {keys})",
		EN: "unknown key \"{key}\" {within} (accepted keys: {keys})"},
	"msg." + ikk.MsgSetSectorKey: {
		ID: "kunci \"{key}\" tidak dikenal pada sektor (yang diterima: name, short); apit dengan tanda kutip nama yang memuat koma",
		EN: "unknown key \"{key}\" in a sector (accepted: name, short; quote a name that holds a comma)"},
	"msg." + ikk.MsgSetDuplicateKey: {
		ID: "kunci \"{key}\" sudah ditulis pada baris {first_line}; satu kunci hanya boleh muncul sekali dalam satu pemetaan",
		EN: "mapping key \"{key}\" already defined at line {first_line}; a key may appear only once in a mapping"},
	"msg." + ikk.MsgSetWrongKind: {
		ID: "{node} tidak diterima di sini: yang diharapkan {expect}",
		EN: "{node} is not accepted here: {expect} expected"},
}

// setProblemTexts are the problems of what an indicator file says.
var setProblemTexts = map[string]Text{
	// The top level.
	"msg." + ikk.MsgSetSchema: {
		ID: "schema harus \"{schema}\", tertulis \"{text}\"",
		EN: "schema must be \"{schema}\", found \"{text}\""},
	"msg." + ikk.MsgSetRequired: {
		ID: "{key} wajib ada di tingkat teratas berkas (misalnya {example})",
		EN: "{key} is required at the top level (e.g. {example})"},
	"msg." + ikk.MsgSetTarget: {
		ID: "target harus bernilai antara 0 dan 100, tertulis {found}",
		EN: "target must lie between 0 and 100, found {found}"},
	"msg." + ikk.MsgSetShare: {
		ID: "min_answered_share harus lebih dari 0 dan paling besar 1, misalnya 0.8; tertulis {found}",
		EN: "min_answered_share must lie in (0, 1], e.g. 0.8, found {found}"},
	"msg." + ikk.MsgSetAggregation: {
		ID: "aggregation harus salah satu dari {accepted}, tertulis \"{found}\"",
		EN: "aggregation must be one of {accepted}, found \"{found}\""},
	"msg." + ikk.MsgSetShortName: {
		ID: "short_name \"{short}\" berisi {count} karakter; nama singkat indeks memuat paling banyak {limit} karakter dalam satu baris",
		EN: "short_name \"{short}\" has {count} characters; the index's short name holds at most {limit}, on one line"},
	"msg." + ikk.MsgSetLensIsFunction: {
		ID: "lensa \"{key}\" bernama sama dengan salah satu fungsi keluarga; kunci lensa dan kunci fungsi harus berbeda",
		EN: "lens \"{key}\" has the name of a family function; lens and function keys must differ"},

	// Shared by the parts.
	"msg." + ikk.MsgSetBadName: {
		ID: "nama {part} \"{name}\" harus diawali huruf dan selanjutnya hanya berisi huruf, angka, atau _",
		EN: "{part} name \"{name}\" must be a letter followed by letters, digits or _"},
	"msg." + ikk.MsgSetBadID: {
		ID: "id {part} \"{id}\" harus diawali huruf dan selanjutnya hanya berisi huruf, angka, atau _ (misalnya {example})",
		EN: "{part} id \"{id}\" must be a letter followed by letters, digits or _ (e.g. {example})"},
	"msg." + ikk.MsgSetIDTwice: {
		ID: "id {part} {id} muncul dua kali; setiap id harus unik",
		EN: "{part} id {id} appears twice; ids must be unique"},
	"msg." + ikk.MsgSetUndeclared: {
		ID: "{part} \"{name}\" tidak dideklarasikan (yang dideklarasikan: {declared})",
		EN: "{part} \"{name}\" is not declared (declared: {declared})"},
	"msg." + ikk.MsgSetListedTwice: {
		ID: "{part} \"{name}\" tercantum dua kali",
		EN: "{part} \"{name}\" is listed twice"},
	"msg." + ikk.MsgSetLabelRequired: {ID: "label wajib diisi", EN: "label is required"},
	"msg." + ikk.MsgSetWeight: {
		ID: "bobot (weight) harus lebih dari 0 dan paling besar {limit}, tertulis {found}",
		EN: "weight must be greater than 0 and at most {limit}, found {found}"},
	"msg." + ikk.MsgSetMinAboveMax: {
		ID: "min {low} lebih besar daripada max {high}",
		EN: "min {low} is above max {high}"},

	// Categories, parameters and dimensions.
	"msg." + ikk.MsgSetNoCategories: {
		ID: "categories wajib ada: daftar {id, label, min}, urut naik menurut min",
		EN: "categories are required: a list of {id, label, min}, ascending by min"},
	"msg." + ikk.MsgSetCategoryID: {ID: "id wajib diisi (bilangan bulat)", EN: "id is required (a whole number)"},
	"msg." + ikk.MsgSetCategoryMin: {
		ID: "min wajib diisi (nilai terendah kategori), atau above bila batas bawahnya tidak termasuk kategori",
		EN: "min is required (the lowest value of the category), or above for a lower bound the category excludes"},
	"msg." + ikk.MsgSetCategoryBoth: {
		ID: "tuliskan min (batas bawah termasuk kategori) atau above (batas bawah tidak termasuk), tidak keduanya",
		EN: "write min (a lower bound the category includes) or above (one it excludes), not both"},
	"msg." + ikk.MsgSetFirstAbove: {
		ID: "kategori pertama harus dimulai dengan min 0, bukan above {found}: nilai 0 pun memerlukan kategori",
		EN: "the first category must start with min 0, not above {found}: the value 0 needs a category too"},
	"msg." + ikk.MsgSetFirstCategory: {
		ID: "kategori pertama harus dimulai pada min 0, tertulis {found}: setiap nilai sejak 0 memerlukan kategori",
		EN: "the first category must start at min 0, found {found}: every value from 0 needs a category"},
	"msg." + ikk.MsgSetCategoryOrder: {
		ID: "urutan kategori salah: min {found} pada kategori {id} harus lebih besar daripada min {before} pada kategori sebelumnya (urutkan kategori dari min terendah ke tertinggi)",
		EN: "categories out of order: min {found} of category {id} must be greater than {before} of the category before it (list categories from the lowest min to the highest)"},
	"msg." + ikk.MsgSetCategoryNever: {
		ID: "kategori {id} tidak akan pernah tercapai: min {found} tidak di bawah {limit}, nilai tertinggi suatu indeks",
		EN: "category {id} can never be reached: its min {found} is not below {limit}, the highest value an index takes"},
	"msg." + ikk.MsgSetParamValue: {ID: "value wajib diisi (angka)", EN: "value is required (a number)"},
	"msg." + ikk.MsgSetNoDimensions: {
		ID: "dimensions wajib ada: daftar {id, label, weight}",
		EN: "dimensions are required: a list of {id, label, weight}"},
	"msg." + ikk.MsgSetDimensionEmpty: {
		ID: "dimensi {id} tidak memiliki indikator; indeks set ini tidak akan pernah dapat dihitung",
		EN: "dimension {id} has no indicator; the index of the set would always be undefined"},
	"msg." + ikk.MsgSetWeightingWeight: {
		ID: "bobot dimensi {dimension} harus antara 0 dan {limit} (0 mengeluarkan dimensi itu dari rata-rata), tertulis {found}",
		EN: "the weight of dimension {dimension} must be from 0 to {limit} (0 leaves the dimension out of the mean), found {found}"},
	"msg." + ikk.MsgSetWeightingMissing: {
		ID: "tidak ada bobot untuk dimensi {missing}; berikan bobot untuk setiap dimensi (0 mengeluarkan dimensi dari rata-rata)",
		EN: "no weight for dimension {missing}; give every dimension a weight (0 leaves a dimension out of the mean)"},
	"msg." + ikk.MsgSetWeightingZero: {
		ID: "semua bobot bernilai 0; sekurang-kurangnya satu dimensi harus berbobot lebih dari 0",
		EN: "every weight is 0; at least one dimension needs a weight above 0"},
	"msg." + ikk.MsgSetWeightingSame: {
		ID: "bobot ini sebanding dengan bobot dimensi set sendiri sehingga menghasilkan indeks yang sama; pembobotan alternatif harus memberi bobot yang berbeda",
		EN: "these weights are proportional to the set's own dimension weights and give the same index; an alternative weighting must weigh the dimensions differently"},

	// Sectors.
	"msg." + ikk.MsgSetSectorName: {
		ID: "name wajib diisi (nama resmi perangkat daerah)",
		EN: "name is required (the office's formal name)"},
	"msg." + ikk.MsgSetShortLong: {
		ID: "nama singkat \"{short}\" berisi {count} karakter; nama lembar kerja memuat paling banyak {limit} karakter",
		EN: "short name \"{short}\" has {count} characters; at most {limit} fit a sheet name"},
	"msg." + ikk.MsgSetShortChars: {
		ID: "nama singkat \"{short}\" tidak boleh memuat : \\ / ? * [ ]",
		EN: "short name \"{short}\" must not hold any of : \\ / ? * [ ]"},
	"msg." + ikk.MsgSetShortShared: {
		ID: "nama singkat \"{short}\" sudah menjadi nama singkat {other}; setiap nama singkat harus unik",
		EN: "short name \"{short}\" is already the short name of {other}; short names must be unique"},

	// Columns.
	"msg." + ikk.MsgSetColumnType: {
		ID: "tipe \"{type}\" tidak dikenal (yang diterima: {types})",
		EN: "type \"{type}\" is not known (accepted: {types})"},
	"msg." + ikk.MsgSetCodesNotCode: {
		ID: "codes hanya untuk kolom bertipe code, bukan {type}",
		EN: "codes belong to columns of type code, not {type}"},
	"msg." + ikk.MsgSetBoundsNotNumber: {
		ID: "min dan max hanya untuk kolom bertipe number atau count, bukan {type}",
		EN: "min and max belong to columns of type number or count, not {type}"},
	"msg." + ikk.MsgSetUnitUnknown: {
		ID: "satuan (unit) \"{unit}\" tidak dikenal (yang diterima: {units})",
		EN: "unit \"{unit}\" is not known (accepted: {units})"},
	"msg." + ikk.MsgSetUnitNotNumber: {
		ID: "unit hanya untuk kolom bertipe number, bukan {type}",
		EN: "unit belongs to columns of type number, not {type}"},
	"msg." + ikk.MsgSetDontKnowEmpty: {
		ID: "jawaban tidak tahu (dont_know) tidak boleh kosong",
		EN: "a don't-know answer (dont_know) must not be empty"},
	"msg." + ikk.MsgSetDontKnowAnswer: {
		ID: "jawaban tidak tahu \"{text}\" sudah merupakan jawaban kolom {column}, yang akan membacanya sebagai jawaban itu; hapus dari dont_know, atau tuliskan kode tidak tahu pada kolomnya (dont_know: [98])",
		EN: "don't-know answer \"{text}\" is already an answer of column {column}, which would read it as that answer; remove it from dont_know, or give the column its own don't-know codes (dont_know: [98])"},
	"msg." + ikk.MsgSetDontKnowType: {
		ID: "dont_know pada kolom hanya untuk kolom bertipe code, count, atau yesno, bukan {type}; jawaban tidak tahu berupa kata dituliskan pada dont_know di tingkat teratas",
		EN: "dont_know on a column belongs to columns of type code, count or yesno, not {type}; don't-know words go in the top-level dont_know"},
	"msg." + ikk.MsgSetDontKnowCode: {
		ID: "kode tidak tahu \"{code}\" bukan bilangan bulat; jawaban tidak tahu berupa kata dituliskan pada dont_know di tingkat teratas",
		EN: "don't-know code \"{code}\" is not a whole number; don't-know words go in the top-level dont_know"},
	"msg." + ikk.MsgSetDontKnowDeclared: {
		ID: "kode {code} sudah merupakan kode kolom ini ({label}); kode tidak tahu harus berbeda dari kode jawaban, misalnya 98",
		EN: "code {code} is already a code of this column ({label}); a don't-know code must differ from the answer codes, e.g. 98"},
	"msg." + ikk.MsgSetDontKnowYesNo: {
		ID: "kode {code} sudah merupakan jawaban ya/tidak (1 ya; 0 dan 2 tidak); gunakan kode lain, misalnya 8",
		EN: "code {code} is already a yes/no answer (1 yes; 0 and 2 no); use another code, e.g. 8"},
	"msg." + ikk.MsgSetDontKnowInRange: {
		ID: "kode {code} terletak dalam batas kolom ini ({min} sampai dengan {max}) sehingga merupakan jumlah yang sah; gunakan kode di luar batas itu, misalnya 98",
		EN: "code {code} lies within the column's bounds ({min} to {max}), so it is a valid count; use a code outside them, e.g. 98"},
	"msg." + ikk.MsgSetHeaderShared: {
		ID: "judul \"{header}\" sudah menyebut kolom {other}; setiap judul hanya boleh menyebut satu kolom",
		EN: "header \"{header}\" already names column {other}; every header must name one column"},
	"msg." + ikk.MsgSetIdentMissing: {
		ID: "kolom {column} wajib dideklarasikan (tipe {type}): desa dikenali dari kode_desa, atau dari kecamatan dan desa",
		EN: "column {column} must be declared (type {type}): villages are identified by kode_desa, else by kecamatan and desa"},
	"msg." + ikk.MsgSetIdentType: {
		ID: "kolom {column} harus bertipe {type}, bukan {got}",
		EN: "column {column} must have type {type}, not {got}"},

	// Conditions and indicators.
	"msg." + ikk.MsgSetAllReserved: {
		ID: "nama syarat \"all\" sudah dicadangkan: artinya indikator selalu berlaku",
		EN: "condition name \"all\" is reserved: it means the indicator always applies"},
	"msg." + ikk.MsgSetCycle: {
		ID: "syarat {name} merujuk dirinya sendiri melalui {condition: ...}; syarat tidak boleh saling merujuk secara melingkar",
		EN: "condition {name} refers to itself through {condition: ...}; conditions must not form a cycle"},
	"msg." + ikk.MsgSetNoIndicators: {
		ID: "indicators wajib ada: daftar {id, dimension, label, question, rule, ...}",
		EN: "indicators are required: a list of {id, dimension, label, question, rule, ...}"},
	"msg." + ikk.MsgSetRuleRequired: {
		ID: "rule wajib diisi, misalnya rule: {yes: buku_nikah}",
		EN: "rule is required, e.g. rule: {yes: buku_nikah}"},
	"msg." + ikk.MsgSetApplies: {
		ID: "applies menyebut syarat \"{name}\" yang tidak dideklarasikan (yang dideklarasikan: {declared})",
		EN: "applies names condition \"{name}\", which is not declared (declared: {declared})"},
	"msg." + ikk.MsgSetStatus: {
		ID: "status provenance \"{status}\" tidak dikenal (yang diterima: {statuses})",
		EN: "provenance status \"{status}\" is not known (accepted: {statuses})"},
	"msg." + ikk.MsgSetSourceRequired: {
		ID: "source pada provenance wajib diisi (asal indikator)",
		EN: "provenance source is required (where the indicator comes from)"},

	// Rules.
	"msg." + ikk.MsgSetRuleNotMapping: {
		ID: "aturan harus berupa pemetaan, salah satu dari " + ruleFormsID,
		EN: "a rule is a mapping, one of " + ruleFormsEN},
	"msg." + ikk.MsgSetRuleKey: {
		ID: "kunci aturan \"{key}\" tidak dikenal; aturan berupa salah satu dari " + ruleFormsID,
		EN: "unknown rule key \"{key}\"; a rule is one of " + ruleFormsEN},
	"msg." + ikk.MsgSetRuleMalformed: {
		ID: "bentuk aturan tidak sah; aturan berupa salah satu dari " + ruleFormsID,
		EN: "malformed rule; a rule is one of " + ruleFormsEN},
	"msg." + ikk.MsgSetRangeNoBound: {
		ID: "aturan rentang {column, min, max} memerlukan min, max, atau keduanya",
		EN: "a range rule {column, min, max} needs min, max or both"},
	"msg." + ikk.MsgSetRatioNoBound: {
		ID: "aturan rasio {ratio, min, max} memerlukan min, max, atau keduanya",
		EN: "a ratio rule {ratio, min, max} needs min, max or both"},
	"msg." + ikk.MsgSetInList: {
		ID: "in harus berupa daftar kode yang tidak kosong, misalnya in: [1, 2]",
		EN: "in must be a non-empty list of codes, e.g. in: [1, 2]"},
	"msg." + ikk.MsgSetCodeNotWhole: {
		ID: "kode \"{code}\" bukan bilangan bulat",
		EN: "code \"{code}\" is not a whole number"},
	"msg." + ikk.MsgSetCodeUndeclared: {
		ID: "kode {code} tidak dideklarasikan untuk kolom {column} (yang dideklarasikan: {declared})",
		EN: "code {code} is not declared for column {column} (declared: {declared})"},
	"msg." + ikk.MsgSetRatioList: {
		ID: "ratio harus berupa daftar dua kolom [pembilang, penyebut]",
		EN: "ratio must be a list of two columns [numerator, denominator]"},
	"msg." + ikk.MsgSetRatioDenominator: {
		ID: "kolom penyebut {column} harus dideklarasikan dengan min di atas 0 (misalnya min: 1) agar tidak pernah bernilai nol",
		EN: "the denominator column {column} must be declared with a min above 0 (e.g. min: 1), so that it is never zero"},
	"msg." + ikk.MsgSetRuleList: {
		ID: "{key} harus berupa daftar aturan yang tidak kosong",
		EN: "{key} must be a non-empty list of rules"},
	"msg." + ikk.MsgSetBoundKind: {
		ID: "batas (min, max) harus berupa angka atau nama parameter",
		EN: "a bound (min, max) is a number or a parameter name"},
	"msg." + ikk.MsgSetColumnUndeclared: {
		ID: "kolom \"{name}\" tidak dideklarasikan di bawah columns",
		EN: "column \"{name}\" is not declared under columns"},
	"msg." + ikk.MsgSetRuleColumnType: {
		ID: "kolom {column} bertipe {type}; aturan ini memerlukan kolom bertipe: {types}",
		EN: "column {column} has type {type}; this rule needs a column of type: {types}"},
}

// setVocabulary writes the codes problems name: the parts of a set, where
// a key stands, and the kinds of YAML value.
var setVocabulary = map[string]Text{
	"set.part." + ikk.PartSet:        {ID: "set indikator", EN: "indicator set"},
	"set.part." + ikk.PartCategory:   {ID: "kategori", EN: "category"},
	"set.part." + ikk.PartParameter:  {ID: "parameter", EN: "parameter"},
	"set.part." + ikk.PartDimension:  {ID: "dimensi", EN: "dimension"},
	"set.part." + ikk.PartFunction:   {ID: "fungsi", EN: "function"},
	"set.part." + ikk.PartLens:       {ID: "lensa", EN: "lens"},
	"set.part." + ikk.PartSector:     {ID: "sektor", EN: "sector"},
	"set.part." + ikk.PartColumn:     {ID: "kolom", EN: "column"},
	"set.part." + ikk.PartCondition:  {ID: "syarat", EN: "condition"},
	"set.part." + ikk.PartIndicator:  {ID: "indikator", EN: "indicator"},
	"set.part." + ikk.PartProvenance: {ID: "provenance", EN: "provenance"},
	"set.part." + ikk.PartDontKnow:   {ID: "jawaban tidak tahu", EN: "don't-know answer"},
	"set.part." + ikk.PartWeighting:  {ID: "pembobotan", EN: "weighting"},

	"set.within." + ikk.PartSet:        {ID: "di tingkat teratas set", EN: "in the set"},
	"set.within." + ikk.PartCategory:   {ID: "pada kategori", EN: "in a category"},
	"set.within." + ikk.PartParameter:  {ID: "pada parameter", EN: "in a parameter"},
	"set.within." + ikk.PartDimension:  {ID: "pada dimensi", EN: "in a dimension"},
	"set.within." + ikk.PartColumn:     {ID: "pada kolom", EN: "in a column"},
	"set.within." + ikk.PartIndicator:  {ID: "pada indikator", EN: "in an indicator"},
	"set.within." + ikk.PartProvenance: {ID: "pada provenance", EN: "in a provenance"},
	"set.within." + ikk.PartWeighting:  {ID: "pada pembobotan", EN: "in a weighting"},

	"set.kind." + ikk.NodeList:    {ID: "daftar", EN: "a list"},
	"set.kind." + ikk.NodeMapping: {ID: "pemetaan", EN: "a mapping"},
	"set.kind." + ikk.NodeText:    {ID: "nilai teks", EN: "a text value"},
	"set.kind." + ikk.NodeNumber:  {ID: "angka", EN: "a number"},
	"set.kind." + ikk.NodeWhole:   {ID: "bilangan bulat", EN: "a whole number"},
	"set.kind." + ikk.NodeBool:    {ID: "nilai true/false", EN: "a true/false value"},
	"set.kind." + ikk.NodeSingle:  {ID: "nilai tunggal", EN: "a single value"},
	"set.kind." + ikk.NodeValue:   {ID: "nilai ini", EN: "this value"},
}

// ruleWords are the words RuleText and AppliesText describe rules in.
var ruleWords = map[string]Text{
	"rule.yes": {ID: "ya", EN: "yes"},
	"rule.no":  {ID: "tidak", EN: "no"},
	"rule.and": {ID: "dan", EN: "and"},
	"rule.or":  {ID: "atau", EN: "or"},
	"rule.all": {ID: "semua keluarga", EN: "all families"},
}
