"""Report: the Quarto site in reports/, rendered by Quarto when installed, else by nbclient + nbconvert."""

from corridor.report.render import render_site

__all__ = ["render_site"]
