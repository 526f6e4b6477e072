"""clerk: agendas, attendance and minutes for committee clerks."""

__version__ = "0.1.0"
