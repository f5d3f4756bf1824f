"""Verbs of the participatory budget. Views, admin screens and commands call these;
each checks permissions and the phase itself."""
