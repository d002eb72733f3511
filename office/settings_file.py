"""Reading the office settings from one TOML file.

Unknown keys, wrong types and numbers out of range (`nan` and `inf` included) are refused
with the file, the key and the reason; `office serve --host/--port` override the file's
values before they are checked.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from office.settings import OfficeSettings
from office.settings_checks import SettingsError, check

SECRET_KEYS = ("database_url", "metrics_token")
_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def load_settings(
    path: Path | None = None, overrides: Mapping[str, Any] | None = None
) -> OfficeSettings:
    """Settings from `path` (or the defaults) with top-level `overrides` applied."""
    data = read_toml(path) if path is not None else {}
    data.update(overrides or {})
    source = str(path) if path is not None else "settings"
    settings: OfficeSettings = _build(OfficeSettings, data, source, "")
    check(settings, source)
    return settings


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(f"{path}: no such config file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read it ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc


def _build(cls: type[Any], data: Mapping[str, Any], source: str, prefix: str) -> Any:
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if name not in fields:
            known = ", ".join(sorted(fields))
            raise SettingsError(f"{source}: unknown key '{key}' (known here: {known})")
        values[name] = _convert(hints[name], value, fields[name].metadata, source, key)
    return cls(**values)


def _convert(kind: Any, value: Any, meta: Mapping[str, Any], source: str, key: str) -> Any:
    def refuse(reason: str) -> SettingsError:
        shown = "<hidden>" if key in SECRET_KEYS else repr(value)
        return SettingsError(f"{source}: '{key}' {reason} (got {shown})")

    if get_origin(kind) is Literal:
        if value not in get_args(kind):
            raise refuse("must be one of " + ", ".join(map(repr, get_args(kind))))
        return value
    if get_origin(kind) is list:
        return _convert_list(get_args(kind)[0], value, source, key, refuse)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise refuse(f"must be {_TYPE_NAMES.get(kind, kind.__name__)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise refuse("must be a finite number")
    if meta.get("minimum") is not None and value < meta["minimum"]:
        raise refuse(f"must be at least {meta['minimum']:g}")
    if meta.get("maximum") is not None and value > meta["maximum"]:
        raise refuse(f"must be at most {meta['maximum']:g}")
    return value


def _convert_list(
    item: Any, value: Any, source: str, key: str, refuse: Callable[[str], SettingsError]
) -> list[Any]:
    if dataclasses.is_dataclass(item):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise SettingsError(f"{source}: '{key}' must be a list of tables [[{key}]]")
        return [_build(item, v, source, f"{key}[{n}].") for n, v in enumerate(value)]  # type: ignore[arg-type]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise refuse("must be a list of texts")
    return list(value)
