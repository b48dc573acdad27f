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

#: A drafted row's reviewer column (``turnout draft`` writes it, empty): in a file that has
#: it, a row is used only once a person has put their initials in it. Files typed by hand
#: (no such column) are unaffected.
CHECKED = "checked"
#: Why a drafted row with no initials is not used, and how to fix it.
UNCHECKED_REASON = "drafted, not yet checked against the article: put your initials in `checked`"
