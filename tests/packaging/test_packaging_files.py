"""The Linux desktop integration files (packaging/linux/) agree with each other and with the
app: one application id, the icon it names, a release entry for the version being built."""

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from ganstudio import __version__

from support import REPO

LINUX = REPO / "packaging" / "linux"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str   # keys are case-sensitive in desktop entries
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_one_application_id_everywhere():
    (desktop,) = LINUX.glob("*.desktop")
    app_id = desktop.stem
    entry = desktop_entry(desktop)
    metainfo = ElementTree.parse(LINUX / f"{app_id}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == app_id
    assert metainfo.find("launchable").text == desktop.name
    assert entry["Icon"] == app_id   # deb.sh installs the icon under this name
    source = (LINUX.parent.parent / "ganstudio" / "gui" / "app.py").read_text()
    assert f'APP_ID = "{app_id}"' in source


def test_the_menu_entry_starts_the_installed_command_in_education_and_science():
    (desktop,) = LINUX.glob("*.desktop")
    entry = desktop_entry(desktop)
    assert entry["Exec"].split()[0] == "ganstudio"
    assert entry["Terminal"] == "false"
    assert {"Education", "Science"} <= set(entry["Categories"].strip(";").split(";"))


def test_the_metainfo_has_a_release_for_this_version():
    (metainfo,) = LINUX.glob("*.metainfo.xml")
    releases = [r.get("version") for r in ElementTree.parse(metainfo).getroot().iter("release")]
    assert __version__ in releases, "add a <release> to the metainfo when the version changes"
