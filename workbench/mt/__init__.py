"""Offline machine translation: Argos Translate packages and a batched CTranslate2 engine."""
