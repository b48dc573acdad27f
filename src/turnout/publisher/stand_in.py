"""The process a build starts in place of a worker or kernel forked from its warm process
(:mod:`.warm`).

Run as a script, the standard library only, so it starts in milliseconds: a kernel
manager runs ``python -I -S stand_in.py -f CONNECTION_FILE``, the build
``python -I -S stand_in.py --worker``. It asks the warm process to fork a kernel (or a
worker) with this process's arguments, environment, working folder and standard streams,
then stands in for it: an interrupt or a stop is passed on, and it exits when the forked
process does, with its status. If this process is killed outright, the warm process sees
the connection close and kills what it forked, so nothing outlives what started it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import sys

#: The environment variable naming the warm process's socket.
SOCKET_ENV = "TURNOUT_KERNEL_SOCKET"


def request(args: list[str], cwd: str, env: dict[str, str]) -> bytes:
    """The request the warm process reads: a length, then JSON.

    >>> request(["-f", "k.json"], "/p", {"A": "1"})[8:]
    b'{"args": ["-f", "k.json"], "cwd": "/p", "env": {"A": "1"}}'
    """
    body = json.dumps({"args": args, "cwd": cwd, "env": env}).encode()
    return struct.pack("!Q", len(body)) + body


def main(argv: list[str]) -> int:
    """Have the warm process fork a kernel (or worker) and wait for it; its status is ours."""
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(os.environ[SOCKET_ENV])
    message = request(argv, os.getcwd(), dict(os.environ))
    socket.send_fds(conn, [message[:8]], [0, 1, 2])
    conn.sendall(message[8:])
    replies = conn.makefile("r", encoding="utf-8")
    pid = int(replies.readline() or 0)
    if not pid:
        return 1

    def pass_on(signum: int, _frame: object) -> None:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    # SIGUSR1: the build telling a worker that the stop to follow is not a failure.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1):
        signal.signal(signum, pass_on)
    status = replies.readline()  # blocks until the fork exits ("" if the warm process died)
    if not status:
        pass_on(signal.SIGKILL, None)
        return 1
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
