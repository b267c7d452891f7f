"""Pieces several areas share: segment names, the screen shelf, the typed app, prompts."""
