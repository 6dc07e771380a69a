"""Named starting postures, the body parts that can rest on something, and the props' sizes.

Why: an exercise picture is "a base posture plus a few joint changes". The bases carry the hard
part once (how a person lies on their back with knees bent, what touches the floor, which joint
gives when the feet must reach it), so each exercise can be written by hand in a few lines.

A base is joint angles (written like an exercise's changes), how the body is turned in the world
(0 upright; 90 on the back, head to the left; -90 face down, head to the right), which segment
keeps that turn (the upper chest when lying on the back, so a knee roll turns the pelvis), whether
the body stays upright or rests on its two main contacts, and the contacts themselves.
"""

from __future__ import annotations

from typing import NamedTuple

from . import body as B


class Base(NamedTuple):
    id: str
    angles: tuple[tuple[str, float], ...]
    turn: float  # degrees about the world z axis (the side view's line of sight)
    contacts: tuple[tuple[str, str], ...]  # (part, support); the first two place the body
    anchor: str = "pelvis"  # the segment that keeps the turn
    upright: bool = False  # True: the turn is kept (standing); False: rests on two contacts
    side_lying: bool = False


_ARMS_BY_SIDES = (("shoulder abduction", 8.0), ("elbow", 10.0))
_LYING_ARMS = (("shoulder abduction", 14.0), ("shoulder", -4.0), ("elbow", 6.0))

BASES: dict[str, Base] = {
    b.id: b
    for b in (
        Base("back-lying-knees-bent",
             (("hip", 40.0), ("knee", 95.0), ("neck", 8.0), *_LYING_ARMS),
             90.0, (("upper back", "floor"), ("buttocks", "floor"), ("feet", "floor"), ("head", "floor"),
                    ("hands", "floor")),
             anchor="thorax_up"),
        Base("back-lying-legs-long",
             (("hip", 0.0), ("knee", 4.0), ("ankle", -25.0), ("neck", 8.0), *_LYING_ARMS),
             90.0, (("upper back", "floor"), ("buttocks", "floor"), ("heels", "floor"), ("head", "floor"),
                    ("hands", "floor")),
             anchor="thorax_up"),
        Base("face-down",
             (("hip", 0.0), ("knee", 6.0), ("ankle", -45.0), ("neck", -12.0),
              ("shoulder abduction", 12.0), ("elbow", 6.0)),
             -90.0, (("upper back", "floor"), ("buttocks", "floor"), ("knees", "floor"), ("toes", "floor"))),
        Base("face-down-elbows",
             (("hip", 0.0), ("knee", 6.0), ("ankle", -45.0), ("lower back", -16.0),
              ("upper back", -8.0), ("neck", -18.0), ("shoulder", 75.0), ("elbow", 95.0)),
             -90.0, (("buttocks", "floor"), ("knees", "floor"), ("elbows", "floor"), ("hands", "floor"),
                     ("toes", "floor"))),
        Base("hands-knees",
             (("hip", 90.0), ("knee", 90.0), ("ankle", -45.0), ("shoulder", 90.0), ("elbow", 0.0),
              ("neck", -12.0)),
             -90.0, (("knees", "floor"), ("hands", "floor"), ("toes", "floor"))),
        Base("kneeling",
             (("hip", 0.0), ("knee", 90.0), ("ankle", -40.0), *_ARMS_BY_SIDES),
             0.0, (("knees", "floor"), ("toes", "floor"))),
        Base("sitting-chair",
             (("hip", 90.0), ("knee", 90.0), ("shoulder", 12.0), ("elbow", 55.0)),
             0.0, (("buttocks", "seat"), ("thighs", "seat"), ("feet", "floor"), ("hands", "thighs"))),
        Base("sitting-floor",
             (("hip", 90.0), ("knee", 0.0), ("ankle", -10.0), ("shoulder", 5.0),
              ("shoulder abduction", 12.0), ("elbow", 5.0)),
             0.0, (("buttocks", "floor"), ("heels", "floor"), ("hands", "floor"))),
        Base("standing", _ARMS_BY_SIDES, 0.0, (("feet", "floor"),), upright=True),
        Base("plank",
             (("hip", 0.0), ("knee", 0.0), ("ankle", 5.0), ("shoulder", 85.0), ("elbow", 0.0),
              ("neck", -10.0)),
             -90.0, (("hands", "floor"), ("toes", "floor"))),
        Base("side-lying",
             (("hip", 40.0), ("knee", 70.0), ("left shoulder", 90.0), ("left elbow", 20.0),
              ("right shoulder", 20.0), ("right elbow", 60.0), ("neck side bend", -12.0)),
             0.0, (("upper back", "floor"), ("buttocks", "floor")), side_lying=True),
    )
}

# ---------------------------------------------------------------------------------------------
# Body parts that can touch something. A sided part written in the plural means both sides.

TORSO_PARTS = {  # part -> indices into body.TORSO (the lowest of them touches)
    "buttocks": (0, 1),
    "lower back": (2,),
    "upper back": (3, 4),
}
PART_ALIASES = {
    "hips": "buttocks", "pelvis": "buttocks", "chest": "upper back", "shoulders": "upper back",
    "back": "upper back", "waist": "lower back", "forehead": "head", "face": "head",
    "knees": "knee", "thighs": "thigh", "shins": "shin", "feet": "foot", "heels": "heel",
    "hands": "hand", "elbows": "elbow", "forearms": "forearm", "toe": "toes",
}
SIDED_PARTS = ("thigh", "knee", "shin", "foot", "heel", "toes", "hand", "elbow", "forearm", "shoulder")
PARTS = ("head", *TORSO_PARTS, *SIDED_PARTS)

# The joints that give, in turn, so that a part reaches its support (a part not listed must be one
# of the two that place the body). See solve._fit_dofs for the hand and toes.
FIT = {
    "foot": ("knee", "hip"), "heel": ("hip", "knee"), "toes": ("ankle", "knee"), "knee": ("hip",),
    "shin": ("knee",), "thigh": ("hip",), "hand": ("shoulder", "elbow"), "elbow": ("shoulder",),
    "head": ("neck",), "lower back": ("lower back",), "shoulder": ("shoulder blades",),
}

# ---------------------------------------------------------------------------------------------
# Props (fractions of standing height).

PROPS = ("floor", "mat", "chair", "wall", "towel", "pillow", "ball", "roller")
MAT_T = 0.012
TOWEL_H = 0.035  # a folded towel
PILLOW = (0.17, 0.06, 0.11)  # length, thickness, width of a small pillow
BALL_R = 0.04  # a tennis ball, drawn larger than life so that it shows at print size
ROLLER_R = 0.045  # a 15 cm foam roller
ROLLER_LEN = 0.54
CHAIR = {  # seat top at knee height, a mid-back backrest
    "seat": B.SEAT_H, "depth": 0.25, "width": 0.26, "slab": 0.025, "back": 0.27, "leg": 0.018,
}

# Supports a part can rest on: horizontal ones (height of their top) and upright ones.
HORIZONTAL = ("floor", "mat", "seat", "chair", "towel", "roller", "pillow")
UPRIGHT = ("wall", "ball")
LIFTED = "lifted"
