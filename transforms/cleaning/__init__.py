"""Cleaning: line and block rules, the rules file, the line classifier and language, text in and clean text out."""
