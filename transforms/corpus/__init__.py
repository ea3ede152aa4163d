"""Corpus: whole-collection steps (source boilerplate, copies) and the hashes they key on."""
