"""Sentences that carry no fact: reported-speech prefixes, Spanish and Kriol quotes, filler.

Why: real notes are mostly words around the facts; an extractor must not invent relations from
them. The quotes are what victims and witnesses said in their own language, kept without names.
"""
from __future__ import annotations

__all__ = ["PREFIXES", "SPANISH", "KRIOL", "FILLER"]

# Reported-speech prefixes by note type; {s} is the note's subject.
PREFIXES: dict[str, tuple[str, ...]] = {
    "interview": ("{s} stated that ", "{s} said that ", "According to {s}, ", "{s} told me that ",
                  "{s} further stated that ", "{s} explained that "),
    "statement": ("{s} states that ", "{s} declares that ", "{s} says ", "According to {s}, "),
    "tip": ("The caller stated that ", "The informant said that ", "Source alleges that ",
            "It was reported that ", "The tipster claims that "),
}

SPANISH = (
    "\"me dijeron que había trabajo en un restaurante\"",
    "\"nos quitaron los pasaportes\"",
    "\"no nos dejaban salir\"",
    "\"tenía que pagar la deuda\"",
    "\"nos amenazaban con llamar a Migración\"",
    "\"trabajábamos toda la noche\"",
    "\"no me pagaban nada\"",
    "\"tenía miedo de hablar\"",
    "\"dijeron que iba a ganar en dólares\"",
    "\"dormíamos en el piso\"",
)
KRIOL = (
    "\"di bwai seh dehn di pay di police\"",
    "\"ah noh waahn noh problem\"",
    "\"dehn gyal mi look fraid\"",
    "\"evry nite di truck come\"",
    "\"ih seh ih wahn kill ah\"",
    "\"da noh fi mi bizniz\"",
    "\"dehn mi di hide di gyal dem\"",
)

FILLER = (
    "The interview was conducted in Spanish with the assistance of an interpreter.",
    "No further information was obtained at this time.",
    "The weather was clear and the street was busy.",
    "The witness appeared nervous and asked for water.",
    "A copy of this note was forwarded to the file.",
    "The area is poorly lit after 10 pm.",
    "Further enquiries are ongoing.",
    "Nothing unusual was observed during this period.",
    "The subject declined to answer further questions.",
    "The statement was read back and the witness agreed it was correct.",
    "Photographs were taken and logged as exhibits.",
    "The victim was referred to the shelter for care.",
    "Music was loud inside the premises.",
    "It started to rain around that time.",
    "There was no answer at the door.",
    "The interview was paused for ten minutes.",
    "A social worker was present throughout.",
    "The informant has provided reliable information in the past.",
    "The vehicle left heading south.",
    "Several customers were present, none of whom agreed to speak.",
    "The premises were locked when officers arrived.",
    "The witness requested that her identity be protected.",
    "All exhibits were sealed and labelled.",
    "The victim was visibly distressed and the interview was kept short.",
)
