"""The sample Grafana dashboard (deploy/grafana) asks only for metrics the server exports."""

import json
import re
from pathlib import Path

import requests

DASHBOARD = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "antrian-hall.json"


def test_every_dashboard_query_names_an_exported_metric(live_server):
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    queries = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    asked = {name for query in queries for name in re.findall(r"\bantrian_\w+", query)}
    exported = requests.get(f"{live_server.url}/metrics", timeout=10).text
    families = set(re.findall(r"^# TYPE (\w+) ", exported, re.M))
    for name in sorted(asked):
        family = re.sub(r"_(bucket|count|sum)$", "", name)  # a histogram's series
        assert family in families, name
