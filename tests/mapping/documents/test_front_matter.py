"""Markdown front matter: metadata from the YAML block, no sentences from it, prose left alone."""

from __future__ import annotations

import pytest

from mapping.documents.reader import parse_text

POST = """---
title: "Car-free old town: who gains?"
author:
  - name: Mira Okafor
  - name: Tom Reyes
date: 2025-03-14 09:30:00
tags: [transport, city]
---

# Car-free old town

By Someone Else

The council votes next week. Shopkeepers fear losing customers who drive in.
"""


def test_the_block_gives_title_author_and_date_and_no_sentences() -> None:
    document = parse_text(POST, "post.md", "markdown")
    assert document.metadata["title"] == "Car-free old town: who gains?"
    assert document.metadata["author"] == "Mira Okafor and Tom Reyes"  # the block beats the byline
    assert document.metadata["date"] == "2025-03-14 09:30"
    block_end = POST.index("---\n", 4) + 3
    assert all(block.start > block_end for block in document.blocks)
    texts = [document.text[s.start : s.end] for s in document.sentences]
    assert texts == [
        "Car-free old town",
        "The council votes next week.",
        "Shopkeepers fear losing customers who drive in.",
    ]
    assert {sentence.speaker for sentence in document.sentences} == {"Mira Okafor and Tom Reyes"}


@pytest.mark.parametrize(
    "value, expected",
    [("Ann Lee", "Ann Lee"), ("[Ann Lee, Bo Ek, Cy Ma]", "Ann Lee, Bo Ek and Cy Ma"),
     ("{name: Ann Lee, email: a@example.org}", "Ann Lee")],
)  # fmt: skip
def test_authors_as_a_name_a_list_or_a_record(value: str, expected: str) -> None:
    text = f"---\nauthor: {value}\n---\nWe should act.\n"
    assert parse_text(text, "a.md", "markdown").metadata["author"] == expected


def test_an_article_opening_with_a_rule_keeps_its_prose() -> None:
    text = "---\nThe vote: a view from the gallery.\n\nIt was close.\n---\nMore text here.\n"
    document = parse_text(text, "rule.md", "markdown")
    texts = [document.text[s.start : s.end] for s in document.sentences]
    assert "It was close." in texts and "The vote: a view from the gallery." in texts
    assert not document.warnings


def test_broken_yaml_is_skipped_with_a_warning_naming_the_file_and_line() -> None:
    text = '---\ntitle: fine\nauthor: "unclosed\n---\n# Heading title\n\nA sentence here.\n'
    document = parse_text(text, "broken.md", "markdown")
    assert len(document.warnings) == 1
    assert document.warnings[0].startswith("broken.md, line ")
    assert "front matter ignored" in document.warnings[0]
    assert document.metadata["title"] == "Heading title"  # from the heading, as without a block
    assert all("unclosed" not in document.text[s.start : s.end] for s in document.sentences)


def test_only_markdown_and_only_a_closed_block_at_the_very_top() -> None:
    unclosed = "---\ntitle: x\n\nSome prose that goes on.\n"
    assert "title" not in parse_text(unclosed, "u.md", "markdown").metadata
    plain = "---\ntitle: x\n---\nSome prose.\n"
    assert parse_text(plain, "p.txt", "text").metadata.get("title") != "x"
    later = "Intro line.\n\n---\ntitle: x\n---\n"
    assert parse_text(later, "l.md", "markdown").metadata.get("title") != "x"


@pytest.mark.parametrize("rule", ["---", "* * *", "- - -", "___", "*****"])
@pytest.mark.parametrize("format", ["markdown", "text"])
def test_a_horizontal_rule_separates_and_says_nothing(rule: str, format: str) -> None:
    text = f"# A title\n\nFirst point made.\n\n{rule}\nSecond point made.\n\n- a real bullet item\n"
    document = parse_text(text, "r.md", format)
    texts = [document.text[s.start : s.end] for s in document.sentences]
    assert texts == ["A title", "First point made.", "Second point made.", "a real bullet item"]
    assert [b.kind for b in document.blocks if document.text[b.start : b.end] == rule] == [
        "boilerplate"
    ]
