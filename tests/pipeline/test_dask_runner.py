"""newsclean's translations for Beam's DaskRunner: each step computed once, spread, its DoFns set up once per worker."""

from __future__ import annotations

import threading
import types

import pytest

pytest.importorskip("distributed")

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from distributed import LocalCluster

from newsclean import dask_runner

_LOCK = threading.Lock()
SEEN: dict[str, list] = {"processed": [], "setups": [], "results": [], "torn": []}  # filled by the in-process workers


class Counting(beam.DoFn):
    def setup(self) -> None:
        with _LOCK:
            SEEN["setups"].append(1)

    def process(self, element: int):
        with _LOCK:
            SEEN["processed"].append(element)
        yield element


class Named(beam.DoFn):
    def __init__(self, name: str) -> None:
        self.name = name

    def teardown(self) -> None:
        SEEN["torn"].append(self.name)


def _keep(element: int) -> None:
    with _LOCK:
        SEEN["results"].append(element)


@pytest.fixture(scope="module")
def cluster():
    """Two worker threads in this process, so the DoFns' module-level records are readable here."""
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        yield local


def test_a_side_input_does_not_compute_its_upstream_again(cluster) -> None:
    """Beam's translation iterated a side input's bag inside the consuming task, so the
    steps before it ran once more per side input; and it ran setup per partition."""
    for values in SEEN.values():
        values.clear()
    options = PipelineOptions(["--dask_client_address", cluster.scheduler_address])
    with beam.Pipeline(runner=dask_runner.NewscleanDaskRunner(), options=options) as pipeline:
        numbers = pipeline | beam.Create(list(range(40))) | beam.Reshuffle() | "Count" >> beam.ParDo(Counting())
        total = numbers | beam.CombineGlobally(sum)
        shifted = numbers | "Shift" >> beam.Map(lambda x, t: x + t, beam.pvalue.AsSingleton(total))
        _ = shifted | "Keep" >> beam.Map(_keep)
    assert sorted(SEEN["processed"]) == list(range(40))  # each element once, though two steps read them
    assert sorted(SEEN["results"]) == [x + sum(range(40)) for x in range(40)]
    assert 1 <= len(SEEN["setups"]) <= 2  # one per worker thread at most, not one per partition


def test_target_partitions_follow_the_option_else_the_threads() -> None:
    assert dask_runner.target_partitions(2, given=5) == 5
    assert dask_runner.target_partitions(3) == 3 * dask_runner.PARTITIONS_PER_THREAD
    assert dask_runner.target_partitions(0) == dask_runner.PARTITIONS_PER_THREAD


def test_another_beam_version_gets_beams_own_translations(monkeypatch) -> None:
    monkeypatch.setattr(dask_runner, "TESTED_BEAM", "0.0.0")
    visitor = dask_runner.NewscleanDaskRunner(threads=2).to_dask_bag_visitor({})
    assert not isinstance(visitor, dask_runner._BagVisitor)
    monkeypatch.undo()
    assert isinstance(dask_runner.NewscleanDaskRunner(threads=2).to_dask_bag_visitor({}), dask_runner._BagVisitor)


def test_pooled_dofns_are_reused_by_step_and_torn_down_when_evicted(monkeypatch) -> None:
    from apache_beam.internal import pickler

    torn = SEEN["torn"] = []
    monkeypatch.setattr(dask_runner, "_POOL", type(dask_runner._POOL)())
    monkeypatch.setattr(dask_runner, "POOL_SIZE", 2)
    first, fresh = dask_runner._take("a", pickler.dumps(Named("a1")))
    assert fresh
    dask_runner._give_back("a", first)
    again, fresh = dask_runner._take("a", pickler.dumps(Named("a2")))
    assert again is first and not fresh  # the set-up instance, not a new one
    dask_runner._give_back("a", again)
    dask_runner._give_back("b", Named("b1"))
    dask_runner._give_back("c", Named("c1"))  # a third idle DoFn: the oldest step's goes
    assert torn == ["a1"]


@pytest.mark.parametrize("inputs", [1, 3, 8, 11])
def test_a_reshuffle_spreads_every_item_once_over_tasks_any_free_worker_takes(inputs: int) -> None:
    """Dask runs a task where its input lies unless it is root-ish: marked as a data producer,
    a partition after the Reshuffle is queued and handed to the next worker with a free thread."""
    import dask
    import dask.bag as db

    bag = db.from_sequence(range(37), npartitions=inputs)
    spread = dask_runner.Reshuffle(None, bag_kwargs={"reshuffle_partitions": 8}).apply(bag)
    assert spread.npartitions == max(8, bag.npartitions)
    parts = dask.compute(*spread.to_delayed(), scheduler="sync")
    assert sorted(x for part in parts for x in part) == list(range(37))  # every item, once
    assert all(parts) and max(map(len, parts)) - min(map(len, parts)) <= 37 // bag.npartitions
    graph = dict(spread.__dask_graph__())
    spreading = [graph[key] for key in spread.__dask_keys__()]
    assert all(task.data_producer for task in spreading)
    # not fused into the step before it by Dask's optimisation, which would make that step root-ish too
    optimized = dict(dask.optimize(spread)[0].__dask_graph__())
    assert sum(task.data_producer for task in optimized.values() if hasattr(task, "func")) == spread.npartitions


def test_a_small_dofn_travels_in_its_tasks_so_that_steps_fuse() -> None:
    """A step's tasks then depend on their input alone, and a chain of steps is one task a partition
    (with the Reshuffle's before them)."""
    import dask

    with beam.Pipeline(runner=dask_runner.NewscleanDaskRunner(threads=2)) as pipeline:
        _ = pipeline | beam.Create(list(range(10))) | beam.Reshuffle() | beam.Map(lambda x: x + 1) | beam.Map(str)
        visitor = dask_runner.NewscleanDaskRunner(threads=2).to_dask_bag_visitor({})
        pipeline.replace_all(dask_runner.overrides.dask_overrides())
        pipeline.visit(visitor)
        last = list(visitor.bags.values())[-1]
        graph = dict(dask.optimize(last)[0].__dask_graph__())
        assert not any(str(key).startswith("dofn-") for key in graph)
        fused = [key for key in graph if "Map_lambda" in str(key) and "Map_str" in str(key)]
        assert len(fused) == last.npartitions  # both steps (and the spread) in one task per partition


def test_a_group_by_key_is_one_task_per_output_partition_and_groups_every_value_once() -> None:
    import dask
    import dask.bag as db

    pairs = [(f"k{i % 7}", i) for i in range(50)] + [((1, "a"), 50), ((1.0, "a"), 51), (None, 52), (frozenset({3}), 53)]
    bag = db.from_sequence(pairs, npartitions=5)
    step = types.SimpleNamespace(full_label="Group/GroupByKey")
    grouped = dask_runner.GroupByKey(step, bag_kwargs={"group_partitions": 2}).apply(bag)
    assert grouped.npartitions == 2
    layer = dict(grouped.__dask_graph__().layers[grouped.name])
    assert len(layer) == 2  # no shuffle rounds: each task reads every input partition
    parts = dask.compute(*grouped.to_delayed(), scheduler="sync")
    groups = [group for part in parts for group in part]
    keys = [key for key, _ in groups]
    assert len(keys) == len(set(keys)) == 10  # each key in one group; (1, "a") and (1.0, "a") are one key
    assert sorted(value for _, values in groups for value in values) == list(range(54))


def test_stable_hash_is_the_same_in_every_process_and_for_equal_keys() -> None:
    import subprocess
    import sys

    keys = ["ok", b"ok", None, 7, (3, "x"), ("nested", (1, 2)), frozenset({"a", "b"})]
    here = [dask_runner.stable_hash(key) for key in keys]
    code = f"from newsclean.dask_runner import stable_hash; print([stable_hash(k) for k in {keys!r}])"
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": seed}
        )
        assert out.stdout.strip() == str(here)
    assert dask_runner.stable_hash(1) == dask_runner.stable_hash(1.0) == dask_runner.stable_hash(True)
