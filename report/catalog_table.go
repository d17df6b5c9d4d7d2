package report

// The words of the terminal table's issue lines.
func init() {
	register(map[string]Text{
		"issue_line.sheet":  {ID: ", lembar {sheet}", EN: ", sheet {sheet}"},
		"issue_line.row":    {ID: ", baris {row}", EN: ", row {row}"},
		"issue_line.column": {ID: ", kolom {column}", EN: ", column {column}"},
		"issue_line.value":  {ID: ", nilai {value}", EN: ", value {value}"},
	})
}
