"""Analyses over what the store returns: lookups by name, reunions, the collaboration network."""
