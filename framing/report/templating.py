"""The one jinja2 environment for the report: autoescape on for every template.

Autoescaping is switched on unconditionally (not by file extension) so that no template
can forget it; trusted fragments (our SVG charts, the card body we build with markupsafe)
are passed in as ``Markup``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from framing.report.format import fmt


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("framing.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fmt"] = fmt
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
