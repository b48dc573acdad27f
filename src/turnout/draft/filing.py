"""An article filed with its story: where ``turnout draft --story SLUG`` puts what it read.

The rule (the README's step 5): a story's article is ``data/raw/sources/SLUG.txt`` (or
``.html``), the words as received, so every row's quote can be checked against it and the
review notebook finds it with the story's name alone. Its publication date, outlet and
address go into the story's settings (``published``, ``outlet``, ``url``, and ``source``
when it is empty), where they are empty; a value the reporter typed is never replaced.
A day's coverage (several articles) is filed as ``sources/SLUG/`` (the articles) and,
for a manifest, ``sources/SLUG.jsonl`` or ``.csv`` (:func:`file_coverage`).
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


def _copy_plan(story: str, items: list[Path]) -> tuple[list[tuple[Path, Path]], Path | None, str]:
    """What filing a day's coverage copies: (article, where it goes) pairs, the manifest's
    new path (or None) and its rewritten text ("" for a folder of articles)."""
    from turnout.draft.manifest import ARTICLE_SUFFIXES, is_manifest, listed_files

    sources = paths.raw_dir() / "sources"
    folder = sources / story
    manifests = [p for p in items if p.is_file() and is_manifest(p)]
    if not manifests:
        files = [p for p in listed_files(items) if p.suffix.lower() in ARTICLE_SUFFIXES]
        return [(p, folder / p.name) for p in files], None, ""
    if len(manifests) > 1 or len(items) > 1:
        raise DataError(
            "files one manifest, or a folder of articles, with its story: "
            "give one, or file the articles under data/raw/sources/ by hand"
        )
    manifest = manifests[0]
    suffix = ".jsonl" if manifest.suffix.lower() in (".jsonl", ".ndjson") else ".csv"
    text, files = rewrite_manifest(manifest, story)
    return [(p, folder / p.name) for p in files], sources / f"{story}{suffix}", text


def rewrite_manifest(manifest: Path, story: str) -> tuple[str, list[Path]]:
    """A manifest's text with each ``path`` pointing into ``sources/SLUG/`` (where its
    file is filed), and the files it names, in order.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Hundreds marched in Denver.", encoding="utf-8")
    >>> _ = (folder / "day.jsonl").write_text('{"path": "a.txt", "source": "AP"}\\n')
    >>> text, files = rewrite_manifest(folder / "day.jsonl", "may-day")
    >>> text, [f.name for f in files]
    ('{"path": "may-day/a.txt", "source": "AP"}\\n', ['a.txt'])
    """
    import csv
    import io

    from turnout.draft.manifest import JSONL_SUFFIXES

    files: list[Path] = []

    def moved(where: str) -> str:
        if not where.strip():
            return where
        file = Path(where.strip())
        file = file if file.is_absolute() else manifest.parent / file
        files.append(file)
        return f"{story}/{file.name}"

    if manifest.suffix.lower() in JSONL_SUFFIXES:
        out = []
        for line in manifest.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(f"not a JSON object: {err.msg}", path=manifest) from None
            if isinstance(obj, dict) and isinstance(obj.get("path"), str):
                obj["path"] = moved(obj["path"])
            out.append(json.dumps(obj, ensure_ascii=False) + "\n")
        return "".join(out), files
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with manifest.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if "path" in row and row["path"]:
            row["path"] = moved(row["path"])
        writer.writerow(row)
    return buffer.getvalue(), files


def check_coverage(story: str, items: list[Path]) -> dict[Path, Path]:
    """Refuse coverage that cannot be filed with its story (a manifest beside a folder, two
    articles of one name, a file already filed there with other contents) with one
    :class:`DataError`, before anything is drafted or copied. Returns where each article
    goes (target: source) for :func:`file_coverage`.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Hundreds marched in Denver.", encoding="utf-8")
    >>> [t.name for t in check_coverage("may-day", [folder])]
    ['a.txt']
    """
    return _checked_plan(story, items)[0]


def _checked_plan(story: str, items: list[Path]) -> tuple[dict[Path, Path], Path | None, str]:
    copies, manifest, text = _copy_plan(story, items)
    targets: dict[Path, Path] = {}
    for source, target in copies:
        if target in targets and targets[target].resolve() != source.resolve():
            raise DataError(
                f"two articles share the name {target.name}: rename one to file both",
                path=paths.display_path(source),
            )
        targets[target] = source
    clash = [t for t, s in targets.items() if t.exists() and t.read_bytes() != s.read_bytes()]
    if manifest is not None and manifest.exists():
        if manifest.read_text(encoding="utf-8") != text:
            clash.insert(0, manifest)
    if clash:
        raise DataError(
            "another file is already filed with this story under this name; rename or "
            "remove it to file this coverage instead",
            path=paths.display_path(clash[0]),
        )
    return targets, manifest, text


def file_coverage(story: str, items: list[Path]) -> list[Path]:
    """File a day's coverage with its story where notebook 00 and
    :func:`turnout.draft.manifest.story_articles` look: a folder's articles copied to
    ``data/raw/sources/SLUG/``; a manifest copied as ``sources/SLUG.jsonl`` (or ``.csv``)
    with the files it names under ``sources/SLUG/``, its paths rewritten. Returns what
    was written; a file already there with other contents is never replaced (nothing is
    copied then: :class:`DataError`, naming it, as :func:`check_coverage` says first)."""
    targets, manifest, text = _checked_plan(story, items)
    written = []
    for target, source in targets.items():
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
        written.append(target)
    if manifest is not None and not manifest.exists():
        manifest.parent.mkdir(parents=True, exist_ok=True)
        paths.atomic_write(manifest, text)
        written.append(manifest)
    return written
