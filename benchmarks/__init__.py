"""Benchmarks: quality and throughput runs, run by hand (never by the unit tests)."""
