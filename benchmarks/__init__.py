"""Benchmarks: `python -m benchmarks` runs them all; each prints its time against its target."""
