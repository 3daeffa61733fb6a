package facts

import (
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// mdStructure is what the Markdown parser (goldmark, with the GFM table
// extension) finds in a document that lines alone do not show: headings,
// ATX or setext, and tables, each with byte offsets into the source.
type mdStructure struct {
	headings []mdHeading
	tables   []mdTable
}

// mdHeading is a heading's text: source[start:end], without its markers.
type mdHeading struct {
	start, end, level int
}

// mdTable is a GFM table: start is the header line's start, end the end
// of its last row's line.
type mdTable struct {
	start, end int
	header     []string
	rows       []mdRow
}

// mdRow is a body row: source[start:end] is the row as written, cells its
// cells' text.
type mdRow struct {
	start, end int
	cells      []string
}

// parseMarkdown reads the structure of src with goldmark. Only the
// top-level blocks and the blocks inside lists and quotes are walked:
// headings and tables do not nest deeper.
func parseMarkdown(src []byte) *mdStructure {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	doc := md.Parser().Parse(text.NewReader(src))
	st := &mdStructure{}
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Heading:
			if n.Lines().Len() > 0 {
				first, last := n.Lines().At(0), n.Lines().At(n.Lines().Len()-1)
				st.headings = append(st.headings, mdHeading{first.Start, last.Stop, n.Level})
			}
			return gast.WalkSkipChildren, nil
		case *east.Table:
			st.tables = append(st.tables, readTable(n, src))
			return gast.WalkSkipChildren, nil
		case *gast.Paragraph, *gast.FencedCodeBlock, *gast.CodeBlock, *gast.HTMLBlock:
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	return st
}

// readTable reads a table's header cells and body rows.
func readTable(t *east.Table, src []byte) mdTable {
	tab := mdTable{start: -1}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, cellText(c, src))
		}
		start := lineStart(src, rowPos(r))
		end := lineEnd(src, start)
		if _, isHeader := r.(*east.TableHeader); isHeader {
			tab.header = cells
			tab.start = start
		} else {
			tab.rows = append(tab.rows, mdRow{start, end, cells})
		}
		tab.end = end
	}
	if tab.start < 0 && len(tab.rows) > 0 {
		tab.start = tab.rows[0].start
	}
	return tab
}

// rowPos is where a row's line starts (goldmark records it as the row's
// position; a header holds its row's cells directly).
func rowPos(r gast.Node) int {
	if p := r.Pos(); p >= 0 {
		return p
	}
	if c := r.FirstChild(); c != nil && c.Lines().Len() > 0 {
		return c.Lines().At(0).Start
	}
	return 0
}

// cellText is a cell's text as written, with inline markup left for
// stripInline to read.
func cellText(c gast.Node, src []byte) string {
	var b strings.Builder
	for i := 0; i < c.Lines().Len(); i++ {
		s := c.Lines().At(i)
		b.Write(s.Value(src))
	}
	return stripInline(strings.ReplaceAll(strings.TrimSpace(b.String()), `\|`, "|"))
}

func lineStart(src []byte, i int) int {
	i = min(max(i, 0), len(src))
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

// lineEnd is the end of the line starting at i, before "\r\n" or "\n".
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i > 0 && src[i-1] == '\r' {
		i--
	}
	return i
}

// stripInline removes emphasis and code markers from a short text such as
// a heading or a cell: "**Autolyse:**" reads "Autolyse:".
func stripInline(s string) string {
	if !strings.ContainsAny(s, "*_`") {
		return s
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '*', '`':
			return -1
		case '_':
			return ' '
		}
		return r
	}, s))
}

// rowDisplay is a table row quoted readably, each cell with its column's
// name: "Stage: Autolyse; Time: 45 minutes; Temperature: room temperature".
func rowDisplay(header, cells []string) string {
	var b strings.Builder
	for i, c := range cells {
		if c == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		if i < len(header) && header[i] != "" {
			b.WriteString(header[i])
			b.WriteString(": ")
		}
		b.WriteString(c)
	}
	return b.String()
}
