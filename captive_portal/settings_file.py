"""Reading the portal settings: a TOML file, then CAPTIVE_PORTAL_<KEY> environment overrides.

Unknown keys and wrong types are refused with the source (file or variable), the key and
the reason. `CAPTIVE_PORTAL_CONFIG` names the file when no path is given.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import SettingsError, check
from captive_portal.settings_gateways import check_gateways

CONFIG_VARIABLE = "CAPTIVE_PORTAL_CONFIG"
ENV_PREFIX = "CAPTIVE_PORTAL_"
SECRET_KEYS = ("admin_token", "consent_secrets", "opennds.faskey", "metrics.token")
_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false"}


def load_settings(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> PortalSettings:
    """Settings from `path` (or $CAPTIVE_PORTAL_CONFIG, or the defaults), then the env."""
    environ = environ or {}
    if path is None and environ.get(CONFIG_VARIABLE):
        path = Path(environ[CONFIG_VARIABLE])
    data = _read_toml(path) if path is not None else {}
    _merge_environment(data, environ)
    source = str(path) if path is not None else "settings"
    settings: PortalSettings = _build(PortalSettings, data, source, "")
    check(settings, source)
    check_gateways(settings, source)
    return settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(f"{path}: no such config file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read it ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc


def env_name(key: str) -> str:
    """The environment variable overriding a dotted key: wifi4eu.enabled → ..._WIFI4EU_ENABLED."""
    return ENV_PREFIX + key.replace(".", "_").upper()


def _merge_environment(data: dict[str, Any], environ: Mapping[str, str]) -> None:
    kinds = {env_name(key): (key, kind) for key, kind, _ in _leaves(PortalSettings, "")}
    for name, text in environ.items():
        if not name.startswith(ENV_PREFIX) or name == CONFIG_VARIABLE:
            continue
        if name not in kinds:
            raise SettingsError(f"{name}: unknown setting (see docs/captive-portal.md)")
        key, kind = kinds[name]
        *tables, leaf = key.split(".")
        target = data
        for part in tables:
            target = target.setdefault(part, {})
        target[leaf] = _from_text(kind, text, name)


def _from_text(kind: Any, text: str, name: str) -> Any:
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise SettingsError(f"{name}: must be a whole number (got {text!r})") from None
    if kind is bool:
        words = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
        if text.lower() not in words:
            raise SettingsError(f"{name}: must be true or false (got {text!r})")
        return words[text.lower()]
    if get_origin(kind) is list:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def _build(cls: type[Any], data: Mapping[str, Any], source: str, prefix: str) -> Any:
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if name not in fields:
            known = ", ".join(sorted(fields))
            raise SettingsError(f"{source}: unknown key '{key}' (known here: {known})")
        kind = hints[name]
        if dataclasses.is_dataclass(kind):
            if not isinstance(value, dict):
                raise SettingsError(f"{source}: '{key}' must be a table [{key}]")
            values[name] = _build(kind, value, source, f"{key}.")  # type: ignore[arg-type]
        else:
            values[name] = _convert(kind, value, fields[name].metadata, source, key)
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
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise refuse("must be a list of texts")
        return list(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise refuse(f"must be {_TYPE_NAMES.get(kind, kind.__name__)}")
    minimum = meta.get("minimum")
    if minimum is not None and value < minimum:
        raise refuse(f"must be at least {minimum}")
    maximum = meta.get("maximum")
    if maximum is not None and value > maximum:
        raise refuse(f"must be at most {maximum}")
    return value


def _leaves(cls: type[Any], prefix: str) -> Iterator[tuple[str, Any, dataclasses.Field[Any]]]:
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        kind = hints[f.name]
        if dataclasses.is_dataclass(kind):
            yield from _leaves(kind, f"{prefix}{f.name}.")  # type: ignore[arg-type]
        else:
            yield f"{prefix}{f.name}", kind, f


@dataclasses.dataclass(frozen=True)
class OptionDoc:
    key: str
    type: str
    default: str
    doc: str


def describe() -> Iterator[OptionDoc]:
    """Every option with its type, default and doc (for the docs and their test)."""
    defaults = PortalSettings()
    for key, kind, f in _leaves(PortalSettings, ""):
        value: Any = defaults
        for part in key.split("."):
            value = getattr(value, part)
        yield OptionDoc(key, _type_text(kind), repr(value), f.metadata["doc"])


def _type_text(kind: Any) -> str:
    if get_origin(kind) is Literal:
        return " | ".join(map(repr, get_args(kind)))
    if get_origin(kind) is list:
        return "list of texts"
    return _TYPE_NAMES.get(kind, getattr(kind, "__name__", str(kind)))
