"""turnout's raw event format: the column names, shared by every reader.

They follow the Crowd Counting Consortium codebook, plus ``temp_text`` and the
provenance columns (``source_*``) that keep each row's words. The codebook is
``data/raw/README.md``.
"""

#: Columns of turnout's raw event format, in file order.
RAW_COLUMNS = [
    "date",
    "locality",
    "state",
    "location_detail",
    "type",
    "title",
    "organizations",
    "participants",
    "claims",
    "size_text",
    "temp_text",
    "source_name",
    "source_date",
    "source_url",
    "source_quote",
    "notes",
]
