"""The stand-in a kernel manager starts for a warm kernel: what it asks the warm process."""

from __future__ import annotations

import json
import struct

from turnout.publisher.stand_in import SOCKET_ENV, request


def test_request_is_a_length_then_the_kernels_arguments_folder_and_environment():
    env = {"PYTHONPATH": "/co/src", "TURNOUT_BUILD": "1", "WORDS": 'ünïcode, "quoted"'}
    message = request(["-f", "/run/kernel-1.json"], "/home/reporter/story", env)
    (size,) = struct.unpack("!Q", message[:8])
    assert size == len(message) - 8
    assert json.loads(message[8:]) == {
        "args": ["-f", "/run/kernel-1.json"],
        "cwd": "/home/reporter/story",
        "env": env,
    }


def test_the_socket_is_named_apart_from_the_switch():
    from turnout.publisher.warm import SWITCH_ENV

    assert SOCKET_ENV != SWITCH_ENV  # "0" switches warm kernels off; a path is never "0"
