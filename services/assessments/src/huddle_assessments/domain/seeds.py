"""Huddle's own instruments, written in Huddle's words, following well-known structures.

Licensed instruments (e.g. the Maslach Burnout Inventory, the Mayo Well-Being Index) are not
shipped; an organisation holding a licence can publish them as its own definitions.
"""

from __future__ import annotations

from huddle_shared.contracts.assessments import (
    Band,
    InstrumentDefinition,
    InstrumentKind,
    Item,
    Scale,
    ScaleOption,
    ScoringRule,
    Subscale,
)

AGREE_5 = Scale(
    min=1,
    max=5,
    options=[
        ScaleOption(value=1, label="Strongly disagree"),
        ScaleOption(value=2, label="Disagree"),
        ScaleOption(value=3, label="Neither agree nor disagree"),
        ScaleOption(value=4, label="Agree"),
        ScaleOption(value=5, label="Strongly agree"),
    ],
)
AGREE_7 = Scale(
    min=1,
    max=7,
    options=[
        ScaleOption(value=1, label="Very inaccurate"),
        ScaleOption(value=2, label="Inaccurate"),
        ScaleOption(value=3, label="Somewhat inaccurate"),
        ScaleOption(value=4, label="Neither"),
        ScaleOption(value=5, label="Somewhat accurate"),
        ScaleOption(value=6, label="Accurate"),
        ScaleOption(value=7, label="Very accurate"),
    ],
)

SINGLE_ITEM_BURNOUT = InstrumentDefinition(
    key="huddle.single_item_burnout",
    title="How are you holding up?",
    description="One question on burnout with five ordered answers. Answers 3 to 5 count as "
    "reporting symptoms of burnout.",
    kind=InstrumentKind.BURNOUT_SINGLE_ITEM,
    scale=Scale(
        min=1,
        max=5,
        options=[
            ScaleOption(value=1, label="Work energises me and I notice no signs of burnout."),
            ScaleOption(
                value=2,
                label="I feel pressure now and then and my energy dips, but I would not call "
                "it burnout.",
            ),
            ScaleOption(
                value=3,
                label="I notice at least one sign of burnout, such as feeling drained or detached.",
            ),
            ScaleOption(
                value=4,
                label="Signs of burnout stay with me, and frustrations from work are often on "
                "my mind.",
            ),
            ScaleOption(
                value=5,
                label="I feel entirely burned out and may need to change something or seek "
                "support.",
            ),
        ],
    ),
    items=[
        Item(
            id="burnout",
            text="Thinking of the past month and your own sense of burnout, which statement "
            "fits you best?",
        )
    ],
    scoring=ScoringRule.THRESHOLD,
    threshold=3,
    bands=[
        Band(min=1, max=2, label="no symptoms of burnout"),
        Band(min=3, max=5, label="symptoms of burnout"),
    ],
)

TEAM_PULSE = InstrumentDefinition(
    key="huddle.team_pulse",
    title="Team pulse",
    description="Five quick statements on how the team feels; scored as a morale index 0-100.",
    kind=InstrumentKind.TEAM_PULSE,
    scale=AGREE_5,
    items=[
        Item(id="energy", text="I come to work with energy for what we do as a team."),
        Item(id="recognition", text="My contribution to the team is noticed and valued."),
        Item(id="workload", text="The amount of work I carry is manageable most days."),
        Item(id="pride", text="I am proud of the care this team gives."),
        Item(id="recommend", text="I would tell a friend this is a good team to work on."),
    ],
    scoring=ScoringRule.INDEX_0_100,
    bands=[
        Band(min=0, max=39.99, label="low"),
        Band(min=40, max=69.99, label="fair"),
        Band(min=70, max=100, label="good"),
    ],
)

PSYCHOLOGICAL_SAFETY = InstrumentDefinition(
    key="huddle.psychological_safety",
    title="Speaking up on this team",
    description="Seven statements on whether it feels safe to take interpersonal risks on the "
    "team, on a 7-point scale; three are reverse-scored (8 - answer).",
    kind=InstrumentKind.PSYCHOLOGICAL_SAFETY,
    scale=AGREE_7,
    items=[
        Item(
            id="mistakes_held_against",
            text="When someone on this team gets something wrong, it tends to be held against "
            "them.",
            reverse_scored=True,
        ),
        Item(id="raise_problems", text="We can bring up problems and difficult issues here."),
        Item(
            id="reject_difference",
            text="People on this team sometimes push colleagues away for being different.",
            reverse_scored=True,
        ),
        Item(id="safe_to_risk", text="Trying something new or taking a sensible risk feels safe."),
        Item(
            id="hard_to_ask_help",
            text="It is hard to ask others on this team for help.",
            reverse_scored=True,
        ),
        Item(
            id="no_undermining",
            text="Nobody here would knowingly act in a way that undercuts my work.",
        ),
        Item(
            id="skills_valued",
            text="Working with this team, my own skills and talents are recognised and used.",
        ),
    ],
    scoring=ScoringRule.MEAN,
    bands=[
        Band(min=1, max=3.99, label="low"),
        Band(min=4, max=5.49, label="moderate"),
        Band(min=5.5, max=7, label="high"),
    ],
)

TEAMWORK = InstrumentDefinition(
    key="huddle.teamwork",
    title="How we work together",
    description="Ten statements in five dimensions of teamwork, each scored as its mean.",
    kind=InstrumentKind.TEAMWORK,
    scale=AGREE_5,
    items=[
        Item(id="structure_roles", text="Everyone on the team knows what their role is."),
        Item(id="structure_right_people", text="The team has the mix of people the work needs."),
        Item(id="leadership_plans", text="Our leads make sure plans and priorities are clear."),
        Item(id="leadership_resources", text="Our leads help us get what we need to do the work."),
        Item(
            id="monitoring_awareness",
            text="We keep an eye on how patients and colleagues are doing.",
        ),
        Item(id="monitoring_share", text="We share what we notice so nobody is caught out."),
        Item(id="support_step_in", text="Team members step in when a colleague is overloaded."),
        Item(id="support_feedback", text="We give each other feedback in a way that helps."),
        Item(id="communication_clear", text="Handovers and messages are clear and complete."),
        Item(id="communication_check", text="We check that important information was understood."),
    ],
    subscales=[
        Subscale(
            id="team_structure",
            title="Team structure",
            items=["structure_roles", "structure_right_people"],
        ),
        Subscale(
            id="leadership", title="Leadership", items=["leadership_plans", "leadership_resources"]
        ),
        Subscale(
            id="situation_monitoring",
            title="Situation monitoring",
            items=["monitoring_awareness", "monitoring_share"],
        ),
        Subscale(
            id="mutual_support",
            title="Mutual support",
            items=["support_step_in", "support_feedback"],
        ),
        Subscale(
            id="communication",
            title="Communication",
            items=["communication_clear", "communication_check"],
        ),
    ],
    scoring=ScoringRule.MEAN,
)

RELATIONAL_LEADERSHIP = InstrumentDefinition(
    key="huddle.relational_leadership",
    title="Relational Leadership self-check",
    description="Twelve statements on the four Relational Leadership competencies, each scored "
    "as its mean; usable as a self-check or a 360.",
    kind=InstrumentKind.RELATIONAL_LEADERSHIP,
    scale=AGREE_5,
    items=[
        Item(id="self_steady", text="I stay steady and respectful when work gets tense."),
        Item(id="self_balance", text="I weigh the needs of patients, colleagues and the practice."),
        Item(id="self_reflect", text="I look back on how my actions affected others."),
        Item(id="team_model", text="I show by example how to work together across professions."),
        Item(
            id="team_invite",
            text="I invite colleagues' views before deciding things that affect them.",
        ),
        Item(id="team_share_credit", text="I share credit and make others' work visible."),
        Item(id="coach_ask", text="I ask questions that help colleagues find their own answers."),
        Item(id="coach_grow", text="I make room for others to learn and take on more."),
        Item(id="coach_feedback", text="I give feedback that is specific, timely and kind."),
        Item(id="advocacy_voice", text="I speak up for the team's needs with people outside it."),
        Item(id="advocacy_mobilise", text="I bring people together behind a change we believe in."),
        Item(id="advocacy_sustain", text="I keep commitment going when a change gets difficult."),
    ],
    subscales=[
        Subscale(
            id="managing_self",
            title="Managing Self",
            items=["self_steady", "self_balance", "self_reflect"],
        ),
        Subscale(
            id="fostering_teamwork",
            title="Fostering Teamwork",
            items=["team_model", "team_invite", "team_share_credit"],
        ),
        Subscale(
            id="coaching_mentoring",
            title="Coaching and Mentoring",
            items=["coach_ask", "coach_grow", "coach_feedback"],
        ),
        Subscale(
            id="advocacy",
            title="Advocacy",
            items=["advocacy_voice", "advocacy_mobilise", "advocacy_sustain"],
        ),
    ],
    scoring=ScoringRule.MEAN,
)

# Seeded instrument ids are stable, so campaigns and tests can name them.
SEEDS: dict[str, InstrumentDefinition] = {
    "huddle-single-item-burnout-v1": SINGLE_ITEM_BURNOUT,
    "huddle-team-pulse-v1": TEAM_PULSE,
    "huddle-psychological-safety-v1": PSYCHOLOGICAL_SAFETY,
    "huddle-teamwork-v1": TEAMWORK,
    "huddle-relational-leadership-v1": RELATIONAL_LEADERSHIP,
}
