"""Serves a built bundle on 127.0.0.1 with the right MIME types.

Usage: python3 scripts/static_server.py DIR PORT

Where scripts/build left a FILE.br or FILE.gz beside a file, it is sent when
the browser accepts that encoding. A file whose name carries a content hash
never changes, so it may be cached for good; index.html and sw.js must not
be, or a rebuilt bundle would meet a stale page.
"""

import functools
import http.server
import os
import re
import sys

# name-0123456789abcdef.ext, and name-0123456789abcdef_bg.wasm
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.[a-z]+$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    encoding = None

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404, "File not found")
            return None
        accepted = {
            part.split(";")[0].strip()
            for part in self.headers.get("Accept-Encoding", "").split(",")
        }
        self.encoding = None
        sent = path
        for name, suffix in (("br", ".br"), ("gzip", ".gz")):
            if name in accepted and os.path.isfile(path + suffix):
                self.encoding, sent = name, path + suffix
                break
        f = open(sent, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.end_headers()
        return f

    def end_headers(self):
        if self.encoding:
            self.send_header("Content-Encoding", self.encoding)
        self.send_header("Vary", "Accept-Encoding")
        if HASHED.search(self.path.split("?")[0]):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that stops reading (a page closed mid-download) is no fault.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=directory)
    with Server(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
