"""A device's [server] with `urls` (a hall with two server hosts) instead of `url`."""

from pathlib import Path

import pytest

from config import ConfigError, load_settings
from config.display import load_display_settings
from config.kiosk import load_kiosk_settings
from config.loader import with_server_url
from config.server import load_server_settings
from tests.config.test_loader import DeviceFile, write

EXAMPLES = Path(__file__).parents[2] / "config"  # the example kiosk.toml and display.toml
TOKEN = 'token = "abcdefgh123"\n'


def test_url_alone_is_one_address(tmp_path):
    path = write(tmp_path, '[server]\nurl = "http://10.0.0.2:8000/"\n' + TOKEN)
    server = load_settings(DeviceFile, path).server
    assert server.url == "http://10.0.0.2:8000"
    assert server.urls is None
    assert server.addresses == ["http://10.0.0.2:8000"]


def test_urls_lists_the_hosts_in_order(tmp_path):
    path = write(
        tmp_path, '[server]\nurls = ["http://10.0.0.2:8000/", "http://10.0.0.3:8000"]\n' + TOKEN
    )
    server = load_settings(DeviceFile, path).server
    assert server.addresses == ["http://10.0.0.2:8000", "http://10.0.0.3:8000"]
    assert server.shown == "http://10.0.0.2:8000, http://10.0.0.3:8000"


@pytest.mark.parametrize(
    ("lines", "indonesian", "english"),
    [
        (
            'url = "http://10.0.0.2:8000"\nurls = ["http://10.0.0.3:8000"]\n',
            "server.urls: tulis url (satu server) atau urls (beberapa server), jangan keduanya",
            "server.urls: give url (one server) or urls (several servers), not both",
        ),
        (
            "urls = []\n",
            "server.urls: daftar kosong: tulis paling sedikit satu alamat",
            "server.urls: the list is empty: give at least one address",
        ),
        (
            "",
            "server.url: wajib ada: url (satu server) atau urls (beberapa server)",
            "server.url: required: url (one server) or urls (several servers)",
        ),
        (
            'urls = ["http://10.0.0.2:8000", "http://10.0.0.2:8000/"]\n',
            "server.urls[2]: http://10.0.0.2:8000 muncul dua kali",
            "server.urls[2]: http://10.0.0.2:8000 appears twice",
        ),
        (
            'urls = ["http://10.0.0.2:8000", "10.0.0.3:8000"]\n',
            "server.urls[2]: harus diawali http:// atau https://",
            "server.urls[2]: must start with http:// or https://",
        ),
    ],
)
def test_a_wrong_server_table_is_a_clear_error(tmp_path, lines, indonesian, english):
    path = write(tmp_path, "[server]\n" + lines + TOKEN)
    with pytest.raises(ConfigError) as caught:
        load_settings(DeviceFile, path)
    assert indonesian in str(caught.value)
    assert english in caught.value.message("en")


def test_server_url_option_replaces_the_list(tmp_path):
    path = write(
        tmp_path, '[server]\nurls = ["http://10.0.0.2:8000", "http://10.0.0.3:8000"]\n' + TOKEN
    )
    moved = with_server_url(load_settings(DeviceFile, path), "http://127.0.0.1:9000")
    assert moved.server.addresses == ["http://127.0.0.1:9000"]
    assert moved.server.token == "abcdefgh123"


def test_kiosk_and_display_files_take_urls(tmp_path):
    urls = 'urls = ["http://10.0.0.2:8000", "http://10.0.0.3:8000"]'
    loaders = (("kiosk.toml", load_kiosk_settings), ("display.toml", load_display_settings))
    for name, load in loaders:
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        text = text.replace('url = "http://127.0.0.1:8000"', urls, 1)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load(path).server.addresses == ["http://10.0.0.2:8000", "http://10.0.0.3:8000"]


def test_the_server_file_lists_the_hall_addresses(tmp_path):
    from config.server import DEFAULT_CONFIG

    text = DEFAULT_CONFIG.read_text(encoding="utf-8").replace(
        '# server_urls = ["http://192.168.10.2:8000", "http://192.168.10.3:8000"]',
        'server_urls = ["http://192.168.10.2:8000", "http://192.168.10.3:8000/"]',
    )
    path = tmp_path / "server.toml"
    path.write_text(text, encoding="utf-8")
    assert load_server_settings(path).site.server_urls == [
        "http://192.168.10.2:8000",
        "http://192.168.10.3:8000",
    ]
    assert load_server_settings(DEFAULT_CONFIG).site.server_urls == []
