#!/usr/bin/env python3
"""A stand-in OpenTelemetry collector (OTLP/HTTP JSON receiver) for the end-to-end tests.

Usage: otlp_standin.py <request-log> <port-file> <status-file>
Every POST is appended to the log as one JSON line (path, parsed body) and answered with the HTTP
status in the status file at that moment (200 when it is missing). The port is written to the port file.
"""
import http.server
import json
import os
import sys

log_file, port_file, status_file = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        status = 200
        if os.path.exists(status_file):
            with open(status_file) as f:
                status = int(f.read().strip() or "200")
        if status == 200:
            with open(log_file, "a") as log:
                log.write(json.dumps({"path": self.path, "body": json.loads(body)}) + "\n")
        data = b"{}" if status == 200 else b'{"message": "collector overloaded"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
