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

func TestReadUserMgtSecretAlias(t *testing.T) {
	const rel = "repository/conf/user-mgt.xml"
	userMgt := func(root, password string) string {
		return `<UserManager` + root + `>
    <Realm>
        <Configuration>
            <AdminUser>
                <UserName>admin</UserName>
                ` + password + `
            </AdminUser>
        </Configuration>
    </Realm>
</UserManager>
`
	}
	const svns = ` xmlns:svns="http://org.wso2.securevault/configuration"`
	const path = "/UserManager/Realm/Configuration/AdminUser/Password"
	for _, tc := range []struct {
		name, xml string
		want      []model.Setting
	}{
		{
			name: "plain password",
			xml:  userMgt("", `<Password>admin</Password>`),
			want: []model.Setting{{Key: model.KeyAdminPassword, Value: "admin", Pos: pos(rel, 6, 27, path)}},
		},
		{
			name: "svns:secretAlias",
			xml:  userMgt(svns, `<Password svns:secretAlias="UserManager.AdminUser.Password">admin</Password>`),
			want: []model.Setting{
				{Key: model.KeySecretAlias, Value: "UserManager.AdminUser.Password", Pos: pos(rel, 6, 77, path)},
				{Key: model.KeyAdminPassword, Value: "admin", Pos: pos(rel, 6, 77, path)},
			},
		},
		{
			name: "unprefixed secretAlias",
			xml:  userMgt("", `<Password secretAlias="admin.pw">admin</Password>`),
			want: []model.Setting{
				{Key: model.KeySecretAlias, Value: "admin.pw", Pos: pos(rel, 6, 50, path)},
				{Key: model.KeyAdminPassword, Value: "admin", Pos: pos(rel, 6, 50, path)},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("0"), rel: tc.xml}, Options{})
			var got []model.Setting
			for _, st := range h.Servers[0].Settings {
				if st.Key == model.KeyAdminPassword || st.Key == model.KeySecretAlias {
					got = append(got, st)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
}
