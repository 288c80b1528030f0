"""Every sentence the kiosk shows (Bahasa Indonesia; translations in locale/).

Short, plain words: many citizens are elderly and read slowly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from babel.dates import format_datetime

from config import N_, Catalog
from config.hours import opening_time_text
from config.i18n import clock_text

TEXTS = Catalog(
    "kiosk",
    Path(__file__).with_name("locale"),
    [
        # home
        N_("welcome", "Selamat datang"),
        N_("choose_agency", "Silakan pilih layanan"),
        N_("choose_agency_hint", "Sentuh nama instansi"),
        # NOTE: the button offers the other language, named in that language.
        N_("language_button", "English"),
        N_("priority_button", "Antrean prioritas\nLansia, penyandang disabilitas, ibu hamil"),
        N_("loading", "Memuat layanan…"),
        N_("no_services", "Belum ada layanan hari ini"),
        # priority choice
        N_("priority_title", "Antrean prioritas"),
        N_("priority_hint", "Pilih salah satu"),
        N_("priority_lansia", "Lansia (60 tahun ke atas)"),
        N_("priority_disabilitas", "Penyandang disabilitas"),
        N_("priority_ibu_hamil", "Ibu hamil"),
        N_("priority_banner", "Tiket prioritas: {kind}"),
        N_("priority_cancel", "Batal prioritas"),
        N_("priority_short_lansia", "Lansia"),
        N_("priority_short_disabilitas", "Disabilitas"),
        N_("priority_short_ibu_hamil", "Ibu hamil"),
        # services
        N_("choose_service", "Pilih layanan"),
        N_("waiting_count", "{count} orang menunggu"),
        N_("waiting_count_one", "1 orang menunggu"),
        N_("waiting_none", "Tidak ada antrean"),
        N_("eta", "± {minutes} menit"),
        N_("no_counter_open", "Belum ada loket yang buka"),
        N_("back", "Kembali"),
        N_("home", "Ke awal"),
        # closed reasons (the service card says why it cannot be chosen)
        N_("reason_quota_exhausted", "Kuota hari ini habis"),
        N_("reason_outside_hours", "Layanan tutup, buka {when}"),
        N_("reason_closed_today", "Layanan tutup, buka {when}"),
        N_("reason_holiday", "Hari libur, buka {when}"),
        N_("reason_cutoff_passed", "Pendaftaran hari ini sudah ditutup"),
        N_("reason_disabled", "Layanan tidak tersedia"),
        N_("reason_closed", "Layanan tutup"),
        # issuing
        N_("issuing", "Tiket sedang dibuat…"),
        N_("issuing_hint", "Mohon tunggu sebentar"),
        N_("issuing_slow", "Nomor Anda masih diproses…"),
        N_(
            "issuing_slow_hint",
            "Sistem sedang lambat. Mohon tunggu di sini,\nnomor Anda akan muncul di layar ini.",
        ),
        # done
        N_("your_number", "Nomor antrean Anda"),
        N_("take_ticket", "Silakan ambil tiket Anda"),
        N_("people_ahead", "{count} orang di depan Anda"),
        N_("people_ahead_one", "1 orang di depan Anda"),
        N_("people_ahead_none", "Anda berikutnya"),
        N_("done_button", "Selesai"),
        # faults
        N_("offline_banner", "Sambungan ke server terputus. Mohon tunggu sebentar."),
        N_(
            "unpaired_banner",
            "Perangkat belum terdaftar. Teknisi: buat kode di halaman admin (Perangkat → "
            "Tambah perangkat), lalu jalankan sudo antrian setup kiosk di kios ini.",
        ),
        N_(
            "offline_banner_since",
            "Sambungan ke server terputus sejak {time}. Mohon tunggu sebentar.",
        ),
        N_("offline_title", "Maaf, nomor antrean belum bisa dipastikan"),
        N_(
            "offline_body",
            "Sistem belum menjawab. Tekan Coba lagi:\nAnda tidak akan mendapat nomor ganda."
            "\nAtau minta bantuan petugas.",
        ),
        N_("server_error_title", "Maaf, tiket belum bisa dibuat"),
        N_(
            "server_error_body",
            "Terjadi gangguan di server.\nSilakan coba lagi atau minta bantuan petugas.",
        ),
        N_("try_again", "Coba lagi"),
        # the printer, said on the home screen before anyone taps
        N_(
            "printer_notice_paper_out",
            "Kertas tiket habis — nomor antrean Anda akan tampil di layar.\n"
            "Catat atau foto nomornya, atau pindai kode QR-nya.",
        ),
        N_(
            "printer_notice_offline",
            "Printer tiket tidak tersambung — nomor antrean Anda akan tampil di layar.\n"
            "Catat atau foto nomornya, atau pindai kode QR-nya.",
        ),
        N_(
            "printer_notice_no_printer",
            "Kios ini tidak mencetak tiket — nomor antrean Anda tampil di layar.\n"
            "Catat atau foto nomornya, atau pindai kode QR-nya.",
        ),
        N_(
            "printer_notice_test_printer",
            "Mode uji: tiket tidak dicetak — nomor antrean Anda tampil di layar.",
        ),
        # a number shown on screen instead of paper
        N_("on_screen_title_paper_out", "Kertas tiket habis"),
        N_("on_screen_title_offline", "Printer tiket tidak tersambung"),
        N_("on_screen_title_no_printer", "Kios ini tidak mencetak tiket"),
        N_("on_screen_title_test_printer", "Mode uji: tiket tidak dicetak"),
        N_(
            "on_screen_body",
            "Nomor Anda sudah terdaftar.\nCatat atau foto nomor ini,\n"
            "atau pindai kode QR dengan ponsel Anda.",
        ),
        N_("print_failed_title", "Tiket tidak tercetak"),
        N_(
            "print_failed_body",
            "Nomor Anda sudah terdaftar.\nCatat atau foto nomor ini,\n"
            "atau pindai kode QR dengan ponsel Anda.",
        ),
        # before an idle reset
        N_("idle_warning", "Kembali ke awal dalam {seconds} detik — sentuh layar untuk lanjut"),
        N_("refused_title", "Maaf, tiket tidak bisa dibuat"),
        N_("refused_other", "Layanan ini sedang tidak menerima antrean."),
        # accessibility (issue 18): the bar at the bottom of every screen
        N_("assist_voice", "Bantuan suara"),
        N_("assist_large_text", "Huruf besar"),
        N_("assist_simple", "Tampilan sederhana"),
        N_("assist_on", "{name}: aktif"),
        N_("help_button", "Minta bantuan petugas"),
        N_("help_asking", "Memanggil petugas…"),
        N_("help_sent", "Petugas akan segera datang. Mohon tunggu di dekat kios ini."),
        N_(
            "help_failed",
            "Petugas belum bisa dihubungi — kios terus mencoba.\n"
            "Anda juga bisa langsung ke meja informasi.",
        ),
        N_("page_previous", "‹ Sebelumnya"),
        N_("page_next", "Berikutnya ›"),
        N_("page_of", "Halaman {page} dari {pages}"),
        # what a screen reader or the voice says about a button (its accessible description)
        N_("describe_agency", "Membuka daftar layanan instansi ini"),
        N_("describe_service", "Mengambil nomor antrean untuk layanan ini"),
        N_("describe_toggle", "Menyalakan atau mematikan"),
        N_("describe_help", "Memanggil petugas ke kios ini"),
        N_("describe_logo", "Logo Mal Pelayanan Publik"),
        # voice guidance: what the kiosk says on each screen
        N_(
            "say_voice_on",
            "Bantuan suara aktif. Geser jari di layar untuk mendengar pilihan,"
            " lalu sentuh dua kali untuk memilih.",
        ),
        N_("say_voice_off", "Bantuan suara dimatikan."),
        N_("say_agencies", "Ada {count} instansi."),
        N_("say_agencies_one", "Ada 1 instansi."),
        N_("say_services", "Ada {count} layanan."),
        N_("say_services_one", "Ada 1 layanan."),
        N_("say_help_hint", "Tombol Minta bantuan petugas ada di bagian bawah layar."),
        N_("say_not_available", "tidak bisa dipilih"),
        N_("say_number", "Nomor antrean Anda {number}."),
        N_("say_wait", "Silakan menunggu sampai nomor Anda dipanggil."),
        N_("say_ask_staff", "Bila perlu, petugas bisa membantu mencatat nomor Anda."),
        # technician menu
        N_("pin_title", "Menu petugas"),
        N_("pin_hint", "Masukkan PIN"),
        N_("pin_wrong", "PIN salah"),
        N_("pin_ok", "OK"),
        N_("pin_clear", "Hapus"),
        N_("cancel", "Batal"),
        N_("tech_server", "Server: {url}"),
        N_("tech_connected", "Tersambung"),
        N_("tech_disconnected", "Tidak tersambung"),
        N_("tech_printer", "Printer: {state}"),
        N_("tech_last_ticket", "Tiket terakhir: {number}"),
        N_("tech_no_last_ticket", "Belum ada tiket"),
        N_("tech_test_page", "Cetak halaman uji"),
        N_("tech_reprint", "Cetak ulang tiket terakhir"),
        N_("tech_leave_fullscreen", "Keluar dari layar penuh"),
        N_("tech_enter_fullscreen", "Kembali ke layar penuh"),
        N_("tech_quit", "Tutup aplikasi kios"),
        N_(
            "tech_quit_question",
            "Tutup aplikasi kios? Warga tidak bisa mengambil nomor antrean"
            " sampai kios dijalankan lagi.",
        ),
        N_("tech_quit_yes", "Ya, tutup aplikasi"),
        N_("tech_close", "Tutup menu"),
        N_("tech_print_ok", "Berhasil dicetak"),
        N_("tech_print_failed", "Gagal mencetak: {reason}"),
        N_("tech_busy", "Sedang mencetak…"),
        # printer states (technician menu)
        N_("printer_state_ok", "siap"),
        N_("printer_state_paper_low", "kertas hampir habis"),
        N_("printer_state_paper_out", "kertas habis"),
        N_("printer_state_offline", "tidak tersambung"),
        N_("printer_state_unknown", "belum diketahui"),
        N_("printer_state_none", "tanpa printer (nomor hanya di layar)"),
        # booking check-in ("Sudah reservasi?")
        N_("checkin_button", "Sudah reservasi?\nKetik atau pindai kode Anda"),
        N_("checkin_title", "Lapor kedatangan reservasi"),
        N_(
            "checkin_hint",
            "Ketik kode reservasi Anda (6 huruf dan angka), lalu tekan OK. "
            "Atau arahkan kode QR ke pemindai.",
        ),
        N_("checkin_ok", "OK"),
        N_("checkin_delete", "Hapus"),
        N_("checkin_walk_in", "Ambil antrean biasa"),
        N_("checkin_other_code", "Ketik kode lain"),
        N_("checkin_code_unreadable", "Kode tidak terbaca. Periksa kembali kodenya."),
        N_("checkin_booking_not_found", "Kode reservasi tidak ditemukan. Periksa kembali kodenya."),
        N_("checkin_booking_cancelled", "Reservasi ini sudah dibatalkan."),
        N_("checkin_booking_used", "Reservasi ini sudah dipakai untuk mengambil nomor antrean."),
        N_("checkin_too_early", "Belum waktunya lapor kedatangan."),
        N_("checkin_too_late", "Waktu lapor kedatangan reservasi ini sudah lewat."),
        N_("checkin_other", "Reservasi tidak bisa dipakai sekarang."),
        N_(
            "checkin_walk_in_hint",
            "Anda tetap bisa mengambil nomor antrean biasa.",
        ),
    ],
)


def text(key: str, language: str, **values: object) -> str:
    return TEXTS.get(key, language, **values)


def count_text(key: str, count: int, language: str) -> str:
    """English needs "1 person" but "2 people"; Indonesian says "orang" either way."""
    return text(f"{key}_one" if count == 1 else key, language, count=count)


def format_when(moment: datetime, now: datetime, language: str) -> str:
    """'08.00' today, 'besok 08.00' tomorrow, otherwise 'Senin 08.00' (the weekday)."""
    return opening_time_text(moment, now, language, brief=True)


def closed_reason(
    reason: str | None, next_open: datetime | None, now: datetime, language: str, fallback: str
) -> str:
    """Why a service cannot be chosen, in a few plain words ("Layanan tutup, buka Senin 08.00").

    Unknown codes fall back to the server's own sentence, so a new reason is never hidden.
    """
    key = f"reason_{reason}"
    known = TEXTS.keys()  # a Catalog, not a dict
    if reason is None or key not in known:
        return fallback or text("reason_closed", language)
    if "{when}" in TEXTS.get(key, "id"):
        if next_open is None:
            return fallback or text("reason_closed", language)
        return text(key, language, when=format_when(next_open, now, language))
    return text(key, language)


def format_date(moment: datetime, language: str) -> str:
    """'Sabtu, 28 November 2026' for the home screen's header."""
    locale = "en" if language == "en" else "id"
    return format_datetime(moment, "EEEE, d MMMM y", locale=locale)


def format_clock(moment: datetime, language: str = "id") -> str:
    """The header's clock: "09.01" in Indonesian, "09:01" in English."""
    return clock_text(moment, language)
