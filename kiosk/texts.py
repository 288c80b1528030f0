"""Every sentence the kiosk shows, in Bahasa Indonesia first and English second.

Short, plain words: many citizens are elderly and read slowly.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime

from config import Catalog

TEXTS = Catalog(
    {
        # home
        "welcome": ("Selamat datang", "Welcome"),
        "choose_agency": ("Silakan pilih layanan", "Please choose a service"),
        "choose_agency_hint": ("Sentuh nama instansi", "Touch the office you need"),
        "language_button": ("English", "Bahasa Indonesia"),
        "priority_button": (
            "Antrian prioritas\nLansia, penyandang disabilitas, ibu hamil",
            "Priority queue\nElderly, people with disabilities, pregnant women",
        ),
        "loading": ("Memuat layanan…", "Loading services…"),
        "no_services": ("Belum ada layanan hari ini", "No services today"),
        # priority choice
        "priority_title": ("Antrian prioritas", "Priority queue"),
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
        # done
        "your_number": ("Nomor antrian Anda", "Your queue number"),
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
        "offline_title": ("Maaf, tiket belum bisa dibuat", "Sorry, no ticket yet"),
        "offline_body": (
            "Sambungan ke server terputus.\nSilakan coba lagi atau minta bantuan petugas.",
            "The server cannot be reached.\nPlease try again or ask a staff member.",
        ),
        "server_error_body": (
            "Terjadi gangguan di server.\nSilakan coba lagi atau minta bantuan petugas.",
            "The server has a problem.\nPlease try again or ask a staff member.",
        ),
        "try_again": ("Coba lagi", "Try again"),
        "printer_title": (
            "Maaf, printer tiket belum siap",
            "Sorry, the ticket printer is not ready",
        ),
        "printer_offline_body": (
            "Printer tidak menyala atau tidak tersambung.\nSilakan minta bantuan petugas.",
            "The printer is off or not connected.\nPlease ask a staff member.",
        ),
        "printer_paper_body": (
            "Kertas tiket habis.\nSilakan minta bantuan petugas.",
            "The printer is out of paper.\nPlease ask a staff member.",
        ),
        "printer_no_ticket": ("Tiket belum dibuat.", "No ticket was made."),
        "print_failed_title": ("Tiket tidak tercetak", "The ticket did not print"),
        "print_failed_body": (
            "Nomor Anda sudah terdaftar. Ingat atau foto nomor ini,\n"
            "atau pindai kode QR dengan ponsel Anda.",
            "Your number is registered. Remember or photograph it,\n"
            "or scan the QR code with your phone.",
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
    clock = moment.strftime("%H:%M" if locale == "en" else "%H.%M")
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


def format_clock(moment: datetime) -> str:
    return moment.strftime("%H.%M")
