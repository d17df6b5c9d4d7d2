package report

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// imageDefaults are the content types excelize adds when a sheet gets a
// drawing. It adds the missing ones from a map, in random order, which would
// make two runs' workbooks differ; listing them all beforehand, in this
// order, leaves it nothing to add.
var imageDefaults = []string{"bmp", "emf", "emz", "gif", "ico", "jpeg", "png", "svg", "tiff", "wmf", "wmz"}

var imagePrefix = map[string]string{"ico": "image/x-", "emf": "image/x-", "wmf": "image/x-", "emz": "image/x-", "wmz": "image/x-"}

// newDeterministicFile returns an empty workbook whose bytes do not depend
// on map order, opened with opts (the folder for its temporary files).
func newDeterministicFile(opts ...excelize.Options) (*excelize.File, error) {
	blank := excelize.NewFile()
	var buf bytes.Buffer
	_, err := blank.WriteTo(&buf)
	blank.Close()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if zf.Name == "[Content_Types].xml" {
			data = withImageDefaults(data)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zf.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return excelize.OpenReader(&out, opts...)
}

// withImageDefaults adds every image Default, in a fixed order, to a
// [Content_Types].xml part, keeping those it already has.
func withImageDefaults(ct []byte) []byte {
	s := string(ct)
	var add strings.Builder
	for _, ext := range imageDefaults {
		if strings.Contains(s, `Extension="`+ext+`"`) {
			continue
		}
		prefix := imagePrefix[ext]
		if prefix == "" {
			prefix = "image/"
		}
		add.WriteString(`<Default Extension="` + ext + `" ContentType="` + prefix + ext + `"/>`)
	}
	i := strings.Index(s, "<Types")
	if i < 0 {
		return ct
	}
	j := strings.Index(s[i:], ">")
	if j < 0 {
		return ct
	}
	at := i + j + 1
	return []byte(s[:at] + add.String() + s[at:])
}
