"""Where a run's time goes: each stage's own code timed, as Beam counters.

Beam's local runner fuses steps, so a step's time as the runner sees it holds
the time of every step downstream of it; and its own per-step timings come
back empty from multi-process runs. Here each of newsclean's steps adds the
wall and CPU time (of its thread) of its own calls to two counters named after
its stage, microseconds summed over workers; for a generator (a FlatMap's
function, a DoFn's ``process``) only the steps that make its outputs are
timed, not the steps that consume them. ``run.json`` reports them as
``stage_seconds``. What no stage holds (Beam's shuffles and encoding, its
Parquet writer, start-up) is the run's total less these.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from apache_beam.metrics import Metrics

WALL_NAMESPACE = "newsclean.stage_us"  # wall time in a stage's code, microseconds
CPU_NAMESPACE = "newsclean.stage_cpu_us"  # CPU time of the thread running it, microseconds

READ = "read"
CLEAN = "clean"
BOILERPLATE = "source_boilerplate"
COPIES = "copies"
WRITE = "write"
STAGES = (READ, CLEAN, BOILERPLATE, COPIES, WRITE)

F = TypeVar("F", bound=Callable[..., Any])


class _Clock:
    """The two counters of one stage."""

    def __init__(self, stage: str) -> None:
        self._wall = Metrics.counter(WALL_NAMESPACE, stage)
        self._cpu = Metrics.counter(CPU_NAMESPACE, stage)

    def add(self, wall_ns: int, cpu_ns: int) -> None:
        self._wall.inc(wall_ns // 1000)
        self._cpu.inc(cpu_ns // 1000)


@functools.cache
def _clock(stage: str) -> _Clock:
    """One per stage and process, made where it counts (nothing to pickle)."""
    return _Clock(stage)


def _check(stage: str | None) -> None:
    if stage is not None and stage not in STAGES:
        raise ValueError(f"stage {stage!r}: one of {', '.join(STAGES)}")


def _stage_of(fixed: str | None, args: tuple) -> str | None:
    """The stage given, else the ``stage`` attribute of the object a method was called on."""
    return fixed if fixed is not None else getattr(args[0], "stage", None)


def timed(fn: F, stage: str | None = None) -> F:
    """``fn`` with each call's time added to ``stage`` (a Map's function, a CombineFn's method);
    ``stage`` None on a method: the instance's ``stage`` attribute, not timed when that is None."""
    _check(stage)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        name = _stage_of(stage, args)
        if name is None:
            return fn(*args, **kwargs)
        wall, cpu = time.perf_counter_ns(), time.thread_time_ns()
        try:
            return fn(*args, **kwargs)
        finally:
            _clock(name).add(time.perf_counter_ns() - wall, time.thread_time_ns() - cpu)

    return wrapper  # type: ignore[return-value]


def timed_steps(fn: F, stage: str | None = None) -> F:
    """``fn``, which returns an iterable, as a generator whose own steps are timed to ``stage``: the
    call and each step that makes an output, not what the consumer does between outputs.
    ``stage`` None on a method: as :func:`timed`."""
    _check(stage)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        name = _stage_of(stage, args)
        if name is None:
            yield from fn(*args, **kwargs)
            return
        wall = cpu = 0
        start_wall, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        try:
            iterator = iter(fn(*args, **kwargs))
            while True:
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    wall += time.perf_counter_ns() - start_wall
                    cpu += time.thread_time_ns() - start_cpu
                yield item
                start_wall, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        finally:
            _clock(name).add(wall, cpu)

    return wrapper  # type: ignore[return-value]


def stage_seconds(counters: dict[str, int]) -> dict[str, dict[str, float]]:
    """``{stage: {"seconds": wall, "cpu_seconds": cpu}}`` from a run's ``namespace:name`` counters,
    for the stages that ran."""
    found: dict[str, dict[str, float]] = {}
    for stage in STAGES:
        wall = counters.get(f"{WALL_NAMESPACE}:{stage}")
        cpu = counters.get(f"{CPU_NAMESPACE}:{stage}")
        if wall is None and cpu is None:
            continue
        found[stage] = {"seconds": round((wall or 0) / 1e6, 3), "cpu_seconds": round((cpu or 0) / 1e6, 3)}
    return found


def steps_in(stage: str | None = None) -> Callable[[F], F]:
    """Decorator form of :func:`timed_steps` (a DoFn's ``process``; None: the instance's ``stage``)."""
    return functools.partial(timed_steps, stage=stage)  # type: ignore[return-value]


def calls_in(stage: str | None = None) -> Callable[[F], F]:
    """Decorator form of :func:`timed` (a DoFn's ``finish_bundle``, a CombineFn's methods; None: the
    instance's ``stage``)."""
    return functools.partial(timed, stage=stage)  # type: ignore[return-value]
