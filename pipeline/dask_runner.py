"""Beam's DaskRunner with four translations replaced so that a run spreads, and computes each step once.

Beam 2.77's DaskRunner (``apache_beam.runners.dask``) turns the graph into dask bags. As it
comes, over wcxb-dev's 711 pages on a local 2-worker cluster it took 4x the local runner
(benchmarks/bench_dask.py), for reasons this module removes:

- ``Reshuffle`` is translated to nothing and ``Create`` makes one partition of newsclean's
  one input pattern, so every page was read and cleaned in one task on one worker. Here a
  Reshuffle spreads a collection over :func:`target_partitions` partitions
  (``--dask_npartitions`` when given), a few per worker thread, as tasks the scheduler hands
  to whichever worker is free (:class:`Reshuffle`), so that a run's end evens out.
- A side input (``AsSingleton``, ``AsDict``; also hidden in ``CombineGlobally``'s default
  value) was computed by iterating its bag *inside* the consuming task: a nested compute of
  a separately optimised graph, under other keys, so everything upstream of it (reading,
  cleaning) ran again for each side input. Here a side input is a value the consuming
  tasks depend on (:func:`_whole`): part of the one graph, computed once.
- Every partition unpickled its own copy of a DoFn and ran ``setup`` and ``teardown``
  around it: for cleaning, a guard child process (and its trafilatura import) per
  partition. Here set-up DoFns are kept per worker process (:data:`_POOL`) and reused by
  later partitions of the same step of the same run; they are torn down when evicted.
  A small pickled DoFn travels in its tasks, so Dask fuses chains of steps.
- A GroupByKey shuffled as many partitions as came in, which Flattens add up: tens of
  thousands of shuffle tasks. Here it is one task per output partition (:class:`GroupByKey`).

Everything else (Flatten, ``_OutputHandler`` and ``DoFnInvoker``) is Beam's own.
The translations lean on Beam internals, so they apply only to the Beam version they were
written against (:data:`TESTED_BEAM`); any other version gets Beam's stock DaskRunner and a
warning.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
import pickle
import re
import threading
import uuid
import zlib
from collections.abc import Callable
from typing import Any

import apache_beam as beam
import dask
import dask.bag as db
from apache_beam import pvalue
from apache_beam.internal import pickler
from apache_beam.pipeline import AppliedPTransform, PipelineVisitor
from apache_beam.runners.common import DoFnContext, DoFnInvoker, DoFnSignature, _OutputHandler
from apache_beam.runners.dask import overrides, transform_evaluator
from apache_beam.runners.dask.dask_runner import DaskRunner
from apache_beam.transforms.sideinputs import SideInputMap
from dask._task_spec import DataNode, List, Task, TaskRef, _execute_subgraph
from dask.base import tokenize
from dask.delayed import Delayed
from dask.highlevelgraph import HighLevelGraph

TESTED_BEAM = "2.77.0"  # pinned in constraints.txt; the translations below read this version's internals
PARTITIONS_PER_THREAD = 4  # after the Reshuffle: small enough that the last partitions end together
GROUP_PARTITIONS_PER_THREAD = 1  # after a GroupByKey: the corpus stages' records are small and many
# A pickled DoFn up to this size travels inside each task: a task then depends on its input alone,
# and Dask fuses a chain of such steps into one task (newsclean's are 0.3-3 KB; a --rules file's
# patterns may be more). A larger one is a graph key of its own, sent to each worker once.
INLINE_DOFN_BYTES = 16 * 1024
POOL_SIZE = 64  # set-up DoFns a worker process keeps, across steps and runs

_LOG = logging.getLogger(__name__)


def supported() -> bool:
    """Whether the installed Beam is the one these translations were written against."""
    return beam.__version__ == TESTED_BEAM


def target_partitions(threads: int, given: int | None = None) -> int:
    """Partitions a Reshuffle makes: ``--dask_npartitions`` when given, else a few per worker thread."""
    return given if given else max(1, threads) * PARTITIONS_PER_THREAD


# --- a pool of set-up DoFns, per worker process ---

_POOL: collections.OrderedDict[str, list[beam.DoFn]] = collections.OrderedDict()  # step key -> idle DoFns
_POOL_LOCK = threading.Lock()


def _take(key: str, pickled: bytes) -> tuple[beam.DoFn, bool]:
    """An idle set-up DoFn of step ``key``, else a new one from ``pickled`` (and True: it needs setup)."""
    with _POOL_LOCK:
        idle = _POOL.get(key)
        if idle:
            _POOL.move_to_end(key)
            return idle.pop(), False
    return pickler.loads(pickled), True


def _give_back(key: str, fn: beam.DoFn) -> None:
    """Keep ``fn`` for the next partition of step ``key``; tear down the oldest beyond POOL_SIZE."""
    evicted: list[beam.DoFn] = []
    with _POOL_LOCK:
        _POOL.setdefault(key, []).append(fn)
        _POOL.move_to_end(key)
        while sum(len(fns) for fns in _POOL.values()) > POOL_SIZE:
            oldest = next(iter(_POOL))
            evicted.append(_POOL[oldest].pop())
            if not _POOL[oldest]:
                del _POOL[oldest]
    for old in evicted:
        old.teardown()


@dataclasses.dataclass
class _SideInput:
    """What a ParDo needs to rebuild one side input inside a task, from the side input's values."""

    view_class: type
    view_options: dict
    window_mapping_fn: Any


def _apply_dofn_to_partition(
    items: list,
    key: str,
    pickled_fn: bytes,
    label: str,
    window_fn: Any,
    args: list,
    kwargs: dict,
    sides: list[_SideInput],
    *side_values: list,
) -> list:
    """Beam's ``apply_dofn_to_bundle``, with a pooled DoFn and side inputs given as values.

    The DoFn travels pickled and is unpickled only when the pool has none: unpickling
    compiles whatever the DoFn holds (the cleaning rules' patterns)."""
    fn, needs_setup = _take(key, pickled_fn)
    receivers = transform_evaluator.OneReceiver()
    handler = _OutputHandler(
        window_fn=window_fn,
        main_receivers=receivers[None],
        tagged_receivers=receivers,
        per_element_output_counter=None,
        output_batch_converter=None,
        process_yields_batches=False,
        process_batch_yields_elements=False,
    )
    side_inputs = [
        SideInputMap(
            side.view_class,
            side.view_options,
            [transform_evaluator.get_windowed_value(value, side.window_mapping_fn) for value in values],
        )
        for side, values in zip(sides, side_values, strict=True)
    ]
    invoker = DoFnInvoker.create_invoker(
        DoFnSignature(fn),
        handler,
        context=DoFnContext(label, state=None),
        side_inputs=side_inputs,
        input_args=args,
        input_kwargs=kwargs,
        user_state_context=None,
        bundle_finalizer_param=beam.DoFn.BundleFinalizerParam(),
    )
    if needs_setup:
        invoker.invoke_setup()
    invoker.invoke_start_bundle()
    for item in items:
        invoker.invoke_process(transform_evaluator.get_windowed_value(item, window_fn))
    invoker.invoke_finish_bundle()
    results = [value.value for value in receivers.values]
    _give_back(key, fn)  # not on an exception: a DoFn that failed mid-bundle is not reused
    return results


def _task_name(label: str) -> str:
    """A step's task name: its full label in words (``Clean_Clean``), so that Dask's task groups
    (and its estimates of their durations, and its dashboard) are per step, not one for all ParDos."""
    return "_".join(re.findall(r"[A-Za-z]+", label))[:60] or "ParDo"


def _concat(parts: list[list]) -> list:
    return [value for part in parts for value in part]


def _whole(bag: db.Bag) -> Delayed:
    """A side input's bag as one value that depends on the bag's own partitions.

    Not an ``Item`` (``bag.reduction``): dask optimises a collection passed as an argument
    on its own and renames its keys (``ProhibitReuse``), so the bag and everything upstream
    (reading, cleaning) would be computed again for each side input. Nor ``dask.delayed``
    over ``bag.to_delayed()``: that culls the whole graph once per side input (minutes)."""
    name = f"side-input-{bag.name}"
    layer = {name: Task(name, _concat, List(*(TaskRef(key) for key in bag.__dask_keys__())))}
    return Delayed(name, HighLevelGraph.from_collections(name, layer, dependencies=[bag]))


class ParDo(transform_evaluator.DaskBagOp):
    """A ParDo over each partition, its DoFn pooled per worker and its side inputs graph dependencies."""

    def apply(self, input_bag: db.Bag, side_inputs: list[tuple[_SideInput, db.Bag]] | None = None) -> db.Bag:
        transform = self.transform
        args, kwargs = transform.args, transform.kwargs  # side inputs as placeholders, with or without a round trip
        main_input = next(iter(self.applied.main_inputs.values()))
        window_fn = main_input.windowing.windowfn if hasattr(main_input, "windowing") else None
        sides = [side for side, _ in side_inputs or ()]
        values = [_whole(bag) for _, bag in side_inputs or ()]
        key = f"{transform.label}-{uuid.uuid4().hex}"  # one step of one run: its partitions share DoFns
        pickled: Any = pickler.dumps(transform.fn)
        if len(pickled) > INLINE_DOFN_BYTES:  # one graph key of its own: sent to a worker once, not in every task
            pickled = dask.delayed(pickled, name=f"dofn-{key}")
        return input_bag.map_partitions(
            _apply_dofn_to_partition,
            key,
            pickled,
            transform.label,
            window_fn,
            list(args),
            kwargs,
            sides,
            *values,
            token=_task_name(self.applied.full_label),
        )


def _every(items: Any, start: int, step: int, _anchor: Any = None) -> list:
    """Every ``step``-th item of a partition from ``start``: one of the partitions a Reshuffle makes."""
    return list(items)[start::step]


def _producer(key: Any, func: Any, *args: Any) -> Task:
    """``func(*args)`` as a task the scheduler takes for a data producer (root-ish).

    As a one-task subgraph: ``dask.bag``'s optimisation rebuilds a plain task without the
    mark (``lazify``), but keeps that of a subgraph, as of the fused tasks it makes."""
    inner = Task(key, func, *args)
    deps = tuple(inner.dependencies)
    return Task(key, _execute_subgraph, {key: inner}, key, deps, *map(TaskRef, deps), _data_producer=True)


class Reshuffle(transform_evaluator.DaskBagOp):
    """Spread a collection over at least ``partitions`` partitions that go to whichever worker is free.

    Beam's translation keeps the collection as it is. Dask would also run each partition
    where its input lies: all of them where the one task that matched the files ran, and
    then on an idle worker only when its work stealing moves one (it left one of two workers
    idle for 7 s of a 26 s run). So each partition after the Reshuffle is a task marked as a
    data producer (``_data_producer``: root-ish to the scheduler), which the scheduler queues
    and hands to a worker when it has a free thread, wherever its input is: a pull, as the
    local runner's workers pull bundles. An input partition split in ``k`` takes every
    ``k``-th item, so neighbours (files of one folder, of like size) go to different tasks.
    Each task also depends on a shared constant (``_anchor``), so Dask does not fuse it
    with the task before it, which would make that one a data producer too."""

    def apply(self, input_bag: db.Bag, side_inputs: Any = None) -> db.Bag:
        partitions = max(self.bag_kwargs["reshuffle_partitions"], input_bag.npartitions)
        inputs = input_bag.__dask_keys__()
        name = f"reshuffle-{tokenize(input_bag, partitions)}"
        anchor = f"{name}-anchor"
        layer: dict = {anchor: DataNode(anchor, None)}
        for index in range(partitions):
            source = index % len(inputs)
            step = len(range(source, partitions, len(inputs)))  # the partitions made of this input
            key = (name, index)
            layer[key] = _producer(key, _every, TaskRef(inputs[source]), index // len(inputs), step, TaskRef(anchor))
        graph = HighLevelGraph.from_collections(name, layer, dependencies=[input_bag])
        return db.Bag(graph, name, partitions)


class GroupByKey(transform_evaluator.DaskBagOp):
    """A GroupByKey as ``group_partitions`` tasks, each of which reads every input partition and
    groups the keys that hash to it (:func:`stable_hash`).

    Beam's translation shuffles as many partitions as come in (a Flatten adds its inputs'
    counts up: 55,000 tasks, mostly ``shuffle-split``, for one run of 16 read partitions),
    and Dask's task shuffle even over 2 partitions is about ten tasks in five rounds with
    the scheduler. A run has two dozen GroupByKeys, most of them in a row in the copies
    stage, over few records: they made 40 % of a wcxb-dev run's tasks and most of the
    latency after the cleaning. A partition may go to every grouping task (to each worker
    once): the records grouped here are small (keys, counts, locations, shards' rows)."""

    def apply(self, input_bag: db.Bag, side_inputs: Any = None) -> db.Bag:
        partitions = self.bag_kwargs["group_partitions"]
        name = f"{_task_name(self.applied.full_label)}-{tokenize(input_bag, partitions)}"
        parts = List(*(TaskRef(key) for key in input_bag.__dask_keys__()))
        layer = {(name, index): Task((name, index), _group, index, partitions, parts) for index in range(partitions)}
        graph = HighLevelGraph.from_collections(name, layer, dependencies=[input_bag])
        return db.Bag(graph, name, partitions)


def _group(index: int, partitions: int, parts: list) -> list:
    """The ``(key, values)`` groups of the keys of ``parts`` (lists of ``(key, value)``) that
    :func:`stable_hash` sends to grouping task ``index``, values in partition order."""
    groups: dict = {}
    for part in parts:
        for key, value in part:
            if stable_hash(key) % partitions == index:
                groups.setdefault(key, []).append(transform_evaluator.defenestrate(value))
    return list(groups.items())


def stable_hash(key: Any) -> int:
    """A hash of a grouping key that every process computes alike (``hash`` of a str is
    salted per process), and alike for keys that are equal (``1``, ``1.0``, ``True``)."""
    if isinstance(key, str):
        return zlib.crc32(key.encode("utf-8", "surrogatepass"))
    if isinstance(key, bytes):
        return zlib.crc32(key)
    if key is None:
        return 0
    if isinstance(key, int) or (isinstance(key, float) and key.is_integer()):
        return int(key) & 0xFFFFFFFF
    if isinstance(key, tuple):
        combined = 0x345678
        for item in key:
            combined = (combined * 1000003 ^ stable_hash(item)) & 0xFFFFFFFF
        return combined
    if isinstance(key, frozenset):  # its order follows the salted hash of its items
        return sum(map(stable_hash, key)) & 0xFFFFFFFF ^ 0x5F5F
    return zlib.crc32(pickle.dumps(key, protocol=4))


class Create(transform_evaluator.DaskBagOp):
    """A Create's values as a bag: one partition per value up to the Reshuffle's count.

    Beam's own puts up to 128 values in one partition and warns each run that it does."""

    def apply(self, input_bag: Any = None, side_inputs: Any = None) -> db.Bag:
        items = list(self.transform.values)
        if self.bag_kwargs.get("partition_size"):
            return db.from_sequence(items, partition_size=self.bag_kwargs["partition_size"])
        partitions = self.bag_kwargs.get("npartitions") or self.bag_kwargs["reshuffle_partitions"]
        return db.from_sequence(items, npartitions=max(1, min(len(items), partitions)))


TRANSLATIONS: dict[type, type[transform_evaluator.DaskBagOp]] = {
    **transform_evaluator.TRANSLATIONS,
    overrides._Create: Create,
    beam.ParDo: ParDo,
    overrides._Reshuffle: Reshuffle,
    overrides._GroupByKeyOnly: GroupByKey,
}


class _BagVisitor(PipelineVisitor):
    """Beam's ``DaskBagVisitor`` with :data:`TRANSLATIONS`, handing side inputs to the op as bags."""

    def __init__(self, bag_kwargs: dict) -> None:
        self.bags: dict[AppliedPTransform, db.Bag] = collections.OrderedDict()
        self._bag_kwargs = bag_kwargs

    def visit_transform(self, transform_node: AppliedPTransform) -> None:
        op_class = TRANSLATIONS.get(transform_node.transform.__class__, transform_evaluator.NoOp)
        op = op_class(transform_node, bag_kwargs=self._bag_kwargs)
        op_kws: dict[str, Any] = {"input_bag": None, "side_inputs": None}
        inputs = list(transform_node.inputs)
        if inputs:
            bag_inputs: list[db.Bag | None] = []
            for input_value in inputs:
                if isinstance(input_value, pvalue.PBegin):
                    bag_inputs.append(None)
                if input_value.producer in self.bags:
                    bag_inputs.append(self.bags[input_value.producer])
            single = len(bag_inputs) == 1 and not isinstance(op, transform_evaluator.Flatten)
            op_kws["input_bag"] = bag_inputs[0] if single else bag_inputs
        if transform_node.side_inputs:
            op_kws["side_inputs"] = [
                (
                    _SideInput(type(si), si._view_options(), si._window_mapping_fn),
                    self.bags[si.pvalue.producer],
                )
                for si in transform_node.side_inputs
            ]
        self.bags[transform_node] = op.apply(**op_kws)


class NewscleanDaskRunner(DaskRunner):
    """Beam's DaskRunner with this module's translations (with Beam's own on an untested Beam)."""

    def __init__(self, threads: int | None = None, address: Callable[[], str] | None = None) -> None:
        super().__init__()
        self._threads = threads  # worker threads of the cluster; asked of the scheduler when None
        self._address = address  # the scheduler's address, once a cluster started beside the graph is up

    def run_pipeline(self, pipeline: beam.Pipeline, options: Any) -> Any:
        if self._address is not None:
            from apache_beam.runners.dask.dask_runner import DaskOptions

            options.view_as(DaskOptions).address = self._address()
        return super().run_pipeline(pipeline, options)

    def to_dask_bag_visitor(self, bag_kwargs: dict | None = None) -> PipelineVisitor:  # type: ignore[override]
        if not supported():
            _LOG.warning(
                "apache-beam %s: newsclean's Dask translations are for %s; running Beam's own (slower)",
                beam.__version__,
                TESTED_BEAM,
            )
            return DaskRunner.to_dask_bag_visitor(bag_kwargs)
        kwargs = dict(bag_kwargs or {})
        threads = self._threads
        if threads is None:
            from distributed import default_client  # the client run_pipeline has just connected

            threads = sum(default_client().nthreads().values())
        kwargs["reshuffle_partitions"] = target_partitions(threads, kwargs.get("npartitions"))
        kwargs["group_partitions"] = max(1, threads) * GROUP_PARTITIONS_PER_THREAD
        return _BagVisitor(kwargs)
