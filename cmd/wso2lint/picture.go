package main

import (
	"io"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/report/picture"
)

// writePicture draws the homes of the run as format (dot or html): its hosts
// as .wso2lint.yaml hosts: groups them, and the connections between its
// homes that model.Links resolves.
func writePicture(w io.Writer, format string, ld *loaded, all bool) error {
	hosts := make([]model.RunHost, len(ld.hosts))
	for i, h := range ld.hosts {
		hosts[i] = model.RunHost{Name: h.name, Homes: h.homes}
	}
	return picture.Write(w, format, picture.Input{Homes: ld.homes, Hosts: hosts, Links: model.Links(ld.homes, hosts), All: all, ProductName: productName})
}
