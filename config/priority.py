"""The priority groups, in one place: who may take a priority ticket (DESIGN.md, queue rules).

The words are the HTTP contract's `priority` values; the server's call order, the kiosk's
priority screen, the printed ticket and `antrian printer sample --priority` all read them here.
Their texts live in each app's catalog under `priority_<group>`.
"""

from __future__ import annotations

from typing import Literal, get_args

# Elderly (60 and over), people with a disability, pregnant women.
Priority = Literal["lansia", "disabilitas", "ibu_hamil"]
PRIORITY_GROUPS: tuple[Priority, ...] = get_args(Priority)
