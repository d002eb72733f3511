"""The config the kiosk runs with: defaults < the group's fleet config < the local file.

The fleet config kept on disk is applied when the kiosk starts (every `kiosk` command reads
the same). Its signature is checked again with the keys the local file trusts now, and its
group must still be this kiosk's; an expired one stays in use until a newer one comes, as a
catalogue does. If anything is wrong with it, the kiosk runs on its own file alone and says
why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import ConfigError, KioskConfig, LocalConfig, config_from, read_config_file

if TYPE_CHECKING:
    from kiosk.fleet_document import FleetDocument


@dataclass(frozen=True)
class EffectiveConfig:
    config: KioskConfig
    local: LocalConfig
    fleet: FleetDocument | None = None  # the fleet config applied, if any
    problem: str = ""  # why a kept fleet config was not applied


def fleet_folder(config: KioskConfig) -> Path:
    return config.data_path() / "fleet"


def load_effective_config(path: Path | None) -> EffectiveConfig:
    """The config to run with; ConfigError only when the local file itself is wrong."""
    if path is None:
        return EffectiveConfig(KioskConfig(), LocalConfig({}, "the built-in defaults"))
    local = LocalConfig(read_config_file(path), str(path))
    own = config_from(local.tables, local.source)
    if not own.fleet.url:
        return EffectiveConfig(own, local)
    # Imported only with a fleet config (signatures load cryptography): `kiosk run` starts
    # faster without one.
    from kiosk.fleet_document import FleetDocumentError, merged  # noqa: PLC0415
    from kiosk.fleet_store import FleetStore  # noqa: PLC0415
    from kiosk.fleet_trust import trusted_document  # noqa: PLC0415
    from offline_cache.signing import SignatureError  # noqa: PLC0415

    stored = FleetStore(fleet_folder(own)).current()
    if stored is None:
        return EffectiveConfig(own, local)
    try:
        document = trusted_document(stored.document, stored.signature, stored.url, own.fleet)
        source = f"{path} with the fleet config of group {document.group!r}"
        config = config_from(merged(document.options, local.tables), source)
    except (SignatureError, FleetDocumentError, ConfigError) as exc:
        problem = f"fleet config not applied ({exc}); running on {path} alone"
        return EffectiveConfig(own, local, problem=problem)
    return EffectiveConfig(config, local, document)
