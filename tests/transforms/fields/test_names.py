"""Bylines to people: forms handled, and what must never become an author."""

from __future__ import annotations

import pytest

from newsclean.transforms.fields.choose import choose_authors
from newsclean.transforms.fields.names import case_name, clean_person_name, outlet_keys, split_names
from newsclean.transforms.vocabulary import FieldSource


@pytest.mark.parametrize(
    ("byline", "people", "agency"),
    [
        ("By JIM HEINTZ and NASSER KARIMI", ["Jim Heintz", "Nasser Karimi"], None),
        ("By JIM HEINTZ and NASSER KARIMI Associated Press", ["Jim Heintz", "Nasser Karimi"], "Associated Press"),
        ("By Jane Doe, Associated Press", ["Jane Doe"], "Associated Press"),
        ("Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
        ("Jane Doe and John Roe, CNN", ["Jane Doe", "John Roe"], None),
        ("Story by Mary Major", ["Mary Major"], None),
        ("Written by Mary Major", ["Mary Major"], None),
        ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"], None),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"], None),
        ("Por María García y José López", ["María García", "José López"], None),
        ("By Dylan Bailey, MS, RD, FAND", ["Dylan Bailey"], None),
        ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton"], None),
        ("Nicoletta Richardson Trending Editor", ["Nicoletta Richardson"], None),
        ("By Dr. Vahid Osman", ["Vahid Osman"], None),
        ("Posted by David at December 16, 2025 11:15 AM", ["David"], None),
        ("by: Ziyi Xu, Dec 17, 2025", ["Ziyi Xu"], None),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ["Niko Matsakis"], None),
        ("By Chris McNamara ⋅ Founder and Editor-in-Chief ⋅ Updated May 6, 2025", ["Chris McNamara"], None),
        ("Jean-Luc O'BRIEN", ["Jean-Luc O'Brien"], None),
        ("By Ludwig van BEETHOVEN", ["Ludwig van Beethoven"], None),
        ("A. J. Neal", ["A. J. Neal"], None),
        ("BySummer Swann", ["Summer Swann"], None),
        ("This post was written by Danielle Padula", ["Danielle Padula"], None),
        ("Dec 17, 2025 Julian K. Arni", ["Julian K. Arni"], None),  # a date before the name
        ("17 December 2025 · By Jane Doe", ["Jane Doe"], None),
        ("2025-12-17 | Jane Doe", ["Jane Doe"], None),
        ("Dec 17, 2025", [], None),
        ("December 17, 2025 Update", [], None),
        ("This article has been written by Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
        ("This post was reviewed by Jane Doe", [], None),  # a reviewer is no author
        ("This post was sponsored by Acme Corp", [], None),
        # labels, roles and tails of other languages around the names
        ("Veröffentlicht von Cem Basman", ["Cem Basman"], None),
        ("Publié par Jeanne Martin", ["Jeanne Martin"], None),
        ("Interview: Julia Lauter", ["Julia Lauter"], None),
        ("FOCUS-Online-Experte Robin Tschöpe", ["Robin Tschöpe"], None),
        ("Autor: Rechtsanwalt Sebastian Einbock", ["Sebastian Einbock"], None),
        ("Redaktion: Eberhard Fuhr (Pressesprecher des EJW)", ["Eberhard Fuhr"], None),
        ("Johanna Kropfitsch Alle Artikel", ["Johanna Kropfitsch"], None),
        ("Peter Maahn/SP-X", ["Peter Maahn"], None),
        ("Jane Doe/dpa", ["Jane Doe"], "dpa"),
        (
            "Isabel Caro , Rocío Latorre y José Miguel Wilson Hace 13 horas Tiempo de lectura: 8 minutos",
            ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"],
            None,
        ),
        ("Von Roland Brockmann und Sebastian Drescher Kakuma /Kenia", ["Roland Brockmann", "Sebastian Drescher"], None),
        ("Jan Kupitz", ["Jan Kupitz"], None),  # a given name, not a month
        # initials and suffixes belong to the name
        ("By R.C. BAKER", ["R.C. Baker"], None),
        ("By Jane Q. Public", ["Jane Q. Public"], None),
        ("María J. de la Fuente", ["María J. de la Fuente"], None),
        ("Juan Carlos Muñoz C.", ["Juan Carlos Muñoz C."], None),
        ("Perry Bacon Jr.", ["Perry Bacon Jr."], None),
        # byline boxes, link texts, interviews, handles and marks around the names
        ("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet", ["Fritz Imhof"], None),
        ("Date: 3 May 2024 Author: Jane Doe Source: Wire", ["Jane Doe"], None),
        ("Zeige alle Beiträge von Petra Ruland", ["Petra Ruland"], None),
        ("View all posts by Jane Doe", ["Jane Doe"], None),
        ("Voir tous les articles de Jeanne Martin", ["Jeanne Martin"], None),
        ("Harald Bauer Autor", ["Harald Bauer"], None),
        ("Richard David Precht im Gespräch mit Karin Fischer", ["Richard David Precht", "Karin Fischer"], None),
        ("Jane Doe in conversation with John Roe", ["Jane Doe", "John Roe"], None),
        ("By April Roach @aprilroach28 Daniel O'Mahony 01 October 2020", ["April Roach", "Daniel O'Mahony"], None),
        ("Marwan H. Adwan 1", ["Marwan H. Adwan"], None),
        ("Jane Doe1,2", ["Jane Doe"], None),
        ("Von Mat\u00adthi\u00adas Lauerer", ["Matthias Lauerer"], None),
        ("Par Kab Niang Le 17/02/2020", ["Kab Niang"], None),
        ("By Summer Swann - June 12, 2025", ["Summer Swann"], None),  # a month and its day are no name
        ("Posted by Jane Doe on Tuesday, August 29, 2023", ["Jane Doe"], None),
        ("Von: det/dpa", [], "dpa"),  # an editor's code and the wire
        ("red, wien.ORF.at", [], None),
        ("Sid Meier", ["Sid Meier"], None),  # a given name, not the SID wire
    ],
)
def test_bylines(byline: str, people: list[str], agency: str | None) -> None:
    assert split_names(byline) == (people, agency)


@pytest.mark.parametrize(
    "fragment",
    [
        "Staff",
        "By Staff",
        "Editorial Board",
        "The Associated Press",
        "Reuters",
        "AP",
        "CNN",
        "jane.doe@example.com",
        "andrew.keaveney",
        "q_admin",
        "Paperium.net",
        "Follow",
        "Updated Jan 5, 2025",
        "Dec",
        "Datum",
        "Redaktion Polizeiticker Schweiz",  # a desk, not a person
        "Senior Reporter",
        "The Author",
        "News Desk",
        "Our Editors",
        "12345",
        "Acme Solutions",
        "Summit Capital",
        "Dpa",  # a wire title-cased by another extractor
        "Afp",
    ],
)
def test_never_a_person(fragment: str) -> None:
    assert clean_person_name(fragment) is None


def test_site_name_is_not_an_author_unless_the_site_is_a_person() -> None:
    keys = outlet_keys("USA TODAY", "https://www.usatoday.com/story/x")
    assert clean_person_name("USA TODAY", keys) is None
    assert split_names("By Brian Truitt, USA TODAY", keys)[0] == ["Brian Truitt"]
    blog = outlet_keys("Gary Marcus", "https://garymarcus.substack.com/p/x")
    assert clean_person_name("Gary Marcus", blog) == "Gary Marcus"
    own = outlet_keys("Elizabeth McCravy", "https://elizabethmccravy.com/x")  # an inner capital: Mc, Mac, De
    assert clean_person_name("Elizabeth McCravy", own) == "Elizabeth McCravy"
    assert clean_person_name("LegalZoom", outlet_keys("LegalZoom", "https://www.legalzoom.com/x")) is None


def test_case_name() -> None:
    assert case_name("JIM HEINTZ") == "Jim Heintz"
    assert case_name("jane doe") == "Jane Doe"
    assert case_name("PATRICK McDONALD") == "Patrick McDONALD"  # mixed case stays as printed
    assert case_name("Marna van der Merwe") == "Marna van der Merwe"


def test_choose_authors_prefers_structured_data_and_skips_usernames() -> None:
    candidates = [
        ("json-ld", ["KatieS"]),
        ("byline-element", ["Aoife O'Riordan", "Related: Gene Petrino"]),
        ("trafilatura", ["KatieS"]),
    ]
    assert choose_authors(candidates) == (["Aoife O'Riordan"], "byline-element")
    assert choose_authors([("html-meta", ["Jane Doe; John Roe"])]) == (["Jane Doe", "John Roe"], "html-meta")


def test_choose_authors_completes_first_names_and_drops_roles() -> None:
    candidates = [("json-ld", ["Mike"]), ("byline-element", ["Mike Marshall"])]
    assert choose_authors(candidates)[0] == ["Mike Marshall"]
    assert choose_authors([("html-meta", ["Nicole Forbes, Gardener"])])[0] == ["Nicole Forbes"]
    assert choose_authors([("text", [])]) == ([], None)


@pytest.mark.parametrize("fragment", ["ACO Rankings Team", "NETGEAR Orbi Team", "TOI Lifestyle Desk", "Metro Newsroom"])
def test_groups_named_after_the_outlet_are_not_people(fragment: str) -> None:
    assert clean_person_name(fragment) is None


def test_a_role_after_a_comma_keeps_the_person() -> None:
    assert split_names("By Jane Doe, Staff Writer")[0] == ["Jane Doe"]
    assert split_names("Thomas Broderick, Nalea Ko, and ACO Rankings Team")[0] == ["Thomas Broderick", "Nalea Ko"]


def test_the_site_name_yields_to_a_person_from_another_source() -> None:
    keys = outlet_keys("One Tree Planted", "https://onetreeplanted.org/blogs/x")
    candidates = [("html-meta", ["One Tree Planted"]), ("text", ["by Meaghan Weeden"])]
    assert choose_authors(candidates, keys) == (["Meaghan Weeden"], "text")
    # alone, it stays the fallback; and a personal site named after its author still wins
    assert choose_authors([("html-meta", ["One Tree Planted"])], keys)[0] == ["One Tree Planted"]
    blog = outlet_keys("Gary Marcus", "https://garymarcus.substack.com/p/x")
    assert choose_authors([("json-ld", ["Gary Marcus"]), ("author-link", ["Saty Chary"])], blog)[0] == ["Gary Marcus"]


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Jeffrey A. Slotnick CPP, PSP", ["Jeffrey A. Slotnick"]),  # credentials not in the list
        ("Jane Doe CNN", ["Jane Doe"]),
        ("Jean DUPONT", ["Jean Dupont"]),  # a surname in capitals is no credential
        ("Marie Claire DUPONT", ["Marie Claire Dupont"]),
        ("JIM HEINTZ", ["Jim Heintz"]),
    ],
)
def test_capitals_after_a_mixed_case_name(byline: str, people: list[str]) -> None:
    assert split_names(byline)[0] == people


def test_a_personal_site_named_after_its_author_is_the_last_resort() -> None:
    assert choose_authors([("site-person", ["Polly Barks"])]) == (["Polly Barks"], "site-person")
    # any other source that names someone wins, and the site's name completes no first name
    candidates = [("site-person", ["Polly Barks"]), ("rel-author", ["Polly"])]
    assert choose_authors(candidates) == (["Polly"], "rel-author")
    assert choose_authors([("site-person", ["Polly Barks"]), ("json-ld", ["Jane Doe"])])[0] == ["Jane Doe"]


def test_structured_data_naming_the_first_of_the_bylines_people_takes_its_co_authors() -> None:
    written = "Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen"
    candidates = [("json-ld", ["Marna van der Merwe"]), ("byline-element", [written])]
    assert choose_authors(candidates) == (["Marna van der Merwe", "Dieter Veldsman", "Erik van Vulpen"], "json-ld")


def test_a_byline_that_starts_elsewhere_or_adds_no_person_adds_no_co_author() -> None:
    # "Advertiser Disclosure", "Indoor Plants": the next words of a byline element are not people
    candidates = [("json-ld", ["Mike Marshall"]), ("byline-element", ["By Mike Marshall | Advertiser Disclosure"])]
    assert choose_authors(candidates) == (["Mike Marshall"], "json-ld")
    # the byline names someone else first: structured data stays as it is
    candidates = [("json-ld", ["Jane Doe"]), ("text", ["By John Roe and Jane Doe"])]
    assert choose_authors(candidates) == (["Jane Doe"], "json-ld")
    # two names in structured data are taken as they are
    candidates = [("json-ld", ["Jane Doe", "John Roe"]), ("text", ["By Jane Doe, John Roe and Mary Major"])]
    assert choose_authors(candidates) == (["Jane Doe", "John Roe"], "json-ld")


def test_a_role_glued_to_a_visible_byline_yields_to_the_name_another_source_prints() -> None:
    candidates = [("byline-element", ["By Sofia Kondrat EdTech Content writer"]), ("author-link", ["Sofia Kondrat"])]
    assert choose_authors(candidates) == (["Sofia Kondrat"], "byline-element")
    # structured data's longer name is kept: "Mary Ann" elsewhere is a shortening, not the name
    candidates = [("json-ld", ["Mary Ann Smith"]), ("text", ["By Mary Ann"])]
    assert choose_authors(candidates) == (["Mary Ann Smith"], "json-ld")


def test_a_byline_two_visible_sources_print_beats_a_meta_tag_naming_someone_else() -> None:
    shown = [
        ("html-meta", ["Colin Madison"]),  # the CMS account that published the post
        ("byline-element", ["Christian Dupuis"]),
        ("author-link", ["Christian Dupuis"]),
    ]
    assert choose_authors(shown) == (["Christian Dupuis"], "byline-element")
    one_source = [("html-meta", ["Josh Katzowitz"]), ("text", ["By Charles Patterson"])]
    assert choose_authors(one_source)[0] == ["Josh Katzowitz"]  # one visible source is not enough
    printed_too = [
        ("html-meta", ["Colin Gray"]),
        ("byline-element", ["Written by: Colin Gray Colin Gray"]),
        ("text", ["Written by: Colin Gray Colin Gray"]),
    ]
    assert choose_authors(printed_too)[0] == ["Colin Gray"]  # the tag's person is printed: the tag stands
    company = [
        ("html-meta", ["Abby Colson"]),
        ("byline-element", ["Thomson Reuters Tax & Accounting"]),
        ("author-link", ["Thomson Reuters Tax"]),
    ]
    assert choose_authors(company)[0] == ["Abby Colson"]


def test_people_credited_with_another_job_are_no_authors() -> None:
    listed = [
        ("itemprop", ["Emma Ryan", "Oliver Simpson"]),
        ("text", ["Written by Emma Ryan Researched by Oliver Simpson Updated on February 24, 2026"]),
    ]
    assert choose_authors(listed)[0] == ["Emma Ryan"]
    reviewed = [
        ("json-ld", ["Jane Doe", "John Roe"]),
        ("byline-element", ["By Jane Doe Medically reviewed by John Roe, MD"]),
    ]
    assert choose_authors(reviewed)[0] == ["Jane Doe"]
    # credited otherwise but the only name: kept; credits in structured data alone change nothing
    alone = [("json-ld", ["John Roe"]), ("text", ["Reviewed by John Roe"])]
    assert choose_authors(alone)[0] == ["John Roe"]
    assert choose_authors([("json-ld", ["Jane Doe", "John Roe"])])[0] == ["Jane Doe", "John Roe"]


def test_a_role_with_its_remit_joins_no_second_person() -> None:
    byline = "This post was written by Danielle Padula, Head of Marketing and Community Development"
    assert split_names(byline)[0] == ["Danielle Padula"]
    assert split_names("By Jane Doe, Director of Research, and John Roe")[0] == ["Jane Doe", "John Roe"]
    assert clean_person_name("Liz Kenny Former McKinsey Consultant") == "Liz Kenny"
    assert split_names("Justin C. Meserole, On")[0] == ["Justin C. Meserole"]  # a function word is no name


def test_a_gathering_source_keeps_only_the_people_the_byline_prints() -> None:
    """rel="author" links gather every teaser's writer; the story's byline names its own."""
    candidates = [
        (FieldSource.REL_AUTHOR, ["Tatyana Turner", "Claire Stottlemyer", "Emma Whitford"]),
        (FieldSource.TEXT_BYLINE, ["By Tatyana Turner"]),
    ]
    assert choose_authors(candidates) == (["Tatyana Turner"], FieldSource.REL_AUTHOR)
    co_authors = [
        (FieldSource.HTML_META, ["Chen Zhao, Daryl Fairweather"]),
        (FieldSource.TEXT_BYLINE, ["by Chen Zhao and Daryl Fairweather"]),
    ]
    assert choose_authors(co_authors)[0] == ["Chen Zhao", "Daryl Fairweather"]


def test_a_teaser_byline_element_yields_to_the_byline_two_other_sources_print() -> None:
    teasers = [
        (FieldSource.BYLINE_ELEMENT, ["Par Philippe Douroux", "Par Hervé Hinopay"]),  # related stories above
        (FieldSource.TEXT_BYLINE, ["Par Anna Niang Le 17/02/2020"]),
        (FieldSource.AUTHOR_LINK, ["Anna Niang"]),
    ]
    assert choose_authors(teasers) == (["Anna Niang"], FieldSource.TEXT_BYLINE)
    confirmed = [*teasers[:2], (FieldSource.AUTHOR_LINK, ["Philippe Douroux"])]
    assert choose_authors(confirmed)[0] == ["Philippe Douroux"]  # another source prints the element's person
