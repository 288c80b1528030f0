"""Every sentence the server sends to people: Bahasa Indonesia first, English second."""

from __future__ import annotations

import datetime as dt

from config import Catalog
from config.i18n import clock_text

TEXTS = Catalog(
    {
        # errors (code -> message); the code never changes with the language
        "validation_error": ("Data yang dikirim tidak valid: {detail}", "Invalid data: {detail}"),
        "malformed_json": ("Isi permintaan bukan JSON yang valid", "The body is not valid JSON"),
        "body_too_large": (
            "Isi permintaan terlalu besar (maksimal {limit} byte)",
            "The request body is too large (at most {limit} bytes)",
        ),
        "not_found": ("Alamat tidak ditemukan", "No such address"),
        "method_not_allowed": ("Metode tidak diizinkan di alamat ini", "Method not allowed here"),
        "internal_error": (
            "Terjadi kesalahan di server; silakan coba lagi",
            "Something went wrong on the server; please try again",
        ),
        "unauthorized": (
            "Perlu token akses yang valid (Authorization: Bearer ...)",
            "A valid access token is needed (Authorization: Bearer ...)",
        ),
        "forbidden": (
            "Peran {role} tidak boleh melakukan ini",
            "The role {role} may not do this",
        ),
        "not_your_counter": (
            "Anda tidak ditugaskan di loket ini",
            "You are not assigned to this counter",
        ),
        "invalid_credentials": (
            "Nama pengguna atau kata sandi salah",
            "Wrong username or password",
        ),
        "too_many_attempts": (
            "Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {seconds} detik",
            "Too many failed logins; try again in {seconds} seconds",
        ),
        "service_not_found": ("Layanan {code} tidak ada", "There is no service {code}"),
        "ticket_not_found": ("Tiket tidak ditemukan", "Ticket not found"),
        "counter_not_found": ("Loket tidak ditemukan", "Counter not found"),
        "agency_not_found": ("Instansi tidak ditemukan", "Agency not found"),
        "user_not_found": ("Pengguna tidak ditemukan", "User not found"),
        "device_not_found": ("Perangkat tidak ditemukan", "Device not found"),
        "already_exists": ("{what} sudah ada", "{what} already exists"),
        "in_use": (
            "{what} masih dipakai dan tidak bisa dihapus",
            "{what} is still in use and cannot be deleted",
        ),
        "queue_empty": ("Tidak ada antrean yang menunggu", "Nobody is waiting"),
        "ticket_open": (
            "Loket ini masih melayani {number}; selesaikan dulu",
            "This counter still has {number} open; finish it first",
        ),
        "idempotency_key_reused": (
            "Kunci Idempotency-Key ini sudah dipakai untuk tindakan lain ({action})",
            "This Idempotency-Key was already used for another action ({action})",
        ),
        "bad_idempotency_key": (
            "Idempotency-Key harus 1–128 karakter ASCII yang terlihat",
            "Idempotency-Key must be 1–128 visible ASCII characters",
        ),
        "no_open_ticket": ("Tidak ada tiket yang sedang dilayani", "No ticket is open here"),
        "counter_paused": (
            "Loket sedang istirahat; lanjutkan dulu",
            "The counter is paused; resume it first",
        ),
        "ticket_not_waiting": ("Tiket {number} tidak sedang menunggu", "{number} is not waiting"),
        "ticket_not_for_counter": (
            "Tiket {number} bukan untuk layanan loket ini",
            "{number} is not for a service of this counter",
        ),
        "ticket_not_today": (
            "Tiket {number} bukan tiket hari ini",
            "{number} is not a ticket of today",
        ),
        "no_show_too_early": (
            "Tiket baru dipanggil {calls} kali; tandai tidak hadir setelah {needed} kali panggil",
            "Called only {calls} times; mark as no-show after {needed} calls",
        ),
        "ticket_not_no_show": (
            "Tiket {number} tidak berstatus tidak hadir",
            "{number} is not marked no-show",
        ),
        "ticket_not_called": (
            "Tiket {number} harus dipanggil dulu",
            "{number} has to be called first",
        ),
        "ticket_serving": (
            "Tiket {number} sedang dilayani",
            "{number} is being served",
        ),
        "ticket_finished": (
            "Tiket {number} sudah selesai",
            "{number} is already closed",
        ),
        "same_service": (
            "Tiket sudah berada di layanan {code}",
            "The ticket is already in service {code}",
        ),
        "body_timeout": (
            "Isi permintaan tidak terkirim lengkap dalam {seconds} detik",
            "The request body did not arrive in full within {seconds} seconds",
        ),
        "last_admin": (
            "{username} adalah satu-satunya admin aktif. Tambahkan atau aktifkan admin lain "
            "dulu, agar MPP tidak kehilangan admin.",
            "{username} is the only active admin. Add or activate another admin first, so the "
            "MPP is never left without one.",
        ),
        "not_your_ticket": (
            "Tiket ini diterbitkan oleh perangkat lain",
            "This ticket was issued by another device",
        ),
        "bad_date": ("Tanggal tidak valid: {value}", "Not a valid date: {value}"),
        # why a service takes no tickets now (also the error when a kiosk tries anyway)
        "disabled": ("Layanan sedang tidak tersedia", "This service is not available"),
        "holiday": ("Hari libur, layanan tutup", "Public holiday, closed"),
        "closed_today": ("Layanan tutup hari ini", "Closed today"),
        "outside_hours": ("Layanan belum buka", "Not open yet"),
        "cutoff_passed": (
            "Pengambilan antrean hari ini sudah ditutup",
            "No more tickets today",
        ),
        "quota_exhausted": (
            "Kuota layanan hari ini sudah habis",
            "Today's quota for this service is used up",
        ),
        "opens_at": ("{reason}. Buka {when}.", "{reason}. Opens {when}."),
        "today": ("hari ini pukul {time}", "today at {time}"),
        "tomorrow": ("besok pukul {time}", "tomorrow at {time}"),
        "weekday_at": ("{day} pukul {time}", "{day} at {time}"),
    }
)

WEEKDAY_NAMES = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def language_of(accept_language: str | None) -> str:
    """English when the client's Accept-Language starts with 'en', Indonesian otherwise."""
    return "en" if (accept_language or "").strip().lower().startswith("en") else "id"


def message(code: str, language: str, /, **values: object) -> str:
    try:
        return TEXTS.get(code, language, **values)
    except (KeyError, IndexError):
        return code


def reason_text(reason: str, now: dt.datetime, next_open: dt.datetime | None, language: str) -> str:
    """The sentence a kiosk shows under a closed service, e.g. 'Layanan tutup hari ini. Buka
    Senin pukul 08.00.'"""
    text = TEXTS.get(reason, language)
    if next_open is None:
        return text
    clock = clock_text(next_open, language)
    days = (next_open.date() - now.date()).days
    if days == 0:
        when = TEXTS.get("today", language, time=clock)
    elif days == 1:
        when = TEXTS.get("tomorrow", language, time=clock)
    else:
        day = WEEKDAY_NAMES[language][next_open.weekday()]
        when = TEXTS.get("weekday_at", language, day=day, time=clock)
    return TEXTS.get("opens_at", language, reason=text, when=when)
