"""Text rules shared by every layer: what may be stored, and how stored text is shown inert."""
