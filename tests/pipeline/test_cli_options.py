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


def _bad_output_cases(tmp_path: Path) -> list[tuple[list[str], str]]:
    (tmp_path / "afile").write_text("x")
    out = str(tmp_path / "out")
    return [
        (["--output", str(tmp_path / "afile")], "is a file; give a folder"),
        (["--output", str(tmp_path / "afile" / "sub")], "is a file, so the folder cannot be made"),
        (["--output", out, "--runner", "Sparky"], "--runner Sparky: no such runner (did you mean SparkRunner?"),
        (["--output", out, "--runner=Flinkk"], "did you mean FlinkRunner?"),
    ]


def test_bad_outputs_and_runners_are_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    story = tmp_path / "s.txt"
    story.write_text("The council voted on the budget.\n")
    for extra, expected in _bad_output_cases(tmp_path):
        code = cli.main(["run", str(story), *extra])
        err = capsys.readouterr().err.strip()
        assert code == 2 and expected in err and "\n" not in err, (extra, err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("scheme", "module"), [("gs", "google.cloud.storage"), ("s3", "boto3"), ("hdfs", "hdfs")])
def test_a_store_without_its_client_names_the_pip_command(tmp_path: Path, capsys, monkeypatch, scheme, module) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    story = tmp_path / "s.txt"
    story.write_text("The council voted on the budget.\n")
    for argv in (["run", str(story), "--output", f"{scheme}://bucket/out"],
                 ["run", f"{scheme}://bucket/in.txt", "--output", str(tmp_path / "out")]):  # fmt: skip
        code = cli.main(argv)
        err = capsys.readouterr().err.strip()
        assert code == 2 and f"{scheme}://bucket/" in err
        assert "support is not installed; pip install 'apache-beam[" in err
        assert "\n" not in err


def test_help_names_values_by_what_they_are_not_by_their_destination(capsys) -> None:
    """A metavar such as COPIES_NEAR_THRESHOLD (argparse's default from the dest) reads as noise."""
    import re

    for command in ("run", "show", "explain", "eval"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        usage = capsys.readouterr().out
        assert not re.findall(r"\b[A-Z]+_[A-Z_]+\b", usage), command
        assert not re.findall(r"\b(?:LIMIT|LINES|RECORD|OUTPUT)\b", usage), command
