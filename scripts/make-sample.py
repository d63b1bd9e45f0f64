#!/usr/bin/env python3
"""Generates the bundled sample that `arrears run` uses (data/sample/README.md).

    python3 scripts/make-sample.py [--out DIR]

writes, into data/sample/ (or DIR):

- history.jsonl  what arrears knew before the sample's day: every case's events so far,
                 dated up to 2025-05-30 (docs/events.md);
- ledger.csv     the books' open items on 2025-06-02, with today's changes: payments, new
                 invoices and debtors, credit notes, a moved term, one vanished invoice
                 (docs/ledger.md);
- debtors.csv    per debtor the agreed payment term and the relationship value;
- sender.yaml    the (fictitious) creditor whose letters these are.

and prints, per situation, how many debtors it has and which ones.

Python 3 standard library only. The output depends on nothing but this file: a fixed seed,
fixed dates (the sample's day is 2025-06-02, whatever the clock says), and dictionaries and
lists walked in their insertion order. Running it twice gives byte-equal files.

Every situation of the collection playbook (../shared/domain/playbook.md) has one function
below that writes one debtor's case: its history and its rows in today's books. What the
built-in playbook should do for each situation on 2025-06-02 is in data/sample/README.md;
docs/playbook.md has the rules.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import pathlib
import random
from dataclasses import dataclass, field
from typing import Callable, Optional

SEED = 20250602
TODAY = dt.date(2025, 6, 2)  # the sample's day: reconcile and decide run on it
HISTORY_END = dt.date(2025, 5, 30)  # the last day the history knows
CURRENCY = "EUR"
VAT_PERCENT = 21
INTEREST_PERCENT = "11.15"  # NL commercial interest, first half of 2025
INTEREST_BASIS_POINTS = 1115
STAFF = ["m.visser", "j.smit", "p.dekker", "s.bakker"]
AGENCIES = ["Incassobureau Noord B.V.", "Incasso Midden-Nederland B.V."]

ROOT = pathlib.Path(__file__).resolve().parent.parent


def day(offset: int) -> dt.date:
    """The day `offset` days from the sample's day (negative: before it)."""
    return TODAY + dt.timedelta(days=offset)


def iso(d: dt.date) -> str:
    return d.isoformat()


def amount_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def gross_of(net_cents: int) -> int:
    return net_cents + vat_on_net(net_cents)


def vat_on_net(net_cents: int) -> int:
    return (net_cents * VAT_PERCENT + 50) // 100


def vat_in_gross(gross_cents: int) -> int:
    """The 21 % VAT inside a gross amount."""
    return gross_cents - (gross_cents * 100 + 60) // (100 + VAT_PERCENT)


def split(total: int, count: int) -> list[int]:
    """`total` in `count` instalments of whole euros; the last one takes the rest."""
    part = (total // count) // 100 * 100
    return [part] * (count - 1) + [total - part * (count - 1)]


def add_months(d: dt.date, months: int) -> dt.date:
    month = d.month - 1 + months
    year = d.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(d.day, 28))


# --- people and things ----------------------------------------------------------------------

CITIES = [
    ("Utrecht", "35"), ("Amersfoort", "38"), ("Zeist", "37"), ("Nieuwegein", "34"),
    ("Houten", "39"), ("Hilversum", "12"), ("Woerden", "34"), ("Veenendaal", "39"),
    ("Culemborg", "41"), ("Bunnik", "39"), ("De Bilt", "37"), ("IJsselstein", "34"),
    ("Maarssen", "36"), ("Leusden", "38"), ("Soest", "37"), ("Wijk bij Duurstede", "39"),
]
STREETS = [
    "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Lindenlaan", "Beukenlaan",
    "Industrieweg", "Nijverheidsweg", "Voorstraat", "Achterweg", "Julianalaan",
    "Wilhelminastraat", "Emmaplein", "Oranjestraat", "Schoolstraat", "Parallelweg",
    "Vaartweg", "Zandweg", "Kastanjelaan", "Eikenlaan", "Havenstraat", "Marktplein",
]
FIRST_NAMES = [
    "Sanne", "Mark", "Eva", "Daan", "Lotte", "Bram", "Fleur", "Thijs", "Noor", "Jeroen",
    "Anouk", "Ruben", "Iris", "Sem", "Femke", "Lars", "Maud", "Koen", "Esther", "Wouter",
    "Yara", "Pieter", "Hanna", "Joost", "Ilse", "Tim", "Mila", "Gijs", "Roos", "Stefan",
]
ENGLISH_FIRST_NAMES = [
    "James", "Emily", "Oliver", "Sophie", "Daniel", "Grace", "Thomas", "Chloe", "Michael",
    "Laura", "Lucas", "Anna", "Matteo", "Julia", "Piotr", "Sofia", "Ahmed", "Elena",
]
LAST_NAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs",
    "van Dijk", "Schouten", "Vermeulen", "van Dam", "Kuipers", "Prins", "Huisman", "Post",
]
ENGLISH_LAST_NAMES = [
    "Walker", "Brennan", "Novak", "Rossi", "Kowalski", "Murphy", "Schneider", "Fischer",
    "Taylor", "Evans", "Hughes", "Moreau", "Andersen", "Costa", "Khan", "Lindqvist",
]
TRADES = [
    "Bakkerij", "Slagerij", "Autobedrijf", "Kapsalon", "Tandartspraktijk", "Fysiotherapie",
    "Bloemenhuis", "Drukkerij", "Hoveniersbedrijf", "Timmerbedrijf", "Schildersbedrijf",
    "Brasserie", "Café", "Hotel", "Sportschool", "Dierenkliniek", "Boekhandel", "Fietsenmaker",
    "Kinderopvang", "Administratiekantoor", "Architectenbureau", "Makelaardij", "Garage",
    "Wasserette", "Opticien", "Apotheek", "Bouwbedrijf", "Transportbedrijf", "Kwekerij",
]
ENGLISH_BUSINESSES = [
    "Canal Side Coworking", "Northbridge Software", "Tulip Logistics Europe",
    "Harbour Lane Studios", "Greenfield Data Centres", "Amstel Language School",
    "Blue Heron Hostel", "Polder Robotics", "Windmill Analytics", "Lowlands Catering",
    "Brightwater Dental Clinic", "Oakwood International School", "Riverside Bistro",
    "Crossroads Consulting", "Silverline Biotech", "Meridian Yacht Services",
    "Pixel Foundry", "Northern Light Photography", "Orbit Fitness", "Cedar Lane Interiors",
]
LEGAL_FORMS = ["B.V.", "B.V.", "B.V.", "V.O.F.", ""]
PUBLIC_BODIES = [
    "Gemeente Zuidhaven", "Gemeente Lindendal", "Waterschap De Vlietlanden",
    "Stichting Openbaar Onderwijs Eemkwartier", "Gemeente Oosterbroek",
    "Veiligheidsregio Midden-Vallei", "Gemeente Heuvelrijk-Noord", "Omgevingsdienst Kromme Rijn",
    "Gemeente Westervaart", "Stichting Bibliotheek Eemland", "Waterschap Lekstroom",
    "Gemeente Oudewater-Zuid", "GGD Regio Vlietdal", "Stichting Welzijn Lindendal",
]

# What an installation company invoices: (Dutch, English) descriptions and net price ranges.
WORK = [
    ("Onderhoud cv-ketel", "Boiler service", 95, 240),
    ("Storing verholpen, voorrijkosten en arbeid", "Breakdown repair, call-out and labour", 120, 480),
    ("Vervanging boiler", "Water heater replacement", 850, 2400),
    ("Installatie warmtepomp", "Heat pump installation", 4200, 11800),
    ("Vloerverwarming aangelegd", "Underfloor heating installed", 1800, 6200),
    ("Badkamerrenovatie, sanitair en leidingwerk", "Bathroom renovation, sanitary and piping", 2600, 9800),
    ("Onderhoudscontract luchtbehandeling, kwartaal", "Air handling maintenance contract, quarter", 650, 2900),
    ("Vervanging radiatoren", "Radiator replacement", 480, 2100),
    ("Lekkage opgespoord en verholpen", "Leak traced and repaired", 140, 690),
    ("Airco geplaatst", "Air conditioning installed", 1400, 4600),
    ("Keuring gasinstallatie", "Gas installation inspection", 85, 260),
    ("Zonneboiler geplaatst", "Solar water heater installed", 2300, 5400),
    ("Renovatie stookruimte", "Boiler room renovation", 5200, 16500),
    ("Materiaal nagezonden", "Materials sent on", 35, 160),
    ("Voorrijkosten", "Call-out charge", 45, 95),
]
# Not for private customers: a maintenance contract for air handling, a boiler room.
CONSUMER_WORK = [w for i, w in enumerate(WORK) if i not in (6, 12)]
PUBLIC_WORK = [
    ("Onderhoud installaties gemeentehuis, kwartaal", "Town hall installations maintenance, quarter", 3200, 9400),
    ("Legionellabeheer sporthal", "Legionella management, sports hall", 900, 2600),
    ("Vervanging cv-installatie basisschool", "Heating replacement, primary school", 14000, 38000),
    ("Storingsdienst gemeentelijke gebouwen", "Breakdown service, municipal buildings", 600, 2400),
]


@dataclass
class Debtor:
    id: str
    name: str
    kind: str  # consumer, business, public_body
    language: str
    email: str
    phone: str
    postal_address: str
    term_days: int  # the term arrears knows from the history
    relationship_cents: Optional[int]
    books_term_days: Optional[int] = None  # the term the books give today, when it changed

    def books_term(self) -> int:
        return self.books_term_days if self.books_term_days is not None else self.term_days

    def event_fields(self) -> dict:
        fields = {"debtor": self.id, "name": self.name, "kind": self.kind,
                  "language": self.language}
        for key in ("email", "phone", "postal_address"):
            if getattr(self, key):
                fields[key] = getattr(self, key)
        if self.relationship_cents is not None:
            fields["relationship_value"] = amount_text(self.relationship_cents)
            fields["currency"] = CURRENCY
        fields["terms"] = f"net {self.term_days}"
        return fields


@dataclass
class Invoice:
    debtor: Debtor
    issue: dt.date
    term_days: int
    amount: int
    description: str
    has_required_content: bool = True
    id: str = ""  # numbered once every invoice is known, in the order of issue
    open: int = 0  # what arrears has open at the end of the history
    in_history: bool = True
    paid_today: int = 0  # paid in the books since the history ended
    listed: bool = True  # the books list it today (False: the vanished invoice)

    @property
    def due(self) -> dt.date:
        return self.issue + dt.timedelta(days=self.term_days)

    @property
    def vat(self) -> int:
        return vat_in_gross(self.amount)


@dataclass
class CreditNote:
    debtor: Debtor
    issue: dt.date
    amount: int
    against: Invoice
    description: str
    in_history: bool
    id: str = ""


class Ref:
    """A document named in an event; its id is known only once every document is numbered."""

    def __init__(self, document):
        self.document = document


@dataclass
class Case:
    """One debtor's case: its events so far and its documents in the books."""

    debtor: Debtor
    situation: str
    in_history: bool = True
    events: list = field(default_factory=list)
    invoices: list = field(default_factory=list)
    credit_notes: list = field(default_factory=list)
    rng: random.Random = None

    # -- documents ---------------------------------------------------------------------------

    def invoice(self, issue: dt.date, net: Optional[int] = None, work=None, term: Optional[int] = None,
                has_required_content: bool = True, today: bool = False, gross: Optional[int] = None) -> Invoice:
        """An invoice issued on `issue`; in the history unless it reaches arrears only today."""
        rng = self.rng
        if work is None:
            work = rng.choice({"public_body": PUBLIC_WORK, "consumer": CONSUMER_WORK}.get(
                self.debtor.kind, WORK))
        text = work[0] if self.debtor.language == "nl" else work[1]
        if gross is None:
            if net is None:
                net = rng.randint(work[2], work[3]) * 100 + rng.choice([0, 0, 50, 25, 75])
            gross = gross_of(net)
        inv = Invoice(self.debtor, issue, term if term is not None else self.debtor.term_days,
                      gross, text, has_required_content)
        inv.open = gross
        inv.in_history = not today
        self.invoices.append(inv)
        if not today:
            if not any(e["type"] == "debtor_updated" for e in self.events):
                self.event(issue, "debtor_updated", actor="ledger", **self.debtor.event_fields())
            fields = {"claim": Ref(inv), "issue_date": iso(issue), "due_date": iso(inv.due),
                      "amount": amount_text(gross), "vat": amount_text(inv.vat),
                      "currency": CURRENCY, "description": text}
            if not has_required_content:
                fields["has_required_content"] = False
            fields["terms"] = f"net {inv.term_days}"
            self.event(issue, "claim_added", actor="ledger", **fields)
        return inv

    def credit_note(self, when: dt.date, against: Invoice, amount: int, text: str,
                    today: bool = False) -> CreditNote:
        note = CreditNote(self.debtor, when, amount, against, text, in_history=not today)
        self.credit_notes.append(note)
        if not today:
            against.open -= amount
            self.event(when, "credit_note_issued", credit_note=Ref(note), issue_date=iso(when),
                       amount=amount_text(amount), vat=amount_text(vat_in_gross(amount)),
                       currency=CURRENCY, description=text, against=Ref(against), actor="ledger")
        return note

    # -- events ------------------------------------------------------------------------------

    def event(self, when: dt.date, event_type: str, /, **fields) -> None:
        assert when <= HISTORY_END, f"{self.debtor.id}: {event_type} on {when} is after the history"
        self.events.append({"date": when, "type": event_type, **fields})

    def staff(self) -> str:
        return self.rng.choice(STAFF)

    def remind(self, when, level, channel="email", note=None):
        self.event(when, "reminder_sent", level=level, channel=channel, actor="policy",
                   **({"note": note} if note else {}))

    def call(self, when, reached, reason=None, note=None):
        fields = {"reached": reached}
        if reason:
            fields["reason"] = reason
        self.event(when, "call_logged", **fields, actor=self.staff(), **({"note": note} if note else {}))

    def letter(self, when, kind, channel="post", note=None, actor="policy"):
        self.event(when, "letter_sent", kind=kind, channel=channel, actor=actor,
                   **({"note": note} if note else {}))

    def reason(self, when, reason, note=None):
        self.event(when, "reason_recorded", reason=reason, actor=self.staff(),
                   **({"note": note} if note else {}))

    def suppress_marketing(self, when):
        self.event(when, "marketing_suppressed", actor="policy")

    def reactivate_marketing(self, when):
        self.event(when, "marketing_reactivated", actor="policy")

    def pay(self, when, inv: Invoice, amount: Optional[int] = None, note=None):
        amount = inv.open if amount is None else amount
        inv.open -= amount
        self.event(when, "payment_received", amount=amount_text(amount), currency=CURRENCY,
                   designation=[Ref(inv)], reference=Ref(inv), actor="ledger",
                   **({"note": note} if note else {}))

    def dispute(self, when, inv: Invoice, amount: int, category: str, note: str):
        self.event(when, "dispute_opened", claim=Ref(inv), amount=amount_text(amount),
                   currency=CURRENCY, category=category, actor=self.staff(), note=note)
        self.letter(when, "dispute_acknowledgement", "email", actor=self.staff())

    def evidence(self, when, inv: Invoice, description: str, reference: str):
        self.event(when, "evidence_added", claim=Ref(inv), description=description,
                   reference=reference, actor=self.staff())

    def verdict(self, when, inv: Invoice, verdict: str, justified: Optional[int] = None, note=None):
        fields = {"claim": Ref(inv), "verdict": verdict}
        if justified is not None:
            fields["justified_amount"] = amount_text(justified)
            fields["currency"] = CURRENCY
        self.event(when, "dispute_resolved", **fields, actor=self.staff(),
                   **({"note": note} if note else {}))

    def promise(self, when, amount: int, due: dt.date, note=None):
        self.event(when, "promise_made", amount=amount_text(amount), currency=CURRENCY,
                   due=iso(due), actor=self.staff(), **({"note": note} if note else {}))

    def promise_broken(self, when):
        self.event(when, "promise_broken", actor="policy")

    def arrangement(self, when, schedule: list[tuple[dt.date, int]], note=None):
        self.event(when, "arrangement_agreed",
                   schedule=[{"due": iso(d), "amount": amount_text(a)} for d, a in schedule],
                   currency=CURRENCY, actor=self.staff(), **({"note": note} if note else {}))

    def instalment_paid(self, when, number: int, amount: int):
        # Allocated like an undesignated payment: oldest due first (no costs in these cases).
        rest = amount
        for inv in sorted(self.invoices, key=lambda i: (i.due, i.issue)):
            if not inv.in_history or rest == 0:
                continue
            part = min(rest, inv.open)
            inv.open -= part
            rest -= part
        assert rest == 0, f"{self.debtor.id}: instalment beyond what is open"
        self.event(when, "instalment_paid", number=number, amount=amount_text(amount),
                   currency=CURRENCY, actor="ledger")

    def instalment_missed(self, when, number: int, note=None):
        self.event(when, "instalment_missed", number=number, actor="policy",
                   **({"note": note} if note else {}))

    def arrangement_broken(self, when):
        self.event(when, "arrangement_broken", actor="policy")

    def interest(self, when, through: dt.date, inv: Invoice):
        days = (through - inv.due).days
        cents = (inv.open * INTEREST_BASIS_POINTS * days + 5_000 * 365) // (10_000 * 365)
        basis = (f"Commercial interest art. 6:119a BW: {INTEREST_PERCENT} % a year on "
                 f"{amount_text(inv.open)} from {iso(inv.due + dt.timedelta(days=1))} through "
                 f"{iso(through)} ({days} days)")
        self.event(when, "interest_charged", amount=amount_text(cents), currency=CURRENCY,
                   through=iso(through), basis=basis, actor="policy")

    def bik_costs(self, when, principal: int):
        cents = max(4000, (principal * 15 + 50) // 100)
        basis = (f"BIK (art. 6:96 BW): 15 % of {amount_text(principal)} = "
                 f"{amount_text((principal * 15 + 50) // 100)}, minimum 40.00")
        self.event(when, "costs_charged", amount=amount_text(cents), currency=CURRENCY,
                   basis=basis, actor="policy")

    def hand_to_agency(self, when):
        self.event(when, "handed_to_agency", agency=self.rng.choice(AGENCIES), actor=self.staff())

    def start_legal(self, when, reference):
        self.event(when, "legal_started", reference=reference, actor=self.staff())

    def write_off(self, when, reason, inv: Invoice, note=None):
        amount = inv.open
        inv.open = 0
        self.event(when, "written_off", reason=reason, claim=Ref(inv), actor=self.staff(),
                   **({"note": note} if note else {}))
        return amount


# --- the situations ---------------------------------------------------------------------------
#
# Each function writes one debtor's case. `c.debtor.term_days` is the debtor's agreed term;
# invoices are dated so that their due dates land where the situation needs them. Offsets are
# days from the sample's day, 2025-06-02 (a Monday): day(-3) is Friday 2025-05-30, the last day
# the history knows.


def issued_due_on(c: Case, due_offset: int) -> dt.date:
    """The issue date of an invoice on the debtor's term that falls due on day(due_offset)."""
    return day(due_offset) - dt.timedelta(days=c.debtor.term_days)


def ongoing_invoices(c: Case) -> None:
    """Customers keep ordering: invoices of the last weeks that are not due yet. They are in
    today's open items and do not change what the playbook does today (it reads overdue
    money). Added to every open case whose story does not depend on what exactly is open."""
    count = {"consumer": c.rng.choice([0, 0, 0, 1]), "business": c.rng.randint(0, 4),
             "public_body": c.rng.randint(1, 3)}[c.debtor.kind]
    for _ in range(count):
        c.invoice(day(-c.rng.randint(3, c.debtor.term_days - 1)))


def maybe_new_invoice_today(c: Case, chance: float = 0.25) -> None:
    """An invoice issued today: reconciliation adds it as a new claim."""
    if c.rng.random() < chance:
        c.invoice(TODAY, today=True)


def current_not_due(c: Case) -> None:
    """Invoices that are not due yet: nothing to do but wait for the due date."""
    for _ in range(c.rng.randint(1, 3)):
        c.invoice(day(-c.rng.randint(3, c.debtor.term_days - 2)))
    maybe_new_invoice_today(c, 0.4)


def await_first_reminder(c: Case) -> None:
    """Due one or two days ago: the first reminder waits three days; marketing is suppressed
    first (a quiet day)."""
    c.invoice(issued_due_on(c, -c.rng.randint(1, 2)))


def forgot_first_reminder(c: Case) -> None:
    """Overdue for a few days to three weeks, no reminder yet: the first friendly reminder."""
    due = -c.rng.randint(4, 21)
    inv = c.invoice(issued_due_on(c, due))
    if c.rng.random() < 0.25:
        # Some materials went back before the due date: the books credited them.
        c.credit_note(inv.issue + dt.timedelta(days=5), inv, inv.amount // 10 // 100 * 100 or 500,
                      "Returned materials" if c.debtor.language == "en" else "Retour materiaal")
    if c.rng.random() < 0.6:
        c.suppress_marketing(day(due + 1))
    maybe_new_invoice_today(c)


def paid_today(c: Case) -> None:
    """Forgot, got the first reminder, and paid: the books show it paid today; the case closes
    and the customer is welcome again."""
    due = -c.rng.randint(14, 28)
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(due + 4), 1)
    if c.rng.random() < 0.4:
        c.call(day(due + 10), True, "forgot", "Overlooked it; will pay this week")
    inv.paid_today = inv.open


def partial_payment_today(c: Case) -> None:
    """Two overdue invoices; the books show one of them paid today. The other is still open:
    the ladder goes on (the call, sixteen days after the first reminder)."""
    first = c.invoice(issued_due_on(c, -34))
    c.invoice(issued_due_on(c, -26))
    c.suppress_marketing(day(-33))
    c.remind(day(-20), 1)
    first.paid_today = first.open


def waiting_after_reminder(c: Case) -> None:
    """The first reminder's deadline has not passed: nothing until the next rung is due."""
    due = -c.rng.randint(12, 24)
    c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(-c.rng.randint(4, min(12, -due - 3))), 1)


def call_due(c: Case) -> None:
    """A reminder two weeks or more ago brought nothing: call and ask the reason."""
    sent = -c.rng.randint(15, 30)
    due = sent - c.rng.randint(3, 8)
    c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    maybe_new_invoice_today(c, 0.2)


def second_reminder(c: Case) -> None:
    """Reminder, call (a reason learned or nobody reached), two weeks of nothing: the second
    reminder."""
    called = -c.rng.randint(15, 24)
    sent = called - c.rng.randint(14, 18)
    due = sent - c.rng.randint(3, 6)
    c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    outcome = c.rng.choice(["forgot", "unwilling", "unknown", None])
    if outcome is None:
        c.call(day(called), False)
    elif outcome == "forgot":
        c.call(day(called), True, "forgot", "Thought it was paid; will look into it")
    elif outcome == "unwilling":
        c.call(day(called), True, "unwilling", "Pays suppliers when it suits them")
    else:
        c.call(day(called), True, "unknown", "Bookkeeper on leave; no answer on the reason")


def ladder_done(c: Case, big: bool = False) -> Invoice:
    """Reminder, call, second reminder, and still nothing: the end of the amicable ladder."""
    second = -c.rng.randint(16, 30)
    called = second - c.rng.randint(14, 18)
    first = called - c.rng.randint(14, 18)
    due = first - c.rng.randint(3, 6)
    if big:
        inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(24_000, 36_000) * 100,
                        work=WORK[12])
    elif c.debtor.kind == "consumer":
        inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(260, 1900) * 100)
    else:
        inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(1_600, 8_000) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(first), 1)
    reached = c.rng.random() < 0.6
    c.call(day(called), reached, "unwilling" if reached else None,
           "Promised to look at it; nothing since" if reached else None)
    c.remind(day(second), 2)
    return inv


def escalate_agency(c: Case) -> None:
    """A business well past due after the whole ladder, little relationship to lose: hand it
    to a collection agency (with the commercial interest so far)."""
    inv = ladder_done(c)
    if c.rng.random() < 0.5:
        c.interest(day(-3), day(-4), inv)


def start_legal(c: Case) -> None:
    """A large debt after the whole ladder: legal action is expected to recover more than the
    agency, even after its costs."""
    inv = ladder_done(c, big=True)
    c.interest(day(-3), day(-4), inv)


def consumer_fourteen_day_letter(c: Case) -> None:
    """A consumer after the whole ladder: the statutory 14-day letter comes before any costs
    or hand-over."""
    ladder_done(c)


def consumer_letter_running(c: Case) -> None:
    """The 14-day letter went out last week: wait for its term to end."""
    ladder_done_at = -c.rng.randint(5, 10)
    second = ladder_done_at - c.rng.randint(15, 20)
    called = second - 15
    first = called - 15
    due = first - 4
    c.invoice(issued_due_on(c, due), net=c.rng.randint(260, 1600) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(first), 1)
    c.call(day(called), False)
    c.remind(day(second), 2)
    c.letter(day(ladder_done_at), "fourteen_day_letter", "post")


def consumer_letter_expired(c: Case) -> None:
    """The 14-day letter's term ended unpaid: collection costs are allowed now (some were
    charged), and the case goes to the agency."""
    sent = -c.rng.randint(30, 45)
    second = sent - 16
    called = second - 15
    first = called - 15
    due = first - 4
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(260, 1600) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(first), 1)
    c.call(day(called), True, "unwilling", "Says the price was too high; no complaint recorded")
    c.remind(day(second), 2)
    c.letter(day(sent), "fourteen_day_letter", "post",
             note="Pay within 14 days of the day after receipt, or collection costs apply")
    if c.rng.random() < 0.6:
        c.bik_costs(day(sent + 22), inv.open)


def cannot_pay_new(c: Case) -> None:
    """The call found financial trouble: offer an arrangement, no more reminders."""
    called = -c.rng.randint(3, 8)
    sent = called - c.rng.randint(14, 20)
    due = sent - c.rng.randint(3, 6)
    c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    why = c.rng.choice(["Lost his job in April", "Divorce; income halved", "Long-term illness",
                        "Cash flow crisis after losing a big client", "Moving abroad in July"])
    c.call(day(called), True, "cannot_pay", why)


def arrangement_case(c: Case, agreed: int, count: int, first_due: int) -> Invoice:
    """Reminder, a call that finds cannot_pay, and an arrangement agreed on day(agreed) with
    `count` monthly instalments from day(first_due)."""
    due = agreed - c.rng.randint(28, 40)
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(700, 4_500) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(due + 4), 1)
    c.call(day(agreed - 2), True, "cannot_pay",
           c.rng.choice(["Hours cut at work; can pay monthly", "Unexpected tax bill",
                         "Waiting for a client to pay"]))
    parts = split(inv.open, count)
    c.arrangement(day(agreed), [(add_months(day(first_due), i), a) for i, a in enumerate(parts)])
    return inv


def arrangement_healthy(c: Case) -> None:
    """Instalments paid on time, the next one ahead: nothing to do. Marketing was re-activated
    when the plan was confirmed (for some not yet: that happens today)."""
    agreed = -c.rng.randint(50, 70)
    first_due = agreed + 14
    arrangement_case(c, agreed, 3, first_due)
    c.letter(day(agreed), "arrangement_confirmation", "post")
    still_suppressed = c.rng.random() < 0.35
    if not still_suppressed:
        c.reactivate_marketing(day(agreed + 1))
    sched = next(e for e in c.events if e["type"] == "arrangement_agreed")["schedule"]
    for n, part in enumerate(sched, start=1):
        due = dt.date.fromisoformat(part["due"])
        if due > HISTORY_END:
            break
        c.instalment_paid(min(due, HISTORY_END), n, int(part["amount"].replace(".", "")))


def arrangement_unconfirmed(c: Case) -> None:
    """An arrangement agreed in the last few days and not yet confirmed in writing: confirm it
    (by registered post when much is at stake)."""
    agreed = -c.rng.randint(3, 5)
    arrangement_case(c, agreed, 3, agreed + 14)


def instalment_late(c: Case) -> None:
    """An instalment ten days late (recorded as missed): a friendly nudge about it."""
    agreed = -45
    arrangement_case(c, agreed, 3, -40)
    c.letter(day(agreed), "arrangement_confirmation", "post")
    sched = next(e for e in c.events if e["type"] == "arrangement_agreed")["schedule"]
    c.instalment_paid(day(-40), 1, int(sched[0]["amount"].replace(".", "")))
    c.instalment_missed(day(-6), 2)


def arrangement_broken(c: Case) -> None:
    """Two instalments missed: the arrangement is broken and the ladder resumes one step
    further (for a consumer that is the 14-day letter, for a business the agency)."""
    agreed = -75
    arrangement_case(c, agreed, 3, -60)
    c.letter(day(agreed), "arrangement_confirmation", "post")
    c.instalment_missed(day(-56), 1)
    c.remind(day(-49), 1, note="Friendly nudge about the first instalment")
    c.instalment_missed(day(-25), 2)


def promise_running(c: Case) -> None:
    """A promise to pay by a date that has not passed: hold."""
    sent = -c.rng.randint(16, 30)
    due = sent - c.rng.randint(3, 6)
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    promised = -c.rng.randint(3, 10)
    if c.rng.random() < 0.5:
        c.call(day(promised), True, "forgot", "Will pay by the date agreed")
    c.promise(day(promised), inv.open, day(c.rng.randint(0, 12)),
              note="Promised by phone" if c.rng.random() < 0.5 else "Promised by e-mail")


def promise_lapsed(c: Case) -> None:
    """The promised date passed last week without payment (not yet recorded as broken): the
    ladder resumes at once, one step further."""
    sent = -c.rng.randint(24, 30)
    due = sent - 4
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    c.promise(day(-14), inv.open, day(-c.rng.randint(4, 7)), note="Promised by e-mail")


def promise_broken_recorded(c: Case) -> None:
    """A call, a promise, broken, a second reminder: the broken promise moved the ladder one
    rung further, so after two weeks the end of the ladder is reached."""
    second = -c.rng.randint(16, 24)
    broken = second - 1
    promised_for = broken - 3
    called = promised_for - 7
    first = called - 14
    due = first - 4
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(300, 2_800) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(first), 1)
    c.call(day(called), True, "forgot", "Will pay within the week")
    c.promise(day(called), inv.open, day(promised_for))
    c.promise_broken(day(broken))
    c.remind(day(second), 2)


DISPUTES = [
    ("damaged", "Radiator delivered with a dent", "Radiator geleverd met een deuk"),
    ("incomplete", "Thermostat not installed as quoted", "Thermostaat niet geplaatst zoals geoffreerd"),
    ("quality", "Heating still noisy after the repair", "Verwarming maakt na reparatie nog lawaai"),
    ("late_delivery", "Installed two weeks later than agreed", "Twee weken later geïnstalleerd dan afgesproken"),
    ("not_per_contract", "Call-out charge not in the service contract", "Voorrijkosten vallen niet onder het contract"),
    ("invoice_error", "Hours invoiced twice", "Uren dubbel gefactureerd"),
    ("staff_conduct", "Mechanic left a mess", "Monteur liet rommel achter"),
    ("wrong_delivery", "Wrong boiler model fitted", "Verkeerd type boiler geplaatst"),
]


def open_a_dispute(c: Case, inv: Invoice, when: int, share: Optional[int] = None) -> int:
    """The debtor disputes (part of) an invoice on day(when); returns the disputed amount."""
    category, en, nl = c.rng.choice(DISPUTES)
    amount = inv.open if share is None else inv.open * share // 100
    c.dispute(day(when), inv, amount, category, en)
    c.reason(day(when), "dissatisfied")
    return amount


def dispute_open(c: Case) -> None:
    """A complaint about the whole invoice is being investigated: hold it and investigate."""
    due = -c.rng.randint(12, 30)
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    if c.rng.random() < 0.5:
        c.remind(day(due + 4), 1)
    opened = -c.rng.randint(3, 8) if due + 5 < -8 else -3
    open_a_dispute(c, inv, opened)
    if c.rng.random() < 0.6 and opened < -3:
        c.evidence(day(opened + 1), inv, "Photos and the service report", "mail " + iso(day(opened + 1)))


def dispute_partial(c: Case) -> None:
    """Part of an invoice is disputed; the undisputed part is still collected (here: the call
    after the first reminder, for the undisputed part only)."""
    sent = -c.rng.randint(16, 22)
    due = sent - 4
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(1_500, 6_000) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    open_a_dispute(c, inv, sent + 2, share=c.rng.choice([20, 25, 40]))


def dispute_valid_credit_due(c: Case) -> None:
    """The complaint was found (partly) justified: issue the credit note, and report the root
    cause internally."""
    due = -c.rng.randint(25, 40)
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    opened = due + c.rng.randint(2, 6)
    disputed = open_a_dispute(c, inv, opened, share=c.rng.choice([None, 30, 50]))
    c.evidence(day(opened + 3), inv, "Service report and photos", "case file " + c.debtor.id)
    if c.rng.random() < 0.5:
        c.verdict(day(-c.rng.randint(3, 6)), inv, "valid", note="Our error; root cause noted")
    else:
        c.verdict(day(-c.rng.randint(3, 6)), inv, "partially_valid",
                  justified=disputed // 2 // 100 * 100, note="Half of the complaint stands")


def dispute_valid_credited_today(c: Case) -> None:
    """A justified complaint: the undisputed rest was paid, and the books show the credit note
    today, which settles the case (credited); the customer is welcome again."""
    due = -30
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(800, 3_000) * 100)
    c.suppress_marketing(day(due + 1))
    disputed = open_a_dispute(c, inv, due + 3, share=25)
    c.evidence(day(due + 6), inv, "Photos of the damage", "mail " + iso(day(due + 6)))
    c.pay(day(due + 8), inv, inv.open - disputed, note="Paid all but the disputed part")
    c.verdict(day(-6), inv, "valid", note="Damage confirmed by the mechanic")
    c.credit_note(TODAY, inv, disputed, "Credit for the justified complaint" if c.debtor.language == "en"
                  else "Creditering terechte klacht", today=True)


def dispute_invalid_unexplained(c: Case) -> None:
    """The complaint was found invalid this week: explain our position, with the facts."""
    due = -c.rng.randint(25, 40)
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    opened = due + c.rng.randint(2, 6)
    open_a_dispute(c, inv, opened)
    c.evidence(day(opened + 4), inv, "Signed work order and commissioning report", "work order")
    c.verdict(day(-c.rng.randint(3, 6)), inv, "invalid", note="The work was done as agreed")


def dispute_invalid_explained_recent(c: Case) -> None:
    """Invalid complaint, position explained less than two weeks ago: wait for its deadline."""
    due = -c.rng.randint(35, 45)
    inv = c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    opened = due + 3
    open_a_dispute(c, inv, opened)
    c.evidence(day(opened + 4), inv, "Signed work order", "work order")
    explained = -c.rng.randint(6, 12)
    c.verdict(day(explained - 1), inv, "invalid")
    c.letter(day(explained), "position_explanation", "post",
             note="Explains with the signed work order why the invoice stands")


def goodwill(c: Case) -> None:
    """A valuable customer disputes a small charge without grounds; explained, the deadline
    passed unpaid: waive it once, and say what it costs and why."""
    small = c.invoice(issued_due_on(c, -c.rng.randint(50, 56)),
                      gross=c.rng.choice([5445, 9680, 11495, 18150, 24200]), work=WORK[14])
    big = c.invoice(issued_due_on(c, -c.rng.randint(40, 46)), net=c.rng.randint(2_000, 6_000) * 100)
    c.pay(big.due - dt.timedelta(days=2), big)
    c.suppress_marketing(small.due + dt.timedelta(days=1))
    opened = small.due + dt.timedelta(days=2)
    c.event(opened, "dispute_opened", claim=Ref(small), amount=amount_text(small.open),
            currency=CURRENCY, category="not_per_contract", actor=c.staff(),
            note="Believes call-outs are free under the service contract")
    c.letter(opened, "dispute_acknowledgement", "email", actor=c.staff())
    c.evidence(opened + dt.timedelta(days=3), small, "Contract: call-outs are charged outside office hours",
               "service contract")
    c.verdict(opened + dt.timedelta(days=5), small, "invalid")
    c.letter(day(-c.rng.randint(16, 22)), "position_explanation", "post")


def goodwill_already_had(c: Case) -> None:
    """A debtor that already had goodwill this year disputes another small charge without
    grounds: no second waiver (at most once per debtor); the economics decide, and chasing a
    small amount from a valuable customer costs more than it brings: written off as
    uncollectible, not as goodwill."""
    old = c.invoice(issued_due_on(c, -100), gross=9680, work=WORK[14])
    c.suppress_marketing(day(-99))
    c.event(day(-98), "dispute_opened", claim=Ref(old), amount=amount_text(old.open),
            currency=CURRENCY, category="not_per_contract", actor=c.staff(),
            note="Believes call-outs are free under the service contract")
    c.letter(day(-98), "dispute_acknowledgement", "email", actor=c.staff())
    c.verdict(day(-91), old, "invalid")
    c.letter(day(-90), "position_explanation", "post")
    # The next invoice keeps the case open when the first one is waived.
    new = c.invoice(day(-70), gross=14520, work=WORK[14])
    c.write_off(day(-66), "goodwill", old, note="Valuable customer; waived once, told them why")
    c.letter(day(-66), "goodwill_notice", "post")
    c.reactivate_marketing(day(-65))
    c.suppress_marketing(new.due + dt.timedelta(days=1))
    c.event(new.due + dt.timedelta(days=2), "dispute_opened", claim=Ref(new),
            amount=amount_text(new.open), currency=CURRENCY, category="not_per_contract",
            actor=c.staff(), note="The same complaint again")
    c.verdict(new.due + dt.timedelta(days=6), new, "invalid",
              note="Same contract clause; explained in February")


def invalid_dispute_escalate(c: Case) -> None:
    """Invalid complaint, explained a month ago, still unpaid, little relationship: no goodwill;
    the agency."""
    due = -c.rng.randint(55, 65)
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(1_800, 7_000) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(due + 4), 1)
    open_a_dispute(c, inv, due + 8)
    c.evidence(day(due + 12), inv, "Commissioning report signed by the customer", "report")
    c.verdict(day(due + 16), inv, "invalid")
    c.letter(day(due + 17), "position_explanation", "post")
    c.call(day(due + 32), True, "unwilling", "Still refuses; no new arguments")


def dissatisfied_unrecorded(c: Case) -> None:
    """The call found a complaint, not yet recorded as a dispute: record it (investigate), so
    that only the disputed part is held."""
    called = -c.rng.randint(3, 6)
    sent = called - c.rng.randint(14, 18)
    due = sent - 4
    c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    c.call(day(called), True, "dissatisfied",
           c.rng.choice(["Says the boiler still leaks", "Unhappy with the finish of the pipework",
                         "Says the mechanic damaged the floor"]))


def administrative_fixed(c: Case) -> None:
    """The invoice went to an old address (administrative): the address is corrected and the
    next reminder re-sends the invoice."""
    called = -c.rng.randint(15, 20)
    sent = called - 16
    due = sent - 4
    c.invoice(issued_due_on(c, due))
    c.suppress_marketing(day(due + 1))
    c.remind(day(sent), 1)
    c.call(day(called), True, "administrative", "Moved in March; never received the invoice")
    old = c.debtor.postal_address
    c.debtor.postal_address = new_address(c.rng, c.debtor.postal_address)
    c.event(day(called), "debtor_updated", actor="ledger", note="New address; was " + old,
            **c.debtor.event_fields())


def administrative_reissued_today(c: Case) -> None:
    """The invoice lacked legal content (no VAT number): the books credit it today and issue a
    corrected one, due in a month; the case is current again."""
    due = -18
    inv = c.invoice(issued_due_on(c, due), has_required_content=False)
    c.suppress_marketing(day(due + 1))
    c.remind(day(due + 4), 1)
    c.call(day(-6), True, "administrative", "Cannot book it: our VAT number is missing")
    c.credit_note(TODAY, inv, inv.open, "Credit: invoice without VAT number" if c.debtor.language == "en"
                  else "Creditering: factuur zonder btw-nummer", today=True)
    c.invoice(TODAY, gross=inv.amount, work=(inv.description, inv.description, 0, 0), today=True)


def term_change(c: Case) -> None:
    """The books agreed a longer term with this debtor (framework contract): the due dates move,
    the reminder sent under the old term no longer counts, and the case is current again."""
    c.debtor.term_days = 14
    c.debtor.books_term_days = 45
    first = c.invoice(day(-32))
    c.invoice(day(-20))
    c.suppress_marketing(first.due + dt.timedelta(days=1))
    c.remind(first.due + dt.timedelta(days=4), 1)


def with_agency(c: Case) -> None:
    """Handed to an agency after the ladder: the agency acts."""
    handed = -c.rng.randint(8, 40)
    second = handed - (26 if c.debtor.kind == "consumer" else 16)
    called = second - 15
    first = called - 15
    due = first - 4
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(1_500, 9_000) * 100)
    c.suppress_marketing(day(due + 1))
    c.remind(day(first), 1)
    c.call(day(called), False)
    c.remind(day(second), 2)
    if c.debtor.kind == "consumer":
        c.letter(day(second + 1), "fourteen_day_letter", "post")
        c.bik_costs(day(handed), inv.open)
    else:
        c.interest(day(handed), day(handed - 1), inv)
    c.hand_to_agency(day(handed))


def in_legal(c: Case) -> None:
    """The agency got nowhere; legal proceedings started: the court acts."""
    due = -150
    inv = c.invoice(issued_due_on(c, due), net=c.rng.randint(12_000, 30_000) * 100, work=WORK[12])
    c.suppress_marketing(day(due + 1))
    c.remind(day(due + 4), 1)
    c.call(day(due + 19), True, "unwilling", "Refuses to pay; no reason given")
    c.remind(day(due + 34), 2)
    c.interest(day(due + 50), day(due + 49), inv)
    c.hand_to_agency(day(due + 50))
    c.start_legal(day(-c.rng.randint(10, 40)), f"C/16/{c.rng.randint(500000, 599999)} / HA ZA 25-{c.rng.randint(100, 999)}")


def closed_paid(c: Case) -> None:
    """Paid after a reminder (or on time) months ago: closed; nothing in today's open items."""
    due = -c.rng.randint(40, 100)
    inv = c.invoice(issued_due_on(c, due))
    if c.rng.random() < 0.6:
        c.suppress_marketing(day(due + 1))
        c.remind(day(due + 4), 1)
        c.pay(day(due + c.rng.randint(6, 12)), inv, note="Sorry, it slipped through")
        c.reactivate_marketing(day(due + 13))
    else:
        c.pay(day(due - 1), inv)


def closed_new_invoice(c: Case) -> None:
    """A closed case, and a new invoice in the books today: a second case for the debtor
    (<debtor id>/2), not yet due."""
    closed_paid(c)
    c.invoice(TODAY, today=True)


def vanished(c: Case) -> None:
    """Two overdue invoices, one of which the books no longer list: reconciliation reports it
    and leaves it open (an export that drops a row looks the same as a payment)."""
    first = c.invoice(issued_due_on(c, -24))
    c.invoice(issued_due_on(c, -20))
    c.suppress_marketing(day(-23))
    c.remind(day(-19), 1)
    first.listed = False


def limitation_near(c: Case) -> None:
    """An invoice from 2020 that was never collected: its five years run out in August. A
    written reminder interrupts limitation before anything else."""
    inv = c.invoice(dt.date(2020, 6, 22), term=30, work=WORK[5])
    c.suppress_marketing(inv.due + dt.timedelta(days=1))
    c.remind(dt.date(2020, 8, 4), 1, channel="post")
    c.call(dt.date(2020, 8, 20), True, "unwilling", "Disputes nothing, pays nothing")


def new_debtor_not_due(c: Case) -> None:
    """A customer the books have since last week: a new case with an invoice not yet due."""
    c.in_history = False
    c.invoice(day(-c.rng.randint(0, 6)), today=True)


def new_debtor_overdue(c: Case) -> None:
    """A debtor first exported today with an invoice already overdue (taken over from another
    administration): a new case, and the first reminder."""
    c.in_history = False
    c.invoice(issued_due_on(c, -12), today=True)


def new_address(rng: random.Random, old: str) -> str:
    while True:
        city, prefix = rng.choice(CITIES)
        address = (f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {prefix}{rng.randint(10, 99)} "
                   f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')} {city}")
        if address != old:
            return address


# (situation, function, how many debtors, their kinds: weights for business, consumer and public
# body, or a list of kinds taken in turn)
MIX = (66, 28, 6)
BUSINESS = (1, 0, 0)
CONSUMER = (0, 1, 0)
NOT_CONSUMER = (12, 0, 1)
SITUATIONS: list[tuple[str, Callable[[Case], None], int, tuple]] = [
    ("current_not_due", current_not_due, 11, MIX),
    ("await_first_reminder", await_first_reminder, 4, MIX),
    ("forgot_first_reminder", forgot_first_reminder, 18, MIX),
    ("paid_today", paid_today, 12, MIX),
    ("partial_payment_today", partial_payment_today, 4, MIX),
    ("waiting_after_reminder", waiting_after_reminder, 10, MIX),
    ("call_due", call_due, 12, MIX),
    ("second_reminder", second_reminder, 10, MIX),
    ("escalate_agency", escalate_agency, 10, BUSINESS),
    ("start_legal", start_legal, 2, BUSINESS),
    ("consumer_fourteen_day_letter", consumer_fourteen_day_letter, 7, CONSUMER),
    ("consumer_letter_running", consumer_letter_running, 5, CONSUMER),
    ("consumer_letter_expired", consumer_letter_expired, 5, CONSUMER),
    ("cannot_pay_new", cannot_pay_new, 9, (60, 40, 0)),
    ("arrangement_healthy", arrangement_healthy, 8, (60, 40, 0)),
    ("arrangement_unconfirmed", arrangement_unconfirmed, 4, (60, 40, 0)),
    ("instalment_late", instalment_late, 4, (60, 40, 0)),
    ("arrangement_broken", arrangement_broken, 3, ["consumer", "business", "consumer"]),
    ("promise_running", promise_running, 8, MIX),
    ("promise_lapsed", promise_lapsed, 4, MIX),
    ("promise_broken_recorded", promise_broken_recorded, 4, ["business", "consumer"]),
    ("dispute_open", dispute_open, 7, MIX),
    ("dispute_partial", dispute_partial, 3, MIX),
    ("dispute_valid_credit_due", dispute_valid_credit_due, 5, MIX),
    ("dispute_valid_credited_today", dispute_valid_credited_today, 2, MIX),
    ("dispute_invalid_unexplained", dispute_invalid_unexplained, 4, MIX),
    ("dispute_invalid_explained_recent", dispute_invalid_explained_recent, 3, MIX),
    ("goodwill", goodwill, 3, BUSINESS),
    ("goodwill_already_had", goodwill_already_had, 1, BUSINESS),
    ("invalid_dispute_escalate", invalid_dispute_escalate, 3, BUSINESS),
    ("dissatisfied_unrecorded", dissatisfied_unrecorded, 3, MIX),
    ("administrative_fixed", administrative_fixed, 3, MIX),
    ("administrative_reissued_today", administrative_reissued_today, 1, BUSINESS),
    ("term_change", term_change, 1, ["public_body"]),
    ("with_agency", with_agency, 5, ["business", "business", "consumer", "business", "business"]),
    ("in_legal", in_legal, 2, BUSINESS),
    ("closed_paid", closed_paid, 7, MIX),
    ("closed_new_invoice", closed_new_invoice, 2, NOT_CONSUMER),
    ("vanished", vanished, 1, BUSINESS),
    ("limitation_near", limitation_near, 1, BUSINESS),
    ("new_debtor_not_due", new_debtor_not_due, 5, MIX),
    ("new_debtor_overdue", new_debtor_overdue, 1, BUSINESS),
]

# Situations whose story is about exactly what is open: no ongoing invoices added.
WITHOUT_ONGOING_INVOICES = {
    "dispute_valid_credited_today", "administrative_reissued_today", "term_change", "with_agency",
    "in_legal", "closed_paid", "closed_new_invoice", "limitation_near", "new_debtor_not_due",
    "new_debtor_overdue", "current_not_due",
}

# The relationship value a situation needs, where the playbook weighs it (cents); None: the
# debtor's usual one.
RELATIONSHIP = {
    "escalate_agency": lambda rng: rng.choice([0, 25_000, 50_000, 100_000]),
    "start_legal": lambda rng: rng.choice([50_000, 100_000]),
    "consumer_fourteen_day_letter": lambda rng: None,
    "consumer_letter_expired": lambda rng: None,
    "goodwill": lambda rng: rng.choice([1_500_000, 2_500_000, 4_000_000]),
    "goodwill_already_had": lambda rng: 3_000_000,
    "invalid_dispute_escalate": lambda rng: rng.choice([20_000, 50_000]),
    "arrangement_broken": lambda rng: None,
    "promise_broken_recorded": lambda rng: rng.choice([0, 30_000]),
    "in_legal": lambda rng: 0,
    "limitation_near": lambda rng: 0,
}


# --- debtors ---------------------------------------------------------------------------------


def slug(text: str) -> str:
    for form in (" B.V.", " V.O.F."):
        text = text.removesuffix(form)
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    out = out.replace("ë", "e").replace("é", "e").replace("ï", "i")
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


class Names:
    """Unique fictitious names, drawn from the lists above."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.english_businesses = list(ENGLISH_BUSINESSES)
        self.public_bodies = list(PUBLIC_BODIES)
        rng.shuffle(self.english_businesses)
        rng.shuffle(self.public_bodies)

    def unique(self, make: Callable[[], str]) -> str:
        while True:
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name

    def consumer(self, english: bool) -> str:
        if english:
            return self.unique(lambda: f"{self.rng.choice(ENGLISH_FIRST_NAMES)} {self.rng.choice(ENGLISH_LAST_NAMES)}")
        return self.unique(lambda: f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}")

    def business(self, english: bool) -> str:
        if english and self.english_businesses:
            return self.unique(lambda: self.english_businesses.pop() + " B.V.")

        def dutch():
            last = self.rng.choice(LAST_NAMES)
            last = last[0].upper() + last[1:]
            form = self.rng.choice(LEGAL_FORMS)
            return f"{self.rng.choice(TRADES)} {last}" + (f" {form}" if form else "")

        return self.unique(dutch)

    def public_body(self) -> str:
        return self.unique(lambda: self.public_bodies.pop())


def make_debtor(rng: random.Random, names: Names, number: int, kind: str, situation: str) -> Debtor:
    english = rng.random() < 0.3 and kind != "public_body"
    language = "en" if english else "nl"
    city, prefix = rng.choice(CITIES)
    address = (f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {prefix}{rng.randint(10, 99)} "
               f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')} {city}")
    if kind == "consumer":
        name = names.consumer(english)
        email = slug(name).replace("-", ".") + "@mail.example"
        phone = f"+31 6 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}" if rng.random() < 0.8 else ""
        term = 14
        relationship = rng.choice([None, None, None, 25_000, 50_000])
    elif kind == "public_body":
        name = names.public_body()
        email = "facturen@" + slug(name) + ".example"
        phone = f"+31 30 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        address = f"Postbus {rng.randint(10, 999)}, {prefix}{rng.randint(10, 99)} AA {city}"
        term = 30
        relationship = rng.choice([2_000_000, 4_000_000, 6_000_000])
    else:
        name = names.business(english)
        email = rng.choice(["administratie", "crediteuren", "finance", "info"]) + "@" + slug(name) + ".example"
        phone = f"+31 {rng.choice(['30', '33', '35', '318', '343'])} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        term = rng.choice([14, 30, 30, 30])
        relationship = rng.choice([100_000, 250_000, 500_000, 800_000, 1_200_000, 2_000_000])
    if situation in RELATIONSHIP:
        relationship = RELATIONSHIP[situation](rng)
    return Debtor(f"D-{number:04d}", name, kind, language, email, phone, address, term, relationship)


# --- building and writing --------------------------------------------------------------------


def build(rng: random.Random) -> list[Case]:
    """Every situation's debtors, numbered in a shuffled order (the debtors new today last,
    as the books number them), each with its case."""
    plan: list[tuple[str, Callable, str]] = []
    for situation, function, count, kinds in SITUATIONS:
        for i in range(count):
            if isinstance(kinds, list):
                kind = kinds[i % len(kinds)]
            else:
                kind = rng.choices(["business", "consumer", "public_body"], weights=kinds)[0]
            plan.append((situation, function, kind))
    known = [entry for entry in plan if not entry[0].startswith("new_debtor")]
    rng.shuffle(known)
    plan = known + [entry for entry in plan if entry[0].startswith("new_debtor")]
    names = Names(rng)
    cases = []
    for number, (situation, function, kind) in enumerate(plan, start=1):
        debtor = make_debtor(rng, names, number, kind, situation)
        case = Case(debtor, situation, rng=rng)
        function(case)
        if situation not in WITHOUT_ONGOING_INVOICES:
            ongoing_invoices(case)
        cases.append(case)
    number_documents(cases)
    return cases


def number_documents(cases: list[Case]) -> None:
    """Invoice and credit-note numbers in the order of issue, as the books would give them."""
    invoices = [(inv.issue, c.debtor.id, i, inv) for c in cases for i, inv in enumerate(c.invoices)]
    counters: dict[int, int] = {}
    for issue, _, _, inv in sorted(invoices, key=lambda t: t[:3]):
        counters[issue.year] = counters.get(issue.year, 0) + 1
        inv.id = f"INV-{issue.year}-{counters[issue.year]:04d}"
    notes = [(n.issue, c.debtor.id, i, n) for c in cases for i, n in enumerate(c.credit_notes)]
    counters = {}
    for issue, _, _, note in sorted(notes, key=lambda t: t[:3]):
        counters[issue.year] = counters.get(issue.year, 0) + 1
        note.id = f"CN-{issue.year}-{counters[issue.year]:04d}"


def render(value):
    if isinstance(value, Ref):
        return value.document.id
    if isinstance(value, list):
        return [render(v) for v in value]
    return value


FIELD_ORDER_LAST = ("actor", "note")


def history_lines(cases: list[Case]) -> list[str]:
    lines = [
        "# arrears sample: what arrears knew before 2025-06-02 (the sample's day), generated by",
        "# scripts/make-sample.py; data/sample/README.md says what each situation is. One case",
        "# per debtor (case id = debtor id); events in date order within a case. Amounts in EUR,",
        "# invoices with 21 % Dutch VAT. Names, addresses and numbers are fictitious.",
    ]
    for c in cases:
        if not c.in_history:
            continue
        lines.append("")
        lines.append(f"# {c.debtor.id} {c.debtor.name} ({c.debtor.kind}, {c.debtor.language}): "
                     f"{c.situation.replace('_', ' ')}")
        ordered = sorted(enumerate(c.events), key=lambda t: (t[1]["date"], t[0]))
        for _, e in ordered:
            obj = {"case": c.debtor.id, "type": e["type"], "date": iso(e["date"])}
            tail = {}
            for key, value in e.items():
                if key in ("type", "date"):
                    continue
                if key in FIELD_ORDER_LAST:
                    tail[key] = value
                else:
                    obj[key] = render(value)
            for key in FIELD_ORDER_LAST:
                if key in tail:
                    obj[key] = tail[key]
            lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    return lines


LEDGER_COLUMNS = ["debtor_id", "debtor_name", "debtor_kind", "language", "email", "phone",
                  "postal_address", "invoice_id", "type", "issue_date", "due_date", "term_days",
                  "amount", "vat", "currency", "paid_amount", "against", "description"]


def ledger_rows(cases: list[Case]) -> list[dict]:
    rows = []
    for c in sorted(cases, key=lambda c: c.debtor.id):
        d = c.debtor
        who = {"debtor_id": d.id, "debtor_name": d.name,
               "debtor_kind": "public" if d.kind == "public_body" else d.kind,
               "language": d.language, "email": d.email, "phone": d.phone,
               "postal_address": d.postal_address, "currency": CURRENCY}
        listed = [inv for inv in c.invoices if inv.listed and inv.open > 0]
        credits = [n for n in c.credit_notes if n.against in listed]
        documents = sorted(listed + credits, key=lambda doc: (doc.issue, doc.id))
        for doc in documents:
            if isinstance(doc, Invoice):
                term = d.books_term_days if d.books_term_days is not None else doc.term_days
                credited = sum(n.amount for n in credits if n.against is doc)
                books_open = doc.open - doc.paid_today - sum(
                    n.amount for n in credits if n.against is doc and not n.in_history)
                paid = doc.amount - credited - books_open
                assert 0 <= paid <= doc.amount, doc.id
                rows.append({**who, "invoice_id": doc.id, "type": "invoice",
                             "issue_date": iso(doc.issue),
                             "due_date": iso(doc.issue + dt.timedelta(days=term)),
                             "term_days": str(term), "amount": amount_text(doc.amount),
                             "vat": amount_text(doc.vat),
                             "paid_amount": amount_text(paid) if paid else "",
                             "against": "", "description": doc.description})
            else:
                rows.append({**who, "invoice_id": doc.id, "type": "credit_note",
                             "issue_date": iso(doc.issue), "due_date": "", "term_days": "",
                             "amount": amount_text(doc.amount),
                             "vat": amount_text(vat_in_gross(doc.amount)), "paid_amount": "",
                             "against": doc.against.id, "description": doc.description})
    return rows


def csv_text(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def debtor_rows(cases: list[Case]) -> list[dict]:
    rows = []
    for c in sorted(cases, key=lambda c: c.debtor.id):
        d = c.debtor
        rows.append({"debtor_id": d.id, "#name": d.name, "term_days": str(d.books_term()),
                     "relationship_value": "" if d.relationship_cents is None
                     else amount_text(d.relationship_cents)})
    return rows


SENDER = """\
# The creditor whose letters the sample's worklist produces. Fictitious: the company, its
# numbers and its bank account do not exist (the IBAN is the usual documentation example).
name: Voorbeeld Installatietechniek B.V.
postal_address: Ambachtsweg 12, 3542 AB Utrecht
city: Utrecht
email: debiteuren@voorbeeld-installatietechniek.example
phone: +31 30 000 0000
iban: NL91ABNA0417164300
vat_number: NL000000000B01
chamber_of_commerce: "00000000"
can_deduct_vat: true
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "data" / "sample",
                        help="the folder to write into (default: data/sample)")
    args = parser.parse_args()
    rng = random.Random(SEED)
    cases = build(rng)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "history.jsonl").write_text("\n".join(history_lines(cases)) + "\n", encoding="utf-8")
    (args.out / "ledger.csv").write_text(csv_text(LEDGER_COLUMNS, ledger_rows(cases)), encoding="utf-8")
    (args.out / "debtors.csv").write_text(
        csv_text(["debtor_id", "#name", "term_days", "relationship_value"], debtor_rows(cases)),
        encoding="utf-8")
    (args.out / "sender.yaml").write_text(SENDER, encoding="utf-8")

    by_situation: dict[str, list[str]] = {}
    for c in cases:
        by_situation.setdefault(c.situation, []).append(c.debtor.id)
    kinds: dict[str, int] = {}
    for c in cases:
        kinds[c.debtor.kind] = kinds.get(c.debtor.kind, 0) + 1
    print(f"{len(cases)} debtors ({', '.join(f'{k} {n}' for k, n in kinds.items())}), "
          f"{sum(c.in_history for c in cases)} cases in the history")
    for situation, _, _, _ in SITUATIONS:
        ids = by_situation.get(situation, [])
        print(f"{situation:34} {len(ids):3}  {' '.join(sorted(ids))}")


if __name__ == "__main__":
    main()
