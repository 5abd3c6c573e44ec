package model

// KeyCarbonPortsPrefix prefixes the setting of each leaf of carbon.xml's
// /Server/Ports tree, named as a ${Ports.X.Y} placeholder names it:
// "carbon.ports.JMX.RMIRegistryPort". Parse records what the file says;
// catalog.Resolve merges it over the distribution's stock values.
const KeyCarbonPortsPrefix = "carbon.ports."

// RemovedFile is a port-opening file of the product's distribution that a
// full product home (LayoutFull) does not have: it was removed on purpose, so
// the listeners its stock copy would open are not reported (DOMAIN.md §9).
// catalog.Resolve records it; lint rule WL405 reports it.
type RemovedFile struct {
	// File is the home-relative path of the absent file.
	File string
	// Listeners are the inbound listeners the distribution's copy would open,
	// the server's offset applied.
	Listeners []Listener
	// Pos is where the finding points: the start script that makes the home
	// a full one (its first line), else the server's carbon.xml.
	Pos Pos
}
