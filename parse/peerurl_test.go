package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParsePeerURL(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want peerURL
		ok   bool
	}{
		{"https://localhost:${mgt.transport.https.port}${carbon.context}services/", peerURL{"https", "localhost", "${mgt.transport.https.port}"}, true},
		{"tcp://${carbon.local.ip}:${receiver.url.port}", peerURL{"tcp", "${carbon.local.ip}", "${receiver.url.port}"}, true},
		{"ws://${carbon.local.ip}:9099", peerURL{"ws", "${carbon.local.ip}", "9099"}, true},
		{"amqp://u:p@broker:5672/x?y=1", peerURL{"amqp", "broker", "5672"}, true},
		{"ldap://[::1]:10389", peerURL{"ldap", "::1", "10389"}, true},
		{"https://am-analytics", peerURL{"https", "am-analytics", ""}, true},
		{"tcp://h:12ab", peerURL{"tcp", "h", "12ab"}, true},
		{"localhost:9443", peerURL{}, false},
		{"tcp://:7611", peerURL{}, false},
	} {
		got, ok := parsePeerURL(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parsePeerURL(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSplitURLList(t *testing.T) {
	got := splitURLList("{tcp://a:7612/,tcp://b:7613},{tcp://${x,y}:7614/} ldap://c|tcp://d:1")
	want := []string{"tcp://a:7612/", "tcp://b:7613", "tcp://${x,y}:7614/", "ldap://c", "tcp://d:1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("splitURLList (-want +got):\n%s", diff)
	}
}

func TestJDBCHosts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []jdbcHost
	}{
		{"jdbc:mysql://db1:3307,db2/apim?useSSL=false", []jdbcHost{{"db1", "3307", 3306}, {"db2", "", 3306}}},
		{"jdbc:postgresql://pg/carbon", []jdbcHost{{"pg", "", 5432}}},
		{"jdbc:oracle:thin:@ora:1522:ORCL", []jdbcHost{{"ora", "1522", 1521}}},
		{"jdbc:oracle:thin:@//ora:1523/svc", []jdbcHost{{"ora", "1523", 1521}}},
		{"jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=o1)(PORT=1524)))", []jdbcHost{{"o1", "1524", 1521}}},
		{"jdbc:sqlserver://ms:1434;databaseName=x", []jdbcHost{{"ms", "1434", 1433}}},
		{"jdbc:db2://d2:50001/db", []jdbcHost{{"d2", "50001", 50000}}},
		{"jdbc:h2:tcp://h2host/~/db", []jdbcHost{{"h2host", "", 9092}}},
		{"jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE", nil},
		{"jdbc:h2:mem:x", nil},
		{"jdbc:derby:x", nil},
		{"not a url", nil},
	} {
		if diff := cmp.Diff(tc.want, jdbcHosts(tc.in), cmp.AllowUnexported(jdbcHost{})); diff != "" {
			t.Errorf("jdbcHosts(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func FuzzParsePeerURL(f *testing.F) {
	for _, s := range []string{"https://localhost:${mgt.transport.https.port}${carbon.context}services/", "{tcp://a:1,tcp://b:2}", "ldap://[::1]:1", "amqp://u@h:1?brokerlist='tcp://x:2'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, u := range splitURLList(brokerList(s)) {
			parsePeerURL(u)
		}
	})
}

func FuzzJDBCHosts(f *testing.F) {
	for _, s := range []string{"jdbc:mysql://a:1,b/x", "jdbc:oracle:thin:@(DESCRIPTION=(HOST=a)(PORT=1))", "jdbc:h2:tcp://x:1/y", "jdbc:oracle:thin:@h:1:s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { jdbcHosts(s) })
}
