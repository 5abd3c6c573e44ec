package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchemaFile is the official SARIF 2.1.0 JSON schema (draft 2020-12),
// vendored so that validation needs no network (see testdata/schema/README).
const sarifSchemaFile = "testdata/schema/sarif-schema-2.1.0.json"

// envSARIFFiles lists SARIF files for TestSARIFFiles, one path a line
// (scripts/sarif/validate.sh sets it).
const envSARIFFiles = "WSO2LINT_SARIF_FILES"

// compileSARIFSchema compiles the vendored schema with format assertions on (as
// ajv-formats did), so that "uri" and "date-time" values are checked too.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", sarifSchemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile %s: %v", sarifSchemaFile, err)
	}
	return sch
}

// validateSARIF validates one SARIF document.
func validateSARIF(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestSARIFSchema validates the SARIF golden files and fresh output against
// the official SARIF 2.1.0 schema, offline, and shows that the validator
// rejects documents that break it.
func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	for _, name := range []string{"findings", "empty", "prefix"} {
		file := filepath.Join("testdata", name+".sarif.json.golden")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateSARIF(sch, data); err != nil {
			t.Errorf("%s does not validate against SARIF 2.1.0:\n%v", file, err)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, "sarif", testFindings(), testOptions()); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	if err := validateSARIF(sch, good); err != nil {
		t.Errorf("fresh SARIF output does not validate:\n%v", err)
	}

	// Each breakage must be caught, or the check above proves nothing.
	breaks := []struct {
		name string
		edit func(doc map[string]any)
		want string
	}{
		{"no version", func(d map[string]any) { delete(d, "version") }, "version"},
		{"wrong version", func(d map[string]any) { d["version"] = "2.0.0" }, "version"},
		{"unknown top-level property", func(d map[string]any) { d["extra"] = true }, "extra"},
		{"bad level", func(d map[string]any) { firstResult(t, d)["level"] = "fatal" }, "level"},
		{"line 0", func(d map[string]any) { firstRegion(t, d)["startLine"] = 0 }, "startLine"},
		{"uri format", func(d map[string]any) { tool(t, d)["informationUri"] = "not a uri" }, "informationUri"},
	}
	for _, br := range breaks {
		t.Run(br.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(good, &doc); err != nil {
				t.Fatal(err)
			}
			br.edit(doc)
			data, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			err = validateSARIF(sch, data)
			if err == nil {
				t.Fatalf("validator accepted a document with %s", br.name)
			}
			if !strings.Contains(err.Error(), br.want) {
				t.Errorf("validation error does not name %q:\n%v", br.want, err)
			}
		})
	}
}

func run0(t *testing.T, d map[string]any) map[string]any {
	t.Helper()
	runs, ok := d["runs"].([]any)
	if !ok || len(runs) == 0 {
		t.Fatal("document has no runs")
	}
	return runs[0].(map[string]any)
}

func tool(t *testing.T, d map[string]any) map[string]any {
	t.Helper()
	return run0(t, d)["tool"].(map[string]any)["driver"].(map[string]any)
}

func firstResult(t *testing.T, d map[string]any) map[string]any {
	t.Helper()
	results, ok := run0(t, d)["results"].([]any)
	if !ok || len(results) == 0 {
		t.Fatal("document has no results")
	}
	return results[0].(map[string]any)
}

func firstRegion(t *testing.T, d map[string]any) map[string]any {
	t.Helper()
	locs := firstResult(t, d)["locations"].([]any)
	return locs[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)
}

// TestSARIFFiles validates the SARIF files named in WSO2LINT_SARIF_FILES (one
// path a line); scripts/sarif/validate.sh runs it. Without the variable it
// has nothing to do.
func TestSARIFFiles(t *testing.T) {
	list := os.Getenv(envSARIFFiles)
	if list == "" {
		t.Skip(envSARIFFiles + " not set: no files to validate (scripts/sarif/validate.sh sets it)")
	}
	sch := compileSARIFSchema(t)
	for _, file := range strings.Split(strings.TrimSpace(list), "\n") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if err := validateSARIF(sch, data); err != nil {
			t.Errorf("%s: not valid SARIF 2.1.0:\n%v", file, err)
			continue
		}
		t.Logf("%s: valid SARIF 2.1.0", file)
	}
}
