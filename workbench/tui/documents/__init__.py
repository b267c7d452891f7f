"""Documents: the picker (F2) and the export dialog."""
