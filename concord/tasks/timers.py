"""Timer handlers (filled in below)."""
