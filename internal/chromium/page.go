package chromium

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Navigate opens url in the page and waits until it has loaded.
func (b *Browser) Navigate(url string) error {
	var nav struct{ ErrorText string }
	if err := b.call(b.session, "Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return err
	}
	if nav.ErrorText != "" {
		return fmt.Errorf("navigating to %s: %s", url, nav.ErrorText)
	}
	q, _ := json.Marshal(url)
	return b.WaitFor(fmt.Sprintf("location.href === %s && document.readyState === 'complete'", q), Timeout)
}

// Eval evaluates a JavaScript expression in the page and stores its value in result.
func (b *Browser) Eval(expr string, result any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	params := map[string]any{"expression": expr, "returnByValue": true}
	if err := b.call(b.session, "Runtime.evaluate", params, &res); err != nil {
		return err
	}
	if res.ExceptionDetails != nil {
		return fmt.Errorf("evaluating %q: %s", expr, res.ExceptionDetails.Text)
	}
	if result == nil || res.Result.Value == nil {
		return nil
	}
	return json.Unmarshal(res.Result.Value, result)
}

// WaitFor evaluates a JavaScript condition every 50 ms until it is true, or fails after
// timeout.
func (b *Browser) WaitFor(cond string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		err := b.Eval("!!("+cond+")", &ok)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.Join(fmt.Errorf("waited %s for %s", timeout, cond), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// AccessibleNames returns the names Chromium gives assistive technology for the page's
// elements of a role ("image", "heading"), in document order, leaving out ignored ones.
func (b *Browser) AccessibleNames(role string) ([]string, error) {
	type value struct {
		Value string `json:"value"`
	}
	var tree struct {
		Nodes []struct {
			Ignored bool   `json:"ignored"`
			Role    *value `json:"role"`
			Name    *value `json:"name"`
		} `json:"nodes"`
	}
	if err := b.call(b.session, "Accessibility.getFullAXTree", map[string]any{}, &tree); err != nil {
		return nil, err
	}
	var names []string
	for _, n := range tree.Nodes {
		if !n.Ignored && n.Role != nil && n.Role.Value == role {
			name := ""
			if n.Name != nil {
				name = n.Name.Value
			}
			names = append(names, name)
		}
	}
	return names, nil
}

// Events returns the events with the given method received so far, like
// "Network.requestWillBeSent" or "Log.entryAdded".
func (b *Browser) Events(method string) []Event {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []Event
	for _, e := range b.events {
		if e.Method == method {
			out = append(out, e)
		}
	}
	return out
}

// Requests returns the URL of every request the page made so far, in order.
func (b *Browser) Requests() []string {
	var out []string
	for _, e := range b.Events("Network.requestWillBeSent") {
		var p struct {
			Request struct{ URL string } `json:"request"`
		}
		if json.Unmarshal(e.Params, &p) == nil {
			out = append(out, p.Request.URL)
		}
	}
	return out
}

// EmulateMedia makes the page use the CSS of media type "print" or "screen".
func (b *Browser) EmulateMedia(media string) error {
	return b.call(b.session, "Emulation.setEmulatedMedia", map[string]any{"media": media}, nil)
}

// DisableScripts turns off the page's JavaScript, as a mail reader or a careful browser
// does; Eval still works.
func (b *Browser) DisableScripts() error {
	return b.call(b.session, "Emulation.setScriptExecutionDisabled", map[string]any{"value": true}, nil)
}

// Problems returns what the page complained about so far: uncaught exceptions, and log
// entries of level error or warning (a refused Content-Security-Policy among them).
func (b *Browser) Problems() []string {
	var out []string
	for _, e := range b.Events("Runtime.exceptionThrown") {
		out = append(out, "exception: "+string(e.Params))
	}
	for _, e := range b.Events("Log.entryAdded") {
		var p struct {
			Entry struct{ Level, Text, URL string } `json:"entry"`
		}
		if json.Unmarshal(e.Params, &p) == nil && (p.Entry.Level == "error" || p.Entry.Level == "warning") {
			out = append(out, p.Entry.Level+": "+p.Entry.Text+" "+p.Entry.URL)
		}
	}
	return out
}
