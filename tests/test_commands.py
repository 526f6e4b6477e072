"""The palette's quick search for long lists: the same hits as a fuzzy match (the letters
in order, case ignored), whole matches first, at most the number asked for."""

from clerk_tui.commands import HIGHLIGHT as HIGHLIGHT_STYLE
from clerk_tui.commands import SCORED, QuickSearch, highlighted

TITLES = [
    "Switch committee: Planning Committee",
    "Open meeting: Planning Committee 14 Mar 2001",
    "Open meeting: Health and Wellbeing Board 14 Mar 2001",
    "Open meeting: Planning Committee 04 Jan 2001",
    "Export: minutes of the meeting",
]


def hits(search: QuickSearch, query: str, limit: int = 10) -> list[str]:
    return [TITLES[index] for _, index, _ in search.best(query, limit)]


def test_a_title_holding_the_query_whole_comes_before_scattered_letters() -> None:
    search = QuickSearch(TITLES)
    assert hits(search, "14 mar")[:2] == [TITLES[1], TITLES[2]]
    assert hits(search, "PLANNING 14") == [TITLES[1]]
    assert set(hits(search, "opn plan")) == {TITLES[1], TITLES[3]}  # letters in order, with gaps
    assert hits(search, "zzz") == []
    assert hits(search, "") == []


def test_the_offsets_are_the_matched_letters_of_the_title() -> None:
    search = QuickSearch(TITLES)
    for query in ("export", "exprt min", "14 mar 2001"):
        for _, index, offsets in search.best(query, 10):
            title = TITLES[index].lower()
            assert "".join(title[offset] for offset in offsets) == query
            assert offsets == sorted(offsets)


def test_at_most_the_limit_and_the_best_first() -> None:
    many = [f"Open meeting: Committee {n} 01 Jan 2001" for n in range(2 * SCORED)]
    search = QuickSearch(many)
    found = search.best("open", 40)
    assert len(found) == 40
    scores = [score for score, _, _ in found]
    assert scores == sorted(scores, reverse=True)


def test_titles_whose_lower_case_is_longer_and_titles_with_a_line_break() -> None:
    titles = ["İstanbul Twinning Committee", "Two\nlines", "Tuesday meeting"]
    search = QuickSearch(titles)
    assert [titles[i] for _, i, _ in search.best("twinning", 5)] == [titles[0]]
    assert [titles[i] for _, i, _ in search.best("two lines", 5)] == [titles[1]]
    assert (
        highlighted(titles[0], [99], HIGHLIGHT_STYLE).plain == titles[0]
    )  # an offset past the end is skipped


def test_highlighted_titles_are_plain_text_never_markup() -> None:
    content = highlighted("Open meeting: [b]Board[/b] 01 Jan", [0, 1], HIGHLIGHT_STYLE)
    assert content.plain == "Open meeting: [b]Board[/b] 01 Jan"
