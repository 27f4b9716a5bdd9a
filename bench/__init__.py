"""Benchmarks (`make bench`): synthetic corpora of N reports, conversion and site-build figures."""
