#!/usr/bin/env python3
"""Parse every .tf file of a directory with python-hcl2 and print one JSON object, with the
quoting python-hcl2 keeps ("\"name\"" keys, "\"text\"" strings) removed:

  {"resource": {"<type>.<name>": {...}}, "data": {...}, "variable": {...}, "output": {...},
   "locals": {...}, "terraform": [...], "references": ["var.x", "local.y", "aws_z.w", ...]}

usage: terraform-json.py DIRECTORY
"""
import glob
import json
import os
import re
import sys

import hcl2


def unquote(value):
    if isinstance(value, str):
        return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
    if isinstance(value, list):
        return [unquote(item) for item in value]
    if isinstance(value, dict):
        return {unquote(key): unquote(item) for key, item in value.items() if key not in ("__is_block__", "__comments__")}
    return value


def main() -> None:
    directory = sys.argv[1]
    merged = {"resource": {}, "data": {}, "variable": {}, "output": {}, "locals": {}, "terraform": []}
    text = ""
    for path in sorted(glob.glob(os.path.join(directory, "*.tf"))):
        with open(path) as handle:
            source = handle.read()
        text += source
        with open(path) as handle:
            parsed = unquote(hcl2.load(handle))
        for block in parsed.get("resource", []) + parsed.get("data", []):
            kind = "resource" if block in parsed.get("resource", []) else "data"
            for resource_type, instances in block.items():
                for name, body in instances.items():
                    merged[kind][f"{resource_type}.{name}"] = body
        for block in parsed.get("variable", []):
            merged["variable"].update(block)
        for block in parsed.get("output", []):
            merged["output"].update(block)
        for block in parsed.get("locals", []):
            merged["locals"].update(block)
        merged["terraform"] += parsed.get("terraform", [])
    code = re.sub(r"#[^\n]*", "", text)
    references = set(re.findall(r"\b(var\.[a-z_0-9]+|local\.[a-z_0-9]+|(?:data\.)?aws_[a-z_0-9]+\.[a-z_0-9]+|helm_release\.[a-z_0-9]+)", code))
    merged["references"] = sorted(references)
    print(json.dumps(merged))


if __name__ == "__main__":
    main()
