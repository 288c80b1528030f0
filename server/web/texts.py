"""Every sentence of the web pages: Bahasa Indonesia first, English second.

Templates and page code look texts up by key (`t("key")` in a template); no sentence is
hard-wired. Refusals of the queue itself come from `server.texts` (the API's messages).
"""

from __future__ import annotations

from config import Catalog

TEXTS = Catalog(
    {
        # ---- frame ----
        "app_name": ("Antrian MPP", "MPP Queue"),
        "skip_to_content": ("Langsung ke isi", "Skip to content"),
        "nav_tools": ("Bahasa dan akun", "Language and account"),
        "nav_admin": ("Menu admin", "Admin menu"),
        "nav_counter": ("Menu loket", "Counter menu"),
        "logout": ("Keluar", "Log out"),
        "error_title": ("Tidak dapat dibuka", "Cannot be opened"),
        "back_home": ("Kembali ke halaman utama", "Back to the main page"),
        "page_not_found": ("Halaman tidak ditemukan", "Page not found"),
        "admin_only": (
            "Halaman ini hanya untuk admin. Masuk dengan akun admin bila Anda berwenang.",
            "This page is for admins only. Log in with an admin account if you may.",
        ),
        "csrf_refused": (
            "Permintaan ditolak karena tidak berasal dari halaman ini. Muat ulang halaman, lalu "
            "coba lagi.",
            "The request was refused because it did not come from this page. Reload the page "
            "and try again.",
        ),
        # ---- login ----
        "login_title": ("Masuk petugas", "Staff login"),
        "login_intro": (
            "Masuk dengan akun yang diberikan admin MPP.",
            "Log in with the account the MPP admin gave you.",
        ),
        "username": ("Nama pengguna", "Username"),
        "password": ("Kata sandi", "Password"),
        "login_button": ("Masuk", "Log in"),
        "login_fill_both": (
            "Isi nama pengguna dan kata sandi.",
            "Enter your username and password.",
        ),
        # ---- counter page ----
        "choose_counter": ("Pilih loket", "Choose a counter"),
        "no_counters_assigned": (
            "Anda belum ditugaskan di loket mana pun. Hubungi admin MPP.",
            "You are not assigned to any counter yet. Ask the MPP admin.",
        ),
        "counter_open": ("Buka", "Open"),
        "counter_paused": ("Istirahat", "On break"),
        "counter_closed": ("Tutup", "Closed"),
        "waiting_n": ("{n} menunggu", "{n} waiting"),
        "open_ticket": ("sedang {number}", "now {number}"),
        "other_counter": ("Ganti loket", "Change counter"),
        "connection_lost": (
            "Koneksi ke server terputus; mencoba lagi…",
            "Lost the connection to the server; retrying…",
        ),
        "action_failed": ("Perintah gagal; coba lagi.", "The action failed; try again."),
        "action_pending": ("Sedang diproses: {action}…", "In progress: {action}…"),
        "action_gave_up": (
            "Server belum menjawab “{action}”. Mungkin masih diproses: tunggu sampai layar "
            "diperbarui dan periksa nomornya sebelum mengulang.",
            "The server has not answered “{action}”. It may still be in progress: wait until "
            "the screen is updated and check the number before trying again.",
        ),
        "action_recovered": (
            "Server menjawab lagi; layar sudah diperbarui. Periksa nomornya sebelum mengulang "
            "“{action}”.",
            "The server answers again; the screen is up to date. Check the number before "
            "repeating “{action}”.",
        ),
        "server_away": (
            "Server tidak menjawab sejak {time}. Halaman mencoba terus; isi layar mungkin "
            "belum terbaru.",
            "The server has not answered since {time}. The page keeps trying; the screen may "
            "be out of date.",
        ),
        "server_back": (
            "Terhubung kembali ({time}). Layar sudah diperbarui.",
            "Connected again ({time}). The screen is up to date.",
        ),
        "actions": ("Tindakan", "Actions"),
        "shortcuts_hint": (
            "Pintasan papan ketik: tekan huruf yang tertera pada tombol.",
            "Keyboard shortcuts: press the letter shown on a button.",
        ),
        "act_call_next": ("Panggil berikutnya", "Call next"),
        "act_recall": ("Panggil ulang", "Recall"),
        "act_start": ("Mulai layani", "Start serving"),
        "act_finish": ("Selesai", "Finish"),
        "act_finish_next": ("Selesai & panggil berikutnya", "Finish & call next"),
        "act_no_show": ("Tidak hadir", "No-show"),
        "act_transfer": ("Alihkan layanan", "Transfer"),
        "act_call_number": ("Panggil nomor tertentu", "Call a number"),
        "act_pause": ("Istirahat", "Take a break"),
        "act_resume": ("Buka kembali", "Reopen"),
        "now_none": ("Belum ada tiket", "No ticket yet"),
        "now_called": ("Dipanggil", "Called"),
        "now_serving": ("Sedang dilayani", "Being served"),
        "taken_at": ("Diambil", "Taken"),
        "minutes_ago": ("{n} menit lalu", "{n} min ago"),
        "minutes_n": ("{n} menit", "{n} min"),
        "serving_since": ("Dilayani sejak", "Served since"),
        "calls_made": ("Dipanggil", "Calls"),
        "times_n": ("{n}×", "{n}×"),
        "hint_paused": (
            "Loket sedang istirahat. Tekan “Buka kembali” untuk melanjutkan.",
            "The counter is on a break. Press “Reopen” to continue.",
        ),
        "hint_call_next": (
            "Tekan “Panggil berikutnya” untuk memanggil antrean.",
            "Press “Call next” to call the next ticket.",
        ),
        "hint_queue_empty": ("Belum ada yang menunggu.", "Nobody is waiting yet."),
        "waiting_list": ("Daftar tunggu", "Waiting list"),
        "next_badge": ("Berikutnya", "Next"),
        "waited_minutes": ("menunggu {n} mnt", "waiting {n} min"),
        "call_short": ("Panggil", "Call"),
        "call_this": ("Panggil {number}", "Call {number}"),
        "and_more": ("dan {n} lainnya", "and {n} more"),
        "nobody_waiting": ("Tidak ada yang menunggu.", "Nobody is waiting."),
        "no_shows_today": ("Tidak hadir hari ini ({n})", "No-shows today ({n})"),
        "reactivate": ("Kembalikan ke antrean", "Put back in line"),
        "transfer_title": ("Alihkan ke layanan lain", "Transfer to another service"),
        "transfer_to": ("Layanan tujuan", "Target service"),
        "choose_service": ("— pilih layanan —", "— choose a service —"),
        "cancel": ("Batal", "Cancel"),
        "ticket_number": ("Nomor antrean", "Ticket number"),
        "ticket_number_hint": (
            "Misalnya A-012 atau A12; hanya nomor yang sedang menunggu di loket ini.",
            "For example A-012 or A12; only a number waiting at this counter.",
        ),
        "done_called": ("{number} dipanggil.", "{number} called."),
        "done_recalled": ("{number} dipanggil ulang.", "{number} called again."),
        "done_started": ("Melayani {number}.", "Serving {number}."),
        "done_finished": ("{number} selesai.", "{number} finished."),
        "done_finished_called": (
            "{finished} selesai; {number} dipanggil.",
            "{finished} finished; {number} called.",
        ),
        "done_finished_but": ("{number} selesai. {reason}.", "{number} finished. {reason}."),
        "done_no_show": ("{number} ditandai tidak hadir.", "{number} marked as no-show."),
        "done_transferred": (
            "{number} dialihkan ke {service}.",
            "{number} transferred to {service}.",
        ),
        "done_reactivated": ("{number} kembali ke antrean.", "{number} is back in line."),
        "done_paused": ("Loket istirahat.", "The counter is on a break."),
        "done_resumed": ("Loket buka kembali.", "The counter is open again."),
        "choose_service_first": ("Pilih layanan tujuan dulu.", "Choose a target service first."),
        "bad_ticket_number": (
            "“{value}” bukan nomor antrean; tulis misalnya A-012.",
            "“{value}” is not a ticket number; write e.g. A-012.",
        ),
        "number_not_in_line": (
            "{number} tidak ada dalam antrean loket ini.",
            "{number} is not waiting at this counter.",
        ),
        "priority_lansia": ("Lansia", "Elderly"),
        "priority_disabilitas": ("Disabilitas", "Disability"),
        "priority_ibu_hamil": ("Ibu hamil", "Pregnant"),
        "priority_other": ("Prioritas", "Priority"),
        # ---- tracking page ----
        "track_title": ("Pantau antrean", "Follow your ticket"),
        "your_number": ("Nomor antrean Anda", "Your number"),
        "track_waiting": ("Menunggu dipanggil", "Waiting to be called"),
        "track_people_ahead": ("orang di depan Anda", "people ahead of you"),
        "track_eta": (
            "Perkiraan dipanggil sekitar pukul {at} (± {n} menit lagi).",
            "Expected to be called around {at} (in about {n} minutes).",
        ),
        "track_eta_soon": (
            "Sebentar lagi Anda dipanggil: ada loket yang siap melayani.",
            "You will be called shortly: a counter is ready for you.",
        ),
        "track_no_counter_open": (
            "Belum ada loket yang buka untuk layanan ini, jadi waktu tunggu belum bisa "
            "diperkirakan. Nomor Anda tetap berlaku.",
            "No counter is open for this service yet, so the wait cannot be estimated. Your "
            "number stays valid.",
        ),
        "track_stay_near": (
            "Tetap berada di ruang tunggu agar tidak terlewat.",
            "Stay in the waiting hall so you do not miss your turn.",
        ),
        "track_called": ("Giliran Anda! Silakan menuju", "Your turn! Please go to"),
        "track_serving": ("Sedang dilayani di {counter}.", "Being served at {counter}."),
        "track_done": ("Selesai dilayani. Terima kasih.", "Served. Thank you."),
        "track_no_show": (
            "Nomor Anda sudah dipanggil tetapi Anda tidak hadir. Silakan ke meja informasi.",
            "Your number was called but you were not there. Please go to the information desk.",
        ),
        "track_cancelled": ("Tiket ini dibatalkan.", "This ticket was cancelled."),
        "track_expired": (
            "Tiket ini bukan tiket hari ini dan sudah tidak berlaku.",
            "This ticket is not from today and is no longer valid.",
        ),
        "track_not_found": (
            "Tiket tidak ditemukan. Periksa kembali tautan atau kode QR pada tiket Anda.",
            "Ticket not found. Check the link or the QR code on your ticket.",
        ),
        "track_updated": ("Diperbarui pukul {at}", "Updated at {at}"),
        "track_private": (
            "Halaman ini hanya menampilkan tiket Anda dan diperbarui otomatis.",
            "This page shows only your ticket and updates by itself.",
        ),
        # ---- admin frame ----
        "admin_title": ("Admin MPP", "MPP admin"),
        "section_home": ("Beranda", "Overview"),
        "section_agencies": ("Instansi", "Agencies"),
        "section_services": ("Layanan", "Services"),
        "section_counters": ("Loket", "Counters"),
        "section_users": ("Pengguna", "Users"),
        "section_devices": ("Perangkat", "Devices"),
        "section_settings": ("Pengaturan", "Settings"),
        "section_reports": ("Laporan", "Reports"),
        "section_dashboard": ("Dasbor hari ini", "Today"),
        "section_counter_page": ("Halaman loket", "Counter page"),
        "about_agencies": ("Instansi yang membuka layanan", "Agencies that offer services"),
        "about_services": (
            "Huruf, kuota, jam buka, hari Jumat",
            "Letter, quota, opening hours, Friday",
        ),
        "about_counters": ("Loket dan layanannya", "Counters and their services"),
        "about_users": ("Petugas, admin, dan loketnya", "Staff, admins and their counters"),
        "about_devices": (
            "Kios dan layar: token, terakhir terlihat, printer",
            "Kiosks and displays: tokens, last seen, printers",
        ),
        "about_settings": (
            "Teks berjalan, aturan prioritas dan tidak hadir",
            "Marquee, priority and no-show rules",
        ),
        "about_reports": (
            "Per hari atau rentang tanggal, unduh CSV",
            "Per day or date range, CSV download",
        ),
        "about_dashboard": ("Keadaan aula saat ini", "The hall right now"),
        "notice_saved": ("Perubahan disimpan.", "Changes saved."),
        "notice_created": ("Data baru ditambahkan.", "Added."),
        "notice_deleted": ("Data dihapus.", "Deleted."),
        "notice_settings_saved": (
            "Pengaturan disimpan; layar aula memakainya segera.",
            "Settings saved; the hall displays use them at once.",
        ),
        "form_has_errors": (
            "Ada isian yang perlu diperbaiki; lihat keterangan merah di bawah.",
            "Some fields need fixing; see the red notes below.",
        ),
        "edit": ("Ubah", "Edit"),
        "delete": ("Hapus", "Delete"),
        "save": ("Simpan", "Save"),
        "add": ("Tambah", "Add"),
        "register": ("Daftarkan", "Register"),
        "confirm_delete": ("Hapus {what}?", "Delete {what}?"),
        "active": ("Aktif", "Active"),
        "inactive": ("Nonaktif", "Inactive"),
        # ---- field problems (by field name of the API's models) ----
        "invalid_value": ("Isian ini tidak valid.", "This value is not valid."),
        "invalid_name": (
            "Isi nama (1 sampai 120 karakter).",
            "Enter a name (1 to 120 characters).",
        ),
        "invalid_short_name": (
            "Nama singkat paling banyak 40 karakter.",
            "The short name has at most 40 characters.",
        ),
        "invalid_code": (
            "Kode berupa satu atau dua huruf kapital, misalnya A atau BT.",
            "The code is one or two capital letters, e.g. A or BT.",
        ),
        "invalid_agency": ("Pilih instansi.", "Choose an agency."),
        "invalid_daily_quota": (
            "Kuota berupa angka 1 sampai 9999, atau kosongkan bila tanpa kuota.",
            "The quota is a number from 1 to 9999, or empty for no quota.",
        ),
        "invalid_services": (
            "Pilih paling banyak 100 layanan.",
            "Choose at most 100 services.",
        ),
        "invalid_username": (
            "3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
            "3–40 characters: lowercase letters, digits, dot, underscore or hyphen.",
        ),
        "invalid_password": (
            "Kata sandi minimal 8 karakter.",
            "The password needs at least 8 characters.",
        ),
        "invalid_role": ("Pilih peran petugas atau admin.", "Choose operator or admin."),
        "invalid_counters": ("Pilihan loket tidak valid.", "The counter choice is not valid."),
        "invalid_kind": ("Pilih kios atau layar.", "Choose kiosk or display."),
        "invalid_marquee": (
            "Teks berjalan paling banyak 500 karakter.",
            "The marquee has at most 500 characters.",
        ),
        "invalid_priority_streak_limit": (
            "Isi angka 1 sampai 100.",
            "Enter a number from 1 to 100.",
        ),
        "invalid_no_show_after_calls": (
            "Isi angka 1 sampai 20.",
            "Enter a number from 1 to 20.",
        ),
        "invalid_cutoff_minutes": (
            "Isi angka 0 sampai 240.",
            "Enter a number from 0 to 240.",
        ),
        "invalid_holidays": (
            "Paling banyak 366 tanggal.",
            "At most 366 dates.",
        ),
        "invalid_holiday_line": (
            "Baris {n} bukan tanggal berformat TTTT-BB-HH: “{text}”.",
            "Line {n} is not a date in the form YYYY-MM-DD: “{text}”.",
        ),
        "invalid_hours_pair": (
            "Isi jam buka dan jam tutup, atau kosongkan keduanya bila tutup.",
            "Enter both opening and closing time, or leave both empty when closed.",
        ),
        "invalid_hours_order": (
            "Jam tutup harus setelah jam buka.",
            "The closing time must be after the opening time.",
        ),
        "invalid_hours_none": (
            "Isi jam buka minimal satu hari, atau centang “Buka setiap saat”.",
            "Enter opening hours for at least one day, or tick “Always open”.",
        ),
        # ---- agencies ----
        "agency": ("Instansi", "Agency"),
        "agency_name": ("Nama instansi", "Agency name"),
        "agency_short": ("Nama singkat", "Short name"),
        "agency_short_hint": (
            "Tampil di tombol kios, misalnya Dukcapil.",
            "Shown on the kiosk buttons, e.g. Dukcapil.",
        ),
        "add_agency": ("Tambah instansi", "Add an agency"),
        "edit_agency": ("Ubah instansi", "Edit agency"),
        # ---- services ----
        "add_service": ("Tambah layanan", "Add a service"),
        "edit_service": ("Ubah layanan {code}", "Edit service {code}"),
        "service_code": ("Kode", "Code"),
        "service_code_hint": (
            "Huruf awalan nomor antrean (A → A-001); tidak bisa diubah nanti.",
            "Letter prefix of the ticket numbers (A → A-001); cannot be changed later.",
        ),
        "service_name": ("Nama layanan", "Service name"),
        "choose_agency": ("— pilih instansi —", "— choose an agency —"),
        "daily_quota": ("Kuota harian", "Daily quota"),
        "daily_quota_hint": (
            "Jumlah tiket per hari; kosongkan bila tanpa batas.",
            "Tickets per day; leave empty for no limit.",
        ),
        "quota_left": ("sisa {n} hari ini", "{n} left today"),
        "no_quota": ("tanpa batas", "no limit"),
        "service_enabled": (
            "Layanan aktif (tampil di kios)",
            "Service enabled (shown on the kiosk)",
        ),
        "hours": ("Jam buka", "Opening hours"),
        "hours_per_day": ("Jam buka per hari", "Opening hours per day"),
        "always_open_label": (
            "Buka setiap saat (tanpa jam buka)",
            "Always open (no opening hours)",
        ),
        "always_open": ("setiap saat", "always"),
        "hours_hint": (
            "Kosongkan jam pada hari layanan tutup. Jumat biasanya lebih pendek.",
            "Leave a day empty when the service is closed. Friday is usually shorter.",
        ),
        "day": ("Hari", "Day"),
        "opens": ("Buka", "Opens"),
        "closes": ("Tutup", "Closes"),
        "friday_note": ("(biasanya lebih pendek)", "(usually shorter)"),
        "day_mon": ("Senin", "Monday"),
        "day_tue": ("Selasa", "Tuesday"),
        "day_wed": ("Rabu", "Wednesday"),
        "day_thu": ("Kamis", "Thursday"),
        "day_fri": ("Jumat", "Friday"),
        "day_sat": ("Sabtu", "Saturday"),
        "day_sun": ("Minggu", "Sunday"),
        "day_short_mon": ("Sen", "Mon"),
        "day_short_tue": ("Sel", "Tue"),
        "day_short_wed": ("Rab", "Wed"),
        "day_short_thu": ("Kam", "Thu"),
        "day_short_fri": ("Jum", "Fri"),
        "day_short_sat": ("Sab", "Sat"),
        "day_short_sun": ("Min", "Sun"),
        "now_label": ("Saat ini", "Now"),
        "service_open": ("Buka", "Open"),
        "site_rules": ("Aturan seluruh MPP", "Rules for the whole MPP"),
        "cutoff": ("Batas ambil tiket", "Ticket cutoff"),
        "cutoff_value": ("{n} menit sebelum tutup", "{n} minutes before closing"),
        "holidays": ("Hari libur", "Holidays"),
        "site_config": ("Dari berkas konfigurasi", "From the config file"),
        "site_config_note": (
            "Diatur oleh teknisi di server.toml dan dibaca saat server dimulai.",
            "Set by the technician in server.toml and read when the server starts.",
        ),
        "edit_site_rules": (
            "Ubah hari libur dan batas ambil tiket",
            "Change the holidays and the ticket cutoff",
        ),
        "holidays_cutoff_note": (
            "Pada hari libur semua layanan tutup; tiket baru berhenti {n} menit sebelum tutup.",
            "On holidays every service is closed; new tickets stop {n} minutes before closing.",
        ),
        # ---- counters ----
        "add_counter": ("Tambah loket", "Add a counter"),
        "edit_counter": ("Ubah {name}", "Edit {name}"),
        "counter_name": ("Nama loket", "Counter name"),
        "counter_name_hint": (
            "Seperti yang diucapkan suara panggilan, misalnya Loket 23.",
            "As the announcement says it, e.g. Loket 23.",
        ),
        "counter_services": ("Layanan yang dipanggil di loket ini", "Services called here"),
        # ---- users ----
        "add_user": ("Tambah pengguna", "Add a user"),
        "edit_user": ("Ubah pengguna {name}", "Edit user {name}"),
        "username_hint": (
            "Huruf kecil, angka, titik atau garis bawah; 3–40 karakter.",
            "Lowercase letters, digits, dot or underscore; 3–40 characters.",
        ),
        "password_hint": ("Minimal 8 karakter.", "At least 8 characters."),
        "new_password": ("Kata sandi baru", "New password"),
        "new_password_hint": (
            "Kosongkan bila tidak diganti. Mengganti kata sandi mengeluarkan pengguna dari "
            "semua perangkat.",
            "Leave empty to keep it. A new password logs the user out everywhere.",
        ),
        "role": ("Peran", "Role"),
        "role_operator": ("Petugas loket", "Counter staff"),
        "role_admin": ("Admin", "Admin"),
        "user_counters": ("Loket yang boleh dibuka", "Counters they may open"),
        "all_counters": ("semua loket", "all counters"),
        "user_active": ("Akun aktif (boleh masuk)", "Account active (may log in)"),
        "self_role_hint": (
            "Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri.",
            "You cannot change your own role or deactivate yourself.",
        ),
        "cannot_delete_self": (
            "Anda tidak dapat menghapus akun Anda sendiri.",
            "You cannot delete your own account.",
        ),
        # ---- devices ----
        "add_device": ("Daftarkan perangkat", "Register a device"),
        "device_name": ("Nama perangkat", "Device name"),
        "device_name_hint": (
            "Huruf, angka, titik, garis bawah atau tanda hubung, misalnya kiosk-3.",
            "Letters, digits, dot, underscore or hyphen, e.g. kiosk-3.",
        ),
        "device_kind": ("Jenis", "Kind"),
        "kind_kiosk": ("Kios tiket", "Ticket kiosk"),
        "kind_display": ("Layar aula", "Hall display"),
        "last_seen": ("Terakhir terlihat", "Last seen"),
        "never": ("belum pernah", "never"),
        "just_now": ("baru saja", "just now"),
        "device_ok": ("Baik", "Fine"),
        "device_never_seen": ("Belum pernah terhubung", "Never connected"),
        "device_offline": ("Tidak terhubung", "Offline"),
        "printer_offline": ("Printer mati atau terputus", "Printer off or disconnected"),
        "printer_paper_out": ("Kertas printer habis", "Printer out of paper"),
        "printer_paper_low": ("Kertas printer hampir habis", "Printer paper low"),
        "printer_unknown": ("Keadaan printer tidak diketahui", "Printer state unknown"),
        "audio_problem": ("Suara panggilan bermasalah", "Announcement audio problem"),
        "printer": ("Printer", "Printer"),
        "printer_state_ok": ("baik", "fine"),
        "printer_state_paper_low": ("kertas hampir habis", "paper low"),
        "printer_state_paper_out": ("kertas habis", "out of paper"),
        "printer_state_offline": ("terputus", "offline"),
        "printer_state_unknown": ("tidak diketahui", "unknown"),
        "audio": ("Suara", "Audio"),
        "new_token": ("Token baru", "New token"),
        "confirm_new_token": (
            "Buat token baru untuk {name}? Token lama langsung tidak berlaku.",
            "Make a new token for {name}? The old one stops working at once.",
        ),
        "deactivate": ("Nonaktifkan", "Deactivate"),
        "activate": ("Aktifkan", "Activate"),
        "token_for": ("Token untuk {name}", "Token for {name}"),
        "token_once": (
            "Salin token ini sekarang: token hanya ditampilkan sekali dan tidak disimpan di "
            "server.",
            "Copy this token now: it is shown only once and the server does not keep it.",
        ),
        "token_where": (
            "Tulis di berkas pengaturan perangkat ({kind}.toml), bagian [server], kunci token.",
            "Put it in the device's settings file ({kind}.toml), [server] table, key token.",
        ),
        "device_problems": ("Perangkat yang perlu diperiksa", "Devices that need a look"),
        "devices_all_fine": (
            "Semua kios dan layar terhubung dan printer baik.",
            "Every kiosk and display is connected and the printers are fine.",
        ),
        "see_devices": ("Lihat semua perangkat", "See all devices"),
        # ---- settings ----
        "marquee": ("Teks berjalan di layar aula", "Marquee on the hall display"),
        "marquee_hint": ("Paling banyak 500 karakter.", "At most 500 characters."),
        "priority_rule": ("Aturan prioritas", "Priority rule"),
        "priority_rule_hint": (
            "Setelah sekian panggilan prioritas berturut-turut, tiket biasa terlama dipanggil.",
            "After this many priority calls in a row, the oldest normal ticket is called.",
        ),
        "no_show_rule": ("Aturan tidak hadir", "No-show rule"),
        "no_show_rule_hint": (
            "Tiket boleh ditandai tidak hadir setelah dipanggil sekian kali.",
            "A ticket may be marked no-show after this many calls.",
        ),
        "cutoff_hint": (
            "Menit sebelum jam tutup, 0 sampai 240; 0 = tiket diambil sampai tutup. "
            "Berlaku untuk setiap layanan yang punya jam buka.",
            "Minutes before closing, 0 to 240; 0 = tickets until closing. "
            "Applies to every service with opening hours.",
        ),
        "holidays_hint": (
            "Satu tanggal per baris, TTTT-BB-HH (mis. 2026-12-25). Semua layanan tutup pada "
            "tanggal ini, mulai saat disimpan; tanggal ganda digabung.",
            "One date per line, YYYY-MM-DD (e.g. 2026-12-25). Every service is closed on these "
            "dates, from the moment they are saved; repeated dates are merged.",
        ),
        "site_name": ("Nama MPP", "MPP name"),
        "public_url": ("Alamat untuk kode QR", "Address used in QR codes"),
        "session_length": ("Lama sesi masuk", "Session length"),
        "hours_n": ("{n} jam", "{n} hours"),
        # ---- reports ----
        "report_title": ("Laporan layanan", "Service report"),
        "report_from": ("Dari tanggal", "From"),
        "report_to": ("Sampai tanggal", "To"),
        "report_show": ("Tampilkan", "Show"),
        "preset_today": ("Hari ini", "Today"),
        "preset_yesterday": ("Kemarin", "Yesterday"),
        "preset_7_days": ("7 hari terakhir", "Last 7 days"),
        "preset_month": ("Bulan ini", "This month"),
        "report_bad_date": (
            "Tanggal tidak valid; ditampilkan laporan hari ini.",
            "Not a valid date; showing today's report.",
        ),
        "report_end_before_start": (
            "Tanggal akhir sebelum tanggal awal; ditampilkan laporan hari ini.",
            "The end date is before the start date; showing today's report.",
        ),
        "report_too_long": (
            "Rentang paling panjang {days} hari; ditampilkan laporan hari ini.",
            "A range covers at most {days} days; showing today's report.",
        ),
        "report_for_day": ("Laporan tanggal {day}", "Report for {day}"),
        "report_for_range": ("Laporan {first} sampai {last}", "Report from {first} to {last}"),
        "download_csv": ("Unduh CSV", "Download CSV"),
        "report_totals": ("Jumlah seluruh MPP", "Totals of the whole MPP"),
        "today_totals": ("Jumlah hari ini", "Today's totals"),
        "col_issued": ("Tiket diambil", "Issued"),
        "col_served": ("Dilayani", "Served"),
        "col_no_show": ("Tidak hadir", "No-show"),
        "col_cancelled": ("Dibatalkan", "Cancelled"),
        "col_not_served": ("Belum selesai", "Not finished"),
        "col_transferred_in": ("Masuk dari layanan lain", "Transferred in"),
        "col_transferred_out": ("Dialihkan ke layanan lain", "Transferred out"),
        "col_transferred_in_hint": (
            "Tiket bernomor layanan lain yang dialihkan ke layanan ini",
            "Tickets numbered by another service and transferred to this one",
        ),
        "col_transferred_out_hint": (
            "Tiket yang dialihkan dari layanan ini ke layanan lain",
            "Tickets transferred from this service to another one",
        ),
        "col_wait_avg": ("Rata-rata tunggu (mnt)", "Avg wait (min)"),
        "col_wait_p90": ("Tunggu p90 (mnt)", "Wait p90 (min)"),
        "col_service_avg": ("Rata-rata layan (mnt)", "Avg service (min)"),
        "col_service_p90": ("Layan p90 (mnt)", "Service p90 (min)"),
        "col_service": ("Layanan", "Service"),
        "col_counter": ("Loket", "Counter"),
        "col_status": ("Status", "Status"),
        "col_serving": ("Nomor sekarang", "Now serving"),
        "col_waiting": ("Menunggu", "Waiting"),
        "col_day": ("Tanggal", "Date"),
        "busiest_hours": ("Jam tersibuk", "Busiest hours"),
        "busiest_are": ("Paling ramai:", "Busiest:"),
        "chart_hours_label": (
            "Diagram batang: tiket diambil per jam",
            "Bar chart: tickets issued per hour",
        ),
        "wait_per_service": ("Waktu tunggu per layanan", "Waiting time per service"),
        "chart_wait_label": (
            "Diagram batang: rata-rata dan p90 waktu tunggu per layanan, dalam menit",
            "Bar chart: average and p90 waiting time per service, in minutes",
        ),
        "no_tickets": ("Belum ada tiket pada periode ini.", "No tickets in this period."),
        "per_service": ("Per instansi dan layanan", "Per agency and service"),
        "subtotal": ("Jumlah instansi", "Agency total"),
        "total_mpp": ("Seluruh MPP", "Whole MPP"),
        "report_adds_up_note": (
            "Setiap baris: tiket diambil + masuk dari layanan lain = dilayani + tidak hadir + "
            "dibatalkan + belum selesai + dialihkan ke layanan lain. Tiket yang dialihkan "
            "dihitung diambil satu kali, di layanan yang memberi nomornya, dan dilayani satu "
            "kali, di layanan tempat ia selesai. Jumlah instansi hanya menghitung pengalihan "
            "dari atau ke instansi lain.",
            "Each row: issued + transferred in = served + no-show + cancelled + not finished + "
            "transferred out. A transferred ticket is issued once, by the service that gave its "
            "number, and served once, by the service where it ended. An agency total counts "
            "only transfers from or to another agency.",
        ),
        "report_minutes_note": (
            "Waktu tunggu: dari ambil tiket sampai pertama dipanggil. Waktu layan: dari mulai "
            "sampai selesai. p90: 90% warga menunggu paling lama sekian menit.",
            "Waiting: from taking the ticket to the first call. Service: from start to finish. "
            "p90: 90% of citizens waited at most this many minutes.",
        ),
        "per_day": ("Per hari", "Per day"),
        "dashboard_title": ("Dasbor hari ini", "Today's dashboard"),
        "counters_now": ("Loket saat ini", "Counters now"),
        "waiting_now": ("Antrean per layanan", "Queue per service"),
    }
)

KEYS = frozenset(TEXTS.keys())

PRIORITY_KEYS = {
    "lansia": "priority_lansia",
    "disabilitas": "priority_disabilitas",
    "ibu_hamil": "priority_ibu_hamil",
}
