package parse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

// checkStartOptions checks the server names of --offset SERVER=N and
// --profile SERVER=NAME against the servers of the home, and the --profile
// name against the product's start profiles.
func checkStartOptions(dir string, opt *Options, product model.ProductKey, servers []*server) error {
	var names []string
	for _, s := range servers {
		names = append(names, s.srv.Profile)
	}
	for _, c := range []struct{ flag, name string }{{"--offset", opt.OffsetServer}, {"--profile", opt.ProfileServer}} {
		if c.name != "" && !slices.Contains(names, c.name) {
			return &Error{File: dir, Err: fmt.Errorf("%s %s=...: the home has no server %q (its servers: %s)",
				c.flag, c.name, c.name, strings.Join(names, ", "))}
		}
	}
	if opt.Profile == "" {
		return nil
	}
	known := prodtable.StartProfilesOf(product)
	if len(known) == 0 {
		return &Error{File: dir, Err: fmt.Errorf("--profile %q: %s has no start profiles (-Dprofile)", opt.Profile, product)}
	}
	if !slices.Contains(known, opt.Profile) {
		return &Error{File: dir, Err: fmt.Errorf("--profile %q: not a start profile of %s (known: %s)",
			opt.Profile, product, strings.Join(known, ", "))}
	}
	return nil
}

// startProfile decides the server's start profile: --profile (for this
// server, or for every server when it names none) beats the first -Dprofile
// of the start script.
func (s *server) startProfile() model.StartProfile {
	if o := s.h.opt; o.Profile != "" && (o.ProfileServer == "" || o.ProfileServer == s.srv.Profile) {
		return model.StartProfile{Name: o.Profile, Origin: model.ProfileOriginFlag}
	}
	var first model.Setting
	found := false
	for _, st := range s.srv.Settings {
		if st.Key == model.KeyScriptProfile && (!found || st.Pos.Less(first.Pos)) {
			first, found = st, true
		}
	}
	if !found {
		return model.StartProfile{}
	}
	return model.StartProfile{Name: profileName(first.Value), Origin: model.ProfileOriginScript, Pos: first.Pos}
}

// profileName takes the name out of a -Dprofile option as written
// ("-Dprofile=gateway-worker", quoted or not).
func profileName(option string) string {
	v := strings.TrimSpace(option)
	if i := strings.LastIndex(v, "="); i >= 0 {
		v = v[i+1:]
	}
	return strings.Trim(v, `"'`)
}
