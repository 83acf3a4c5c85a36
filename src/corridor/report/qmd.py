"""Just enough Quarto to run a .qmd without Quarto: front matter, markdown, ```{python} cells with
`#|` options, and a `parameters` cell that rendering can override (as `quarto render -P` does)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import nbformat
import yaml

_FENCE = re.compile(r"^```\{python\}[^\n]*\n(?P<code>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_OPTION = re.compile(r"^#\|\s*(?P<key>[\w-]+)\s*:\s*(?P<value>.*)$")


@dataclass(slots=True)
class Qmd:
    meta: dict
    notebook: nbformat.NotebookNode


def split_front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---"):
        end = re.search(r"^---\s*$", text[3:], re.MULTILINE)
        if end:
            meta = yaml.safe_load(text[3:3 + end.start()]) or {}
            return (meta if isinstance(meta, dict) else {}), text[3 + end.end():]
    return {}, text


def cell_options(code: str) -> tuple[dict, str]:
    """`#| key: value` lines at the top of a cell -> (options, code without them)."""
    options: dict = {}
    lines = code.splitlines()
    i = 0
    while i < len(lines):
        m = _OPTION.match(lines[i])
        if not m:
            break
        options[m.group("key")] = yaml.safe_load(m.group("value"))
        i += 1
    return options, "\n".join(lines[i:])


def _code_cell(source: str, tags: list[str]) -> nbformat.NotebookNode:
    """A code cell as nbformat.v4.new_code_cell makes it, without its schema validation (a few ms a cell,
    hundreds of pages a site): the cells are built here, always to the same shape."""
    return nbformat.from_dict({"cell_type": "code", "id": uuid.uuid4().hex[:8], "metadata": {"tags": tags},
                               "source": source, "outputs": [], "execution_count": None})


def _markdown_cell(source: str) -> nbformat.NotebookNode:
    return nbformat.from_dict({"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": source})


def parse(text: str, params: dict | None = None, default_echo: bool = False) -> Qmd:
    meta, body = split_front_matter(text)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    pos = 0
    for m in _FENCE.finditer(body):
        md = body[pos:m.start()].strip()
        if md:
            nb.cells.append(_markdown_cell(md))
        options, code = cell_options(m.group("code"))
        tags = list(options.get("tags") or [])
        if not options.get("echo", default_echo):
            tags.append("remove_input")
        if options.get("output") is False:
            tags.append("remove_output")
        if options.get("include") is False:
            tags.append("remove_cell")
        nb.cells.append(_code_cell(code.rstrip(), tags))
        if "parameters" in tags and params:
            injected = "\n".join(f"{k} = {v!r}" for k, v in params.items())
            nb.cells.append(_code_cell("# injected parameters\n" + injected, ["injected-parameters", "remove_cell"]))
        pos = m.end()
    tail = body[pos:].strip()
    if tail:
        nb.cells.append(_markdown_cell(tail))
    return Qmd(meta=meta, notebook=nb)
