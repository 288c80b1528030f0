"""Accessibility without Qt (issue 18): the visit's assists and help call in the flow, the
sentences voice guidance says, explore by touch, simple mode's pages and icons."""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from client import Ticket
from kiosk.core import IssueResult, KioskFlow, Outcome, Screen
from kiosk.core.access import Assists, HelpState, icon_for, page_of
from kiosk.core.guidance import (
    TouchExplorer,
    changes_sentence,
    number_sentence,
    screen_sentence,
    touch_sentence,
)
from speech.words import speakable
from tests.kiosk.fakes import SERVICES
from tests.support import samples

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"


def flow() -> KioskFlow:
    keys = (f"key-{n}" for n in itertools.count())
    made = KioskFlow(pin="2468", new_key=lambda: next(keys))
    made.services_loaded(SERVICES)
    return made


def ticket(number: str = "A-012", ahead: int = 5) -> Ticket:
    return Ticket.model_validate(samples.ticket(number=number, waiting_ahead=ahead, eta_minutes=25))


def test_assists_last_until_the_visit_ends_and_make_home_reset_itself():
    kiosk = flow()
    assert kiosk.auto_home_seconds() is None  # an untouched home screen stays as it is
    kiosk.toggle_assist("voice")
    kiosk.toggle_assist("large_text")
    kiosk.toggle_assist("simple")
    assert kiosk.state.assists == Assists(voice=True, large_text=True, simple=True)
    # Now home goes back to normal when left alone, so the next citizen finds the usual kiosk.
    assert kiosk.auto_home_seconds() == kiosk.timeouts.idle_seconds
    kiosk.press_agency(DUKCAPIL)
    kiosk.press_back()
    assert kiosk.state.assists.voice  # moving around keeps them
    kiosk.idle_timeout()
    assert kiosk.state.screen == Screen.HOME and kiosk.state.assists == Assists()
    assert kiosk.auto_home_seconds() is None


def test_the_end_of_a_visit_turns_them_off_and_the_pin_pad_cannot_toggle():
    kiosk = flow()
    kiosk.toggle_assist("voice")
    kiosk.press_agency(DUKCAPIL)
    kiosk.press_service("A")
    kiosk.issue_finished(IssueResult(Outcome.DONE, ticket=ticket()))
    kiosk.press_home()  # "Selesai"
    assert kiosk.state.assists == Assists()
    for tap in range(5):
        kiosk.secret_tap(float(tap))
    kiosk.toggle_assist("voice")
    assert not kiosk.state.assists.voice
    kiosk.toggle_assist("nonsense")
    assert kiosk.state.assists == Assists()


def test_one_help_call_per_visit_kept_until_the_visit_ends():
    kiosk = flow()
    assert kiosk.press_help() is True
    assert kiosk.state.help == HelpState.ASKING
    assert kiosk.press_help() is False  # on its way: the desk is not rung twice
    kiosk.help_answered(False)
    assert kiosk.state.help == HelpState.FAILED
    kiosk.help_answered(True)  # the worker kept asking and got through
    assert kiosk.state.help == HelpState.SENT
    assert kiosk.press_help() is False
    assert kiosk.auto_home_seconds() is not None  # the message goes away with the visit
    kiosk.idle_timeout()
    assert kiosk.state.help is None
    kiosk.help_answered(True)  # a late answer after the visit: nothing to show
    assert kiosk.state.help is None


def test_pages_of_simple_mode():
    kiosk = flow()
    kiosk.toggle_assist("simple")
    kiosk.press_page(1)
    assert kiosk.state.list_page == 1
    kiosk.press_agency(DUKCAPIL)
    assert kiosk.state.list_page == 0  # a new screen starts on its first page
    assert page_of(13, 6, 0) == page_of(13, 6, -3)
    last = page_of(13, 6, 9)
    assert (last.index, last.count, last.first, last.last) == (2, 3, 12, 13)
    assert list(last.items(list(range(13)))) == [12]
    assert page_of(0, 6, 0).count == 1


@pytest.mark.parametrize(
    "names, icon",
    [
        ((DUKCAPIL, "Dukcapil"), "id_card"),
        (("BPJS Kesehatan",), "health"),
        (("BPJS Ketenagakerjaan",), "worker"),
        (("Samsat Kabupaten Madiun", "Samsat"), "car"),
        (("Kepolisian Resor Madiun", "Polres"), "shield"),
        (("KPP Pratama Madiun", "Kantor Pajak"), "tax"),
        (("Perumda Air Minum Kabupaten Madiun", "PDAM"), "water"),
        (("Kantor Imigrasi Madiun",), "passport"),
        (("Bank Jatim",), "bank"),
        (("Dinas Simpan Pinjam",), "building"),  # "sim" is a whole word only
    ],
)
def test_icons_by_kind_of_agency(names, icon):
    assert icon_for(*names) == icon


def test_the_printed_number_is_said_by_the_halls_rules():
    assert number_sentence(ticket("A-012"), "id") == "Nomor antrean Anda a dua belas."
    assert number_sentence(ticket("B-105"), "id") == "Nomor antrean Anda be seratus lima."
    assert number_sentence(ticket("A-012"), "en") == "Your queue number is A 12."


def test_written_signs_and_acronyms_are_said_in_words():
    said = speakable("KTP Elektronik, 4 orang menunggu  ·  ± 20 menit")
    assert said == "ka te pe elektronik, empat orang menunggu, sekitar dua puluh menit"


def test_touch_says_the_name_and_whether_it_can_be_chosen():
    assert touch_sentence("Kartu keluarga, Kuota hari ini habis", False, "id") == (
        "kartu keluarga, kuota hari ini habis. tidak bisa dipilih."
    )
    assert touch_sentence("Kembali", True, "id") == "kembali."


def test_what_each_step_says_with_voice_on():
    kiosk = flow()
    before = kiosk.state
    kiosk.toggle_assist("voice")
    said = changes_sentence(before, kiosk.state, NOW)
    assert said.startswith("bantuan suara aktif. geser jari di layar")
    assert "silakan pilih layanan. ada dua instansi." in said
    assert "minta bantuan petugas ada di bagian bawah layar" in said

    steps = [
        (lambda: kiosk.press_agency(DUKCAPIL), "dinas kependudukan dan pencatatan sipil. "
         "pilih layanan. ada dua layanan."),
        (lambda: kiosk.press_service("A"), "tiket sedang dibuat. mohon tunggu sebentar."),
        (kiosk.issue_slow, "nomor anda masih diproses."),
        (lambda: kiosk.issue_finished(IssueResult(Outcome.DONE, ticket=ticket())),
         "nomor antrean anda a dua belas. ka te pe elektronik. lima orang di depan anda, "
         "sekitar dua puluh lima menit. silakan ambil tiket anda. "
         "silakan menunggu sampai nomor anda dipanggil."),
    ]  # fmt: skip
    for action, expected in steps:
        before = kiosk.state
        action()
        assert changes_sentence(before, kiosk.state, NOW).startswith(expected)
    before = kiosk.state
    kiosk.idle_timeout()  # the visit ends: voice off, and nothing more is said
    assert changes_sentence(before, kiosk.state, NOW) is None
    assert not kiosk.state.assists.voice


def test_nothing_is_said_with_voice_off_but_turning_it_off_is_said():
    kiosk = flow()
    before = kiosk.state
    kiosk.press_agency(DUKCAPIL)
    assert changes_sentence(before, kiosk.state, NOW) is None
    kiosk.toggle_assist("voice")
    before = kiosk.state
    kiosk.toggle_assist("voice")
    assert changes_sentence(before, kiosk.state, NOW) == "bantuan suara dimatikan."


def test_help_pages_idle_warning_and_number_on_screen_are_said():
    kiosk = flow()
    kiosk.toggle_assist("voice")
    kiosk.toggle_assist("simple")
    before = kiosk.state
    kiosk.press_help()
    kiosk.help_answered(True)
    assert "petugas akan segera datang" in changes_sentence(before, kiosk.state, NOW)
    kiosk.press_agency(DUKCAPIL)
    before = kiosk.state
    kiosk.show_idle_warning(10)
    assert "kembali ke awal dalam sepuluh detik" in changes_sentence(before, kiosk.state, NOW)
    kiosk.press_service("A")
    kiosk.issue_finished(IssueResult(Outcome.ON_SCREEN, ticket=ticket(), code="paper_out"))
    said = screen_sentence(kiosk.state, NOW)
    assert said.startswith("kertas tiket habis. nomor antrean anda a dua belas.")
    assert "petugas bisa membantu mencatat nomor anda" in said


def test_english_sentences():
    kiosk = flow()
    kiosk.toggle_language()
    kiosk.toggle_assist("voice")
    assert screen_sentence(kiosk.state, NOW).startswith("Please choose a service.")


def test_explore_by_touch_one_tap_speaks_two_quick_taps_choose():
    explorer = TouchExplorer(double_tap_seconds=1.2)
    card, other = object(), object()
    assert explorer.press(card, 10.0) is False  # speaks
    assert explorer.press(card, 10.5) is True  # the second tap: chosen
    assert explorer.press(card, 11.0) is False  # a third tap starts again
    assert explorer.press(card, 13.0) is False  # too slow: speaks again
    assert explorer.press(other, 13.3) is False  # another button: speaks that one
    assert explorer.press(card, 13.6) is False
    # A finger sliding over the screen speaks each new button, never the same twice.
    assert explorer.slide(other) is True
    assert explorer.slide(other) is False
    assert explorer.slide(None) is False
    assert explorer.press(other, 14.0) is False  # a slide is not a tap


def test_the_check_in_screen_is_spoken_with_its_refusal_and_the_walk_in_path():
    kiosk = flow()
    kiosk.press_checkin_entry()
    assert kiosk.state.screen == Screen.CHECKIN
    said = screen_sentence(kiosk.state, NOW)
    assert said.startswith("lapor kedatangan reservasi.")  # spoken words are lower case
    assert "ketik kode reservasi anda (enam huruf dan angka)" in said
    kiosk.submit_booking_code("?")  # a scan that is no code at all
    refused = screen_sentence(kiosk.state, NOW)
    assert "kode tidak terbaca" in refused
    assert "anda tetap bisa mengambil nomor antrean biasa" in refused
