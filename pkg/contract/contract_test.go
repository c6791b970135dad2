package contract

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestSchemaMatchesTypes keeps docs/contract-v1.schema.json and the Go types
// in step: every JSON field of every type is in the schema and vice versa.
func TestSchemaMatchesTypes(t *testing.T) {
	raw, err := os.ReadFile("../../docs/contract-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs map[string]struct {
			Properties map[string]any `json:"properties"`
			Required   []string       `json:"required"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	types := []any{Document{}, Sentence{}, Token{}, Span{}, Entity{}, Actor{}, Mention{}, Event{},
		Participant{}, Cameo{}, Plover{}, Quote{}, Speaker{}, Cue{}, Time{}}
	if len(types) != len(schema.Defs) {
		t.Errorf("schema has %d definitions, Go has %d types", len(schema.Defs), len(types))
	}
	for _, v := range types {
		rt := reflect.TypeOf(v)
		def, ok := schema.Defs[rt.Name()]
		if !ok {
			t.Errorf("type %s missing from the schema", rt.Name())
			continue
		}
		var goFields, schemaFields []string
		for i := range rt.NumField() {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			goFields = append(goFields, name)
		}
		for k := range def.Properties {
			schemaFields = append(schemaFields, k)
		}
		sort.Strings(goFields)
		sort.Strings(schemaFields)
		if !reflect.DeepEqual(goFields, schemaFields) {
			t.Errorf("%s: Go fields %v, schema %v", rt.Name(), goFields, schemaFields)
		}
		for _, r := range def.Required {
			if _, ok := def.Properties[r]; !ok {
				t.Errorf("%s: required %q is not a property", rt.Name(), r)
			}
		}
	}
}

func TestNewHasEmptyArrays(t *testing.T) {
	b, err := json.Marshal(New())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"sentences":[]`, `"entities":[]`, `"events":[]`, `"quotes":[]`, `"times":[]`, `"contract":"dyad/v1"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("missing %s in %s", k, b)
		}
	}
	if strings.Contains(string(b), `"tokens"`) {
		t.Error("tokens must be omitted unless asked for")
	}
}
