"""The shape of the code, checked: the layers of DESIGN.md (as `lint-imports` checks them), no
import cycle inside an app, no import deferred into a function without a comment saying why,
and no template loading another app's tag library (which import-linter cannot see)."""

import ast
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import grimp
import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parent.parent
APPS = ("kcp_site", "themegroups", "members", "papers", "home")
LAYERS = ("kcp_site", "themegroups | members", "papers", "home")
LOAD_TAG = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*APPS)


def _layers(graph, extra_imports=()):
    for importer, imported in extra_imports:
        graph.add_import(importer=importer, imported=imported)
    layers = [grimp.Layer(*(name.strip() for name in layer.split("|"))) for layer in LAYERS]
    return graph.find_illegal_dependencies_for_layers(layers=layers)


def test_the_layers_contract_is_kept():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_layers_check_fails_when_papers_imports_themegroups(graph):
    """The control: the same layers, with one import upwards added, are broken."""
    assert _layers(graph) == set()
    broken = _layers(graph, [("papers.views", "themegroups")])
    assert {(dependency.importer, dependency.imported) for dependency in broken} == {
        ("papers", "themegroups")
    }


def _cycles(graph, package: str) -> list[list[str]]:
    """The groups of modules of `package` that import each other in a ring (Tarjan)."""
    modules = {package, *graph.find_descendants(package)}
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            ring = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                ring.append(member)
                if member == module:
                    break
            if len(ring) > 1:
                found.append(sorted(ring))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


@pytest.mark.parametrize("app", APPS)
def test_no_app_has_an_import_cycle(graph, app):
    assert _cycles(graph, app) == []


def test_the_cycle_check_finds_a_cycle_when_there_is_one(graph):
    graph.add_import(importer="papers.models.meetings", imported="papers.models.paper_pages")
    graph.add_import(importer="papers.models.paper_pages", imported="papers.models.meetings")
    assert ["papers.models.meetings", "papers.models.paper_pages"] in _cycles(graph, "papers")


def _python_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _comment_lines(path: Path) -> set[int]:
    with path.open("rb") as source:
        return {
            token.start[0]
            for token in tokenize.tokenize(source.readline)
            if token.type == tokenize.COMMENT
        }


def _imports_inside_functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    yield inner


def test_every_import_inside_a_function_says_why():
    """A comment on the import's line or the line above it."""
    unexplained = []
    for path in _python_files():
        comments = _comment_lines(path)
        for node in _imports_inside_functions(ast.parse(path.read_text())):
            if not {node.lineno, node.lineno - 1} & comments:
                unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unexplained == []


def _tag_library_owners() -> dict[str, str]:
    """Each tag library name to the app whose templatetags module defines it (ours only)."""
    libraries = engines["django"].engine.libraries  # name -> module path
    return {
        name: module.split(".")[0]
        for name, module in libraries.items()
        if module.split(".")[0] in APPS
    }


def _loads(template_path: Path) -> set[str]:
    names = set()
    for match in LOAD_TAG.finditer(template_path.read_text()):
        words = match.group(1).split()
        names.update(words[words.index("from") + 1 :] if "from" in words else words)
    return names


def foreign_tag_library_loads(templates_dir: Path) -> list[str]:
    """Templates under templates/<app>/ that load a tag library of another of our apps.
    The templates outside an app's folder (base.html, includes/) are the site's own."""
    owners = _tag_library_owners()
    found = []
    for path in sorted(templates_dir.rglob("*.html")):
        app = path.relative_to(templates_dir).parts[0]
        if app not in APPS:
            continue
        for name in sorted(_loads(path)):
            owner = owners.get(name)
            if owner is not None and owner != app:
                found.append(f"{path.relative_to(templates_dir)} loads {name} ({owner})")
    return found


def test_no_template_loads_another_apps_tag_library():
    assert foreign_tag_library_loads(ROOT / "templates") == []


def test_the_template_check_fails_when_a_papers_template_loads_home_tags(tmp_path):
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "meeting.html").write_text(
        "{% load wagtailcore_tags navigation_tags %}{% breadcrumb_pages page as crumbs %}"
    )
    assert foreign_tag_library_loads(tmp_path) == [
        "papers/meeting.html loads navigation_tags (home)"
    ]
