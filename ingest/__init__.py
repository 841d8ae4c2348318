"""newskb: turn saved news articles into a queryable SQLite knowledge base."""

__version__ = "0.1.0"
