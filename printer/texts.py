"""Every sentence the printer part shows: on the ticket, on the test page and in its errors."""

from pathlib import Path

from config import N_, Catalog

TEXTS = Catalog(
    "printer",
    Path(__file__).with_name("locale"),
    [
        # The ticket.
        N_("ticket_number_label", "NOMOR ANTREAN"),
        N_("priority_label", "PRIORITAS: {group}"),
        # The priority block: a heading and the group, each on its own large inverted line.
        N_("priority_heading", "PRIORITAS"),
        N_("priority_lansia", "LANSIA"),
        N_("priority_disabilitas", "DISABILITAS"),
        N_("priority_ibu_hamil", "IBU HAMIL"),
        # A ticket from a booking's check-in: a heading above its booking code.
        N_("booking_heading", "RESERVASI"),
        N_("waiting_none", "Tidak ada antrean di depan Anda"),
        N_("waiting_one", "1 orang menunggu di depan Anda"),
        N_("waiting_many", "{count} orang menunggu di depan Anda"),
        N_("eta_soon", "Anda akan segera dipanggil"),
        # "sekitar", not "±": our own words stay in ASCII, which every code page prints right.
        N_("eta_minutes", "Perkiraan waktu tunggu: sekitar {minutes} menit"),
        N_("eta_hours", "Perkiraan waktu tunggu: sekitar {hours} jam {minutes} menit"),
        # What to do next.
        N_("served_at", "Dilayani di {counters}"),
        N_("list_and", "dan"),
        N_("watch_screen", "Perhatikan layar dan suara panggilan."),
        N_("keep_ticket", "Simpan tiket ini sampai selesai dilayani."),
        N_("qr_hint", "Pindai QR untuk memantau antrean Anda"),
        N_("footer_default", "Terima kasih."),
        # The technician's test page.
        N_("test_title", "HALAMAN UJI PRINTER"),
        N_(
            "test_settings", "Jenis: {type}, profil: {profile}, kertas: {width} mm, {columns} kolom"
        ),
        N_("test_sizes", "Ukuran teks:"),
        N_("test_size_line", "Ukuran {size}"),
        N_("test_styles", "Tebal, garis bawah, terbalik:"),
        N_("test_code_page", "Kode halaman {code_page} (huruf 128-255):"),
        N_("test_qr", "Kode QR (harus bisa dipindai):"),
        N_("test_ruler", "Penggaris lebar kertas:"),
        N_("test_done", "Jika semua baris terbaca utuh, printer siap dipakai."),
        # Status words, for the technician's command and the kiosk.
        N_("status_line", "Printer: {online}; kertas: {paper}"),
        N_("status_online", "siap (online)"),
        N_("status_offline", "tidak siap (offline)"),
        N_("paper_ok", "cukup"),
        N_("paper_near_end", "hampir habis"),
        N_("paper_out", "habis"),
        N_("paper_unknown", "tidak diketahui"),
        # Errors, as the kiosk shows them to a citizen or a technician.
        N_("error_not_found", "Printer tidak ditemukan. Mohon hubungi petugas."),
        N_("error_offline", "Printer tidak siap (mati atau terputus). Mohon hubungi petugas."),
        N_("error_interrupted", "Pencetakan terputus di tengah jalan. Mohon hubungi petugas."),
        N_("error_paper_out", "Kertas printer habis. Mohon hubungi petugas."),
        N_("error_timeout", "Printer tidak menjawab. Mohon hubungi petugas."),
        N_("error_invalid_ticket", "Data tiket tidak lengkap, tiket tidak dapat dicetak."),
    ],
)
