"""A terminal workbench for translating and fact-checking Arabic news into English."""

# The one place the version is written (pyproject.toml reads it): importlib.metadata would cost
# `workbench --version` more than click itself.
__version__ = "0.1.0"
