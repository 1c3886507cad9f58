"""Closing the loop: acceptance, reviews and retrospectives, archive (one app each)."""
