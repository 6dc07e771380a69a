"""The adult body the pictures are drawn from: lengths, widths, joints and their normal ranges.

Why: every picture in a library must show the same person, so the body is one table of numbers
(lengths as fractions of standing height, after Drillis & Contini as used in Winter's
biomechanics text) rather than something each picture tweaks. Joint ranges are the commonly cited
clinical ones (AAOS), so that a pose a patient could not do is caught as an error in the data.

The skeleton is three-dimensional (x forward, y up, z to the figure's right, standing neutral,
units of standing height) and is projected orthographically for a side, front or top view. One
model for every view keeps a side bend, a twist and a snow angel consistent with the side views
of the same person; a separate flat model per view would need its own numbers, ranges and tests.

A clinician names a motion as ``[left|right] joint [motion]``, e.g. ``knee``, ``right hip
abduction``, ``trunk rotation``. Each motion has a positive name and its opposite (``flexion`` /
``extension``); writing the opposite name flips the sign.
"""

from __future__ import annotations

from typing import NamedTuple

SIDES = ("left", "right")


class Motion(NamedTuple):
    """One degree of freedom of a joint as a clinician names it."""

    name: str  # positive direction, e.g. "flexion"
    opposite: str  # negative direction, e.g. "extension"
    low: float  # most negative allowed value (degrees), e.g. -30 for 30 of extension
    high: float  # most positive allowed value
    alias: str = ""  # another word for the positive direction, e.g. "rotation"


class Joint(NamedTuple):
    name: str
    sided: bool
    motions: tuple[Motion, ...]  # the first is what the bare joint name means

    def motion(self, word: str) -> tuple[Motion, int] | None:
        """The motion a word names and the sign it carries (+1 or -1), or None."""
        for m in self.motions:
            if word == m.name or (m.alias and word == m.alias):
                return m, 1
            if word == m.opposite:
                return m, -1
        return None


def _m(name: str, opposite: str, low: float, high: float, alias: str = "") -> Motion:
    return Motion(name, opposite, low, high, alias)


# Ranges: the notes' clinical ranges (AAOS). Side bend and rotation are "to the right" when
# positive. The trunk is the whole spine; "lower back" and "upper back" are its two halves, and
# a bare "trunk" change is shared between them (TRUNK_SHARE), so each half also has a range.
JOINTS: dict[str, Joint] = {
    j.name: j
    for j in (
        Joint("hip", True, (
            _m("flexion", "extension", -30, 120),
            _m("abduction", "adduction", -30, 45),
            _m("external rotation", "internal rotation", -45, 60, "rotation"),
        )),
        Joint("knee", True, (_m("flexion", "extension", -5, 150),)),
        Joint("ankle", True, (_m("dorsiflexion", "plantar flexion", -50, 20),)),
        Joint("shoulder", True, (
            _m("flexion", "extension", -60, 180),
            _m("abduction", "adduction", -30, 180),
            _m("horizontal adduction", "horizontal abduction", -45, 130),
            _m("external rotation", "internal rotation", -70, 90, "rotation"),
        )),
        Joint("shoulder blades", True, (
            _m("retraction", "protraction", -25, 25),
            _m("elevation", "depression", -10, 35),
        )),
        Joint("elbow", True, (_m("flexion", "extension", -5, 150),)),
        Joint("trunk", False, (
            _m("flexion", "extension", -30, 90),
            _m("side bend right", "side bend left", -35, 35, "side bend"),
            _m("rotation right", "rotation left", -45, 45, "rotation"),
        )),
        Joint("lower back", False, (
            _m("flexion", "extension", -25, 55),
            _m("side bend right", "side bend left", -25, 25, "side bend"),
            _m("rotation right", "rotation left", -15, 15, "rotation"),
        )),
        Joint("upper back", False, (
            _m("flexion", "extension", -20, 45),
            _m("side bend right", "side bend left", -20, 20, "side bend"),
            _m("rotation right", "rotation left", -40, 40, "rotation"),
        )),
        Joint("neck", False, (
            _m("flexion", "extension", -60, 50),
            _m("side bend right", "side bend left", -45, 45, "side bend"),
            _m("rotation right", "rotation left", -80, 80, "rotation"),
        )),
        # The whole body tipping at the feet (standing and kneeling bases only).
        Joint("lean", False, (_m("forward", "back", -30, 60),)),
    )
}

# How a bare "trunk" change is shared: (lower back, upper back) per motion.
TRUNK_SHARE = {"flexion": (0.55, 0.45), "side bend right": (0.5, 0.5), "rotation right": (0.2, 0.8)}
TRUNK_SHARE_EXTENSION = (0.6, 0.4)

# Degrees of freedom of the skeleton: (side or "", joint, motion). A pose maps these to degrees.
Dof = tuple[str, str, str]


def dofs() -> tuple[Dof, ...]:
    out: list[Dof] = []
    for j in JOINTS.values():
        if j.name == "trunk":
            continue  # shared onto lower and upper back
        for side in SIDES if j.sided else ("",):
            for m in j.motions:
                out.append((side, j.name, m.name))
    return tuple(out)


DOFS = dofs()

# ---------------------------------------------------------------------------------------------
# Lengths (fractions of standing height H) and the neutral standing skeleton.

H_HIP = 0.530  # hip joint height standing
THIGH = 0.245
SHANK = 0.246
ANKLE_H = 0.039  # ankle joint above the sole
FOOT = 0.152
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.108
SHOULDER_H = 0.818
HIP_HALF = 0.085  # hip joint centre from the midline
SHOULDER_HALF = 0.108  # shoulder joint centre from the midline (biacromial 0.259 less the joint)

# Spine levels above the hip centre: waist (lumbar joint), lower and upper chest, base of neck.
LUMBAR_Y = 0.090
THORAX_LOW_DY = 0.080
THORAX_UP_DY = 0.070
NECK_DY = 0.055  # to the base of the neck (C7), 0.825 H
CLAVICLE_ROOT = (0.025, 0.030, 0.020)  # sternoclavicular joint, in the upper-chest frame
CLAVICLE = (-0.025, -0.010, SHOULDER_HALF - 0.020)  # from there to the shoulder joint

# Widths as radii (fractions of H). Slightly fuller than anatomy so limbs read at 1 inch tall.
WIDTH = 1.12
R_THIGH_TOP, R_KNEE, R_ANKLE = 0.056 * WIDTH, 0.034 * WIDTH, 0.021 * WIDTH
R_CALF = 0.037 * WIDTH  # a third of the way down the shank
R_SHOULDER, R_ELBOW, R_WRIST = 0.034 * WIDTH, 0.025 * WIDTH, 0.018 * WIDTH
R_NECK = 0.031

# Torso as ellipsoids in spine frames: (frame, centre (x, y, z), radii (depth, height, width)).
# Consecutive ones are joined into one smooth tapering body. The waist is shallower at the back
# than buttocks and ribs, which gives the lower back its curve (and the gap a pelvic tilt closes).
TORSO: tuple[tuple[str, tuple[float, float, float], tuple[float, float, float]], ...] = (
    ("pelvis", (-0.012, -0.030, 0.0), (0.071, 0.048, 0.088)),
    ("pelvis", (-0.010, 0.030, 0.0), (0.073, 0.040, 0.097)),
    ("lumbar", (0.002, 0.010, 0.0), (0.060, 0.035, 0.083)),
    ("thorax_low", (0.010, 0.012, 0.0), (0.070, 0.045, 0.092)),
    ("thorax_up", (0.000, 0.018, 0.0), (0.066, 0.040, 0.100)),
    ("thorax_up", (-0.010, 0.050, 0.0), (0.046, 0.022, 0.078)),
)
HEAD_CENTRE = (0.016, 0.105, 0.0)  # in the neck frame
HEAD_RADII = (0.060, 0.066, 0.050)
NECK_TOP = (0.010, 0.060, 0.0)

# Foot as spheres in the foot frame (ankle at the origin, sole at y = -ANKLE_H when flat).
FOOT_BALLS = (
    ((0.0, 0.0, 0.0), R_ANKLE),
    ((-0.022, -0.018, 0.0), 0.021),
    ((0.078, -0.027, 0.0), 0.012),
    ((0.100, -0.031, 0.0), 0.008),
)
TOE_TIP = (0.100, -0.031, 0.0)
# Hand: a flat ellipsoid past the wrist (length along -y, width along x, thickness along z).
HAND_CENTRE = (0.0, -0.048, 0.0)
HAND_RADII = (0.025, 0.046, 0.013)

# Seated and chair numbers that follow from the body.
SEAT_H = 0.25  # popliteal height: a standard seat


# ---------------------------------------------------------------------------------------------
# Reading a joint key such as "right hip abduction" or "trunk".

class Key(NamedTuple):
    side: str  # "left", "right", "other", "both" or "" (both sides, or the figure's moving side)
    joint: Joint
    motion: Motion
    sign: int  # -1 when the key names the opposite direction ("hip extension")

    def label(self, side: str = "") -> str:
        """"right knee flexion": how a message names this motion."""
        words = [side or (self.side if self.side in SIDES else "") if self.joint.sided else "",
                 self.joint.name, self.motion.name]
        return " ".join(w for w in words if w)


_JOINT_WORDS = sorted(JOINTS, key=len, reverse=True)  # "shoulder blades" before "shoulder"
_PLURALS = {"hips": "hip", "knees": "knee", "ankles": "ankle", "shoulders": "shoulder", "elbows": "elbow"}


def parse_key(text: str) -> Key | str:
    """A Key, or a sentence saying what is wrong with the text."""
    words = " ".join(str(text).lower().replace("_", " ").replace("-", " ").split())
    side = ""
    for s in ("left", "right", "other", "both"):
        if words.startswith(s + " "):
            side, words = s, words[len(s) + 1:]
    for plural, name in _PLURALS.items():  # "hips" is both hips, like "both hip"
        if words == plural or words.startswith(plural + " "):
            if side and side != "both":
                return f"'{text}': write '{side} {name}' for one side"
            side, words = "both", name + words[len(plural):]
            break
    for name in _JOINT_WORDS:
        if words == name or words.startswith(name + " "):
            joint = JOINTS[name]
            rest = words[len(name):].strip()
            break
    else:
        return f"'{text}' is not a joint; joints are " + ", ".join(JOINTS)
    if words == "shoulder blade" or words.startswith("shoulder blade "):
        joint, rest = JOINTS["shoulder blades"], words[len("shoulder blade"):].strip()
    if side and not joint.sided:
        return f"'{text}': the {joint.name} has no left or right"
    if not rest:
        return Key(side, joint, joint.motions[0], 1)
    found = joint.motion(rest)
    if found is None:
        names = ", ".join(f"{m.name} ({m.opposite})" for m in joint.motions)
        return f"'{text}': the {joint.name} moves by {names}"
    return Key(side, joint, found[0], found[1])


def key_sides(key: Key, moving: str) -> tuple[str, ...]:
    """The sides a key applies to, given the figure's moving side ("" if none)."""
    if not key.joint.sided:
        return ("",)
    if key.side == "other":
        return ("left",) if moving == "right" else ("right",)
    if key.side == "both":
        return SIDES
    if key.side:
        return (key.side,)
    return (moving,) if moving else SIDES


def expand(key: Key, degrees: float, moving: str) -> list[tuple[Dof, float]]:
    """The skeleton's degrees of freedom a key moves, with how much."""
    value = degrees * key.sign
    if key.joint.name == "trunk":
        extension = key.motion.name == "flexion" and value < 0
        share = TRUNK_SHARE_EXTENSION if extension else TRUNK_SHARE[key.motion.name]
        return [(("", "lower back", key.motion.name), value * share[0]),
                (("", "upper back", key.motion.name), value * share[1])]
    return [((side, key.joint.name, key.motion.name), value) for side in key_sides(key, moving)]
