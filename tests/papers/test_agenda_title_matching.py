"""An agenda item's title finds its paper's despite case, punctuation, "&", a leading number
and minor words; a title that could be either of two papers finds neither."""

from papers.importer.title_matching import best_title_match, normalised_title

PAPERS = [
    (1, "LIBRARY OPENING HOURS"),
    (2, "Crime figures for the year to September 2018"),
    (3, "Crime figures for the year to September 2019"),
    (4, "Health & Wellbeing Strategy: Refresh"),
]


def test_titles_are_compared_without_case_punctuation_numbers_in_front_or_minor_words():
    assert normalised_title("3. Report on the Health and Wellbeing Strategy – refresh.") == (
        "health wellbeing strategy refresh"
    )
    assert normalised_title("Item 4 Library Opening Hours") == "library opening hours"


def test_a_near_miss_title_finds_its_one_paper():
    assert best_title_match("Health and wellbeing strategy refresh", PAPERS).key == 4
    assert best_title_match("4. Library opening-hours", PAPERS).key == 1
    assert best_title_match("Crime figure for the year to Sept 2019", PAPERS).key == 3


def test_a_title_close_to_two_papers_finds_neither():
    assert best_title_match("Crime figures for the year to September", PAPERS) is None


def test_a_title_printing_another_year_is_another_paper():
    assert best_title_match("Crime figures for the year to September 2020", PAPERS) is None


def test_an_unrelated_title_finds_nothing():
    assert best_title_match("Any other business", PAPERS) is None
    assert best_title_match("", PAPERS) is None
