"""Graph assembly, options and the ``newsclean`` command line."""

__version__ = "0.1.0"
