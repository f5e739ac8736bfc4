"""Developer tooling for the ZOSI Care skill: model generation, the local NLU simulator, CLIs.

Never shipped to Lambda; run from the repository root as `python -m devtools`.
"""
