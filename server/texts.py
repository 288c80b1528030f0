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
        N_("site_not_found", "Lokasi {site} tidak ada"),
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
        N_("help_not_found", "Permintaan bantuan tidak ditemukan"),
        N_(
            "help_ticket_expired",
            "Tiket ini bukan tiket hari ini; bantuan hanya untuk antrean hari ini",
        ),
        N_("help_too_often", "Permintaan bantuan terlalu sering; coba lagi dalam {seconds} detik"),
        N_("help_who", "Kirim token kiosk atau tracking_code tiket"),
        N_("bad_date", "Tanggal tidak valid: {value}"),
        # the survey (Survei Kepuasan Masyarakat)
        N_("not_served", "Survei baru bisa diisi setelah tiket selesai dilayani"),
        N_("already_answered", "Survei untuk tiket ini sudah diisi"),
        N_("already_rated", "Penilaian untuk tiket ini sudah diberikan"),
        N_(
            "too_many_survey_attempts",
            "Terlalu banyak jawaban survei yang ditolak; coba lagi dalam {seconds} detik",
        ),
        N_(
            "bad_period",
            "Periode laporan harus 1 sampai {days} hari, tanggal akhir tidak sebelum awal",
        ),
        # the survey's questionnaire (Permenpan RB 14/2017): titles, default questions, labels
        N_("skm_title_U1", "Persyaratan"),
        N_("skm_title_U2", "Sistem, Mekanisme, dan Prosedur"),
        N_("skm_title_U3", "Waktu Penyelesaian"),
        N_("skm_title_U4", "Biaya/Tarif"),
        N_("skm_title_U5", "Produk Spesifikasi Jenis Pelayanan"),
        N_("skm_title_U6", "Kompetensi Pelaksana"),
        N_("skm_title_U7", "Perilaku Pelaksana"),
        N_("skm_title_U8", "Penanganan Pengaduan, Saran dan Masukan"),
        N_("skm_title_U9", "Sarana dan Prasarana"),
        N_(
            "skm_question_U1",
            "Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis "
            "pelayanannya?",
        ),
        N_("skm_question_U2", "Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan?"),
        N_(
            "skm_question_U3",
            "Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?",
        ),
        N_("skm_question_U4", "Bagaimana pendapat Anda tentang kewajaran biaya/tarif pelayanan?"),
        N_(
            "skm_question_U5",
            "Bagaimana pendapat Anda tentang kesesuaian hasil pelayanan dengan yang tercantum "
            "dalam standar pelayanan?",
        ),
        N_(
            "skm_question_U6",
            "Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ),
        N_(
            "skm_question_U7",
            "Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan "
            "dan keramahan?",
        ),
        N_(
            "skm_question_U8",
            "Bagaimana pendapat Anda tentang penanganan pengaduan, saran dan masukan pengguna "
            "layanan?",
        ),
        N_("skm_question_U9", "Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?"),
        N_("skm_option_U1_1", "Tidak sesuai"),
        N_("skm_option_U1_2", "Kurang sesuai"),
        N_("skm_option_U1_3", "Sesuai"),
        N_("skm_option_U1_4", "Sangat sesuai"),
        N_("skm_option_U2_1", "Tidak mudah"),
        N_("skm_option_U2_2", "Kurang mudah"),
        N_("skm_option_U2_3", "Mudah"),
        N_("skm_option_U2_4", "Sangat mudah"),
        N_("skm_option_U3_1", "Tidak cepat"),
        N_("skm_option_U3_2", "Kurang cepat"),
        N_("skm_option_U3_3", "Cepat"),
        N_("skm_option_U3_4", "Sangat cepat"),
        N_("skm_option_U4_1", "Sangat mahal"),
        N_("skm_option_U4_2", "Cukup mahal"),
        N_("skm_option_U4_3", "Murah"),
        N_("skm_option_U4_4", "Gratis"),
        N_("skm_option_U5_1", "Tidak sesuai"),
        N_("skm_option_U5_2", "Kurang sesuai"),
        N_("skm_option_U5_3", "Sesuai"),
        N_("skm_option_U5_4", "Sangat sesuai"),
        N_("skm_option_U6_1", "Tidak kompeten"),
        N_("skm_option_U6_2", "Kurang kompeten"),
        N_("skm_option_U6_3", "Kompeten"),
        N_("skm_option_U6_4", "Sangat kompeten"),
        N_("skm_option_U7_1", "Tidak sopan dan ramah"),
        N_("skm_option_U7_2", "Kurang sopan dan ramah"),
        N_("skm_option_U7_3", "Sopan dan ramah"),
        N_("skm_option_U7_4", "Sangat sopan dan ramah"),
        N_("skm_option_U8_1", "Tidak ada"),
        N_("skm_option_U8_2", "Ada tetapi tidak berfungsi"),
        N_("skm_option_U8_3", "Berfungsi kurang maksimal"),
        N_("skm_option_U8_4", "Dikelola dengan baik"),
        N_("skm_option_U9_1", "Buruk"),
        N_("skm_option_U9_2", "Cukup"),
        N_("skm_option_U9_3", "Baik"),
        N_("skm_option_U9_4", "Sangat baik"),
        # why a service takes no tickets now (also the error when a kiosk tries anyway)
        N_("disabled", "Layanan sedang tidak tersedia"),
        N_("holiday", "Hari libur, layanan tutup"),
        N_("closed_today", "Layanan tutup hari ini"),
        N_("outside_hours", "Layanan belum buka"),
        N_("cutoff_passed", "Pengambilan antrean hari ini sudah ditutup"),
        N_("quota_exhausted", "Kuota layanan hari ini sudah habis"),
        N_("opens_at", "{reason}. Buka {when}."),
        # online booking (reservasi)
        N_("service_not_bookable", "Layanan {code} tidak menerima reservasi"),
        N_(
            "booking_other_site",
            "Reservasi ini untuk lokasi lain; silakan datang ke lokasi yang tertera pada reservasi",
        ),
        N_(
            "date_outside_window",
            "Reservasi hanya bisa untuk hari ini sampai {days} hari ke depan",
        ),
        N_("day_closed", "Layanan tutup pada hari itu"),
        N_("no_such_slot", "Jam {start} bukan jadwal reservasi layanan ini"),
        N_("slot_closed", "Reservasi untuk jam {start} sudah ditutup"),
        N_("slot_full", "Jadwal jam {start} sudah penuh; silakan pilih jam lain"),
        N_("nik_required", "Masukkan NIK (16 angka) untuk reservasi"),
        N_("nik_invalid", "NIK harus 16 angka"),
        N_("nik_already_booked", "NIK ini sudah punya reservasi aktif untuk layanan dan hari itu"),
        N_("booking_not_found", "Kode reservasi tidak ditemukan; periksa kembali kodenya"),
        N_("booking_cancelled", "Reservasi ini sudah dibatalkan"),
        N_("booking_used", "Reservasi ini sudah dipakai untuk mengambil nomor antrean"),
        N_("slot_setting_incomplete", "Isi panjang jadwal dan kapasitas, atau kosongkan keduanya"),
        N_("slot_minutes_range", "Panjang jadwal harus 5 sampai 240 menit"),
        N_("slot_capacity_range", "Kapasitas harus 1 sampai 999 orang per jadwal"),
        N_("booking_not_active", "Reservasi ini tidak bisa dibatalkan lagi"),
        N_(
            "too_early",
            "Belum waktunya. Lapor kedatangan bisa mulai pukul {time}.",
        ),
        N_(
            "too_late",
            "Waktu lapor kedatangan sudah lewat (sampai pukul {time}). "
            "Silakan ambil nomor antrean biasa.",
        ),
        N_(
            "too_many_bookings",
            "Terlalu banyak permintaan reservasi dari perangkat ini; "
            "coba lagi dalam {seconds} detik",
        ),
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
