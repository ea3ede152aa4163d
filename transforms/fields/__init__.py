"""Fields: parsing and choosing each record field (dates, authors, title, dateline, agency, contributors, names)."""
