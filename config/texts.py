"""Every sentence a settings error says: Bahasa Indonesia first, English second.

The loader (`config.loader`) words each fault as "<key>: <what is wrong>"; the kinds of fault
pydantic finds (missing key, wrong type, out of range, ...) and the ones our own checks find
(`ConfigProblem`) all have their text here, so no raw pydantic English reaches a technician.
"""

from __future__ import annotations

from config.i18n import Catalog

TEXTS = Catalog(
    {
        # The frame of a message
        "given": ("tertulis: {value}", "given: {value}"),
        "or": ("atau", "or"),
        "top_level": ("(tingkat atas)", "(top level)"),
        # The file itself
        "file_not_found": ("berkas tidak ditemukan", "file not found"),
        "file_unreadable": (
            "berkas tidak bisa dibaca (izin ditolak): sudo chown root:antrian {path} && sudo "
            "chmod 640 {path}",
            "file cannot be read (permission denied): sudo chown root:antrian {path} && sudo "
            "chmod 640 {path}",
        ),
        "file_not_text": (
            "berkas tidak bisa dibaca: {error}",
            "file cannot be read: {error}",
        ),
        "not_toml": (
            "bukan TOML yang sah di baris {line}, kolom {column} (periksa tanda kutip, kurung "
            "[ ] dan tanda = di sana; pesan pembaca TOML: {error})",
            "not valid TOML at line {line}, column {column} (check the quotes, the [ ] brackets "
            "and the = there; the TOML reader says: {error})",
        ),
        "not_toml_somewhere": (
            "bukan TOML yang sah (pesan pembaca TOML: {error})",
            "not valid TOML (the TOML reader says: {error})",
        ),
        # Kinds of fault pydantic finds
        "missing": ("kunci wajib belum ada", "required key is missing"),
        "unknown_key": ("kunci tidak dikenal (salah ketik?)", "unknown key (typo?)"),
        "want_text": ('harus berupa teks dalam tanda kutip, mis. "..."', "must be text in quotes"),
        "want_integer": ("harus bilangan bulat, mis. 30", "must be a whole number, e.g. 30"),
        "want_number": ("harus berupa angka, mis. 2.5", "must be a number, e.g. 2.5"),
        "want_bool": (
            "harus true atau false (tanpa tanda kutip)",
            "must be true or false (without quotes)",
        ),
        "want_list": ('harus berupa daftar, mis. ["a", "b"]', 'must be a list, e.g. ["a", "b"]'),
        "want_table": ("harus berupa tabel", "must be a table"),
        "want_date": ("harus tanggal seperti 2026-12-25", "must be a date such as 2026-12-25"),
        "want_datetime": (
            "harus tanggal dan jam seperti 2026-12-25T09:00",
            "must be a date and time such as 2026-12-25T09:00",
        ),
        "gt": ("harus lebih dari {limit}", "must be more than {limit}"),
        "ge": ("paling kecil {limit}", "must be at least {limit}"),
        "lt": ("harus kurang dari {limit}", "must be less than {limit}"),
        "le": ("paling besar {limit}", "must be at most {limit}"),
        "not_empty": ("tidak boleh kosong", "must not be empty"),
        "min_chars": ("paling sedikit {count} karakter", "must have at least {count} characters"),
        "max_chars": ("paling banyak {count} karakter", "must have at most {count} characters"),
        "min_items": ("paling sedikit {count} isi", "must have at least {count} item(s)"),
        "max_items": ("paling banyak {count} isi", "must have at most {count} item(s)"),
        "pattern": (
            "bentuknya salah (harus cocok dengan pola {pattern})",
            "has the wrong form (must match the pattern {pattern})",
        ),
        "one_of": ("harus salah satu dari {expected}", "must be one of {expected}"),
        "invalid": ("nilai tidak sah", "invalid value"),
        "invalid_because": ("nilai tidak sah: {error}", "invalid value: {error}"),
        # Our own checks (ConfigProblem)
        "http_url": (
            "harus diawali http:// atau https://, mis. http://192.168.10.2:8000",
            "must start with http:// or https://, e.g. http://192.168.10.2:8000",
        ),
        "logo_missing": ("berkas logo {path} tidak ditemukan", "logo file {path} not found"),
        "usb_id": (
            "harus angka seperti 0x04b8 (lihat `lsusb`)",
            "must be a number such as 0x04b8 (see `lsusb`)",
        ),
        "unknown_profile": (
            "profil python-escpos tidak dikenal; coba 'default', 'TM-T20II' atau 'POS-5890' "
            "(lihat docs/printers.md)",
            "unknown python-escpos profile; try 'default', 'TM-T20II' or 'POS-5890' "
            "(see docs/printers.md)",
        ),
        "key_required": (
            "wajib ada untuk printer {type}",
            "is required for a {type} printer",
        ),
        "key_not_for_type": (
            "tidak berlaku untuk printer {type} (hapus, atau ganti type)",
            "does not apply to a {type} printer (remove it, or change type)",
        ),
        "code_page_not_in_profile": (
            "{code_page} tidak ada di profil {profile}; yang ada: {pages}",
            "{code_page} is not in profile {profile}; it has: {pages}",
        ),
        "unknown_timezone": (
            "zona waktu {value} tidak dikenal (mis. 'Asia/Jakarta', 'Asia/Makassar')",
            "unknown time zone {value} (e.g. 'Asia/Jakarta', 'Asia/Makassar')",
        ),
        "service_code": (
            "harus satu atau dua huruf kapital, mis. 'A'",
            "must be one or two capital letters, e.g. 'A'",
        ),
        "span_form": (
            "{text} bukan rentang jam seperti '08:00-15:00'",
            "{text} is not a span like '08:00-15:00'",
        ),
        "span_24": ("{text}: 24:xx bukan jam", "{text}: 24:xx is not a time"),
        "span_order": (
            "{text}: jam tutup harus sesudah jam buka",
            "{text}: closing time must be after opening time",
        ),
        "appears_twice": ("{value} muncul dua kali", "{value} appears twice"),
        "no_schedule": (
            "tidak ada jadwal bernama {name} di [schedules]",
            "no schedule named {name} in [schedules]",
        ),
        "unknown_service": (
            "layanan {code} tidak ada di [[services]]",
            "service {code} is not in [[services]]",
        ),
        "unknown_counter": (
            "loket {name} tidak ada di [[counters]]",
            "counter {name} is not in [[counters]]",
        ),
        "must_contain": ("harus memuat {name}", "must contain {name}"),
        "only_placeholders": (
            "hanya {names} yang boleh di dalam kurung kurawal",
            "only {names} may appear in braces",
        ),
    }
)
