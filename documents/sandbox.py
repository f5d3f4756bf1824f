"""Run one extraction in a forked child process with CPU-time and memory limits.

Parsers are C and Python code we do not control; a hostile file can make them loop or
allocate without end. The child gets ``RLIMIT_CPU`` (the kernel ends it with SIGXCPU)
and ``RLIMIT_AS`` (allocations fail with MemoryError), and the parent waits at most
``wall_seconds`` before killing it. Forking keeps the parsers already imported, so a
child costs no start-up (about 0.1 s per file on a busy 2-core machine). The child never
touches the database or the caches.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import signal
from collections.abc import Callable

from .errors import DocumentError, DocumentOverLimit, UnreadableDocument
from .limits import MB, Limits

logger = logging.getLogger(__name__)


def run_limited(function: Callable[..., str], *args, limits: Limits) -> str:
    """``function(*args)`` in a child process within ``limits``; its DocumentError re-raised."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args, limits), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.wall_seconds):
            raise _timeout(limits)
        try:
            status, payload = receiver.recv()
        except EOFError:
            child.join(5)
            raise _died(child.exitcode, limits) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "ok":
        return payload
    raise payload


def _child(sender, function, args, limits: Limits) -> None:
    try:
        _apply(limits)
        result = ("ok", function(*args))
    except DocumentError as exc:
        result = ("error", exc)
    except MemoryError:
        result = ("error", _out_of_memory(limits))
    except RecursionError:
        result = ("error", DocumentOverLimit("Nested too deeply.", code="too_complex"))
    except Exception as exc:  # noqa: BLE001 - any parser failure on a bad file is "damaged"
        logger.info("Parser failed: %r", exc)
        result = ("error", UnreadableDocument(f"Damaged: {exc!r}"[:300], code="corrupt"))
    try:
        sender.send(result)
    except MemoryError:
        sender.send(("error", _out_of_memory(limits)))
    sender.close()


def _apply(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    cpu = max(1, int(limits.cpu_seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # The child inherits the parent's address space (libraries, caches): the limit is
    # what it already has plus the budget for this document.
    ceiling = _address_space() + int(limits.memory_mb) * MB
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _address_space() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _timeout(limits: Limits) -> DocumentOverLimit:
    return DocumentOverLimit(f"Reading took longer than {limits.wall_seconds} s.", code="timeout")


def _out_of_memory(limits: Limits) -> DocumentOverLimit:
    return DocumentOverLimit(
        f"Reading needed more than {limits.memory_mb} MB.", code="out_of_memory"
    )


def _died(exitcode: int | None, limits: Limits) -> DocumentError:
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return DocumentOverLimit(
            f"Reading used more than {limits.cpu_seconds} s of CPU.", code="timeout"
        )
    return DocumentOverLimit(f"The reader stopped (exit code {exitcode}).", code="too_complex")
