"""The performance benchmark of issue 5: ``make bench`` (``python -m devtools.bench``).

It measures, in one run on this machine, what the performance budget is about:
cold start against two baseline skills (`devtools/bench/baselines/`), warm latency per
fixture, DynamoDB and account-API calls per conversation turn, peak memory and the
deployment package size. It prints a table of figures, baselines, ratios and budget
verdicts, and writes the same as JSON to ``bench-results/latest.json``. It is a
report, not a test: it exits 0 even when a budget fails.
"""
