"""The chart workers' fork server stops when asked (before the PDF), and a later pool still works."""

import os
from multiprocessing import forkserver

import pytest

from kwsite.chartpool import _new_pool, stop_fork_server


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_fork_server_stops_and_restarts():
    pool = _new_pool(1)
    worker = pool.submit(os.getpid).result(timeout=120)
    pool.shutdown(wait=True)
    server = forkserver._forkserver._forkserver_pid
    assert server is not None and _alive(server) and worker != os.getpid()
    stop_fork_server()
    assert forkserver._forkserver._forkserver_pid is None
    with pytest.raises(ChildProcessError):  # reaped: no zombie left either
        os.waitpid(server, os.WNOHANG)
    assert not _alive(server)
    stop_fork_server()  # twice is harmless
    pool = _new_pool(1)
    try:
        assert pool.submit(os.getpid).result(timeout=120) != worker
    finally:
        pool.shutdown(wait=True)
        stop_fork_server()
