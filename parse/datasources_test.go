package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestReadDatasourcePasswords: the <password> of every datasource is
// recorded at its text, with the secure-vault alias when it has one; a
// datasource without a password records none.
func TestReadDatasourcePasswords(t *testing.T) {
	const rel = "repository/conf/datasources/master-datasources.xml"
	src := `<datasources-configuration xmlns:svns="http://org.wso2.securevault/configuration">
    <datasources>
        <datasource>
            <name>WSO2_CARBON_DB</name>
            <definition type="RDBMS">
                <configuration>
                    <url>jdbc:h2:./repository/database/WSO2CARBON_DB</url>
                    <username>wso2carbon</username>
                    <password>wso2carbon</password>
                </configuration>
            </definition>
        </datasource>
        <datasource>
            <name>WSO2AM_DB</name>
            <definition type="RDBMS">
                <configuration>
                    <url>jdbc:mysql://db.example.com:3306/apim</url>
                    <password svns:secretAlias="Datasources.WSO2AM_DB.Password">password</password>
                </configuration>
            </definition>
        </datasource>
        <datasource>
            <name>NO_PASSWORD</name>
            <definition type="RDBMS">
                <configuration>
                    <url>jdbc:h2:mem:x</url>
                </configuration>
            </definition>
        </datasource>
    </datasources>
</datasources-configuration>
`
	s := runStep(t, readDatasources, map[string]string{rel: src})
	var got []model.Setting
	for _, st := range s.srv.Settings {
		if st.Key == model.KeyDatasourcePassword || st.Key == model.KeySecretAlias {
			got = append(got, st)
		}
	}
	want := []model.Setting{
		{Key: model.KeyDatasourcePassword, Value: "wso2carbon", Pos: pos(rel, 9, 31, "")},
		{Key: model.KeyDatasourcePassword, Value: "password", Pos: pos(rel, 18, 81, "")},
		{Key: model.KeySecretAlias, Value: "Datasources.WSO2AM_DB.Password", Pos: pos(rel, 18, 81, "")},
	}
	if diff := cmp.Diff(want, got, ignoreStatementPath); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}
