package parse

// tomlSteps lists the parsers of deployment.toml-era homes.
func tomlSteps() []step { return nil }

// tomlProduct detects deployment.toml-era products; "" when not one.
func tomlProduct(h *home, main *server, hint string) string { return "" }
