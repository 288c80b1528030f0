"""Colours, the font and scaling: white and amber on deep blue, for contrast at 10 metres.

Sizes are in pixels of a 1920x1080 screen and scale with the window height, so the same board
reads well on a 1366x768 TV.
"""

from __future__ import annotations

NAVY = "#0a1f3d"
PANEL = "#12325e"
PANEL_DIM = "#0e2749"
AMBER = "#ffc21a"
WHITE = "#ffffff"
MUTED = "#b9c8de"
RED = "#e5383b"
ORANGE = "#f77f00"
GLOW = "#2a62a6"  # a call's gentle highlight (display.core.flash): white 6.2:1, amber 3.8:1
FONT = "DejaVu Sans"


def scaled_px(size: float, scale: float) -> int:
    """`size` pixels of a 1920x1080 board on a board drawn at `scale`; never 0."""
    return max(1, round(size * scale))


class Scaled:
    """Mixin: restyles a widget whenever the screen scale changes."""

    scale = 1.0

    def px(self, size: float) -> int:
        return scaled_px(size, self.scale)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.restyle()

    def restyle(self) -> None:  # pragma: no cover - each widget overrides
        pass


def font_css(px: int, bold: bool = False, color: str = WHITE) -> str:
    weight = 700 if bold else 400
    return f"font-family: '{FONT}'; font-size: {px}px; font-weight: {weight}; color: {color};"
