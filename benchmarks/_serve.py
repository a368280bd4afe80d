"""A static server for built sites on 127.0.0.1 that gzips text like a production host.

Text responses (HTML, CSS, JavaScript, JSON, XML, SVG) are gzip-compressed (level 6) when the browser
accepts gzip; other files are sent as they are. Headers from the site's `_headers` file (the Netlify /
Cloudflare Pages format our build writes, `/*` rules only) are sent with every response, so the browser
sees the same Content-Security-Policy a deployed copy would send.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import posixpath
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json", "application/atom+xml", "application/feed+json")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/xml", ".xml")


def site_headers(site: Path) -> list[tuple[str, str]]:
    """The `/*` headers of the site's `_headers` file, if it has one."""
    file = site / "_headers"
    if not file.is_file():
        return []
    headers: list[tuple[str, str]] = []
    current = None
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.strip()
            continue
        if current == "/*" and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    return headers


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, extra: list[tuple[str, str]], **kwargs) -> None:
        self.root, self.extra = root, extra
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def _file(self) -> tuple[Path | None, int]:
        path = posixpath.normpath(unquote(urlsplit(self.path).path))
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            return None, 404
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            return target, 200
        missing = self.root / "404.html"
        return (missing if missing.is_file() else None), 404

    def _send(self, head_only: bool) -> None:
        file, status = self._file()
        body = file.read_bytes() if file is not None else b"not found"
        kind = (mimetypes.guess_type(file.name)[0] if file is not None else None) or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSIBLE):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in self.extra:
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._send(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self._send(head_only=True)


class GzipServer:
    """`with GzipServer(site) as url:` serves `site` on 127.0.0.1 (a free port) until the block ends."""

    def __init__(self, site: Path, port: int = 0) -> None:
        self.site = site.resolve()
        handler = functools.partial(_Handler, root=self.site, extra=site_headers(self.site))
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
