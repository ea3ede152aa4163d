"""Contributor tails across agencies, including reworded ones."""

from __future__ import annotations

import pytest

from newsclean.schemas.records import Contributor as C
from newsclean.transforms.fields.contributors import parse_contributor_list, parse_contributor_tail


@pytest.mark.parametrize(
    ("line", "people", "agency"),
    [
        (
            "Associated Press writers Jon Gambrell in Dubai, United Arab Emirates, "
            "and Amir Vahdat in Tehran contributed.",
            [C("Jon Gambrell", "Dubai, United Arab Emirates"), C("Amir Vahdat", "Tehran")],
            "Associated Press",
        ),
        (
            "Associated Press author Jon Gambrell in Dubai, United Arab Emirates, and Amir Vahdat in Tehran added.",
            [C("Jon Gambrell", "Dubai, United Arab Emirates"), C("Amir Vahdat", "Tehran")],
            "Associated Press",
        ),
        (
            "Associated Press writer Matthew Lee in Washington contributed to this report.",
            [C("Matthew Lee", "Washington")],
            "Associated Press",
        ),
        (
            "AP writers Jim Heintz and Nasser Karimi in Tehran contributed.",
            [C("Jim Heintz", "Tehran"), C("Nasser Karimi", "Tehran")],
            "Associated Press",
        ),
        (
            "Washington Post reporters Jane Doe, John Roe and Mary Major contributed to this report.",
            [C("Jane Doe"), C("John Roe"), C("Mary Major")],
            None,
        ),
        ("Jane Doe contributed to this report from London.", [C("Jane Doe", "London")], None),
        ("Additional reporting by Jane Doe in Paris and John Roe.", [C("Jane Doe", "Paris"), C("John Roe")], None),
        ("Reporting by Jane Doe and John Roe; Editing by Mark Heinrich", [C("Jane Doe"), C("John Roe")], None),
        ("Staff writer Jane Doe contributed.", [C("Jane Doe")], None),
    ],
)
def test_tails(line: str, people: list[C], agency: str | None) -> None:
    found = parse_contributor_tail(line)
    assert found is not None
    assert found[0] == people
    assert found[1] == agency


@pytest.mark.parametrize(
    "line",
    [
        '"We will fight to the end," he added.',
        "The minister in Moscow added.",
        "Officials said the funds contributed to the deficit.",
        "Iran has contributed troops to the coalition, the ministry said.",
        "He reported from Tehran for a decade before joining the agency.",
    ],
)
def test_prose_is_not_a_tail(line: str) -> None:
    assert parse_contributor_tail(line) is None


def test_list_with_a_person_between_places() -> None:
    people = parse_contributor_list("Jane Doe in Dubai, John Roe and Ann Lee in Tehran")
    assert people == [C("Jane Doe", "Dubai"), C("John Roe", "Tehran"), C("Ann Lee", "Tehran")]


def _people(line: str) -> list[C]:
    found = parse_contributor_tail(line)
    assert found is not None, line
    return found[0]


# 1. Forms of the tail: verbs after the names, leads before them, and their objects.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Jane Roe filed from Lagos.", [C("Jane Roe", "Lagos")]),
        ("Kwame Mensah filed from Accra, Ghana.", [C("Kwame Mensah", "Accra, Ghana")]),
        ("Ann Lee in Paris contributed reporting.", [C("Ann Lee", "Paris")]),
        (
            "Lars Nyström in Oslo and Ingrid Haugen contributed reporting.",
            [C("Lars Nyström", "Oslo"), C("Ingrid Haugen")],
        ),
        ("--With assistance from Jon Doe and Ann Roe.", [C("Jon Doe"), C("Ann Roe")]),
        (
            "—With assistance from Priya Iyer, Kenji Sato and Ruth Tesfaye.",
            [C("Priya Iyer"), C("Kenji Sato"), C("Ruth Tesfaye")],
        ),
        ("AP writer Ahmed al-Amin in Cairo contributed.", [C("Ahmed al-Amin", "Cairo")]),
        ("Reuters reporter Hala el-Sayed in Beirut contributed.", [C("Hala el-Sayed", "Beirut")]),
        ("Jane Doe contributed to this report.", [C("Jane Doe")]),
        ("Omar Haddad and Lucía Pérez contributed to this story.", [C("Omar Haddad"), C("Lucía Pérez")]),
        ("Jane Doe contributed reporting from Berlin.", [C("Jane Doe", "Berlin")]),
        (
            "Tomasz Kowalski contributed additional reporting from Warsaw, Poland.",
            [C("Tomasz Kowalski", "Warsaw, Poland")],
        ),
        ("Jane Roe reported from Kyiv.", [C("Jane Roe", "Kyiv")]),
        (
            "Jane Roe reported from Kyiv and Ann Lee from Moscow.",
            [C("Jane Roe", "Kyiv"), C("Ann Lee", "Moscow")],
        ),
        (
            "Yuki Tanaka reported from Osaka, Japan, Min-jun Park from Seoul and Li Na from Shanghai.",
            [C("Yuki Tanaka", "Osaka, Japan"), C("Min-jun Park", "Seoul"), C("Li Na", "Shanghai")],
        ),
        ("Additional reporting by Ann Lee", [C("Ann Lee")]),
        ("Further reporting by Chinedu Okafor in Abuja.", [C("Chinedu Okafor", "Abuja")]),
        ("Reporting by Mari Saito in Tokyo", [C("Mari Saito", "Tokyo")]),
        ("Writing by Guy Faulconbridge", [C("Guy Faulconbridge")]),
        ("With reporting by Jon Doe and Ann Roe in Berlin.", [C("Jon Doe", "Berlin"), C("Ann Roe", "Berlin")]),
        ("With additional reporting by Sara Levi in Haifa, Israel.", [C("Sara Levi", "Haifa, Israel")]),
        ("Associated Press writer Zeke Miller contributed from Washington.", [C("Zeke Miller", "Washington")]),
        ("Associated Press writer Jon Doe also contributed to this report.", [C("Jon Doe")]),
        ("Bloomberg's Jane Doe contributed.", [C("Jane Doe")]),
        ("Compiled by Ruth Otieno in Nairobi", [C("Ruth Otieno", "Nairobi")]),
    ],
)
def test_tail_forms(line: str, people: list[C]) -> None:
    assert _people(line) == people


# 2. A comma inside a place is not another person, with or without a serial comma.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Associated Press writers Jon Doe in Dubai, United Arab Emirates and Ann Roe in Tehran contributed.",
            [C("Jon Doe", "Dubai, United Arab Emirates"), C("Ann Roe", "Tehran")],
        ),
        (
            "Additional reporting by Jon Doe in Springfield, Ill. and Ann Roe in Baghdad",
            [C("Jon Doe", "Springfield, Ill."), C("Ann Roe", "Baghdad")],
        ),
        (
            "PA correspondents Leila Khalil in Medellín, Colombia, Rafael Schmidt in Nashville, Tennessee and "
            "Yousef Díaz in Doha contributed.",
            [
                C("Leila Khalil", "Medellín, Colombia"),
                C("Rafael Schmidt", "Nashville, Tennessee"),
                C("Yousef Díaz", "Doha"),
            ],
        ),
        (
            "AFP correspondents Marie Dupont in Lyon, France and Karim Benali in Oran, Algeria contributed to "
            "this report.",
            [C("Marie Dupont", "Lyon, France"), C("Karim Benali", "Oran, Algeria")],
        ),
        (
            "Reporting by Olga Petrova in Tallinn, Estonia, Kofi Boateng in Kumasi, Ghana and Ana Costa in Porto",
            [C("Olga Petrova", "Tallinn, Estonia"), C("Kofi Boateng", "Kumasi, Ghana"), C("Ana Costa", "Porto")],
        ),
        (  # a region no list names: told from a person because it does not read as a name
            "AFP reporters Jean Baptiste in Goma, Democratic Republic of Congo and Claire Martin in Kigali "
            "contributed.",
            [C("Jean Baptiste", "Goma, Democratic Republic of Congo"), C("Claire Martin", "Kigali")],
        ),
        (
            "AP writers Sam Roe in Albany, New York and Li Wei in Juba, South Sudan contributed.",
            [C("Sam Roe", "Albany, New York"), C("Li Wei", "Juba, South Sudan")],
        ),
        (
            "Reuters reporters Jon Doe in Colombo, Sri Lanka and Ann Roe in Male contributed.",
            [C("Jon Doe", "Colombo, Sri Lanka"), C("Ann Roe", "Male")],
        ),
        (
            "AP writer Jon Doe in Guangzhou, Guangdong province, contributed.",
            [C("Jon Doe", "Guangzhou, Guangdong province")],
        ),
    ],
)
def test_a_comma_inside_a_place_is_not_a_person(line: str, people: list[C]) -> None:
    assert _people(line) == people


# 3. A shared place with a comma reaches every person named before it.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Reporting by Jon Doe and Ann Roe in Austin, Texas; Editing by Mark Twain",
            [C("Jon Doe", "Austin, Texas"), C("Ann Roe", "Austin, Texas")],
        ),
        (
            "Kyodo News correspondents Shirin Okonkwo and Tomasz Owusu in Rafah, Gaza Strip contributed.",
            [C("Shirin Okonkwo", "Rafah, Gaza Strip"), C("Tomasz Owusu", "Rafah, Gaza Strip")],
        ),
        (
            "AP reporters Ellen Knickmeyer, Matthew Lee and Aamer Madhani in Washington, D.C., contributed.",
            [
                C("Ellen Knickmeyer", "Washington, D.C."),
                C("Matthew Lee", "Washington, D.C."),
                C("Aamer Madhani", "Washington, D.C."),
            ],
        ),
        (
            "Reporting by Ali Hassan and Omar Farouk in Mosul, Iraq; Writing by Tom Perry",
            [C("Ali Hassan", "Mosul, Iraq"), C("Omar Farouk", "Mosul, Iraq"), C("Tom Perry")],
        ),
    ],
)
def test_a_shared_place_with_a_region(line: str, people: list[C]) -> None:
    assert _people(line) == people


# 4. An abbreviated region keeps its period; a sentence's period after a full word is not the place's.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Reporting by Jon Doe in Raleigh, N.C.; Editing by Mark Twain",
            [C("Jon Doe", "Raleigh, N.C.")],
        ),
        ("Reporting by Ann Roe in Portland, Ore.; Editing by Jon Doe", [C("Ann Roe", "Portland, Ore.")]),
        ("Jane Roe filed from Jackson, Miss.", [C("Jane Roe", "Jackson, Miss.")]),
        ("Kate Turner filed from Tallahassee, Fla.", [C("Kate Turner", "Tallahassee, Fla.")]),
        ("Jane Roe filed from Vancouver, B.C.", [C("Jane Roe", "Vancouver, B.C.")]),
        (
            "AP writer Jon Doe in Sacramento, Calif. contributed.",
            [C("Jon Doe", "Sacramento, Calif.")],
        ),
        ("AP writer Amir Vahdat in Tehran contributed.", [C("Amir Vahdat", "Tehran")]),
        ("Jane Roe filed from Lagos.", [C("Jane Roe", "Lagos")]),
        ("Jane Roe filed from Valencia, Spain.", [C("Jane Roe", "Valencia, Spain")]),
        ("Additional reporting by Ann Lee in Paris.", [C("Ann Lee", "Paris")]),
    ],
)
def test_abbreviations_keep_their_period(line: str, people: list[C]) -> None:
    assert _people(line) == people


# 5. A person after a placed person is a person, not more of the place.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "AP writers Jon Doe in Vienna, Ann Roe, and Mark Twain contributed to this report.",
            [C("Jon Doe", "Vienna"), C("Ann Roe"), C("Mark Twain")],
        ),
        (
            "Reuters reporters Jane Smith in Paris, Tom Brown, and Li Wei contributed.",
            [C("Jane Smith", "Paris"), C("Tom Brown"), C("Li Wei")],
        ),
        (
            "Additional reporting by Ann Foster in Addis Ababa, Camille E. Müller and Rafael Ferreira",
            [C("Ann Foster", "Addis Ababa"), C("Camille E. Müller"), C("Rafael Ferreira")],
        ),
        (
            "Associated Press writers Jon Gambrell in Dubai, United Arab Emirates, Nasser Karimi, and Lee Keath "
            "contributed.",
            [C("Jon Gambrell", "Dubai, United Arab Emirates"), C("Nasser Karimi"), C("Lee Keath")],
        ),
    ],
)
def test_a_person_after_a_place(line: str, people: list[C]) -> None:
    assert _people(line) == people


# 6. Particles, initials, apostrophes, accents and other scripts in names.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "AP writers Pieter van den Berg in Amsterdam and Ann Roe in Paris contributed.",
            [C("Pieter van den Berg", "Amsterdam"), C("Ann Roe", "Paris")],
        ),
        (
            "Reporting by Pedro de la Fuente in Madrid and Jan ter Horst in Utrecht",
            [C("Pedro de la Fuente", "Madrid"), C("Jan ter Horst", "Utrecht")],
        ),
        (
            "Reporting by Ursula von der Leyen and Mohammed bin Rashid in Dubai",
            [C("Ursula von der Leyen", "Dubai"), C("Mohammed bin Rashid", "Dubai")],
        ),
        ("AP writer Tshepo da Silva in Rio de Janeiro contributed.", [C("Tshepo da Silva", "Rio de Janeiro")]),
        (
            "Seán Ó Fearghaíl, Ross McDonald and Siobhan O'Connor contributed reporting.",
            [C("Seán Ó Fearghaíl"), C("Ross McDonald"), C("Siobhan O'Connor")],
        ),
        (
            "Associated Press writers Lolita C. Baldor and Tara Copp in Washington and Edith M. Lederer at the "
            "United Nations contributed to this report.",
            [
                C("Lolita C. Baldor", "Washington"),
                C("Tara Copp", "Washington"),
                C("Edith M. Lederer", "the United Nations"),
            ],
        ),
        (
            "AP writers Jürgen Müller in München and José Nuñez in Bogotá contributed.",
            [C("Jürgen Müller", "München"), C("José Nuñez", "Bogotá")],
        ),
        ("Reporting by Дмитрий Иванов in Moscow", [C("Дмитрий Иванов", "Moscow")]),
        ("AP writer 王小明 in Beijing contributed.", [C("王小明", "Beijing")]),
        (
            "Reporting by Hyung-jin Kim in Seoul and Kim Chang-Ran in Tokyo",
            [C("Hyung-jin Kim", "Seoul"), C("Kim Chang-Ran", "Tokyo")],
        ),
    ],
)
def test_names_of_every_shape(line: str, people: list[C]) -> None:
    assert _people(line) == people


# 7. Every clause of a Reuters tail; editors are never contributors, but their clause is part of the tail.
@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Reporting by Jon Doe; Additional reporting by Ann Roe in Paris; Editing by Mark Twain",
            [C("Jon Doe"), C("Ann Roe", "Paris")],
        ),
        (
            "(Reporting by Jon Doe in Berlin; Writing by Ann Roe; Editing by Mark Twain)",
            [C("Jon Doe", "Berlin"), C("Ann Roe")],
        ),
        (
            "Reporting by Andrew Osborn in Moscow and Pavel Polityuk in Kyiv; Writing by Guy Faulconbridge; "
            "Editing by Mark Trevelyan and Alex Richardson",
            [C("Andrew Osborn", "Moscow"), C("Pavel Polityuk", "Kyiv"), C("Guy Faulconbridge")],
        ),
        (
            "Reporting by Jonathan Saul in London; additional reporting by Sarah Wu in Beijing; editing by Jason Neely",
            [C("Jonathan Saul", "London"), C("Sarah Wu", "Beijing")],
        ),
        ("(Reporting By Kanishka Singh in Washington; Editing by Leslie Adler).", [C("Kanishka Singh", "Washington")]),
        ("Reporting by Mari Saito in Tokyo, editing by Ann Roe", [C("Mari Saito", "Tokyo")]),
        ("Writing by Sheikh Haugen; editing by Bassem Rodríguez", [C("Sheikh Haugen")]),
        ("Editing by Mark Heinrich", []),
        ("Edited by Jane Doe and John Roe", []),
        (  # semicolons between people, not clauses
            "Associated Press writers Jon Gambrell in Dubai, United Arab Emirates; Nasser Karimi in Tehran; and "
            "Lee Keath in Cairo contributed.",
            [C("Jon Gambrell", "Dubai, United Arab Emirates"), C("Nasser Karimi", "Tehran"), C("Lee Keath", "Cairo")],
        ),
    ],
)
def test_every_clause_of_a_tail(line: str, people: list[C]) -> None:
    assert _people(line) == people


def test_an_agency_alone_credits_no_person() -> None:
    assert parse_contributor_tail("The Associated Press contributed to this report.") == ([], "Associated Press")


@pytest.mark.parametrize(
    "line",
    [
        "Smith added that the vote would go ahead.",
        "John Smith reported from the scene.",
        "Local residents contributed.",
        "Many Americans contributed.",
        "Police in Berlin reported.",
        "The company reported from its headquarters in Paris.",
        "Both Jane Doe and John Smith contributed to the project.",
        "Reporting by the BBC found that the ministry lied.",
        "Writing by hand is a dying art.",
        "Editing by committee rarely works.",
        "With assistance from the United Nations, the country rebuilt.",
        "With assistance from Germany and France.",
        "He filed from Lagos.",
        "Jane Doe said the plan was sound.",
        "Mayor Jane Doe added.",
    ],
)
def test_more_prose_is_not_a_tail(line: str) -> None:
    assert parse_contributor_tail(line) is None


def test_a_list_with_a_region_reaching_back() -> None:
    assert parse_contributor_list("Jon Doe and Ann Roe in Austin, Texas") == [
        C("Jon Doe", "Austin, Texas"),
        C("Ann Roe", "Austin, Texas"),
    ]


def test_a_list_with_a_piece_that_is_no_person_is_refused() -> None:
    assert parse_contributor_list("Jon Doe and the ministry in Paris") == []
