"""Subcommands of ``debatemap`` that need no Qt, one module each.

A module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``, and
imports what is heavy inside ``run`` so that ``debatemap --help`` stays instant.
"""
