package emit

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Modes of a generated ruleset.
const (
	// ModeStandalone is a complete ruleset: input policy drop plus what a host needs.
	ModeStandalone = "standalone"
	// ModeFragment is only the dedicated chain(s) or services that an existing
	// ruleset jumps to or adds.
	ModeFragment = "fragment"
)

// DefaultSSHPort is the port kept open in standalone mode unless told otherwise.
const DefaultSSHPort = 22

// Options controls planning and rendering.
type Options struct {
	// Target is the emitter name: "nftables", "iptables", "ip6tables" or "firewalld".
	Target string
	// Mode is ModeStandalone (the default when empty) or ModeFragment.
	Mode string
	// Allow maps an exposure class to the sources that may reach its ports
	// (public, management, cluster) or, for outbound, the destinations the server
	// may connect to. Public defaults to everyone when absent.
	Allow map[model.Exposure][]netip.Prefix
	// SSHPort is the SSH port kept open in standalone mode; 0 means 22.
	SSHPort int
	// NoSSH leaves no SSH rule in standalone mode.
	NoSSH bool
	// Egress adds output rules for the connections the server opens.
	Egress bool
	// Resolve looks up the host names of outbound destinations.
	Resolve bool
	// LookupHost resolves a host name when Resolve is set; nil means
	// net.DefaultResolver.LookupNetIP.
	LookupHost func(ctx context.Context, host string) ([]netip.Addr, error)
	// FirewalldScript makes the firewalld target write a shell script of
	// firewall-cmd --permanent commands instead of XML files.
	FirewalldScript bool
}

// mode returns the effective mode.
func (o Options) mode() string {
	if o.Mode == "" {
		return ModeStandalone
	}
	return o.Mode
}

// sshPort returns the SSH port to keep open, or 0 when none.
func (o Options) sshPort() model.Port {
	if o.NoSSH || o.mode() != ModeStandalone {
		return 0
	}
	if o.SSHPort == 0 {
		return DefaultSSHPort
	}
	return model.Port(o.SSHPort)
}

// Validate reports options that cannot produce a correct ruleset.
func (o Options) Validate() error {
	switch o.mode() {
	case ModeStandalone, ModeFragment:
	default:
		return fmt.Errorf("unknown mode %q (want standalone or fragment)", o.Mode)
	}
	if o.SSHPort != 0 && !model.Port(o.SSHPort).Valid() {
		return fmt.Errorf("ssh port %d out of range 1-65535", o.SSHPort)
	}
	for _, c := range allowClasses() {
		for _, p := range o.Allow[c] {
			if !p.IsValid() {
				return fmt.Errorf("invalid prefix for class %s", c)
			}
		}
	}
	for c := model.ExposureUnknown; c <= model.ExposureOutbound; c++ {
		if len(o.Allow[c]) > 0 && !allowable(c) {
			return fmt.Errorf("class %s cannot be allowed: only public, management, cluster and outbound take sources", c)
		}
	}
	for c, ps := range o.Allow { // validation only: no output depends on the order
		if c > model.ExposureOutbound && len(ps) > 0 {
			return fmt.Errorf("unknown exposure class %d in allow list", c)
		}
	}
	return nil
}

// allowClasses lists the classes that take sources (or destinations), in order.
func allowClasses() [4]model.Exposure {
	return [...]model.Exposure{model.ExposurePublic, model.ExposureManagement, model.ExposureCluster, model.ExposureOutbound}
}

func allowable(c model.Exposure) bool {
	for _, a := range allowClasses() {
		if a == c {
			return true
		}
	}
	return false
}

// allowFlag is the command-line flag that opens ports of class c.
func allowFlag(c model.Exposure) string {
	return "--allow " + c.String() + "=CIDR"
}
