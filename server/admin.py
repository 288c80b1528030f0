"""Bootstrap from the config file, the admin's CRUD, and the daily report."""

from __future__ import annotations

import json
import logging
import sqlite3

from config.server import ServerSettings
from server import devices
from server.auth import hash_password, hash_token, new_token
from server.errors import ServerError, conflict, not_found
from server.queue import RUNTIME_SETTINGS, Queue, holiday_texts
from server.reports import daily_report
from server.store import Store, Tx, found

log = logging.getLogger(__name__)


def bootstrap(store: Store, settings: ServerSettings) -> None:
    """Import what the config file lists and the database does not have yet (by name/code).

    Existing rows are left alone: after the first start the database is the truth.
    """
    with store.read() as tx:
        known_users = {row["username"] for row in tx.users()}
    # scrypt is slow on purpose: hash outside the write lock, only for users that are new.
    password_hashes = {
        user.username: hash_password(user.password)
        for user in settings.users
        if user.username not in known_users
    }
    with store.write() as tx:
        site_ids = _bootstrap_sites(tx, settings)

        def site_of(entry) -> int:
            return site_ids[settings.site_of(entry)]

        agencies = {a.name: a.short_name for a in settings.agencies}
        for service in settings.services:
            agencies.setdefault(service.agency, "")
        for name, short in agencies.items():
            if tx.agency_by_name(name) is None:
                tx.insert_agency(name, short)
        for position, service in enumerate(settings.services):
            if tx.service_by_code(service.code, site_of(service)) is None:
                hours = settings.service_hours(service)
                agency = found(tx.agency_by_name(service.agency), f"agency {service.agency}")
                tx.insert_service(
                    site_id=site_of(service),
                    code=service.code,
                    name=service.name,
                    agency_id=agency["id"],
                    daily_quota=service.daily_quota,
                    hours=None if hours is None else json.dumps(hours),
                    enabled=int(service.enabled),
                    position=position,
                )
        for position, counter in enumerate(settings.counters):
            site = site_of(counter)
            if tx.counter_by_name(counter.name, site) is None:
                counter_id = tx.insert_counter(counter.name, position, site)
                service_ids = [
                    found(tx.service_by_code(code, site), f"service {code}")["id"]
                    for code in counter.services
                ]
                tx.set_counter_services(counter_id, service_ids)
        for user in settings.users:
            if user.username in password_hashes and tx.user_by_username(user.username) is None:
                # An admin without a site is an admin of every site.
                user_site = None if user.role == "admin" and user.site is None else site_of(user)
                user_id = tx.insert_user(
                    user.username, user.role, password_hashes[user.username], user_site
                )
                counter_ids = [
                    found(tx.counter_by_name(name, site_of(user)), f"counter {name}")["id"]
                    for name in user.counters
                ]
                tx.set_user_counters(user_id, counter_ids)
        for device in settings.devices:
            if tx.device_by_name(device.name) is None:
                tx.insert_device(
                    device.name, device.kind, hash_token(device.token), site_of(device)
                )
        tx.set_setting("marquee", settings.display.marquee, only_if_absent=True)
        tx.set_setting(
            "priority_streak_limit", settings.queue.priority_streak_limit, only_if_absent=True
        )
        tx.set_setting(
            "no_show_after_calls", settings.queue.no_show_after_calls, only_if_absent=True
        )
        tx.set_setting("cutoff_minutes", settings.queue.cutoff_minutes, only_if_absent=True)
        tx.set_setting("holidays", holiday_texts(settings.queue.holidays), only_if_absent=True)


def _bootstrap_sites(tx: Tx, settings: ServerSettings) -> dict[str, int]:
    """The sites of the file, by code -> id. The first (made by the schema) is `[site]`: its
    code and name follow the file, so a single-site hall is named as it always was."""
    first = found(tx.site(1), "the first site")
    if (first["code"], first["name"]) != (settings.site.code, settings.site.name):
        tx.update_site(1, code=settings.site.code, name=settings.site.name)
    for position, entry in enumerate(settings.sites, 1):
        if tx.site_by_code(entry.code) is None:
            tx.insert_site(entry.code, entry.name, position)
    return {row["code"]: row["id"] for row in tx.sites()}


class Admin:
    """The admin's CRUD. Every change that the hall can see is an event, so displays refresh."""

    def __init__(self, queue: Queue, site: int | None = None):
        self.queue = queue
        self.store = queue.store
        # The site this admin works on: its lists show only that site's rows, and a row of
        # another site is "not found". None: every site (lists show all; codes and names,
        # unique only within a site, are looked up, and new rows made, in the first).
        self.site = site
        self.home = site or 1

    def at(self, site: int | None) -> Admin:
        """The same admin, working on `site` (None: every site)."""
        return Admin(self.queue, site)

    def _mine(self, row: sqlite3.Row | None) -> sqlite3.Row | None:
        """`row` if it belongs to the site worked on (any site when that is every site)."""
        if row is None or (self.site is not None and row["site_id"] != self.site):
            return None
        return row

    def _changed(self, tx: Tx, what: str, actor: str) -> None:
        _, at, day = self.queue.now()
        tx.add_event("admin_changed", at, day, actor=actor, data={"what": what})

    # ---- agencies ----
    def agencies(self) -> list[dict]:
        with self.store.read() as tx:
            return [_agency(row) for row in tx.agencies()]

    def create_agency(self, actor: str, name: str, short_name: str) -> dict:
        with self.store.write() as tx:
            if tx.agency_by_name(name):
                raise conflict("already_exists", what=name)
            agency_id = tx.insert_agency(name, short_name)
            self._changed(tx, "agency", actor)
            return _agency(found(tx.agency(agency_id), f"agency {agency_id}"))

    def update_agency(self, actor: str, agency_id: int, changes: dict) -> dict:
        with self.store.write() as tx:
            if tx.agency(agency_id) is None:
                raise not_found("agency_not_found")
            other = tx.agency_by_name(changes["name"]) if "name" in changes else None
            if other and other["id"] != agency_id:
                raise conflict("already_exists", what=changes["name"])
            if changes:
                tx.update_agency(agency_id, **changes)
            self._changed(tx, "agency", actor)
            return _agency(found(tx.agency(agency_id), f"agency {agency_id}"))

    def delete_agency(self, actor: str, agency_id: int) -> None:
        with self.store.write() as tx:
            agency = tx.agency(agency_id)
            if agency is None:
                raise not_found("agency_not_found")
            if tx.agency_in_use(agency_id):
                raise conflict("in_use", what=agency["name"])
            tx.delete_agency(agency_id)
            self._changed(tx, "agency", actor)

    # ---- services ----
    def services(self) -> list[dict]:
        with self.store.read() as tx:
            return [_service(row) for row in tx.services(self.site)]

    def _agency_id(self, tx: Tx, name: str) -> int:
        agency = tx.agency_by_name(name)
        if agency is None:
            raise not_found("agency_not_found")
        return agency["id"]

    def create_service(self, actor: str, data: dict) -> dict:
        with self.store.write() as tx:
            if tx.service_by_code(data["code"], self.home):
                raise conflict("already_exists", what=data["code"])
            service_id = tx.insert_service(
                site_id=self.home,
                code=data["code"],
                name=data["name"],
                agency_id=self._agency_id(tx, data["agency"]),
                daily_quota=data.get("daily_quota"),
                hours=_hours_json(data.get("hours")),
                enabled=int(data.get("enabled", True)),
                position=len(tx.services(self.home)),
            )
            self._changed(tx, "service", actor)
            return _service(found(tx.service(service_id), f"service {service_id}"))

    def update_service(self, actor: str, code: str, changes: dict) -> dict:
        with self.store.write() as tx:
            service = tx.service_by_code(code, self.home)
            if service is None:
                raise not_found("service_not_found", code=code)
            columns = {}
            for key in ("name", "daily_quota"):
                if key in changes:
                    columns[key] = changes[key]
            if "enabled" in changes:
                columns["enabled"] = int(changes["enabled"])
            if "hours" in changes:
                columns["hours"] = _hours_json(changes["hours"])
            if "agency" in changes:
                columns["agency_id"] = self._agency_id(tx, changes["agency"])
            if columns:
                tx.update_service(service["id"], **columns)
            self._changed(tx, "service", actor)
            return _service(found(tx.service(service["id"]), f"service {code}"))

    def delete_service(self, actor: str, code: str) -> None:
        with self.store.write() as tx:
            service = tx.service_by_code(code, self.home)
            if service is None:
                raise not_found("service_not_found", code=code)
            if tx.service_in_use(service["id"]):
                raise conflict("in_use", what=code)
            tx.delete_service(service["id"])
            self._changed(tx, "service", actor)

    # ---- counters ----
    def counters(self) -> list[dict]:
        with self.store.read() as tx:
            services = tx.counter_services()
            return [_counter(row, services.get(row["id"], [])) for row in tx.counters(self.site)]

    def _service_ids(self, tx: Tx, codes: list[str], site: int) -> list[int]:
        """The ids of `site`'s services of these codes (a counter calls its own site's)."""
        ids = []
        for code in codes:
            service = tx.service_by_code(code, site)
            if service is None:
                raise not_found("service_not_found", code=code)
            ids.append(service["id"])
        return ids

    def create_counter(self, actor: str, name: str, codes: list[str]) -> dict:
        with self.store.write() as tx:
            if tx.counter_by_name(name, self.home):
                raise conflict("already_exists", what=name)
            service_ids = self._service_ids(tx, codes, self.home)
            counter_id = tx.insert_counter(name, len(tx.counters(self.home)), self.home)
            tx.set_counter_services(counter_id, service_ids)
            self._changed(tx, "counter", actor)
            counter = found(tx.counter(counter_id), f"counter {counter_id}")
            return _counter(counter, tx.counter_services().get(counter_id, []))

    def update_counter(self, actor: str, counter_id: int, changes: dict) -> dict:
        with self.store.write() as tx:
            counter = self._mine(tx.counter(counter_id))
            if counter is None:
                raise not_found("counter_not_found")
            site = counter["site_id"]
            if "name" in changes:
                other = tx.counter_by_name(changes["name"], site)
                if other and other["id"] != counter_id:
                    raise conflict("already_exists", what=changes["name"])
                tx.update_counter(counter_id, name=changes["name"])
            if "services" in changes:
                service_ids = self._service_ids(tx, changes["services"], site)
                tx.set_counter_services(counter_id, service_ids)
            self._changed(tx, "counter", actor)
            counter = found(tx.counter(counter_id), f"counter {counter_id}")
            return _counter(counter, tx.counter_services().get(counter_id, []))

    def delete_counter(self, actor: str, counter_id: int) -> None:
        with self.store.write() as tx:
            counter = self._mine(tx.counter(counter_id))
            if counter is None:
                raise not_found("counter_not_found")
            if (current := tx.open_ticket_at(counter_id)) is not None:
                raise conflict("ticket_open", number=current["number"])
            tx.delete_counter(counter_id)
            self._changed(tx, "counter", actor)

    # ---- users ----
    def users(self) -> list[dict]:
        with self.store.read() as tx:
            return [_user(row, tx.user_counter_ids(row["id"])) for row in tx.users(self.site)]

    def _counter_ids(self, tx: Tx, ids: list[int], site: int | None) -> list[int]:
        """Counters a user of `site` may be given: that site's (staff never reach another)."""
        for counter_id in ids:
            counter = tx.counter(counter_id)
            if counter is None or (site is not None and counter["site_id"] != site):
                raise not_found("counter_not_found")
        return sorted(set(ids))

    def _user_site(self, role: str, asked: int | None) -> int | None:
        """The site of a new user: the site worked on; when that is every site, the one asked
        (none = every site, for an admin; the first site for an operator)."""
        if self.site is not None:
            return self.site
        if asked is None and role != "admin":
            return 1
        return asked

    def create_user(self, actor: str, data: dict) -> dict:
        password_hash = hash_password(data["password"])
        with self.store.write() as tx:
            if tx.user_by_username(data["username"]):
                raise conflict("already_exists", what=data["username"])
            site = self._user_site(data["role"], data.get("site_id"))
            if site is not None and tx.site(site) is None:
                raise not_found("site_not_found", site=site)
            user_id = tx.insert_user(data["username"], data["role"], password_hash, site)
            counters = self._counter_ids(tx, data.get("counters", []), site)
            tx.set_user_counters(user_id, counters)
            return _user(found(tx.user(user_id), f"user {user_id}"), tx.user_counter_ids(user_id))

    @staticmethod
    def _keep_an_admin(tx: Tx, user: sqlite3.Row, role: str | None, active: bool) -> None:
        """Refuse a change that would leave no active admin (none after a restart either: the
        config file's users are imported only once)."""
        if user["role"] != "admin" or not user["active"] or (role == "admin" and active):
            return
        if not any(
            u["id"] != user["id"] and u["role"] == "admin" and u["active"] for u in tx.users()
        ):
            raise conflict("last_admin", username=user["username"])

    def update_user(self, actor: str, user_id: int, changes: dict) -> dict:
        password_hash = hash_password(changes["password"]) if changes.get("password") else None
        with self.store.write() as tx:
            user = self._mine(tx.user(user_id))
            if user is None:
                raise not_found("user_not_found")
            role = changes.get("role") or user["role"]
            active = bool(user["active"] if changes.get("active") is None else changes["active"])
            self._keep_an_admin(tx, user, role, active)
            columns = {}
            if "role" in changes:
                columns["role"] = changes["role"]
                if changes["role"] != "admin" and user["site_id"] is None:
                    columns["site_id"] = 1  # staff always belong to one site
            if "active" in changes:
                columns["active"] = int(changes["active"])
            if password_hash:
                columns["password_hash"] = password_hash
            if columns:
                tx.update_user(user_id, **columns)
            if password_hash or changes.get("active") is False:
                tx.delete_user_sessions(user_id)
            if "counters" in changes:
                site = columns.get("site_id", user["site_id"])
                tx.set_user_counters(user_id, self._counter_ids(tx, changes["counters"], site))
            return _user(found(tx.user(user_id), f"user {user_id}"), tx.user_counter_ids(user_id))

    def delete_user(self, actor: str, user_id: int) -> None:
        with self.store.write() as tx:
            user = self._mine(tx.user(user_id))
            if user is None:
                raise not_found("user_not_found")
            self._keep_an_admin(tx, user, None, False)
            tx.delete_user(user_id)

    # ---- devices ----
    def devices(self) -> list[dict]:
        with self.store.read() as tx:
            return [_device(row) for row in tx.devices(self.site)]

    def device_health(self) -> list[dict]:
        """Each device with what the manager must notice (`server.devices.health`)."""
        now, _, _ = self.queue.now()
        return [devices.health(device, now) for device in self.devices()]

    def create_device(self, actor: str, name: str, kind: str) -> dict:
        """A new device; its token is in this answer only, the database keeps its hash."""
        token = new_token()
        with self.store.write() as tx:
            if tx.device_by_name(name):
                raise conflict("already_exists", what=name)
            device_id = tx.insert_device(name, kind, hash_token(token), self.home)
            return {**_device(found(tx.device(device_id), f"device {device_id}")), "token": token}

    def update_device(self, actor: str, device_id: int, changes: dict) -> dict:
        token = new_token() if changes.pop("new_token", False) else None
        with self.store.write() as tx:
            if self._mine(tx.device(device_id)) is None:
                raise not_found("device_not_found")
            columns = {}
            if changes.get("name") is not None:
                other = tx.device_by_name(changes["name"])
                if other and other["id"] != device_id:
                    raise conflict("already_exists", what=changes["name"])
                columns["name"] = changes["name"]
            if changes.get("active") is not None:
                columns["active"] = int(changes["active"])
            if token:
                columns["token_hash"] = hash_token(token)
            if columns:
                tx.update_device(device_id, **columns)
            view = _device(found(tx.device(device_id), f"device {device_id}"))
        self.queue.device_cache.clear()  # after the commit, so no stale entry comes back
        return {**view, "token": token} if token else view

    def delete_device(self, actor: str, device_id: int) -> None:
        with self.store.write() as tx:
            if self._mine(tx.device(device_id)) is None:
                raise not_found("device_not_found")
            tx.delete_device(device_id)
        self.queue.device_cache.clear()

    # ---- settings ----
    def runtime_settings(self) -> dict:
        with self.store.read() as tx:
            return self.queue.runtime(tx)

    def update_settings(self, actor: str, changes: dict) -> dict:
        with self.store.write() as tx:
            for key, value in changes.items():
                if key not in RUNTIME_SETTINGS:
                    raise ServerError("validation_error", 422, detail=key)
                tx.set_setting(key, holiday_texts(value) if key == "holidays" else value)
            self._changed(tx, "settings", actor)
            return self.queue.runtime(tx)

    # ---- report ----
    def daily_report(self, day: str) -> dict:
        return daily_report(self.store, day, self.site)


def _hours_json(hours: dict | None) -> str | None:
    return None if hours is None else json.dumps(hours)


def _agency(row: sqlite3.Row) -> dict:
    return {"id": row["id"], "name": row["name"], "short_name": row["short_name"]}


def _service(row: sqlite3.Row) -> dict:
    return {
        "id": row["id"],
        "code": row["code"],
        "name": row["name"],
        "agency": row["agency_name"],
        "site_id": row["site_id"],
        "daily_quota": row["daily_quota"],
        "hours": json.loads(row["hours"]) if row["hours"] else None,
        "enabled": bool(row["enabled"]),
    }


def _counter(row: sqlite3.Row, services: list) -> dict:
    return {
        "id": row["id"],
        "site_id": row["site_id"],
        "name": row["name"],
        "status": row["status"],
        "services": [s["code"] for s in services],
    }


def _user(row: sqlite3.Row, counter_ids: list[int]) -> dict:
    return {
        "id": row["id"],
        "username": row["username"],
        "role": row["role"],
        "active": bool(row["active"]),
        "counters": counter_ids,
        "site_id": row["site_id"],
    }


def _device(row: sqlite3.Row) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "kind": row["kind"],
        "site_id": row["site_id"],
        "active": bool(row["active"]),
        "last_seen": row["last_seen"],
        "last_status": json.loads(row["last_status"]) if row["last_status"] else None,
        "revoked_at": row["revoked_at"],
    }
