package attribution

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Report is the result of an attribution. Its JSON encoding is the contract of `journey
// attribute --format json` (SPEC section 6).
type Report struct {
	Journey string `json:"journey"`
	// By is what touches are grouped by: channel, owner, stage or touchpoint.
	By string `json:"by"`
	// Paths counts the users with a mapped event; Conversions those who reached a goal.
	Paths       int64 `json:"paths"`
	Conversions int64 `json:"conversions"`
	// Value is what the conversions are worth: their number, or with a value column the
	// sum of their values.
	Value float64 `json:"value"`
	// Touches is the sum of the channels' touches, (direct) included.
	Touches int64 `json:"touches"`
	// Markov holds the chain's conversion probability and the removal effects; nil when
	// the Markov model was not asked for.
	Markov   *MarkovResult `json:"markov"`
	Channels []Channel     `json:"channels"`
	// Models are the models computed, in Models order; ValueColumn is the column values
	// came from, "" for none. Neither is part of the JSON contract.
	Models      []string `json:"-"`
	ValueColumn string   `json:"-"`
}

// MarkovResult is the Markov model's chain: P, the probability of conversion from
// (start), and each channel's removal effect.
type MarkovResult struct {
	P              float64 `json:"p"`
	RemovalEffects Numbers `json:"removal_effects"`
}

// Channel is one channel's touches and, per model, its credited conversions and value.
type Channel struct {
	Channel string  `json:"channel"`
	Touches int64   `json:"touches"`
	Credit  Numbers `json:"credit"`
	Value   Numbers `json:"value"`
}

// Number is one key of a Numbers object.
type Number struct {
	Key   string
	Value float64
}

// Numbers is a JSON object of numbers that keeps its keys in order (models in Models
// order, channels in the report's order), so that the output reads the way the table does.
type Numbers []Number

// Get returns the number under key, and whether there is one.
func (n Numbers) Get(key string) (float64, bool) {
	for _, x := range n {
		if x.Key == key {
			return x.Value, true
		}
	}
	return 0, false
}

// MarshalJSON writes the numbers as one object, in order.
func (n Numbers) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, x := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		k, err := json.Marshal(x.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(x.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteString(": ")
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object of numbers, keeping the order of its keys.
func (n *Numbers) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("numbers: want an object, got %s", data)
	}
	*n = (*n)[:0]
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v float64
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*n = append(*n, Number{Key: t.(string), Value: v})
	}
	_, err := dec.Token()
	return err
}
