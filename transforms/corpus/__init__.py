"""Corpus: whole-collection steps (source boilerplate, copies) and the hashes they key on."""

# Distinct documents of one source a line must recur in before the corpus stage removes it; here, not in
# boilerplate.py, so the command line's --help can show it without importing the cleaning stack.
DEFAULT_MIN_DOCS = 10
