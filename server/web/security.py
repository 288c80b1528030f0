"""Security headers on every page and static file of the web pages (not on the JSON API,
whose /docs page needs its own rules)."""

from __future__ import annotations

PAGE_PREFIXES = (
    "/loket",
    "/admin",
    "/t/",
    "/masuk",
    "/keluar",
    "/bahasa",
    "/static/",
    "/skm/",
    "/bantuan",
    "/reservasi",
)

# No inline script or style anywhere: charts are SVG attributes, behaviour is static/app.js.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    # The tracking code is in the URL: never send it to another site (same-origin keeps the
    # Origin header on our own form posts, which the login checks).
    (b"referrer-policy", b"same-origin"),
]


def is_page_path(path: str) -> bool:
    return path == "/" or path.startswith(PAGE_PREFIXES)


class SecurityHeaders:
    """ASGI middleware: adds HEADERS to the responses of page paths."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not is_page_path(scope["path"]):
            return await self.app(scope, receive, send)

        async def send_with_headers(event):
            if event["type"] == "http.response.start":
                names = {name.lower() for name, _ in event.get("headers", [])}
                extra = [(name, value) for name, value in HEADERS if name not in names]
                event = {**event, "headers": [*event.get("headers", []), *extra]}
            await send(event)

        await self.app(scope, receive, send_with_headers)
