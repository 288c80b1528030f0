"""Every sentence the printer part shows: on the ticket, on the test page and in its errors."""

from config import Catalog

TEXTS = Catalog(
    {
        # The ticket.
        "ticket_number_label": ("NOMOR ANTREAN", "QUEUE NUMBER"),
        "priority_label": ("PRIORITAS: {group}", "PRIORITY: {group}"),
        # The priority block: a heading and the group, each on its own large inverted line.
        "priority_heading": ("PRIORITAS", "PRIORITY"),
        "priority_lansia": ("LANSIA", "SENIOR CITIZEN"),
        "priority_disabilitas": ("DISABILITAS", "DISABILITY"),
        "priority_ibu_hamil": ("IBU HAMIL", "PREGNANCY"),
        "waiting_none": ("Tidak ada antrean di depan Anda", "Nobody is waiting ahead of you"),
        "waiting_one": ("1 orang menunggu di depan Anda", "1 person waiting ahead of you"),
        "waiting_many": (
            "{count} orang menunggu di depan Anda",
            "{count} people waiting ahead of you",
        ),
        "eta_soon": ("Anda akan segera dipanggil", "You will be called shortly"),
        # "sekitar", not "±": our own words stay in ASCII, which every code page prints right.
        "eta_minutes": (
            "Perkiraan waktu tunggu: sekitar {minutes} menit",
            "Estimated wait: about {minutes} min",
        ),
        "eta_hours": (
            "Perkiraan waktu tunggu: sekitar {hours} jam {minutes} menit",
            "Estimated wait: about {hours} h {minutes} min",
        ),
        # What to do next.
        "served_at": ("Dilayani di {counters}", "Served at {counters}"),
        "list_and": ("dan", "and"),
        "watch_screen": (
            "Perhatikan layar dan suara panggilan.",
            "Watch the screen and listen for your number.",
        ),
        "keep_ticket": (
            "Simpan tiket ini sampai selesai dilayani.",
            "Keep this ticket until you have been served.",
        ),
        "qr_hint": (
            "Pindai QR untuk memantau antrean Anda",
            "Scan the QR code to follow your turn",
        ),
        "footer_default": ("Terima kasih.", "Thank you."),
        # The technician's test page.
        "test_title": ("HALAMAN UJI PRINTER", "PRINTER TEST PAGE"),
        "test_settings": (
            "Jenis: {type}, profil: {profile}, kertas: {width} mm, {columns} kolom",
            "Type: {type}, profile: {profile}, paper: {width} mm, {columns} columns",
        ),
        "test_sizes": ("Ukuran teks:", "Text sizes:"),
        "test_size_line": ("Ukuran {size}", "Size {size}"),
        "test_styles": ("Tebal, garis bawah, terbalik:", "Bold, underline, inverted:"),
        "test_code_page": (
            "Kode halaman {code_page} (huruf 128-255):",
            "Code page {code_page} (characters 128-255):",
        ),
        "test_qr": ("Kode QR (harus bisa dipindai):", "QR code (must scan):"),
        "test_ruler": ("Penggaris lebar kertas:", "Paper width ruler:"),
        "test_done": (
            "Jika semua baris terbaca utuh, printer siap dipakai.",
            "If every line reads complete, the printer is ready.",
        ),
        # Status words, for the technician's command and the kiosk.
        "status_line": ("Printer: {online}; kertas: {paper}", "Printer: {online}; paper: {paper}"),
        "status_online": ("siap (online)", "online"),
        "status_offline": ("tidak siap (offline)", "offline"),
        "paper_ok": ("cukup", "OK"),
        "paper_near_end": ("hampir habis", "near end"),
        "paper_out": ("habis", "out"),
        "paper_unknown": ("tidak diketahui", "unknown"),
        # Errors, as the kiosk shows them to a citizen or a technician.
        "error_not_found": (
            "Printer tidak ditemukan. Mohon hubungi petugas.",
            "The printer cannot be found. Please ask a staff member.",
        ),
        "error_offline": (
            "Printer tidak siap (mati atau terputus). Mohon hubungi petugas.",
            "The printer is not ready (off or disconnected). Please ask a staff member.",
        ),
        "error_interrupted": (
            "Pencetakan terputus di tengah jalan. Mohon hubungi petugas.",
            "Printing was interrupted. Please ask a staff member.",
        ),
        "error_paper_out": (
            "Kertas printer habis. Mohon hubungi petugas.",
            "The printer is out of paper. Please ask a staff member.",
        ),
        "error_timeout": (
            "Printer tidak menjawab. Mohon hubungi petugas.",
            "The printer does not answer. Please ask a staff member.",
        ),
        "error_invalid_ticket": (
            "Data tiket tidak lengkap, tiket tidak dapat dicetak.",
            "The ticket data is incomplete; the ticket cannot be printed.",
        ),
    }
)
