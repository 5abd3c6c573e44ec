package xmlpos

// tagAttr is one attribute of a start tag as written: its name and the
// offsets, in the tag, of the name and of the value's first character.
type tagAttr struct {
	name              string
	nameOff, valueOff int
}

// startTagAttrs lists the attributes of tag, the text of a start tag from '<'
// to '>' that the decoder has accepted (names, '=', quoted values separated
// by white space), in the order written. It stops early, without failing, on
// anything else.
func startTagAttrs(tag string) []tagAttr {
	var out []tagAttr
	i := 1
	for i < len(tag) && !isXMLSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' {
		i++ // the element name
	}
	for {
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] == '/' || tag[i] == '>' {
			return out
		}
		a := tagAttr{nameOff: i}
		for i < len(tag) && !isXMLSpace(tag[i]) && tag[i] != '=' && tag[i] != '/' && tag[i] != '>' {
			i++
		}
		a.name = tag[a.nameOff:i]
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			return out
		}
		i++
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return out
		}
		q := tag[i]
		i++
		a.valueOff = i
		for i < len(tag) && tag[i] != q {
			i++
		}
		if i >= len(tag) {
			return out
		}
		i++
		out = append(out, a)
	}
}
