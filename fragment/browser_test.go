package fragment

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/facts"
	"github.com/storybot/storybot/story"
)

// A real browser, opened at a citation's link to a page made from the
// document, scrolls the cited sentence into view. Skipped where Chromium
// is not installed or cannot run (apt-get install chromium).
func TestBrowserScrollsToTheCitedSentence(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium found (apt-get install chromium): the browser test is skipped")
	}
	pages := map[string]string{}
	var links []string
	add := func(name string, raw []byte, pick func(n int) []int) {
		d, err := facts.Parse(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		p := NewPage(string(d.Raw), strings.HasSuffix(name, ".md"))
		for _, i := range pick(len(d.Sentences)) {
			s := d.Sentences[i]
			dir, ok := p.For(int(s.Start), int(s.End))
			if !ok {
				t.Fatalf("%s: no link for sentence %d", name, s.N)
			}
			path := fmt.Sprintf("/%s-%d.html", strings.TrimSuffix(name, filepath.Ext(name)), s.N)
			pages[path] = htmlPage(p, int(s.Start), int(s.End))
			links = append(links, path+dir.String())
		}
	}
	add("story.txt", story.Text, func(n int) []int { return []int{0, 10, n - 1} })
	if raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "eval", "dev", "recipe-blog.md")); err == nil {
		add("recipe-blog.md", raw, func(n int) []int { return []int{n / 2} })
	}
	base := serve(t, pages)
	for _, link := range links {
		scrollY, top, height, err := openAt(browser, base+link)
		if err != nil {
			t.Skipf("Chromium cannot run here: %v", err)
		}
		if scrollY <= 0 || top < 0 || top >= height {
			t.Errorf("%s: scrolled to %v, sentence at %v of a %v-pixel view: not in view", link, scrollY, top, height)
		}
	}
}

func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// htmlPage shows the page's text as paragraphs, between tall spacers so
// that no sentence is in view before the browser scrolls, with the bytes
// [start, end) of the document in a span#target and a script that reports
// where that span is once the page has settled.
func htmlPage(p *Page, start, end int) string {
	i, j, _ := p.runeSpan(start, end)
	var b strings.Builder
	b.WriteString("<!doctype html><meta charset=utf-8><body><div style=\"height:3000px\"></div><p>")
	for k, r := range p.orig {
		if k == i {
			b.WriteString("<span id=target>")
		}
		b.WriteString(html.EscapeString(string(r)))
		if k == j-1 {
			b.WriteString("</span>")
		}
	}
	b.WriteString("</p><div style=\"height:3000px\"></div><pre id=out>none</pre><script>setTimeout(function(){" +
		"var r=document.getElementById('target').getBoundingClientRect();" +
		"document.getElementById('out').textContent='SCROLL '+scrollY+' '+r.top+' '+innerHeight;},1500);</script>")
	return b.String()
}

// serve serves pages on 127.0.0.1 for the test's duration.
func serve(t *testing.T, pages map[string]string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.1: %v", err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

var scrollReport = regexp.MustCompile(`SCROLL ([-0-9.]+) ([-0-9.]+) ([0-9.]+)`)

// openAt loads url in headless Chromium and reads the page's report of
// its scroll position and the target's place in the view.
func openAt(browser, url string) (scrollY, top, height float64, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	profile, err := os.MkdirTemp("", "storybot-chromium-")
	if err != nil {
		return 0, 0, 0, err
	}
	defer os.RemoveAll(profile)
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--window-size=1000,800", "--virtual-time-budget=5000", "--dump-dom", url)
	out, err := cmd.Output()
	m := scrollReport.FindSubmatch(out)
	if m == nil {
		return 0, 0, 0, fmt.Errorf("no scroll report (%v): %.200s", err, out)
	}
	scrollY, _ = strconv.ParseFloat(string(m[1]), 64)
	top, _ = strconv.ParseFloat(string(m[2]), 64)
	height, _ = strconv.ParseFloat(string(m[3]), 64)
	return scrollY, top, height, nil
}
