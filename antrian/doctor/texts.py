"""Every sentence `antrian doctor` shows: Bahasa Indonesia first, English second."""

from __future__ import annotations

from config import Catalog

TEXTS = Catalog(
    {
        # Report frame
        "heading": ("antrian doctor — {path}", "antrian doctor — {path}"),
        "kind_server": ("server", "server"),
        "kind_kiosk": ("kios", "kiosk"),
        "kind_display": ("layar ruang tunggu", "hall display"),
        "fix_prefix": ("Perbaikan", "Fix"),
        "all_ok": ("Semua pemeriksaan lulus.", "Every check passed."),
        "some_failed": (
            "{count} pemeriksaan gagal. Log perangkat ini: {log}",
            "{count} check(s) failed. This device's log: {log}",
        ),
        "over_bound": (
            "Tidak selesai dalam {bound:.0f} detik",
            "Did not finish within {bound:.0f} s",
        ),
        "over_bound_fix": (
            "Ulangi; bila tetap macet, mulai ulang perangkat dan lihat log {log}",
            "Try again; if it hangs again, restart the device and read the log {log}",
        ),
        "crashed": ("Pemeriksaan gagal berjalan: {error}", "The check itself failed: {error}"),
        "skipped_after": (
            "Dilewati: {other} belum beres",
            "Skipped: {other} is not fine yet",
        ),
        "not_requested": ("Tidak diminta (pakai {option})", "Not requested (use {option})"),
        "voice_disabled": (
            "Suara dimatikan di [voice] enabled = false",
            "Voice is off ([voice] enabled = false)",
        ),
        # Check titles
        "title_config": ("Berkas konfigurasi", "Configuration file"),
        "title_server": ("Server menjawab", "Server answers"),
        "title_clock": ("Jam perangkat", "Device clock"),
        "title_token": ("Token perangkat", "Device token"),
        "title_printer": ("Printer", "Printer"),
        "title_voice": ("Suara (espeak-ng)", "Voice (espeak-ng)"),
        "title_voice_pack": ("Paket suara", "Voice pack"),
        "title_sound": ("Perangkat suara", "Sound device"),
        "title_screen": ("Layar", "Screen"),
        "title_print_test": ("Cetak halaman uji", "Test page"),
        "title_say_test": ("Uji suara di speaker", "Speaker test"),
        "title_data_dir": ("Folder data", "Data folder"),
        "title_database": ("Basis data", "Database"),
        "title_port": ("Port server", "Server port"),
        # Config
        "config_ok": ("{path} valid ({kind})", "{path} is valid ({kind})"),
        "config_unknown_kind": (
            "{path}: bukan berkas server, kios, atau layar (tidak ada [[services]], [printer] "
            "atau [server])",
            "{path}: not a server, kiosk or display file (no [[services]], [printer] or [server])",
        ),
        "config_fix": (
            "Perbaiki yang disebut di atas pada {path} (contoh lengkap: /opt/antrian/config/"
            "*.toml), lalu jalankan doctor lagi",
            "Correct what is named above in {path} (full examples: /opt/antrian/config/*.toml), "
            "then run doctor again",
        ),
        # Server and clock
        "server_ok": (
            "{url} menjawab dalam {ms} ms (versi {version})",
            "{url} answered in {ms} ms (version {version})",
        ),
        "server_unreachable": ("Tidak ada jawaban dari {url}", "No answer from {url}"),
        "server_unreachable_fix": (
            "Periksa kabel jaringan dan [server] url; di PC server: systemctl status "
            "antrian-server",
            "Check the network cable and [server] url; on the server PC: systemctl status "
            "antrian-server",
        ),
        "server_fault": (
            "{url} menjawab, tetapi bukan server Antrian yang sehat: {error}",
            "{url} answers, but not as a healthy Antrian server: {error}",
        ),
        "server_fault_fix": (
            "Lihat log server (/var/log/antrian/server.log di PC server) dan versi antrian",
            "Read the server log (/var/log/antrian/server.log on the server PC) and the "
            "antrian version",
        ),
        "clock_ok": (
            "Selisih dengan jam server {seconds:.0f} detik",
            "{seconds:.0f} s apart from the server's clock",
        ),
        "clock_off": (
            "Jam perangkat selisih {seconds:.0f} detik dari server (batas {limit} detik)",
            "The device clock is {seconds:.0f} s off the server's (limit {limit} s)",
        ),
        "clock_fix": (
            "Samakan jam: sudo timedatectl set-ntp true, atau atur jam server dan perangkat",
            "Set the clock: sudo timedatectl set-ntp true, or set the server's and device's time",
        ),
        "clock_unreadable": (
            "Server tidak memberi waktu yang terbaca",
            "The server gave no readable time",
        ),
        # Token
        "token_ok": ("Token diterima sebagai {role}", "Token accepted as a {role}"),
        "token_refused": ("Token ditolak server: {error}", "The server refused the token: {error}"),
        "token_fix": (
            "Di halaman admin → Perangkat, buat token baru untuk perangkat {role} ini dan "
            "salin ke [server] token di {path}",
            "On the admin page → Devices, make a new token for this {role} device and copy it "
            "to [server] token in {path}",
        ),
        "role_kiosk": ("kios", "kiosk"),
        "role_display": ("layar", "display"),
        # Printer
        "printer_ok": ("Online, kertas ada ({where})", "Online, paper present ({where})"),
        "printer_silent_ok": (
            "Terjangkau; printer ini tidak melaporkan status ({where})",
            "Reachable; this printer does not report its status ({where})",
        ),
        "printer_paper_low": ("Kertas hampir habis ({where})", "Paper near end ({where})"),
        "printer_paper_low_fix": (
            "Siapkan gulungan kertas baru",
            "Have a new paper roll ready",
        ),
        "printer_paper_out": ("Kertas habis ({where})", "Out of paper ({where})"),
        "printer_paper_out_fix": (
            "Pasang gulungan kertas baru dan tutup penutup printer",
            "Put in a new paper roll and close the printer's cover",
        ),
        "printer_offline": (
            "Printer melaporkan offline ({where})",
            "The printer reports offline ({where})",
        ),
        "printer_offline_fix": (
            "Tutup penutup printer, nyalakan, tekan FEED; lampu error harus padam",
            "Close the cover, switch it on, press FEED; the error light must go out",
        ),
        "printer_problem_not_found": (
            "Printer tidak ditemukan ({where})",
            "Printer not found ({where})",
        ),
        "printer_problem_offline": (
            "Printer menolak sambungan ({where})",
            "The printer refuses the connection ({where})",
        ),
        "printer_problem_timeout": (
            "Printer tidak menjawab dalam batas waktu ({where})",
            "The printer did not answer in time ({where})",
        ),
        "printer_unreachable_fix_usb": (
            "Periksa kabel USB dan daya; `lsusb` harus menampilkan {ids}; pasang aturan udev "
            "(deploy/udev) dan user antrian di grup lp",
            "Check the USB cable and power; `lsusb` must list {ids}; install the udev rule "
            "(deploy/udev) and put the antrian user in group lp",
        ),
        "printer_unreachable_fix_network": (
            "Nyalakan printer, periksa kabel LAN; `ping {host}`; alamat printer tercetak saat "
            "tombol FEED ditahan ketika dinyalakan",
            "Switch the printer on, check the LAN cable; `ping {host}`; the printer prints its "
            "address when FEED is held while switching on",
        ),
        "printer_unreachable_fix_serial": (
            "Periksa kabel serial dan {device} (user antrian di grup dialout), baudrate {baud}",
            "Check the serial cable and {device} (antrian user in group dialout), baud {baud}",
        ),
        "printer_unreachable_fix_file": (
            "Periksa {device} ada dan boleh ditulis (user antrian di grup lp)",
            "Check that {device} exists and is writable (antrian user in group lp)",
        ),
        "print_test_ok": (
            "Halaman uji terkirim; periksa hasil cetaknya ({status})",
            "Test page sent; look at the paper ({status})",
        ),
        "print_test_failed": ("Gagal mencetak: {message}", "Printing failed: {message}"),
        # Voice and sound
        "voice_ok": (
            'Suara {voice} bicara ({seconds:.1f} detik audio untuk "{text}")',
            'Voice {voice} speaks ({seconds:.1f} s of audio for "{text}")',
        ),
        "voice_missing": (
            "Suara {voice} tidak ada di espeak-ng",
            "espeak-ng has no voice {voice}",
        ),
        "voice_mbrola_missing": (
            "Suara {voice} butuh mbrola dan data {data}, yang tidak terpasang",
            "Voice {voice} needs mbrola and its data {data}, which are not installed",
        ),
        "voice_fix": (
            'Tulis voice = "id" di [voice] {path}, atau pasang paketnya (espeak-ng; mbrola '
            "mbrola-id1 untuk mb-id1)",
            'Set voice = "id" in [voice] of {path}, or install its package (espeak-ng; '
            "mbrola mbrola-id1 for mb-id1)",
        ),
        "voice_failed": ("Mesin suara gagal: {error}", "The speech engine failed: {error}"),
        "voice_failed_fix": (
            "Pasang ulang: sudo apt-get install --reinstall espeak-ng; lalu jalankan doctor lagi",
            "Reinstall: sudo apt-get install --reinstall espeak-ng; then run doctor again",
        ),
        "pack_none": (
            "Tanpa paket suara: kalimat diucapkan mesin suara",
            "No voice pack: sentences are spoken by the speech engine",
        ),
        "pack_ok": (
            "Paket suara {path}: {count} rekaman lengkap",
            "Voice pack {path}: all {count} clips present",
        ),
        "pack_missing": (
            "Paket suara {path} kurang {count} rekaman: {names}. Kalimat yang memakainya "
            "diucapkan utuh oleh mesin suara",
            "Voice pack {path} lacks {count} clip(s): {names}. Sentences that need them are "
            "spoken whole by the speech engine",
        ),
        "pack_bad": (
            "Rekaman paket suara tidak bisa dipakai: {problems}",
            "Voice pack clips that cannot be used: {problems}",
        ),
        "pack_fix": (
            "Rekam berkas itu di {path} (WAV, format yang sama dengan rekaman lain; daftar nama "
            "di {readme}), atau buat paket bawaan: antrian voice pack --out {path} --config "
            "{config}",
            "Record those files in {path} (WAV, the same format as the other clips; names in "
            "{readme}), or make the default pack: antrian voice pack --out {path} --config "
            "{config}",
        ),
        "sound_ok": ("{device}", "{device}"),
        "sound_missing": (
            "Tidak ada kartu suara atau sink PulseAudio",
            "No sound card and no PulseAudio sink",
        ),
        "sound_fix": (
            "Sambungkan speaker/HDMI, periksa `aplay -l`; user antrian harus di grup audio",
            "Connect the speaker/HDMI, check `aplay -l`; the antrian user must be in group audio",
        ),
        "player_missing": (
            "Program pemutar {player} tidak ada",
            "The player program {player} is missing",
        ),
        "player_fix": (
            "sudo apt-get install alsa-utils, atau ubah [voice] player di {path}",
            "sudo apt-get install alsa-utils, or change [voice] player in {path}",
        ),
        "say_test_ok": (
            "Bel dan kalimat diputar; dengarkan di ruang tunggu",
            "Chime and sentence played; listen in the hall",
        ),
        "say_test_sentence": (
            "Tes suara. Nomor antrian, A satu, silakan menuju, loket satu",
            "Tes suara. Nomor antrian, A satu, silakan menuju, loket satu",
        ),
        "say_test_failed": ("Tidak terdengar: {error}", "Nothing was heard: {error}"),
        # Screen
        "screen_ok": (
            "Layar {name}: {width}×{height} ({platform})",
            "Screen {name}: {width}×{height} ({platform})",
        ),
        "screen_small": (
            "Layar {name}: {width}×{height} lebih kecil dari {min_width}×{min_height}",
            "Screen {name}: {width}×{height} is smaller than {min_width}×{min_height}",
        ),
        "screen_small_fix": (
            "Atur resolusi layar (wlr-randr / xrandr) atau pakai layar yang lebih besar",
            "Set the screen resolution (wlr-randr / xrandr) or use a larger screen",
        ),
        "screen_none": (
            "Tidak ada layar grafis (DISPLAY dan WAYLAND_DISPLAY kosong)",
            "No graphical screen (DISPLAY and WAYLAND_DISPLAY are empty)",
        ),
        "screen_none_fix": (
            "Jalankan doctor di sesi grafis perangkat, atau periksa sesi kios: systemctl status "
            "antrian-{kind}",
            "Run doctor inside the device's graphical session, or check the kiosk session: "
            "systemctl status antrian-{kind}",
        ),
        "screen_failed": (
            "Qt tidak bisa membuka layar: {error}",
            "Qt cannot open the screen: {error}",
        ),
        "screen_failed_fix": (
            "Periksa kabel HDMI dan sesi grafis (systemctl status antrian-{kind})",
            "Check the HDMI cable and the graphical session (systemctl status antrian-{kind})",
        ),
        # Server files
        "data_dir_ok": ("{path} bisa ditulis", "{path} is writable"),
        "data_dir_failed": (
            "{path} tidak bisa ditulis: {error}",
            "{path} is not writable: {error}",
        ),
        "data_dir_fix": (
            "sudo mkdir -p {path} && sudo chown -R antrian:antrian {path}",
            "sudo mkdir -p {path} && sudo chown -R antrian:antrian {path}",
        ),
        "database_absent": (
            "Belum ada {path}; dibuat saat server pertama kali berjalan",
            "No {path} yet; it is made when the server first starts",
        ),
        "database_ok": (
            "{path} utuh (skema {version}, {size_mb:.1f} MB)",
            "{path} is whole (schema {version}, {size_mb:.1f} MB)",
        ),
        "database_failed": ("{error}", "{error}"),
        "database_fix": (
            "Hentikan server dan pulihkan cadangan terakhir: antrian server restore "
            "/var/backups/antrian/<berkas> (lihat docs/operations.md)",
            "Stop the server and restore the latest backup: antrian server restore "
            "/var/backups/antrian/<file> (see docs/operations.md)",
        ),
        "port_free": (
            "Port {port} bebas (server belum berjalan)",
            "Port {port} is free (the server is not running)",
        ),
        "port_server": (
            "Server berjalan di port {port} (versi {version})",
            "The server is running on port {port} (version {version})",
        ),
        "port_taken": (
            "Port {port} dipakai program lain yang bukan server Antrian",
            "Port {port} is used by another program, not the Antrian server",
        ),
        "port_fix": (
            "Lihat siapa: sudo ss -ltnp 'sport = :{port}'; hentikan program itu atau pakai "
            "--port lain",
            "See who: sudo ss -ltnp 'sport = :{port}'; stop that program or use another --port",
        ),
    }
)
