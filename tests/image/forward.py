"""Run by QEMU's guestfwd for each TCP connection the guest opens to HOST_ADDRESS:80: stdin
and stdout are that connection; this relays it to the test's server on the host's loopback
(argv[1] is its port). A chardev guestfwd (tcp:127.0.0.1:PORT) would carry one connection
for the VM's whole life; the kiosk opens several (the fleet config, its signature, the bundle).
"""

from __future__ import annotations

import os
import socket
import sys
import threading


def relay(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as server:

        def to_server() -> None:
            while data := os.read(0, 65536):
                server.sendall(data)
            server.shutdown(socket.SHUT_WR)

        threading.Thread(target=to_server, daemon=True).start()
        while data := server.recv(65536):
            os.write(1, data)


if __name__ == "__main__":
    relay(int(sys.argv[1]))
