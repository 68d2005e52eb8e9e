"""Two accounts of the seed article's meeting and one of another event, written for these tests.

The seed (Press TV, 15 June 2017) reports a Syrian defence delegation's talks in Baghdad on
border security. ``BAGHDAD_OBSERVER`` and ``LEVANT_DAILY`` are invented outlets whose
accounts of the same meeting were written here from the facts of the seed, each with
something of its own; ``IDLIB_BOMBING`` is a different event on the same days.
"""

BAGHDAD_OBSERVER = {
    "id": "observer-1",
    "outlet": "Baghdad Observer",
    "date": "2017-06-14",
    "title": "Iraqi and Syrian commanders meet in Baghdad on border security",
    "text": (
        "Iraq's army chief of staff, Lieutenant General Othman al-Ghanmi, met a Syrian military "
        "delegation in Baghdad on Tuesday to discuss security along the two countries' border, "
        "the Iraqi Defence Ministry said in a statement.\n\n"
        "The delegation of 11 officers was led by Major General Ali Mahmoud Abbas, the statement said.\n\n"
        "The two sides agreed to keep exchanging intelligence so that Iraqi aircraft can strike "
        "Daesh targets near the border, Ghanmi said.\n\n"
        "They also discussed setting up a joint operations centre to coordinate the fight against "
        "Daesh on both sides of the frontier.\n\n"
        "Syrian government forces reached the Iraqi border last week near the Tanf base, where "
        "US-led coalition forces train rebel fighters.\n"
    ),
}

LEVANT_DAILY = {
    "id": "levant-1",
    "outlet": "Levant Daily",
    "date": "2017-06-15",
    "title": "Syrian delegation and Iraqi army chief agree to coordinate on the border",
    "text": (
        "A Syrian Defence Ministry delegation held talks in Baghdad with Iraqi army chief Othman "
        "al-Ghanmi on securing the Syrian-Iraqi border, Iraq's Defence Ministry said.\n\n"
        "Ghanmi said both sides would continue the exchange of intelligence to help Iraqi air "
        "forces bomb targets close to the border.\n\n"
        "The officials described the border area as one field of operations against a common "
        "enemy, the statement said.\n\n"
        "Iraqi fighter jets struck Daesh targets inside Syria for the first time in February.\n"
    ),
}

IDLIB_BOMBING = {
    "id": "levant-2",
    "outlet": "Levant Daily",
    "date": "2017-06-15",
    "title": "Car bomb kills 14 at a market in Idlib province",
    "text": (
        "A car bomb exploded in a crowded market in the town of Maarat al-Numan in Idlib province "
        "on Wednesday, killing 14 people and wounding dozens, a monitoring group said.\n\n"
        "Civil defence workers pulled bodies from the rubble of shops destroyed by the blast.\n\n"
        "No group immediately claimed responsibility for the bombing.\n"
    ),
}

#: invented events for a multi-story corpus: (place, target, toll, date)
EVENTS = [
    ("Maarat al-Numan", "bakery", 12, "2016-03-01"), ("Jisr al-Shughur", "school", 7, "2016-03-12"),
    ("Saraqeb", "mosque", 9, "2016-03-23"), ("Ariha", "hospital", 15, "2016-04-03"),
    ("Khan Sheikhun", "market", 21, "2016-04-14"), ("Kafr Nabl", "bus station", 5, "2016-04-25"),
    ("Binnish", "water plant", 11, "2016-05-06"), ("Taftanaz", "clinic", 8, "2016-05-17"),
]


def story_corpus() -> list[dict]:
    """Eight events, each told by three invented outlets in their own words (one names the
    attackers 'terrorists', one 'rebels', one 'militants'), eleven days apart."""
    rows = []
    for k, (place, target, toll, date) in enumerate(EVENTS):
        rows += [
            {"id": f"e{k}-state", "outlet": "State Wire", "date": date,
             "title": f"Terrorists shell {place}, killing {toll}",
             "text": (f"Terrorists fired rocket shells on {place} on Monday, killing {toll} civilians, "
                      f"a police source told the agency.\n\nThe shells hit a {target} in the town centre.\n\n"
                      f"The terrorists are backed by foreign states, the source said.\n")},
            {"id": f"e{k}-monitor", "outlet": "Monitor Post", "date": date,
             "title": f"Shelling kills {toll} in {place}",
             "text": (f"Rebel shelling of {place} killed {toll} people on Monday, the observatory said.\n\n"
                      f"A {target} was hit, residents said, and {toll + 4} people were wounded.\n\n"
                      f"Rebels denied firing on the town.\n")},
            {"id": f"e{k}-daily", "outlet": "Daily Courier", "date": date,
             "title": f"{toll} dead as {place} {target} is shelled",
             "text": (f"{toll} people died when militants shelled a {target} in {place} on Monday, "
                      f"state media reported.\n\nActivists gave a higher toll of {toll + 3}.\n\n"
                      f"Militants have shelled the area for weeks.\n")},
        ]
    return rows
