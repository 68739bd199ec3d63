#!/usr/bin/env python3
"""A stand-in HTTP JSON server for the end-to-end tests: an OpenTelemetry collector (OTLP/HTTP
JSON receiver), or GitHub's API refusing a token.

Usage: otlp_standin.py <request-log> <port-file> <status-file>
Every request is answered with the HTTP status in the status file at that moment (200 when it is
missing; "401 <json>" answers that body). A 200 POST is appended to the log as one JSON line (path,
parsed body); any other request as its method, path and Authorization header. The port is written
to the port file.
"""
import http.server
import json
import os
import sys

log_file, port_file, status_file = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, method):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        status, reply = 200, b"{}"
        if os.path.exists(status_file):
            with open(status_file) as f:
                first, _, rest = f.read().strip().partition(" ")
            status = int(first or "200")
            reply = (rest or '{"message": "collector overloaded"}').encode() if status != 200 else reply
        with open(log_file, "a") as log:
            if status == 200 and method == "POST":
                log.write(json.dumps({"path": self.path, "body": json.loads(body)}) + "\n")
            else:
                log.write(json.dumps({"method": method, "path": self.path,
                                      "auth": self.headers.get("Authorization", "")}) + "\n")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def do_POST(self):
        self.answer("POST")

    def do_GET(self):
        self.answer("GET")

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
