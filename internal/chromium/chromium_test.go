package chromium

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestBrowser loads a page from a local server and reads its DOM and its requests.
func TestBrowser(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!DOCTYPE html><title>t</title><p id="x">hello</p><img src="/missing.png">`))
	}))
	defer srv.Close()
	b := Start(t)
	if err := b.Navigate(srv.URL + "/"); err != nil {
		t.Fatal(err)
	}
	var text string
	if err := b.Eval(`document.getElementById("x").textContent`, &text); err != nil || text != "hello" {
		t.Fatalf("text = %q, %v", text, err)
	}
	if err := b.WaitFor(`document.title === "t"`, Timeout); err != nil {
		t.Fatal(err)
	}
	got := b.Requests() // Chromium may ask for /favicon.ico as well
	if len(got) < 2 || got[0] != srv.URL+"/" || got[1] != srv.URL+"/missing.png" {
		t.Errorf("requests = %q, want the page and its image first", got)
	}
	if err := b.Eval(`no.such.thing`, nil); err == nil {
		t.Error("an exception in the page should be an error")
	}
}
