"""Run the ``rag`` command with a Python audit hook that records every network
destination other than this machine's loopback, one per line, in $RAG_NET_AUDIT.

    python tests/netaudit.py ask "…"      # same arguments as ``rag``
"""

from __future__ import annotations

import ipaddress
import os
import sys

LOG = os.environ["RAG_NET_AUDIT"]


def _outside(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str) or host in ("", "localhost"):
        return False  # None/"" bind any; a str path is an AF_UNIX socket
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return True  # a host name other than localhost would need DNS
    return not (ip.is_loopback or ip.is_unspecified
                or (ip.version == 6 and ip.ipv4_mapped is not None
                    and ip.ipv4_mapped.is_loopback))


def _hook(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    host = None
    if event == "socket.connect" and isinstance(args[1], tuple):
        host = args[1][0]
    elif event in ("socket.getaddrinfo", "socket.gethostbyname"):
        host = args[0]
    if host is not None and _outside(host):
        with open(LOG, "a", encoding="utf-8") as f:
            f.write(f"{event} {host!r}\n")


sys.addaudithook(_hook)

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from rag.cli import app

    sys.argv[0] = "rag"
    app()
