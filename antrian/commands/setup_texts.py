"""What `antrian setup` says to the technician (Bahasa Indonesia; translations in locale/)."""

from __future__ import annotations

from pathlib import Path

from config import N_, Catalog

TEXTS = Catalog(
    "setup",
    Path(__file__).with_name("locale"),
    [
        N_("title", "Antrian MPP — pemasangan {role}"),
        N_("role_kiosk", "kios tiket"),
        N_("role_display", "layar aula"),
        N_("role_server", "server"),
        N_(
            "ask_server",
            "Alamat server (contoh http://192.168.10.2:8000; dua server: utama, cadangan)",
        ),
        N_("server_ok", "Server menjawab di {url} (versi {version})."),
        N_("server_bad", "Server tidak menjawab di {url}: {error}"),
        N_("server_none", "Belum ada alamat server."),
        N_(
            "server_kept_as_backup",
            "! {problem} — tetap ditulis sebagai alamat cadangan; pemeriksaan di akhir "
            "menanyakannya lagi",
        ),
        N_(
            "other_hall",
            "{url} tidak mengenal perangkat yang baru dipasangkan lewat {first}: itu server "
            "aula lain (basis data lain), bukan cadangan aula ini. Perbaiki alamatnya, buat kode "
            "baru di halaman admin, lalu ulangi.",
        ),
        N_("ask_code", "Kode pemasangan dari halaman admin (Perangkat → Tambah perangkat)"),
        N_("ask_mpp_name", "Nama MPP yang tampil di layar"),
        N_("printers_found", "Printer yang ditemukan:"),
        N_("printer_choice_network", "printer jaringan (ketik alamat IP-nya)"),
        N_("printer_choice_none", "tanpa printer (nomor hanya tampil di layar)"),
        N_("ask_printer", "Pilih printer (nomor)"),
        N_("ask_printer_host", "Alamat IP printer jaringan"),
        N_("no_printer_found", "Tidak ada printer USB atau serial yang ditemukan."),
        N_(
            "printer_auto_none",
            "Tidak ada printer yang ditemukan: kios ini dipasang tanpa printer "
            "(--printer network --printer-host IP untuk printer jaringan).",
        ),
        N_("printer_chosen", "Printer: {printer}"),
        N_("ask_orientation", "Posisi layar"),
        N_("orientation_landscape", "mendatar (biasa)"),
        N_("orientation_portrait", "tegak (diputar 90° searah jarum jam)"),
        N_("orientation_landscape-flipped", "mendatar terbalik"),
        N_("orientation_portrait-flipped", "tegak (diputar 90° berlawanan jarum jam)"),
        N_("pairing", "Memasangkan dengan server …"),
        N_("paired", "Terpasang sebagai {name} ({kind}). Token tersimpan di berkas pengaturan."),
        N_("pair_refused", "Kode ditolak: {message}"),
        N_("pin", "PIN teknisi: {pin} (ketuk logo 5 kali di layar kios, lalu ketik PIN ini)"),
        N_("written", "Pengaturan ditulis: {path}"),
        N_("kept_old", "Berkas lama disimpan sebagai {path}"),
        N_("doctor", "Pemeriksaan (antrian doctor):"),
        N_(
            "screen_after_reboot",
            "Belum ada sesi grafis; layar diperiksa setelah PC dimulai ulang",
        ),
        N_("enabled", "Layanan {unit} diaktifkan."),
        N_("not_enabled", "Layanan tidak diaktifkan (--no-enable)."),
        N_("enable_failed", "Layanan {unit} tidak bisa diaktifkan: {error}"),
        N_("reboot", "Selesai. Mulai ulang PC ini (sudo reboot): aplikasinya tampil di layar."),
        N_("done_server", "Selesai. Halaman admin: {url}/admin (masuk sebagai admin)."),
        N_(
            "missing",
            'Jawaban untuk "{question}" belum diberikan; tanpa terminal, berikan {flag}.',
        ),
        N_("ask_admin_password", "Kata sandi admin baru (paling sedikit 8 karakter)"),
        N_("ask_admin_password_again", "Ulangi kata sandi admin"),
        N_("password_short", "Kata sandi terlalu pendek: paling sedikit 8 karakter."),
        N_("password_differs", "Kedua kata sandi tidak sama; ulangi."),
        N_("ask_public_url", "Alamat server untuk kode QR di tiket"),
        N_("invalid_choice", "Pilihan tidak dikenal; ketik salah satu nomor di atas."),
        N_("needs_root", "Jalankan sebagai root (sudo) untuk menulis {path}."),
    ],
)
