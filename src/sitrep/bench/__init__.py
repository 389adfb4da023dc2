"""Benchmarks: the raw Redis floor vs sitrep, in one run on one server."""
