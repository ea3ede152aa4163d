"""Extraction: an HTML page to content blocks and page facts (trafilatura adapter, page metadata)."""
