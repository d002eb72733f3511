"""`kiosk outbox list|show` on a damaged outbox, and on a data dir the tool cannot write.

A damaged file gets one line saying what and what to do (exit 1), never a traceback. Looking
needs no write access: a read-only mount, or the kiosk's files seen by another user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_cache.outbox import Outbox
from offline_cache.submission_code import display
from tests.kiosk.cli_run import run_kiosk
from tests.outbox_factories import new_submission

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def write_config(folder: Path, data: Path) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(f'data_dir = "{data}"\n', encoding="utf-8")
    return path


def filled_outbox(data: Path, count: int = 30) -> list[str]:
    outbox = Outbox(data / "outbox.sqlite")
    codes = [outbox.enqueue(new_submission()).code for _ in range(count)]
    outbox.close()  # the WAL is checkpointed into the file and removed
    return codes


def run(config: Path, *argv: str) -> tuple[int, str, str]:
    return run_kiosk("--config", str(config), "outbox", *argv)


def assert_one_line_about_damage(err: str, path: Path) -> None:
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"kiosk: {path}: ")
    assert "damaged" in err
    assert "technician guide" in err  # what to do


def test_garbage_inside_the_outbox_is_one_line_and_exit_1(tmp_path: Path) -> None:
    data = tmp_path / "data"
    codes = filled_outbox(data)
    path = data / "outbox.sqlite"
    damaged = bytearray(path.read_bytes())
    damaged[PAGE:] = b"\xde\xad\xbe\xef" * ((len(damaged) - PAGE) // 4)
    path.write_bytes(bytes(damaged))
    config = write_config(tmp_path, data)
    for argv in (["list"], ["show", display(codes[3])]):
        code, out, err = run(config, *argv)
        assert code == 1
        assert out == ""
        assert_one_line_about_damage(err, path)


def test_a_file_that_is_no_database_at_all_is_called_damaged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "outbox.sqlite").write_bytes(b"\x00garbage\xff" * 1000)
    code, _, err = run(write_config(tmp_path, data), "list")
    assert code == 1
    assert_one_line_about_damage(err, data / "outbox.sqlite")


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The data dir, and the same folder through a genuinely read-only bind mount."""
    if os.geteuid() != 0:
        pytest.skip("needs root to bind-mount the data dir read-only")
    data, view = tmp_path / "data", tmp_path / "view"
    data.mkdir()
    view.mkdir()
    subprocess.run(["mount", "--bind", str(data), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        yield data, view
    finally:
        subprocess.run(["umount", str(view)], check=True)


@pytest.mark.root
def test_list_and_show_work_on_a_read_only_mount(
    tmp_path: Path, read_only_view: tuple[Path, Path]
) -> None:
    data, view = read_only_view
    codes = filled_outbox(data, count=3)
    config = write_config(tmp_path, view)
    code, out, err = run(config, "list")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "3 shown; in the outbox: 3 queued, 0 delivered, 0 rejected"
    code, out, err = run(config, "show", display(codes[1]))
    assert (code, err) == (0, "")
    assert f"code:             {display(codes[1])}" in out
    assert "Łucja" in out or "answers:" in out
    code, _, err = run(config, "retry", display(codes[1]))
    assert code == 1  # a change needs a writable outbox: one line, no traceback
    assert "Traceback" not in err and "read-only" in err


@pytest.mark.root
def test_list_sees_what_a_running_kiosk_has_not_checkpointed_yet(
    tmp_path: Path, read_only_view: tuple[Path, Path]
) -> None:
    data, view = read_only_view
    kiosk = Outbox(data / "outbox.sqlite")  # stays open: its commits wait in the -wal file
    try:
        code_filed = kiosk.enqueue(new_submission()).code
        assert (data / "outbox.sqlite-wal").stat().st_size > 0
        code, out, err = run(write_config(tmp_path, view), "list")
        assert (code, err) == (0, "")
        assert out.startswith(display(code_filed))
    finally:
        kiosk.close()


@pytest.mark.root
def test_another_user_lists_and_shows_a_0555_data_dir(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run the tool as user nobody")
    base = Path(tempfile.mkdtemp(prefix="infomat-ro-"))  # /tmp/pytest-of-root is 0700
    try:
        base.chmod(0o755)
        data = base / "data"
        codes = filled_outbox(data, count=2)
        config = write_config(base, data)
        (data / "outbox.sqlite").chmod(0o444)
        data.chmod(0o555)
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        tool = [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())"]
        for argv in (["list"], ["show", display(codes[0])]):
            done = subprocess.run(
                [*as_nobody, *tool, "--config", str(config), "outbox", *argv],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert (done.returncode, done.stderr) == (0, ""), argv
            assert display(codes[0]) in done.stdout
        assert sorted(p.name for p in data.iterdir()) == ["outbox.sqlite"]
    finally:
        data.chmod(0o755)
        shutil.rmtree(base)
