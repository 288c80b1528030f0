"""Every sentence the kiosk shows, in Bahasa Indonesia first and English second.

Short, plain words: many citizens are elderly and read slowly.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime

from config import Catalog
from config.i18n import clock_text

TEXTS = Catalog(
    {
        # home
        "welcome": ("Selamat datang", "Welcome"),
        "choose_agency": ("Silakan pilih layanan", "Please choose a service"),
        "choose_agency_hint": ("Sentuh nama instansi", "Touch the office you need"),
        "language_button": ("English", "Bahasa Indonesia"),
        "priority_button": (
            "Antrean prioritas\nLansia, penyandang disabilitas, ibu hamil",
            "Priority queue\nElderly, people with disabilities, pregnant women",
        ),
        "loading": ("Memuat layanan…", "Loading services…"),
        "no_services": ("Belum ada layanan hari ini", "No services today"),
        # priority choice
        "priority_title": ("Antrean prioritas", "Priority queue"),
        "priority_hint": ("Pilih salah satu", "Choose one"),
        "priority_lansia": ("Lansia (60 tahun ke atas)", "Elderly (60 years and over)"),
        "priority_disabilitas": ("Penyandang disabilitas", "Person with a disability"),
        "priority_ibu_hamil": ("Ibu hamil", "Pregnant woman"),
        "priority_banner": ("Tiket prioritas: {kind}", "Priority ticket: {kind}"),
        "priority_cancel": ("Batal prioritas", "Cancel priority"),
        "priority_short_lansia": ("Lansia", "Elderly"),
        "priority_short_disabilitas": ("Disabilitas", "Disability"),
        "priority_short_ibu_hamil": ("Ibu hamil", "Pregnant"),
        # services
        "choose_service": ("Pilih layanan", "Choose a service"),
        "waiting_count": ("{count} orang menunggu", "{count} people waiting"),
        "waiting_count_one": ("1 orang menunggu", "1 person waiting"),
        "waiting_none": ("Tidak ada antrean", "No one waiting"),
        "eta": ("± {minutes} menit", "about {minutes} min"),
        "no_counter_open": ("Belum ada loket yang buka", "No counter is open yet"),
        "back": ("Kembali", "Back"),
        "home": ("Ke awal", "Start again"),
        # closed reasons (the service card says why it cannot be chosen)
        "reason_quota_exhausted": ("Kuota hari ini habis", "Today's quota is used up"),
        "reason_outside_hours": ("Layanan tutup, buka {when}", "Closed, opens {when}"),
        "reason_closed_today": ("Layanan tutup, buka {when}", "Closed, opens {when}"),
        "reason_holiday": ("Hari libur, buka {when}", "Holiday, opens {when}"),
        "reason_cutoff_passed": (
            "Pendaftaran hari ini sudah ditutup",
            "Registration is closed for today",
        ),
        "reason_disabled": ("Layanan tidak tersedia", "Service not available"),
        "reason_closed": ("Layanan tutup", "Closed"),
        "tomorrow": ("besok", "tomorrow"),
        # issuing
        "issuing": ("Tiket sedang dibuat…", "Making your ticket…"),
        "issuing_hint": ("Mohon tunggu sebentar", "Please wait a moment"),
        "issuing_slow": ("Nomor Anda masih diproses…", "Your number is still on its way…"),
        "issuing_slow_hint": (
            "Sistem sedang lambat. Mohon tunggu di sini,\nnomor Anda akan muncul di layar ini.",
            "The system is slow. Please wait here,\nyour number will appear on this screen.",
        ),
        # done
        "your_number": ("Nomor antrean Anda", "Your queue number"),
        "take_ticket": ("Silakan ambil tiket Anda", "Please take your ticket"),
        "people_ahead": ("{count} orang di depan Anda", "{count} people ahead of you"),
        "people_ahead_one": ("1 orang di depan Anda", "1 person ahead of you"),
        "people_ahead_none": ("Anda berikutnya", "You are next"),
        "done_button": ("Selesai", "Done"),
        # faults
        "offline_banner": (
            "Sambungan ke server terputus. Mohon tunggu sebentar.",
            "No connection to the server. Please wait a moment.",
        ),
        "offline_banner_since": (
            "Sambungan ke server terputus sejak {time}. Mohon tunggu sebentar.",
            "No connection to the server since {time}. Please wait a moment.",
        ),
        "offline_title": (
            "Maaf, nomor antrean belum bisa dipastikan",
            "Sorry, your number could not be confirmed",
        ),
        "offline_body": (
            "Sistem belum menjawab. Tekan Coba lagi:\nAnda tidak akan mendapat nomor ganda."
            "\nAtau minta bantuan petugas.",
            "The server does not answer. Press Try again:\nyou will not get a second number."
            "\nOr ask a staff member.",
        ),
        "server_error_title": ("Maaf, tiket belum bisa dibuat", "Sorry, no ticket yet"),
        "server_error_body": (
            "Terjadi gangguan di server.\nSilakan coba lagi atau minta bantuan petugas.",
            "The server has a problem.\nPlease try again or ask a staff member.",
        ),
        "try_again": ("Coba lagi", "Try again"),
        # the printer, said on the home screen before anyone taps
        "printer_notice_paper_out": (
            "Kertas tiket habis — nomor antrean Anda akan tampil di layar.\n"
            "Catat atau foto nomornya, atau pindai kode QR-nya.",
            "Out of ticket paper — your number will be shown on screen.\n"
            "Write it down, photograph it, or scan its QR code.",
        ),
        "printer_notice_offline": (
            "Printer tiket tidak tersambung — nomor antrean Anda akan tampil di layar.\n"
            "Catat atau foto nomornya, atau pindai kode QR-nya.",
            "The ticket printer is not connected — your number will be shown on screen.\n"
            "Write it down, photograph it, or scan its QR code.",
        ),
        "printer_notice_no_printer": (
            "Kios ini tidak mencetak tiket — nomor antrean Anda tampil di layar.\n"
            "Catat atau foto nomornya, atau pindai kode QR-nya.",
            "This kiosk prints no tickets — your number is shown on screen.\n"
            "Write it down, photograph it, or scan its QR code.",
        ),
        "printer_notice_test_printer": (
            "Mode uji: tiket tidak dicetak — nomor antrean Anda tampil di layar.",
            "Test mode: no ticket is printed — your number is shown on screen.",
        ),
        # a number shown on screen instead of paper
        "on_screen_title_paper_out": ("Kertas tiket habis", "Out of ticket paper"),
        "on_screen_title_offline": ("Printer tiket tidak tersambung", "Ticket printer offline"),
        "on_screen_title_no_printer": (
            "Kios ini tidak mencetak tiket",
            "This kiosk prints no tickets",
        ),
        "on_screen_title_test_printer": (
            "Mode uji: tiket tidak dicetak",
            "Test mode: no ticket printed",
        ),
        "on_screen_body": (
            "Nomor Anda sudah terdaftar.\nCatat atau foto nomor ini,\n"
            "atau pindai kode QR dengan ponsel Anda.",
            "Your number is registered.\nWrite it down or photograph it,\n"
            "or scan the QR code with your phone.",
        ),
        "print_failed_title": ("Tiket tidak tercetak", "The ticket did not print"),
        "print_failed_body": (
            "Nomor Anda sudah terdaftar.\nCatat atau foto nomor ini,\n"
            "atau pindai kode QR dengan ponsel Anda.",
            "Your number is registered.\nWrite it down or photograph it,\n"
            "or scan the QR code with your phone.",
        ),
        # before an idle reset
        "idle_warning": (
            "Kembali ke awal dalam {seconds} detik — sentuh layar untuk lanjut",
            "Back to the start in {seconds} seconds — touch the screen to stay",
        ),
        "refused_title": ("Maaf, tiket tidak bisa dibuat", "Sorry, no ticket can be made"),
        "refused_other": (
            "Layanan ini sedang tidak menerima antrean.",
            "This service is not taking tickets now.",
        ),
        # technician menu
        "pin_title": ("Menu petugas", "Technician menu"),
        "pin_hint": ("Masukkan PIN", "Enter the PIN"),
        "pin_wrong": ("PIN salah", "Wrong PIN"),
        "pin_ok": ("OK", "OK"),
        "pin_clear": ("Hapus", "Clear"),
        "cancel": ("Batal", "Cancel"),
        "tech_server": ("Server: {url}", "Server: {url}"),
        "tech_connected": ("Tersambung", "Connected"),
        "tech_disconnected": ("Tidak tersambung", "Not connected"),
        "tech_printer": ("Printer: {state}", "Printer: {state}"),
        "tech_last_ticket": ("Tiket terakhir: {number}", "Last ticket: {number}"),
        "tech_no_last_ticket": ("Belum ada tiket", "No ticket yet"),
        "tech_test_page": ("Cetak halaman uji", "Print a test page"),
        "tech_reprint": ("Cetak ulang tiket terakhir", "Reprint the last ticket"),
        "tech_leave_fullscreen": ("Keluar dari layar penuh", "Leave fullscreen"),
        "tech_enter_fullscreen": ("Kembali ke layar penuh", "Back to fullscreen"),
        "tech_quit": ("Tutup aplikasi kios", "Quit the kiosk"),
        "tech_quit_question": (
            "Tutup aplikasi kios? Warga tidak bisa mengambil nomor antrean"
            " sampai kios dijalankan lagi.",
            "Quit the kiosk? Citizens cannot take a number until it is started again.",
        ),
        "tech_quit_yes": ("Ya, tutup aplikasi", "Yes, quit"),
        "tech_close": ("Tutup menu", "Close menu"),
        "tech_print_ok": ("Berhasil dicetak", "Printed"),
        "tech_print_failed": ("Gagal mencetak: {reason}", "Printing failed: {reason}"),
        "tech_busy": ("Sedang mencetak…", "Printing…"),
        # printer states (technician menu)
        "printer_state_ok": ("siap", "ready"),
        "printer_state_paper_low": ("kertas hampir habis", "paper low"),
        "printer_state_paper_out": ("kertas habis", "out of paper"),
        "printer_state_offline": ("tidak tersambung", "not connected"),
        "printer_state_unknown": ("belum diketahui", "unknown"),
        "printer_state_none": ("tanpa printer (nomor hanya di layar)", "none (screen only)"),
    }
)


def text(key: str, language: str, **values: object) -> str:
    return TEXTS.get(key, language, **values)


def count_text(key: str, count: int, language: str) -> str:
    """English needs "1 person" but "2 people"; Indonesian says "orang" either way."""
    return text(f"{key}_one" if count == 1 else key, language, count=count)


def format_when(moment: datetime, now: datetime, language: str) -> str:
    """'08.00' today, 'besok 08.00' tomorrow, otherwise 'Senin 08.00' (the weekday)."""
    locale = "en" if language == "en" else "id"
    moment = moment.astimezone(now.tzinfo) if now.tzinfo else moment
    clock = clock_text(moment, locale)
    days = (moment.date() - now.date()).days
    if days <= 0:
        return clock
    if days == 1:
        return f"{text('tomorrow', language)} {clock}"
    return f"{format_datetime(moment, 'EEEE', locale=locale)} {clock}"


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
