"""An article filed with its story: where ``turnout draft --story SLUG`` puts what it read.

The rule (the README's step 5): a story's article is ``data/raw/sources/SLUG.txt`` (or
``.html``), the words as received, so every row's quote can be checked against it and the
review notebook finds it with the story's name alone. Its publication date, outlet and
address go into the story's settings (``published``, ``outlet``, ``url``, and ``source``
when it is empty), where they are empty; a value the reporter typed is never replaced.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from turnout import paths
from turnout.errors import DataError

#: Settings ``turnout draft --story`` fills where they are empty, in this order.
ARTICLE_SETTINGS = ("published", "outlet", "url", "source")
_FRONT_END = re.compile(r"\A---[ \t]*\r?\n.*?^(?=---[ \t]*$)", re.DOTALL | re.MULTILINE)


def filed_path(story: str, article: Path) -> Path:
    """Where a story's article is filed: ``data/raw/sources/SLUG`` plus its own suffix.

    >>> filed_path("may-day", Path("Downloads/Marches.HTML")).name
    'may-day.html'
    """
    suffix = article.suffix.lower() if article.suffix.lower() in (".html", ".htm") else ".txt"
    return paths.raw_dir() / "sources" / f"{story}{suffix}"


def file_article(story: str, article: Path) -> tuple[Path, bool]:
    """Copy ``article`` to :func:`filed_path` unless it is there already; returns the path
    and whether it was copied. Another article already filed under the name is never
    replaced (:class:`DataError`, naming it)."""
    target = filed_path(story, article)
    if target.exists():
        if target.resolve() == article.resolve() or target.read_bytes() == article.read_bytes():
            return target, False
        raise DataError(
            "another article is already filed with this story; rename or remove it to file "
            f"{paths.display_path(article)} instead",
            path=paths.display_path(target),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(article, tmp)
    tmp.replace(target)
    return target, True


def fill_settings(text: str, values: Mapping[str, str | None]) -> tuple[str, list[str]]:
    """A codebook's text with each setting of ``values`` filled where it is empty or absent
    (its comment kept); returns the text and the names filled. Values set are kept.

    >>> text = "---\\ntitle: T\\npublished:   # YYYY-MM-DD\\nurl: https://a.example\\n---\\n# T\\n"
    >>> new, filled = fill_settings(text, {"published": "2022-06-25", "url": "https://b",
    ...                                    "outlet": "The Wire"})
    >>> print(new)
    ---
    title: T
    published: 2022-06-25   # YYYY-MM-DD
    url: https://a.example
    outlet: "The Wire"
    ---
    # T
    <BLANKLINE>
    >>> filled
    ['published', 'outlet']
    """
    front = _FRONT_END.match(text)
    if front is None:  # no settings block yet: one with these settings
        given = [k for k, v in values.items() if v]
        block = "".join(f"{k}: {_yaml(k, values[k] or '')}\n" for k in given)
        return (f"---\n{block}---\n\n{text}" if block else text), given
    head, rest = front.group(0), text[front.end() :]
    filled = []
    for key, value in values.items():
        if not value:
            continue
        line = re.compile(rf"^{re.escape(key)}:(?P<value>[^#\n]*)(?P<comment>#[^\n]*)?$", re.M)
        m = line.search(head)
        if m is None:
            head = f"{head}{key}: {_yaml(key, value)}\n"
        elif not m["value"].strip():
            comment = f"   {m['comment']}" if m["comment"] else ""
            head = head[: m.start()] + f"{key}: {_yaml(key, value)}{comment}" + head[m.end() :]
        else:
            continue
        filled.append(key)
    return head + rest, filled


def _yaml(key: str, value: str) -> str:
    """A value as YAML: a day as written, URLs bare, other text quoted (JSON is YAML)."""
    if key in ("published", "url") and re.fullmatch(r"[\w:/.?=&%+~-]+", value):
        return value
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def record_article(story: str, values: Mapping[str, str | None]) -> list[str]:
    """Fill the story's settings (its codebook) with the article's, where empty; returns
    the names filled. A story without a codebook gets none written (it has no settings)."""
    from turnout.stories import parse_settings, story_paths

    codebook = story_paths(story)[1]
    if not codebook.is_file():
        return []
    text = codebook.read_text(encoding="utf-8")
    new, filled = fill_settings(text, {k: values.get(k) for k in ARTICLE_SETTINGS})
    if filled:
        parse_settings(new, path=codebook)  # still a valid settings block, or nothing written
        paths.atomic_write(codebook, new)
    return filled
