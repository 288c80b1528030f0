"""Which sites the pages show: the site list, the site a page is narrowed to, and the names
the templates print. A single-site hall gets no site word anywhere (`many_sites` False)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request

NOT_KEPT = ("pesan", "notice", "lokasi")  # a page's one-time notices, a row's site


def site_rows(request: Request) -> list[dict]:
    """Every site, in the file's order (the hall's own first)."""
    with request.app.state.store.read() as tx:
        return [{"id": r["id"], "code": r["code"], "name": r["name"]} for r in tx.sites()]


def known(request: Request, site_id: int | None) -> int | None:
    """`site_id` if such a site exists; None (every site) for an id that does not."""
    if site_id is None:
        return None
    with request.app.state.store.read() as tx:
        return site_id if tx.site(site_id) is not None else None


def context(request: Request) -> dict:
    """What every template gets about sites: `many_sites` (more than one: only then is a
    site ever named), `sites`, `site_names` (id -> name), `shown_site` (the site the page is
    narrowed to, None = every site), `every_site` (lists then show a site column) and
    `site_query`."""
    sites = site_rows(request)
    many = len(sites) > 1
    shown = getattr(request.state, "site", None)
    return {
        "many_sites": many,
        "sites": sites,
        "site_names": {s["id"]: s["name"] for s in sites},
        "shown_site": shown,
        "every_site": many and shown is None,
        # A page opened from an every-site list for one row's site (`?lokasi=ID`): its forms
        # post back with the same site.
        "site_query": f"?lokasi={shown}" if shown and request.query_params.get("lokasi") else "",
        "site_next": _back_here(request),
    }


def _back_here(request: Request) -> str:
    """Where the picker returns: this page, without a one-time notice or a row's site."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in NOT_KEPT]
    return request.url.path + (f"?{urlencode(kept)}" if kept else "")
