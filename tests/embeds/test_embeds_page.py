"""An embed's page parts (turnout.embeds.page): the Content-Security-Policy that allows exactly
its own style and script, and links that can only be web addresses or relative."""

from __future__ import annotations

import base64
import hashlib

import pytest

from turnout.embeds.page import csp_policy, safe_href, script, sha256


def test_sha256_is_the_csp_hash_of_the_source():
    want = base64.b64encode(hashlib.sha256("a ✓".encode()).digest()).decode()
    assert sha256("a ✓") == f"'sha256-{want}'"


def test_the_policy_allows_this_style_and_this_script_and_nothing_else():
    code = script()
    policy = dict(p.split(" ", 1) for p in csp_policy("body{}", code).split("; "))
    assert policy == {
        "default-src": "'none'",
        "style-src": sha256("body{}"),
        "script-src": sha256(code),
        "img-src": "data:",
        "base-uri": "'none'",
        "form-action": "'none'",
    }


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("  HTTP://example.com ", "HTTP://example.com"),
        ("turnout-by-city.csv", "turnout-by-city.csv"),
        ("../figures/a.csv", "../figures/a.csv"),
        ("javascript:alert(1)", ""),
        ("data:text/html,x", ""),
        ("//evil.example/x", ""),
        ("file:///etc/passwd", ""),
    ],
)
def test_safe_href(url, href):
    assert safe_href(url) == href
