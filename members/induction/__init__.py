"""Induction for new Steering Group members: the modules and their progress, shadowing pairings
and the skills and interests audit."""
