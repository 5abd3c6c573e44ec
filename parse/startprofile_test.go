package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// serverFacts is what --offset and --profile decide for one server.
type serverFacts struct {
	Server       string
	Offset       model.Offset
	StartProfile model.StartProfile
}

func TestStartProfileAndServerOptions(t *testing.T) {
	const script = "#!/bin/sh\nJAVA_OPTS=\"-Dprofile=gateway-worker\"\n"
	am := map[string]string{tomlRel: "[server]\nhostname = \"a\"\n", "bin/api-manager.sh": script}
	amPlain := map[string]string{tomlRel: "[server]\nhostname = \"a\"\n"}
	ei := map[string]string{
		"conf/carbon.xml":                       fmt.Sprintf(coreCarbon, "0"),
		"wso2/broker/conf/carbon.xml":           fmt.Sprintf(coreCarbon, "3"),
		"wso2/business-process/conf/carbon.xml": fmt.Sprintf(coreCarbon, "2"),
	}
	five := 5
	scriptProfile := model.StartProfile{Name: "gateway-worker", Origin: model.ProfileOriginScript,
		Pos: model.Pos{File: "bin/api-manager.sh", Line: 2, Col: 12, Path: `sh: JAVA_OPTS="-Dprofile=gateway-worker"`}}
	carbonOff := func(rel string, n int) model.Offset {
		return model.Offset{Value: n, Origin: model.OriginCarbon, Pos: model.Pos{File: rel, Line: 4, Col: 17, Path: "/Server/Ports/Offset"}}
	}
	def := model.Offset{Origin: model.OriginDefault}
	tests := []struct {
		name    string
		home    string
		files   map[string]string
		opt     Options
		want    []serverFacts
		wantErr string
	}{
		{name: "script profile", home: "wso2am-4.2.0", files: am,
			want: []serverFacts{{"default", def, scriptProfile}}},
		{name: "flag beats the script", home: "wso2am-4.2.0", files: am, opt: Options{Profile: "control-plane"},
			want: []serverFacts{{"default", def, model.StartProfile{Name: "control-plane", Origin: model.ProfileOriginFlag}}}},
		{name: "flag without a script", home: "wso2am-4.2.0", files: amPlain, opt: Options{Profile: "traffic-manager"},
			want: []serverFacts{{"default", def, model.StartProfile{Name: "traffic-manager", Origin: model.ProfileOriginFlag}}}},
		{name: "flag for the one server by name", home: "wso2am-4.2.0", files: am, opt: Options{Profile: "control-plane", ProfileServer: "default"},
			want: []serverFacts{{"default", def, model.StartProfile{Name: "control-plane", Origin: model.ProfileOriginFlag}}}},
		{name: "no profile", home: "wso2am-4.2.0", files: amPlain, want: []serverFacts{{"default", def, model.StartProfile{}}}},
		{name: "unknown profile", home: "wso2am-4.2.0", files: am, opt: Options{Profile: "gateway"},
			wantErr: `--profile "gateway": not a start profile of am (known: api-devportal, api-key-manager, api-publisher, api-store, control-plane, default, gateway-manager, gateway-worker, traffic-manager)`},
		{name: "product without profiles", home: "wso2is-7.0.0", files: amPlain, opt: Options{Profile: "default"},
			wantErr: `--profile "default": is has no start profiles`},
		{name: "offset for every server", home: "wso2ei-6.4.0", files: ei, opt: Options{Offset: &five},
			want: []serverFacts{
				{"integrator", model.Offset{Value: 5, Origin: model.OriginFlag}, model.StartProfile{}},
				{"broker", model.Offset{Value: 5, Origin: model.OriginFlag}, model.StartProfile{}},
				{"business-process", model.Offset{Value: 5, Origin: model.OriginFlag}, model.StartProfile{}},
			}},
		{name: "offset for the broker only", home: "wso2ei-6.4.0", files: ei, opt: Options{Offset: &five, OffsetServer: "broker"},
			want: []serverFacts{
				{"integrator", carbonOff("conf/carbon.xml", 0), model.StartProfile{}},
				{"broker", model.Offset{Value: 5, Origin: model.OriginFlag}, model.StartProfile{}},
				{"business-process", carbonOff("wso2/business-process/conf/carbon.xml", 2), model.StartProfile{}},
			}},
		{name: "profile for the broker only", home: "wso2ei-6.4.0", files: ei, opt: Options{Profile: "broker-default", ProfileServer: "broker"},
			want: []serverFacts{
				{"integrator", carbonOff("conf/carbon.xml", 0), model.StartProfile{}},
				{"broker", carbonOff("wso2/broker/conf/carbon.xml", 3), model.StartProfile{Name: "broker-default", Origin: model.ProfileOriginFlag}},
				{"business-process", carbonOff("wso2/business-process/conf/carbon.xml", 2), model.StartProfile{}},
			}},
		{name: "unknown server", home: "wso2ei-6.4.0", files: ei, opt: Options{Offset: &five, OffsetServer: "brokr"},
			wantErr: `--offset brokr=...: the home has no server "brokr" (its servers: integrator, broker, business-process)`},
		{name: "unknown server for the profile", home: "wso2am-4.2.0", files: am, opt: Options{Profile: "control-plane", ProfileServer: "broker"},
			wantErr: `--profile broker=...: the home has no server "broker" (its servers: default)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := tomlHome(t, tc.home, tc.files, tc.opt)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Home error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []serverFacts
			for _, s := range h.Servers {
				got = append(got, serverFacts{s.Profile, s.Offset, s.StartProfile})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestProfileName(t *testing.T) {
	for in, want := range map[string]string{
		"-Dprofile=gateway-worker": "gateway-worker", `-Dprofile="control-plane"`: "control-plane",
		"-Dprofile='traffic-manager'": "traffic-manager", " -Dprofile= ": "", "-Dprofile=$PROFILE": "$PROFILE",
	} {
		if got := profileName(in); got != want {
			t.Errorf("profileName(%q) = %q, want %q", in, got, want)
		}
	}
}
