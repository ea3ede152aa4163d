"""bench_text's pieces: the jusText loop's input, and a run's time by stage."""

from __future__ import annotations

import justext

from benchmarks.bench_text import justext_page, justext_stoplist, stage_lines
from benchmarks.common import Measured


def test_justext_reads_each_line_as_an_escaped_paragraph_with_its_languages_stoplist() -> None:
    german = "Die Regierung hat am Montag beschlossen, dass die neuen Regeln ab dem nächsten Jahr gelten sollen."
    unknown = "ᐊᓂᔭ ᓄᓇᕗᑦ ᐃᓄᒃᑎᑐᑦ ᐅᖃᐅᓯᖅ ᑕᑯᓐᓇᐅᑎ ᐱᓕᕆᐊᖅ ᐃᓄᐃᑦ ᓄᓇᓕᖓᓐᓂ"
    text = f"{german}\n<b>Menu</b> & more"
    page = justext_page(text)
    assert page == f"<html><body><p>{german}</p><p>&lt;b&gt;Menu&lt;/b&gt; &amp; more</p></body></html>"
    assert justext_stoplist(text) == justext.get_stoplist("German")
    assert justext_stoplist(unknown) == justext.get_stoplist("English")  # a language jusText has no list for


def test_stage_lines_put_what_no_stage_holds_last() -> None:
    measured = Measured(10.0, 100.0, {"driver": 1.0, "workers": 9.0})
    report = {
        "stage_seconds": {"clean": {"seconds": 7.0, "cpu_seconds": 6.0}, "copies": {"seconds": 2, "cpu_seconds": 1.5}}
    }
    lines = stage_lines(measured, report)
    assert "clean" in lines[0] and "60.0%" in lines[0]
    assert "Beam and the rest" in lines[2] and "2.5 CPU-s" in lines[2]
    assert "0.25x the cleaning's" in lines[3]


def test_corpus_cpu_is_the_stages_own_code_and_beams_extra() -> None:
    """The cleaning's CPU differing between the two runs does not enter the corpus stages' figure."""
    from benchmarks.bench_text import corpus_cpu

    default = Measured(10.0, 100.0, {"workers": 100.0})
    plain = Measured(8.0, 70.0, {"workers": 70.0})
    default_report = {"stage_seconds": {"clean": {"cpu_seconds": 60.0, "seconds": 60.0},
                                        "copies": {"cpu_seconds": 20.0, "seconds": 20.0},
                                        "source_boilerplate": {"cpu_seconds": 5.0, "seconds": 5.0}}}  # fmt: skip
    plain_report = {"stage_seconds": {"clean": {"cpu_seconds": 64.0, "seconds": 64.0}}}
    own, extra = corpus_cpu(default, default_report, plain, plain_report)
    assert own == 25.0
    assert extra == (100.0 - 85.0) - (70.0 - 64.0)
