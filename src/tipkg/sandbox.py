"""No network for the process that evaluates public queries.

pyoxigraph's wheel carries an HTTP client: a SERVICE clause (or any other spelling the engine understands)
makes it fetch a URL. Rather than guess with a second parser which queries would, a query worker forbids
itself, before it reads any query, to create any socket but a Unix one: a seccomp filter, installed with
prctl through ctypes (Linux on x86-64 or arm64; no library needed). Whatever the query says, the engine's
attempt to connect fails with ENONET, which the worker reports as a refused federated query.
"""
from __future__ import annotations

import ctypes
import errno
import platform
import struct
import sys

# The errno a forbidden socket() gets: one nothing else in a worker produces, so a failure is recognised.
REFUSED_ERRNO = errno.ENONET

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_AF_UNIX = 1
_IO_URING_SETUP = 425  # io_uring can open sockets on its own: refused as a whole
# audit arch, socket() syscall number, whether syscall numbers from 0x40000000 (x32) must be refused
_ARCHES = {"x86_64": (0xC000003E, 41, True), "aarch64": (0xC00000B7, 198, False),
           "arm64": (0xC00000B7, 198, False)}


def unsupported() -> str | None:
    """Why this machine cannot forbid sockets, or None when it can."""
    if sys.platform != "linux":
        return f"query workers can be kept off the network only on Linux (this is {sys.platform})"
    if platform.machine() not in _ARCHES:
        return f"query workers can be kept off the network only on x86-64 and arm64 (this is {platform.machine()})"
    return None


def _filter() -> bytes:
    arch, socket_nr, x32 = _ARCHES[platform.machine()]
    refuse = _RET_ERRNO | REFUSED_ERRNO

    def op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
        return struct.pack("=HBBI", code, jt, jf, k)

    LD, JEQ, JGE, RET = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_JMP|JGE|K, BPF_RET|K
    program = [
        op(LD, 4),                              # seccomp_data.arch
        op(JEQ, arch, 1, 0), op(RET, refuse),   # another ABI (i386 on x86-64): nothing at all
        op(LD, 0),                              # seccomp_data.nr
        op(JGE, 0x40000000, 0, 1) if x32 else op(JEQ, 0xFFFFFFFF, 0, 1), op(RET, refuse),
        op(JEQ, _IO_URING_SETUP, 0, 1), op(RET, refuse),
        op(JEQ, socket_nr, 0, 4),
        op(LD, 16),                             # args[0], the address family (its low 32 bits)
        op(JEQ, _AF_UNIX, 0, 1), op(RET, _RET_ALLOW),
        op(RET, refuse),
        op(RET, _RET_ALLOW),
    ]
    # jumps are relative: check that the socket() branch lands where it should
    assert len(program) == 14
    return b"".join(program)


def forbid_network() -> None:
    """From now on this process (and its threads and children) cannot create a network socket. Raises OSError
    when the kernel refuses the filter."""
    reason = unsupported()
    if reason:
        raise OSError(reason)
    code = _filter()
    buffer = ctypes.create_string_buffer(code, len(code))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    program = SockFprog(len(code) // 8, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(program), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "seccomp filter refused by the kernel")
