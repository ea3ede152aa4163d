"""The local runner's worker process: Beam's SDK harness, its start-up notices kept off the terminal.

Beam's worker logs notices at start (optional GCP libraries missing, no staged
main session, options only the driver knows) to stderr, once per worker. Its
records also go to the runner, which shows the worker's errors, so the terminal
handler here passes errors only.
"""

from __future__ import annotations

import logging
import sys

from newsclean.transforms.runtime.malloc import return_freed_memory


def main() -> None:
    handler = logging.StreamHandler()
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    logging.getLogger().addHandler(handler)  # before Beam's imports log through the root logger
    return_freed_memory()  # before the harness allocates (newsclean.transforms.runtime.malloc)
    from apache_beam.runners.worker import sdk_worker_main

    sdk_worker_main.main(sys.argv)


if __name__ == "__main__":
    main()
