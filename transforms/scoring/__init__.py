"""Scoring: the metrics newsclean is judged by and the evaluation beside trafilatura."""
