"""Files coming in and going out: what may be read or written, checked before any byte moves."""
