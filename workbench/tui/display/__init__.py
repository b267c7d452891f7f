"""Drawing Arabic and stored text on a terminal: bidi (UAX #9), word marks, inert text."""
