"""Copy detection: exact, near-duplicate and spun copies of one story.

Pure functions over plain data (no Beam): token hashing and shingles
(:mod:`.features`), candidate keys (:mod:`.keys`), pair verification
(:mod:`.verify`), connected components (:mod:`.components`), the canonical
record and copy kinds of a cluster (:mod:`.canonical`) and an in-memory
reference of the whole stage (:mod:`.reference`). The Beam composite lives in
:mod:`newsclean.transforms.beam.copies`.
"""
