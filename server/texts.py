"""Every sentence the server sends to people (Bahasa Indonesia; translations in locale/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from config import N_, Catalog
from config.hours import opening_time_text

TEXTS = Catalog(
    "server",
    Path(__file__).with_name("locale"),
    [
        # errors (code -> message); the code never changes with the language
        N_("validation_error", "Data yang dikirim tidak valid: {detail}"),
        N_("malformed_json", "Isi permintaan bukan JSON yang valid"),
        N_("body_too_large", "Isi permintaan terlalu besar (maksimal {limit} byte)"),
        N_("not_found", "Alamat tidak ditemukan"),
        N_("method_not_allowed", "Metode tidak diizinkan di alamat ini"),
        N_("internal_error", "Terjadi kesalahan di server; silakan coba lagi"),
        N_("unauthorized", "Perlu token akses yang valid (Authorization: Bearer ...)"),
        N_("forbidden", "Peran {role} tidak boleh melakukan ini"),
        N_("not_your_counter", "Anda tidak ditugaskan di loket ini"),
        N_("invalid_credentials", "Nama pengguna atau kata sandi salah"),
        N_(
            "too_many_attempts",
            "Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {seconds} detik",
        ),
        N_("service_not_found", "Layanan {code} tidak ada"),
        N_("ticket_not_found", "Tiket tidak ditemukan"),
        N_("counter_not_found", "Loket tidak ditemukan"),
        N_("agency_not_found", "Instansi tidak ditemukan"),
        N_("user_not_found", "Pengguna tidak ditemukan"),
        N_("device_not_found", "Perangkat tidak ditemukan"),
        N_("code_unknown", "Kode pemasangan tidak dikenal; periksa lagi kode di halaman admin"),
        N_("code_used", "Kode pemasangan ini sudah dipakai; buat kode baru di halaman admin"),
        N_(
            "code_expired",
            "Kode pemasangan ini sudah kedaluwarsa; buat kode baru di halaman admin",
        ),
        N_(
            "pairing_throttled",
            "Terlalu banyak kode pemasangan yang salah; coba lagi dalam {seconds} detik",
        ),
        N_("already_exists", "{what} sudah ada"),
        N_("in_use", "{what} masih dipakai dan tidak bisa dihapus"),
        N_("queue_empty", "Tidak ada antrean yang menunggu"),
        N_("ticket_open", "Loket ini masih melayani {number}; selesaikan dulu"),
        N_(
            "idempotency_key_reused",
            "Kunci Idempotency-Key ini sudah dipakai untuk tindakan lain ({action})",
        ),
        N_("bad_idempotency_key", "Idempotency-Key harus 1–128 karakter ASCII yang terlihat"),
        N_("no_open_ticket", "Tidak ada tiket yang sedang dilayani"),
        N_("counter_paused", "Loket sedang istirahat; lanjutkan dulu"),
        N_("ticket_not_waiting", "Tiket {number} tidak sedang menunggu"),
        N_("ticket_not_for_counter", "Tiket {number} bukan untuk layanan loket ini"),
        N_("ticket_not_today", "Tiket {number} bukan tiket hari ini"),
        N_(
            "no_show_too_early",
            "Tiket baru dipanggil {calls} kali; tandai tidak hadir setelah {needed} kali panggil",
        ),
        N_("ticket_not_no_show", "Tiket {number} tidak berstatus tidak hadir"),
        N_("ticket_not_called", "Tiket {number} harus dipanggil dulu"),
        N_("ticket_serving", "Tiket {number} sedang dilayani"),
        N_("ticket_finished", "Tiket {number} sudah selesai"),
        N_("same_service", "Tiket sudah berada di layanan {code}"),
        N_("body_timeout", "Isi permintaan tidak terkirim lengkap dalam {seconds} detik"),
        N_(
            "last_admin",
            "{username} adalah satu-satunya admin aktif. Tambahkan atau aktifkan admin lain "
            "dulu, agar MPP tidak kehilangan admin.",
        ),
        N_("not_your_ticket", "Tiket ini diterbitkan oleh perangkat lain"),
        N_("bad_date", "Tanggal tidak valid: {value}"),
        # why a service takes no tickets now (also the error when a kiosk tries anyway)
        N_("disabled", "Layanan sedang tidak tersedia"),
        N_("holiday", "Hari libur, layanan tutup"),
        N_("closed_today", "Layanan tutup hari ini"),
        N_("outside_hours", "Layanan belum buka"),
        N_("cutoff_passed", "Pengambilan antrean hari ini sudah ditutup"),
        N_("quota_exhausted", "Kuota layanan hari ini sudah habis"),
        N_("opens_at", "{reason}. Buka {when}."),
    ],
)


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
    when = opening_time_text(next_open, now, language)
    return TEXTS.get("opens_at", language, reason=text, when=when)
