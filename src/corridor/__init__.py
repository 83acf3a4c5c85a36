"""Corridor: French news about the Turkic states, Central Asia and the Caucasus -> a warehouse of trade facts."""

__version__ = "0.1.0"
