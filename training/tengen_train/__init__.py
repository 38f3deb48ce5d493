"""Tengen training side: KataGo-format networks, data rows, trainer, export."""

__version__ = "0.1.0"
