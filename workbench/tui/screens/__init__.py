"""Screens: the main workbench screen and the dialogs it opens."""
