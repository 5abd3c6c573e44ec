// Package offsetplan proposes port offsets for the homes of one host: for
// each server, in command-line order, the smallest offset at which none of
// its listeners that the offset moves meets a listener already placed (the
// servers before it, the ports of its own that the offset does not move,
// and the host's own services). Ports the offset does not move are not the
// offset's to fix; the plan names each such conflict so that the port is
// changed by hand.
//
// It imports only internal/model: it reads resolved homes and never parses.
package offsetplan
