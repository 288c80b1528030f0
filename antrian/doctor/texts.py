"""Every sentence `antrian doctor` shows (Bahasa Indonesia; translations in locale/)."""

from __future__ import annotations

from pathlib import Path

from config import N_, Catalog

TEXTS = Catalog(
    "doctor",
    Path(__file__).with_name("locale"),
    [
        # Report frame
        N_("heading", "antrian doctor — {path}"),
        N_("kind_server", "server"),
        N_("kind_kiosk", "kios"),
        N_("kind_display", "layar ruang tunggu"),
        N_("fix_prefix", "Perbaikan"),
        N_("all_ok", "Semua pemeriksaan lulus."),
        N_("some_failed", "{count} pemeriksaan gagal. Log perangkat ini: {log}"),
        N_("over_bound", "Tidak selesai dalam {bound:.0f} detik"),
        N_("over_bound_fix", "Ulangi; bila tetap macet, mulai ulang perangkat dan lihat log {log}"),
        N_("crashed", "Pemeriksaan gagal berjalan: {error}"),
        N_("skipped_after", "Dilewati: {other} belum beres"),
        N_("not_requested", "Tidak diminta (pakai {option})"),
        N_("voice_disabled", "Suara dimatikan di [voice] enabled = false"),
        # Check titles
        N_("title_config", "Berkas konfigurasi"),
        N_("title_server", "Server menjawab"),
        N_("title_clock", "Jam perangkat"),
        N_("title_token", "Token perangkat"),
        N_("title_printer", "Printer"),
        N_("title_voice", "Suara (espeak-ng)"),
        N_("title_voice_pack", "Paket suara"),
        N_("title_sound", "Perangkat suara"),
        N_("title_screen", "Layar"),
        N_("title_print_test", "Cetak halaman uji"),
        N_("title_say_test", "Uji suara di speaker"),
        N_("title_data_dir", "Folder data"),
        N_("title_database", "Basis data"),
        N_("title_port", "Server berjalan"),
        # Config
        N_("config_ok", "{path} valid ({kind})"),
        N_(
            "config_unknown_kind",
            "{path}: bukan berkas server, kios, atau layar (tidak ada [[services]], [printer] "
            "atau [server])",
        ),
        N_(
            "config_fix",
            "Perbaiki yang disebut di atas pada {path} (contoh lengkap: /opt/antrian/config/"
            "*.toml), lalu jalankan doctor lagi",
        ),
        # Server and clock
        N_("server_ok", "{url} menjawab dalam {ms} ms (versi {version})"),
        N_(
            "server_refused",
            "{url}: sambungan ditolak — server Antrian tidak berjalan di alamat itu, atau "
            "port {port} salah",
        ),
        N_(
            "server_refused_fix",
            "Di PC server: sudo systemctl status antrian-server (menyalakan: sudo systemctl "
            "start antrian-server); periksa alamat dan port pada [server] url di {path}",
        ),
        N_(
            "server_timed_out",
            "{url}: tidak ada jawaban dalam {seconds:.0f} detik — PC server mati, jaringan "
            "putus, atau firewall menahan port {port}",
        ),
        N_(
            "server_timed_out_fix",
            "ping {host}; periksa kabel jaringan dan PC server; di PC server buka port {port} "
            "(sudo ufw allow {port}/tcp bila ufw dipakai)",
        ),
        N_("server_no_route", "{url}: tidak ada jalur jaringan ke {host}"),
        N_(
            "server_no_route_fix",
            "Periksa kabel jaringan dan alamat IP perangkat ini (ip addr); perangkat dan server "
            "harus satu jaringan",
        ),
        N_("server_name_not_found", "{url}: nama {host} tidak ditemukan (DNS)"),
        N_(
            "server_name_not_found_fix",
            "Tulis alamat IP server pada [server] url di {path} (mis. http://192.168.10.2:8000), "
            "atau perbaiki DNS / /etc/hosts",
        ),
        N_(
            "server_hung",
            "{url}: menerima sambungan, tetapi tidak menjawab dalam {seconds:.0f} detik — server "
            "macet atau kewalahan",
        ),
        N_(
            "server_hung_fix",
            "Di PC server: sudo systemctl restart antrian-server, lalu lihat "
            "/var/log/antrian/server.log; jalankan antrian doctor di PC server",
        ),
        N_(
            "server_not_antrian",
            "{url} menjawab ({error}), tetapi bukan sebagai server Antrian — alamat atau port "
            "salah, atau program lain memakai port itu",
        ),
        N_(
            "server_not_antrian_fix",
            "Periksa [server] url di {path}: alamat dan port server Antrian (biasanya :8000); "
            "buka {url}/api/v1/health di peramban",
        ),
        N_("server_unhealthy", "{url}: server Antrian menjawab, tetapi tidak sehat ({error})"),
        N_(
            "server_unhealthy_fix",
            "Lihat log server (/var/log/antrian/server.log di PC server) dan jalankan antrian "
            "doctor di PC server",
        ),
        N_(
            "server_no_backup",
            "Perangkat ini tetap bekerja lewat server yang menjawab, tetapi tanpa cadangan "
            "selama {urls} tidak menjawab",
        ),
        N_("server_other", "{url}: tidak terjangkau ({error})"),
        N_(
            "server_other_fix",
            "Periksa kabel jaringan dan [server] url di {path}; di PC server: systemctl status "
            "antrian-server",
        ),
        N_(
            "server_fault_fix",
            "Lihat log server (/var/log/antrian/server.log di PC server) dan versi antrian",
        ),
        N_("clock_ok", "Selisih dengan jam server {seconds:.0f} detik"),
        N_(
            "clock_off",
            "Jam perangkat selisih {seconds:.0f} detik dari server (batas {limit} detik)",
        ),
        N_(
            "clock_fix",
            "Samakan jam: sudo timedatectl set-ntp true, atau atur jam server dan perangkat",
        ),
        N_("clock_unreadable", "Server tidak memberi waktu yang terbaca"),
        # Token
        N_("token_ok", "Token diterima sebagai {role}"),
        N_("token_refused", "Token ditolak server: {error}"),
        N_("token_unknown", "Server tidak mengenal token ini (HTTP 401): {error}"),
        N_("token_wrong_role", "Token dikenal, tetapi bukan token {role} (HTTP 403): {error}"),
        N_(
            "token_wrong_role_fix",
            "Di halaman admin → Perangkat, pakai (atau buat) token perangkat jenis {role} dan "
            "salin ke [server] token di {path}; token kios tidak berlaku di layar, dan sebaliknya",
        ),
        N_("token_no_answer", "Server berhenti menjawab saat token diperiksa"),
        N_(
            "token_fix",
            "Di halaman admin → Perangkat, buat token baru untuk perangkat {role} ini dan "
            "salin ke [server] token di {path}",
        ),
        N_("role_kiosk", "kios"),
        N_("role_display", "layar"),
        # Printer
        N_("printer_ok", "Online, kertas ada ({where})"),
        N_("printer_silent_ok", "Terjangkau; printer ini tidak melaporkan status ({where})"),
        N_("printer_paper_low", "Kertas hampir habis ({where})"),
        N_("printer_paper_low_fix", "Siapkan gulungan kertas baru"),
        N_("printer_paper_out", "Kertas habis ({where})"),
        N_("printer_paper_out_fix", "Pasang gulungan kertas baru dan tutup penutup printer"),
        N_("printer_offline", "Printer melaporkan offline ({where})"),
        N_(
            "printer_offline_fix",
            "Tutup penutup printer, nyalakan, tekan FEED; lampu error harus padam",
        ),
        N_("printer_problem_not_found", "Printer tidak ditemukan ({where})"),
        N_(
            "printer_problem_offline", "Printer menolak sambungan atau sambungannya putus ({where})"
        ),
        N_(
            "printer_silent",
            "Printer menerima sambungan, tetapi tidak menjawab permintaan status ({where})",
        ),
        N_(
            "printer_silent_fix",
            "Matikan-nyalakan printer; bila printer ini memang tidak melaporkan status (bukan "
            "ESC/POS penuh), tulis status_query = false di [printer]",
        ),
        N_(
            "printer_none",
            'Tanpa printer (type = "none"): kios ini tidak mencetak; nomor antrean hanya tampil '
            "di layar",
        ),
        N_(
            "printer_none_fix",
            "Bila kios ini seharusnya mencetak, tulis type = usb, serial atau network di "
            "[printer] pada {path}",
        ),
        N_(
            "printer_dummy",
            'Printer "dummy": kios ini tidak mencetak apa pun (tiket hanya disimpan di memori, '
            "untuk demo dan uji)",
        ),
        N_(
            "printer_dummy_fix",
            'Di [printer] pada {path}, tulis type = "usb", "serial" atau "network" (lihat '
            'docs/printers.md); kios tanpa printer yang disengaja: type = "none"',
        ),
        N_(
            "printer_refused",
            "Printer menolak sambungan ({where}): port salah, atau printer sedang dipakai "
            "komputer lain",
        ),
        N_(
            "printer_refused_fix",
            "Periksa port di [printer] (printer jaringan biasanya 9100); pastikan tidak ada "
            "kios atau PC lain yang tersambung ke printer ini; matikan-nyalakan printer",
        ),
        N_(
            "printer_timed_out",
            "Printer tidak terjangkau ({where}): tidak ada jawaban dalam {seconds:.0f} detik",
        ),
        N_(
            "printer_timed_out_fix",
            "Periksa kabel jaringan, daya printer dan alamat IP-nya (`ping {host}`; alamat "
            "tercetak saat FEED ditahan ketika printer dinyalakan)",
        ),
        N_(
            "printer_no_route",
            "Printer tidak terjangkau ({where}): tidak ada jalur jaringan ke {host}",
        ),
        N_(
            "printer_no_route_fix",
            "Periksa kabel jaringan dan alamat IP: kios dan printer harus satu jaringan (ip addr)",
        ),
        N_("printer_name_not_found", "Nama printer {host} tidak ditemukan (DNS)"),
        N_("printer_name_not_found_fix", "Tulis alamat IP printer di [printer] host"),
        N_("printer_serial_missing", "Perangkat serial {device} tidak ada"),
        N_(
            "printer_serial_missing_fix",
            "Colokkan kabel serial / adaptor USB-serial; lihat `ls /dev/ttyUSB* /dev/ttyS*` dan "
            "tulis yang benar di [printer] devfile",
        ),
        N_("printer_serial_denied", "Izin ditolak untuk {device}"),
        N_(
            "printer_serial_denied_fix",
            "sudo usermod -aG dialout antrian, lalu mulai ulang kios (ls -l {device})",
        ),
        N_("printer_file_missing", "{device} tidak ada (printer USB tercolok dan menyala?)"),
        N_(
            "printer_file_missing_fix",
            "Colokkan dan nyalakan printer; `ls /dev/usb/lp*` harus menampilkannya",
        ),
        N_(
            "printer_file_plain",
            "{device} adalah berkas biasa: tiket ditulis ke berkas, tidak dicetak",
        ),
        N_(
            "printer_file_plain_fix",
            'Printer USB lewat usblp: devfile = "/dev/usb/lp0"; atau type = usb, serial, '
            'network di [printer] pada {path}; kios tanpa printer yang disengaja: type = "none"',
        ),
        N_("printer_file_denied", "Izin ditolak untuk {device}"),
        N_(
            "printer_file_denied_fix",
            "sudo usermod -aG lp antrian, lalu mulai ulang kios (ls -l {device})",
        ),
        N_("printer_usb_missing", "Printer USB {ids} tidak ditemukan (tidak ada di `lsusb`)"),
        N_(
            "printer_usb_missing_fix",
            "Periksa kabel USB dan daya printer; `lsusb` harus menampilkan {ids}; bila id-nya "
            "lain, tulis idVendor/idProduct yang benar di [printer]",
        ),
        N_(
            "printer_usb_denied",
            "Printer USB {ids} ada, tetapi user ini tidak boleh membukanya ({node})",
        ),
        N_(
            "printer_usb_denied_fix",
            "Pasang aturan udev (deploy/udev/60-antrian-printer.rules), sudo udevadm trigger, "
            "cabut-colok printer; user antrian di grup lp",
        ),
        N_("printer_usb_no_libusb", "libusb tidak terpasang: printer USB {ids} tidak bisa dicari"),
        N_("printer_usb_no_libusb_fix", "sudo apt-get install libusb-1.0-0"),
        N_(
            "printer_unreachable_fix_usb",
            "Periksa kabel USB dan daya; `lsusb` harus menampilkan {ids}; pasang aturan udev "
            "(deploy/udev) dan user antrian di grup lp",
        ),
        N_(
            "printer_unreachable_fix_network",
            "Nyalakan printer, periksa kabel LAN; `ping {host}`; alamat printer tercetak saat "
            "tombol FEED ditahan ketika dinyalakan",
        ),
        N_(
            "printer_unreachable_fix_serial",
            "Periksa kabel serial dan {device} (user antrian di grup dialout), baudrate {baud}",
        ),
        N_(
            "printer_unreachable_fix_file",
            "Periksa {device} ada dan boleh ditulis (user antrian di grup lp)",
        ),
        N_("print_test_ok", "Halaman uji terkirim; periksa hasil cetaknya ({status})"),
        N_("print_test_paperless", "Tidak ada printer untuk halaman uji"),
        N_("print_test_failed", "Gagal mencetak: {message}"),
        # Voice and sound
        N_("voice_ok", 'Suara {voice} bicara ({seconds:.1f} detik audio untuk "{text}")'),
        N_("voice_missing", "Suara {voice} tidak ada di espeak-ng"),
        N_(
            "voice_mbrola_missing",
            "Suara {voice} butuh mbrola dan data {data}, yang tidak terpasang",
        ),
        N_(
            "voice_fix",
            'Tulis voice = "id" di [voice] {path}, atau pasang paketnya (espeak-ng; mbrola '
            "mbrola-id1 untuk mb-id1)",
        ),
        N_("voice_failed", "Mesin suara gagal: {error}"),
        N_(
            "voice_failed_fix",
            "Pasang ulang: sudo apt-get install --reinstall espeak-ng; lalu jalankan doctor lagi",
        ),
        N_("pack_none", "Tanpa paket suara: kalimat diucapkan mesin suara"),
        N_("pack_ok", "Paket suara {path}: {count} rekaman lengkap"),
        N_(
            "pack_missing",
            "Paket suara {path} kurang {count} rekaman: {names}. Kalimat yang memakainya "
            "diucapkan utuh oleh mesin suara",
        ),
        N_("pack_bad", "Rekaman paket suara tidak bisa dipakai: {problems}"),
        N_(
            "pack_fix",
            "Rekam berkas itu di {path} (WAV, format yang sama dengan rekaman lain; daftar nama "
            "di {readme}), atau buat paket bawaan: antrian voice pack --out {path} --config "
            "{config}",
        ),
        N_("sound_ok", "{device}"),
        N_("sound_missing", "Tidak ada kartu suara atau sink PulseAudio"),
        N_(
            "sound_fix",
            "Sambungkan speaker/HDMI, periksa `aplay -l`; user antrian harus di grup audio",
        ),
        N_("player_missing", "Program pemutar {player} tidak ada"),
        N_("player_fix", "sudo apt-get install alsa-utils, atau ubah [voice] player di {path}"),
        N_("say_test_ok", "Bel dan kalimat diputar; dengarkan di ruang tunggu"),
        N_("say_test_sentence", "Tes suara. Nomor antrean, A satu, silakan menuju, loket satu"),
        N_("say_test_failed", "Tidak terdengar: {error}"),
        # Screen
        N_("screen_ok", "Layar {name}: {width}×{height} ({platform})"),
        N_(
            "screen_small",
            "Layar {name}: {width}×{height} lebih kecil dari {min_width}×{min_height}",
        ),
        N_(
            "screen_small_fix",
            "Atur resolusi layar (wlr-randr / xrandr) atau pakai layar yang lebih besar",
        ),
        N_("screen_none", "Tidak ada layar grafis (DISPLAY dan WAYLAND_DISPLAY kosong)"),
        N_(
            "screen_none_fix",
            "Jalankan doctor di sesi grafis perangkat, atau periksa sesi kios: systemctl status "
            "antrian-{kind}",
        ),
        N_("screen_failed", "Qt tidak bisa membuka layar: {error}"),
        N_(
            "screen_failed_fix",
            "Periksa kabel HDMI dan sesi grafis (systemctl status antrian-{kind})",
        ),
        # Server files
        N_("data_dir_ok", "{path} bisa ditulis"),
        N_("data_dir_failed", "{path} tidak bisa ditulis: {error}"),
        N_("data_dir_fix", "sudo mkdir -p {path} && sudo chown -R antrian:antrian {path}"),
        N_("database_absent", "Belum ada {path}; dibuat saat server pertama kali berjalan"),
        N_("database_ok", "{path} utuh (skema {version}, {size_mb:.1f} MB)"),
        N_("database_failed", "{error}"),
        N_(
            "database_fix",
            "Hentikan server dan pulihkan cadangan terakhir: antrian server restore "
            "/var/backups/antrian/<berkas> (lihat docs/operations.md)",
        ),
        # PostgreSQL ([store] url; antrian/doctor/pg_checks.py)
        N_("title_pg_notify", "Notifikasi PostgreSQL"),
        N_(
            "pg_refused",
            "{where}: sambungan ditolak — PostgreSQL tidak berjalan di {host}, atau tidak "
            "mendengarkan port {port} di alamat itu",
        ),
        N_(
            "pg_refused_fix",
            "Di PC basis data: sudo systemctl status postgresql (menyalakan: sudo systemctl "
            "start postgresql); untuk sambungan dari PC lain, listen_addresses = '*' di "
            "postgresql.conf; periksa host dan port pada [store] url di {path}",
        ),
        N_(
            "pg_timed_out",
            "{where}: tidak ada jawaban dalam {seconds} detik — PC basis data mati, jaringan "
            "putus, atau firewall menahan port {port}",
        ),
        N_(
            "pg_timed_out_fix",
            "ping {host}; periksa PC basis data dan kabel jaringan; di PC basis data buka port "
            "{port} untuk PC server ini (sudo ufw allow from <IP server> to any port {port} "
            "proto tcp)",
        ),
        N_("pg_name_not_found", "{where}: nama {host} tidak ditemukan (DNS)"),
        N_(
            "pg_name_not_found_fix",
            "Tulis alamat IP PC basis data pada [store] url di {path}, atau perbaiki DNS / "
            "/etc/hosts",
        ),
        N_("pg_no_route", "{where}: tidak ada jalur jaringan ke {host}"),
        N_(
            "pg_no_route_fix",
            "Periksa kabel jaringan dan alamat IP PC ini (ip addr); PC server dan PC basis data "
            "harus saling terjangkau",
        ),
        N_("pg_password", "{where}: PostgreSQL menolak kata sandi pengguna {user}"),
        N_(
            "pg_password_fix",
            'Samakan kata sandinya: di PC basis data sudo -u postgres psql -c "ALTER ROLE {user} '
            "PASSWORD 'sandi-baru'\", lalu tulis sandi yang sama di [store] url di {path} "
            "(karakter @ : / % dalam sandi ditulis %40 %3A %2F %25)",
        ),
        N_("pg_no_role", "{where}: pengguna {user} tidak ada di PostgreSQL"),
        N_(
            "pg_no_role_fix",
            "Di PC basis data: sudo -u postgres createuser --pwprompt {user} (atau perbaiki nama "
            "pengguna pada [store] url di {path})",
        ),
        N_("pg_no_database", "{where}: basis data {database} tidak ada"),
        N_(
            "pg_no_database_fix",
            "Di PC basis data: sudo -u postgres createdb --owner={user} {database} (atau "
            "perbaiki nama basis data pada [store] url di {path})",
        ),
        N_(
            "pg_not_allowed",
            "{where}: PostgreSQL tidak mengizinkan pengguna {user} masuk dari PC ini (pg_hba.conf)",
        ),
        N_(
            "pg_not_allowed_fix",
            "Di PC basis data tambahkan ke pg_hba.conf: host {database} {user} <IP server>/32 "
            "scram-sha-256, lalu sudo systemctl reload postgresql",
        ),
        N_("pg_other", "{where}: tidak tersambung ({error})"),
        N_(
            "pg_other_fix",
            "Periksa [store] url di {path} (postgresql://PENGGUNA:SANDI@HOST:PORT/BASISDATA) "
            "dan log PostgreSQL di PC basis data (/var/log/postgresql/)",
        ),
        N_(
            "pg_standby",
            "{where} adalah salinan cadangan (standby) yang hanya bisa dibaca; server tidak bisa "
            "menulis antrean di sana",
        ),
        N_(
            "pg_standby_fix",
            "Arahkan [store] url ke PostgreSQL utama (primary); standby baru dipakai setelah "
            "dipromosikan (pg_ctlcluster … promote, lihat docs/operations.md)",
        ),
        N_(
            "pg_schema_same",
            "{where}: PostgreSQL {pg}, skema {version} (sama dengan server ini)",
        ),
        N_(
            "pg_schema_none",
            "{where}: PostgreSQL {pg}, basis data masih kosong; skema {expected} dibuat saat "
            "server pertama kali berjalan",
        ),
        N_(
            "pg_schema_older",
            "{where}: skema {version} lebih lama dari server ini ({expected}); server "
            "memperbaruinya saat mulai",
        ),
        N_(
            "pg_older_fix",
            "Buat cadangan dulu (pg_dump, docs/operations.md), lalu sudo systemctl restart "
            "antrian-server; semua host server harus versi Antrian yang sama",
        ),
        N_(
            "pg_schema_newer",
            "{where}: skema {version} lebih baru dari server ini ({expected}): basis data ini "
            "sudah dipakai versi Antrian yang lebih baru",
        ),
        N_(
            "pg_newer_fix",
            "Perbarui Antrian di PC ini ke versi yang sama dengan host server lainnya; jangan "
            "jalankan server versi lama pada basis data ini",
        ),
        N_(
            "pg_no_create",
            "{where}: pengguna {user} tidak boleh membuat tabel di skema public, jadi server "
            "tidak bisa membuat atau memperbarui skema (sekarang {version}, perlu {expected})",
        ),
        N_(
            "pg_no_create_fix",
            'Di PC basis data: sudo -u postgres psql -d {database} -c "ALTER SCHEMA public '
            'OWNER TO {user}"',
        ),
        N_(
            "pg_notify_ok",
            "LISTEN/NOTIFY bekerja ({ms} ms): layar dibangunkan seketika, proses mana pun yang "
            "memanggil",
        ),
        N_(
            "pg_notify_silent",
            "Notifikasi tidak sampai dalam {seconds:.0f} detik: layar tetap diperbarui, tetapi "
            "lewat pemeriksaan berkala (sampai setengah detik lebih lambat)",
        ),
        N_("pg_notify_failed", "LISTEN/NOTIFY tidak bisa dipakai: {error}"),
        N_(
            "pg_notify_fix",
            "Arahkan [store] url langsung ke PostgreSQL (biasanya port 5432), bukan ke pooler "
            "seperti PgBouncer dalam mode transaction",
        ),
        N_("port_server", "Server berjalan di port {port} (versi {version})"),
        N_("port_holder", " (pid {pid}: {command})"),
        N_(
            "port_free_not_started",
            "Port {port} bebas; server belum dijalankan (--not-started: instalasi baru)",
        ),
        N_(
            "port_not_running",
            "Server tidak berjalan: tidak ada yang mendengarkan di {address}:{port}",
        ),
        N_(
            "port_not_running_fix",
            "sudo systemctl start antrian-server (lalu systemctl status antrian-server, "
            "journalctl -u antrian-server); server di port lain: --port; instalasi yang memang "
            "belum dijalankan: antrian doctor --config {path} --not-started",
        ),
        N_(
            "port_hung",
            "Server Antrian di port {port} macet: menerima sambungan, tetapi tidak menjawab dalam "
            "{seconds:.0f} detik{holder}",
        ),
        N_(
            "port_hung_or_other",
            "Port {port} menerima sambungan, tetapi tidak menjawab dalam {seconds:.0f} detik: "
            "server Antrian macet, atau program lain memegang port itu",
        ),
        N_(
            "port_hung_fix",
            "sudo systemctl restart antrian-server, lalu lihat /var/log/antrian/server.log; "
            "siapa pemegang port: sudo ss -ltnp 'sport = :{port}'",
        ),
        N_(
            "port_other_silent",
            "Port {port} dipegang program lain yang bukan server Antrian dan tidak menjawab "
            "HTTP{holder}",
        ),
        N_(
            "port_taken",
            "Port {port} dipakai program lain yang bukan server Antrian ({error}){holder}",
        ),
        N_(
            "port_unhealthy", "Server Antrian di port {port} menjawab, tetapi tidak sehat ({error})"
        ),
        N_(
            "port_unhealthy_fix",
            "Lihat /var/log/antrian/server.log (journalctl -u antrian-server); lalu sudo "
            "systemctl restart antrian-server",
        ),
        N_(
            "port_taken_elsewhere", "Port {port} dipakai program lain di alamat lain PC ini{holder}"
        ),
        N_(
            "port_fix",
            "Lihat siapa: sudo ss -ltnp 'sport = :{port}'; hentikan program itu atau pakai "
            "--port lain",
        ),
        N_("port_unreachable", "{address}:{port} tidak terjangkau dari PC ini ({error})"),
        N_(
            "port_unreachable_fix",
            "Periksa --host: alamat {address} harus milik PC server ini (ip addr)",
        ),
    ],
)
