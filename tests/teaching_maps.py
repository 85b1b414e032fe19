"""A small seminar map written for the teaching tests (two positions, six claims, one text),
and a student's graded try at it."""

from mapping.model import ArgumentMap, Document, SourceSpan

TEXT = (
    "Town meeting on the new tram line.\n"
    "Ana Ruiz: The tram will cut traffic in the old town.\n"
    "Ben Okafor: Building it closes the high street for two years.\n"
    "Ana Ruiz: Shops lose less than they fear, as the last works showed.\n"
    "Cleo Marsh: Buses could do the same job for a tenth of the price.\n"
    "Dev Patel: Buses are stuck in the same traffic as cars.\n"
    "Ben Okafor: Nobody asked the people on the route.\n"
)


def span(text: str) -> SourceSpan:
    start = TEXT.index(text)
    return SourceSpan("d1", start, start + len(text))


def seminar_map() -> ArgumentMap:
    """Positions p1 (build the tram) and p2 (buses instead); claims c1..c6 with spans."""
    m = ArgumentMap("Tram seminar")
    m.add_document(Document.from_text("d1", "tram-meeting.txt", TEXT))
    m.add_node(id="p1", kind="position", label="Build the tram", x=0.0, y=0.0)
    m.add_node(id="p2", kind="position", label="Run more buses instead", x=500.0, y=0.0)
    claims = [
        ("c1", "Less traffic in the old town", "Ana Ruiz",
         "The tram will cut traffic in the old town.", -150.0),
        ("c2", "The high street closes for two years", "Ben Okafor",
         "Building it closes the high street for two years.", 50.0),
        ("c3", "Shops lose less than they fear", "Ana Ruiz",
         "Shops lose less than they fear, as the last works showed.", 50.0),
        ("c4", "Buses cost a tenth", "Cleo Marsh",
         "Buses could do the same job for a tenth of the price.", 450.0),
        ("c5", "Buses are stuck in traffic", "Dev Patel",
         "Buses are stuck in the same traffic as cars.", 650.0),
        ("c6", "Nobody asked the people on the route", "Ben Okafor",
         "Nobody asked the people on the route.", 250.0),
    ]  # fmt: skip
    for node_id, label, speaker, quoted, x in claims:
        y = 400.0 if node_id == "c3" else 200.0
        m.add_node(id=node_id, label=label, speaker=speaker, sources=(span(quoted),), x=x, y=y)
    m.add_edge("c1", "p1", "support", id="e1")
    m.add_edge("c2", "p1", "attack", id="e2")
    m.add_edge("c3", "c2", "attack", id="e3")
    m.add_edge("c4", "p2", "support", id="e4")
    m.add_edge("c5", "p2", "attack", id="e5")
    m.add_edge("c6", "p1", "attack", id="e6")
    return m


def graded_student() -> ArgumentMap:
    """A student's try at the seminar map: e1 removed, e2 flipped, c6 (and so e6) missing, one
    extra edge (s1) and one extra node (x1)."""
    student = seminar_map()
    student.remove_edge("e1")
    student.change_edge("e2", relation="support")
    student.remove_node("c6")
    student.add_edge("c4", "p1", "support", id="s1")
    student.add_node(id="x1", label="Trams are quieter at night", x=900.0, y=200.0)
    return student
