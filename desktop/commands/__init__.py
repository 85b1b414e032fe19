"""Subcommands of ``debatemap`` that need Qt (image export, handouts), one module each."""
