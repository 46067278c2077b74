"""Recipes (issue 22 part 3): every preset and scenario comes back from its line and its file
exactly; a damaged or hostile recipe is one line, whatever it holds."""

from __future__ import annotations

import hashlib

import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import PRESETS
from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.recipe import Recipe, RecipeError, parse_recipe, read_recipe_file


def signed(payload: str) -> str:
    """A line with a correct checksum around any payload: the checks behind the checksum."""
    text = f"ganstudio:v1:{payload}"
    return f"{text};sum={hashlib.sha256(text.encode()).hexdigest()[:8]}"


def one_line_error(read, text, code=None) -> str:
    with pytest.raises(GanStudioError) as caught:
        read(text)
    message = str(caught.value)
    assert message and "\n" not in message and len(message) < 400
    if code is not None:
        assert caught.value.code == code
    return message


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_comes_back_from_its_line_and_its_file(name):
    config = with_overrides(PRESETS[name], {"seed": 1234})
    recipe = Recipe.from_setup(config, "bundled", (0, 7))
    assert recipe.settings == {}   # only the differences from the preset
    for back in (Recipe.from_line(recipe.to_line()), Recipe.from_toml(recipe.to_toml())):
        assert back == recipe and back.config() == config


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_every_scenario_comes_back_from_its_line_and_its_file(scenario):
    recipe = Recipe.from_setup(scenario.config(), "/a path; with=odd ∂ letters", None, scenario.name)
    assert set(recipe.settings) == set(scenario.overrides) - {"seed"} or scenario.overrides == {}
    for back in (parse_recipe(recipe.to_line()), parse_recipe(recipe.to_toml())):
        assert back == recipe and back.config() == scenario.config()
        assert back.data == "/a path; with=odd ∂ letters" and back.scenario == scenario.name


def test_every_kind_of_setting_keeps_its_exact_value():
    config = with_overrides(PRESETS["fast"], {"lr_g": 0.1 + 0.2, "lr_d": 1.2345678901234567e-05,
                                              "g_hidden": (7, 9, 11), "d_hidden": (), "g_ema": 0.0,
                                              "g_reuses_fakes": False, "noise": "uniform_sqrt3"})
    recipe = Recipe.from_setup(config, "mnist", (3,))
    for back in (Recipe.from_line(recipe.to_line()), Recipe.from_toml(recipe.to_toml())):
        assert back.config() == config
        assert back.config().lr_g.hex() == config.lr_g.hex()


def test_a_line_wrapped_by_a_mail_client_or_dotted_with_invisible_spaces_still_reads():
    line = Recipe.from_setup(SCENARIOS[2].config(), "bundled").to_line()
    wrapped = "  " + line[:30] + "\n    " + line[30:60] + "\u200b" + line[60:] + "\r\n"
    assert Recipe.from_line(wrapped) == Recipe.from_line(line)


def test_a_line_cut_short_or_changed_is_one_line_saying_so():
    line = Recipe.from_setup(SCENARIOS[2].config(), "bundled").to_line()
    assert "cut short" in one_line_error(Recipe.from_line, line[:-12], "recipe-cut")
    assert "cut short" in one_line_error(Recipe.from_line, line[:-3], "recipe-checksum")
    assert "checksum" in one_line_error(Recipe.from_line, line.replace("lr_g=0.02", "lr_g=0.03"),
                                        "recipe-checksum")


@pytest.mark.parametrize("text, code", [
    ("", "recipe-not"),
    ("hello", "recipe-not"),
    ("ganstudio:v2:preset=fast;sum=00000000", "recipe-version"),
    ("ganstudio:" + "v" * 50, "recipe-not"),
    ("ganstudio:v1:" + "a" * 30_000, "recipe-size"),
    (signed("preset=fast;seed=0;lr_g"), "recipe-syntax"),
    (signed("preset=fast;seed=0;seed=1"), "recipe-syntax"),
    (signed("preset=fast;seed=0;data=%FF%FE"), "recipe-syntax"),
    (signed("preset=fast;seed=0;rm_rf=1"), "recipe-key"),
    (signed("preset=fast;seed=0;name=x"), "recipe-key"),
    (signed("preset=nope;seed=0"), "recipe-value"),
    (signed("seed=0"), "recipe-value"),
    (signed("preset=fast"), "recipe-value"),
    (signed("preset=fast;seed=" + "9" * 5000), "recipe-value"),
    (signed("preset=fast;seed=0;digits=3,x"), "recipe-value"),
    (signed("preset=fast;seed=0;digits=" + ",".join(["1"] * 5000)), "recipe-value"),
    (signed("preset=fast;seed=0;scenario=unknown"), "recipe-value"),
    (signed("preset=fast;seed=0;data="), "recipe-value"),
    (signed("preset=fast;seed=0;data=a%00b"), "recipe-value"),
    (signed("preset=fast;seed=0;batch_size=" + "9" * 40), "recipe-value"),
    (signed("preset=fast;seed=0;lr_g=1e999"), "recipe-value"),
    (signed("preset=fast;seed=0;lr_g=nan"), "recipe-value"),
    (signed("preset=fast;seed=0;g_hidden=" + ",".join(["4096"] * 200)), "recipe-value"),
    (signed("preset=fast;seed=0;seed=-1"), "recipe-syntax"),
], ids=lambda value: value[:60] if isinstance(value, str) else None)
def test_a_hostile_line_is_one_line(text, code):
    one_line_error(Recipe.from_line, text, code)


def test_a_wrong_type_in_a_line_is_one_line():
    assert "lr_g" in one_line_error(Recipe.from_line, signed("preset=fast;seed=0;lr_g=fast"))


GOOD_FILE = Recipe.from_setup(SCENARIOS[2].config(), "bundled", (1, 2), "collapse").to_toml()


@pytest.mark.parametrize("text", [
    "",
    "just words",
    GOOD_FILE.replace('format = "ganstudio-recipe"', 'format = "other"'),
    GOOD_FILE.replace("version = 1", "version = 99"),
    GOOD_FILE.replace("version = 1", 'version = "1"'),
    GOOD_FILE + "extra = 1\n",
    GOOD_FILE + "[other]\n",
    GOOD_FILE + "[settings]\n",
    GOOD_FILE + "rm_rf = true\n",
    GOOD_FILE + "name = \"x\"\n",
    GOOD_FILE + "lr_g = 1\n",                                        # given twice
    GOOD_FILE + "g_hidden = " + "[" * 100_000 + "]" * 100_000 + "\n",   # deeply nested
    GOOD_FILE + "g_hidden = [" + "1," * 10_000 + "]\n",
    GOOD_FILE + "g_hidden = [1, [2]]\n",
    GOOD_FILE + "g_hidden = {a = 1}\n",
    GOOD_FILE + 'noise = """x"""\n',
    GOOD_FILE + 'noise = "unterminated\n',
    GOOD_FILE + 'noise = "\\ud800"\n',
    GOOD_FILE + "lr_d = \"0.1\"\n",
    GOOD_FILE + "lr_d = true\n",
    GOOD_FILE + "batch_size = 1.5\n",
    GOOD_FILE + "batch_size = 99999999999999999999999999\n",
    GOOD_FILE + "leaky_slope = 1e400\n",
    GOOD_FILE + "noise = \"no-such-noise\"\n",
    GOOD_FILE.replace("seed = 2", 'seed = "2"'),
    GOOD_FILE.replace("seed = 2", "seed = true"),
    GOOD_FILE.replace("digits = [1, 2]", "digits = [1, 12]"),
    GOOD_FILE.replace("digits = [1, 2]", 'digits = "12"'),
    GOOD_FILE.replace('data = "bundled"', "data = 3"),
    GOOD_FILE.replace('preset = "fast"', "preset = 3"),
    GOOD_FILE.replace('scenario = "collapse"', "scenario = [1]"),
    "\n" * 100_000,
], ids=lambda text: str(len(text)))
def test_a_hostile_file_is_one_line(text):
    one_line_error(Recipe.from_toml, text)


def test_a_hand_edited_file_in_the_subset_reads(tmp_path):
    edited = GOOD_FILE.replace("lr_g = 0.02", "lr_g = 0.03   # faster G").replace("seed = 2", "seed = 3")
    recipe = Recipe.from_toml(edited)
    assert recipe.config().lr_g == 0.03 and recipe.seed == 3


def test_the_written_file_is_toml_that_tomllib_reads_the_same():
    tomllib = pytest.importorskip("tomllib")
    parsed = tomllib.loads(GOOD_FILE)
    recipe = Recipe.from_toml(GOOD_FILE)
    assert parsed["settings"] == {k: list(v) if isinstance(v, tuple) else v for k, v in recipe.settings.items()}
    assert (parsed["preset"], parsed["seed"], parsed["digits"]) == ("fast", 2, [1, 2])


def test_recipe_files_that_are_binary_huge_or_missing_are_one_line_naming_the_file(tmp_path):
    cases = {"binary.toml": b"\xff\xfe\x00garbage", "huge.toml": b"#" * (65 * 1024),
             "nested.toml": b"a = " + b"[" * 60_000}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert name in one_line_error(read_recipe_file, tmp_path / name)
    assert "missing.toml" in one_line_error(read_recipe_file, tmp_path / "missing.toml")
    one_line_error(read_recipe_file, tmp_path)   # a folder


def test_a_file_holding_the_line_alone_reads(tmp_path):
    recipe = Recipe.from_setup(SCENARIOS[0].config(), "fashion", (4,), "classic")
    (tmp_path / "recipe.txt").write_text("\ufeff" + recipe.to_line() + "\n", encoding="utf-8")
    assert read_recipe_file(tmp_path / "recipe.txt") == recipe


def test_a_recipe_error_is_a_config_error_with_a_code():
    with pytest.raises(RecipeError) as caught:
        Recipe.from_line("nope")
    assert caught.value.code == "recipe-not"


def test_pasted_text_that_is_no_recipe_says_so_whatever_its_size():
    assert "not a GAN Studio recipe" in one_line_error(parse_recipe, "hello\nworld", "recipe-not")
    one_line_error(parse_recipe, "x" * 10_000_000, "recipe-size")
