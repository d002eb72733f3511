"""Forget a client's connections that the gateway redirected to the portal.

NAT is decided on a connection's first packet, so after a login the client's open port-80
connections would stay redirected to the portal (a kept-alive browser connection keeps
showing the splash). Deleting their conntrack entries makes the next packet start over
without the redirect: the far end answers with a reset and the browser reconnects.

This talks to the kernel through libnetfilter_conntrack (Debian `libnetfilter-conntrack3`,
already pulled in by iptables), like `conntrack -D` does, without a subprocess per login:
dump the family's table, keep the client's TCP/80 entries whose reply comes from the portal,
delete those. Without the library it does nothing and says so once.
"""

from __future__ import annotations

import ctypes
import ipaddress
import logging
import socket
import threading

log = logging.getLogger(__name__)

LIBRARY = "libnetfilter_conntrack.so.3"
CONNTRACK = 1  # NFNL_SUBSYS_CTNETLINK
NFCT_T_ALL = 7
NFCT_Q_DESTROY = 2
NFCT_Q_DUMP = 5
NFCT_CB_CONTINUE = 1
ATTR_ORIG_SRC = {4: 0, 6: 4}  # ATTR_ORIG_IPV4_SRC, ATTR_ORIG_IPV6_SRC
ATTR_REPL_SRC = {4: 2, 6: 6}  # ATTR_REPL_IPV4_SRC, ATTR_REPL_IPV6_SRC
ATTR_ORIG_PORT_DST = 9
ATTR_ORIG_L4PROTO = 17
FAMILY = {4: socket.AF_INET, 6: socket.AF_INET6}
CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _load() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL(LIBRARY, use_errno=True)
    except OSError:
        log.warning("%s not found: redirected connections are left to time out", LIBRARY)
        return None
    lib.nfct_open.restype = ctypes.c_void_p
    lib.nfct_open.argtypes = [ctypes.c_uint8, ctypes.c_uint]
    lib.nfct_close.argtypes = [ctypes.c_void_p]
    lib.nfct_callback_register.argtypes = [ctypes.c_void_p, ctypes.c_int, CALLBACK, ctypes.c_void_p]
    lib.nfct_query.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    lib.nfct_get_attr.restype = ctypes.c_void_p
    lib.nfct_get_attr.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.nfct_get_attr_u8.restype = ctypes.c_uint8
    lib.nfct_get_attr_u8.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.nfct_get_attr_u16.restype = ctypes.c_uint16
    lib.nfct_get_attr_u16.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.nfct_clone.restype = ctypes.c_void_p
    lib.nfct_clone.argtypes = [ctypes.c_void_p]
    lib.nfct_destroy.argtypes = [ctypes.c_void_p]
    return lib


class Conntrack:
    """Loads the library on first use; safe to call from several threads."""

    def __init__(self) -> None:
        self._lib: ctypes.CDLL | None = None
        self._loaded = False
        self._lock = threading.Lock()

    def forget_redirected(self, client_ip: str, portal_ip: str) -> int:
        """Delete `client_ip`'s TCP/80 entries answered by `portal_ip`; how many."""
        client, portal = ipaddress.ip_address(client_ip), ipaddress.ip_address(portal_ip)
        if client.version != portal.version:
            return 0
        with self._lock:
            if not self._loaded:
                self._lib, self._loaded = _load(), True
            if self._lib is None:
                return 0
            return _forget(self._lib, client.version, client.packed, portal.packed)


def _forget(lib: ctypes.CDLL, version: int, client: bytes, portal: bytes) -> int:
    size = len(client)
    found: list[int] = []

    def on_entry(_type: int, ct: int, _data: int) -> int:
        if (
            lib.nfct_get_attr_u8(ct, ATTR_ORIG_L4PROTO) == socket.IPPROTO_TCP
            and lib.nfct_get_attr_u16(ct, ATTR_ORIG_PORT_DST) == socket.htons(80)
            and ctypes.string_at(lib.nfct_get_attr(ct, ATTR_ORIG_SRC[version]), size) == client
            and ctypes.string_at(lib.nfct_get_attr(ct, ATTR_REPL_SRC[version]), size) == portal
        ):
            found.append(lib.nfct_clone(ct))
        return NFCT_CB_CONTINUE

    callback = CALLBACK(on_entry)  # kept referenced until the dump is over
    handle = lib.nfct_open(CONNTRACK, 0)
    if not handle:
        log.warning("conntrack table cannot be opened (errno %d)", ctypes.get_errno())
        return 0
    try:
        lib.nfct_callback_register(handle, NFCT_T_ALL, callback, None)
        family = ctypes.c_uint32(FAMILY[version])
        lib.nfct_query(handle, NFCT_Q_DUMP, ctypes.byref(family))
        deleted = 0
        for ct in found:
            deleted += lib.nfct_query(handle, NFCT_Q_DESTROY, ct) == 0  # else gone already
            lib.nfct_destroy(ct)
    finally:
        lib.nfct_close(handle)
    return deleted
