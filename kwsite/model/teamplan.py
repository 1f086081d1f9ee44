"""A team's improvement plan (verbeterplan) in the six steps of the national format.

Source of the format: S2, *Leidraad werken aan onderwijsverbetering*,
handvatten bij aanbeveling 1 (after Brouwer et al. 2019, NRO): 1 improvement
goal, 2 reasons (a checklist of reason kinds), 3 plan of approach (activities
with who and when, preconditions), 4 objective (SMART: indicator, target,
date; interim and final evaluation moments), 5 carrying out and interim
evaluation (deviations, adjustments), 6 final evaluation and safeguarding.
Steps 5 and 6 stay empty until the team has done them: nothing is filled in
for it. The labels of reason kinds and preconditions are in :mod:`kwsite.leidraad`.
"""

from __future__ import annotations

from typing import Literal

from .. import timeline as tl
from .base import Id, Model, Sourced, Text
from .lines import LineTarget, Owner

ReasonKind = Literal["extern", "resultaten", "missie_visie", "leermiddelen", "eerder_plan", "ervaringen", "anders"]
PreconditionTopic = Literal[
    "professionalisering",
    "informatie",
    "teamcultuur",
    "middelen",
    "rooster",
    "overlegtijd",
    "deelname",
]


class Reason(Sourced):
    """Step 2: one reason, of one of the format's kinds, described concretely."""

    kind: ReasonKind
    text: Text


class Activity(Model):
    """Step 3: an activity with who does it and when (as written); empty when the
    source does not say it per activity."""

    what: Text
    who: list[Owner] = []
    when: list[Text] = []


class Precondition(Model):
    """Step 3 / checklist: how one precondition is arranged or guarded."""

    topic: PreconditionTopic
    text: Text


class Approach(Sourced):
    """Step 3: the plan of approach.

    ``who`` and ``when`` are for all activities together, when the source
    names them once for the whole plan (S1 prints one owner cell and one
    timeline cell per line); an activity's own ``who``/``when`` stay empty then.
    """

    research_needed: bool | None = None
    activities: list[Activity] = []
    rationale: Text | None = None
    preconditions: list[Precondition] = []
    who: list[Owner] = []
    when: list[Text] = []


class Objective(Sourced):
    """Step 4: the goal to reach, with what makes it SMART.

    ``indicator`` what is measured; ``target`` the value to reach; ``when``
    by when, as written (a year must be readable for the goal to be
    time-bound); ``measured_by`` hard and soft data; ``interim_moments`` and
    ``final_moment`` the planned evaluations.
    """

    text: Text
    indicator: Text | None = None
    target: LineTarget | None = None
    when: list[Text] = []
    satisfied_when: Text | None = None
    measured_by: list[Text] = []
    interim_moments: list[Text] = []
    final_moment: Text | None = None

    @property
    def deadline(self) -> int | None:
        """The last year named in ``when``; ``None`` when no year is readable."""
        return tl.parse(self.when).end


class Interim(Sourced):
    """Step 5: notes of one interim evaluation."""

    when: Text
    on_track: bool | None = None
    deviations: Text | None = None
    adjustments: Text | None = None


class Evaluation(Sourced):
    """Step 6: the final evaluation."""

    achieved: bool | None = None
    why: Text | None = None
    safeguarding: Text | None = None
    next_cycle: Text | None = None


class TeamPlan(Sourced):
    """A team's improvement plan (``teamplans.yaml``).

    ``unit`` the unit the team belongs to; ``line`` the improvement line the
    plan works out, if any. ``composed_by_editors``: set when no team wrote this
    plan and the site's editors composed it (e.g. from an improvement line):
    from what and how, in the editors' words; the page says so at the top.
    """

    id: Id
    title: Text
    team: Text
    unit: Id | None = None
    line: Id | None = None
    goal: Text
    reasons: list[Reason] = []
    approach: Approach = Approach()
    objective: Objective
    interim: list[Interim] = []
    evaluation: Evaluation | None = None
    composed_by_editors: Text | None = None
