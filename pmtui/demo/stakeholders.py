"""The demo's Comms records: stakeholders in all four quadrants of the power/interest grid,
a communication plan with one entry overdue, needs of every priority and status, and two
readiness surveys asking the same questions (so a trend shows); dated relative to today."""

from __future__ import annotations

from datetime import date, timedelta

from pmtui.store import Store

#: (key, name, organisation, role, power, interest, attitude, needs)
STAKEHOLDERS = (
    ("S1", "Dr. Katharina Weber", "Nordwerk", "CFO, sponsor", 5, 5, "champion",
     "One page on budget and go-live risk before each steering committee."),
    ("S2", "Works council", "Nordwerk", "Co-determination", 4, 4, "critic",
     "Every change to user monitoring or working hours, in writing, early."),
    ("S3", "Henrik Larsen", "Nordwerk Group IT", "Group CIO", 5, 2, "supporter",
     "Architecture and security decisions; no detail."),
    ("S4", "External auditor", "KPMG", "Statutory audit", 4, 2, "neutral",
     "Controls design and the migration reconciliation."),
    ("S5", "Anna Schulz", "Finance", "Key user lead FI", 2, 5, "supporter",
     "Weekly news on test dates and training."),
    ("S6", "Warehouse staff", "Logistics", "Plant 1 and 2", 1, 4, "critic",
     "What changes on the scanners, shown on the floor."),
    ("S7", "Piotr Nowak", "Logistics", "Shift lead, Plant 2", 2, 3, "neutral",
     "Cutover weekend plan for his shift."),
    ("S8", "Hausbank AG", "Hausbank AG", "Bank relationship", 2, 2, "neutral",
     "Test file dates for the certification."),
    ("S9", "Facility management", "Nordwerk", "Rooms and badges", 1, 1, "neutral",
     "Training room bookings."),
)  # fmt: skip

#: (information, audience, group, channel, frequency, owner, last done days ago, note)
COMM_PLAN = (
    ("Steering committee status report", "S1; S3", "Steering committee", "report", "monthly",
     "Markus Brandt", 40, "RAG amber: bank certification."),
    ("Weekly status e-mail", "", "Project team and key users", "email", "weekly",
     "Markus Brandt", 2, ""),
    ("Works council briefing", "S2", "", "meeting", "every 2 weeks", "Sophie Martin", 13,
     "Agreed the scanner screens."),
    ("Key user newsletter", "S5; S6", "All key users", "chat", "monthly", "Sophie Martin", 20,
     ""),
    ("Audit walkthrough", "S4", "", "meeting", "quarterly", "Aylin Demir", 60, ""),
    ("Bank certification update", "S8", "", "email", "every 3 weeks", "Priya Nair", 5, ""),
)  # fmt: skip

#: (statement, stakeholder, priority, status, raised days ago, deliverable title)
NEEDS = (
    ("Month-end close within 3 working days", "S1", "must", "accepted", 90,
     "Configured system (FI/CO, MM/SD)"),
    ("Works agreement before user monitoring goes live", "S2", "must", "planned", 60, ""),
    ("Bank statements imported automatically", "S8", "should", "planned", 80,
     "Integration design"),
    ("Audit trail of vendor master changes", "S4", "must", "delivered", 70, ""),
    ("Picking lists on handheld scanners", "S6", "should", "new", 12, ""),
    ("Approve invoices on the phone", "S5", "could", "rejected", 40, ""),
    ("Training videos in Polish", "S7", "won't", "new", 3, ""),
)  # fmt: skip

QUESTIONS = (
    "I know what changes for me at go-live",
    "I trust the new system with my data",
    "The training so far was useful",
)
#: (title, sent days ago, closes in days, aggregate averages per question and answers)
SURVEYS = (
    ("Key user readiness pulse 1", 45, -38, (2.6, 3.1, 3.4), 18),
    ("Key user readiness pulse 2", 10, 3, (3.4, 3.0, 3.9), 21),
)
#: Scores named respondents gave in the second survey: (stakeholder, scores per question).
NAMED = (("S5", (4, 3, 5)), ("S7", (3, 2, 4)))


def _day(today: date, offset: int) -> str:
    return (today + timedelta(days=offset)).isoformat()


def add_demo(store: Store, today: date) -> None:
    """Add the stakeholder register, the comms plan, needs and two surveys."""
    for key, name, organisation, role, power, interest, attitude, needs in STAKEHOLDERS:
        store.add("stakeholders", {
            "key": key, "name": name, "organisation": organisation, "role": role,
            "power": str(power), "interest": str(interest), "attitude": attitude,
            "communication_needs": needs,
        })  # fmt: skip
    for information, audience, group, channel, frequency, owner, ago, note in COMM_PLAN:
        store.add("comm_plan", {
            "information": information, "audience": audience, "group": group,
            "channel": channel, "frequency": frequency, "owner": owner,
            "last_done": _day(today, -ago), "note": note,
        })  # fmt: skip
    deliverables = {str(d.get("title")): str(d["key"]) for d in store.records("deliverables")}
    for statement, stakeholder, priority, status, ago, deliverable in NEEDS:
        store.add("needs", {
            "statement": statement, "stakeholder": stakeholder, "priority": priority,
            "status": status, "raised_on": _day(today, -ago),
            "deliverable": deliverables.get(deliverable, ""),
        })  # fmt: skip
    _add_surveys(store, today)
    for meeting in store.records("meetings"):
        if meeting.get("title") == "Steering committee":  # the sponsor and the CIO attend
            store.update("meetings", str(meeting["key"]), {"guests": "S1; S3"})


def _add_surveys(store: Store, today: date) -> None:
    for number, (title, sent, closes, means, answers) in enumerate(SURVEYS, start=1):
        survey = store.add("surveys", {
            "title": title, "audience": "Key users", "sent_on": _day(today, -sent),
            "closes_on": _day(today, closes),
        })["key"]  # fmt: skip
        asked = [
            store.add("survey_questions", {"survey": survey, "text": text, "scale": "5"})["key"]
            for text in QUESTIONS
        ]
        for question, mean in zip(asked, means, strict=True):
            store.add("survey_responses", {
                "question": question, "score": str(mean),
                "count": str(answers),
            })  # fmt: skip
        if number == len(SURVEYS):
            for respondent, scores in NAMED:
                for question, score in zip(asked, scores, strict=True):
                    store.add("survey_responses", {
                        "question": question, "respondent": respondent,
                        "score": str(score),
                    })  # fmt: skip
