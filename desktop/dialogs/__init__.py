"""Dialogs: import wizard, settings."""
