"""Turning command-line inputs (files, folders, globs, URIs) into match patterns."""

from __future__ import annotations

import glob
import importlib.util
import os

from apache_beam.io.filesystems import FileSystems

from newsclean.transforms.reading.read import is_read_in_folder

NOT_READ_LISTED = 1000  # names run.json lists; the count is always whole


class InputError(ValueError):
    """An input that names nothing: reported before the pipeline starts."""


def _is_remote(path: str) -> bool:
    return "://" in path


def expand_inputs(inputs: list[str]) -> list[tuple[str, bool]]:
    """``(pattern, keep_known_extensions_only)`` for each input.

    A folder becomes a recursive pattern whose matches are filtered to known
    extensions; files and globs are taken as given. Local inputs that match
    nothing are an error here, so a typo never produces an empty run.
    """
    patterns: list[tuple[str, bool]] = []
    for item in inputs:
        if _is_remote(item):
            is_folder = item.endswith("/")
            patterns.append((item + "**" if is_folder else item, is_folder))
            continue
        path = os.path.abspath(os.path.expanduser(item))
        if os.path.isdir(path):
            patterns.append((os.path.join(path, "**"), True))
        elif os.path.isfile(path):
            patterns.append((path, False))
        elif glob.has_magic(item) and any(os.path.isfile(p) for p in glob.iglob(path, recursive=True)):
            patterns.append((path, False))
        else:
            raise InputError(f"no input matches {item!r}")
    return patterns


# what each remote scheme needs installed, and the command that installs it
_STORES = {
    "gs": ("google.cloud.storage", "Google Cloud Storage", "pip install 'apache-beam[gcp]'"),
    "s3": ("boto3", "Amazon S3", "pip install 'apache-beam[aws]'"),
    "azfs": ("azure.storage.blob", "Azure Blob Storage", "pip install 'apache-beam[azure]'"),
    "hdfs": ("hdfs", "HDFS", "pip install 'apache-beam[hadoop]'"),
}


def store_error(path: str, what: str) -> str | None:
    """A one-line reason the store ``path`` names cannot be used here (its client is not installed), else None.

    ``what`` says which argument it is (``--output``, an input). Beam's own errors
    come later and as a traceback or a nested exception list."""
    if not _is_remote(path):
        return None
    scheme = path.split("://", 1)[0].lower()
    store = _STORES.get(scheme)
    if store is None:
        try:
            FileSystems.get_filesystem(path)
        except ValueError:
            return f"{what} {path}: no file system for {scheme}:// (local paths, gs://, s3://, azfs://, hdfs://)"
        return None
    module, name, command = store
    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        found = False
    return None if found else f"{what} {path}: {name} support is not installed; {command}"


def check_remote_inputs(patterns: list[tuple[str, bool]]) -> None:
    """Fail early when a remote pattern matches nothing (needs credentials for the store)."""
    remote = [p for p, _ in patterns if _is_remote(p)]
    if not remote:
        return
    for pattern, result in zip(remote, FileSystems.match(remote), strict=True):
        if not result.metadata_list:
            raise InputError(f"no input matches {pattern!r}")


def unread_files(patterns: list[tuple[str, bool]]) -> list[str]:
    """Files inside input folders that are not read (an extension that is not news: .csv, .md, images).

    Listed by the driver so run.json and the terminal can name them; files named
    on the command line or matched by a glob are always read, by content."""
    folders = [pattern for pattern, filtered in patterns if filtered]
    if not folders:
        return []
    unread = []
    for result in FileSystems.match(folders):
        unread += [m.path for m in result.metadata_list if not is_read_in_folder(m.path)]
    return sorted(unread)
