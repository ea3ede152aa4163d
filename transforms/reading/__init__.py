"""Reading: input formats, decompression and decoding, bytes in and raw documents out."""
