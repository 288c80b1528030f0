"""Every text the board shows, in Bahasa Indonesia first and English second."""

from config import Catalog

TEXTS = Catalog(
    {
        "window_title": ("Antrian MPP — Layar Panggilan", "Antrian MPP — Call Board"),
        "now_calling": ("NOMOR ANTREAN", "NOW CALLING"),
        "go_to": ("SILAKAN MENUJU", "PLEASE GO TO"),
        "recall_badge": ("PANGGILAN ULANG", "CALLED AGAIN"),
        "no_call_yet": ("Belum ada panggilan", "No calls yet"),
        "counters_title": ("LOKET", "COUNTERS"),
        "recent_title": ("PANGGILAN SEBELUMNYA", "EARLIER CALLS"),
        "waiting_title": ("MENUNGGU PER LAYANAN", "WAITING PER SERVICE"),
        "waiting_count": ("{count} menunggu", "{count} waiting"),
        "counter_idle": ("—", "—"),
        "counter_paused": ("Istirahat", "On break"),
        "counter_closed": ("Tutup", "Closed"),
        "disconnected": (
            "Terputus dari server sejak {time}\nNomor yang tampil mungkin belum terbaru",
            "Disconnected from the server since {time}\nThe numbers shown may not be the latest",
        ),
        "connecting": ("Menghubungkan ke server…", "Connecting to the server…"),
        "audio_missing": ("Suara tidak tersedia", "Sound unavailable"),
        "speech_missing": (
            "Suara pengumuman tidak tersedia",
            "Announcement voice unavailable",
        ),
        "not_authorized": (
            "Token layar ditolak server — periksa display.toml",
            "The server refused this display's token — check display.toml",
        ),
        "pending_calls": (
            "{count} panggilan menunggu diumumkan",
            "{count} calls waiting to be announced",
        ),
    }
)
