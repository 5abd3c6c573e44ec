package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestReadUserMgt(t *testing.T) {
	const xml = `<UserManager>
    <Realm>
        <Configuration>
            <AdminUser><UserName>admin</UserName><Password>admin</Password></AdminUser>
        </Configuration>
        <!--UserStoreManager class="org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager">
        </UserStoreManager-->
        <UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager">
            <Property name="ConnectionURL">ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort} ldap://ldap2:10389 ldaps://ad.example.com</Property>
        </UserStoreManager>
    </Realm>
</UserManager>
`
	h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("1"), "repository/conf/user-mgt.xml": xml}, Options{})
	s := h.Servers[0]
	want := []pl{
		out(model.SvcLDAPClient, "ad.example.com", 636, false, true, 9),
		out(model.SvcLDAPClient, "ldap2", 10389, false, true, 9),
		out(model.SvcLDAPClient, "localhost", 10390, true, true, 9),
	}
	if diff := cmp.Diff(want, listenersOf(s)); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	got := map[string]string{}
	for _, st := range s.Settings {
		got[st.Key] = st.Value
	}
	for k, v := range map[string]string{
		model.KeyAdminUserName:  "admin",
		model.KeyAdminPassword:  "admin",
		model.KeyUserStoreClass: "org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager",
	} {
		if got[k] != v {
			t.Errorf("setting %s = %q, want %q", k, got[k], v)
		}
	}
}
