"""The folders are the architecture: each package imports only what docs/architecture.md allows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Package -> the first-party packages it may import (besides itself).
ALLOWED = {
    "bot.domain": set(),
    "bot.texts": {"bot.domain"},
    "bot.storage": set(),
    "bot.services": {"bot.storage", "bot.domain"},
    "bot.transport": {"bot.domain", "bot.texts", "bot.services.groups"},
    "bot.scheduling": {
        "bot.outputs",  # the scheduled brief has a worker make it
        "bot.domain",
        "bot.texts",
        "bot.services",
        "bot.storage",
        "bot.transport",
        "bot.clock",
    },
    "bot.publishing": {
        "bot.domain",
        "bot.texts",
        "bot.services",
        "bot.transport",
        "bot.clock",
        "bot.outputs",
    },
    # The meeting's files: read through the services, rendered, made in workers.
    "bot.outputs": {"bot.domain", "bot.texts", "bot.services", "bot.storage", "bot.settings"},
    "handlers": {
        "bot.domain",
        "bot.texts",
        "bot.services",
        "bot.scheduling",
        "bot.publishing",
        "bot.outputs",
        "bot.transport",
        "bot.context",
        "bot.clock",
        "bot.settings",
        "bot.instance",
    },
}
FIRST_PARTY = ("bot", "handlers")
# Third-party packages a layer must not touch.
FORBIDDEN = {
    "bot.domain": {"telegram", "tortoise", "aerich", "asyncpg", "httpx"},
    "bot.texts": {"telegram", "tortoise", "asyncpg"},
    "bot.services": {"telegram"},  # but the inbox, which keeps Telegram's updates (below)
    "bot.publishing": {"tortoise", "aerich", "asyncpg"},
    "bot.outputs": {"telegram"},  # the bot sends the files (bot.publishing.outputs)
    "handlers": {"tortoise", "aerich", "asyncpg"},
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted([*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/**/*.py")]):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found.append((name, path))
    return found


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from bot.services import groups" imports the module bot.services.groups.
            submodules = {
                f"{node.module}.{alias.name}"
                for alias in node.names
                if is_module(f"{node.module}.{alias.name}")
            }
            names |= submodules or {node.module}
    return names


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def layer_of(module: str) -> str | None:
    return next(
        (layer for layer in ALLOWED if module == layer or module.startswith(layer + ".")), None
    )


def within(name: str, allowed: set[str]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


@pytest.mark.parametrize(("module", "path"), modules(), ids=[m for m, _ in modules()])
def test_each_module_imports_only_what_its_layer_may(module, path):
    layer = layer_of(module)
    if layer is None:
        return  # the wiring (bot.app, bot.runner, bot.instance…) may import anything
    wrong = []
    for name in imports_of(path):
        top = name.split(".")[0]
        # The inbox is the one service that keeps Telegram's updates as they arrive.
        if top in FORBIDDEN.get(layer, set()) and module != "bot.services.inbox":
            wrong.append(name)
        if top not in FIRST_PARTY or within(name, {layer}):
            continue
        if name in FIRST_PARTY:
            continue  # "from bot import x" is resolved as "bot.x" above
        if layer_of(name) is None and not within(name, ALLOWED[layer]):
            # bot.context, bot.settings …: only layers that list them may use them
            wrong.append(name)
        elif layer_of(name) is not None and not within(name, ALLOWED[layer]):
            wrong.append(name)
    assert not wrong, f"{module} may not import {sorted(wrong)} (see docs/architecture.md)"
