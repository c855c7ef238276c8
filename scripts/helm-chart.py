#!/usr/bin/env python3
"""Lint and render a chart with real Helm v4 (helm-python-sdk, Helm's Go SDK as a library).

usage: helm-chart.py CHART_DIR VALUES_JSON RELEASE NAMESPACE
prints one JSON object: {"lint": <helm lint report>, "manifests": {template: text}} or {"error": text}
"""
import json
import sys

import helm_python as helm


def main() -> None:
    chart_dir, values_text, release, namespace = sys.argv[1:5]
    values = json.loads(values_text)
    result = {"lint": helm.lint(chart_dir, values, strict=True, namespace=namespace, kube_version="v1.30.0")}
    try:
        chart = helm.Chart.load(chart_dir)
        chart.validate_schema(values)
        result["manifests"] = chart.render(values, name=release, namespace=namespace, is_install=True)
    except helm.HelmError as error:
        result["error"] = str(error)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
