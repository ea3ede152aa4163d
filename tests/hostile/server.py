"""A local TCP server that records every connection made to it: proof that nothing fetched anything."""

from __future__ import annotations

import socket
import threading
import time


class ConnectionRecorder:
    """Listens on 127.0.0.1 (a free port) and records who connected and what they sent first.

    Bounded and self-stopping: it serves until :meth:`stop` or ``lifetime`` seconds,
    whichever comes first, and answers nothing.
    """

    def __init__(self, lifetime: float = 600.0) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]
        self.connections: list[tuple[tuple[str, int], bytes]] = []
        self._stop = threading.Event()
        self._deadline = time.monotonic() + lifetime
        self._thread = threading.Thread(target=self._serve, name="connection-recorder", daemon=True)

    def __enter__(self) -> ConnectionRecorder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set() and time.monotonic() < self._deadline:
            try:
                client, address = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            with client:
                client.settimeout(0.5)
                try:
                    first = client.recv(1024)
                except OSError:
                    first = b""
            self.connections.append((address, first))
        self._server.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
