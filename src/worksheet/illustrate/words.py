"""Alt text for a figure, written from its pose data: "Lying on your back, knees bent; lifting your hips".

Why: a picture must say what it shows to someone who cannot see it (a screen reader, a text-only
copy), and it must say what the data shows, not what someone meant to draw. The sentence is put
together from small phrase tables (base postures, props, starting positions, movements); every
phrase, and every pattern that joins phrases, goes through ``tr`` so that a translation catalogue
can replace them. No English is written outside the tables below.
"""

from __future__ import annotations

from collections.abc import Callable

from . import body as B
from .spec import FigureSpec, pose_changes, resolve_contacts

Tr = Callable[[str], str]


def N_(message: str) -> str:
    return message


BASES = {
    "back-lying-knees-bent": N_("Lying on your back, knees bent"),
    "back-lying-legs-long": N_("Lying on your back, legs straight"),
    "face-down": N_("Lying face down"),
    "face-down-elbows": N_("Lying face down, propped on your elbows"),
    "hands-knees": N_("On your hands and knees"),
    "kneeling": N_("Kneeling"),
    "sitting-chair": N_("Sitting in a chair"),
    "sitting-floor": N_("Sitting on the floor, legs straight"),
    "standing": N_("Standing"),
    "plank": N_("In a push-up position"),
    "side-lying": N_("Lying on your side"),
}
# A base and a prop that make one phrase together.
BASE_PROPS = {
    ("back-lying-knees-bent", "roller"): N_("Lying on a foam roller along your spine, knees bent"),
}
PROPS = {
    "roller": N_("on a foam roller along your spine"),
    "towel": N_("a towel under your forehead"),
    "pillow": N_("a pillow between your knees"),
    "ball": N_("a ball between your back and the wall"),
    "wall": N_("your back to a wall"),
    "chair": N_("holding a chair"),
}
PATTERNS = {
    "sentence": N_("{position}; {movement}"),
    "with": N_("{a}, {b}"),
    "and": N_("{a} and {b}"),
    "then": N_("{a}, then {b}"),
}
# Where a posture "is": context words for the tables below.
CONTEXT = {
    "back-lying-knees-bent": "back", "back-lying-legs-long": "back", "face-down": "front",
    "face-down-elbows": "front", "hands-knees": "fours", "kneeling": "kneel", "sitting-chair": "sit",
    "sitting-floor": "sit", "standing": "stand", "plank": "plank", "side-lying": "side",
}
# Holding or resting on a body part: (part, part held) -> position words.
HOLDS = {
    ("hand", "head"): N_("hands behind your head"),
    ("hand", "shoulder"): N_("arms crossed"),
    ("foot", "knee"): N_("one ankle on the other knee"),
}
# Starting positions that differ from the base: (joint, motion, direction, sides, context).
# sides: 1 for one side, 2 for both; context "*" for any.
POSITIONS = {
    ("knee", "flexion", -1, 1, "sit"): N_("one leg straight"),
    ("hip", "flexion", -1, 1, "stand"): N_("one foot stepped back"),
    ("shoulder", "flexion", 1, 2, "*"): N_("arms forward"),
    ("shoulder", "abduction", 1, 1, "*"): N_("one arm over your head"),
    ("shoulder", "abduction", 1, 2, "*"): N_("arms out to the sides"),
    ("shoulder", "abduction", 1, 2, "bent"): N_("bent arms out to the sides"),
    ("shoulder", "external rotation", 1, 2, "bent"): N_("arms bent, hands by your head"),
    ("hip", "adduction", 1, 1, "back"): N_("one leg crossed over the other"),
    ("trunk", "flexion", -1, 0, "plank"): N_("hips low and chest lifted"),
}
# Movements from start to end, same keys.
MOVES = {
    ("hip", "flexion", 1, 1, "back"): N_("pulling one knee to your chest"),
    ("hip", "flexion", 1, 2, "back"): N_("pulling both knees to your chest"),
    ("hip", "flexion", 1, 1, "sit"): N_("pulling one knee up toward your chest"),
    ("hip", "flexion", 1, 2, "sit"): N_("leaning forward from your hips"),
    ("hip", "flexion", 1, 2, "fours"): N_("sitting back toward your heels"),
    ("hip", "flexion", 1, 2, "plank"): N_("pushing your hips up into an upside-down V"),
    ("hip", "flexion", -1, 1, "fours"): N_("reaching one leg back"),
    ("hip", "flexion", -1, 2, "back"): N_("lifting your hips"),
    ("hip", "flexion", -1, 1, "stand"): N_("pushing your hips forward"),
    ("hip", "adduction", 1, 2, "*"): N_("squeezing your knees together"),
    ("trunk", "flexion", 1, 0, "*"): N_("rounding your back"),
    ("trunk", "flexion", -1, 0, "*"): N_("arching your back"),
    ("trunk", "flexion", -1, 0, "front"): N_("lifting your chest"),
    ("upper back", "flexion", 1, 0, "*"): N_("rounding your upper back"),
    ("upper back", "flexion", -1, 0, "*"): N_("arching your upper back"),
    ("lower back", "flexion", 1, 0, "back"): N_("pressing your lower back into the floor"),
    ("lower back", "flexion", 1, 0, "*"): N_("rolling your hips back"),
    ("trunk", "rotation right", 0, 0, "back"): N_("letting your knees fall to one side"),
    ("trunk", "rotation right", 0, 0, "*"): N_("turning your upper body to one side"),
    ("trunk", "side bend right", 0, 0, "*"): N_("leaning to one side"),
    ("shoulder", "flexion", 1, 1, "*"): N_("reaching one arm forward"),
    ("shoulder", "flexion", 1, 2, "*"): N_("reaching your arms forward"),
    ("shoulder", "abduction", 1, 2, "*"): N_("sliding your arms up over your head"),
    ("shoulder", "horizontal adduction", -1, 2, "*"): N_("lifting your arms"),
    ("elbow", "flexion", -1, 2, "*"): N_("straightening your arms"),
    ("shoulder blades", "retraction", 1, 2, "*"): N_("squeezing your shoulder blades together"),
    ("shoulder blades", "retraction", -1, 2, "*"): N_("pushing your hands forward"),
    ("lean", "forward", -1, 0, "*"): N_("leaning back"),
    ("lean", "forward", -1, 0, "ball"): N_("leaning back into the ball"),
    ("shoulder", "flexion", 1, 2, "plank"): "",  # said by the hips: no words of its own
    ("knee", "flexion", 1, 1, "stand"): N_("bending your front knee"),
    ("lean", "forward", 1, 0, "*"): N_("leaning forward"),
    ("neck", "flexion", 1, 0, "*"): N_("tucking your chin"),
}
# Rests that begin or end: (part, "lifted" or "rests") -> movement words.
CONTACT_MOVES = {
    ("elbow", "rests"): N_("propping yourself up on your elbows"),
}
ARM = ("shoulder", "elbow", "shoulder blades")
WEIGHT = {"trunk": 1.6, "upper back": 1.6, "lower back": 2.5, "lean": 3.0, "shoulder blades": 3.0,
          "hip": 2.5, "shoulder": 1.0, "knee": 0.5, "elbow": 0.8, "neck": 0.4, "ankle": 0.1}


def _changes(a: dict[B.Dof, float], b: dict[B.Dof, float]) -> list[tuple[float, str, str, int, int, str]]:
    """(weighted size, joint, motion, direction, how many sides, which sides) of each joint motion
    that changes from a to b; the trunk's two halves are one "trunk" unless only one moves."""
    found: dict[tuple[str, str], dict[str, float]] = {}
    for dof in set(a) | set(b):
        d = b.get(dof, 0.0) - a.get(dof, 0.0)
        if abs(d) >= 4:
            side, joint, motion = dof
            found.setdefault((joint, motion), {})[side] = d
    for motion in ("flexion", "side bend right", "rotation right"):
        lo = found.get(("lower back", motion), {}).get("", 0.0)
        hi = found.get(("upper back", motion), {}).get("", 0.0)
        if lo and hi and lo * hi > 0:
            found.pop(("lower back", motion))
            found.pop(("upper back", motion))
            found[("trunk", motion)] = {"": lo + hi}
    out = []
    for (joint, motion0), sides_of in found.items():
        for sign in (1, -1):
            mine = [d for d in sides_of.values() if d * sign > 0]
            if not mine:
                continue
            d = max(mine, key=abs)
            motion, direction = motion0, sign
            if motion in ("side bend right", "rotation right"):
                direction = 0
            if joint in ("hip", "shoulder") and motion == "abduction" and direction < 0:
                motion, direction = "adduction", 1
            sides = "".join(sorted(side[:1] for side, v in sides_of.items() if v * sign > 0))
            count = len(mine) if B.JOINTS[joint].sided else 0
            out.append((abs(d) * WEIGHT.get(joint, 1.0), joint, motion, direction, count, sides))
    out.sort(key=lambda t: (-t[0], t[1], t[2], -t[3]))
    return out


def _look(table: dict, joint: str, motion: str, direction: int, count: int, *contexts: str) -> str | None:
    """The phrase for a change, most particular context first ("" means: say nothing)."""
    for ctx in (*contexts, "*"):
        phrase = table.get((joint, motion, direction, count, ctx))
        if phrase is not None:
            return phrase
    return None


def alt_text(spec: FigureSpec, tr: Tr = lambda s: s) -> str:
    """One plain sentence from the pose data, every phrase passed through ``tr``."""
    context = CONTEXT.get(spec.base, "*")
    base_angles, _, _ = pose_changes(FigureSpec(base=spec.base), "start")
    start, _, _ = pose_changes(spec, "start")
    end, _, _ = pose_changes(spec, "end")
    start_contacts, _ = resolve_contacts(spec, "start")
    end_contacts, _ = resolve_contacts(spec, "end")

    def join(pattern: str, a: str, b: str) -> str:
        return tr(PATTERNS[pattern]).format(a=a, b=b)

    position = tr(BASES.get(spec.base, spec.base))
    for prop in spec.props:
        if (spec.base, prop) in BASE_PROPS:
            position = tr(BASE_PROPS[(spec.base, prop)])
    contexts = [p for p in spec.props if p == "ball"] + [context]
    extras: list[str] = []
    for prop in spec.props:
        if (spec.base, prop) in BASE_PROPS:
            continue
        said = (prop == "chair" and context == "sit") or (prop == "wall" and "ball" in spec.props)
        if prop in PROPS and not said:
            if prop == "chair" and not any(c.support == "chair" for c in start_contacts):
                continue
            extras.append(tr(PROPS[prop]))
    arms_held = False
    for c in start_contacts:
        words = HOLDS.get((c.part, c.target[0])) if c.support == "body" else None
        if words and tr(words) not in extras:
            extras.append(tr(words))
            arms_held = arms_held or c.part == "hand"
    every_move = _changes(start, end)
    top = every_move[0][0] if every_move else 0.0
    moves = [m for m in every_move if m[0] >= 0.25 * top]
    moved = {(j, m, d, sd): w for w, j, m, d, _, sd in moves[:2]}
    starts = _changes(base_angles, start)
    for size, joint, motion, direction, count, which in starts:
        if arms_held and joint in ARM:
            continue
        moving = [sd for sd in B.SIDES
                  if abs(start.get((sd, joint, motion), 0) - base_angles.get((sd, joint, motion), 0)) >= 4]
        bent = joint == "shoulder" and any(start.get((sd, "elbow", "flexion"), 0) > 45 for sd in moving)
        words = ((bent and _look(POSITIONS, joint, motion, direction, count, "bent"))
                 or _look(POSITIONS, joint, motion, direction, count, context))
        if words and tr(words) not in extras and size >= moved.get((joint, motion, direction, which), 0.0):
            extras.append(tr(words))
            arms_held = arms_held or joint in ARM  # one phrase for the arms is enough
    for e in extras[:3]:
        position = join("with", position, e)

    phrases: list[str] = []
    before = {(c.part, c.side) for c in start_contacts}
    limb_said = False
    for c in end_contacts:
        words = CONTACT_MOVES.get((c.part, "rests")) if (c.part, c.side) not in before else None
        if words and tr(words) not in phrases:
            phrases.append(tr(words))
            limb_said = limb_said or c.part in ("elbow", "hand")
    for _, joint, motion, direction, count, _ in moves:
        if limb_said and joint in ARM:
            continue
        words = _look(MOVES, joint, motion, direction, count, *contexts)
        if words and tr(words) not in phrases:
            phrases.append(tr(words))
        if len(phrases) == 2:
            break
    # A start that is itself a movement away from the base, undone by the main movement (the cat
    # before the cow), comes first.
    first = None
    if moves:
        _, top_joint, top_motion, top_direction, _, top_sides = moves[0]
        for size, joint, motion, direction, count, which in starts:
            if (joint, motion, direction, which) == (top_joint, top_motion, -top_direction, top_sides) and size >= 30:
                first = _look(MOVES, joint, motion, direction, count, *contexts)
                break
    if first and phrases:
        movement = join("then", tr(first), phrases[0])
    elif len(phrases) >= 2:
        movement = join("and", phrases[0], phrases[1])
    elif phrases:
        movement = phrases[0]
    else:
        return position
    return tr(PATTERNS["sentence"]).format(position=position, movement=movement)
