package config

import "go.yaml.in/yaml/v3"

// Line returns the line of the configuration file a setting was written
// on, 0 when the file does not set it. Keys are the top-level keys
// ("fail_on", "locale", "include"), "rules.KEY" ("rules.disable") and
// "rules.severity.NAME"; fail-on and fail_on are both "fail_on".
func (c *Config) Line(key string) int { return c.lines[key] }

// keyLines records the line of every key a configuration sets.
func keyLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	var walk func(prefix string, n *yaml.Node, depth int)
	walk = func(prefix string, n *yaml.Node, depth int) {
		if n == nil || n.Kind != yaml.MappingNode || depth > 2 {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if prefix == "" && key == "fail-on" {
				key = "fail_on"
			}
			lines[prefix+key] = n.Content[i].Line
			walk(prefix+key+".", n.Content[i+1], depth+1)
		}
	}
	walk("", root, 0)
	return lines
}
