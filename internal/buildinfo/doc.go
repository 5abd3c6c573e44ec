// Package buildinfo says which build of wso2lint is running: the version set
// at link time (-ldflags "-X main.version=..."), or else the module version
// the Go toolchain recorded (go install MODULE/cmd/wso2lint@v1.2.3), with the
// VCS revision, commit time and modified flag, and the Go version, all read
// from runtime/debug.ReadBuildInfo.
//
// It imports nothing of the project and keeps no state: cmd/wso2lint calls
// Read once per run.
package buildinfo
