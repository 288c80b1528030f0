"""Screenshots of adding a device: the admin Devices page with a fresh pairing code (and the
devices' versions and last doctor results), and `antrian setup kiosk` in a terminal.

The terminal is real: `antrian setup kiosk` runs in tmux (a real terminal, so it asks its
questions), the answers are typed with send-keys, and the screen is captured and drawn into
a PNG with DejaVu Sans Mono. It pairs against a real server with a code made on the page.

Run: .venv/bin/python docs/screenshots/devices_screenshots.py   (needs chromium, tmux)
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import requests  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from config.version import version  # noqa: E402
from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.support.live_server import ADMIN, LiveServer  # noqa: E402
from tests.support.printer_peers import TcpPrinterPeer  # noqa: E402

log = logging.getLogger("devices_screenshots")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
COLUMNS, ROWS = 118, 42
WAIT_SECONDS = 60


def doctor(at: str, *failed: tuple[str, str, str]) -> dict:
    checks = [
        {"key": "config", "label": "Berkas konfigurasi", "status": "ok", "detail": "valid"},
        {"key": "server", "label": "Server menjawab", "status": "ok", "detail": "4 ms"},
        {"key": "token", "label": "Token perangkat", "status": "ok", "detail": "diterima"},
    ]
    checks += [{"key": k, "label": label, "status": s, "detail": d} for k, label, s, d in failed]
    return {"at": at, "ok": not any(c["status"] == "fail" for c in checks), "checks": checks}


def devices_at_work(server: LiveServer) -> None:
    """The demo devices report as they would during a morning: one with paper running low."""
    at = server.clock.now().isoformat(timespec="seconds")
    beats = {
        server.kiosk_token: (
            {"printer": "ok", "app": "kiosk"},
            doctor(at, ("printer", "Printer", "ok", "baik")),
        ),
        "demo-kiosk-2-token": (
            {"printer": "paper_low", "app": "kiosk"},
            doctor(at, ("printer", "Printer", "warn", "Kertas hampir habis")),
        ),
        server.display_token: (
            {"audio": "ok", "app": "display"},
            doctor(at, ("sound", "Perangkat suara", "fail", "Tidak ada kartu suara (aplay -l)")),
        ),
    }
    for token, (status, record) in beats.items():
        answer = requests.post(
            f"{server.api}/devices/heartbeat",
            json={"status": status, "version": version(), "doctor": record},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        answer.raise_for_status()


def shoot_devices_page(browser, server: LiveServer, name: str, width: int, height: int) -> str:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    page = context.new_page()
    log_in(page, server.url, *ADMIN)
    page.goto(f"{server.url}/admin/perangkat")
    page.fill("#f-pair-name", "kiosk-3")
    page.select_option("#f-pair-kind", "kiosk")
    page.click("#make-pairing-code")
    code = page.locator("#pairing-code").inner_text().strip()
    path = HERE / f"devices_pairing_{name}.png"
    page.screenshot(path=path, full_page=True)
    log.info("wrote %s", path.name)
    context.close()
    return code


def tmux(*arguments: str) -> str:
    return subprocess.run(
        ["tmux", "-L", "antrian-shots", *arguments], capture_output=True, text=True, check=True
    ).stdout


def wait_for_screen(text: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", "setup")
        if text in screen:
            return screen
        time.sleep(0.2)  # polling the terminal for a prompt, with a deadline
    raise TimeoutError(f"{text!r} never appeared:\n{screen}")


def run_setup_in_a_terminal(server: LiveServer, code: str, printer: TcpPrinterPeer) -> str:
    """`antrian setup kiosk` answered as a technician would; the terminal's text at the end."""
    out = Path(tempfile.mkdtemp(prefix="setup-shot-")) / "kiosk.toml"
    shown = f"antrian setup kiosk --printer-port {printer.port} --no-enable --config-out {out}"
    python = shlex.quote(sys.executable)
    inner = (
        f"cd {shlex.quote(str(ROOT))} && clear && printf '%s\\n' {shlex.quote('# ' + shown)} && "
        f"ANTRIAN_STATE_DIR={shlex.quote(str(out.parent))} PYTHONPATH=. "
        f"{python} -m antrian.cli setup kiosk --printer-port {printer.port} --no-enable "
        f"--config-out {shlex.quote(str(out))}; echo; read -r _"
    )
    tmux("kill-server") if _tmux_running() else None
    tmux("new-session", "-d", "-s", "setup", "-x", str(COLUMNS), "-y", str(ROWS), inner)
    try:
        for prompt, answer in (
            ("Alamat server", server.url),
            ("Kode pemasangan", code.lower().replace("-", " ")),
            ("Nama MPP", "Mal Pelayanan Publik Kabupaten Madiun"),
            ("Pilih printer", "NETWORK"),
            ("Alamat IP printer", printer.host),
            ("Posisi layar [1]", "2"),
        ):
            screen = wait_for_screen(prompt)
            if answer == "NETWORK":  # the number of "printer jaringan" in the list shown
                line = next(x for x in screen.splitlines() if "printer jaringan" in x)
                answer = line.strip().split(")")[0]
            tmux("send-keys", "-t", "setup", "-l", answer)
            tmux("send-keys", "-t", "setup", "Enter")
        return wait_for_screen("Layanan tidak diaktifkan")
    finally:
        tmux("kill-server")


def _tmux_running() -> bool:
    return (
        subprocess.run(
            ["tmux", "-L", "antrian-shots", "has-session"], capture_output=True, check=False
        ).returncode
        == 0
    )


def terminal_png(text: str, path: Path) -> None:
    """The terminal's text as a picture: light text on a dark terminal, marks in colour."""
    font = ImageFont.truetype(FONT, 16)
    cell_w = int(font.getlength("M") + 0.999)
    cell_h = int(sum(font.getmetrics()) * 1.2)
    lines = text.rstrip().splitlines()
    image = Image.new("RGB", (COLUMNS * cell_w + 40, len(lines) * cell_h + 40), "#101820")
    draw = ImageDraw.Draw(image)
    colours = {"✓": "#7ee787", "✗": "#ff7b72", "!": "#f2cc60", "–": "#8b949e", "#": "#79c0ff"}
    for row, line in enumerate(lines):
        colour = colours.get(line[:1], "#e6edf3")
        if line.lstrip().startswith("→"):
            colour = "#f2cc60"
        draw.text((20, 20 + row * cell_h), line, font=font, fill=colour)
    image.save(path)
    log.info("wrote %s", path.name)


def shoot_unpaired_display() -> None:
    """A hall display whose token the server refuses: what it says, at full HD."""
    from PySide6.QtWidgets import QApplication

    from config.display import BoardSettings, DisplayAppSettings, VoiceSettings
    from config.loader import ServerConnection
    from display.app import build_window

    app = QApplication.instance() or QApplication([])
    settings = DisplayAppSettings(
        server=ServerConnection(url="http://192.168.10.2:8000", token="dicabut-" * 3),
        board=BoardSettings(title="Mal Pelayanan Publik Kabupaten Madiun", fullscreen=False),
        voice=VoiceSettings(enabled=False),
    )
    window = build_window(settings)
    window.resize(1920, 1080)
    window.show()
    window.set_refused()
    app.processEvents()
    path = HERE / "devices_display_unpaired.png"
    window.grab().save(str(path))
    window.close()
    log.info("wrote %s", path.name)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The real time: the doctor in the terminal compares the kiosk's clock with the server's.
    now = dt.datetime.now(dt.UTC)
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="devices-shots-"), now)
    server.start()
    printer = TcpPrinterPeer()
    try:
        devices_at_work(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )
            shoot_devices_page(browser, server, "laptop", 1366, 768)
            code = shoot_devices_page(browser, server, "fhd", 1920, 1080)
            screen = run_setup_in_a_terminal(server, code, printer)
            terminal_png(screen, HERE / "devices_setup_terminal.png")
            browser.close()
        shoot_unpaired_display()
    finally:
        printer.stop()
        server.stop()


if __name__ == "__main__":
    main()
