#!/usr/bin/env python3
"""A stand-in OpenAI-compatible chat server for the self-heal tests.

Usage: chat_standin.py <answer-file> <request-log> <port-file>
Every POST answers a chat completion whose content is the answer file's text at that moment (an
answer starting with SLEEP waits 5 s first, for timeouts); each request is appended to the log as
one JSON line (path, Authorization header, body). The chosen port is written to the port file.
"""
import http.server
import json
import sys
import time

answer_file, log_file, port_file = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        with open(log_file, "a") as log:
            log.write(json.dumps({"path": self.path, "auth": self.headers.get("Authorization", ""), "body": body}) + "\n")
        with open(answer_file) as f:
            answer = f.read()
        if answer.startswith("SLEEP"):
            time.sleep(5)
        data = json.dumps({"model": "standin-coder",
                           "choices": [{"message": {"role": "assistant", "content": answer}}]}).encode()
        self.send_response(200)
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
