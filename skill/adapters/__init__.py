"""Adapters: the skill's ports implemented over AWS and HTTP services."""
