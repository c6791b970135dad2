package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/actor/petrarch"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { register(newActors) }

func newActors() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "Look up actor codes and check actor dictionaries",
		Long: `actors works with the actor dictionaries: dyad's own (embedded) or
PETRARCH/TABARI dictionaries given with --dictionaries (a directory's
*.actors.txt and *.agents.txt files, dyad-format *.tsv files, or files
separated by commas).`,
	}
	cmd.AddCommand(newActorsLookup(), newActorsCheck())
	return cmd
}

// loadActors loads the embedded dictionary, or the ones named.
func loadActors(spec string) (*actor.Dictionary, time.Duration, error) {
	t0 := time.Now()
	if spec == "" {
		d, err := actor.Load()
		return d, time.Since(t0), err
	}
	var paths []string
	for _, p := range strings.Split(spec, ",") {
		if p = strings.TrimSpace(p); p != "" {
			paths = append(paths, p)
		}
	}
	d, err := petrarch.Load(paths...)
	return d, time.Since(t0), err
}

type lookupResult struct {
	Text       string   `json:"text"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Kind       string   `json:"kind"`
	Entry      string   `json:"entry"`
	Code       string   `json:"code"`
	Person     string   `json:"person,omitempty"`
	Office     string   `json:"office,omitempty"`
	OfficeName string   `json:"office_label,omitempty"`
	Owner      string   `json:"owner,omitempty"`
	Title      string   `json:"title,omitempty"`
	Former     bool     `json:"former,omitempty"`
	Deputy     bool     `json:"deputy,omitempty"`
	Plural     bool     `json:"plural,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
	Source     string   `json:"source"`
}

func newActorsLookup() *cobra.Command {
	var (
		date, dicts string
		asJSON      bool
	)
	cmd := &cobra.Command{
		Use:   `lookup "TEXT" [--date YYYY-MM-DD] [--dictionaries DIR|FILES] [--json]`,
		Short: "Print the actors found in a text and their codes on a date",
		Long: `lookup finds the actors in TEXT (names, titles, adjectives, agents...) and
prints each with its CAMEO code on --date (default: today), and for people
and titles who it is and the office that gives the code:

  dyad actors lookup "the Russian foreign minister" --date 2017-01-20`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var day actor.Date
			var err error
			if date == "" {
				day = actor.DateOf(time.Now())
			} else if day, err = actor.ParseDate(date); err != nil {
				return &ExitError{Code: 2, Err: fmt.Errorf("--date: %w", err)}
			}
			dict, _, err := loadActors(dicts)
			if err != nil {
				return err
			}
			text := args[0]
			d := &doc.Document{Text: text, Tokens: tokenize.Tokenize(text)}
			var out []lookupResult
			for _, m := range dict.Match(d) {
				out = append(out, describeMatch(dict, text, &m, day))
			}
			w := cmd.OutOrStdout()
			if asJSON {
				if out == nil {
					out = []lookupResult{}
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			if len(out) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "no actor found")
				return nil
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "TEXT\tKIND\tENTRY\tCODE\tWHO / OFFICE\n")
			for _, r := range out {
				who := r.Person
				if r.Office != "" {
					if who != "" {
						who += ", "
					}
					who += r.OfficeName
				}
				if len(r.Candidates) > 1 {
					who += " (name shared by " + strings.Join(r.Candidates, ", ") + ")"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Text, r.Kind, r.Entry, orDash(r.Code), who)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the story's date, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&dicts, "dictionaries", "", "PETRARCH/TABARI or dyad dictionaries: a directory or files separated by commas (default: dyad's own)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func describeMatch(dict *actor.Dictionary, text string, m *actor.Match, day actor.Date) lookupResult {
	res := dict.ResolveMatch(m, day)
	r := lookupResult{
		Text: text[m.Start:m.End], Start: m.Start, End: m.End, Kind: m.Kind.String(),
		Entry: m.Entry.Name, Code: string(res.Code), Former: m.Former, Deputy: m.Deputy, Plural: m.Plural,
		Source: m.Entry.Source,
	}
	if res.Person != nil {
		r.Person = res.Person.Name
		if m.Kind == actor.KindPerson {
			r.Entry = res.Person.Name // the candidate the date chose
		}
	}
	if res.Office != nil {
		r.Office, r.OfficeName = res.Office.ID, res.Office.Label
	}
	if m.Owner != nil {
		r.Owner = m.Owner.Name
	}
	if m.Title != nil {
		r.Title = m.Title.Name
	}
	if len(m.Candidates) > 1 && m.Kind == actor.KindPerson {
		for _, c := range m.Candidates {
			r.Candidates = append(r.Candidates, c.Name)
		}
	}
	return r
}

func newActorsCheck() *cobra.Command {
	var (
		dicts       string
		asJSON, all bool
	)
	cmd := &cobra.Command{
		Use:   "check [--dictionaries DIR|FILES] [--all] [--json]",
		Short: "Check an actor dictionary; exit 1 when it has errors",
		Long: `check loads an actor dictionary (dyad's own by default) and reports what it
holds and every problem found: malformed lines, codes and dates, duplicate
entries, one term with conflicting codes, names that shadow other terms,
office holders whose dates overlap. Errors make it exit with status 1;
warnings do not. PETRARCH/TABARI dictionaries are read leniently: their
problems are warnings.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dict, took, err := loadActors(dicts)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			issues := dict.Issues()
			st := dict.Stats()
			nerr := dict.Errors()
			if asJSON {
				kinds, terms := map[string]int{}, map[string]int{}
				for k, n := range st.ByKind {
					kinds[k.String()] = n
					terms[k.String()] = st.TermsByKind[k]
				}
				var is []map[string]string
				for _, i := range issues {
					is = append(is, map[string]string{"severity": i.Severity.String(), "source": i.Source, "message": i.Msg})
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				if err := enc.Encode(map[string]any{
					"entries": st.Entries, "by_kind": kinds, "terms_by_kind": terms, "terms": st.Terms, "words": st.Words,
					"people": st.People, "offices": st.Offices, "tenures": st.Tenures,
					"load_seconds": took.Seconds(), "errors": nerr, "warnings": len(issues) - nerr, "issues": is,
				}); err != nil {
					return err
				}
			} else {
				printStats(w, st, took)
				shown := 0
				for _, i := range issues {
					if !all && shown >= 100 {
						fmt.Fprintf(w, "... %d more (--all shows them)\n", len(issues)-shown)
						break
					}
					fmt.Fprintln(w, i)
					shown++
				}
				fmt.Fprintf(w, "%d errors, %d warnings\n", nerr, len(issues)-nerr)
			}
			if nerr > 0 {
				return &ExitError{Code: 1}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dicts, "dictionaries", "", "PETRARCH/TABARI or dyad dictionaries: a directory or files separated by commas (default: dyad's own)")
	cmd.Flags().BoolVar(&all, "all", false, "print every issue, not the first 100")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printStats(w io.Writer, st actor.Stats, took time.Duration) {
	var kinds []string
	for k := range st.ByKind {
		kinds = append(kinds, k.String())
	}
	sort.Strings(kinds)
	fmt.Fprintf(w, "loaded in %s: %d entries, %d terms (%d distinct words), %d people, %d offices, %d tenures\n",
		took.Round(time.Millisecond), st.Entries, st.Terms, st.Words, st.People, st.Offices, st.Tenures)
	byName, terms := map[string]int{}, map[string]int{}
	for k, n := range st.ByKind {
		byName[k.String()] = n
		terms[k.String()] = st.TermsByKind[k]
	}
	fmt.Fprintf(w, "  %-10s %8s %8s\n", "kind", "entries", "terms")
	for _, k := range kinds {
		fmt.Fprintf(w, "  %-10s %8d %8d\n", k, byName[k], terms[k])
	}
}
