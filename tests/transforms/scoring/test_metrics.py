"""The data README's metrics, page by page: snippets, headlines, credits, people-only authors, dates."""

from __future__ import annotations

from newsclean.transforms.scoring.metrics import aggregate, is_person, score_case, score_cases


def test_snippets_are_counted_as_trafilaturas_evaluation_does() -> None:
    truth = {"with": ["the ferry  resumed", "extra crossings"], "without": ["Sign up", "Cookie settings"]}
    row = score_case({"text": "The ferry resumed\nits run. Sign up now"}, {**truth, "with": ["ferry resumed", "x y"]})
    assert (row["with_found"], row["with_total"], row["without_found"], row["without_total"]) == (1, 2, 1, 2)
    scores = aggregate([row, score_case({"text": "extra crossings"}, {"with": ["extra crossings"], "without": []})])
    # tp 2, fn 1, fp 1: precision 2/3, recall 2/3, counted over all pages
    assert abs(scores.snippet_precision - 2 / 3) < 1e-9 and abs(scores.snippet_recall - 2 / 3) < 1e-9
    assert scores.snippet_docs == 2 and scores.body_docs == 0


def test_a_site_suffix_makes_a_headline_wrong_and_case_or_punctuation_do_not() -> None:
    truth = {"title": "Ferry service resumes!"}
    assert score_case({"title": "ferry service Resumes"}, truth)["title_ok"] == 1.0
    assert score_case({"title": "Ferry service resumes | Port News"}, truth)["title_ok"] == 0.0
    assert score_case({"title": None}, truth)["title_ok"] == 0.0
    assert "title_ok" not in score_case({"title": "x"}, {"title": None})


def test_people_only_leaves_out_wires_outlets_and_single_words() -> None:
    assert is_person("Ann Lee") and is_person("María J. de la Fuente")
    for name in ("dpa", "Associated Press", "Redaktion Stuttgart", "Madonna", "BBC News", "Zeit Online"):
        assert not is_person(name), name


def test_credits_count_the_agency_and_people_only_ignores_it() -> None:
    truth = {"authors": ["Ann Lee", "Reuters"]}
    row = score_case({"authors": ["Ann Lee"], "agency": "Reuters"}, truth)
    assert row["credit_precision"] == 1.0 and row["credit_recall"] == 1.0
    assert row["author_recall"] == 0.5 and row["people_recall"] == 1.0 and row["people_precision"] == 1.0
    only_wire = score_case({"authors": []}, {"authors": ["dpa"]})
    assert "people_precision" not in only_wire and only_wire["credit_recall"] == 0.0


def test_dates_exact_and_within_a_day() -> None:
    scores = score_cases(
        [{"date": "2025-06-02"}, {"date": "2025-06-01T23:00:00"}, {"date": None}, {"date": "2025-05-30"}],
        [{"date": "2025-06-02"}] * 4,
    )
    assert scores.date_docs == 4 and scores.date_accuracy == 0.25 and scores.date_within_day == 0.5
