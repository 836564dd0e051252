"""County Pulse offline pipeline: report files in, tidy tables and word clouds out."""

__version__ = "0.1.0"
