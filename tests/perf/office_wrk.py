"""wrk against the office: the intake with real documents, the status page with real codes.

wrk (C, event-driven) is the load: on 2 cores a Python client would take the core the
server needs. Its Lua scripts read the requests from files written beforehand:
- intake: one line per application, `CODE<TAB>document`; thread k of n sends lines
  k, k+n, ... once each (a new case every time; the run is sized so it never wraps), and
  counts the answers that were 201;
- status: one `/s/CODE` path per line; every request picks one at random;
- status once: the same kind of file, each path asked once (first looks).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# Each wrk thread learns its number (`id`) and is listed, for the totals in `done`.
THREADS_LUA = r"""
local counter, threads = 0, {}
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
"""
INTAKE_LUA = (
    THREADS_LUA
    + r"""
function init(args)
  local file, every, token = args[1], tonumber(args[2]), args[3]
  queue, created, other, i, n = {}, 0, 0, 0, 0
  for line in io.lines(file) do
    if i % every == id then
      local code, body = line:match("^(%w+)\t(.*)$")
      queue[#queue + 1] = wrk.format("POST", "/intake", {
        ["Authorization"] = "Bearer " .. token, ["Idempotency-Key"] = code,
        ["Content-Type"] = "application/json; charset=utf-8"}, body)
    end
    i = i + 1
  end
end
function request()
  n = n % #queue + 1
  return queue[n]
end
function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do c = c + t:get("created"); o = o + t:get("other") end
  io.write(string.format("created: %d other: %d\n", c, o))
end
"""
)
STATUS_LUA = r"""
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() * 7 + id)
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""
# First looks: thread k of n asks lines k, k+n, ... in order, each once, so no page asked is
# one the office kept from an earlier request; `wrapped` counts the requests for a path
# asked before, when a run outlasts its list (the bench sizes the list so that it does not).
STATUS_ONCE_LUA = (
    THREADS_LUA
    + r"""
function init(args)
  local every, i = tonumber(args[2]), 0
  paths, n, wrapped = {}, 0, 0
  for line in io.lines(args[1]) do
    if i % every == id then paths[#paths + 1] = line end
    i = i + 1
  end
end
function request()
  n = n + 1
  if n > #paths then wrapped = wrapped + 1 end
  return wrk.format("GET", paths[(n - 1) % #paths + 1])
end
function done(summary, latency, requests)
  local w = 0
  for _, t in ipairs(threads) do w = w + t:get("wrapped") end
  io.write(string.format("asked again: %d\n", w))
end
"""
)
THREADS = 2
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def write_scripts(work: Path) -> dict[str, Path]:
    scripts = {"intake": work / "intake.lua", "status": work / "status.lua",
               "status once": work / "status-once.lua"}  # fmt: skip
    scripts["intake"].write_text(INTAKE_LUA)
    scripts["status"].write_text(STATUS_LUA)
    scripts["status once"].write_text(STATUS_ONCE_LUA)
    return scripts


def write_intake_requests(path: Path, documents: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for doc in documents:
            out.write(f"{doc['code']}\t{json.dumps(doc, ensure_ascii=False)}\n")


def write_status_paths(path: Path, codes: Iterable[str]) -> None:
    path.write_text("".join(f"/s/{code}\n" for code in codes), encoding="utf-8")


def _milliseconds(out: str, label: str) -> float:
    found = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
    if not found:
        raise RuntimeError(f"no {label} latency in wrk's output:\n{out}")
    return round(float(found.group(1)) * UNITS[found.group(2)], 2)


def wrk(url: str, seconds: int, connections: int, script: Path, *args: str) -> dict[str, float]:
    """One wrk run: requests/s, p50 and p99 latency (ms), non-2xx answers, 201s if counted."""
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency",
               "-s", str(script), url, "--", *args]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not rate:
        raise RuntimeError(f"cannot read wrk's output:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sample = {
        "rps": float(rate.group(1)),
        "p50_ms": _milliseconds(out, "50%"),
        "p99_ms": _milliseconds(out, "99%"),
        "non_2xx_3xx": int(errors.group(1)) if errors else 0,
    }
    again = re.search(r"asked again: (\d+)", out)
    if again:
        sample["asked_again"] = int(again.group(1))
    created = re.search(r"created: (\d+) other: (\d+)", out)
    if created:
        sample["created"] = int(created.group(1))
        sample["not_created"] = int(created.group(2))
    return sample
