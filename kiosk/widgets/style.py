"""Sizes and colours. Everything scales with the screen's short side (1080 px → factor 1)."""

from __future__ import annotations

# High contrast, colour never the only signal: closed services also say why in words.
NAVY = "#0B2545"
BLUE = "#0A4DA2"
BLUE_DOWN = "#06336E"
AMBER = "#9A3C00"  # priority path: a dark orange that keeps white text readable
AMBER_DOWN = "#6E2B00"
GREEN = "#0B6E3A"  # success: 5.8:1 on PAPER, 6.4:1 on white (WCAG AA for any text size)
RED = "#A4161A"
PAPER = "#F3F5F8"
INK = "#111111"
GREY_BG = "#D6D9DE"
GREY_INK = "#3A3A3A"
INFO_BG = "#DCE9FA"  # the printer notice: calm information, not an alarm
WARN_BG = "#FFD23F"  # the idle countdown: must catch the eye
HELP = "#4B2B7F"  # "Minta bantuan petugas": its own colour, 10:1 with white text

MIN_TOUCH_PX = 80  # never smaller, even on a 1366×768 screen
# Card titles shrink step by step when their longest word would not fit ("Ketenagakerjaan").
CARD_TITLE_STEPS = (40, 33, 27, 22)


def scale_for(width: int, height: int) -> float:
    return max(0.55, min(width, height) / 1080)


def px(value: float, scale: float) -> int:
    return max(1, round(value * scale))


def touch(value: float, scale: float) -> int:
    return max(MIN_TOUCH_PX, px(value, scale))


def stylesheet(scale: float) -> str:
    s = scale
    return f"""
    QWidget#kiosk {{ background: {PAPER}; }}
    QWidget {{ color: {INK}; font-family: "DejaVu Sans"; }}
    QWidget#header {{ background: {NAVY}; }}
    QWidget#header QLabel {{ color: white; }}
    QLabel#mppName {{ font-size: {px(36, s)}px; font-weight: bold; }}
    QLabel#date {{ font-size: {px(26, s)}px; }}
    QLabel#clock {{ font-size: {px(44, s)}px; font-weight: bold; }}
    QPushButton#logo {{
        background: white; color: {NAVY}; border-radius: {px(14, s)}px;
        font-size: {px(30, s)}px; font-weight: bold;
        min-width: {px(110, s)}px; min-height: {px(84, s)}px;
    }}
    QPushButton#language {{
        background: white; color: {NAVY}; border: none; border-radius: {px(12, s)}px;
        font-size: {px(30, s)}px; font-weight: bold; padding: 0 {px(28, s)}px;
        min-height: {touch(84, s)}px;
    }}
    QLabel#banner {{
        background: {RED}; color: white; font-size: {px(34, s)}px; font-weight: bold;
        padding: {px(18, s)}px;
    }}
    QLabel#printerBanner {{
        background: {INFO_BG}; color: {NAVY}; font-size: {px(32, s)}px; font-weight: bold;
        padding: {px(14, s)}px; border-bottom: {px(4, s)}px solid {BLUE};
    }}
    QWidget#header QLabel#idleBanner {{
        background: {WARN_BG}; color: {INK}; font-size: {px(38, s)}px; font-weight: bold;
        padding: {px(6, s)}px;
    }}
    QLabel#priorityBanner {{
        background: {AMBER}; color: white; font-size: {px(32, s)}px; font-weight: bold;
        padding: {px(12, s)}px;
    }}
    QLabel#title {{ font-size: {px(64, s)}px; font-weight: bold; }}
    QLabel#subtitle {{ font-size: {px(36, s)}px; color: {GREY_INK}; }}
    QLabel#body {{ font-size: {px(40, s)}px; }}
    QLabel#bigNote {{ font-size: {px(56, s)}px; font-weight: bold; color: {GREEN}; }}
    QLabel#faultTitle {{ font-size: {px(60, s)}px; font-weight: bold; color: {RED}; }}
    QLabel#progress {{ font-size: {px(48, s)}px; color: {BLUE}; letter-spacing: {px(6, s)}px; }}
    QLabel#numberTitle {{ font-size: {px(56, s)}px; font-weight: bold; color: {NAVY}; }}
    QLabel#numberTitle[tone="fault"] {{ color: {RED}; }}
    QLabel#techNotice {{ font-size: {px(36, s)}px; font-weight: bold; color: {GREEN}; }}
    QLabel#techNotice[ok="false"] {{ color: {RED}; }}
    QLabel#techQuestion {{ font-size: {px(40, s)}px; font-weight: bold; color: {RED}; }}
    QLabel#number {{ font-size: {px(250, s)}px; font-weight: bold; color: {NAVY}; }}
    QLabel#numberLabel {{ font-size: {px(40, s)}px; }}
    QLabel#serviceLine {{ font-size: {px(44, s)}px; font-weight: bold; }}
    QLabel#detailLine {{ font-size: {px(38, s)}px; }}
    QLabel#pinDots {{ font-size: {px(70, s)}px; font-weight: bold; letter-spacing: {px(12, s)}px; }}
    QLabel#pinError {{ font-size: {px(36, s)}px; font-weight: bold; color: {RED}; }}
    QLabel#techInfo {{ font-size: {px(30, s)}px; }}

    QPushButton {{ border: none; border-radius: {px(18, s)}px; }}
    QPushButton[kind="agency"] {{ background: {BLUE}; }}
    QPushButton[kind="agency"]:pressed {{ background: {BLUE_DOWN}; }}
    QPushButton[kind="agency"]:disabled {{ background: {GREY_BG}; }}
    QLabel[kind="cardTitle"] {{ font-size: {px(CARD_TITLE_STEPS[0], s)}px; font-weight: bold; }}
    QLabel[kind="cardTitle"][fit="1"] {{ font-size: {px(CARD_TITLE_STEPS[1], s)}px; }}
    QLabel[kind="cardTitle"][fit="2"] {{ font-size: {px(CARD_TITLE_STEPS[2], s)}px; }}
    QLabel[kind="cardTitle"][fit="3"] {{ font-size: {px(CARD_TITLE_STEPS[3], s)}px; }}
    QLabel[kind="cardDetail"] {{ font-size: {px(26, s)}px; }}
    QLabel[card="agency"] {{ color: white; background: transparent; }}
    QLabel[card="agency"][off="true"] {{ color: {GREY_INK}; }}

    QPushButton[kind="service"] {{
        background: white; border: {px(5, s)}px solid {BLUE};
    }}
    QPushButton[kind="service"]:pressed {{ background: #D5E4F7; }}
    QPushButton[kind="service"]:disabled {{
        background: {GREY_BG}; border: {px(5, s)}px solid {GREY_BG};
    }}
    QLabel[card="service"] {{ background: transparent; color: {INK}; }}
    QLabel[card="service"][kind="cardTitle"] {{ color: {BLUE}; }}
    QLabel[card="service"][kind="cardDetail"] {{ font-size: {px(32, s)}px; }}
    QLabel[card="service"][off="true"] {{ color: {GREY_INK}; }}
    QLabel[card="service"][kind="cardDetail"][off="true"] {{ color: {RED}; font-weight: bold; }}

    QPushButton[kind="priority"] {{
        background: {AMBER}; color: white; font-size: {px(34, s)}px; font-weight: bold;
        min-height: {touch(110, s)}px; padding: {px(8, s)}px {px(30, s)}px;
    }}
    QPushButton[kind="priority"]:pressed {{ background: {AMBER_DOWN}; }}
    QPushButton[kind="priority"]:disabled {{ background: {GREY_BG}; color: {GREY_INK}; }}
    QPushButton[kind="choice"] {{
        background: {AMBER}; color: white; font-size: {px(48, s)}px; font-weight: bold;
        min-height: {touch(160, s)}px;
    }}
    QPushButton[kind="choice"]:pressed {{ background: {AMBER_DOWN}; }}
    QPushButton[kind="main"] {{
        background: {GREEN}; color: white; font-size: {px(44, s)}px; font-weight: bold;
        min-height: {touch(120, s)}px; min-width: {px(380, s)}px; padding: 0 {px(40, s)}px;
    }}
    QPushButton[kind="secondary"] {{
        background: white; color: {NAVY}; border: {px(4, s)}px solid {NAVY};
        font-size: {px(40, s)}px; font-weight: bold;
        min-height: {touch(110, s)}px; min-width: {px(300, s)}px; padding: 0 {px(36, s)}px;
    }}
    QPushButton[kind="key"] {{
        background: white; color: {INK}; border: {px(4, s)}px solid {NAVY};
        font-size: {px(56, s)}px; font-weight: bold;
        min-height: {touch(120, s)}px; min-width: {touch(160, s)}px;
    }}
    QPushButton[kind="tech"] {{
        background: {NAVY}; color: white; font-size: {px(32, s)}px; font-weight: bold;
        min-height: {touch(100, s)}px; padding: 0 {px(30, s)}px;
    }}
    QPushButton[kind="danger"] {{
        background: {RED}; color: white; font-size: {px(32, s)}px; font-weight: bold;
        min-height: {touch(100, s)}px; padding: 0 {px(30, s)}px;
    }}
    QWidget#accessBar {{ background: white; border-top: {px(3, s)}px solid {GREY_BG}; }}
    QPushButton[kind="help"] {{
        background: {HELP}; color: white; font-size: {px(34, s)}px; font-weight: bold;
        min-height: {touch(96, s)}px; padding: 0 {px(32, s)}px;
    }}
    QPushButton[kind="assist"] {{
        background: white; color: {NAVY}; border: {px(4, s)}px solid {NAVY};
        font-size: {px(30, s)}px; font-weight: bold;
        min-height: {touch(96, s)}px; padding: 0 {px(24, s)}px;
    }}
    QPushButton[kind="assist"]:checked {{ background: {NAVY}; color: white; }}
    QWidget#header QLabel#helpBanner {{
        background: {INFO_BG}; color: {NAVY}; font-size: {px(36, s)}px; font-weight: bold;
        padding: {px(6, s)}px;
    }}
    QWidget#header QLabel#helpBanner[tone="sent"] {{ background: {GREEN}; color: white; }}
    QWidget#header QLabel#helpBanner[tone="failed"] {{ background: {WARN_BG}; color: {INK}; }}
    QPushButton[kind="pager"] {{
        background: white; color: {NAVY}; border: {px(4, s)}px solid {NAVY};
        font-size: {px(32, s)}px; font-weight: bold;
        min-height: {touch(80, s)}px; padding: 0 {px(22, s)}px;
    }}
    QLabel#pageOf {{ font-size: {px(30, s)}px; font-weight: bold; color: {NAVY}; }}
    QScrollArea {{ border: none; background: transparent; }}
    QScrollBar:vertical {{ width: {touch(40, s) // 2}px; background: {GREY_BG}; }}
    QScrollBar::handle:vertical {{ background: {NAVY}; min-height: {px(80, s)}px; }}
    """
