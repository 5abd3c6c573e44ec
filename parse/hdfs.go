package parse

import (
	"path"
	"strings"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// hdfsKeys maps Hadoop site properties to listeners.
var hdfsKeys = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"fs.default.name":            model.SvcHDFSNameNode,
		"fs.defaultFS":               model.SvcHDFSNameNode,
		"mapred.job.tracker":         model.SvcHDFSJobTracker,
		"dfs.https.address":          model.SvcHDFSNameNodeHTTPS,
		"dfs.namenode.https-address": model.SvcHDFSNameNodeHTTPS,
		"dfs.datanode.https.address": model.SvcHDFSDataNodeHTTPS,
		"dfs.datanode.address":       model.SvcHDFSDataNode,
		"dfs.datanode.http.address":  model.SvcHDFSDataNodeHTTP,
		"dfs.datanode.ipc.address":   model.SvcHDFSDataNodeIPC,
	}
})

// readHDFS reads the Hadoop site files of Storage Server (etc/hadoop/*-site.xml or
// etc/*-site.xml): property name/value pairs whose value is host:port or a URL.
// Hadoop knows nothing of the Carbon offset: the ports are used as written.
func readHDFS(s *server) error {
	for _, dir := range []string{"etc/hadoop", "etc"} {
		for _, n := range []string{"core-site.xml", "hdfs-site.xml", "mapred-site.xml"} {
			f, ok, err := s.readXML(path.Join(dir, n))
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			for _, p := range f.doc.Root().SelectElements("property") {
				id, known := hdfsKeys()[f.text(p.SelectElement("name"))]
				v := p.SelectElement("value")
				if !known || v == nil {
					continue
				}
				val := f.text(v)
				if !strings.Contains(val, "://") {
					val = "tcp://" + val
				}
				u, ok := parsePeerURL(val)
				if !ok || u.port == "" {
					continue
				}
				l := model.Listener{ID: id, Enabled: true, Bind: u.host}
				ok, err = s.portListener(&l, u.port, f.textPos(v), false)
				if err != nil {
					return err
				}
				if ok {
					l.Configured = f.text(v)
					s.listen(l)
				}
			}
		}
	}
	return nil
}
