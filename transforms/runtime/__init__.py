"""Runtime: per-document limits, the time guard and its child process, memory release, progress."""
