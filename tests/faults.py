"""A TCP proxy on loopback that the tests put between the portal and a server (PostgreSQL,
Redis) to break the line while the portal serves: cut every open connection, refuse new ones,
or slow every packet down. Toxiproxy is not packaged here; asyncio does it in a few lines."""

from __future__ import annotations

import asyncio
import threading
from urllib.parse import urlsplit, urlunsplit

CHUNK = 65536


class FaultyLine:
    """`url` with its host and port replaced by this proxy's is what the portal is given."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.refusing = False
        self.delay = 0.0
        self.connections = 0  # accepted while passing, for the tests' figures
        self._open: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self.port = 0

    @classmethod
    def to(cls, url: str) -> FaultyLine:
        parts = urlsplit(url)
        return cls(
            parts.hostname or "127.0.0.1", parts.port or {"redis": 6379}.get(parts.scheme, 5432)
        )

    def proxied(self, url: str) -> str:
        """`url` through this proxy (user, path and query kept)."""
        parts = urlsplit(url)
        user = f"{parts.username}@" if parts.username else ""
        return urlunsplit(parts._replace(netloc=f"{user}127.0.0.1:{self.port}"))

    def __enter__(self) -> FaultyLine:
        self._thread.start()
        self._server = self._run(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc) -> None:
        self._run(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    # What a test does to the line.

    def cut(self) -> None:
        """Every open connection is reset at once, as when the database goes down."""
        self._run(self._close_all())

    def refuse(self) -> None:
        """New connections are closed as soon as they arrive; open ones are cut."""
        self.refusing = True
        self.cut()

    def slow(self, seconds: float) -> None:
        """Every packet, both ways, waits `seconds` first."""
        self.delay = seconds

    def heal(self) -> None:
        self.refusing = False
        self.delay = 0.0

    # The proxy itself.

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _shutdown(self) -> None:
        self._server.close()
        await self._close_all()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _close_all(self) -> None:
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.refusing:
            writer.transport.abort()
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        self._open.update((writer, upstream_writer))
        await asyncio.gather(
            self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer)
        )
        self._open.difference_update((writer, upstream_writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(CHUNK):
                if self.delay:
                    await asyncio.sleep(self.delay)
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.transport.abort()
