"""Stage time counters: a stage's own work is counted, its consumers' work between outputs is not."""

from __future__ import annotations

import time

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline

from newsclean.transforms.beam import stagetime
from newsclean.transforms.beam.stagetime import COPIES, WRITE, stage_seconds, timed, timed_steps


def _spin(seconds: float) -> None:
    start = time.thread_time()
    while time.thread_time() - start < seconds:
        pass


def _counters(result) -> dict[str, int]:
    query = result.metrics().query(MetricsFilter())
    return {f"{c.key.metric.namespace}:{c.key.metric.name}": c.committed for c in query["counters"]}


def test_steps_count_the_generator_not_its_consumer() -> None:
    """The producer spins 0.05 s a step, its consumer 0.2 s an element: only the producer's time counts."""

    def produce(n: int):
        for i in range(n):
            _spin(0.05)
            yield i

    def consume(i: int) -> int:
        _spin(0.2)
        return i

    with BeamTestPipeline() as pipeline:
        (pipeline | beam.Create([3]) | beam.FlatMap(timed_steps(produce, COPIES)) | beam.Map(timed(consume, WRITE)))
    counters = _counters(pipeline.result)
    produced = counters[f"{stagetime.CPU_NAMESPACE}:{COPIES}"] / 1e6
    consumed = counters[f"{stagetime.CPU_NAMESPACE}:{WRITE}"] / 1e6
    assert 0.15 <= produced < 0.6  # three steps of 0.05 s, none of the consumer's 0.6 s
    assert consumed >= 0.6


def test_timed_keeps_results_and_exceptions() -> None:
    assert timed(lambda a, b=2: a * b, COPIES)(3) == 6
    assert list(timed_steps(lambda n: range(n), COPIES)(3)) == [0, 1, 2]

    def fails() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        timed(fails, COPIES)()
    with pytest.raises(ValueError, match="stage"):
        timed(fails, "corpus")


def test_a_method_counts_to_its_instance_stage_or_not_at_all() -> None:
    class Step:
        def __init__(self, stage: str | None) -> None:
            self.stage = stage

        @stagetime.steps_in()
        def process(self, n: int):
            yield from range(n)

    assert list(Step(None).process(2)) == [0, 1]
    assert list(Step(COPIES).process(2)) == [0, 1]


def test_stage_seconds_from_counters() -> None:
    counters = {
        f"{stagetime.WALL_NAMESPACE}:clean": 2_500_000,
        f"{stagetime.CPU_NAMESPACE}:clean": 2_000_000,
        f"{stagetime.CPU_NAMESPACE}:copies": 1_000,
        "newsclean:inputs": 3,
    }
    assert stage_seconds(counters) == {
        "clean": {"seconds": 2.5, "cpu_seconds": 2.0},
        "copies": {"seconds": 0.0, "cpu_seconds": 0.001},
    }
