"""Intakes: the ways a submission reaches the office (HTTP, e-mail, a spool folder)."""
