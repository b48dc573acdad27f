"""One typo apart: the words a mistyped word was probably meant to be.

A reporter types "Tuscon" for Tucson and "hundredd" for hundreds. A typo here is one
letter inserted, dropped or changed, or two neighbouring letters swapped. Short words
are too close to each other for one letter to mean a typo ("rally", "tally"), and typos
fall inside words, not on the first letter ("billion" is not "million"), so only words of
six letters or more are matched, and only to words with the same first letter.

>>> typo_matches("tuscon", ["tucson", "tulsa", "tacoma"])
['tucson']
"""

from __future__ import annotations

from collections.abc import Iterable

#: Words shorter than this are never read as typos.
MIN_TYPO_LENGTH = 6


def one_typo_apart(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter inserted, dropped or changed, or two
    neighbouring letters swapped; False when they are the same word.

    >>> one_typo_apart("tuscon", "tucson"), one_typo_apart("hundredd", "hundreds")
    (True, True)
    >>> one_typo_apart("hundred", "hundred"), one_typo_apart("dozen", "dozens!!")
    (False, False)
    """
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def typo_matches(word: str, candidates: Iterable[str]) -> list[str]:
    """The ``candidates`` that ``word`` may be a typo of, in the order given.

    None for a word shorter than :data:`MIN_TYPO_LENGTH`; otherwise the candidates with
    the same first letter that are :func:`one_typo_apart` from it.

    >>> typo_matches("hundredd", ["hundred", "hundreds", "thousand"])
    ['hundred', 'hundreds']
    >>> typo_matches("dozn", ["dozen"])  # too short to call a typo
    []
    """
    if len(word) < MIN_TYPO_LENGTH:
        return []
    first = word[0]
    return [c for c in candidates if c[:1] == first and one_typo_apart(word, c)]
