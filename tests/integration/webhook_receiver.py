"""A webhook receiver for the tests, run as its own process:

    python webhook_receiver.py --port 8123 --log received.jsonl

Every POST is appended to the log file (one JSON line: path, headers, body, the status it was
answered with, time) before it is answered, so a test can read what arrived even across a kill
and a restart. ``POST /_control`` with ``{"path": "/a", "status": 500}`` makes later requests to
that path answer 500 (with a long body, to check the sender keeps only an excerpt); the default
is 204. Standard library only: the receiver shares nothing with the code under test.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_lock = threading.Lock()
_status: dict[str, int] = {}
LONG_BODY = ("receiver failure " * 400).encode()


class Handler(BaseHTTPRequestHandler):
    log_path = ""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        if self.path == "/_control":
            wanted = json.loads(body)
            with _lock:
                _status[wanted["path"]] = int(wanted["status"])
            self._answer(204, b"")
            return
        with _lock:
            status = _status.get(self.path, 204)
            record = {
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode(),
                "status": status,
                "t": time.time(),
            }
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
                log.flush()
        self._answer(status, b"" if status < 300 else LONG_BODY)

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    Handler.log_path = args.log
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
