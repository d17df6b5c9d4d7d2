package surveygen

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// LibreOffice saves CSV surveys as .xlsx with LibreOffice Calc, the way an
// office has them: a shared-string table, and style and reference
// attributes on every cell. A workbook written by any other means would
// measure a reader on a file nobody sends.
type LibreOffice struct {
	// Soffice is the program; FindSoffice finds it.
	Soffice string
	// Profile is a folder for a private LibreOffice profile, so that a
	// conversion neither reads nor locks the user's own; "" makes one for
	// the call.
	Profile string
	// Chunk, when positive, converts the CSV in pieces of this many
	// records and joins the workbooks (see Convert).
	Chunk int
	// Comma is the CSV's separator; 0 means ','.
	Comma rune
	// Log, if set, hears what is being done.
	Log io.Writer
}

// ErrNoSoffice says that LibreOffice is not installed.
var ErrNoSoffice = errors.New("LibreOffice (soffice) not found")

// FindSoffice finds LibreOffice's soffice program.
func FindSoffice() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoSoffice
}

// filterOptions are LibreOffice's CSV import options: separator, quote,
// UTF-8, from line 1, then the column formats and the locale. An office
// keeps village codes, RT and KK numbers as text (a 16-digit number loses
// its last digit as a number; "001" would become 1) and types the rest in
// Standard cells, which LibreOffice makes numbers where it can. The locale
// is Indonesian (1057), as offices' LibreOffice is: "1.250.000" and
// "Rp 1.250.000" are then numbers and "12,5" is twelve and a half.
func (lo LibreOffice) filterOptions() string {
	sep := ','
	if lo.Comma != 0 {
		sep = lo.Comma
	}
	var cols []string
	for i, c := range Columns {
		switch c {
		case "kode_desa", "rt", "no_kk", "nama_kk":
			cols = append(cols, fmt.Sprintf("%d/2", i+1)) // 2: text
		}
	}
	return fmt.Sprintf("CSV:%d,34,76,1,%s,1057", sep, strings.Join(cols, "/"))
}

// Convert saves the CSV at csvPath as the workbook xlsxPath.
//
// With Chunk set, the CSV is cut into pieces of Chunk records, each saved
// by LibreOffice, and the workbooks are joined: rows renumbered, the
// shared-string tables merged in order of first use (LibreOffice's own
// order), the column widths the widest of the pieces (LibreOffice's optimal
// width), every other part the first piece's. Each cell is then exactly as
// LibreOffice wrote it, and the file what it would write for the whole CSV,
// without its memory: converting a million rows at once needs over 10 GB.
// The join refuses pieces whose styles or sheet settings differ.
func (lo LibreOffice) Convert(csvPath, xlsxPath string) error {
	if lo.Soffice == "" {
		p, err := FindSoffice()
		if err != nil {
			return err
		}
		lo.Soffice = p
	}
	tmp, err := os.MkdirTemp(filepath.Dir(xlsxPath), ".lo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if lo.Profile == "" {
		lo.Profile = filepath.Join(tmp, "profile")
	}
	base := strings.TrimSuffix(filepath.Base(csvPath), filepath.Ext(csvPath))
	if lo.Chunk <= 0 {
		out, err := lo.soffice(csvPath, tmp)
		if err != nil {
			return err
		}
		return os.Rename(out, xlsxPath)
	}
	parts, err := lo.split(csvPath, tmp, base)
	if err != nil {
		return err
	}
	var books []string
	for i, p := range parts {
		if lo.Log != nil {
			fmt.Fprintf(lo.Log, "libreoffice: piece %d of %d\n", i+1, len(parts))
		}
		out, err := lo.soffice(p, filepath.Dir(p))
		if err != nil {
			return err
		}
		books = append(books, out)
	}
	if lo.Log != nil {
		fmt.Fprintf(lo.Log, "libreoffice: joining %d workbooks\n", len(books))
	}
	if err := joinWorkbooks(books, xlsxPath+".tmp"); err != nil {
		os.Remove(xlsxPath + ".tmp")
		return err
	}
	return os.Rename(xlsxPath+".tmp", xlsxPath)
}

// soffice converts one CSV into outDir and returns the workbook's path.
func (lo LibreOffice) soffice(csvPath, outDir string) (string, error) {
	prof, err := filepath.Abs(lo.Profile)
	if err != nil {
		return "", err
	}
	cmd := exec.Command(lo.Soffice, "-env:UserInstallation=file://"+filepath.ToSlash(prof), "--headless",
		"--infilter="+lo.filterOptions(), "--convert-to", "xlsx", "--outdir", outDir, csvPath)
	out, err := cmd.CombinedOutput()
	book := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(csvPath), filepath.Ext(csvPath))+".xlsx")
	if err != nil {
		return "", fmt.Errorf("soffice: %v\n%s", err, out)
	}
	// soffice exits 0 when it cannot load the file; the workbook says.
	if _, err := os.Stat(book); err != nil {
		return "", fmt.Errorf("soffice wrote no %s:\n%s", book, out)
	}
	return book, nil
}

// split cuts the CSV into pieces of lo.Chunk records, each in its own
// folder under the CSV's own name, so that every workbook names its sheet
// as the whole one would. Records are rewritten by encoding/csv, which
// quotes as the generator does.
func (lo LibreOffice) split(csvPath, dir, base string) ([]string, error) {
	f, err := os.Open(csvPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	if lo.Comma != 0 {
		r.Comma = lo.Comma
	}
	var parts []string
	var out *os.File
	var bw *bufio.Writer
	var w *csv.Writer
	closePart := func() error {
		if out == nil {
			return nil
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		return out.Close()
	}
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if n%lo.Chunk == 0 {
			if err := closePart(); err != nil {
				return nil, err
			}
			pd := filepath.Join(dir, fmt.Sprintf("part%03d", len(parts)))
			if err := os.Mkdir(pd, 0o755); err != nil {
				return nil, err
			}
			p := filepath.Join(pd, base+".csv")
			if out, err = os.Create(p); err != nil {
				return nil, err
			}
			bw = bufio.NewWriterSize(out, 1<<20)
			w = csv.NewWriter(bw)
			if lo.Comma != 0 {
				w.Comma = lo.Comma
			}
			parts = append(parts, p)
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	return parts, closePart()
}

const (
	sheetName = "xl/worksheets/sheet1.xml"
	sstName   = "xl/sharedStrings.xml"
)

var (
	reDimension = regexp.MustCompile(`<dimension ref="A1:([A-Z]+)(\d+)"/>`)
	reCols      = regexp.MustCompile(`<cols>.*?</cols>`)
	reCol       = regexp.MustCompile(`<col ([^>]*)max="(\d+)" min="(\d+)"([^>]*) width="([\d.]+)"/>`)
	reSSTHead   = regexp.MustCompile(`^(?s)(.*?<sst [^>]*count=")(\d+)(" uniqueCount=")(\d+)(">)`)
)

// piece is what the join needs of one LibreOffice workbook.
type piece struct {
	zr          *zip.ReadCloser
	head, tail  string // the sheet before <sheetData> and after </sheetData>
	rows        int    // the last row number
	lastCol     string // of the dimension
	sstCount    int
	sst         [][]byte // the <si> elements, raw
	colAttrs    []string // per column: the <col> attributes but width
	widths      []float64
	widthsText  []string
	sheetHeader string // head with dimension and cols blanked, to compare
}

// joinWorkbooks joins LibreOffice's workbooks of consecutive pieces of one
// CSV into one workbook at out.
func joinWorkbooks(paths []string, out string) error {
	var ps []*piece
	defer func() {
		for _, p := range ps {
			p.zr.Close()
		}
	}()
	for _, path := range paths {
		p, err := readPiece(path)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		ps = append(ps, p)
	}
	first := ps[0]
	for i, p := range ps[1:] {
		if p.sheetHeader != first.sheetHeader || p.tail != first.tail || p.lastCol != first.lastCol || len(p.widths) != len(first.widths) {
			return fmt.Errorf("piece %d: sheet settings differ from the first piece's; convert in one piece", i+2)
		}
		for _, name := range []string{"xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"} {
			a, err := readEntry(first.zr, name)
			if err != nil {
				return err
			}
			b, err := readEntry(p.zr, name)
			if err != nil {
				return err
			}
			if !bytes.Equal(a, b) {
				return fmt.Errorf("piece %d: %s differs from the first piece's; convert in one piece", i+2, name)
			}
		}
	}
	// The shared strings in order of first use across the pieces: a piece's
	// own table is in its order of first use, so its new strings, in its
	// order, follow all those of earlier pieces.
	index := map[string]int{}
	var sst [][]byte
	remap := make([][]int, len(ps))
	count, total := 0, 0
	for k, p := range ps {
		remap[k] = make([]int, len(p.sst))
		for i, si := range p.sst {
			g, ok := index[string(si)]
			if !ok {
				g = len(sst)
				index[string(si)] = g
				sst = append(sst, si)
			}
			remap[k][i] = g
		}
		count += p.sstCount
		total += p.rows
		p.sst = nil
	}
	index = nil
	// LibreOffice's optimal width is the widest cell's: the widest of the
	// pieces, written back as the piece that had it wrote it.
	widths, texts := slices.Clone(first.widths), slices.Clone(first.widthsText)
	for _, p := range ps[1:] {
		for c, w := range p.widths {
			if w > widths[c] {
				widths[c], texts[c] = w, p.widthsText[c]
			}
		}
	}
	head := reDimension.ReplaceAllString(first.head, fmt.Sprintf(`<dimension ref="A1:%s%d"/>`, first.lastCol, total))
	head = reCols.ReplaceAllLiteralString(head, colsXML(first.colAttrs, texts))

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	// archive/zip deflates at level 5; Go's level 6 comes nearest the size
	// of LibreOffice's zlib (within 1% on its sheets), so the reader and
	// the floor inflate what they would inflate from LibreOffice.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, 6)
	})
	for _, zf := range first.zr.File {
		hdr := zf.FileHeader
		hdr.CompressedSize64, hdr.UncompressedSize64, hdr.CRC32, hdr.Extra = 0, 0, 0, nil
		w, err := zw.CreateHeader(&hdr)
		if err != nil {
			return err
		}
		switch zf.Name {
		case sheetName:
			if _, err := io.WriteString(w, head); err != nil {
				return err
			}
			offset := 0
			for k, p := range ps {
				if err := copyRows(w, p, offset, remap[k]); err != nil {
					return err
				}
				offset += p.rows
			}
			if _, err := io.WriteString(w, "</sheetData>"+first.tail); err != nil {
				return err
			}
		case sstName:
			raw, err := readEntry(first.zr, sstName)
			if err != nil {
				return err
			}
			m := reSSTHead.FindSubmatch(raw)
			if m == nil {
				return fmt.Errorf("%s: no <sst count uniqueCount>", sstName)
			}
			fmt.Fprintf(w, "%s%d%s%d%s", m[1], count, m[3], len(sst), m[5])
			for _, si := range sst {
				if _, err := w.Write(si); err != nil {
					return err
				}
			}
			if _, err := io.WriteString(w, "</sst>"); err != nil {
				return err
			}
		default:
			rc, err := zf.Open()
			if err != nil {
				return err
			}
			_, err = io.Copy(w, rc)
			rc.Close()
			if err != nil {
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func readEntry(zr *zip.ReadCloser, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(rc)
		}
	}
	return nil, fmt.Errorf("no %s", name)
}

func openEntry(zr *zip.ReadCloser, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name == name {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("no %s", name)
}

// readPiece reads a workbook's shared strings and its sheet's settings,
// and counts its rows.
func readPiece(path string) (*piece, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	p := &piece{zr: zr}
	raw, err := readEntry(zr, sstName)
	if err != nil {
		return p, err
	}
	m := reSSTHead.FindSubmatch(raw)
	if m == nil {
		return p, fmt.Errorf("%s: no <sst count uniqueCount>", sstName)
	}
	p.sstCount, _ = strconv.Atoi(string(m[2]))
	rest := raw[len(m[0]):]
	for {
		i := bytes.Index(rest, []byte("</si>"))
		if i < 0 {
			break
		}
		p.sst = append(p.sst, rest[:i+len("</si>")])
		rest = rest[i+len("</si>"):]
	}
	if n, _ := strconv.Atoi(string(m[4])); n != len(p.sst) {
		return p, fmt.Errorf("%s: uniqueCount %d but %d strings", sstName, n, len(p.sst))
	}
	rc, err := openEntry(zr, sheetName)
	if err != nil {
		return p, err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	var head strings.Builder
	for !strings.HasSuffix(head.String(), "<sheetData>") {
		b, err := br.ReadSlice('>')
		if err != nil {
			return p, fmt.Errorf("%s: no <sheetData>: %v", sheetName, err)
		}
		head.Write(b)
	}
	p.head = head.String()
	dm := reDimension.FindStringSubmatch(p.head)
	if dm == nil {
		return p, fmt.Errorf("%s: no dimension", sheetName)
	}
	p.lastCol = dm[1]
	p.rows, _ = strconv.Atoi(dm[2])
	cols := reCols.FindString(p.head)
	for _, cm := range reCol.FindAllStringSubmatch(cols, -1) {
		lo, _ := strconv.Atoi(cm[3])
		hi, _ := strconv.Atoi(cm[2])
		w, _ := strconv.ParseFloat(cm[5], 64)
		for c := lo; c <= hi; c++ {
			p.colAttrs = append(p.colAttrs, cm[1]+"\x00"+cm[4])
			p.widths = append(p.widths, w)
			p.widthsText = append(p.widthsText, cm[5])
		}
	}
	p.sheetHeader = reCols.ReplaceAllString(reDimension.ReplaceAllString(p.head, ""), "")
	// The tail, everything after </sheetData>, is short: only the end of
	// the sheet is kept while it is read.
	var end []byte
	buf := make([]byte, 1<<20)
	for {
		n, err := br.Read(buf)
		end = append(end, buf[:n]...)
		if len(end) > 1<<20 {
			end = append(end[:0], end[len(end)-64<<10:]...)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return p, err
		}
	}
	i := bytes.LastIndex(end, []byte("</sheetData>"))
	if i < 0 {
		return p, fmt.Errorf("%s: no </sheetData>", sheetName)
	}
	p.tail = string(end[i+len("</sheetData>"):])
	return p, nil
}

// colsXML writes the <cols> element as LibreOffice does: neighbouring
// columns of the same width in one <col min max>.
func colsXML(attrs, widths []string) string {
	var b strings.Builder
	b.WriteString("<cols>")
	for c := 0; c < len(attrs); {
		e := c
		for e+1 < len(attrs) && attrs[e+1] == attrs[c] && widths[e+1] == widths[c] {
			e++
		}
		pre, post, _ := strings.Cut(attrs[c], "\x00")
		fmt.Fprintf(&b, `<col %smax="%d" min="%d"%s width="%s"/>`, pre, e+1, c+1, post, widths[c])
		c = e + 1
	}
	b.WriteString("</cols>")
	return b.String()
}

// copyRows copies a piece's rows, renumbered after offset rows, with its
// shared-string indices mapped to the joined table's. LibreOffice writes
// every tag on its own, so the sheet is read a tag at a time.
func copyRows(w io.Writer, p *piece, offset int, remap []int) error {
	rc, err := openEntry(p.zr, sheetName)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	bw := bufio.NewWriterSize(w, 1<<20)
	in := false // inside <sheetData>
	shared := false
	var num []byte
	for {
		tok, err := br.ReadSlice('>')
		if err != nil {
			return fmt.Errorf("%s: %v", sheetName, err)
		}
		if !in {
			in = bytes.HasSuffix(tok, []byte("<sheetData>"))
			continue
		}
		switch {
		case bytes.HasPrefix(tok, []byte("</sheetData>")):
			return bw.Flush()
		case bytes.HasPrefix(tok, []byte(`<row r="`)):
			n, rest, err := number(tok[len(`<row r="`):])
			if err != nil {
				return err
			}
			bw.WriteString(`<row r="`)
			bw.WriteString(strconv.Itoa(n + offset))
			bw.Write(rest)
		case bytes.HasPrefix(tok, []byte(`<c r="`)):
			ref := tok[len(`<c r="`):]
			l := 0
			for l < len(ref) && ref[l] >= 'A' && ref[l] <= 'Z' {
				l++
			}
			n, rest, err := number(ref[l:])
			if err != nil {
				return err
			}
			bw.WriteString(`<c r="`)
			bw.Write(ref[:l])
			bw.WriteString(strconv.Itoa(n + offset))
			bw.Write(rest)
			shared = bytes.Contains(rest, []byte(`t="s"`))
		case shared && bytes.HasSuffix(tok, []byte("</v>")):
			v, err := strconv.Atoi(string(tok[:len(tok)-len("</v>")]))
			if err != nil || v < 0 || v >= len(remap) {
				return fmt.Errorf("%s: bad shared-string index %q", sheetName, tok)
			}
			num = strconv.AppendInt(num[:0], int64(remap[v]), 10)
			bw.Write(num)
			bw.WriteString("</v>")
		case bytes.Equal(tok, []byte("</c>")):
			shared = false
			bw.Write(tok)
		default:
			bw.Write(tok)
		}
	}
}

// number reads the decimal number that begins b.
func number(b []byte) (int, []byte, error) {
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(string(b[:i]))
	if err != nil {
		return 0, nil, fmt.Errorf("%s: bad row number in %q", sheetName, b)
	}
	return n, b[i:], nil
}
