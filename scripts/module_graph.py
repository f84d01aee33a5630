#!/usr/bin/env python3
"""Module dependency graph of a Rust crate, from its `crate::…`/`super::…` paths, and its cycles.

Usage: scripts/module_graph.py crates/core/src [--depth N] [--edges]
Each file is a module (`a/b.rs` and `a/b/mod.rs` are `a::b`); a reference `crate::x::y::Item` is an
edge to the deepest module of that path that exists, cut to --depth segments (default 1: the
crate's top-level modules). Edges into a module's own ancestors or descendants are not counted
(a parent re-exporting its children is not a dependency). Exits 1 when there is a cycle.
"""
import re, sys, pathlib

def modules(src):
    mods = {}
    for f in sorted(pathlib.Path(src).rglob("*.rs")):
        rel = f.relative_to(src).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("lib", "main", "mod"):
            parts = parts[:-1]
        mods[tuple(parts)] = f
    return mods

PATH = re.compile(r"\b(crate|super|self)((?:::[a-z_][a-z0-9_]*)+)")
GROUP = re.compile(r"\b(crate|super)::\{([^}]*)\}")

def strip_comments(text):
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)

def main():
    args = sys.argv[1:]
    src = pathlib.Path(args[0])
    depth = int(args[args.index("--depth") + 1]) if "--depth" in args else 1
    mods = modules(src)
    edges = {}
    for mod, f in mods.items():
        text = strip_comments(f.read_text())
        # `#[cfg(test)] mod tests` bodies and test files are not part of the layering
        if mod and mod[-1] == "tests":
            continue
        text = re.split(r"#\[cfg\(test\)\]\s*mod tests\s*\{", text)[0]
        refs = []
        for m in PATH.finditer(text):
            refs.append((m.group(1), [p for p in m.group(2).split("::") if p]))
        for m in GROUP.finditer(text):
            for item in m.group(2).split(","):
                head = item.strip().split("::")[0].strip()
                if re.fullmatch(r"[a-z_][a-z0-9_]*", head or ""):
                    refs.append((m.group(1), [head]))
        for root, parts in refs:
            # a file's own module: `foo.rs` (not mod.rs/lib.rs) is module foo; super is its parent
            base = {"crate": (), "self": mod, "super": mod[:-1]}[root]
            target = base
            for p in parts:
                if tuple(list(target) + [p]) in mods:
                    target = tuple(list(target) + [p])
                else:
                    break
            a, b = mod[:depth], target[:depth]
            if not a or not b or a == b:
                continue
            edges.setdefault(a, set()).add(b)
    names = lambda m: "::".join(m)
    if "--edges" in args:
        for a in sorted(edges):
            print(f"{names(a)} -> {', '.join(sorted(names(b) for b in edges[a]))}")
    # Tarjan's strongly connected components
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: sccs.append(comp)
    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index: visit(v)
    if sccs:
        for comp in sccs:
            print("cycle:", " <-> ".join(sorted(names(m) for m in comp)))
        sys.exit(1)
    print(f"{src}: {len(edges)} modules with dependencies, no cycle at depth {depth}")

main()
