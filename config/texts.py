"""Every sentence a settings error says, and the words for when a service opens again.

The loader (`config.loader`) words each fault as "<key>: <what is wrong>"; the kinds of fault
pydantic finds (missing key, wrong type, out of range, ...) and the ones our own checks find
(`ConfigProblem`) all have their text here, so no raw pydantic English reaches a technician.
"""

from __future__ import annotations

from pathlib import Path

from config.i18n import N_, Catalog

TEXTS = Catalog(
    "config",
    Path(__file__).with_name("locale"),
    [
        # The frame of a message
        N_("given", "tertulis: {value}"),
        N_("or", "atau"),
        N_("top_level", "(tingkat atas)"),
        # The file itself
        N_("file_not_found", "berkas tidak ditemukan"),
        N_(
            "file_unreadable",
            "berkas tidak bisa dibaca (izin ditolak): sudo chown root:antrian {path} && sudo "
            "chmod 640 {path}",
        ),
        N_("file_not_text", "berkas tidak bisa dibaca: {error}"),
        N_(
            "not_toml",
            "bukan TOML yang sah di baris {line}, kolom {column} (periksa tanda kutip, kurung "
            "[ ] dan tanda = di sana; pesan pembaca TOML: {error})",
        ),
        N_("not_toml_somewhere", "bukan TOML yang sah (pesan pembaca TOML: {error})"),
        # Kinds of fault pydantic finds
        N_("missing", "kunci wajib belum ada"),
        N_("unknown_key", "kunci tidak dikenal (salah ketik?)"),
        N_("want_text", 'harus berupa teks dalam tanda kutip, mis. "..."'),
        N_("want_integer", "harus bilangan bulat, mis. 30"),
        N_("want_number", "harus berupa angka, mis. 2.5"),
        N_("want_bool", "harus true atau false (tanpa tanda kutip)"),
        N_("want_list", 'harus berupa daftar, mis. ["a", "b"]'),
        N_("want_table", "harus berupa tabel"),
        N_("want_date", "harus tanggal seperti 2026-12-25"),
        N_("want_datetime", "harus tanggal dan jam seperti 2026-12-25T09:00"),
        N_("gt", "harus lebih dari {limit}"),
        N_("ge", "paling kecil {limit}"),
        N_("lt", "harus kurang dari {limit}"),
        N_("le", "paling besar {limit}"),
        N_("not_empty", "tidak boleh kosong"),
        N_("min_chars", "paling sedikit {count} karakter"),
        N_("max_chars", "paling banyak {count} karakter"),
        N_("min_items", "paling sedikit {count} isi"),
        N_("max_items", "paling banyak {count} isi"),
        N_("pattern", "bentuknya salah (harus cocok dengan pola {pattern})"),
        N_("one_of", "harus salah satu dari {expected}"),
        N_("invalid", "nilai tidak sah"),
        N_("invalid_because", "nilai tidak sah: {error}"),
        # Our own checks (ConfigProblem)
        N_("http_url", "harus diawali http:// atau https://, mis. http://192.168.10.2:8000"),
        N_("logo_missing", "berkas logo {path} tidak ditemukan"),
        N_("usb_id", "harus angka seperti 0x04b8 (lihat `lsusb`)"),
        N_(
            "unknown_profile",
            "profil python-escpos tidak dikenal; coba 'default', 'TM-T20II' atau 'POS-5890' "
            "(lihat docs/printers.md)",
        ),
        N_("key_required", "wajib ada untuk printer {type}"),
        N_("key_not_for_type", "tidak berlaku untuk printer {type} (hapus, atau ganti type)"),
        N_(
            "code_page_not_in_profile",
            "{code_page} tidak ada di profil {profile}; yang ada: {pages}",
        ),
        N_(
            "unknown_timezone",
            "zona waktu {value} tidak dikenal (mis. 'Asia/Jakarta', 'Asia/Makassar')",
        ),
        N_("service_code", "harus satu atau dua huruf kapital, mis. 'A'"),
        N_("span_form", "{text} bukan rentang jam seperti '08:00-15:00'"),
        N_("span_24", "{text}: 24:xx bukan jam"),
        N_("span_order", "{text}: jam tutup harus sesudah jam buka"),
        N_("appears_twice", "{value} muncul dua kali"),
        N_("url_and_urls", "tulis url (satu server) atau urls (beberapa server), jangan keduanya"),
        N_("url_missing", "wajib ada: url (satu server) atau urls (beberapa server)"),
        N_(
            "urls_empty",
            "daftar kosong: tulis paling sedikit satu alamat, mis. "
            'urls = ["http://192.168.10.2:8000", "http://192.168.10.3:8000"]',
        ),
        N_("no_schedule", "tidak ada jadwal bernama {name} di [schedules]"),
        N_("unknown_service", "layanan {code} tidak ada di [[services]] lokasi ini"),
        N_("unknown_counter", "loket {name} tidak ada di [[counters]] lokasi ini"),
        N_("unknown_site", "lokasi {code} tidak ada: tulis kodenya di [site] atau [[sites]]"),
        N_("must_contain", "harus memuat {name}"),
        N_("only_placeholders", "hanya {names} yang boleh di dalam kurung kurawal"),
        # When a closed service opens again (config.hours): the server's sentence, then the
        # kiosk card's brief form
        N_("opens_today", "hari ini pukul {time}"),
        N_("opens_tomorrow", "besok pukul {time}"),
        N_("opens_weekday", "{day} pukul {time}"),
        N_("opens_today_brief", "{time}"),
        N_("opens_tomorrow_brief", "besok {time}"),
        N_("opens_weekday_brief", "{day} {time}"),
    ],
)
