"""Helpers shared by the benchmarks: corpora built from the development data, and measuring runs."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "wcxb-dev"
NEWSCLEAN = [sys.executable, "-m", "newsclean.cli"]

NOISE_HEAD = ["date {date} {title}", "5 min read", "Share on Facebook", "By {author}"]
NOISE_TAIL = ["___", "Associated Press writer {author} in {city} contributed.", "Credit: AP Credit: AP"]


def bodies() -> list[dict]:
    """The development set's truth records that have a body."""
    cases = [json.loads(Path(p).read_text()) for p in sorted(glob.glob(str(DATA / "wcxb_*.json")))]
    return [c for c in cases if c.get("body")]


def synth_texts(count: int, size: int = 5000, seed: int = 7) -> list[str]:
    """``count`` plain-text news documents of about ``size`` characters, with typical noise lines."""
    rng = random.Random(seed)
    source = bodies()
    paragraphs = [p for case in source for p in case["body"].split("\n") if len(p) > 40]
    titles = [case.get("title") or "Untitled" for case in source]
    authors = [a for case in source for a in (case.get("authors") or [])] or ["Jane Doe"]
    texts = []
    for i in range(count):
        lines = [
            NOISE_HEAD[0].format(date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", title=rng.choice(titles)),
            NOISE_HEAD[rng.randrange(1, len(NOISE_HEAD))].format(author=rng.choice(authors)),
        ]
        length = 0
        while length < size:
            paragraph = rng.choice(paragraphs)
            lines.append(paragraph)
            length += len(paragraph)
        lines += [NOISE_TAIL[0], NOISE_TAIL[1].format(author=rng.choice(authors), city="Paris")]
        lines += [NOISE_TAIL[2]] * rng.randrange(0, 4)
        texts.append("\n\n".join(lines))
    return texts


def write_corpus(folder: Path, texts: list[str]) -> None:
    """One ``.txt`` file per text, 1000 to a subfolder."""
    for i, text in enumerate(texts):
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:07d}.txt").write_text(text, encoding="utf-8")


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float
    cpu_by_role: dict[str, float] = field(default_factory=dict)  # CPU seconds: driver, workers, guard children

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu_by_role.values())


# process names of the zygote and its forks (newsclean.transforms.runtime.zygote), which share its command line
FORK_ROLES = {"nc-zygote": "zygote", "nc-worker": "workers", "nc-guard": "guard children"}


def process_role(command_line: list[str], is_root: bool, name: str = "") -> str:
    """What a process of a run is, from its command line and name: the driver, a Beam worker (or the
    process Beam started to relay to one), a guard child, the zygote."""
    joined = " ".join(command_line)
    if is_root:
        return "driver"
    if name in FORK_ROLES:
        return FORK_ROLES[name]
    if "newsclean.worker" in joined:
        return "workers"
    if "child_main" in joined:
        return "guard children"
    return "other"


def run_measured(command: list[str], env: dict | None = None) -> Measured:
    """Run ``command``; wall time, the peak of the summed RSS of its whole process tree, and the CPU
    time of each of its processes (as last seen: sampled every 0.1 s) summed by role."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL)
    peak = 0.0
    cpu: dict[int, tuple[str, float]] = {}  # pid -> (role, CPU seconds)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(process.pid)
        while not stop.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                total = 0
                for p in tree:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                        times = p.cpu_times()
                        known = cpu[p.pid][0] if p.pid in cpu else "other"  # a fork is named just after it starts
                        role = known if known != "other" else process_role(p.cmdline(), p is parent, p.name())
                        cpu[p.pid] = (role, times.user + times.system)
                peak = max(peak, total / 2**20)
            except psutil.Error:
                pass
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    stop.set()
    sampler.join()
    if code:
        raise RuntimeError(f"{command} exited with {code}")
    by_role: dict[str, float] = {}
    for role, seconds in cpu.values():
        by_role[role] = by_role.get(role, 0.0) + seconds
    return Measured(time.perf_counter() - started, peak, by_role)
