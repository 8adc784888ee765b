"""factcheck: find where texts about one story disagree, in Chinese and English."""

__version__ = "0.1.0"
