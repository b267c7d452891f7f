"""Keys: the keymap, its page in the guide, the help screen, the palette, key order."""
