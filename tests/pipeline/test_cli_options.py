"""A mistyped option is an error naming it, with the closest spelling; Beam's own options pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import cli
from newsclean.runners import unknown_beam_options


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("--copeis", "--copies"), ("--formatt", "--format"), ("--direct_num_workrs", "--direct_num_workers"),
     ("--max-secnds", "--max-seconds"), ("--setup-file", "--setup_file")],
)  # fmt: skip
def test_a_mistyped_option_is_one_line_and_exit_2(tmp_path: Path, capsys, typo: str, meant: str) -> None:
    story = tmp_path / "s.txt"
    story.write_text("The council voted on the budget.\n")
    code = cli.main(["run", str(story), "--output", str(tmp_path / "out"), typo, "1"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err == f"newsclean: unknown option {typo} (did you mean {meant}?)"
    assert not (tmp_path / "out").exists()  # nothing ran


def test_beam_options_of_every_kind_are_known() -> None:
    args = ["--runner=DirectRunner", "--direct_num_workers", "2", "--setup_file", "./setup.py"]
    args += ["--dask_client_address", "tcp://h:8786", "--project=p", "--flink_master", "h:8081", "--experiments=a"]
    unknown, known = unknown_beam_options(args)
    assert unknown == [] and "--runner" in known and "--dask_client_address" in known
    assert unknown_beam_options(["--runner", "x", "--nope=1", "--zzz"])[0] == ["--nope", "--zzz"]
