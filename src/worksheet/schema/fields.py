"""The format, declared once as data: every key of a worksheet, an exercise and a clinic file.

Why: the same tables check files (:mod:`.build`), make the JSON Schema for editors
(:mod:`.jsonschema`) and the field tables in the README (a test keeps them in sync),
so the three can never say different things.
"""

from __future__ import annotations

from .. import model
from .context import Field, Value
from .figure import FIGURE_FIELDS, read_figure
from .frequency import FREQUENCY, FREQUENCY_FIELDS
from .values import (
    BOOL,
    DURATION,
    IMAGE,
    LANGUAGE,
    LIBRARY_ID,
    NESTED,
    URL,
    choice_value,
    count_value,
    paragraphs_value,
    text_list_value,
    text_value,
)

__all__ = ["CLINIC_FIELDS", "DOSE_FIELDS", "EXERCISE_FIELDS", "FIGURE", "FIGURE_FIELDS", "FREQUENCY_FIELDS", "PLAN_FIELDS", "WORKSHEET_FIELDS"]

FIGURE = Value(read_figure, {"anyOf": [{"enum": ["none"]}, {"$ref": "#/$defs/figure"}]})

DOSE_FIELDS = (
    Field("hold", DURATION, "How long to hold each time: '30 s', '3-5 s', '1 min', '1:30', or a number of seconds (at most 10 minutes).", "30 s"),
    Field("reps", count_value(1000, "10", "10-15"), "How many times to repeat it: a whole number or a range such as 10-15.", "10"),
    Field("sets", count_value(100, "2", "2-3"), "How many sets: a whole number or a range.", "2"),
    Field("sides", choice_value(model.SIDES), "Which side: 'each' (both sides, one after the other), 'alternate' (switch sides each time), 'both' (both at once), 'left' or 'right' (that side only).", "each"),
    Field("frequency", FREQUENCY, "How often: 'once a day', '2 times a day', '3 times a week', or {times: 2, per: day}; in a worksheet in another language also as its handouts print it ('2 veces al día').", "2 times a day"),
)

EXERCISE_FIELDS = (
    Field("name", text_value(100), "The exercise's name, as the patient will see it.", "Knee to chest stretch", required=True),
    Field("use", LIBRARY_ID, "Take this exercise from the library (library/<id>.yaml next to the worksheet); any other key given here overrides the library's.", "knee-to-chest"),
    Field("position", text_value(300), "The starting position, in one sentence.", "Lie on your back with your knees bent."),
    Field("steps", text_list_value(100_000, 30, sentences=True), "What to do, step by step: a list of plain sentences, or one sentence.", "- Pull one knee toward your chest."),
    *DOSE_FIELDS,
    Field("feel", text_value(300), "What the patient should feel, such as 'A gentle stretch in your lower back.'", "A gentle stretch in your lower back."),
    Field("caution", text_list_value(400, 10, sentences=True), "When to stop or what to avoid: text or a list of text, printed in a box.", "Stop if you feel pain going down your leg."),
    Field("figure", FIGURE, "The picture drawn for it, as pose data (see the figure fields): a base posture, props, and joint changes for the start and the end. 'none' prints no picture, even where the library entry has one.", "none"),
    Field("image", IMAGE, "A picture of the movement (PNG or JPEG), as a path relative to this file and inside the project folder; printed beside the steps, instead of the figure.", "images/bridge.png"),
    Field("video", URL, "A web address of a video of the movement (http or https); printed as a QR code with the address under it.", "https://example.org/bridge"),
    Field("equipment", text_list_value(60, 10), "What the patient needs, such as a towel or a chair: text or a list.", "[towel]"),
    Field("notes", paragraphs_value(2_000), "Extra tips for this exercise; a blank line starts a new paragraph.", "Go slowly."),
    Field("translations", NESTED, "Its text in other languages: a language tag (such as 'es') with the translated name, position, steps, feel, caution, equipment and notes under it. Doses are never translated: they are written once.", "es: {name: Puente}"),
)

PLAN_FIELDS = (
    Field("how_often", text_value(80), "How often to do the exercises, such as 'Once a day, 5 days a week'. Without it, a line to fill in by hand.", "Once a day, 5 days a week"),
    Field("weeks", count_value(52, "6", "6"), "For how many weeks. Without it, a blank to fill in by hand.", "6"),
    Field("next_visit", text_value(80), "When the next visit is, as you want it written. Without it, a line to fill in by hand.", "Tuesday 8 December, 10:30"),
    Field("call_if", text_value(200), "When to call the clinic, such as 'your pain gets worse'; printed with the clinic's phone number. Without it, a line to fill in by hand.", "your pain gets worse or spreads"),
)

WORKSHEET_FIELDS = (
    Field("title", text_value(120), "The worksheet's title, printed large at the top of page 1.", "Back Pain Relief Exercises & Stretches", required=True),
    Field("subtitle", text_value(200), "A short line under the title.", "For everyday back soreness"),
    Field("intro", paragraphs_value(3_000), "A short introduction; a blank line starts a new paragraph.", "Gentle moves for an aching back."),
    Field("exercises", NESTED, "The exercises, in order; each is a set of keys (see the exercise fields).", "- name: Pelvic tilt", required=True),
    Field("defaults", NESTED, "A dose (hold, reps, sets, sides, frequency) applied to every exercise that does not give its own.", "reps: 10"),
    Field("notes", paragraphs_value(3_000), "General notes printed after the exercises; a blank line starts a new paragraph.", "Do these once a day."),
    Field("disclaimer", text_value(600), "Replaces the default disclaimer printed at the foot of every page.", "Talk to your therapist before you start."),
    Field("page_size", choice_value(model.PAGE_SIZES), "Paper size: 'letter' (the default) or 'a4'. The --page-size option overrides it.", "letter"),
    Field("language", LANGUAGE, "The language the text is written in, as a tag such as 'en-US' (the default) or 'es': the labels print in it, frequencies may be written in it, and it is stored in the PDF. --language prints another language from 'translations'.", "en-US"),
    Field("video", URL, "A web address for the whole worksheet (a video of the routine, say); printed as a QR code on page 1.", "https://example.org/routine"),
    Field("large_print", BOOL, "true for large print: 16 pt text or larger, 1-inch margins, one column. The --large-print option also turns it on.", "true"),
    Field("log", BOOL, "true to add a tracking log page: a row per exercise (per side), boxes per day following 'frequency', and a pain column. The --log option also turns it on.", "true"),
    Field("log_days", count_value(14, "7", "7"), "How many days the tracking log covers: 1 to 14 (default 7).", "14"),
    Field("translations", NESTED, "The worksheet's text in other languages: a language tag (such as 'es') with the translated title, subtitle, intro, notes, disclaimer and plan (how_often, next_visit, call_if) under it; each exercise has its own.", "es: {title: Ejercicios para la espalda}"),
    Field("plan", NESTED, "The patient's plan, printed in a box on page 1: how_often, weeks, next_visit, call_if (see the plan fields). Parts not given print as lines to fill in by hand.", "how_often: Once a day"),
)

CLINIC_FIELDS = (
    Field("name", text_value(80), "The clinic's name, printed at the foot of every page.", "Riverside Physical Therapy", required=True),
    Field("phone", text_value(40), "A phone number patients can call.", "555-0100"),
    Field("address", text_value(120), "The clinic's address, on one line.", "12 Main Street, Springfield"),
    Field("website", URL, "The clinic's website (http or https), printed without 'https://'.", "https://example.org"),
    Field("logo", IMAGE, "A logo picture (PNG or JPEG) beside the clinic's name, as a path relative to clinic.yaml.", "logo.png"),
)
