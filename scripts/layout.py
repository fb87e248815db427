#!/usr/bin/env python3
"""The layout rules of the repository, checked (run by scripts/test.sh; exit 1 on a violation).

1. No source file over 800 lines (code, scripts, styles; not data, docs or generated files).
   A file listed in OVER_800 is reported but allowed until it is split; the check fails when
   such a file is under the limit, so that its entry is removed.
2. The page's src/ root holds at most 8 files: everything else lives in a folder named for its
   role (load/, model/, ui/, ...).
3. No scripts loose at the repository root: the page's scripts are in js/, the tools' in
   scripts/ and tools/.
4. No import cycle between Rust files: from each file's `use crate::…`, `use super::…`,
   `use self::…` and `use child::…` lines and the `crate::…` paths in its code (re-exports
   with `pub use` and `#[cfg(test)]` modules are left out), resolved to the file of the
   module they name.
5. Nothing cites a document outside the repository (the domain reference is docs/domain.md,
   the toolchain notes docs/toolchain.md), and ARCHITECTURE.md stays a five-minute read
   (at most 10 000 bytes).

    python3 scripts/layout.py        # from anywhere in the repository
"""
import re
import subprocess
import sys
from pathlib import Path

MAX_LINES = 800
MAX_SRC_ROOT_FILES = 8
SOURCE = re.compile(r"\.(rs|js|mjs|py|sh|css|html)$")
SCRIPT = re.compile(r"\.(js|mjs|cjs|ts|sh|py)$")
# Files allowed over the limit until they are split (none today).
OVER_800: dict[str, str] = {}
MAX_ARCHITECTURE_BYTES = 10_000
# A citation of a file this repository does not hold: "docs/domain.md §2", "docs/domain.md", "docs/toolchain.md",
# "shared/…" (docs/domain.md and docs/toolchain.md are the repository's own).
OUTSIDE = re.compile(r"(?<![\w/])(DOMAIN(\.md)?\s?§|DOMAIN\.md|TOOLCHAIN\.md)|\.\./shared/|/work/shared")

root = Path(subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip())
files = subprocess.check_output(["git", "ls-files"], cwd=root, text=True).split()
files = [f for f in files if (root / f).is_file()]
problems = []


def lines_of(path):
    with open(root / path, encoding="utf-8", errors="replace") as f:
        return sum(1 for _ in f)


# 1. File sizes.
sources = [f for f in files if SOURCE.search(f) and not f.startswith(("tests/fixtures/", "data/"))]
for path in sources:
    n = lines_of(path)
    if n > MAX_LINES and path in OVER_800:
        print(f"  allowed for now: {path} has {n} lines ({OVER_800[path]})")
    elif n > MAX_LINES:
        problems.append(f"{path} has {n} lines (at most {MAX_LINES}): split it where its steps are")
for path in OVER_800:
    if path in sources and lines_of(path) <= MAX_LINES:
        problems.append(f"{path} is within {MAX_LINES} lines now: remove it from OVER_800")

# 2. The page's src/ root.
src_root = sorted(f for f in files if f.startswith("src/") and f.count("/") == 1)
if len(src_root) > MAX_SRC_ROOT_FILES:
    problems.append(f"src/ holds {len(src_root)} files (at most {MAX_SRC_ROOT_FILES}): {', '.join(src_root)}")

# 3. Loose scripts at the root.
loose = [f for f in files if "/" not in f and SCRIPT.search(f)]
if loose:
    problems.append(f"scripts loose at the repository root: {', '.join(loose)} (the page's go in js/)")


# 4. Import cycles between Rust files, crate by crate.
def module_files(src):
    """Module path (tuple) → file, for one crate's src/ folder."""
    modules = {}
    for f in files:
        if not (f.startswith(src + "/") and f.endswith(".rs")):
            continue
        parts = f[len(src) + 1 : -3].split("/")
        if parts in (["lib"], ["main"]):
            parts = []
        elif parts[-1] == "mod":
            parts = parts[:-1]
        modules.setdefault(tuple(parts), f)
    return modules


def use_paths(text):
    """The paths of every `use` outside `pub use` and test modules, groups expanded, and the
    `crate::…` and `super::…` paths written in the code itself."""
    text = re.split(r"#\[cfg\((?:all\()?test\b[^\n]*\n\s*mod \w+ \{", text)[0]
    text = re.sub(r"//[^\n]*", "", text)
    for m in re.finditer(r"(^|\n)\s*(pub(\([^)]*\))?\s+)?use\s+([^;]+);", text):
        if not m.group(2):
            yield from expand(re.sub(r"\s+", "", m.group(4)))
    code = re.sub(r"(^|\n)\s*(pub(\([^)]*\))?\s+)?use\s+[^;]+;", "", text)
    yield from re.findall(r"\b(?:crate|super)(?:::\w+)+", code)


def expand(path):
    """`a::{b::C, d}` → `a::b::C`, `a::d`."""
    brace = path.find("{")
    if brace < 0:
        yield path
        return
    head, inner = path[:brace], path[brace + 1 : path.rindex("}")]
    depth, start = 0, 0
    for i, c in enumerate(inner + ","):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            part = inner[start:i]
            start = i + 1
            if part:
                yield from expand(head + part)


def target(modules, here, path):
    """The file of the module a use path names, or None (another crate, std)."""
    segments = [s.split(" as ")[0] for s in path.split("::") if s]
    if not segments:
        return None
    first = segments[0]
    if first == "crate":
        base, rest = (), segments[1:]
    elif first in ("super", "self"):
        base = here
        while segments and segments[0] in ("super", "self"):
            if segments[0] == "super":
                base = base[:-1]
            segments = segments[1:]
        rest = segments
    elif here + (first,) in modules:
        base, rest = here, segments
    else:
        return None
    best = base
    for i in range(len(rest)):
        if base + tuple(rest[: i + 1]) in modules:
            best = base + tuple(rest[: i + 1])
        else:
            break
    return modules.get(best)


def cycles(graph):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return out


crate_roots = sorted({f.rsplit("/src/", 1)[0] + "/src" if "/src/" in f else "src"
                      for f in files if f.endswith(".rs") and (f.startswith("src/") or "/src/" in f)})
edges = 0
for src in crate_roots:
    modules = module_files(src)
    here_of = {f: m for m, f in modules.items()}
    graph = {}
    for f, here in here_of.items():
        text = (root / f).read_text(encoding="utf-8")
        for path in use_paths(text):
            t = target(modules, here, path)
            if t and t != f:
                graph.setdefault(f, set()).add(t)
    edges += sum(len(v) for v in graph.values())
    for component in cycles(graph):
        problems.append("import cycle: " + " ↔ ".join(component))

outside = []
for f in files:
    if f == "scripts/layout.py" or f.startswith(("tests/fixtures/", "data/")) or f.endswith((".lock", ".xlsx", ".xls", ".ods", ".png", ".svg")):
        continue
    try:
        text = (root / f).read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        continue
    for n, line in enumerate(text.splitlines(), 1):
        if OUTSIDE.search(line):
            outside.append(f"{f}:{n}")
if outside:
    problems.append(f"{len(outside)} citation(s) of a document outside the repository (cite docs/domain.md §N, docs/toolchain.md): {', '.join(outside[:10])}")
arch = (root / "ARCHITECTURE.md").stat().st_size
if arch > MAX_ARCHITECTURE_BYTES:
    problems.append(f"ARCHITECTURE.md has {arch} bytes (at most {MAX_ARCHITECTURE_BYTES}): keep it a five-minute read")

print(f"layout: {len(sources)} source files, src/ root {len(src_root)} files, "
      f"{len(crate_roots)} crates, {edges} imports between files")
for p in problems:
    print(f"  {p}")
if problems:
    print(f"layout: {len(problems)} problem(s)")
    sys.exit(1)
print("layout: ok")
