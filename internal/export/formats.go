package export

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/dyadhq/dyad/pkg/contract"
)

// csvWriter writes the event or quote table with a header row.
type csvWriter struct {
	w     *csv.Writer
	table string
	rec   []string
}

func newCSV(w io.Writer, table string) (*csvWriter, error) {
	c := &csvWriter{w: csv.NewWriter(w), table: table}
	var header []string
	if table == "quotes" {
		header = columns(reflect.TypeOf(Quote{}))
	} else {
		header = columns(reflect.TypeOf(Event{}))
	}
	return c, c.w.Write(header)
}

// columns lists the csv tags of a row type.
func columns(t reflect.Type) []string {
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Tag.Get("csv")
	}
	return out
}

func (c *csvWriter) Write(d *contract.Document) error {
	if c.table == "quotes" {
		for _, q := range Quotes(d) {
			if err := c.row(reflect.ValueOf(q)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, e := range Events(d) {
		if err := c.row(reflect.ValueOf(e)); err != nil {
			return err
		}
	}
	return nil
}

func (c *csvWriter) row(v reflect.Value) error {
	c.rec = c.rec[:0]
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		var s string
		switch f.Kind() {
		case reflect.String:
			s = cell(f.String())
		case reflect.Int32:
			s = strconv.FormatInt(f.Int(), 10)
		case reflect.Float64:
			s = strconv.FormatFloat(f.Float(), 'f', -1, 64)
		case reflect.Bool:
			s = strconv.FormatBool(f.Bool())
		default:
			panic("export: unexpected field kind " + f.Kind().String())
		}
		c.rec = append(c.rec, s)
	}
	return c.w.Write(c.rec)
}

// cell keeps a spreadsheet from reading text as a formula (text from news
// can start with "=", "+", "-" or "@"): such a cell gets a leading "'",
// which spreadsheets show as text and do not display.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// GDELTColumns are the 61 columns of a GDELT 2.0 event table, in order.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// gdeltWriter writes tab-separated GDELT 2.0 event rows without a header,
// as GDELT's files are. What dyad does not know (ethnic, religion and
// known-group codes, tone, geography) is left empty; GlobalEventID numbers
// the rows of this export from 1.
type gdeltWriter struct {
	w    io.Writer
	buf  *bufio.Writer
	next int64
}

func (g *gdeltWriter) Write(d *contract.Document) error {
	if g.buf == nil {
		g.buf = bufio.NewWriter(g.w)
	}
	added := gdeltDateAdded(d.Published)
	url := d.URL
	if url == "" {
		url = d.ID
	}
	for _, e := range Events(d) {
		g.next++
		f := make([]string, len(GDELTColumns))
		f[0] = strconv.FormatInt(g.next, 10)
		if t, err := time.Parse(time.DateOnly, e.Date); err == nil {
			f[1] = t.Format("20060102")
			f[2] = t.Format("200601")
			f[3] = t.Format("2006")
			// GDELT's fraction: (month*30 + day) / 365.
			f[4] = strconv.FormatFloat(float64(t.Year())+float64(int(t.Month())*30+t.Day())/365, 'f', 4, 64)
		}
		actor(f[5:15], e.SourceCode, e.SourceCountry, cmp.Or(e.SourceName, e.SourceText))
		actor(f[15:25], e.TargetCode, e.TargetCountry, cmp.Or(e.TargetName, e.TargetText))
		if e.Paragraph == 0 {
			f[25] = "1"
		} else {
			f[25] = "0"
		}
		f[26] = e.CameoCode
		f[27] = e.CameoCode
		if len(f[27]) > 3 {
			f[27] = f[27][:3]
		}
		f[28] = e.CameoRoot
		f[29] = strconv.Itoa(int(e.QuadClass))
		f[30] = strconv.FormatFloat(e.Goldstein, 'f', -1, 64)
		f[31] = strconv.Itoa(int(e.Mentions))
		f[32], f[33] = "1", "1"
		f[52] = e.Location
		f[59] = added
		f[60] = url
		for i := range f {
			f[i] = field(f[i])
		}
		if _, err := g.buf.WriteString(strings.Join(f, "\t") + "\n"); err != nil {
			return err
		}
	}
	return nil
}

// actor fills the ten actor columns: code, name, country, known group,
// ethnic, religion 1 and 2, types 1 to 3 (the three-letter blocks of the
// code after its country).
func actor(f []string, code, country, text string) {
	f[0] = code
	f[1] = strings.ToUpper(text)
	f[2] = country
	rest := code
	if country != "" && strings.HasPrefix(code, country) {
		rest = code[len(country):]
	} else {
		rest = ""
	}
	for i := 0; i < 3 && len(rest) >= 3; i++ {
		f[7+i], rest = rest[:3], rest[3:]
	}
}

// gdeltDateAdded is YYYYMMDDHHMMSS of the publication time (midnight for a
// bare date), "" when unknown.
func gdeltDateAdded(published string) string {
	if t, err := time.Parse(time.RFC3339, published); err == nil {
		return t.UTC().Format("20060102150405")
	}
	if len(published) >= 10 {
		if t, err := time.Parse(time.DateOnly, published[:10]); err == nil {
			return t.Format("20060102") + "000000"
		}
	}
	return ""
}

// field makes text safe for a tab-separated line.
func field(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

func (g *gdeltWriter) Close() error {
	if g.buf == nil {
		return nil
	}
	return g.buf.Flush()
}

// petrarchWriter writes events as PETRARCH writes them: tab-separated
// date (YYYYMMDD), source, target, CAMEO code, issues (ISSUE,COUNT;...),
// ids (story-sentence, sentences from 1), then the URL when the story has
// one, then the story's source ("NULL" when unknown).
type petrarchWriter struct {
	w   io.Writer
	buf *bufio.Writer
}

func (p *petrarchWriter) Write(d *contract.Document) error {
	if p.buf == nil {
		p.buf = bufio.NewWriter(p.w)
	}
	src := d.Source
	if src == "" {
		src = "NULL"
	}
	for _, e := range Events(d) {
		issues := make([]string, 0)
		if e.Issues != "" {
			for _, is := range strings.Split(e.Issues, ";") {
				issues = append(issues, is+",1")
			}
		}
		f := []string{strings.ReplaceAll(e.Date, "-", ""), e.SourceCode, e.TargetCode, e.CameoCode,
			strings.Join(issues, ";"), fmt.Sprintf("%s-%d", d.ID, e.Sentence+1)}
		if d.URL != "" {
			f = append(f, d.URL)
		}
		f = append(f, src)
		for i := range f {
			f[i] = field(f[i])
		}
		if _, err := p.buf.WriteString(strings.Join(f, "\t") + "\n"); err != nil {
			return err
		}
	}
	return nil
}

func (p *petrarchWriter) Close() error {
	if p.buf == nil {
		return nil
	}
	return p.buf.Flush()
}

// parquetWriter writes the event or quote table, Snappy-compressed.
type parquetWriter struct {
	events *parquet.GenericWriter[Event]
	quotes *parquet.GenericWriter[Quote]
}

func newParquet(w io.Writer, table string) *parquetWriter {
	if table == "quotes" {
		return &parquetWriter{quotes: parquet.NewGenericWriter[Quote](w, parquet.Compression(&parquet.Snappy))}
	}
	return &parquetWriter{events: parquet.NewGenericWriter[Event](w, parquet.Compression(&parquet.Snappy))}
}

func (p *parquetWriter) Write(d *contract.Document) error {
	if p.quotes != nil {
		if q := Quotes(d); len(q) > 0 {
			_, err := p.quotes.Write(q)
			return err
		}
		return nil
	}
	if e := Events(d); len(e) > 0 {
		_, err := p.events.Write(e)
		return err
	}
	return nil
}

func (p *parquetWriter) Close() error {
	if p.quotes != nil {
		return p.quotes.Close()
	}
	return p.events.Close()
}
