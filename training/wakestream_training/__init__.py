"""Wakestream training toolkit: corpora, frontend, models, evaluation."""
