"""Import captures (.txt, saved .html) as draft articles: clean, read metadata, match a briefing, write."""
