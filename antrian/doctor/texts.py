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
        "title_port": ("Server berjalan", "Server running"),
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
        "server_refused": (
            "{url}: sambungan ditolak — server Antrian tidak berjalan di alamat itu, atau "
            "port {port} salah",
            "{url}: connection refused — the Antrian server is not running at that address, "
            "or port {port} is wrong",
        ),
        "server_refused_fix": (
            "Di PC server: sudo systemctl status antrian-server (menyalakan: sudo systemctl "
            "start antrian-server); periksa alamat dan port pada [server] url di {path}",
            "On the server PC: sudo systemctl status antrian-server (start it: sudo systemctl "
            "start antrian-server); check the address and port in [server] url of {path}",
        ),
        "server_timed_out": (
            "{url}: tidak ada jawaban dalam {seconds:.0f} detik — PC server mati, jaringan "
            "putus, atau firewall menahan port {port}",
            "{url}: no answer within {seconds:.0f} s — the server PC is off, the network is "
            "down, or a firewall holds port {port}",
        ),
        "server_timed_out_fix": (
            "ping {host}; periksa kabel jaringan dan PC server; di PC server buka port {port} "
            "(sudo ufw allow {port}/tcp bila ufw dipakai)",
            "ping {host}; check the network cable and the server PC; on the server PC open port "
            "{port} (sudo ufw allow {port}/tcp if ufw is used)",
        ),
        "server_no_route": (
            "{url}: tidak ada jalur jaringan ke {host}",
            "{url}: no network route to {host}",
        ),
        "server_no_route_fix": (
            "Periksa kabel jaringan dan alamat IP perangkat ini (ip addr); perangkat dan server "
            "harus satu jaringan",
            "Check the network cable and this device's IP address (ip addr); the device and the "
            "server must be on one network",
        ),
        "server_name_not_found": (
            "{url}: nama {host} tidak ditemukan (DNS)",
            "{url}: the name {host} is not found (DNS)",
        ),
        "server_name_not_found_fix": (
            "Tulis alamat IP server pada [server] url di {path} (mis. http://192.168.10.2:8000), "
            "atau perbaiki DNS / /etc/hosts",
            "Write the server's IP address in [server] url of {path} (e.g. "
            "http://192.168.10.2:8000), or fix DNS / /etc/hosts",
        ),
        "server_hung": (
            "{url}: menerima sambungan, tetapi tidak menjawab dalam {seconds:.0f} detik — server "
            "macet atau kewalahan",
            "{url}: accepts the connection but does not answer within {seconds:.0f} s — the "
            "server hangs or is overloaded",
        ),
        "server_hung_fix": (
            "Di PC server: sudo systemctl restart antrian-server, lalu lihat "
            "/var/log/antrian/server.log; jalankan antrian doctor di PC server",
            "On the server PC: sudo systemctl restart antrian-server, then read "
            "/var/log/antrian/server.log; run antrian doctor on the server PC",
        ),
        "server_not_antrian": (
            "{url} menjawab ({error}), tetapi bukan sebagai server Antrian — alamat atau port "
            "salah, atau program lain memakai port itu",
            "{url} answers ({error}), but not as an Antrian server — wrong address or port, or "
            "another program uses that port",
        ),
        "server_not_antrian_fix": (
            "Periksa [server] url di {path}: alamat dan port server Antrian (biasanya :8000); "
            "buka {url}/api/v1/health di peramban",
            "Check [server] url in {path}: the Antrian server's address and port (usually "
            ":8000); open {url}/api/v1/health in a browser",
        ),
        "server_unhealthy": (
            "{url}: server Antrian menjawab, tetapi tidak sehat ({error})",
            "{url}: the Antrian server answers, but is not healthy ({error})",
        ),
        "server_unhealthy_fix": (
            "Lihat log server (/var/log/antrian/server.log di PC server) dan jalankan antrian "
            "doctor di PC server",
            "Read the server log (/var/log/antrian/server.log on the server PC) and run antrian "
            "doctor on the server PC",
        ),
        "server_other": ("{url}: tidak terjangkau ({error})", "{url}: unreachable ({error})"),
        "server_other_fix": (
            "Periksa kabel jaringan dan [server] url di {path}; di PC server: systemctl status "
            "antrian-server",
            "Check the network cable and [server] url in {path}; on the server PC: systemctl "
            "status antrian-server",
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
        "token_unknown": (
            "Server tidak mengenal token ini (HTTP 401): {error}",
            "The server does not know this token (HTTP 401): {error}",
        ),
        "token_wrong_role": (
            "Token dikenal, tetapi bukan token {role} (HTTP 403): {error}",
            "The token is known, but it is not a {role} token (HTTP 403): {error}",
        ),
        "token_wrong_role_fix": (
            "Di halaman admin → Perangkat, pakai (atau buat) token perangkat jenis {role} dan "
            "salin ke [server] token di {path}; token kios tidak berlaku di layar, dan sebaliknya",
            "On the admin page → Devices, use (or make) a token of a {role} device and copy it "
            "to [server] token in {path}; a kiosk token does not work on a display, nor the "
            "other way round",
        ),
        "token_no_answer": (
            "Server berhenti menjawab saat token diperiksa",
            "The server stopped answering while the token was checked",
        ),
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
            "Printer menolak sambungan atau sambungannya putus ({where})",
            "The printer refuses the connection, or the link broke ({where})",
        ),
        "printer_silent": (
            "Printer menerima sambungan, tetapi tidak menjawab permintaan status ({where})",
            "The printer accepts the connection but does not answer the status request ({where})",
        ),
        "printer_silent_fix": (
            "Matikan-nyalakan printer; bila printer ini memang tidak melaporkan status (bukan "
            "ESC/POS penuh), tulis status_query = false di [printer]",
            "Switch the printer off and on; if this printer never reports its status (not full "
            "ESC/POS), set status_query = false in [printer]",
        ),
        "printer_none": (
            'Tanpa printer (type = "none"): kios ini tidak mencetak; nomor antrean hanya tampil '
            "di layar",
            'No printer (type = "none"): this kiosk prints nothing; queue numbers are only shown '
            "on screen",
        ),
        "printer_none_fix": (
            "Bila kios ini seharusnya mencetak, tulis type = usb, serial atau network di "
            "[printer] pada {path}",
            "If this kiosk should print, set type to usb, serial or network in [printer] of {path}",
        ),
        "printer_dummy": (
            'Printer "dummy": kios ini tidak mencetak apa pun (tiket hanya disimpan di memori, '
            "untuk demo dan uji)",
            'Printer "dummy": this kiosk prints nothing (tickets are only kept in memory, for '
            "demos and tests)",
        ),
        "printer_dummy_fix": (
            'Di [printer] pada {path}, tulis type = "usb", "serial" atau "network" (lihat '
            'docs/printers.md); kios tanpa printer yang disengaja: type = "none"',
            'In [printer] of {path} set type = "usb", "serial" or "network" (see '
            'docs/printers.md); a kiosk without a printer on purpose: type = "none"',
        ),
        "printer_refused": (
            "Printer menolak sambungan ({where}): port salah, atau printer sedang dipakai "
            "komputer lain",
            "The printer refuses the connection ({where}): wrong port, or the printer is in use "
            "by another computer",
        ),
        "printer_refused_fix": (
            "Periksa port di [printer] (printer jaringan biasanya 9100); pastikan tidak ada "
            "kios atau PC lain yang tersambung ke printer ini; matikan-nyalakan printer",
            "Check the port in [printer] (network printers usually use 9100); make sure no other "
            "kiosk or PC is connected to this printer; switch the printer off and on",
        ),
        "printer_timed_out": (
            "Printer tidak terjangkau ({where}): tidak ada jawaban dalam {seconds:.0f} detik",
            "The printer is unreachable ({where}): no answer within {seconds:.0f} s",
        ),
        "printer_timed_out_fix": (
            "Periksa kabel jaringan, daya printer dan alamat IP-nya (`ping {host}`; alamat "
            "tercetak saat FEED ditahan ketika printer dinyalakan)",
            "Check the network cable, the printer's power and its IP address (`ping {host}`; the "
            "printer prints its address when FEED is held while switching on)",
        ),
        "printer_no_route": (
            "Printer tidak terjangkau ({where}): tidak ada jalur jaringan ke {host}",
            "The printer is unreachable ({where}): no network route to {host}",
        ),
        "printer_no_route_fix": (
            "Periksa kabel jaringan dan alamat IP: kios dan printer harus satu jaringan (ip addr)",
            "Check the network cable and the IP addresses: kiosk and printer must be on one "
            "network (ip addr)",
        ),
        "printer_name_not_found": (
            "Nama printer {host} tidak ditemukan (DNS)",
            "The printer name {host} is not found (DNS)",
        ),
        "printer_name_not_found_fix": (
            "Tulis alamat IP printer di [printer] host",
            "Write the printer's IP address in [printer] host",
        ),
        "printer_serial_missing": (
            "Perangkat serial {device} tidak ada",
            "The serial device {device} does not exist",
        ),
        "printer_serial_missing_fix": (
            "Colokkan kabel serial / adaptor USB-serial; lihat `ls /dev/ttyUSB* /dev/ttyS*` dan "
            "tulis yang benar di [printer] devfile",
            "Plug in the serial cable / USB-serial adapter; see `ls /dev/ttyUSB* /dev/ttyS*` and "
            "write the right one in [printer] devfile",
        ),
        "printer_serial_denied": (
            "Izin ditolak untuk {device}",
            "Permission denied for {device}",
        ),
        "printer_serial_denied_fix": (
            "sudo usermod -aG dialout antrian, lalu mulai ulang kios (ls -l {device})",
            "sudo usermod -aG dialout antrian, then restart the kiosk (ls -l {device})",
        ),
        "printer_file_missing": (
            "{device} tidak ada (printer USB tercolok dan menyala?)",
            "{device} does not exist (is the USB printer plugged in and on?)",
        ),
        "printer_file_missing_fix": (
            "Colokkan dan nyalakan printer; `ls /dev/usb/lp*` harus menampilkannya",
            "Plug in and switch on the printer; `ls /dev/usb/lp*` must list it",
        ),
        "printer_file_plain": (
            "{device} adalah berkas biasa: tiket ditulis ke berkas, tidak dicetak",
            "{device} is a plain file: tickets are written into it, not printed",
        ),
        "printer_file_plain_fix": (
            'Printer USB lewat usblp: devfile = "/dev/usb/lp0"; atau type = usb, serial, '
            'network di [printer] pada {path}; kios tanpa printer yang disengaja: type = "none"',
            'A USB printer through usblp: devfile = "/dev/usb/lp0"; or type = usb, serial, '
            'network in [printer] of {path}; a kiosk without a printer on purpose: type = "none"',
        ),
        "printer_file_denied": (
            "Izin ditolak untuk {device}",
            "Permission denied for {device}",
        ),
        "printer_file_denied_fix": (
            "sudo usermod -aG lp antrian, lalu mulai ulang kios (ls -l {device})",
            "sudo usermod -aG lp antrian, then restart the kiosk (ls -l {device})",
        ),
        "printer_usb_missing": (
            "Printer USB {ids} tidak ditemukan (tidak ada di `lsusb`)",
            "USB printer {ids} not found (not in `lsusb`)",
        ),
        "printer_usb_missing_fix": (
            "Periksa kabel USB dan daya printer; `lsusb` harus menampilkan {ids}; bila id-nya "
            "lain, tulis idVendor/idProduct yang benar di [printer]",
            "Check the USB cable and the printer's power; `lsusb` must list {ids}; if its ids "
            "differ, write the right idVendor/idProduct in [printer]",
        ),
        "printer_usb_denied": (
            "Printer USB {ids} ada, tetapi user ini tidak boleh membukanya ({node})",
            "USB printer {ids} is there, but this user may not open it ({node})",
        ),
        "printer_usb_denied_fix": (
            "Pasang aturan udev (deploy/udev/60-antrian-printer.rules), sudo udevadm trigger, "
            "cabut-colok printer; user antrian di grup lp",
            "Install the udev rule (deploy/udev/60-antrian-printer.rules), sudo udevadm trigger, "
            "replug the printer; the antrian user in group lp",
        ),
        "printer_usb_no_libusb": (
            "libusb tidak terpasang: printer USB {ids} tidak bisa dicari",
            "libusb is not installed: USB printer {ids} cannot be looked for",
        ),
        "printer_usb_no_libusb_fix": (
            "sudo apt-get install libusb-1.0-0",
            "sudo apt-get install libusb-1.0-0",
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
        "print_test_paperless": (
            "Tidak ada printer untuk halaman uji",
            "No printer for a test page",
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
            "Tes suara. Nomor antrean, A satu, silakan menuju, loket satu",
            "Tes suara. Nomor antrean, A satu, silakan menuju, loket satu",
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
        "port_server": (
            "Server berjalan di port {port} (versi {version})",
            "The server is running on port {port} (version {version})",
        ),
        "port_holder": (" (pid {pid}: {command})", " (pid {pid}: {command})"),
        "port_free_not_started": (
            "Port {port} bebas; server belum dijalankan (--not-started: instalasi baru)",
            "Port {port} is free; the server is not started yet (--not-started: a new install)",
        ),
        "port_not_running": (
            "Server tidak berjalan: tidak ada yang mendengarkan di {address}:{port}",
            "The server is not running: nothing listens on {address}:{port}",
        ),
        "port_not_running_fix": (
            "sudo systemctl start antrian-server (lalu systemctl status antrian-server, "
            "journalctl -u antrian-server); server di port lain: --port; instalasi yang memang "
            "belum dijalankan: antrian doctor --config {path} --not-started",
            "sudo systemctl start antrian-server (then systemctl status antrian-server, "
            "journalctl -u antrian-server); a server on another port: --port; an install not "
            "started yet on purpose: antrian doctor --config {path} --not-started",
        ),
        "port_hung": (
            "Server Antrian di port {port} macet: menerima sambungan, tetapi tidak menjawab dalam "
            "{seconds:.0f} detik{holder}",
            "The Antrian server on port {port} hangs: it accepts connections but does not answer "
            "within {seconds:.0f} s{holder}",
        ),
        "port_hung_or_other": (
            "Port {port} menerima sambungan, tetapi tidak menjawab dalam {seconds:.0f} detik: "
            "server Antrian macet, atau program lain memegang port itu",
            "Port {port} accepts connections but does not answer within {seconds:.0f} s: the "
            "Antrian server hangs, or another program holds the port",
        ),
        "port_hung_fix": (
            "sudo systemctl restart antrian-server, lalu lihat /var/log/antrian/server.log; "
            "siapa pemegang port: sudo ss -ltnp 'sport = :{port}'",
            "sudo systemctl restart antrian-server, then read /var/log/antrian/server.log; who "
            "holds the port: sudo ss -ltnp 'sport = :{port}'",
        ),
        "port_other_silent": (
            "Port {port} dipegang program lain yang bukan server Antrian dan tidak menjawab "
            "HTTP{holder}",
            "Port {port} is held by another program, not the Antrian server, and it does not "
            "answer HTTP{holder}",
        ),
        "port_taken": (
            "Port {port} dipakai program lain yang bukan server Antrian ({error}){holder}",
            "Port {port} is used by another program, not the Antrian server ({error}){holder}",
        ),
        "port_unhealthy": (
            "Server Antrian di port {port} menjawab, tetapi tidak sehat ({error})",
            "The Antrian server on port {port} answers, but is not healthy ({error})",
        ),
        "port_unhealthy_fix": (
            "Lihat /var/log/antrian/server.log (journalctl -u antrian-server); lalu sudo "
            "systemctl restart antrian-server",
            "Read /var/log/antrian/server.log (journalctl -u antrian-server); then sudo "
            "systemctl restart antrian-server",
        ),
        "port_taken_elsewhere": (
            "Port {port} dipakai program lain di alamat lain PC ini{holder}",
            "Port {port} is used by another program on another address of this PC{holder}",
        ),
        "port_fix": (
            "Lihat siapa: sudo ss -ltnp 'sport = :{port}'; hentikan program itu atau pakai "
            "--port lain",
            "See who: sudo ss -ltnp 'sport = :{port}'; stop that program or use another --port",
        ),
        "port_unreachable": (
            "{address}:{port} tidak terjangkau dari PC ini ({error})",
            "{address}:{port} cannot be reached from this PC ({error})",
        ),
        "port_unreachable_fix": (
            "Periksa --host: alamat {address} harus milik PC server ini (ip addr)",
            "Check --host: the address {address} must belong to this server PC (ip addr)",
        ),
    }
)
