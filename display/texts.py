"""Every text the board shows (Bahasa Indonesia; translations in locale/)."""

from pathlib import Path

from config import N_, Catalog

TEXTS = Catalog(
    "display",
    Path(__file__).with_name("locale"),
    [
        N_("window_title", "Antrian MPP — Layar Panggilan"),
        N_("now_calling", "NOMOR ANTREAN"),
        N_("go_to", "SILAKAN MENUJU"),
        N_("recall_badge", "PANGGILAN ULANG"),
        N_("no_call_yet", "Belum ada panggilan"),
        N_("counters_title", "LOKET"),
        N_("recent_title", "PANGGILAN SEBELUMNYA"),
        N_("waiting_title", "MENUNGGU PER LAYANAN"),
        N_("waiting_count", "{count} menunggu"),
        N_("counter_idle", "—"),
        N_("counter_paused", "Istirahat"),
        N_("counter_closed", "Tutup"),
        N_(
            "disconnected",
            "Terputus dari server sejak {time}\nNomor yang tampil mungkin belum terbaru",
        ),
        N_("connecting", "Menghubungkan ke server…"),
        N_("audio_missing", "Suara tidak tersedia"),
        N_("speech_missing", "Suara pengumuman tidak tersedia"),
        N_(
            "not_authorized",
            "Perangkat belum terdaftar. Teknisi: buat kode di halaman admin (Perangkat → "
            "Tambah perangkat), lalu jalankan sudo antrian setup display di layar ini.",
        ),
        N_("pending_calls", "{count} panggilan menunggu diumumkan"),
    ],
)
