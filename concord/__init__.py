"""Concord: cross-department collaboration, run the standard way."""
