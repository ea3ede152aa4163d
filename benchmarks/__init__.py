"""Quality and throughput runs, started by hand (``python -m benchmarks.NAME``)."""
