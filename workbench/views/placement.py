"""Put every disc where the force layout wanted it, or at the nearest free spot: no overlap, by design.

Why not push overlapping discs apart until none overlap: around a hub with dozens of leaves that
takes hundreds of rounds (seconds at 5,000 nodes) and inflates the picture. Placing the nodes one
at a time instead, most important first, cannot end with an overlap, and is fast because space is
a fine lattice (a cell is half the smallest disc's diameter plus margin): a node takes the block
of cells its disc needs (its disc and half the margin fit inside the block), at its target if the
block is free, else at the nearest free block (probed in order of distance), so the picture keeps
its shape. Two blocks never share a cell, so two discs never come closer than the margin.

Label boxes (the top nodes' labels, which must read at the first zoom) take cells too: a node
that carries one is placed only where its disc and its box are both free, and nothing placed
later can use those cells. Top nodes come first, so their labels find room near their targets.

A force layout crowds a hub's neighbours, and a node whose target is taken probes many cells, so
``relax`` first runs a few rounds of pushing overlapping pairs apart (in numpy, pairs found
through a grid): it does not need to finish, only to thin the crowd.
"""
from __future__ import annotations

import functools
import math
from typing import Iterable, Mapping, Sequence

import numpy as np

__all__ = ["place", "relax"]

_PROBE_RADIUS = 200  # cells: farther than this, a node goes beside everything placed


@functools.cache
def _probes(radius: int) -> tuple[tuple[int, int], ...]:
    """Cell offsets within ``radius``, nearest first: every cell up to 16 away, then ever sparser
    (a stride of a sixth of the distance), so a node in a crowd finds room in a few thousand probes.

    >>> _probes(20)[:3]
    ((0, 0), (0, -1), (-1, 0))
    """
    dx, dy = (a.ravel() for a in np.mgrid[-radius:radius + 1, -radius:radius + 1])
    d2 = dx * dx + dy * dy
    stride = np.where(d2 > 256, np.maximum(1, np.sqrt(d2).astype(int) // 6), 1)
    keep = (d2 <= radius * radius) & (dx % stride == 0) & (dy % stride == 0)
    dx, dy, d2 = dx[keep], dy[keep], d2[keep]
    order = np.lexsort((dx, dy, d2))
    return tuple(zip(dx[order].tolist(), dy[order].tolist()))


def _block(r: float, cell: float, gap: float) -> int:
    """Side, in cells, of the square block that holds a disc of radius ``r`` and half the margin around it."""
    return max(1, math.ceil((2 * r + gap) / cell))


@functools.cache
def _square(k: int) -> tuple[tuple[int, int], ...]:
    return tuple((i, j) for i in range(k) for j in range(k))


def _cells(gx: int, gy: int, k: int, box: tuple[int, int, int, int] | None) -> list[tuple[int, int]]:
    """The cells of a k x k block whose lower-left cell is (gx, gy), and of its label box."""
    out = [(gx + i, gy + j) for i, j in _square(k)]
    if box is not None:
        x0, y0, x1, y1 = box
        out += [(gx + i, gy + j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]
    return out


def _box_free(taken: set[tuple[int, int]], x: int, y: int, box: tuple[int, int, int, int]) -> bool:
    """No cell of the label box (relative to the block at x, y) is taken; stops at the first that is."""
    x0, y0, x1, y1 = box
    return not any((x + i, y + j) in taken for j in range(y0, y1 + 1) for i in range(x0, x1 + 1))


def place(target: np.ndarray, radius: np.ndarray, order: Iterable[int], *, boxes: Mapping[int, Sequence[float]] | None = None,
          gap: float = 6.0) -> np.ndarray:
    """Positions, one row per node, such that no two discs (nor a disc and a box) come closer than ``gap``.

    ``boxes`` maps a node to its label box (x0, y0, x1, y1 relative to its centre); ``order``
    says who is placed first (the first lands on its target, snapped to the lattice).

    >>> xy = place(np.zeros((3, 2)), np.array([10.0, 10.0, 10.0]), [0, 1, 2], gap=0.0)
    >>> d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    >>> bool((d[np.triu_indices(3, 1)] >= 20).all() and np.abs(xy[0]).max() <= 10)
    True
    """
    target = np.asarray(target, dtype=float)
    radius = np.asarray(radius, dtype=float)
    cell = max(2.0, (2 * float(radius.min() if len(radius) else 1.0) + gap) / 2)
    taken: set[tuple[int, int]] = set()
    out = np.zeros_like(target)
    boxes = boxes or {}
    far = -(10 ** 9)
    probes = _probes(_PROBE_RADIUS)
    xs, ys, rs = target[:, 0].tolist(), target[:, 1].tolist(), radius.tolist()
    blocks: dict[float, int] = {}
    placed_x, placed_y = [0.0] * len(xs), [0.0] * len(xs)
    for i in order:
        k = blocks.get(rs[i]) or blocks.setdefault(rs[i], _block(rs[i], cell, gap))
        half = k * cell / 2  # the disc's centre is the block's centre
        box = None
        if i in boxes:  # the label box's cells, relative to the block's lower-left cell
            x0, y0, x1, y1 = boxes[i]
            box = (math.floor((x0 - gap / 2 + half) / cell), math.floor((y0 - gap / 2 + half) / cell),
                   math.floor((x1 + gap / 2 + half) / cell), math.floor((y1 + gap / 2 + half) / cell))
        gx, gy = round((xs[i] - half) / cell), round((ys[i] - half) / cell)
        square = _square(k)
        for dx, dy in probes:
            x, y = gx + dx, gy + dy
            if (x, y) in taken:  # the block's first cell: most probes in a crowd stop here
                continue
            if all((x + a, y + b) not in taken for a, b in square) and (box is None or _box_free(taken, x, y, box)):
                break
        else:  # nothing free nearby (never seen): to the right of everything placed
            x, y = max(gx, far + 2), gy
        cells = _cells(x, y, k, box)
        taken.update(cells)
        far = max(far, x + k, x + (box[2] if box else 0))
        placed_x[i], placed_y[i] = x * cell + half, y * cell + half
    out[:, 0], out[:, 1] = placed_x, placed_y
    return out


def _pairs(xy: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of points in the same or neighbouring grid cells."""
    g = np.floor(xy / cell).astype(np.int64)
    g -= g.min(axis=0)
    stride = int(g[:, 1].max()) + 3
    key = g[:, 0] * stride + g[:, 1]
    order = np.argsort(key, kind="stable")
    skey = key[order]
    left, right, same = [], [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):  # half the neighbourhood: each pair once
        lo = np.searchsorted(skey, key + dx * stride + dy, "left")
        hi = np.searchsorted(skey, key + dx * stride + dy, "right")
        counts = hi - lo
        i = np.repeat(np.arange(len(xy)), counts)
        j = order[np.arange(len(i)) + np.repeat(lo - np.cumsum(counts) + counts, counts)]
        left.append(i)
        right.append(j)
        same.append(np.full(len(i), dx == 0 and dy == 0))
    i, j, s = np.concatenate(left), np.concatenate(right), np.concatenate(same)
    keep = ~s | (i < j)
    return i[keep], j[keep]


def relax(xy: np.ndarray, radius: np.ndarray, *, gap: float = 6.0, rounds: int = 12) -> np.ndarray:
    """``rounds`` of pushing apart the pairs of discs closer than their radii plus ``gap``.

    >>> xy = relax(np.array([[0.0, 0.0], [4.0, 0.0]]), np.array([10.0, 10.0]), gap=0.0, rounds=5)
    >>> bool(xy[1, 0] - xy[0, 0] >= 20.0)
    True
    """
    xy = np.array(xy, dtype=float)
    r = np.asarray(radius, dtype=float)
    if len(xy) < 2:
        return xy
    cell = 2 * float(r.max()) + gap
    for _ in range(rounds):
        i, j = _pairs(xy, cell)
        d = xy[j] - xy[i]
        dist = np.hypot(d[:, 0], d[:, 1])
        over = r[i] + r[j] + gap - dist
        hit = over > 0
        if not hit.any():
            break
        i, j, d, dist, over = i[hit], j[hit], d[hit], dist[hit], over[hit]
        d[dist < 1e-9] = (1.0, 0.0)
        dist[dist < 1e-9] = 1.0
        push = d / dist[:, None] * (over * 0.5)[:, None]
        n = len(xy)
        move = np.column_stack([np.bincount(j, push[:, k], n) - np.bincount(i, push[:, k], n) for k in (0, 1)])
        length = np.hypot(move[:, 0], move[:, 1])
        cap = length > cell / 2  # many pushes on one node add up: cap a round's step
        move[cap] *= (cell / 2 / length[cap])[:, None]
        xy += move
    return xy
