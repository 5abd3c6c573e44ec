package lint

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// chainedStores is appended to the realm of a copied user-mgt.xml: a
// chained LDAP store with a literal URL to the embedded LDAP, and a store
// Carbon skips (no DomainName).
const chainedStores = `<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager">
            <Property name="ConnectionURL">ldap://localhost:10389</Property>
            <Property name="DomainName">SECONDARY</Property>
        </UserStoreManager>
        <UserStoreManager class="org.wso2.carbon.user.core.ldap.ActiveDirectoryUserStoreManager">
            <Property name="ConnectionURL">ldap://localhost:10389</Property>
        </UserStoreManager>
    </Realm>`

// homeQuoted matches the quoted path of the copied home in a message.
var homeQuoted = regexp.MustCompile(`"[^"]*wso2is-5\.7\.0"`)

// TestSecondaryUserStores checks DOMAIN.md section 8 on a copy of IS 5.7.0 at
// offset 1 (issue 12 item 4): a chained secondary store's literal LDAP URL is
// checked like the primary's (WL201), and a store without DomainName, which
// Carbon skips, is reported by WL319 and not checked as a peer.
func TestSecondaryUserStores(t *testing.T) {
	edit := func(t *testing.T, dir string) {
		editHomeFile(t, dir, "repository/conf/carbon.xml", "<Offset>0</Offset>", "<Offset>1</Offset>")
		editHomeFile(t, dir, "repository/conf/user-mgt.xml", "</Realm>", chainedStores)
	}
	for _, tc := range []struct {
		id   string
		want []string
	}{
		{"WL201", []string{`repository/conf/user-mgt.xml:222:44: warning: ldap-client connects to "localhost" port 10389, but nothing on this host listens there: ldap of "HOME" listens on 10390 (10389 plus offset 1 from repository/conf/carbon.xml:127:17); expected "${Ports.EmbeddedLDAP.LDAPServerPort}" or port 10390 [WL201]`}},
		{"WL319", []string{`repository/conf/user-mgt.xml:225:9: warning: secondary user store org.wso2.carbon.user.core.ldap.ActiveDirectoryUserStoreManager has no DomainName property; Carbon skips it [WL319]`}},
	} {
		t.Run(tc.id, func(t *testing.T) {
			got, _ := lintCorpusCopy(t, "wso2is-5.7.0", edit, tc.id)
			for i := range got {
				got[i] = homeQuoted.ReplaceAllString(filepath.ToSlash(got[i][strings.Index(got[i], "repository/"):]), `"HOME"`)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s findings (-want +got):\n%s", tc.id, diff)
			}
		})
	}
}
