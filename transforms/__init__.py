"""Cleaning and extraction: pure functions over plain data, plus thin Beam wrappers.

Only :mod:`newsclean.transforms.beam.documents` imports Apache Beam; everything else is plain Python
so it can be tested, profiled and reused without a pipeline.
"""
