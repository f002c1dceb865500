"""Group fixtures: the paper fixtures (steering_group, meeting, …) shared with these tests."""

from tests.papers.conftest import meeting, steering_group  # noqa: F401
