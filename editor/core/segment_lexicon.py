"""Word lists for English sentence segmentation (abbreviations, openers, speech verbs).

Kept apart from the rules in :mod:`editor.core.segment` so they can be read, reviewed
and extended on their own. The user's own exceptions (settings, project) change
:data:`DEFAULT_EXCEPTIONS` at run time (:mod:`editor.core.segment_exceptions`: additions,
and ``-X.`` to drop a built-in entry), never written here.
"""

from __future__ import annotations

from collections.abc import Mapping

from editor.core.model import Lang

#: Titles and abbreviations that (almost) never end a sentence, per language. The
#: settings and the project change these (Preferences shows them as the starting list).
DEFAULT_EXCEPTIONS: Mapping[Lang, tuple[str, ...]] = {
    "en": (
        "Mr.", "Mrs.", "Ms.", "Messrs.", "Mme.", "Mlle.", "Dr.", "Prof.", "Hon.", "Rev.",
        "Fr.", "Gen.", "Col.", "Capt.", "Lt.", "Sgt.", "Gov.", "Sen.", "Rep.", "Supt.",
        "Insp.", "Mt.", "e.g.", "i.e.", "cf.", "vs.", "viz.", "al.", "approx.", "ca.",
        "ibid.", "Ibid.", "Vol.", "vol.", "Ch.", "ch.", "Fig.", "Figs.", "fig.",
        "Eq.", "Ref.", "Dept.", "Univ.", "Assoc.", "Ave.", "Blvd.", "Rd.",
    ),
    "zh": (),
}

#: Abbreviations that are sentence-internal only before a number: "No. 5", "Cap. 622",
#: "s. 2(1)"; elsewhere ("No. I won't.") they may end a sentence.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset({
    "No.", "Nos.", "no.", "nos.", "Art.", "Arts.", "art.", "Sec.", "Secs.", "sec.", "Cap.",
    "cap.", "para.", "paras.", "Para.", "s.", "ss.", "p.", "pp.", "r.", "rr.", "Sch.",
    "Ord.", "Reg.", "Item.", "Pt.", "pt.", "Ex.", "Exh.", "Nr.", "Jan.", "Feb.", "Mar.",
    "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
})

#: Abbreviations that also end sentences: split only when a usual sentence opener
#: follows ("… Ltd. The company …"), not before a name ("U.S. Congress").
FLEXIBLE_ABBREVIATIONS: frozenset[str] = frozenset({
    "etc.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Jr.", "Sr.", "St.", "Esq.", "a.m.",
    "p.m.", "A.M.", "P.M.", "U.S.", "U.K.", "U.N.", "E.U.", "H.K.", "P.R.C.", "Ph.D.",
    "B.A.", "M.A.", "B.Sc.", "M.Sc.", "LL.B.", "LL.M.",
})

#: Capitalised words that usually open a sentence; after a flexible abbreviation they
#: mean the abbreviation ended the sentence.
SENTENCE_OPENERS: frozenset[str] = frozenset((
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "We",
    "They", "I", "You", "His", "Her", "Our", "Their", "My", "There", "Here", "In", "On",
    "At", "For", "But", "And", "Or", "So", "If", "When", "While", "After", "Before",
    "Since", "As", "However", "Therefore", "Thus", "Also", "Then", "Now", "Moreover",
    "Furthermore", "Meanwhile", "Although", "Because", "What", "Who", "Why", "How",
    "Where", "Which", "No", "Yes", "Some", "Many", "Most", "All", "Each", "Every",
))

#: Speech verbs that make '"Why?" Wang asked.' one sentence.
SPEECH_VERBS: tuple[str, ...] = (
    "said", "asked", "replied", "answered", "cried", "shouted", "called", "exclaimed",
    "whispered", "muttered", "murmured", "protested", "snapped", "added", "continued",
    "demanded", "insisted", "inquired", "enquired", "yelled", "screamed", "laughed",
    "sighed", "thought", "wondered", "explained", "declared", "observed", "repeated",
    "retorted", "urged", "suggested", "interrupted", "began", "went", "says", "asks",
    "replies", "cries", "shouts", "whispers",
)
