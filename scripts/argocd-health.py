#!/usr/bin/env python3
"""Run an Argo CD health-check Lua script on an object, as Argo CD does: the object (JSON on
stdin) is the global `obj`; the script returns {status, message}. Prints that as JSON.

usage: argocd-health.py SCRIPT.lua < object.json
"""
import json
import sys

from lupa import LuaRuntime


def main() -> None:
    with open(sys.argv[1]) as handle:
        script = handle.read()
    lua = LuaRuntime(unpack_returned_tuples=True)
    lua.globals().obj = lua.table_from(json.load(sys.stdin), recursive=True)
    result = lua.execute(script)
    print(json.dumps({"status": result["status"], "message": result["message"]}))


if __name__ == "__main__":
    main()
