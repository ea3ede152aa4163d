"""``--setup_file ./setup.py``: the sdist Beam stages for workers holds every package and dependency."""

from __future__ import annotations

import tarfile
from pathlib import Path

from apache_beam.runners.portability.stager import Stager

REPO = Path(__file__).resolve().parents[2]


def test_sdist_for_beam_workers(tmp_path: Path) -> None:
    # the same call Beam makes for --setup_file (python -m build --sdist, or setup.py sdist)
    sdist = Stager._build_setup_package(str(REPO / "setup.py"), str(tmp_path))
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        requires = next(n for n in names if n.endswith(".egg-info/requires.txt"))
        dependencies = archive.extractfile(requires).read().decode()
    root = names[0].split("/")[0]
    files = {n.split("/", 1)[1] for n in names if "/" in n}
    for module in (
        "schemas/records.py",
        "transforms/reading/jsonl.py",
        "transforms/reading/warc.py",
        "transforms/extraction/html.py",
        "transforms/cleaning/sections.py",
        "transforms/scoring/evaluate.py",
        "transforms/cleaning/data/line_model.json",
        "pipeline/cli.py",
    ):
        assert module in files, f"{module} missing from {root}"
    for dependency in ("apache-beam", "trafilatura", "warcio", "lxml_html_clean"):
        assert dependency in dependencies
