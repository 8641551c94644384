"""Templates follow the apps' layers: an app's templates and code use templates from below only."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from django.template import engines
from django.template.backends.django import DjangoTemplates

import frontdesk

ROOT = Path(__file__).resolve().parents[2]
_CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
(_LAYERED,) = [contract for contract in _CONTRACTS["contracts"] if contract["type"] == "layers"]
# Low to high, from the import-linter layers contract, so templates and imports keep one order.
LAYERS = [layer.removeprefix("frontdesk.") for layer in reversed(_LAYERED["layers"])]
SOURCE = Path(frontdesk.__file__).parent
PROJECT_TEMPLATES = SOURCE / "templates"
NAMED = re.compile(r"""{%-?\s*(?:include|extends)\s+["']([^"']+)["']""")
LOADS = re.compile(r"{%-?\s*load\s+(.+?)\s*-?%}")
QUOTED = re.compile(r"""["']([a-z_]+/[\w/.-]+\.(?:html|txt))["']""")  # in code: render("x/y.html")


def _sources() -> list[tuple[str, Path]]:
    """Every template and module with the layer that owns it: its app, or core for the project's
    own templates."""
    found = [("core", path) for path in PROJECT_TEMPLATES.rglob("*") if path.is_file()]
    for app in LAYERS:
        found += [(app, path) for path in (SOURCE / app / "templates").rglob("*") if path.is_file()]
        found += [(app, path) for path in (SOURCE / app).rglob("*.py")]
    return found


def _layer_of_template(name: str) -> str | None:
    """The layer a template name belongs to; None for Django's and other libraries' own."""
    top = name.split("/")[0]
    if "/" not in name or top == "core":
        return "core" if (PROJECT_TEMPLATES / name).is_file() else None
    return top if top in LAYERS else None


def _layer_of_library(name: str) -> str | None:
    """The layer a `{% load %}` library comes from; None for Django's and other libraries'."""
    backend = engines["django"]
    assert isinstance(backend, DjangoTemplates)
    module = backend.engine.libraries[name]
    parts = module.split(".")
    return parts[1] if parts[0] == "frontdesk" and parts[1] in LAYERS else None


def _references(text: str) -> list[tuple[str, str | None]]:
    """What a template or module uses by name — templates, tag libraries — with their layers."""
    names = NAMED.findall(text) + QUOTED.findall(text)
    used = [(name, _layer_of_template(name)) for name in dict.fromkeys(names)]
    for load in LOADS.findall(text):
        libraries = load.split(" from ")[-1].split() if " from " in load else load.split()
        used += [(f"{{% load {name} %}}", _layer_of_library(name)) for name in libraries]
    return used


def _upward() -> set[tuple[str, str]]:
    """Every (file, what it uses) where the thing used belongs to a higher layer."""
    found = set()
    for layer, path in _sources():
        for name, used_layer in _references(path.read_text()):
            if used_layer is not None and LAYERS.index(used_layer) > LAYERS.index(layer):
                found.add((str(path.relative_to(SOURCE)), name))
    return found


def test_no_template_or_module_uses_a_template_or_tag_library_of_an_app_above_it() -> None:
    assert _upward() == set()


def test_the_check_sees_an_upward_include_load_and_render() -> None:
    assert _references('{% include "portal/home.html" %}{% load i18n journal %}') == [
        ("portal/home.html", "portal"),
        ("{% load i18n %}", None),
        ("{% load journal %}", "journal"),
    ]
    assert _references('render(request, "macros/_reply_body.html", {})') == [
        ("macros/_reply_body.html", "macros")
    ]


def test_the_layers_are_the_import_contracts() -> None:
    assert (LAYERS[:2], LAYERS[-1]) == (["engine", "core"], "cli")
