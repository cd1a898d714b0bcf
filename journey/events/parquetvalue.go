package events

import (
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// cellState says what a Parquet value became.
type cellState uint8

const (
	cellText    cellState = iota // text
	cellNull                     // null: an empty cell
	cellInvalid                  // text that is not UTF-8: the row is skipped
)

// leafType says how the values of a leaf column are written as text, as a CSV export of
// the same rows would hold them: integers in decimal, DECIMAL with its scale, BOOLEAN as
// true or false, DATE as YYYY-MM-DD, TIMESTAMP in RFC 3339 (with Z when adjusted to UTC,
// without a zone when not), UUID in its usual form, text as it is.
type leafType struct {
	kind     parquet.Kind
	logical  format.LogicalTypeValue // nil for none
	scale    int                     // of a DECIMAL
	unsigned bool
}

// newLeafType reads a leaf column's type.
func newLeafType(t parquet.Type) leafType {
	lt := leafType{kind: t.Kind()}
	if l := t.LogicalType(); l != nil {
		lt.logical = l.Value
	}
	switch l := lt.logical.(type) {
	case *format.DecimalType:
		lt.scale = int(l.Scale)
	case *format.IntType:
		lt.unsigned = !l.IsSigned
	}
	return lt
}

// timeKind says whether a leaf column holds times as such.
type timeKind uint8

const (
	timeText    timeKind = iota // not a time type: its text is parsed as CSV cells are
	timeInstant                 // TIMESTAMP adjusted to UTC: an instant
	timeLocal                   // TIMESTAMP not adjusted to UTC, INT96: a time without a zone
	timeDate                    // DATE: a day, midnight without a zone
)

// timeKind tells what kind of time the column holds.
func (lt leafType) timeKind() timeKind {
	switch l := lt.logical.(type) {
	case *format.TimestampType:
		if l.IsAdjustedToUTC {
			return timeInstant
		}
		return timeLocal
	case *format.DateType:
		if lt.kind == parquet.Int32 {
			return timeDate
		}
	}
	if lt.kind == parquet.Int96 {
		return timeLocal
	}
	return timeText
}

// unitNanos returns the nanoseconds of one step of a TIMESTAMP or TIME column.
func (lt leafType) unitNanos() int64 {
	var u format.TimeUnit
	switch l := lt.logical.(type) {
	case *format.TimestampType:
		u = l.Unit
	case *format.TimeType:
		u = l.Unit
	}
	if u.Value == nil {
		return 1
	}
	return int64(u.Value.Duration())
}

// nanos returns the Unix nanoseconds (of an instant, or of a time without a zone read as
// if in UTC) of a value of a column with times as such; ok is false when it is out of range.
func (lt leafType) nanos(v parquet.Value) (int64, bool) {
	switch v.Kind() {
	case parquet.Int96:
		return int96Nanos(v.Int96())
	case parquet.Int32:
		if lt.timeKind() == timeDate {
			return int64(v.Int32()) * 86400e9, true
		}
	case parquet.Int64:
		if ns, ok := scaled(v.Int64(), lt.unitNanos()); ok {
			return ns, true
		}
		return v.Int64(), false
	}
	return 0, false
}

// scaled returns v times unit, or false when that overflows.
func scaled(v, unit int64) (int64, bool) {
	if v > math.MaxInt64/unit || v < math.MinInt64/unit {
		return 0, false
	}
	return v * unit, true
}

// julianUnixEpoch is the Julian day of 1970-01-01.
const julianUnixEpoch = 2440588

// int96Nanos reads an INT96 timestamp: nanoseconds of the day, then the Julian day.
func int96Nanos(v deprecated.Int96) (int64, bool) {
	day := int64(int32(v[2])) - julianUnixEpoch
	ofDay := int64(uint64(v[1])<<32 | uint64(v[0]))
	ns, ok := scaled(day, 86400e9)
	if !ok || ns > math.MaxInt64-ofDay {
		return 0, false
	}
	return ns + ofDay, true
}

// appendValue appends the text of a value that is not null.
func (lt leafType) appendValue(dst []byte, v parquet.Value) ([]byte, cellState) {
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.AppendBool(dst, v.Boolean()), cellText
	case parquet.Int32:
		if lt.unsigned {
			return lt.appendInt(dst, int64(uint32(v.Int32()))), cellText
		}
		return lt.appendInt(dst, int64(v.Int32())), cellText
	case parquet.Int64:
		return lt.appendInt(dst, v.Int64()), cellText
	case parquet.Int96:
		ns, ok := int96Nanos(v.Int96())
		if !ok {
			return append(dst, v.Int96().String()...), cellText
		}
		return appendTime(dst, ns, timeLocal), cellText
	case parquet.Float:
		return appendFloat(dst, float64(v.Float()), 32), cellText
	case parquet.Double:
		return appendFloat(dst, v.Double(), 64), cellText
	}
	return lt.appendBytes(dst, v.ByteArray())
}

// appendInt appends the text of an INT32 or INT64 value.
func (lt leafType) appendInt(dst []byte, v int64) []byte {
	switch l := lt.logical.(type) {
	case *format.DecimalType:
		return appendDecimal(dst, big.NewInt(v), lt.scale)
	case *format.DateType:
		return appendTime(dst, v*86400e9, timeDate)
	case *format.TimeType:
		ns, _ := scaled(v, lt.unitNanos())
		return time.Unix(0, ns).UTC().AppendFormat(dst, "15:04:05.999999999")
	case *format.TimestampType:
		ns, ok := scaled(v, lt.unitNanos())
		if !ok {
			return strconv.AppendInt(dst, v, 10)
		}
		if l.IsAdjustedToUTC {
			return appendTime(dst, ns, timeInstant)
		}
		return appendTime(dst, ns, timeLocal)
	}
	if lt.unsigned {
		return strconv.AppendUint(dst, uint64(v), 10)
	}
	return strconv.AppendInt(dst, v, 10)
}

// appendBytes appends the text of a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value.
func (lt leafType) appendBytes(dst, b []byte) ([]byte, cellState) {
	switch lt.logical.(type) {
	case *format.DecimalType:
		return appendDecimal(dst, signedBigEndian(b), lt.scale), cellText
	case *format.UUIDType:
		if len(b) == 16 {
			return appendUUID(dst, b), cellText
		}
	case *format.Float16Type:
		if len(b) == 2 {
			return appendFloat(dst, float64(float16(binary.LittleEndian.Uint16(b))), 32), cellText
		}
	}
	if !utf8.Valid(b) {
		return dst, cellInvalid
	}
	return append(dst, b...), cellText
}

// special reports whether byte arrays of the type are written other than as they are:
// DECIMAL, UUID and FLOAT16.
func (lt leafType) special() bool {
	switch lt.logical.(type) {
	case *format.DecimalType, *format.UUIDType, *format.Float16Type:
		return true
	}
	return false
}

// appendTime writes Unix nanoseconds as RFC 3339: with Z for an instant, without a zone for
// a time without one, and a day alone as YYYY-MM-DD.
func appendTime(dst []byte, ns int64, k timeKind) []byte {
	t := time.Unix(0, ns).UTC()
	switch k {
	case timeInstant:
		return t.AppendFormat(dst, "2006-01-02T15:04:05.999999999Z")
	case timeDate:
		return t.AppendFormat(dst, "2006-01-02")
	}
	return t.AppendFormat(dst, "2006-01-02T15:04:05.999999999")
}

// appendDecimal writes an unscaled value with scale digits after the point.
func appendDecimal(dst []byte, unscaled *big.Int, scale int) []byte {
	digits := unscaled.Text(10)
	neg := digits[0] == '-'
	if neg {
		dst, digits = append(dst, '-'), digits[1:]
	}
	if scale <= 0 {
		dst = append(dst, digits...)
		for range -scale {
			dst = append(dst, '0')
		}
		return dst
	}
	for len(digits) <= scale {
		digits = "0" + digits
	}
	dst = append(dst, digits[:len(digits)-scale]...)
	return append(append(dst, '.'), digits[len(digits)-scale:]...)
}

// signedBigEndian reads a big-endian two's complement integer.
func signedBigEndian(b []byte) *big.Int {
	v := new(big.Int).SetBytes(b)
	if len(b) > 0 && b[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return v
}

// appendUUID writes 16 bytes as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
func appendUUID(dst, b []byte) []byte {
	for i, part := range [][]byte{b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]} {
		if i > 0 {
			dst = append(dst, '-')
		}
		dst = hex.AppendEncode(dst, part)
	}
	return dst
}

// appendFloat writes a float as JSON does: the shortest text that reads back the same,
// with an exponent only for very small or large magnitudes.
func appendFloat(dst []byte, f float64, bits int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.AppendFloat(dst, f, 'g', -1, bits)
	}
	fmt := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmt = 'e'
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, fmt, -1, bits)
	if n := len(dst); fmt == 'e' && n-start >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
		dst[n-2] = dst[n-1]
		dst = dst[:n-1]
	}
	return dst
}

// float16 converts an IEEE 754 half-precision float.
func float16(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	frac := uint32(h) & 0x3ff
	switch {
	case exp == 0x1f:
		return math.Float32frombits(sign | 0xff<<23 | frac<<13)
	case exp == 0 && frac == 0:
		return math.Float32frombits(sign)
	case exp == 0:
		return float32(frac) / (1 << 24) * float32(1-2*int(h>>15))
	}
	return math.Float32frombits(sign | (exp+127-15)<<23 | frac<<13)
}

// numeric reports whether the text of the type's values is a JSON number (or true/false),
// which a list written as JSON leaves unquoted.
func (lt leafType) numeric(v parquet.Value) bool {
	switch v.Kind() {
	case parquet.Boolean, parquet.Int32, parquet.Int64:
		switch lt.logical.(type) {
		case *format.DateType, *format.TimeType, *format.TimestampType:
			return false
		}
		return true
	case parquet.Float:
		return !math.IsNaN(float64(v.Float())) && !math.IsInf(float64(v.Float()), 0)
	case parquet.Double:
		return !math.IsNaN(v.Double()) && !math.IsInf(v.Double(), 0)
	}
	_, decimal := lt.logical.(*format.DecimalType)
	return decimal
}
